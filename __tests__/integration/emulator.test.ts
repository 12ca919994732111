import { request } from 'node:http';
import { computeSignature, percentEncode } from '@/emulator/signature';
import { DEMO_CREDENTIALS } from '@/emulator/options';
import { control, popCoreClient, readStats, resetFaults, resetStats, setFaults } from '@/harness/emulator-control';
import { startEmulatorProcess, type EmulatorProcess } from '@/harness/emulator-process';
import { rejectionOf } from '@/harness/rejection';

interface Job {
  JobId: string;
  Status: string;
  Name?: string;
  Input?: { Type: string; Media: string };
  SubmitTime: string;
  FinishTime?: string;
  MediaInfoProperty?: { FileBasicInfo?: Record<string, string> };
  SubmitResultJson?: Record<string, unknown>;
}
interface ListResponse {
  RequestId: string;
  Jobs: Job[];
  NextPageToken?: string;
}
interface PopCoreError {
  code: string;
  data: { RequestId: string; HostId: string; Code: string; Message: string; Recommend: string };
  entry: { response: { statusCode: number } };
}

let emulator: EmulatorProcess;
let ice: ReturnType<typeof popCoreClient>;

const list = (params: Record<string, string | number> = {}) => ice.request<ListResponse>('ListMediaInfoJobs', params);

const iceError = (promise: Promise<unknown>) => rejectionOf<PopCoreError>(promise);

async function crawl(params: Record<string, string | number>, between?: () => Promise<unknown>): Promise<Job[]> {
  const jobs: Job[] = [];
  let token: string | undefined;
  do {
    const page = await list({ ...params, ...(token ? { NextPageToken: token } : {}) });
    jobs.push(...page.Jobs);
    token = page.NextPageToken;
    if (between) await between();
  } while (token);
  return jobs;
}

