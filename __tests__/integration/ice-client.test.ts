import { createIceClient, type IceClient } from '@/lib/ice/client';
import type { IceConfig } from '@/lib/ice/config';
import { PortalError } from '@/lib/errors';
import type { FaultKind } from '@/emulator/faults';
import { readStats, resetFaults, resetStats, setFaults } from '@/harness/emulator-control';
import { startEmulatorProcess, type EmulatorProcess } from '@/harness/emulator-process';
import { captureLogs } from '../support/log-capture';

// The emulator runs with its own key pair and an STS token, so redaction is checked for all three.
const KEY = {
  ALIBABA_CLOUD_ACCESS_KEY_ID: 'portal-test-key-id-7f3a9c',
  ALIBABA_CLOUD_ACCESS_KEY_SECRET: 'portal-test-secret-5d1e8b2c',
  ALIBABA_CLOUD_SECURITY_TOKEN: 'portal-test-sts-token-0a9b8c7d',
};

let emulator: EmulatorProcess;
let config: Omit<IceConfig, 'regions'>;
let ice: IceClient;
let logs: ReturnType<typeof captureLogs>;

beforeAll(async () => {
  emulator = await startEmulatorProcess(['--jobs', '200', '--seed', '3', '--job-delay-ms', '200'], KEY);
  config = {
    accessKeyId: KEY.ALIBABA_CLOUD_ACCESS_KEY_ID,
    accessKeySecret: KEY.ALIBABA_CLOUD_ACCESS_KEY_SECRET,
    securityToken: KEY.ALIBABA_CLOUD_SECURITY_TOKEN,
    region: 'cn-shanghai',
    endpoint: emulator.url,
    timeoutMs: 3000,
    maxConcurrency: 8,
  };
});

afterAll(() => emulator.stop());

beforeEach(async () => {
  // A fresh client per test: a successful read is reused for a second, which must not leak between tests.
  ice = createIceClient(config);
  await resetFaults(emulator.url);
  await resetStats(emulator.url);
  logs = captureLogs();
});

afterEach(() => logs.restore());

async function failure(promise: Promise<unknown>): Promise<PortalError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(PortalError);
    return error as PortalError;
  }
  throw new Error('the call succeeded but an PortalError was expected');
}

const queue = (...kinds: FaultKind[]) => setFaults(emulator.url, { queue: kinds });

describe('reads', () => {
  it('lists jobs as typed data and pages on with the token', async () => {
    const first = await ice.listMediaInfoJobs({ PageSize: 5, Status: 'Success' });
    expect(first.Jobs).toHaveLength(5);
    expect(first.Jobs.every((j) => j.Status === 'Success')).toBe(true);
    expect(first.RequestId).toEqual(expect.any(String));
    const second = await ice.listMediaInfoJobs({ PageSize: 5, Status: 'Success', NextPageToken: first.NextPageToken });
    expect(second.Jobs.map((j) => j.JobId)).not.toContain(first.Jobs[0]!.JobId);
  });

  it('sends a time with an offset to ICE as UTC, which ICE requires', async () => {
    const all = await ice.listMediaInfoJobs({ PageSize: 100, OrderBy: 'CreateTimeAsc' });
    const pivot = all.Jobs[10]!.SubmitTime!;
    const shifted = new Date(Date.parse(pivot) + 8 * 3600_000).toISOString().replace(/\.000Z$/, '+08:00');
    const { parseListQuery } = await import('@/lib/jobs/parse-list-query');
    const query = parseListQuery({ StartOfCreateTime: shifted, OrderBy: 'CreateTimeAsc', PageSize: '1' }).ice;
    expect(query.StartOfCreateTime).toBe(pivot);
    const page = await ice.listMediaInfoJobs(query);
    expect(page.Jobs[0]!.SubmitTime! >= pivot).toBe(true);
  });

  it('gets one job, and answers an unknown JobId with job_not_found 404 and ICE\'s RequestId', async () => {
    const [job] = (await ice.listMediaInfoJobs({ PageSize: 1 })).Jobs;
    expect((await ice.getMediaInfoJob(job!.JobId)).MediaInfoJob.JobId).toBe(job!.JobId);
    const error = await failure(ice.getMediaInfoJob('ffffffffffffffffffffffffffffffff'));
    expect(error).toMatchObject({ code: 'job_not_found', status: 404, requestId: expect.stringMatching(/^[0-9A-F-]{36}$/) });
  });

  it('refuses a malformed JobId with a 400 naming JobId and makes no upstream call', async () => {
    const error = await failure(ice.getMediaInfoJob('../../etc/passwd'));
    expect(error).toMatchObject({ code: 'invalid_input', status: 400, field: 'JobId' });
    expect((await readStats(emulator.url)).requests).toBe(0);
  });

  it('maps an ICE InvalidParameter on a user field to a 400 naming it', async () => {
    const error = await failure(ice.listMediaInfoJobs({ NextPageToken: 'forged.token' }));
    expect(error).toMatchObject({ code: 'invalid_input', status: 400, field: 'NextPageToken', iceCode: 'InvalidParameter' });
  });
});

