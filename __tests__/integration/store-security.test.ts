import { readStats, resetStats } from '@/harness/emulator-control';
import { startEmulatorProcess, type EmulatorProcess } from '@/harness/emulator-process';
import { signInThrough, startFakeIdp } from '@/harness/fake-idp';
import type { PortalProcess } from '@/harness/portal-process';
import { startOidcPortalAgainst } from '@/harness/portal-stack';
import { startRedisProcess, type RedisProcess } from '@/harness/redis-process';

// How the portal holds to its store's promises against a real redis-server: TLS when the URL asks
// for it, whatever the case of its scheme, and refusal rather than a guess from memory when
// STORE_FAIL_CLOSED is set and Redis does not answer.

const CLIENT_ID = 'store-security-test';
let emulator: EmulatorProcess;
let redis: RedisProcess;
let idp: Awaited<ReturnType<typeof startFakeIdp>>;
const portals: PortalProcess[] = [];

beforeAll(async () => {
  [emulator, redis, idp] = await Promise.all([startEmulatorProcess(['--jobs', '50', '--seed', '8']), startRedisProcess(undefined, { tls: true }), startFakeIdp(CLIENT_ID)]);
});

afterAll(async () => {
  if (redis?.child.exitCode === null) redis.child.kill('SIGCONT');
  await Promise.all([...portals.map((portal) => portal.stop()), redis?.stop(), emulator?.stop(), idp?.close()]);
});

async function portal(env: Record<string, string>): Promise<PortalProcess> {
  const started = await startOidcPortalAgainst(emulator.url, idp, env);
  portals.push(started);
  return started;
}

const storeOf = async (target: PortalProcess) => ((await (await fetch(`${target.url}/api/ready`)).json()) as { store?: string }).store;
/** The store /api/ready reports once it says `wanted`, or after 15 s: a probe is cached for 5 s, and one
 * taken while a busy machine was still making the TLS connection says degraded. */
async function storeBecomes(target: PortalProcess, wanted: string): Promise<string | undefined> {
  const deadline = Date.now() + 15_000;
  let store = await storeOf(target);
  while (store !== wanted && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 500));
    store = await storeOf(target);
  }
  return store;
}
const upperCase = (url: string) => url.replace(/^rediss:/, 'REDISS:');

it('speaks TLS to a REDISS:// URL written in capitals', async () => {
  const overTls = await portal({ REDIS_URL: upperCase(redis.tls!.url), NODE_EXTRA_CA_CERTS: redis.tls!.caFile });
  expect(await storeBecomes(overTls, 'redis')).toBe('redis');
});

it('never falls back to clear text: REDISS:// to a port without TLS stays degraded', async () => {
  // ioredis used to read only a lower-case rediss:// as TLS, and connected to this port in clear.
  const refused = await portal({ REDIS_URL: upperCase(redis.url.replace(/^redis:/, 'rediss:')) });
  // Given as long as the TLS port above to say redis, it never does.
  expect(await storeBecomes(refused, 'redis')).toBe('degraded');
});

it('with STORE_FAIL_CLOSED, refuses pages and API calls with a 503 while Redis does not answer, and serves again when it does', async () => {
  const closed = await portal({ REDIS_URL: redis.url, STORE_FAIL_CLOSED: 'true', REDIS_TIMEOUT_MS: '100' });
  const cookie = await signInThrough(closed.url, idp);
  const get = (path: string) => fetch(`${closed.url}${path}`, { headers: { cookie }, redirect: 'manual' });
  expect((await get('/api/jobs?PageSize=1')).status).toBe(200);

  redis.child.kill('SIGSTOP');
  try {
    await resetStats(emulator.url);
    const api = await get('/api/jobs?PageSize=1');
    expect(api.status).toBe(503);
    expect(Number(api.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(((await api.json()) as { error: { code: string } }).error.code).toBe('store_unavailable');
    const page = await get('/jobs');
    expect(page.status).toBe(503);
    expect(await page.text()).toContain('shared store does not answer');
    expect((await readStats(emulator.url)).requests).toBe(0);
  } finally {
    redis.child.kill('SIGCONT');
  }
  const deadline = Date.now() + 10_000;
  let status = 0;
  while (status !== 200 && Date.now() < deadline) {
    status = (await get('/api/jobs?PageSize=1')).status;
    if (status !== 200) await new Promise((r) => setTimeout(r, 200));
  }
  expect(status).toBe(200);
});