/** A raw signed request, for what pop-core cannot send (POST with query parameters, missing fields). */
async function rawCall(method: 'GET' | 'POST', params: Record<string, string>, where: 'query' | 'body' = 'query', headers: Record<string, string> = {}) {
  const signed = { ...params, Signature: computeSignature(method, params, DEMO_CREDENTIALS.accessKeySecret) };
  const encoded = Object.entries(signed)
    .map(([k, v]) => `${percentEncode(k)}=${percentEncode(v)}`)
    .join('&');
  const res = await fetch(where === 'query' ? `${emulator.url}/?${encoded}` : `${emulator.url}/`, {
    method,
    headers: { ...(where === 'body' ? { 'content-type': 'application/x-www-form-urlencoded' } : {}), ...headers },
    body: where === 'body' ? encoded : undefined,
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

function commonParams(action: string): Record<string, string> {
  return {
    Action: action,
    Version: '2020-11-09',
    Format: 'JSON',
    AccessKeyId: DEMO_CREDENTIALS.accessKeyId,
    SignatureMethod: 'HMAC-SHA1',
    SignatureVersion: '1.0',
    SignatureNonce: `${Math.random()}-${Date.now()}`,
    Timestamp: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
  };
}

beforeAll(async () => {
  emulator = await startEmulatorProcess(['--jobs', '300', '--seed', '7', '--job-delay-ms', '400', '--sync-probe-ms', '600']);
  ice = popCoreClient(emulator.url);
});

afterAll(() => emulator.stop());

afterEach(() => resetFaults(emulator.url));

describe('protocol and signature', () => {
  it('answers a pop-core GET with ten jobs, newest first, a RequestId and a NextPageToken', async () => {
    const page = await list();
    expect(page.RequestId).toMatch(/^[0-9A-F-]{36}$/);
    expect(page.Jobs).toHaveLength(10);
    expect(page.NextPageToken).toEqual(expect.any(String));
    const times = page.Jobs.map((j) => j.SubmitTime);
    expect([...times].sort().reverse()).toEqual(times);
  });

  it('accepts pop-core POST with a form body and the official SDK style POST with a query string', async () => {
    const viaForm = await ice.request<ListResponse>('ListMediaInfoJobs', { PageSize: 3 }, { method: 'POST' });
    expect(viaForm.Jobs).toHaveLength(3);
    const viaQuery = await rawCall('POST', { ...commonParams('ListMediaInfoJobs'), PageSize: '4' }, 'query');
    expect(viaQuery.status).toBe(200);
    expect(viaQuery.body.Jobs).toHaveLength(4);
  });

  it('names the missing common parameter', async () => {
    const params = commonParams('ListMediaInfoJobs');
    delete (params as Partial<typeof params>).Timestamp;
    const res = await rawCall('GET', params);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ Code: 'MissingParameter', Message: expect.stringContaining('Timestamp') });
    expect(Object.keys(res.body).sort()).toEqual(['Code', 'HostId', 'Message', 'Recommend', 'RequestId']);
  });

  it('refuses a wrong secret with SignatureDoesNotMatch (400), echoing the string to sign as ICE does', async () => {
    const wrong = popCoreClient(emulator.url, { ...DEMO_CREDENTIALS, accessKeySecret: 'not-the-secret' });
    const error = await iceError(wrong.request('ListMediaInfoJobs', {}));
    expect(error.code).toBe('SignatureDoesNotMatch');
    expect(error.entry.response.statusCode).toBe(400);
    expect(error.data.Message).toContain(`AccessKeyId%3D${DEMO_CREDENTIALS.accessKeyId}`);
  });

  it('refuses an unknown key with InvalidAccessKeyId.NotFound (404)', async () => {
    const stranger = popCoreClient(emulator.url, { accessKeyId: 'someone-else', accessKeySecret: 'x' });
    const error = await iceError(stranger.request('ListMediaInfoJobs', {}));
    expect(error.code).toBe('InvalidAccessKeyId.NotFound');
    expect(error.entry.response.statusCode).toBe(404);
  });

  it('refuses a timestamp more than 15 minutes off, and accepts one 14 minutes off', async () => {
    const stamp = (offsetMin: number) => new Date(Date.now() + offsetMin * 60_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
    const error = await iceError(list({ Timestamp: stamp(-16) }));
    expect(error.code).toBe('InvalidTimeStamp.Expired');
    await expect(list({ Timestamp: stamp(-14) })).resolves.toHaveProperty('Jobs');
    await expect(iceError(list({ Timestamp: stamp(16) }))).resolves.toHaveProperty('code', 'InvalidTimeStamp.Expired');
  });

  it('refuses a nonce it has seen before', async () => {
    const nonce = `nonce-${Date.now()}`;
    await list({ SignatureNonce: nonce });
    const error = await iceError(list({ SignatureNonce: nonce }));
    expect(error.code).toBe('SignatureNonceUsed');
  });

  it('refuses an unknown action (404) and another API version', async () => {
    const unknown = await iceError(ice.request('QueryMediaInfoJob', {}));
    expect(unknown.code).toBe('InvalidAction.NotFound');
    expect(unknown.entry.response.statusCode).toBe(404);
    const oldVersion = await iceError(popCoreClient(emulator.url, DEMO_CREDENTIALS, '2017-03-21').request('ListMediaInfoJobs', {}));
    expect(oldVersion.code).toBe('InvalidVersion');
  });

  it('refuses a parameter given twice', async () => {
    const params = commonParams('ListMediaInfoJobs');
    const signed = { ...params, Signature: computeSignature('GET', params, DEMO_CREDENTIALS.accessKeySecret) };
    const query = new URLSearchParams(signed);
    query.append('Status', 'Init');
    query.append('Status', 'Fail');
    const res = await fetch(`${emulator.url}/?${query}`);
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ Code: 'InvalidParameter', Message: expect.stringContaining('Status') });
  });
});

