// Alibaba Cloud's official OpenAPI runtime (what every generated SDK, ICE's included, calls) against the
// emulator process, in its default signature V3 and in its 'v2' mode (signature 1.0 in the query).
import OpenApiClient, { Config, OpenApiRequest, Params } from '@alicloud/openapi-client';
import { RuntimeOptions } from '@alicloud/tea-util';
import { DEMO_CREDENTIALS } from '@/emulator/options';
import { popCoreClient } from '@/harness/emulator-control';
import { startEmulatorProcess, type EmulatorProcess } from '@/harness/emulator-process';
import { rejectionOf } from '@/harness/rejection';

interface Job {
  JobId: string;
  Status: string;
  SubmitTime?: string;
  Input?: { Type: string; Media: string };
  Name?: string;
}
interface ListResponse {
  RequestId: string;
  Jobs: Job[];
  NextPageToken?: string;
}
interface JobResponse {
  RequestId: string;
  MediaInfoJob: Job;
}
interface TeaError {
  code: string;
  data: { statusCode: number; Code: string; Message: string; RequestId: string };
}

type Mode = 'v3' | 'v2';

let emulator: EmulatorProcess;

beforeAll(async () => {
  emulator = await startEmulatorProcess(['--jobs', '300', '--seed', '11', '--job-delay-ms', '200']);
});

afterAll(async () => {
  await emulator?.stop();
});

function officialClient(mode: Mode, credentials = DEMO_CREDENTIALS): OpenApiClient {
  return new OpenApiClient(
    new Config({
      ...credentials,
      endpoint: new URL(emulator.url).host,
      protocol: 'http',
      regionId: 'cn-shanghai',
      // Left unset the client signs with ACS3-HMAC-SHA256; 'v2' is its name for RPC signature 1.0.
      ...(mode === 'v2' ? { signatureAlgorithm: 'v2' } : {}),
    }),
  );
}

/** One RPC action the generic way a generated SDK makes it: Params + OpenApiRequest + callApi. */
async function callAction<T>(
  client: OpenApiClient,
  action: string,
  args: { query?: Record<string, string>; body?: Record<string, string>; method?: 'GET' | 'POST' },
): Promise<T> {
  const params = new Params({
    action,
    version: '2020-11-09',
    protocol: 'HTTP',
    pathname: '/',
    method: args.method ?? 'POST',
    authType: 'AK',
    style: 'RPC',
    reqBodyType: 'formData',
    bodyType: 'json',
  });
  const request = new OpenApiRequest({ query: args.query, body: args.body });
  const response = await client.callApi(params, request, new RuntimeOptions({ autoretry: false }));
  return response.body as T;
}

const teaError = (promise: Promise<unknown>) => rejectionOf<TeaError>(promise);

describe.each<Mode>(['v3', 'v2'])('the official OpenAPI client in %s mode', (mode) => {
  let client: OpenApiClient;
  beforeAll(() => {
    client = officialClient(mode);
  });

  it.each<'GET' | 'POST'>(['POST', 'GET'])('lists with every filter over continued pages (%s), the same jobs pop-core gets', async (method) => {
    const filters = {
      Status: 'Success',
      OrderBy: 'CreateTimeAsc',
      StartOfCreateTime: new Date(Date.now() - 60 * 86_400_000).toISOString().replace(/\.\d{3}Z$/, 'Z'),
      EndOfCreateTime: new Date(Date.now() - 20 * 86_400_000).toISOString().replace(/\.\d{3}Z$/, 'Z'),
    };
    const jobs: Job[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      const page = await callAction<ListResponse>(client, 'ListMediaInfoJobs', {
        method,
        query: { ...filters, PageSize: '20', ...(token ? { NextPageToken: token } : {}) },
      });
      jobs.push(...page.Jobs);
      token = page.NextPageToken;
      pages += 1;
    } while (token);

    expect(pages).toBeGreaterThan(2);
    expect(jobs.every((job) => job.Status === 'Success')).toBe(true);
    const times = jobs.map((job) => Date.parse(job.SubmitTime!));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(times.every((t) => t >= Date.parse(filters.StartOfCreateTime) && t <= Date.parse(filters.EndOfCreateTime))).toBe(true);

    const popCore = popCoreClient(emulator.url);
    const reference: Job[] = [];
    token = undefined;
    do {
      const page: ListResponse = await popCore.request<ListResponse>('ListMediaInfoJobs', { ...filters, PageSize: 100, ...(token ? { NextPageToken: token } : {}) });
      reference.push(...page.Jobs);
      token = page.NextPageToken;
    } while (token);
    expect(jobs.map((job) => job.JobId)).toEqual(reference.map((job) => job.JobId));

    const [first] = jobs;
    const byId = await callAction<ListResponse>(client, 'ListMediaInfoJobs', { method, query: { JobId: first!.JobId } });
    expect(byId.Jobs.map((job) => job.JobId)).toEqual([first!.JobId]);
  });

  it('gets a job', async () => {
    const { Jobs } = await callAction<ListResponse>(client, 'ListMediaInfoJobs', { query: { PageSize: '1' } });
    const { MediaInfoJob } = await callAction<JobResponse>(client, 'GetMediaInfoJob', { query: { JobId: Jobs[0]!.JobId } });
    expect(MediaInfoJob.JobId).toBe(Jobs[0]!.JobId);
  });

  it.each<'query' | 'body'>(['query', 'body'])('submits a CJK object name in the %s and gets it back unchanged', async (where) => {
    const args = {
      Input: JSON.stringify({ Type: 'OSS', Media: `oss://媒体-bucket/视频/样片 ${mode} ${where} (1)*.mp4` }),
      Name: `样片 ${mode} ${where}`,
    };
    const submitted = await callAction<JobResponse>(client, 'SubmitMediaInfoJob', where === 'query' ? { query: args } : { body: args });
    expect(submitted.MediaInfoJob.JobId).toBeTruthy();
    const { MediaInfoJob } = await callAction<JobResponse>(client, 'GetMediaInfoJob', { query: { JobId: submitted.MediaInfoJob.JobId } });
    expect(MediaInfoJob.Input).toEqual(JSON.parse(args.Input));
    expect(MediaInfoJob.Name).toBe(args.Name);
  });

  it('is refused with SignatureDoesNotMatch (400) for a wrong secret, echoing its own signature version', async () => {
    const wrong = officialClient(mode, { ...DEMO_CREDENTIALS, accessKeySecret: 'not-the-secret' });
    const error = await teaError(callAction(wrong, 'ListMediaInfoJobs', { query: { PageSize: '1' } }));
    expect(error.code).toBe('SignatureDoesNotMatch');
    expect(error.data.statusCode).toBe(400);
    expect(error.data.Message).toContain(mode === 'v3' ? 'server string to sign is:ACS3-HMAC-SHA256\n' : 'server string to sign is:POST&%2F&');
  });

  it('is refused with InvalidAccessKeyId.NotFound (404) for an unknown key id', async () => {
    const stranger = officialClient(mode, { ...DEMO_CREDENTIALS, accessKeyId: 'unknown-key-id' });
    const error = await teaError(callAction(stranger, 'ListMediaInfoJobs', { query: { PageSize: '1' } }));
    expect(error.code).toBe('InvalidAccessKeyId.NotFound');
    expect(error.data.statusCode).toBe(404);
  });
});
