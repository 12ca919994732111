import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { popCoreClient, readStats, resetFaults, resetStats, setFaults } from '@/harness/emulator-control';
import { startEmulatorProcess, type EmulatorProcess } from '@/harness/emulator-process';
import { signInThrough, startFakeIdp } from '@/harness/fake-idp';
import type { PortalProcess } from '@/harness/portal-process';
import { startOidcPortalAgainst } from '@/harness/portal-stack';
import { startRedisProcess, type RedisProcess } from '@/harness/redis-process';

// Two standalone portals sharing one real redis-server, as two replicas (or two Vercel function
// instances) do: one rate budget per user, finished jobs fetched once, sign-out everywhere, and both
// keep answering while Redis is away. ICE calls are counted at the emulator.

const CLIENT_ID = 'multi-instance-test';
const AUTH_SECRET = randomBytes(32).toString('base64url');
const PER_MINUTE = 10;
/** Past the 1 s in which any instance may reuse an identical read (lib/ice/shared-reads.ts). */
const PAST_REUSE_MS = 1200;

let emulator: EmulatorProcess;
let redis: RedisProcess;
let raw: Redis;
let idp: Awaited<ReturnType<typeof startFakeIdp>>;
let a: PortalProcess;
let b: PortalProcess;

beforeAll(async () => {
  [emulator, redis, idp] = await Promise.all([
    startEmulatorProcess(['--jobs', '200', '--seed', '21', '--job-delay-ms', '2500']),
    startRedisProcess(),
    startFakeIdp(CLIENT_ID),
  ]);
  raw = new Redis(redis.url);
  const portal = () => startOidcPortalAgainst(emulator.url, idp, { AUTH_SECRET, AUTH_RATE_LIMIT_PER_MINUTE: String(PER_MINUTE), REDIS_URL: redis.url });
  [a, b] = await Promise.all([portal(), portal()]);
});

afterAll(async () => {
  raw?.disconnect();
  await Promise.all([a?.stop(), b?.stop()]);
  if (redis?.child.exitCode === null) redis.child.kill('SIGCONT');
  await Promise.all([redis?.stop(), emulator?.stop(), idp?.close()]);
});



const get = (portal: PortalProcess, route: string, cookie?: string) =>
  fetch(`${portal.url}${route}`, { redirect: 'manual', headers: cookie ? { cookie } : {} });
const signIn = (portal: PortalProcess, sub: string) => signInThrough(portal.url, idp, (claims) => ({ ...claims, sub, email: `${sub}@example.com` }));
const signOut = (portal: PortalProcess, cookie: string) =>
  fetch(`${portal.url}/auth/logout`, { method: 'POST', redirect: 'manual', headers: { cookie, origin: portal.url } });