describe('ListMediaInfoJobs parameters', () => {
  it.each(['0', '101', 'abc', '1.5', '-3'])('refuses PageSize %s with InvalidParameter naming PageSize', async (size) => {
    const error = await iceError(list({ PageSize: size }));
    expect(error.code).toBe('InvalidParameter');
    expect(error.entry.response.statusCode).toBe(400);
    expect(error.data.Message).toContain('PageSize');
  });

  it('serves PageSize 1 and 100 exactly', async () => {
    expect((await list({ PageSize: 1 })).Jobs).toHaveLength(1);
    expect((await list({ PageSize: 100 })).Jobs).toHaveLength(100);
  });

  it.each(['Init', 'Success', 'Fail'])('filters by Status %s', async (status) => {
    const jobs = await crawl({ Status: status, PageSize: 50 });
    expect(jobs.length).toBeGreaterThan(0);
    expect(jobs.every((j) => j.Status === status)).toBe(true);
  });

  it('refuses an unknown Status and OrderBy, naming each', async () => {
    expect((await iceError(list({ Status: 'Done' }))).data.Message).toContain('Status');
    expect((await iceError(list({ OrderBy: 'Name' }))).data.Message).toContain('OrderBy');
  });

  it('orders by create time both ways, with the same jobs', async () => {
    const desc = await crawl({ PageSize: 100, OrderBy: 'CreateTimeDesc' });
    const asc = await crawl({ PageSize: 100, OrderBy: 'CreateTimeAsc' });
    expect(asc.map((j) => j.JobId)).toEqual([...desc].reverse().map((j) => j.JobId));
    const ascTimes = asc.map((j) => j.SubmitTime);
    expect([...ascTimes].sort()).toEqual(ascTimes);
  });

  it('keeps only jobs created inside an inclusive time range', async () => {
    const all = await crawl({ PageSize: 100, OrderBy: 'CreateTimeAsc' });
    const start = all[50]!.SubmitTime;
    const end = all[120]!.SubmitTime;
    const inRange = await crawl({ PageSize: 30, StartOfCreateTime: start, EndOfCreateTime: end, OrderBy: 'CreateTimeAsc' });
    const expected = all.filter((j) => j.SubmitTime >= start && j.SubmitTime <= end).map((j) => j.JobId);
    expect(inRange.map((j) => j.JobId)).toEqual(expected);
    expect(expected.length).toBeGreaterThanOrEqual(71);
  });

  it.each(['2024-01-01', '2024-01-01T00:00:00+08:00', '2024-01-01T00:00:00', '2024-13-01T00:00:00Z', 'yesterday'])(
    'refuses StartOfCreateTime %s, naming the field',
    async (value) => {
      const error = await iceError(list({ StartOfCreateTime: value }));
      expect(error.code).toBe('InvalidParameter');
      expect(error.data.Message).toContain('StartOfCreateTime');
    },
  );

  it('refuses an end before the start, naming EndOfCreateTime', async () => {
    const error = await iceError(list({ StartOfCreateTime: '2024-02-01T00:00:00Z', EndOfCreateTime: '2024-01-01T00:00:00Z' }));
    expect(error.data.Message).toContain('EndOfCreateTime');
  });

  it('matches JobId exactly and returns nothing for an unknown one', async () => {
    const [target] = (await list({ PageSize: 1 })).Jobs;
    const found = await list({ JobId: target!.JobId });
    expect(found.Jobs.map((j) => j.JobId)).toEqual([target!.JobId]);
    expect(found.NextPageToken).toBeUndefined();
    expect((await list({ JobId: target!.JobId.slice(0, -1) })).Jobs).toEqual([]);
  });
});

