import { readStats, resetFaults, resetStats, setFaults } from '@/harness/emulator-control';
import { startPortalStack, type PortalStack } from '@/harness/portal-stack';

let stack: PortalStack;
const api = (path: string, init?: RequestInit) => fetch(`${stack.portal.url}${path}`, init);

beforeAll(async () => {
  stack = await startPortalStack({ emulatorArgs: ['--jobs', '250', '--seed', '5'], portalEnv: { ICE_TIMEOUT_MS: '1500' } });
});

afterAll(() => stack?.stop());

beforeEach(async () => {
  await resetFaults(stack.emulator.url);
  await resetStats(stack.emulator.url);
});

interface ErrorBody {
  error: { code: string; message: string; field?: string; requestId?: string };
}

async function expectError(res: Response, status: number, code: string): Promise<ErrorBody['error']> {
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toContain('application/json');
  expect(res.headers.get('cache-control')).toBe('private, no-store');
  const text = await res.text();
  expect(text).not.toMatch(/\bat \S+ \(|\.ts:\d+|node_modules/); // no stack trace, ever
  const body = JSON.parse(text) as ErrorBody;
  expect(body.error.code).toBe(code);
  expect(body.error.message.length).toBeGreaterThan(10);
  return body.error;
}

describe('GET /api/jobs', () => {
  it("answers in ICE's shape and pages with the API's own parameter names", async () => {
    const res = await api('/api/jobs?PageSize=5&Status=Success&OrderBy=CreateTimeAsc');
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('private, no-store');
    const first = (await res.json()) as { Jobs: { JobId: string; Status: string; SubmitTime: string }[]; NextPageToken: string; RequestId: string };
    expect(Object.keys(first).sort()).toEqual(['Jobs', 'NextPageToken', 'RequestId']);
    expect(first.Jobs).toHaveLength(5);
    expect(first.Jobs.every((j) => j.Status === 'Success')).toBe(true);
    const second = (await (await api(`/api/jobs?PageSize=5&Status=Success&OrderBy=CreateTimeAsc&NextPageToken=${encodeURIComponent(first.NextPageToken)}`)).json()) as typeof first;
    expect(second.Jobs[0]!.SubmitTime >= first.Jobs[4]!.SubmitTime).toBe(true);
    expect(second.Jobs.map((j) => j.JobId)).not.toContain(first.Jobs[4]!.JobId);
  });

  it('refuses PageSize above 100 with a 400 naming PageSize, without calling ICE', async () => {
    const error = await expectError(await api('/api/jobs?PageSize=101'), 400, 'invalid_input');
    expect(error.field).toBe('PageSize');
    expect((await readStats(stack.emulator.url)).requests).toBe(0);
  });

  it('refuses a repeated parameter with a 400 naming it', async () => {
    expect((await expectError(await api('/api/jobs?Status=Init&Status=Fail'), 400, 'invalid_input')).field).toBe('Status');
  });

  it('refuses a time without an offset with a 400 naming it', async () => {
    expect((await expectError(await api('/api/jobs?StartOfCreateTime=2024-01-01T00:00'), 400, 'invalid_input')).field).toBe('StartOfCreateTime');
  });

  it('ignores names that are not ListMediaInfoJobs parameters, so none can reach the signer', async () => {
    const res = await api('/api/jobs?Action=SubmitMediaInfoJob&AccessKeyId=evil&Signature=x&PageSize=2');
    expect(res.status).toBe(200);
    expect(((await res.json()) as { Jobs: unknown[] }).Jobs).toHaveLength(2);
    expect((await readStats(stack.emulator.url)).byAction).toEqual({ ListMediaInfoJobs: 1 });
  });

  it('answers 405 in JSON to anything but GET and POST, and a POST from someone who may not submit with 403', async () => {
    for (const method of ['PUT', 'PATCH', 'DELETE']) {
      const res = await api('/api/jobs', { method, headers: { origin: stack.portal.url } });
      await expectError(res, 405, 'method_not_allowed');
      expect(res.headers.get('allow')).toBe('GET, POST');
    }
    // AUTH_MODE=none without ALLOW_ANONYMOUS_SUBMIT: nobody may submit.
    const post = await api('/api/jobs', { method: 'POST', headers: { origin: stack.portal.url, 'content-type': 'application/json' }, body: JSON.stringify({ Input: { Media: 'oss://b/a.mp4' } }) });
    await expectError(post, 403, 'submit_forbidden');
    expect((await readStats(stack.emulator.url)).byAction.SubmitMediaInfoJob).toBeUndefined();
  });

  it('makes at most one upstream call for 100 identical concurrent requests', async () => {
    // ICE slow (within ICE_TIMEOUT_MS, 1.5 s here) so the 100 have 2.2 s to arrive and share one call: at
    // 300 ms a loaded two-core machine once spread them past the answer's 1 s reuse.
    await setFaults(stack.emulator.url, { latencyMs: 1200 });
    const responses = await Promise.all(Array.from({ length: 100 }, () => api('/api/jobs?PageSize=3&Status=Fail')));
    expect(responses.every((r) => r.status === 200)).toBe(true);
    expect((await readStats(stack.emulator.url)).requests).toBeLessThanOrEqual(1);
  });
});

describe('upstream failures through the API', () => {
  it('answers 429 with Retry-After when ICE keeps throttling', async () => {
    await setFaults(stack.emulator.url, { rates: { throttle: 1 } as never });
    const res = await api('/api/jobs?PageSize=4');
    const error = await expectError(res, 429, 'upstream_throttled');
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(error.requestId).toMatch(/^[0-9A-F-]{36}$/);
  });

  it('answers 502 for an HTML error page and 504 when ICE hangs, and keeps serving', async () => {
    await setFaults(stack.emulator.url, { rates: { badGateway: 1 } as never });
    await expectError(await api('/api/jobs?PageSize=6'), 502, 'upstream_bad_response');
    await setFaults(stack.emulator.url, { rates: { hang: 1 } as never });
    await expectError(await api('/api/jobs?PageSize=7'), 504, 'upstream_timeout');
    await resetFaults(stack.emulator.url);
    expect((await api('/api/jobs?PageSize=8')).status).toBe(200);
  });
});

describe('GET /api/jobs/[jobId]', () => {
  it('returns one job in ICE shape', async () => {
    const { Jobs } = (await (await api('/api/jobs?PageSize=1')).json()) as { Jobs: { JobId: string }[] };
    const res = await api(`/api/jobs/${Jobs[0]!.JobId}`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { MediaInfoJob: { JobId: string }; RequestId: string };
    expect(body.MediaInfoJob.JobId).toBe(Jobs[0]!.JobId);
    expect(body.RequestId).toEqual(expect.any(String));
  });

  it('answers an unknown id with 404 and a malformed one with 400 naming JobId', async () => {
    await expectError(await api('/api/jobs/0123456789abcdef0123456789abcdef'), 404, 'job_not_found');
    expect((await expectError(await api('/api/jobs/%3Cscript%3E'), 400, 'invalid_input')).field).toBe('JobId');
  });
});

describe('GET /api/health', () => {
  it('answers without calling ICE', async () => {
    const res = await api('/api/health');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
    expect((await readStats(stack.emulator.url)).requests).toBe(0);
  });
});
