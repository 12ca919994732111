import { randomBytes } from 'node:crypto';
import { readStats, resetStats } from '@/harness/emulator-control';
import { startEmulatorProcess, type EmulatorProcess } from '@/harness/emulator-process';
import { signInThrough, startFakeIdp } from '@/harness/fake-idp';
import type { PortalProcess } from '@/harness/portal-process';
import { startOidcPortalAgainst, startPortalAgainst } from '@/harness/portal-stack';
import { startRedisProcess, type RedisProcess } from '@/harness/redis-process';

// Submitting probes against real processes: the emulator (SubmitMediaInfoJob, SubmitSyncMediaInfoJob),
// two signed-in portals sharing one redis-server (a double submit across them makes one job), and two
// portals without sign-in, one open to anonymous submits with a small submit budget, one closed. Every
// refusal is checked to cost no ICE call.

const AUTH_SECRET = randomBytes(32).toString('base64url');
let emulator: EmulatorProcess;
/** Its probes take 2.5 s, past the slow portal's ICE_SYNC_TIMEOUT_MS. */
let slowEmulator: EmulatorProcess;
let redis: RedisProcess;
let idp: Awaited<ReturnType<typeof startFakeIdp>>;
let a: PortalProcess;
let b: PortalProcess;
let open: PortalProcess;
let closed: PortalProcess;
let slow: PortalProcess;
let ann: string; // in AUTH_SUBMIT_GROUPS
let cat: string; // a verified email of AUTH_SUBMIT_EMAIL_DOMAINS
let ben: string; // neither

interface Answer {
  status: number;
  body: Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
}

beforeAll(async () => {
  [emulator, slowEmulator, redis, idp] = await Promise.all([
    startEmulatorProcess(['--jobs', '40', '--seed', '51', '--job-delay-ms', '1500', '--sync-probe-ms', '300']),
    startEmulatorProcess(['--jobs', '5', '--sync-probe-ms', '2500']),
    startRedisProcess(),
    startFakeIdp('submit-test'),
  ]);
  const shared = { AUTH_SECRET, REDIS_URL: redis.url, AUTH_RATE_LIMIT_PER_MINUTE: '100000', AUTH_SUBMIT_GROUPS: 'Probers', AUTH_SUBMIT_EMAIL_DOMAINS: 'probe.example' };
  [a, b, open, closed, slow] = await Promise.all([
    startOidcPortalAgainst(emulator.url, idp, shared),
    startOidcPortalAgainst(emulator.url, idp, shared),
    startPortalAgainst(emulator.url, { AUTH_MODE: 'none', ALLOW_ANONYMOUS_SUBMIT: 'true', SUBMIT_RATE_LIMIT_PER_MINUTE: '3' }),
    startPortalAgainst(emulator.url, { AUTH_MODE: 'none' }),
    startPortalAgainst(slowEmulator.url, { AUTH_MODE: 'none', ALLOW_ANONYMOUS_SUBMIT: 'true', ICE_SYNC_TIMEOUT_MS: '1000' }),
  ]);
  const signIn = (sub: string, email: string, groups: string[]) => signInThrough(a.url, idp, (claims) => ({ ...claims, sub, email, email_verified: true, groups }));
  ann = await signIn('ann', 'ann@example.com', ['probers']);
  cat = await signIn('cat', 'cat@probe.example', []);
  ben = await signIn('ben', 'ben@example.com', ['viewers']);
});

afterAll(async () => {
  await Promise.all([a, b, open, closed, slow].map((portal) => portal?.stop()));
  await Promise.all([redis?.stop(), emulator?.stop(), slowEmulator?.stop(), idp?.close()]);
});

beforeEach(() => resetStats(emulator.url));

/** The CSRF token the portal's own form carries, read from /jobs/new as the browser gets it. */
async function csrfOf(portal: PortalProcess, cookie = ''): Promise<string> {
  const html = await (await fetch(`${portal.url}/jobs/new`, { headers: { cookie } })).text();
  const token = /csrfToken\\*":\\*"([\w-]{43})/.exec(html)?.[1];
  if (!token) throw new Error('no CSRF token on /jobs/new');
  return token;
}