describe('upstream failures', () => {
  it('retries a throttled read and succeeds', async () => {
    await queue('throttle');
    await expect(ice.listMediaInfoJobs({})).resolves.toHaveProperty('Jobs');
    expect((await readStats(emulator.url)).requests).toBe(2);
  });

  it('gives up on throttling after a bounded number of attempts with 429 and Retry-After', async () => {
    await queue('throttle', 'throttle', 'throttle', 'throttle', 'throttle');
    const error = await failure(ice.listMediaInfoJobs({}));
    expect(error).toMatchObject({ code: 'upstream_throttled', status: 429, retryAfterSeconds: expect.any(Number) });
    expect((await readStats(emulator.url)).requests).toBe(3);
  });

  it.each([
    [['internalError'], 'upstream_unavailable', 502],
    [['serviceUnavailable'], 'upstream_unavailable', 503],
    [['badGateway'], 'upstream_bad_response', 502],
    [['truncatedJson'], 'upstream_bad_response', 502],
  ] as [FaultKind[], string, number][])('maps %j on every attempt to %s %i', async (kinds, code, status) => {
    await queue(...kinds, ...kinds, ...kinds);
    const error = await failure(ice.listMediaInfoJobs({}));
    expect(error).toMatchObject({ code, status });
  });

  it('answers 504 when ICE hangs, within the deadline', async () => {
    const hasty = createIceClient({ ...config, timeoutMs: 600 });
    await queue('hang', 'hang', 'hang');
    const started = Date.now();
    const error = await failure(hasty.listMediaInfoJobs({ PageSize: 2 }));
    expect(error).toMatchObject({ code: 'upstream_timeout', status: 504 });
    expect(Date.now() - started).toBeLessThan(1500);
  });

  it.each([
    ['a wrong secret', { accessKeySecret: 'wrong-secret-123456' }],
    ['an unknown key', { accessKeyId: 'unknown-key-id-123456' }],
    ['a missing STS token', { securityToken: undefined }],
  ])('answers 502 portal_misconfigured for %s, with ICE\'s RequestId', async (_, override) => {
    const broken = createIceClient({ ...config, ...override });
    const error = await failure(broken.listMediaInfoJobs({}));
    expect(error).toMatchObject({ code: 'portal_misconfigured', status: 502, requestId: expect.any(String) });
  });

  it('answers 502 portal_misconfigured when the clocks disagree by more than 15 minutes', async () => {
    await setFaults(emulator.url, { clockSkewMs: 30 * 60_000 });
    const error = await failure(ice.listMediaInfoJobs({}));
    expect(error).toMatchObject({ code: 'portal_misconfigured', iceCode: 'InvalidTimeStamp.Expired' });
  });

  it('answers 502 when nothing listens at the endpoint', async () => {
    const nowhere = createIceClient({ ...config, endpoint: 'http://127.0.0.1:9', timeoutMs: 1500 });
    const error = await failure(nowhere.listMediaInfoJobs({}));
    expect(error).toMatchObject({ code: 'upstream_unavailable', status: 502 });
  });

  it('never retries a submit', async () => {
    await queue('internalError');
    const error = await failure(ice.submitMediaInfoJob({ Input: { Type: 'OSS', Media: 'oss://b/a.mp4' } }));
    expect(error.status).toBe(502);
    expect((await readStats(emulator.url)).requests).toBe(1);
  });

  it('submits a job with JSON-encoded Input and ScheduleConfig', async () => {
    const { MediaInfoJob } = await ice.submitMediaInfoJob({
      Input: { Type: 'OSS', Media: 'oss://bucket/in/clip.mov' },
      Name: 'clip',
      ScheduleConfig: { Priority: 6 },
    });
    expect(MediaInfoJob).toMatchObject({ Status: 'Init', Input: { Type: 'OSS', Media: 'oss://bucket/in/clip.mov' }, ScheduleConfig: { Priority: 6 } });
  });
});

