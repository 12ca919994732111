// Finished jobs served from the store (issue 14, part 3), beside a direct signed GetMediaInfoJob in
// the same run, interleaved, at 30 ms upstream latency: the detail of a finished job through
// /api/jobs/<JobId> and its page, once one fetch has kept it, from the portal's memory and, on a second
// instance sharing one redis-server, from Redis. The emulator counts calls, so a figure taken while the
// portal still called ICE is refused rather than printed. Beside them, interleaved the same way, the
// empty force-dynamic page of a bare Next.js app: the least any Next.js page costs here, so that the
// page's figure can be read against the framework's floor in the same run.
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { popCoreClient, readStats, resetStats, setFaults } from '../harness/emulator-control';
import type { PortalProcess } from '../harness/portal-process';
import { startPortalAgainst } from '../harness/portal-stack';
import { startRedisProcess } from '../harness/redis-process';
import { REPO_ROOT } from '../harness/repo-root';
import { startBareNext, type BareNext } from './bare-next';
import { report, type Figure } from './report';
import { percentile, startBenchStack } from './stack';

const LATENCY_MS = 30;
const JOBS = 40;
const ROUNDS = 200;

function httpGet(url: string, headers: Record<string, string>, agent: http.Agent): Promise<void> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers, agent }, (res) => {
        res.resume();
        res.on('end', () => (res.statusCode === 200 ? resolve() : reject(new Error(`${url} answered ${res.statusCode}`))));
        res.on('error', reject);
      })
      .on('error', reject);
  });
}

export async function cacheFigures(): Promise<Figure[]> {
  const redis = await startRedisProcess();
  const stack = await startBenchStack(['--jobs', '2000', '--seed', '4'], { REDIS_URL: redis.url });
  let second: PortalProcess | undefined;
  let bare: BareNext | undefined;
  try {
    second = await startPortalAgainst(stack.emulator.url, stack.portalEnv);
    bare = await startBareNext(REPO_ROOT, stack.emulator.url);
    const direct = popCoreClient(stack.emulator.url);
    const { Jobs } = await direct.request<{ Jobs: { JobId: string }[] }>('ListMediaInfoJobs', { Status: 'Success', PageSize: JOBS });
    const ids = Jobs.map((job) => job.JobId);
    await setFaults(stack.emulator.url, { latencyMs: LATENCY_MS });
    const agent = () => new http.Agent({ keepAlive: true, maxSockets: 1 });
    const agents = { api: agent(), page: agent(), redis: agent(), bare: agent() };
    const legs = {
      direct: (id: string) => direct.request('GetMediaInfoJob', { JobId: id }),
      api: (id: string) => httpGet(`${stack.portal.url}/api/jobs/${id}`, stack.signedIn, agents.api),
      page: (id: string) => httpGet(`${stack.portal.url}/jobs/${id}`, stack.signedIn, agents.page),
      redis: (id: string) => httpGet(`${second!.url}/api/jobs/${id}`, stack.signedIn, agents.redis),
      bare: () => httpGet(`${bare!.url}/`, {}, agents.bare),
    };
    // One fetch keeps each job (the first instance's memory and Redis); then warm every leg.
    for (const id of ids) await legs.api(id);
    for (const id of ids) await Promise.all(Object.values(legs).map((leg) => leg(id)));
    await resetStats(stack.emulator.url);
    const times = { direct: [] as number[], api: [] as number[], page: [] as number[], redis: [] as number[], bare: [] as number[] };
    const names = Object.keys(times) as (keyof typeof times)[];
    for (let i = 0; i < ROUNDS; i++) {
      for (const name of names) {
        const started = performance.now();
        await legs[name](ids[i % ids.length]!);
        times[name].push(performance.now() - started);
      }
    }
    const upstream = (await readStats(stack.emulator.url)).requests;
    if (upstream !== ROUNDS) throw new Error(`expected only the ${ROUNDS} direct calls upstream, saw ${upstream}: the portal called ICE for kept jobs`);
    for (const agent of Object.values(agents)) agent.destroy();
    const p = (name: keyof typeof times, q: number) => percentile(times[name], q);
    const pair = (name: keyof typeof times) => ({ value: p(name, 50), unit: `/ ${p(name, 95).toFixed(1)} ms` });
    return [
      { name: `direct GetMediaInfoJob p50 / p95 (upstream ${LATENCY_MS} ms)`, ...pair('direct') },
      { name: 'finished job kept: /api/jobs/<JobId> p50 / p95', ...pair('api') },
      { name: '  its ratio over the direct call p50', value: p('api', 50) / p('direct', 50), unit: '×', target: { atMost: 0.3 } },
      { name: 'finished job kept: /jobs/<JobId> page p50 / p95', ...pair('page') },
      { name: '  its ratio over the direct call p50', value: p('page', 50) / p('direct', 50), unit: '×', target: { atMost: 0.3 } },
      { name: 'an empty page of a bare Next.js app, interleaved alike: p50 / p95', ...pair('bare') },
      { name: '  its ratio over the direct call p50 (the floor of any page)', value: p('bare', 50) / p('direct', 50), unit: '×' },
      { name: '  the kept job page over this empty page p50', value: p('page', 50) / p('bare', 50), unit: '×' },
      { name: 'second instance, kept in Redis: /api/jobs/<JobId> p50 / p95', ...pair('redis') },
      { name: '  its ratio over the direct call p50', value: p('redis', 50) / p('direct', 50), unit: '×', target: { atMost: 0.3 } },
      { name: '  upstream calls the portals made while measured', value: upstream - ROUNDS, unit: '', target: { atMost: 0 } },
    ];
  } finally {
    await bare?.stop();
    await second?.stop();
    await stack.stop();
    await redis.stop();
  }
}

// `npx tsx bench/cache.ts`: this section alone.
if (require.main === module) {
  cacheFigures().then(
    (figures) => process.exit(report('Finished jobs from the store', figures) ? 0 : 1),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