const iceGets = async () => (await readStats(emulator.url)).byAction.GetMediaInfoJob ?? 0;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
async function until(check: () => Promise<boolean>, ms: number) {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${ms} ms`);
    await sleep(200);
  }
}
const readyBody = async (portal: PortalProcess) => {
  const res = await get(portal, '/api/ready');
  return { http: res.status, ...((await res.json()) as { status: string; store?: string }) };
};
/** Whether the instance's last word on its store is that Redis does not answer (`/api/ready` is cached for 5 s). */
const storeDown = async (portal: PortalProcess) =>
  (await portal.settledOutput())
    .split('\n')
    .filter((line) => /"event":"store_(degraded|recovered)"/.test(line))
    .at(-1)
    ?.includes('store_degraded') ?? false;

// Each test starts with Redis running and both instances using it, whatever the test before it left
// behind (one that failed half-way through an outage), so one slow step fails one test, not the rest.
// A request with a session touches the store (revocation, budget), which is how an instance that
// marked Redis down notices it is back.
beforeEach(async () => {
  if (redis.child.exitCode !== null || redis.child.signalCode !== null) redis = await startRedisProcess(redis.port);
  else redis.child.kill('SIGCONT');
  const cookie = await signIn(a, 'warm-up');
  await until(async () => {
    await Promise.all([a, b].map(async (portal) => (await get(portal, '/api/jobs?PageSize=1', cookie)).text()));
    return !(await storeDown(a)) && !(await storeDown(b));
  }, 15_000);
});

async function jobIds(Status: string, PageSize: number): Promise<string[]> {
  const { Jobs } = await popCoreClient(emulator.url).request<{ Jobs: { JobId: string }[] }>('ListMediaInfoJobs', { Status, PageSize });
  return Jobs.map((job) => job.JobId);
}
const finishedKeys = (jobId: string) => raw.keys(`*finished-job:${jobId}`);
const events = async (portal: PortalProcess, name: string) => (await portal.settledOutput()).split('\n').filter((line) => line.includes(`"event":"${name}"`));

it('says both instances are ready with Redis as their store', async () => {
  // A probe is cached for 5 s, and one taken while a loaded machine was still connecting may say degraded.
  await until(async () => (await readyBody(a)).store === 'redis' && (await readyBody(b)).store === 'redis', 12_000);
  expect(await readyBody(a)).toMatchObject({ http: 200, status: 'ready', store: 'redis' });
  expect(await readyBody(b)).toMatchObject({ http: 200, status: 'ready', store: 'redis' });
});

it('limits a user as one, whichever instance and whether page or API the requests reach', async () => {
  // An instance that heard from Redis too late (REDIS_TIMEOUT_MS, on a machine busy with other suites)
  // spends that request's budget in its own memory, as it must, and says so in a store_degraded line:
  // such a run says nothing about one shared budget, so it is run again for another user, three times
  // at most, and checked on the first run in which Redis answered throughout.
  for (let attempt = 1; ; attempt++) {
    const degradedBefore = (await events(a, 'store_degraded')).length + (await events(b, 'store_degraded')).length;
    const cookie = await signIn(a, `rita-${attempt}`);
    const statuses: number[] = [];
    for (let i = 0; i < PER_MINUTE; i++) {
      const portal = i % 2 === 0 ? a : b;
      const res = await get(portal, i % 3 === 0 ? '/jobs' : '/api/jobs?PageSize=1', cookie);
      await res.text();
      statuses.push(res.status);
    }
    const limited = await Promise.all([a, b].map((portal) => get(portal, '/api/jobs?PageSize=1', cookie)));
    const degradedAfter = (await events(a, 'store_degraded')).length + (await events(b, 'store_degraded')).length;
    if (degradedAfter > degradedBefore && attempt < 3) continue;
    expect(statuses).toEqual(Array(PER_MINUTE).fill(200));
    for (const res of limited) {
      expect(res.status).toBe(429);
      expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    }
    break;
  }
  // Another user's budget is their own.
  expect((await get(b, '/api/jobs?PageSize=1', await signIn(a, 'ravi'))).status).toBe(200);
});

it('serves a finished job fetched through one instance from the other, with no ICE call', async () => {
  const cookie = await signIn(a, 'fred');
  const [success] = await jobIds('Success', 1);
  const [failed] = await jobIds('Fail', 1);
  await resetStats(emulator.url);
  const viaA = await Promise.all([success, failed].map(async (id) => (await get(a, `/api/jobs/${id}`, cookie)).json()));
  expect(await iceGets()).toBe(2);
  await sleep(PAST_REUSE_MS);
  for (const [i, id] of [success!, failed!].entries()) {
    const res = await get(b, `/api/jobs/${id}`, cookie);
    expect(res.status).toBe(200);
    expect(((await res.json()) as { MediaInfoJob: unknown }).MediaInfoJob).toEqual((viaA[i] as { MediaInfoJob: unknown }).MediaInfoJob);
    const page = await get(b, `/jobs/${id}`, cookie);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain(id);
  }
  expect(await iceGets()).toBe(2);
  const [key] = await finishedKeys(success!);
  expect(await raw.pttl(key!)).toBeGreaterThan(6 * 24 * 3600_000); // a long TTL in Redis
});

it('never keeps a job in Init: each instance asks ICE again, and the finished answer is kept once it is', async () => {
  const cookie = await signIn(a, 'ines');
  const { MediaInfoJob } = await popCoreClient(emulator.url).request<{ MediaInfoJob: { JobId: string } }>('SubmitMediaInfoJob', {
    Input: JSON.stringify({ Type: 'OSS', Media: 'oss://media-bucket/multi-instance/clip.mp4' }),
  });
  const id = MediaInfoJob.JobId;
  await resetStats(emulator.url);
  const status = async (portal: PortalProcess) => ((await (await get(portal, `/api/jobs/${id}`, cookie)).json()) as { MediaInfoJob: { Status: string } }).MediaInfoJob.Status;
  expect(await status(a)).toBe('Init');
  await sleep(PAST_REUSE_MS);
  expect(await status(b)).toBe('Init');
  expect(await iceGets()).toBe(2);
  expect(await finishedKeys(id)).toEqual([]);

  // Watched at the emulator itself: a user's budget is too small to poll through the portal.
  const ice = popCoreClient(emulator.url);
  await until(async () => (await ice.request<{ MediaInfoJob: { Status: string } }>('GetMediaInfoJob', { JobId: id })).MediaInfoJob.Status === 'Success', 10_000);
  await sleep(PAST_REUSE_MS);
  await resetStats(emulator.url);
  expect(await status(b)).toBe('Success');
  await sleep(PAST_REUSE_MS);
  expect(await status(a)).toBe('Success');
  expect(await iceGets()).toBe(1);
  expect(await finishedKeys(id)).toHaveLength(1);
});

/**
 * Jobs b has read already keep in its own memory, where a corrupted Redis entry cannot reach them: the
 * newest Success job (read through b above) and each case's own, so every case picks another.
 */
const readByCorruptionCases = new Set<string>();

it.each([
  ['text that is not JSON', () => 'not json {'],
  ['another finished job', (other: string) => JSON.stringify({ RequestId: 'R', MediaInfoJob: { JobId: other, Status: 'Success' } })],
  ['a job in the wrong shape', () => JSON.stringify({ RequestId: 'R', MediaInfoJob: { Status: 'Success', MediaInfoProperty: 'not an object' } })],
])('ignores a kept job that is %s, and asks ICE', async (_, corrupt) => {
  const cookie = await signIn(a, 'carl');
  const ids = await jobIds('Success', 40);
  const fresh = ids.slice(1).filter((x) => !readByCorruptionCases.has(x));
  const id = fresh[Math.floor(Math.random() * fresh.length)]!;
  readByCorruptionCases.add(id);
  const other = ids.find((x) => x !== id)!;
  await (await get(a, `/api/jobs/${id}`, cookie)).text();
  const [key] = await finishedKeys(id);
  await raw.set(key!, corrupt(other), 'KEEPTTL');
  await sleep(PAST_REUSE_MS);
  await resetStats(emulator.url);
  const res = await get(b, `/api/jobs/${id}`, cookie);
  expect(res.status).toBe(200);
  expect(((await res.json()) as { MediaInfoJob: { JobId: string } }).MediaInfoJob.JobId).toBe(id);
  expect(await iceGets()).toBe(1);
  expect((await events(b, 'store_entry_unreadable')).length).toBeGreaterThan(0);
  expect(JSON.parse((await raw.get(key!))!)).toMatchObject({ MediaInfoJob: { JobId: id } }); // replaced by ICE's answer
});

it('makes one ICE call for identical reads arriving at both instances at once', async () => {
  const cookie = await signIn(a, 'cora');
  await setFaults(emulator.url, { latencyMs: 300 });
  await resetStats(emulator.url);
  try {
    const answers = await Promise.all(Array.from({ length: 8 }, (_, i) => get(i % 2 ? b : a, '/api/jobs?Status=Fail&PageSize=7', cookie).then((res) => res.json())));
    expect(new Set(answers.map((body) => JSON.stringify(body))).size).toBe(1);
    expect((await readStats(emulator.url)).byAction.ListMediaInfoJobs).toBe(1);
  } finally {
    await resetFaults(emulator.url);
  }
});

it('refuses on the other instance a session signed out on one', async () => {
  const cookie = await signIn(a, 'sam');
  expect((await get(b, '/api/jobs?PageSize=1', cookie)).status).toBe(200);
  expect((await signOut(a, cookie)).status).toBe(303);
  await resetStats(emulator.url);
  expect((await get(b, '/api/jobs?PageSize=1', cookie)).status).toBe(401);
  expect((await get(b, '/jobs', cookie)).headers.get('location')).toBe('/auth/login?returnTo=%2Fjobs');
  expect((await get(a, '/api/jobs?PageSize=1', cookie)).status).toBe(401);
  expect((await readStats(emulator.url)).requests).toBe(0);
});

it('answers within a timeout while Redis does not answer (SIGSTOP)', async () => {
  const cookie = await signIn(a, 'hana');
  const [id] = await jobIds('Success', 3);
  redis.child.kill('SIGSTOP');
  try {
    for (const portal of [a, b, a, b]) {
      const started = Date.now();
      const res = await get(portal, `/api/jobs/${id}`, cookie);
      expect(res.status).toBe(200);
      expect(Date.now() - started).toBeLessThan(2000);
    }
  } finally {
    redis.child.kill('SIGCONT');
  }
  await until(async () => (await readyBody(a)).store === 'redis' && (await readyBody(b)).store === 'redis', 10_000);
});

it('keeps both instances answering while Redis is stopped, says degraded, warns once, and recovers when it returns', async () => {
  const cookie = await signIn(a, 'olga');
  const ids = await jobIds('Success', 30);
  const degradedBefore = (await events(a, 'store_degraded')).length;
  await redis.stop();
  let leaving: string;
  try {
    for (const portal of [a, b, a, b, a, b]) {
      const list = await get(portal, '/api/jobs?PageSize=2', cookie);
      expect(list.status).toBe(200);
      expect((await get(portal, `/api/jobs/${ids[0]}`, cookie)).status).toBe(200);
    }
    await until(async () => (await readyBody(a)).store === 'degraded' && (await readyBody(b)).store === 'degraded', 10_000);
    expect(await readyBody(a)).toMatchObject({ http: 200, status: 'ready', store: 'degraded' });
    expect((await events(a, 'store_degraded')).length - degradedBefore).toBe(1); // not one per request

    // Signed out while Redis is away: this instance refuses it at once; the other once Redis returns.
    leaving = await signIn(a, 'lena');
    expect((await signOut(a, leaving)).status).toBe(303);
    expect((await get(a, '/api/jobs?PageSize=1', leaving)).status).toBe(401);
  } finally {
    redis = await startRedisProcess(redis.port);
  }
  await until(async () => (await readyBody(a)).store === 'redis' && (await readyBody(b)).store === 'redis', 15_000);
  expect((await events(a, 'store_recovered')).length).toBeGreaterThan(0);
  await until(async () => (await get(b, '/api/jobs?PageSize=1', leaving)).status === 401, 5000);

  // Sharing works again: a job fetched through one instance is not fetched again by the other.
  const fresh = ids[ids.length - 1]!;
  await resetStats(emulator.url);
  await (await get(a, `/api/jobs/${fresh}`, cookie)).text();
  // One call, or none when an earlier test already left this job in a's own memory; b adds none.
  const byA = await iceGets();
  expect(byA).toBeLessThanOrEqual(1);
  await sleep(PAST_REUSE_MS);
  expect((await get(b, `/api/jobs/${fresh}`, cookie)).status).toBe(200);
  expect(await iceGets()).toBe(byA);
});
