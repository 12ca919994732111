import { resetFaults, setFaults } from '@/harness/emulator-control';
import { startEmulatorProcess, type EmulatorProcess } from '@/harness/emulator-process';
import type { PortalProcess } from '@/harness/portal-process';
import { startPortalAgainst } from '@/harness/portal-stack';

// One portal reading three emulated ICE regions. Shanghai and Singapore hold the same JobIds (one seed)
// with different create times (another anchor), so an answer or a cache that mixed regions would show;
// Beijing holds jobs of its own, and is the one made to fail or to be slow.

const SH = 'cn-shanghai';
const SG = 'ap-southeast-1';
const BJ = 'cn-beijing';
const NOW = Date.now();
let sh: EmulatorProcess;
let sg: EmulatorProcess;
let bj: EmulatorProcess;
let portal: PortalProcess;

interface Job {
  JobId: string;
  SubmitTime?: string;
  Status?: string;
}

beforeAll(async () => {
  const anchor = (ms: number) => new Date(ms).toISOString();
  [sh, sg, bj] = await Promise.all([
    startEmulatorProcess(['--jobs', '60', '--seed', '5', '--region', SH, '--anchor', anchor(NOW)]),
    startEmulatorProcess(['--jobs', '60', '--seed', '5', '--region', SG, '--anchor', anchor(NOW - 86_400_000)]),
    startEmulatorProcess(['--jobs', '30', '--seed', '9', '--region', BJ, '--anchor', anchor(NOW)]),
  ]);
  portal = await startPortalAgainst('', {
    AUTH_MODE: 'none',
    ICE_ENDPOINT: '',
    ICE_REGIONS: `${SH},${SG},${BJ}`,
    ICE_ENDPOINTS: `${SH}=${sh.url},${SG}=${sg.url},${BJ}=${bj.url}`,
    ICE_TIMEOUT_MS: '2000',
    AUTH_RATE_LIMIT_PER_MINUTE: '100000',
  });
});

afterAll(async () => {
  await portal?.stop();
  await Promise.all([sh, sg, bj].map((emulator) => emulator?.stop()));
});

afterEach(() => Promise.all([sh, sg, bj].map((emulator) => resetFaults(emulator.url))));

const get = (path: string) => fetch(`${portal.url}${path}`);
const json = async <T>(path: string) => (await (await get(path)).json()) as T;
const jobsIn = async (region: string, extra = '') => (await json<{ Jobs: Job[] }>(`/api/jobs?Region=${region}&PageSize=100${extra}`)).Jobs;

it('reads the list, a job and the readiness of each region, and never mixes two regions holding the same JobId', async () => {
  const [inSh, inSg, inBj] = await Promise.all([jobsIn(SH), jobsIn(SG), jobsIn(BJ)]);
  expect(inSh.map((j) => j.JobId)).toEqual(inSg.map((j) => j.JobId));
  expect(inSh[0]!.SubmitTime).not.toBe(inSg[0]!.SubmitTime);
  expect(inBj.some((job) => inSh.some((other) => other.JobId === job.JobId))).toBe(false);
  // Without Region, the default (the first) region.
  expect((await json<{ Jobs: Job[] }>('/api/jobs?PageSize=100')).Jobs).toEqual(inSh);

  // The same finished job, read twice in each region (the second time from what the portal keeps).
  const done = inSh.find((job) => job.Status === 'Success')!;
  for (let round = 0; round < 2; round++) {
    const read = (region: string) => json<{ MediaInfoJob: Job; Region: string }>(`/api/jobs/${done.JobId}?Region=${region}`);
    const [a, b] = await Promise.all([read(SH), read(SG)]);
    expect([a.Region, a.MediaInfoJob.SubmitTime]).toEqual([SH, done.SubmitTime]);
    expect([b.Region, b.MediaInfoJob.SubmitTime]).toEqual([SG, inSg.find((job) => job.JobId === done.JobId)!.SubmitTime]);
  }
  expect(await json('/api/ready')).toMatchObject({ status: 'ready', regions: { [SH]: 'ready', [SG]: 'ready', [BJ]: 'ready' } });
});

it('refuses a region it does not read, on the list, the job and the export, naming Region', async () => {
  for (const path of ['/api/jobs?Region=us-west-1', '/api/jobs/0123456789abcdef0123456789abcdef?Region=us-west-1', '/api/jobs/export?Region=us-west-1&Format=csv', '/api/jobs?Region=cn-shanghai&Region=cn-beijing']) {
    const answer = await get(path);
    expect(answer.status).toBe(400);
    expect(await answer.json()).toMatchObject({ error: { code: 'invalid_input', field: 'Region' } });
  }
});