describe('NextPageToken', () => {
  it('crawls every job that existed at the start exactly once, in order, while new jobs arrive', async () => {
    const { body: health } = await control<{ jobs: number }>(emulator.url, 'GET', 'health');
    for (const OrderBy of ['CreateTimeDesc', 'CreateTimeAsc']) {
      const before = new Set((await crawl({ PageSize: 100 })).map((j) => j.JobId));
      let submitted = 0;
      const jobs = await crawl({ PageSize: 7, OrderBy }, async () => {
        await Promise.all([1, 2].map(() => ice.request('SubmitMediaInfoJob', { Input: JSON.stringify({ Type: 'OSS', Media: 'oss://b/new.mp4' }) })));
        submitted += 2;
      });
      const ids = jobs.map((j) => j.JobId);
      expect(new Set(ids).size).toBe(ids.length);
      expect(new Set(ids)).toEqual(before);
      expect(submitted).toBeGreaterThan(0);
      const times = jobs.map((j) => j.SubmitTime);
      expect(times).toEqual(OrderBy === 'CreateTimeAsc' ? [...times].sort() : [...times].sort().reverse());
    }
    expect(health.jobs).toBeGreaterThanOrEqual(300);
  });

  it('is absent (not empty) on the last page', async () => {
    let page = await list({ PageSize: 100, Status: 'Fail' });
    let pages = 1;
    while (page.NextPageToken) {
      page = await list({ PageSize: 100, Status: 'Fail', NextPageToken: page.NextPageToken });
      pages += 1;
    }
    expect(pages).toBeLessThan(10);
    expect(page).not.toHaveProperty('NextPageToken');
  });

  it('refuses an altered token instead of serving a wrong page', async () => {
    const { NextPageToken } = await list({ PageSize: 5 });
    const token = NextPageToken!;
    const flipped = token.slice(0, 3) + (token[3] === 'A' ? 'B' : 'A') + token.slice(4);
    const error = await iceError(list({ PageSize: 5, NextPageToken: flipped }));
    expect(error.code).toBe('InvalidParameter');
    expect(error.data.Message).toContain('NextPageToken');
    await expect(iceError(list({ PageSize: 5, NextPageToken: 'garbage' }))).resolves.toHaveProperty('code', 'InvalidParameter');
  });

  it('refuses a token used with other filters than it was issued for', async () => {
    const { NextPageToken } = await list({ PageSize: 5, Status: 'Success' });
    const error = await iceError(list({ PageSize: 5, Status: 'Fail', NextPageToken: NextPageToken! }));
    expect(error.data.Message).toContain('NextPageToken');
    await expect(list({ PageSize: 9, Status: 'Success', NextPageToken: NextPageToken! })).resolves.toHaveProperty('Jobs');
  });
});