/** A submit as the portal's form sends it: cookie, Origin and CSRF token. */
async function submit(portal: PortalProcess, body: unknown, { cookie = '', csrf, origin = portal.url, path = '/api/jobs' }: { cookie?: string; csrf?: string | null; origin?: string; path?: string } = {}): Promise<Answer> {
  const token = csrf === undefined ? await csrfOf(portal, cookie) : csrf;
  const response = await fetch(`${portal.url}${path}`, {
    method: 'POST',
    headers: { cookie, origin, 'content-type': 'application/json', ...(token ? { 'x-csrf-token': token } : {}) },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Answer['body'] };
}

const submitCalls = async () => {
  const { byAction } = await readStats(emulator.url);
  return (byAction.SubmitMediaInfoJob ?? 0) + (byAction.SubmitSyncMediaInfoJob ?? 0);
};

const readJob = async (portal: PortalProcess, jobId: string, cookie = '') =>
  (await (await fetch(`${portal.url}/api/jobs/${jobId}`, { headers: { cookie } })).json()) as { MediaInfoJob: Record<string, any> }; // eslint-disable-line @typescript-eslint/no-explicit-any

const unique = () => randomBytes(4).toString('hex');

describe('probe now and submit', () => {
  it('answers a probe now inline with the finished job, which is listed and readable afterwards', async () => {
    const media = `oss://media-bucket/in/clip-${unique()}.mp4`;
    const { status, body } = await submit(a, { Input: { Media: media }, Name: 'inline probe', Sync: true }, { cookie: ann });
    expect(status).toBe(200);
    expect(body).toMatchObject({ JobId: expect.any(String), RequestId: expect.any(String), MediaInfoJob: { Status: 'Success', Input: { Type: 'OSS', Media: media }, Name: 'inline probe', Async: false } });
    expect(body.MediaInfoJob.MediaInfoProperty.VideoStreamInfoList.length).toBeGreaterThan(0);
    expect((await readJob(a, body.JobId, ann)).MediaInfoJob).toMatchObject({ JobId: body.JobId, Status: 'Success' });
    expect((await readStats(emulator.url)).byAction.SubmitSyncMediaInfoJob).toBe(1);
  });

  it('answers a probe now of a file ICE cannot read with the failed job, as ICE does', async () => {
    const { status, body } = await submit(a, { Input: { Media: `oss://media-bucket/missing-${unique()}.mov` }, Sync: true }, { cookie: ann });
    expect(status).toBe(200);
    expect(body.MediaInfoJob).toMatchObject({ Status: 'Fail', SubmitResultJson: { Code: 'InvalidParameter.ResourceNotFound' } });
  });

  it('starts a job with Submit (201) that turns final, with the settings it was given', async () => {
    const { status, body } = await submit(
      a,
      { Input: { Type: 'OSS', Media: `https://cdn.example.com/v/${unique()}.mkv` }, UserData: '{ "order": 12345678901234567890 }', ScheduleConfig: { PipelineId: 'pipe-1', Priority: 7 } },
      { cookie: cat },
    );
    expect(status).toBe(201);
    expect(Object.keys(body).sort()).toEqual(['JobId', 'Region', 'RequestId']);
    expect((await readJob(a, body.JobId, cat)).MediaInfoJob).toMatchObject({ Status: 'Init', ScheduleConfig: { PipelineId: 'pipe-1', Priority: 7 }, UserData: '{"order":12345678901234567890}' });
    const deadline = Date.now() + 15_000;
    let job;
    do {
      await new Promise((r) => setTimeout(r, 300));
      job = (await readJob(a, body.JobId, cat)).MediaInfoJob;
    } while (job.Status === 'Init' && Date.now() < deadline);
    expect(job.Status).toBe('Success');
  });

  it('writes a submit line with the person, the input and the new JobId', async () => {
    const media = `oss://media-bucket/audit-${unique()}.mp4`;
    const { body } = await submit(a, { Input: { Media: media } }, { cookie: ann });
    const output = await a.settledOutput((text) => text.includes(body.JobId));
    const line = output.split('\n').find((l) => l.includes('"event":"submit"') && l.includes(body.JobId));
    expect(JSON.parse(line!)).toMatchObject({ user: 'ann@example.com', jobId: body.JobId, input: media, sync: false, region: 'cn-shanghai' });
  });
});

describe('a probe that takes too long', () => {
  it('answers 504 naming the list where the job will show, never to try again, and the job shows there', async () => {
    const name = `slow-${unique()}.mp4`;
    const { status, body } = await submit(slow, { Input: { Media: `oss://media-bucket/${name}` }, Sync: true });
    expect(status).toBe(504);
    expect(body.error).toMatchObject({ code: 'probe_slow', params: { seconds: 1, listUrl: expect.stringContaining(`Search=${name}`) } });
    expect(body.error.message).not.toMatch(/try again/i);
    await new Promise((r) => setTimeout(r, 2000));
    const listed = (await (await fetch(`${slow.url}/api${body.error.params.listUrl}`)).json()) as { Jobs: { Input: { Media: string }; Status: string }[] };
    expect(listed.Jobs.map((job) => [job.Input.Media, job.Status])).toEqual([[`oss://media-bucket/${name}`, 'Success']]);
  });
});

describe('bad input', () => {
  it.each([
    [{ Input: { Media: 'ftp://host/a.mp4' } }, 'Input.Media', 'media_input'],
    [{ Input: { Media: '' } }, 'Input.Media', 'required'],
    [{ Input: { Type: 'S3', Media: 'oss://b/a.mp4' } }, 'Input.Type', 'one_of'],
    [{ Input: { Media: 'oss://b/a.mp4' }, ScheduleConfig: { Priority: 11 } }, 'ScheduleConfig.Priority', 'whole_number'],
    [{ Input: { Media: 'oss://b/a.mp4' }, UserData: 'x'.repeat(1025) }, 'UserData', 'too_long'],
    [{ Input: { Media: 'oss://b/a.mp4' }, Name: 'n'.repeat(129) }, 'Name', 'too_long'],
    [{ Input: { Media: 'oss://b/a.mp4' }, Sync: 'yes' }, 'Sync', 'one_of'],
    [{ Input: { Media: 'oss://b/a.mp4' }, Priority: 3 }, 'Priority', 'not_a_field'],
    [{ Name: 'no input' }, 'Input', 'required'],
  ])('refuses %j with a 400 naming %s, before any ICE call', async (body, field, reason) => {
    const answer = await submit(a, body, { cookie: ann });
    expect(answer.status).toBe(400);
    expect(answer.body.error).toMatchObject({ code: 'invalid_input', field, params: { field, reason } });
    expect(await submitCalls()).toBe(0);
  });

  it('refuses a body that is not JSON, or not sent as JSON', async () => {
    const csrf = await csrfOf(a, ann);
    for (const [type, text] of [
      ['application/json', '{"Input":'],
      ['text/plain', JSON.stringify({ Input: { Media: 'oss://b/a.mp4' } })],
    ]) {
      const response = await fetch(`${a.url}/api/jobs`, { method: 'POST', headers: { cookie: ann, origin: a.url, 'x-csrf-token': csrf, 'content-type': type! }, body: text });
      expect(response.status).toBe(400);
      expect(((await response.json()) as Answer['body']).error.field).toBe('body');
    }
    expect(await submitCalls()).toBe(0);
  });

  it("shows ICE's own refusal at its field: a URL sent as a media asset id", async () => {
    const { status, body } = await submit(a, { Input: { Type: 'Media', Media: 'oss://b/a.mp4' } }, { cookie: ann });
    expect(status).toBe(400);
    expect(body.error).toMatchObject({ code: 'invalid_input', field: 'Input.Media', requestId: expect.any(String), params: { reason: 'ice_refused', said: expect.stringContaining('media asset id') } });
    expect(await submitCalls()).toBe(1);
  });
});

describe('who may submit', () => {
  it('refuses a person outside AUTH_SUBMIT_GROUPS and AUTH_SUBMIT_EMAIL_DOMAINS with a 403, and ICE sees no call', async () => {
    for (const path of ['/api/jobs', '/api/jobs/batch']) {
      const answer = await submit(a, path === '/api/jobs' ? { Input: { Media: 'oss://b/a.mp4' } } : { Inputs: ['oss://b/a.mp4'] }, { cookie: ben, csrf: null, path });
      expect(answer.status).toBe(403);
      expect(answer.body.error.code).toBe('submit_forbidden');
    }
    const page = await (await fetch(`${a.url}/jobs/new`, { headers: { cookie: ben } })).text();
    expect(page).not.toMatch(/csrfToken/);
    expect(page).toContain('You may not submit probes');
    expect(await submitCalls()).toBe(0);
  });

  it("hides the ways to submit from people who may not, and shows them to people who may", async () => {
    const job = (await (await fetch(`${a.url}/api/jobs?PageSize=1`, { headers: { cookie: ann } })).json()) as { Jobs: { JobId: string }[] };
    const jobId = job.Jobs[0]!.JobId;
    const pageOf = async (cookie: string) => (await fetch(`${a.url}/jobs/${jobId}`, { headers: { cookie } })).text();
    expect(await pageOf(ann)).toContain(`/jobs/new?RerunOf=${jobId}`);
    expect(await pageOf(ann)).toContain('href="/jobs/new"');
    expect(await pageOf(ben)).not.toContain('/jobs/new');
  });

  it('refuses a cross-site POST, a missing CSRF token and another session\'s token, with no ICE call', async () => {
    const body = { Input: { Media: `oss://b/${unique()}.mp4` } };
    expect((await submit(a, body, { cookie: ann, origin: 'https://evil.example' })).body.error.code).toBe('cross_origin');
    expect((await submit(a, body, { cookie: ann, csrf: null })).body.error.code).toBe('csrf_invalid');
    expect((await submit(a, body, { cookie: ann, csrf: await csrfOf(a, cat) })).body.error.code).toBe('csrf_invalid');
    const noOrigin = await fetch(`${a.url}/api/jobs`, { method: 'POST', headers: { cookie: ann, 'content-type': 'application/json', 'x-csrf-token': await csrfOf(a, ann) }, body: JSON.stringify(body) });
    expect(noOrigin.status).toBe(403);
    expect(await submitCalls()).toBe(0);
  });

  it('lets a submit-scoped API token submit without a cookie or CSRF token, and refuses a read token', async () => {
    const make = async (cookie: string, Scope: string) =>
      fetch(`${a.url}/api/tokens`, { method: 'POST', headers: { cookie, origin: a.url, 'content-type': 'application/json' }, body: JSON.stringify({ Name: `script ${Scope}`, ExpiresInDays: 7, Scope }) });
    const submitToken = ((await (await make(ann, 'submit')).json()) as { Secret: string }).Secret;
    const readToken = ((await (await make(ann, 'read')).json()) as { Secret: string }).Secret;
    const asScript = (token: string) =>
      fetch(`${b.url}/api/jobs`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify({ Input: { Media: `oss://b/script-${unique()}.mp4` } }) });
    const refused = await asScript(readToken);
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as Answer['body']).error.code).toBe('token_scope');
    expect(await submitCalls()).toBe(0);
    const made = await asScript(submitToken);
    expect(made.status).toBe(201);
    expect(await submitCalls()).toBe(1);
    // Someone who may not submit cannot make a token that would.
    const denied = await make(ben, 'submit');
    expect(denied.status).toBe(403);
    expect(((await denied.json()) as Answer['body']).error.code).toBe('submit_forbidden');
  });

  it('takes anonymous submits only where ALLOW_ANONYMOUS_SUBMIT=true, within SUBMIT_RATE_LIMIT_PER_MINUTE', async () => {
    expect(await (await fetch(`${closed.url}/jobs/new`)).text()).toContain('You may not submit probes');
    const refused = await fetch(`${closed.url}/api/jobs`, { method: 'POST', headers: { origin: closed.url, 'content-type': 'application/json' }, body: '{}' });
    expect(refused.status).toBe(403);
    const answers = [];
    for (let i = 0; i < 4; i++) answers.push(await submit(open, { Input: { Media: `oss://b/anon-${unique()}.mp4` } }));
    expect(answers.map((x) => x.status)).toEqual([201, 201, 201, 429]);
    expect(answers[3]!.body.error).toMatchObject({ code: 'rate_limited' });
    expect(await submitCalls()).toBe(3);
    // Reads have their own budget: the list still answers.
    expect((await fetch(`${open.url}/api/jobs?PageSize=1`)).status).toBe(200);
  });
});