describe('cancellation, concurrency and coalescing', () => {
  it('stops at once when the caller aborts, and ICE sees the connection closed', async () => {
    await setFaults(emulator.url, { latencyMs: 2000 });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const started = Date.now();
    const error = await failure(ice.listMediaInfoJobs({ PageSize: 3 }, { signal: controller.signal }));
    expect(error.code).toBe('aborted');
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('makes one upstream call for 100 identical concurrent reads', async () => {
    await setFaults(emulator.url, { latencyMs: 150 });
    const results = await Promise.all(Array.from({ length: 100 }, () => ice.listMediaInfoJobs({ PageSize: 7, Status: 'Fail' })));
    expect(new Set(results.map((r) => r.RequestId)).size).toBe(1);
    expect((await readStats(emulator.url)).requests).toBe(1);
  });

  it('keeps a shared read going while one of its callers gives up', async () => {
    await setFaults(emulator.url, { latencyMs: 300 });
    const quitter = new AbortController();
    const first = ice.listMediaInfoJobs({ PageSize: 4 }, { signal: quitter.signal });
    const second = ice.listMediaInfoJobs({ PageSize: 4 });
    quitter.abort();
    await expect(first).rejects.toMatchObject({ code: 'aborted' });
    await expect(second).resolves.toHaveProperty('Jobs');
    expect((await readStats(emulator.url)).requests).toBe(1);
  });

  it('holds upstream calls in flight to the configured cap', async () => {
    const capped = createIceClient({ ...config, maxConcurrency: 2 });
    await setFaults(emulator.url, { latencyMs: 200 });
    const started = Date.now();
    await Promise.all([1, 2, 3, 4, 5, 6].map((n) => capped.listMediaInfoJobs({ PageSize: n })));
    // Six distinct calls, two at a time, 200 ms each: at least three rounds.
    expect(Date.now() - started).toBeGreaterThanOrEqual(590);
    expect((await readStats(emulator.url)).requests).toBe(6);
  });
});

describe('redaction', () => {
  it('never lets the key id, secret, token or a signature out through errors or logs, on any error path', async () => {
    const produced: string[] = [];
    const record = (error: PortalError) => produced.push(error.message, JSON.stringify(error), String(error), error.stack ?? '');
    const scenarios: (() => Promise<unknown>)[] = [
      () => createIceClient({ ...config, accessKeySecret: 'wrong-secret-123456' }).listMediaInfoJobs({}),
      () => createIceClient({ ...config, accessKeyId: 'unknown-key-id-123456' }).listMediaInfoJobs({}),
      () => createIceClient({ ...config, securityToken: 'another-sts-token-99999' }).listMediaInfoJobs({}),
      () => ice.getMediaInfoJob('00000000000000000000000000000000'),
      () => ice.listMediaInfoJobs({ NextPageToken: 'forged.token' }),
      () => createIceClient({ ...config, endpoint: 'http://127.0.0.1:9', timeoutMs: 500 }).listMediaInfoJobs({}),
    ];
    for (const kind of ['throttle', 'internalError', 'serviceUnavailable', 'badGateway', 'truncatedJson'] as FaultKind[]) {
      scenarios.push(async () => {
        await queue(kind, kind, kind);
        return ice.listMediaInfoJobs({ PageSize: 9 });
      });
    }
    scenarios.push(async () => {
      await queue('hang', 'hang', 'hang');
      return createIceClient({ ...config, timeoutMs: 400 }).listMediaInfoJobs({ PageSize: 8 });
    });
    for (const scenario of scenarios) record(await failure(scenario()));

    const logged = logs.lines();
    const everything = [...produced, ...logged].join('\n');
    expect(logged.length).toBeGreaterThanOrEqual(scenarios.length);
    for (const secret of [...Object.values(KEY), 'wrong-secret-123456', 'another-sts-token-99999']) {
      expect(everything).not.toContain(secret);
    }
    expect(everything).not.toMatch(/Signature=(?!\[redacted\])/);
  });
});