describe('GetMediaInfoJob and SubmitMediaInfoJob', () => {
  it('returns the same job as the list', async () => {
    const [listed] = (await list({ PageSize: 1, Status: 'Success' })).Jobs;
    const got = await ice.request<{ RequestId: string; MediaInfoJob: Job }>('GetMediaInfoJob', { JobId: listed!.JobId });
    expect(got.MediaInfoJob).toEqual(listed);
  });

  it('answers an unknown JobId with ResourceNotFound (404) and a missing one with MissingParameter', async () => {
    const unknown = await iceError(ice.request('GetMediaInfoJob', { JobId: '0123456789abcdef0123456789abcdef' }));
    expect(unknown.code).toBe('ResourceNotFound');
    expect(unknown.entry.response.statusCode).toBe(404);
    expect((await iceError(ice.request('GetMediaInfoJob', {}))).code).toBe('MissingParameter');
  });

  it('submits a job in Init that turns Success with probe data, and lists it under each status in turn', async () => {
    const submitted = await ice.request<{ MediaInfoJob: Job }>('SubmitMediaInfoJob', {
      Input: JSON.stringify({ Type: 'OSS', Media: 'oss://media-bucket/incoming/interview.mp4' }),
      Name: 'interview',
      UserData: '{"ticket":"<b>42</b>"}',
      ScheduleConfig: JSON.stringify({ PipelineId: 'p1', Priority: 7 }),
    });
    const { JobId } = submitted.MediaInfoJob;
    expect(submitted.MediaInfoJob.Status).toBe('Init');
    expect((await list({ JobId, Status: 'Init' })).Jobs).toHaveLength(1);

    await new Promise((r) => setTimeout(r, 500));
    const { MediaInfoJob: done } = await ice.request<{ MediaInfoJob: Job }>('GetMediaInfoJob', { JobId });
    expect(done.Status).toBe('Success');
    expect(done.FinishTime).toEqual(expect.any(String));
    expect(done.MediaInfoProperty?.FileBasicInfo?.FileName).toBe('interview.mp4');
    expect((await list({ JobId, Status: 'Success' })).Jobs).toHaveLength(1);
    expect((await list({ JobId, Status: 'Init' })).Jobs).toHaveLength(0);
  });

  it('fails a job whose media does not exist, with a reason in SubmitResultJson', async () => {
    const { MediaInfoJob } = await ice.request<{ MediaInfoJob: Job }>('SubmitMediaInfoJob', {
      Input: JSON.stringify({ Type: 'OSS', Media: 'oss://media-bucket/missing/clip.mp4' }),
    });
    await new Promise((r) => setTimeout(r, 500));
    const { MediaInfoJob: done } = await ice.request<{ MediaInfoJob: Job }>('GetMediaInfoJob', { JobId: MediaInfoJob.JobId });
    expect(done.Status).toBe('Fail');
    expect(done.SubmitResultJson).toEqual(expect.objectContaining({ Message: expect.any(String) }));
    expect(done.MediaInfoProperty).toBeUndefined();
  });

  it.each([
    [{}, 'MissingParameter', 'Input'],
    [{ Input: 'not json' }, 'InvalidParameter', 'Input'],
    [{ Input: JSON.stringify({ Type: 'S3', Media: 'x' }) }, 'InvalidParameter', 'Input.Type'],
    [{ Input: JSON.stringify({ Type: 'OSS', Media: 'oss://b/v.mp4' }), ScheduleConfig: '{"Priority":11}' }, 'InvalidParameter', 'Priority'],
    [{ Input: JSON.stringify({ Type: 'Media', Media: 'oss://b/v.mp4' }) }, 'InvalidParameter', 'Input.Media'],
    [{ Input: JSON.stringify({ Type: 'OSS', Media: 'oss://bucket-only' }) }, 'InvalidParameter', 'Input.Media'],
  ])('refuses bad submit parameters %j with %s naming %s, in both submit calls', async (params, code, field) => {
    for (const action of ['SubmitMediaInfoJob', 'SubmitSyncMediaInfoJob']) {
      const error = await iceError(ice.request(action, params));
      expect(error.code).toBe(code);
      expect(error.data.Message).toContain(field);
    }
  });
});

describe('SubmitSyncMediaInfoJob', () => {
  it('answers the finished job after the probe time, listed and readable afterwards like any job', async () => {
    const started = Date.now();
    const { MediaInfoJob: job } = await ice.request<{ MediaInfoJob: Job }>('SubmitSyncMediaInfoJob', {
      Input: JSON.stringify({ Type: 'OSS', Media: 'oss://media-bucket/now/trailer.mov' }),
      Name: 'trailer',
    });
    expect(Date.now() - started).toBeGreaterThanOrEqual(550);
    expect(job).toMatchObject({ Status: 'Success', Name: 'trailer', Async: false, TriggerSource: 'API', FinishTime: expect.any(String) });
    expect(job.MediaInfoProperty?.FileBasicInfo?.FileName).toBe('trailer.mov');
    const { MediaInfoJob: read } = await ice.request<{ MediaInfoJob: Job }>('GetMediaInfoJob', { JobId: job.JobId });
    expect(read).toEqual(job);
    expect((await list({ JobId: job.JobId, Status: 'Success' })).Jobs).toHaveLength(1);
  });

  it('answers a probe that fails with HTTP 200 and the failed job, its reason in SubmitResultJson', async () => {
    const { MediaInfoJob: job } = await ice.request<{ MediaInfoJob: Job }>('SubmitSyncMediaInfoJob', { Input: JSON.stringify({ Type: 'OSS', Media: 'oss://media-bucket/notes.txt' }) });
    expect(job).toMatchObject({ Status: 'Fail', SubmitResultJson: { Code: 'InvalidMedia.UnsupportedFormat' } });
  });

  it('keeps the job of a caller that gave up before the answer, which turns final on time', async () => {
    const impatient = popCoreClient(emulator.url);
    const media = `oss://media-bucket/impatient-${Date.now()}.mp4`;
    await expect(impatient.request('SubmitSyncMediaInfoJob', { Input: JSON.stringify({ Type: 'OSS', Media: media }) }, { timeout: 200 })).rejects.toBeDefined();
    await new Promise((r) => setTimeout(r, 700));
    const found = (await list({ PageSize: 20 })).Jobs.find((j) => j.Input?.Media === media);
    expect(found).toMatchObject({ Status: 'Success', Async: false });
  });

  it('is subject to the injected faults like every call', async () => {
    await setFaults(emulator.url, { queue: ['throttle'] });
    const error = await iceError(ice.request('SubmitSyncMediaInfoJob', { Input: JSON.stringify({ Type: 'OSS', Media: 'oss://b/x.mp4' }) }));
    expect(error.code).toBe('Throttling.User');
  });
});