describe('double submits and batches', () => {
  it('makes one job of the same input sent twice at once through two instances, and again within the minute', async () => {
    const body = { Input: { Media: `oss://media-bucket/twice-${unique()}.mp4` } };
    const [csrfA, csrfB] = [await csrfOf(a, ann), await csrfOf(b, ann)];
    const [first, second] = await Promise.all([submit(a, body, { cookie: ann, csrf: csrfA }), submit(b, body, { cookie: ann, csrf: csrfB })]);
    expect([first.status, second.status].sort()).toEqual([200, 201]);
    expect(first.body.JobId).toBe(second.body.JobId);
    expect([first.body.Deduplicated, second.body.Deduplicated].filter(Boolean)).toEqual([true]);
    const again = await submit(b, body, { cookie: ann, csrf: csrfB });
    expect(again).toMatchObject({ status: 200, body: { JobId: first.body.JobId, Deduplicated: true } });
    expect((await readStats(emulator.url)).byAction.SubmitMediaInfoJob).toBe(1);
    // Another person's identical input is their own job.
    const other = await submit(a, body, { cookie: cat });
    expect(other.body.JobId).not.toBe(first.body.JobId);
  });

  it('submits a batch line by line: good lines get jobs, a bad line its own error, and the batch opens as a list', async () => {
    const id = unique();
    const lines = [`oss://media-bucket/batch/${id}-a.mp4`, 'ftp://nowhere/b.mp4', `https://cdn.example.com/${id}-c.mov`, `oss://media-bucket/batch/${id}-a.mp4`, `oss://media-bucket/batch/missing-${id}.mp4`, ''];
    const { status, body } = await submit(a, { Inputs: lines, UserData: '{"team":"qa"}', ScheduleConfig: { Priority: 3 } }, { cookie: ann, path: '/api/jobs/batch' });
    expect(status).toBe(200);
    expect(body).toMatchObject({ BatchId: expect.stringMatching(/^batch-[0-9a-f]{12}$/), Submitted: 4, Failed: 1 });
    const results = body.Results as { Line: number; JobId?: string; Deduplicated?: boolean; Error?: { field: string; params: { reason: string } } }[];
    expect(results).toHaveLength(5);
    expect(results[1]!.Error).toMatchObject({ field: 'Input.Media', params: { reason: 'media_input' } });
    expect(results[3]).toMatchObject({ JobId: results[0]!.JobId, Deduplicated: true });
    expect((await readStats(emulator.url)).byAction.SubmitMediaInfoJob).toBe(3);
    expect((await readJob(a, results[0]!.JobId!, ann)).MediaInfoJob.UserData).toBe(JSON.stringify({ team: 'qa', PortalBatch: body.BatchId }));
    const listed = (await (await fetch(`${a.url}/api${body.ListUrl}`, { headers: { cookie: ann } })).json()) as { Jobs: { JobId: string }[] };
    expect(listed.Jobs.map((j) => j.JobId).sort()).toEqual([results[0]!.JobId, results[2]!.JobId, results[4]!.JobId].sort());
  });

  it('refuses a batch of more than 100 inputs, and UserData that is not an object, naming the field', async () => {
    const tooMany = await submit(a, { Inputs: Array.from({ length: 101 }, (_, i) => `oss://b/${i}.mp4`) }, { cookie: ann, path: '/api/jobs/batch' });
    expect(tooMany.body.error).toMatchObject({ field: 'Inputs', params: { reason: 'too_many_lines', max: 100 } });
    const notObject = await submit(a, { Inputs: ['oss://b/x.mp4'], UserData: 'plain text' }, { cookie: ann, path: '/api/jobs/batch' });
    expect(notObject.body.error).toMatchObject({ field: 'UserData', params: { reason: 'batch_user_data' } });
    expect(await submitCalls()).toBe(0);
  });

  it('links a re-run from the job it runs again', async () => {
    const old = (await submit(a, { Input: { Media: `oss://media-bucket/rerun-${unique()}.mp4` }, Sync: true }, { cookie: ann })).body.JobId as string;
    const { body } = await submit(a, { Input: { Media: `oss://media-bucket/rerun-fixed-${unique()}.mp4` }, RerunOf: old }, { cookie: ann });
    // Through the other instance: the link lives in the shared store.
    const page = await (await fetch(`${b.url}/jobs/${old}`, { headers: { cookie: ann } })).text();
    expect(page).toContain(`href="/jobs/${body.JobId}"`);
  });
});
