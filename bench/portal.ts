// Portal figures, each measured side by side in one run on loopback with the emulator as ICE:
//  1. proxy overhead of /api/jobs over a direct signed call (30 ms injected upstream latency), with a
//     bare Next.js route forwarding the same call beside it (the floor any Next.js route sits on) and a
//     plain Node.js forwarder (what leaving Next.js for /api could reach)
//  2. time to first byte of /jobs over the upstream latency (300 ms): the shell streams first
//  3. coalescing of identical requests, and throughput under 50 connections next to the emulator's
//  4. first-load JavaScript of both pages next to a bare App Router page
//  6b. a crawl of 10,000 jobs through /api/jobs returns each exactly once
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';
import { popCoreClient, readStats, resetStats, setFaults } from '../harness/emulator-control';
import { buildPortalIfNeeded } from '../harness/portal-build';
import { REPO_ROOT } from '../harness/repo-root';
import { startBareNext, type BareNext } from './bare-next';
import { startPlainForwarder, type PlainForwarder } from './plain-forwarder';
import { firstLoadJsBytes } from './page-weight';
import { report, type Figure } from './report';
import { percentile, startBenchStack, type BenchStack } from './stack';

async function timed(fn: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await fn();
  return performance.now() - started;
}

/** A keep-alive GET with node:http, the same transport pop-core uses, and no compression asked for. */
function httpGet(url: string, headers: Record<string, string>, agent: http.Agent): Promise<number> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers, agent }, (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
        res.on('error', reject);
      })
      .on('error', reject);
  });
}


async function proxyOverhead(stack: BenchStack, bare: BareNext, plain: PlainForwarder): Promise<Figure[]> {
  await setFaults(stack.emulator.url, { latencyMs: 30 });
  const direct = popCoreClient(stack.emulator.url);
  const portalAgent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const bareAgent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const plainAgent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  // The portal reuses an identical successful read for a second: cycling through 40 page sizes makes
  // every measured call a real upstream call, and the others ask for the same page.
  const pageSize = (i: number) => 10 + (i % 40);
  const expectOk = (status: number, who: string) => {
    if (status !== 200) throw new Error(`${who} answered ${status}`);
  };
  const legs = {
    portal: async (i: number) => expectOk(await httpGet(`${stack.portal.url}/api/jobs?PageSize=${pageSize(i)}`, stack.signedIn, portalAgent), 'the portal'),
    direct: (i: number) => direct.request('ListMediaInfoJobs', { PageSize: pageSize(i) }),
    bare: async (i: number) => expectOk(await httpGet(`${bare.url}${bare.forwarderPath}?PageSize=${pageSize(i)}`, {}, bareAgent), 'the bare forwarder'),
    plain: async (i: number) => expectOk(await httpGet(`${plain.url}/?PageSize=${pageSize(i)}`, {}, plainAgent), 'the plain forwarder'),
  };
  for (let i = 0; i < 40; i++) await Promise.all(Object.values(legs).map((leg) => leg(i)));
  await resetStats(stack.emulator.url);
  const times = { portal: [] as number[], direct: [] as number[], bare: [] as number[], plain: [] as number[] };
  const names = Object.keys(times) as (keyof typeof times)[];
  const rounds = 300;
  // Interleaved, so all of them see the same machine load over time.
  for (let i = 0; i < rounds; i++) {
    for (const name of names) times[name].push(await timed(() => legs[name](i)));
  }
  const upstream = (await readStats(stack.emulator.url)).requests;
  if (upstream !== names.length * rounds) throw new Error(`expected ${names.length * rounds} upstream calls, saw ${upstream}: the portal answered some from its reuse window`);
  await setFaults(stack.emulator.url, {});
  for (const agent of [portalAgent, bareAgent, plainAgent]) agent.destroy();
  const p = (name: keyof typeof times, q: number) => percentile(times[name], q);
  const pair = (name: keyof typeof times) => ({ value: p(name, 50), unit: `/ ${p(name, 95).toFixed(1)} ms` });
  const ratios = (name: keyof typeof times, over: keyof typeof times) => ({ value: p(name, 50) / p(over, 50), unit: `/ ${(p(name, 95) / p(over, 95)).toFixed(2)} ×` });
  return [
    { name: 'direct pop-core call p50 / p95', ...pair('direct') },
    { name: 'through the portal /api/jobs p50 / p95', ...pair('portal') },
    { name: 'proxy overhead ratio p50', value: p('portal', 50) / p('direct', 50), unit: '×', target: { atMost: 1.1 } },
    { name: 'proxy overhead ratio p95', value: p('portal', 95) / p('direct', 95), unit: '×', target: { atMost: 1.25 } },
    { name: '  a bare Next.js route forwarding the same call p50 / p95', ...pair('bare') },
    { name: '  its ratio over the direct call p50 / p95 (the framework floor)', ...ratios('bare', 'direct') },
    { name: '  a plain Node.js forwarder (node:http + pop-core) over the direct call p50 / p95', ...ratios('plain', 'direct') },
    // The target of issue 14 (a leaner request path), against the framework's floor rather than the direct call.
    { name: "the portal's own share: portal over the bare route p50", value: p('portal', 50) / p('bare', 50), unit: '×', target: { atMost: 1.03 } },
    { name: "the portal's own share: portal over the bare route p95", value: p('portal', 95) / p('bare', 95), unit: '×', target: { atMost: 1.1 } },
  ];
}