it('finds a JobId without a Region wherever it is, and says which regions did not answer when it is nowhere to be found', async () => {
  const [onlyInBj] = await jobsIn(BJ);
  const found = await get(`/api/jobs/${onlyInBj!.JobId}`);
  expect(found.status).toBe(200);
  expect(await found.json()).toMatchObject({ Region: BJ, MediaInfoJob: { JobId: onlyInBj!.JobId } });

  const unknown = '0123456789abcdef0123456789abcdef';
  const nowhere = await get(`/api/jobs/${unknown}`);
  expect(nowhere.status).toBe(404);
  expect(await nowhere.json()).toMatchObject({ error: { code: 'job_not_found' } });

  // Beijing fails: a job elsewhere is still found; an unknown one cannot be said not to exist.
  await setFaults(bj.url, { rates: { serviceUnavailable: 1 } as never });
  const [inSh] = await jobsIn(SH);
  expect(await json(`/api/jobs/${inSh!.JobId}`)).toMatchObject({ Region: expect.stringMatching(/^(cn-shanghai|ap-southeast-1)$/) });
  const partial = await get(`/api/jobs/${unknown}`);
  expect(partial.status).toBe(503);
  expect(await partial.json()).toMatchObject({ error: { code: 'job_lookup_incomplete', params: { notFoundIn: `${SH}, ${SG}`, failedIn: BJ } } });
  // Readiness is kept 5 s: it says so once its next probe ran.
  let ready: unknown;
  for (let tries = 0; tries < 40; tries++) {
    ready = await json('/api/ready');
    if ((ready as { regions: Record<string, string> }).regions[BJ] === 'not_ready') break;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  expect(ready).toMatchObject({ status: 'ready', regions: { [SH]: 'ready', [BJ]: 'not_ready' } });
});

it('answers from the region that has the job without waiting for a slow one', async () => {
  const [inBj] = await jobsIn(BJ);
  await setFaults(sh.url, { latencyMs: 3000 });
  await setFaults(sg.url, { latencyMs: 3000 });
  const started = Date.now();
  expect(await json(`/api/jobs/${inBj!.JobId}`)).toMatchObject({ Region: BJ });
  // Waiting for either slow region would take 3 s; the margin is for a busy machine.
  expect(Date.now() - started).toBeLessThan(2500);
});

it('searches and exports in the region asked, and refuses a search token from another region', async () => {
  const [inSh, inBj] = await Promise.all([jobsIn(SH), jobsIn(BJ)]);
  const search = await json<{ Jobs: Job[]; NextPageToken?: string }>(`/api/jobs?Region=${BJ}&HasVideo=true&PageSize=2`);
  expect(search.Jobs.length).toBeGreaterThan(0);
  expect(search.Jobs.every((job) => inBj.some((other) => other.JobId === job.JobId))).toBe(true);
  expect(search.NextPageToken).toBeDefined();
  const elsewhere = await get(`/api/jobs?Region=${SH}&HasVideo=true&PageSize=2&NextPageToken=${encodeURIComponent(search.NextPageToken!)}`);
  expect(elsewhere.status).toBe(400);
  expect(await elsewhere.json()).toMatchObject({ error: { field: 'NextPageToken' } });

  const exported = await get(`/api/jobs/export?Region=${BJ}&Format=ndjson`);
  expect(exported.status).toBe(200);
  expect(exported.headers.get('content-disposition')).toMatch(new RegExp(`filename="media-info-jobs_${BJ}_all_`));
  const lines = (await exported.text()).trimEnd().split('\n').map((line) => JSON.parse(line) as Job & { Summary?: { ExportedJobs: number } });
  // Every Beijing job of the window the export covered (the last SCAN_MAX_DAYS), and nothing else.
  const [from, to] = exported.headers.get('x-scan-window')!.split('/');
  const windowed = await jobsIn(BJ, `&StartOfCreateTime=${from}&EndOfCreateTime=${to}`);
  expect(windowed.length).toBeGreaterThan(0);
  expect(lines.at(-1)!.Summary!.ExportedJobs).toBe(windowed.length);
  expect(new Set(lines.slice(0, -1).map((job) => job.JobId))).toEqual(new Set(windowed.map((job) => job.JobId)));
  // A selection is read in the region named.
  const selected = await get(`/api/jobs/export?Region=${SH}&JobIds=${inSh[0]!.JobId}&Format=ndjson`);
  expect(selected.headers.get('content-disposition')).toMatch(new RegExp(`filename="media-info-jobs_${SH}_selected-1_`));
  expect(JSON.parse((await selected.text()).split('\n')[0]!)).toMatchObject({ JobId: inSh[0]!.JobId, SubmitTime: inSh[0]!.SubmitTime });
});

it('names the region in every link of the list, and in the audit and ICE call lines', async () => {
  const page = await (await get(`/jobs?Region=${BJ}&PageSize=10`)).text();
  const [first] = await jobsIn(BJ);
  expect(page).toContain(`/jobs/${first!.JobId}?Region=${BJ}`);
  expect(page).toMatch(/Region=cn-beijing&amp;PageSize=10&amp;NextPageToken=/);
  await new Promise((resolve) => setTimeout(resolve, 300));
  const lines = portal.output().split('\n').filter((line) => line.includes(BJ));
  expect(lines.some((line) => line.includes('"event":"ice_call"') && line.includes(`"region":"${BJ}"`))).toBe(true);
  expect(lines.some((line) => line.includes('"event":"audit"') && line.includes(`"Region":"${BJ}"`))).toBe(true);
});
