// Portal figures, each measured side by side in one run on loopback with the emulator as ICE:
//  1. proxy overhead of /api/jobs over a direct signed call (30 ms injected upstream latency)
//  2. time to first byte of /jobs over the upstream latency (300 ms): the shell streams first
//  3. coalescing of identical requests, and throughput under 50 connections next to the emulator's
//  4. first-load JavaScript of both pages next to a bare App Router page
//  6b. a crawl of 10,000 jobs through /api/jobs returns each exactly once
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';
import { popCoreClient, readStats, resetStats, setFaults, REPO_ROOT } from '../__tests__/support/emulator-process';
import { bareNextPageBytes, firstLoadJsBytes } from './page-weight';
import type { Figure } from './report';
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


async function proxyOverhead(stack: BenchStack): Promise<Figure[]> {
  await setFaults(stack.emulator.url, { latencyMs: 30 });
  const direct = popCoreClient(stack.emulator.url);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  // The portal reuses an identical successful read for a second: cycling through 40 page sizes makes
  // every measured call a real upstream call, and the direct call asks for the same page.
  const pageSize = (i: number) => 10 + (i % 40);
  const viaPortal = async (i: number) => {
    const status = await httpGet(`${stack.portal.url}/api/jobs?PageSize=${pageSize(i)}`, stack.signedIn, agent);
    if (status !== 200) throw new Error(`portal answered ${status}`);
  };
  const viaDirect = (i: number) => direct.request('ListMediaInfoJobs', { PageSize: pageSize(i) });
  for (let i = 0; i < 40; i++) await Promise.all([viaPortal(i), viaDirect(i)]);
  await resetStats(stack.emulator.url);
  const portal: number[] = [];
  const plain: number[] = [];
  // Alternating, so both see the same machine load over time.
  for (let i = 0; i < 300; i++) {
    portal.push(await timed(() => viaPortal(i)));
    plain.push(await timed(() => viaDirect(i)));
  }
  const upstream = (await readStats(stack.emulator.url)).requests;
  if (upstream !== 600) throw new Error(`expected 600 upstream calls, saw ${upstream}: the portal answered some from its reuse window`);

  // What Next.js itself costs here: an empty route (/api/health), back to back and after the server
  // sat idle as long as one upstream call, which is how it serves the calls measured above.
  const floor = async (idleMs: number) => {
    const times: number[] = [];
    for (let i = 0; i < 150; i++) {
      if (idleMs) await new Promise((r) => setTimeout(r, idleMs));
      times.push(await timed(() => httpGet(`${stack.portal.url}/api/health`, {}, agent)));
    }
    return percentile(times, 50);
  };
  const floorBusy = await floor(0);
  const floorIdle = await floor(30);
  await setFaults(stack.emulator.url, {});
  agent.destroy();
  return [
    { name: 'direct pop-core call p50 / p95', value: percentile(plain, 50), unit: `/ ${percentile(plain, 95).toFixed(1)} ms` },
    { name: 'through the portal /api/jobs p50 / p95', value: percentile(portal, 50), unit: `/ ${percentile(portal, 95).toFixed(1)} ms` },
    { name: 'proxy overhead ratio p50', value: percentile(portal, 50) / percentile(plain, 50), unit: '×', target: { atMost: 1.1 } },
    { name: 'proxy overhead ratio p95', value: percentile(portal, 95) / percentile(plain, 95), unit: '×', target: { atMost: 1.25 } },
    { name: '  an empty Next.js route p50: back to back / after 30 ms idle', value: floorBusy, unit: `/ ${floorIdle.toFixed(2)} ms` },
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

async function pageWeight(stack: BenchStack): Promise<Figure[]> {
  const bare = await bareNextPageBytes(REPO_ROOT);
  const { Jobs } = await popCoreClient(stack.emulator.url).request<{ Jobs: { JobId: string }[] }>('ListMediaInfoJobs', { PageSize: 1, Status: 'Success' });
  const list = await firstLoadJsBytes(`${stack.portal.url}/jobs`, stack.signedIn);
  const detail = await firstLoadJsBytes(`${stack.portal.url}/jobs/${Jobs[0]!.JobId}`, stack.signedIn);
  return [
    { name: 'first-load JS (gzip): bare App Router page', value: bare / 1024, unit: 'KiB' },
    { name: 'first-load JS (gzip): /jobs', value: list / 1024, unit: 'KiB' },
    { name: 'first-load JS (gzip): /jobs/[jobId]', value: detail / 1024, unit: 'KiB' },
    { name: '/jobs over the bare page', value: list / bare, unit: '×', target: { atMost: 1.3 } },
    { name: '/jobs/[jobId] over the bare page', value: detail / bare, unit: '×', target: { atMost: 1.3 } },
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

export async function portalFigures(emulatorReqPerSec?: number): Promise<Figure[]> {
  const stack = await startBenchStack(['--jobs', '2000', '--seed', '3']);
  try {
    return [
      ...(await proxyOverhead(stack)),
      ...(await streaming(stack)),
      ...(await coalescingAndLoad(stack, emulatorReqPerSec)),
      ...(await pageWeight(stack)),
      ...(await crawl()),
    ];
  } finally {
    await stack.stop();
  }
}