describe('faults and the control API', () => {
  it.each([
    ['throttle', 400, 'Throttling.User'],
    ['internalError', 500, 'InternalError'],
    ['serviceUnavailable', 503, 'ServiceUnavailable'],
  ])('injects %s as ICE would send it (%i %s)', async (kind, status, code) => {
    await setFaults(emulator.url, { queue: [kind as 'throttle'] });
    const error = await iceError(list());
    expect(error.code).toBe(code);
    expect(error.entry.response.statusCode).toBe(status);
    await expect(list()).resolves.toHaveProperty('Jobs');
  });

  it('injects an HTML 502 page, which pop-core rejects with something that is not an Error', async () => {
    await setFaults(emulator.url, { queue: ['badGateway'] });
    let caught: unknown;
    await list().catch((e: unknown) => (caught = e));
    expect(caught).toBeDefined();
    expect(caught instanceof Error).toBe(false);
    await setFaults(emulator.url, { queue: ['badGateway'] });
    const res = await fetch(emulator.url + '/?Action=ListMediaInfoJobs');
    expect(res.status).toBe(502);
    expect(res.headers.get('content-type')).toContain('text/html');
  });

  it('injects a 200 with truncated JSON', async () => {
    await setFaults(emulator.url, { queue: ['truncatedJson'] });
    const res = await fetch(emulator.url + '/?Action=ListMediaInfoJobs');
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text.startsWith('{"RequestId"')).toBe(true);
    expect(() => JSON.parse(text)).toThrow(SyntaxError);
  });

  it('hangs a request until the client gives up, and keeps serving others', async () => {
    await setFaults(emulator.url, { queue: ['hang'] });
    const hung = fetch(emulator.url + '/?Action=ListMediaInfoJobs', { signal: AbortSignal.timeout(300) });
    await expect(hung).rejects.toThrow();
    await expect(list()).resolves.toHaveProperty('Jobs');
  });

  it('adds latency with jitter', async () => {
    await setFaults(emulator.url, { latencyMs: 200, jitterMs: 50 });
    const started = Date.now();
    await list();
    expect(Date.now() - started).toBeGreaterThanOrEqual(195);
  });

  it('skews its clock so fresh signatures look expired', async () => {
    await setFaults(emulator.url, { clockSkewMs: 20 * 60_000 });
    expect((await iceError(list())).code).toBe('InvalidTimeStamp.Expired');
    await resetFaults(emulator.url);
    await expect(list()).resolves.toHaveProperty('Jobs');
  });

  it('applies a fault rate of 1 to every request until reset', async () => {
    await setFaults(emulator.url, { rates: { throttle: 1 } as never });
    for (let i = 0; i < 3; i++) expect((await iceError(list())).code).toBe('Throttling.User');
    await resetFaults(emulator.url);
    await expect(list()).resolves.toHaveProperty('Jobs');
  });

  it('refuses a fault configuration that does not make sense, naming the problem', async () => {
    const tooMuch = await control<{ issues: { path: string[] }[] }>(emulator.url, 'PUT', 'faults', { rates: { throttle: 0.7, hang: 0.6 } });
    expect(tooMuch.status).toBe(400);
    expect(tooMuch.body.issues[0]!.path).toEqual(['rates']);
    const unknown = await control(emulator.url, 'PUT', 'faults', { explode: true });
    expect(unknown.status).toBe(400);
  });

  it('counts requests by action and outcome, and resets the counters', async () => {
    await resetStats(emulator.url);
    await setFaults(emulator.url, { queue: ['internalError'] });
    await iceError(list());
    await list();
    await ice.request('GetMediaInfoJob', { JobId: (await list({ PageSize: 1 })).Jobs[0]!.JobId });
    const stats = await readStats(emulator.url);
    expect(stats.requests).toBe(4);
    expect(stats.byAction).toEqual({ ListMediaInfoJobs: 3, GetMediaInfoJob: 1 });
    expect(stats.byOutcome).toEqual({ internalError: 1, Success: 3 });
    await resetStats(emulator.url);
    expect((await readStats(emulator.url)).requests).toBe(0);
  });

  it('adds a fixture job through the control API and refuses a duplicate', async () => {
    const job = { JobId: 'fixture-0001', Status: 'Success', SubmitTime: '2020-01-01T00:00:00Z', Name: 'fixture' };
    expect((await control(emulator.url, 'POST', 'jobs', job)).status).toBe(201);
    expect((await control(emulator.url, 'POST', 'jobs', job)).status).toBe(409);
    const got = await ice.request<{ MediaInfoJob: Job }>('GetMediaInfoJob', { JobId: 'fixture-0001' });
    expect(got.MediaInfoJob).toMatchObject({ Name: 'fixture' });
  });
});