/** Time to the first byte of the body; resolves once the whole page has arrived, so nothing is left running. */
function timeToFirstByte(url: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    let first = 0;
    const req = http.get(url, { headers, agent: false }, (res) => {
      res.once('data', () => (first = performance.now() - started));
      res.on('end', () => resolve(first));
      res.on('error', reject);
      res.resume();
    });
    req.on('error', reject);
  });
}

async function streaming(stack: BenchStack): Promise<Figure[]> {
  const latency = 300;
  await setFaults(stack.emulator.url, { latencyMs: latency });
  const ttfb: number[] = [];
  // Different page sizes so no two requests share an upstream call.
  for (let i = 0; i < 11; i++) ttfb.push(await timeToFirstByte(`${stack.portal.url}/jobs?PageSize=${10 + i}`, stack.signedIn));
  await setFaults(stack.emulator.url, {});
  const median = percentile(ttfb, 50);
  return [
    { name: `/jobs time to first byte (upstream ${latency} ms)`, value: median, unit: 'ms' },
    { name: 'time to first byte / upstream latency', value: median / latency, unit: '×', target: { atMost: 0.5 } },
  ];
}

async function coalescingAndLoad(stack: BenchStack, emulatorReqPerSec: number | undefined): Promise<Figure[]> {
  await setFaults(stack.emulator.url, { latencyMs: 200 });
  await resetStats(stack.emulator.url);
  const answers = await Promise.all(
    Array.from({ length: 100 }, () => fetch(`${stack.portal.url}/api/jobs?PageSize=7&Status=Success`, { headers: stack.signedIn }).then((r) => r.status)),
  );
  const upstream = (await readStats(stack.emulator.url)).requests;
  await setFaults(stack.emulator.url, {});

  const result = await autocannon({
    url: `${stack.portal.url}/api/jobs?PageSize=10`,
    connections: 50,
    duration: 10,
    headers: stack.signedIn,
  });
  const failures = result.errors + result.timeouts + result.non2xx;
  return [
    { name: '100 identical concurrent requests: upstream calls', value: upstream, unit: '', target: { atMost: 2 } },
    { name: '100 identical concurrent requests: non-200 answers', value: answers.filter((s) => s !== 200).length, unit: '', target: { atMost: 0 } },
    { name: '/api/jobs under 50 connections for 10 s: requests/s', value: result.requests.average, unit: 'req/s' },
    { name: '  latency p50 / p99', value: result.latency.p50, unit: `/ ${result.latency.p99} ms` },
    ...(emulatorReqPerSec ? [{ name: '  the emulator alone (signed, 16 connections): requests/s', value: emulatorReqPerSec, unit: 'req/s' }] : []),
    { name: '  errors, timeouts and non-2xx answers', value: failures, unit: '', target: { atMost: 0 } },
  ];
}