describe('the control API refuses what a web page can send', () => {
  /** node:http, not fetch: fetch will not send a Host header other than the URL's. */
  function rawControl(method: string, route: string, headers: Record<string, string>, body?: string) {
    const { hostname, port } = new URL(emulator.url);
    return new Promise<{ status: number; body: { error?: string } & Record<string, unknown> }>((resolve, reject) => {
      const req = request({ hostname, port, method, path: `/__emulator/${route}`, headers }, (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) }));
      });
      req.once('error', reject);
      req.end(body);
    });
  }

  const json = { 'content-type': 'application/json' };
  const port = () => new URL(emulator.url).port;
  const fixture = (JobId: string) => JSON.stringify({ JobId, Status: 'Success', SubmitTime: '2020-01-01T00:00:00Z' });
  const jobExists = async (JobId: string) => {
    const error = await ice.request('GetMediaInfoJob', { JobId }).then(
      () => undefined,
      (e: PopCoreError) => e,
    );
    if (error && error.code !== 'ResourceNotFound') throw new Error(`GetMediaInfoJob answered ${error.code}`);
    return !error;
  };

  it('refuses a text/plain POST /__emulator/jobs with a 415 naming the content type, and plants no job', async () => {
    const res = await rawControl('POST', 'jobs', { 'content-type': 'text/plain' }, fixture('planted-by-a-page'));
    expect(res.status).toBe(415);
    expect(res.body.error).toContain('application/json');
    expect(await jobExists('planted-by-a-page')).toBe(false);
  });

  it('refuses a PUT of faults without a JSON content type, and keeps the faults', async () => {
    const before = await control(emulator.url, 'GET', 'faults');
    const notJson: Record<string, string>[] = [{ 'content-type': 'application/x-www-form-urlencoded' }, {}];
    for (const headers of notJson) {
      expect((await rawControl('PUT', 'faults', headers, JSON.stringify({ latencyMs: 5000 }))).status).toBe(415);
    }
    expect(await control(emulator.url, 'GET', 'faults')).toEqual(before);
  });

  it.each(['http://evil.example', 'null', 'http://localhost:1', 'https://127.0.0.1:PORT'])(
    'refuses Origin %s with a 403 naming Origin, for reads and writes',
    async (origin) => {
      const headers = { origin: origin.replace('PORT', port()) };
      const read = await rawControl('GET', 'faults', headers);
      expect(read.status).toBe(403);
      expect(read.body.error).toContain('Origin');
      expect((await rawControl('POST', 'jobs', { ...headers, ...json }, fixture('planted-with-origin'))).status).toBe(403);
      expect(await jobExists('planted-with-origin')).toBe(false);
    },
  );

  it.each(['cross-site', 'same-site'])('refuses Sec-Fetch-Site %s with a 403 naming the header', async (site) => {
    const res = await rawControl('POST', 'jobs', { 'sec-fetch-site': site, ...json }, fixture('planted-cross-site'));
    expect(res.status).toBe(403);
    expect(res.body.error).toContain('Sec-Fetch-Site');
    expect(await jobExists('planted-cross-site')).toBe(false);
  });

  it('refuses a rebound Host (evil.example:1234) for reading and setting faults, and the faults stay', async () => {
    const before = await control(emulator.url, 'GET', 'faults');
    const read = await rawControl('GET', 'faults', { host: 'evil.example:1234' });
    expect(read.status).toBe(403);
    expect(read.body.error).toContain('Host');
    expect(read.body).not.toHaveProperty('latencyMs');
    const write = await rawControl('PUT', 'faults', { host: 'evil.example:1234', ...json }, JSON.stringify({ latencyMs: 5000 }));
    expect(write.status).toBe(403);
    for (const host of ['127.0.0.1.evil.example', 'localhost.evil.example:80', 'evil.example']) {
      expect((await rawControl('GET', 'faults', { host })).status).toBe(403);
    }
    expect(await control(emulator.url, 'GET', 'faults')).toEqual(before);
  });

  it("still answers loopback Hosts, the emulator's own Origins, same-origin requests and JSON with a charset", async () => {
    for (const host of ['127.0.0.1', `127.0.0.1:${port()}`, 'localhost', `LOCALHOST:${port()}`, '[::1]', `[::1]:${port()}`]) {
      expect((await rawControl('GET', 'health', { host })).status).toBe(200);
    }
    for (const name of ['127.0.0.1', 'localhost', '[::1]']) {
      expect((await rawControl('GET', 'faults', { origin: `http://${name}:${port()}` })).status).toBe(200);
    }
    for (const site of ['same-origin', 'none']) {
      expect((await rawControl('GET', 'stats', { 'sec-fetch-site': site })).status).toBe(200);
    }
    const put = await rawControl('PUT', 'faults', { 'content-type': 'application/json; charset=utf-8' }, JSON.stringify({ latencyMs: 1 }));
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({ latencyMs: 1 });
    const planted = await rawControl('POST', 'jobs', { 'content-type': 'Application/JSON' }, fixture('fixture-guard-0001'));
    expect(planted.status).toBe(201);
    expect(await jobExists('fixture-guard-0001')).toBe(true);
  });
});

describe('the RPC endpoint refuses web pages', () => {
  const submit = () => ({ ...commonParams('SubmitMediaInfoJob'), Input: JSON.stringify({ Type: 'OSS', Media: 'oss://planted/by-a-page.mp4' }), Name: 'planted by a page' });

  it.each([
    ['an Origin', { origin: 'https://evil.example' }],
    ['a null Origin', { origin: 'null' }],
    ['Sec-Fetch-Site cross-site', { 'sec-fetch-site': 'cross-site' }],
    ['Sec-Fetch-Site same-site', { 'sec-fetch-site': 'same-site' }],
  ])('refuses a correctly signed submit that carries %s, and plants nothing', async (_, headers) => {
    const before = (await list({ PageSize: 100 })).Jobs.filter((j) => j.Name === 'planted by a page').length;
    const answer = await rawCall('POST', submit(), 'body', headers);
    expect(answer.status).toBe(403);
    expect(answer.body.Code).toBe('Forbidden.WebPage');
    expect((await list({ PageSize: 100 })).Jobs.filter((j) => j.Name === 'planted by a page')).toHaveLength(before);
  });

  it('still answers the same signed call from a script', async () => {
    expect((await rawCall('POST', submit(), 'body')).status).toBe(200);
  });
});