async function pageWeight(stack: BenchStack, bareApp: BareNext): Promise<Figure[]> {
  const bare = await firstLoadJsBytes(`${bareApp.url}/`);
  const { Jobs } = await popCoreClient(stack.emulator.url).request<{ Jobs: { JobId: string }[] }>('ListMediaInfoJobs', { PageSize: 1, Status: 'Success' });
  const list = await firstLoadJsBytes(`${stack.portal.url}/jobs`, stack.signedIn);
  const detail = await firstLoadJsBytes(`${stack.portal.url}/jobs/${Jobs[0]!.JobId}`, stack.signedIn);
  const insights = await firstLoadJsBytes(`${stack.portal.url}/insights`, stack.signedIn);
  return [
    { name: 'first-load JS (gzip): bare App Router page', value: bare / 1024, unit: 'KiB' },
    { name: 'first-load JS (gzip): /jobs', value: list / 1024, unit: 'KiB' },
    { name: 'first-load JS (gzip): /jobs/[jobId]', value: detail / 1024, unit: 'KiB' },
    { name: '/jobs over the bare page', value: list / bare, unit: '×', target: { atMost: 1.3 } },
    { name: '/jobs/[jobId] over the bare page', value: detail / bare, unit: '×', target: { atMost: 1.3 } },
    { name: 'first-load JS (gzip): /insights', value: insights / 1024, unit: 'KiB' },
    { name: '/insights over the bare page', value: insights / bare, unit: '×', target: { atMost: 1.5 } },
  ];
}

async function crawl(): Promise<Figure[]> {
  const stack = await startBenchStack(['--jobs', '10000', '--seed', '5']);
  try {
    const seen: string[] = [];
    let token: string | undefined;
    const started = performance.now();
    do {
      const query = new URLSearchParams({ PageSize: '100', ...(token ? { NextPageToken: token } : {}) });
      const page = (await (await fetch(`${stack.portal.url}/api/jobs?${query}`, { headers: stack.signedIn })).json()) as { Jobs: { JobId: string }[]; NextPageToken?: string };
      seen.push(...page.Jobs.map((j) => j.JobId));
      token = page.NextPageToken;
    } while (token);
    const seconds = (performance.now() - started) / 1000;
    return [
      { name: `crawl of 10,000 jobs through /api/jobs (${seconds.toFixed(1)} s): jobs returned`, value: seen.length, unit: '', target: { atLeast: 10_000, atMost: 10_000 } },
      { name: '  of them distinct', value: new Set(seen).size, unit: '', target: { atLeast: 10_000, atMost: 10_000 } },
    ];
  } finally {
    await stack.stop();
  }
}

export async function portalFigures(emulatorReqPerSec?: number, only?: 'overhead' | 'page-weight'): Promise<Figure[]> {
  const stack = await startBenchStack(['--jobs', '2000', '--seed', '3']);
  const bare = await startBareNext(REPO_ROOT, stack.emulator.url);
  const plain = await startPlainForwarder(stack.emulator.url);
  try {
    if (only === 'overhead') return await proxyOverhead(stack, bare, plain);
    if (only === 'page-weight') return await pageWeight(stack, bare);
    return [
      ...(await proxyOverhead(stack, bare, plain)),
      ...(await streaming(stack)),
      ...(await coalescingAndLoad(stack, emulatorReqPerSec)),
      ...(await pageWeight(stack, bare)),
      ...(await crawl()),
    ];
  } finally {
    await plain.stop();
    await bare.stop();
    await stack.stop();
  }
}

// `npx tsx bench/portal.ts`: this section alone; `--overhead` only its first figures (about a minute),
// `--page-weight` only the pages' first-load JavaScript.
if (require.main === module) {
  buildPortalIfNeeded(REPO_ROOT);
  portalFigures(undefined, process.argv.includes('--overhead') ? 'overhead' : process.argv.includes('--page-weight') ? 'page-weight' : undefined).then(
    (figures) => process.exit(report('Portal: overhead, streaming, load, page weight, crawl', figures) ? 0 : 1),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
