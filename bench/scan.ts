// Scans, searches and exports across every matching job (issue 12's targets), each beside its
// baseline in the same run:
//  1. a search over 10,000 jobs that matches 5 returns them all, each once, across continued pages;
//  2. an export of 10,000 jobs at 30 ms upstream latency takes at most 0.5 × a plain sequential crawl
//     of the same jobs (100 a page, pop-core straight at the emulator);
//  3. an export of 100,000 jobs (no latency) grows the portal's resident memory by under 50 MB, and its
//     first byte arrives within 1 s;
//  4. a list read (/api/jobs?PageSize=1) while 16 exports run takes at most 1.5 × its time alone, at
//     300 ms upstream latency: scans wait behind interactive reads and hold at most half the ICE slots.
import { performance } from 'node:perf_hooks';
import { control, popCoreClient, setFaults } from '../harness/emulator-control';
import { report, type Figure } from './report';
import { percentile, rssBytes, startBenchStack, type BenchStack } from './stack';

const DAY = 86_400_000;
const iso = (ms: number) => new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
/** The seeded jobs spread over the 90 days before the emulator started: a 95-day window holds them all. */
export const WINDOW = () => ({ StartOfCreateTime: iso(Date.now() - 95 * DAY), EndOfCreateTime: iso(Date.now() + 60_000) });

async function searchFigures(stack: BenchStack): Promise<Figure[]> {
  const planted = Array.from({ length: 5 }, (_, i) => `bench${String(i).padStart(27, '0')}`);
  for (const [i, JobId] of planted.entries()) {
    const at = iso(Date.now() - (3 + i * 15) * DAY);
    await control(stack.emulator.url, 'POST', 'jobs', { JobId, Status: 'Success', SubmitTime: at, FinishTime: at, Input: { Type: 'OSS', Media: `oss://bench/needle_${i}.mov` } });
  }
  const window = WINDOW(); // a token is bound to its filters: the window must not move between pages
  const found: string[] = [];
  let token: string | undefined;
  let pages = 0;
  let scanned = 0;
  const started = performance.now();
  do {
    const query = new URLSearchParams({ ...window, Search: 'needle_', PageSize: '2', ...(token ? { NextPageToken: token } : {}) });
    const res = await fetch(`${stack.portal.url}/api/jobs?${query}`, { headers: stack.signedIn });
    if (!res.ok) throw new Error(`search answered ${res.status}: ${await res.text()}`);
    const page = (await res.json()) as { Jobs: { JobId: string }[]; NextPageToken?: string; ScannedJobs: number };
    found.push(...page.Jobs.map((j) => j.JobId));
    token = page.NextPageToken;
    scanned = page.ScannedJobs;
    pages += 1;
  } while (token && pages < 100);
  const seconds = (performance.now() - started) / 1000;
  return [
    { name: `search of ${scanned.toLocaleString('en-US')} jobs for 5 planted (${pages} pages, ${seconds.toFixed(1)} s): found`, value: new Set(found).size, unit: '', target: { atLeast: 5, atMost: 5 } },
    { name: '  returned more than once', value: found.length - new Set(found).size, unit: '', target: { atMost: 0 } },
  ];
}

/** Reads an export to its end; the time to the first byte and in all, and how many lines. */
async function readExport(stack: BenchStack, onChunk?: () => void): Promise<{ firstByteMs: number; totalMs: number; lines: number }> {
  const started = performance.now();
  const res = await fetch(`${stack.portal.url}/api/jobs/export?${new URLSearchParams({ ...WINDOW(), Format: 'ndjson' })}`, { headers: stack.signedIn });
  if (!res.ok || !res.body) throw new Error(`export answered ${res.status}`);
  let firstByteMs = 0;
  let lines = 0;
  const reader = res.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (!firstByteMs) firstByteMs = performance.now() - started;
    for (const byte of value) if (byte === 10) lines += 1;
    onChunk?.();
  }
  return { firstByteMs, totalMs: performance.now() - started, lines };
}

export async function sequentialCrawlMs(stack: BenchStack): Promise<{ ms: number; jobs: number }> {
  const client = popCoreClient(stack.emulator.url);
  const window = WINDOW();
  const started = performance.now();
  let jobs = 0;
  let token: string | undefined;
  do {
    const page = await client.request<{ Jobs: unknown[]; NextPageToken?: string }>('ListMediaInfoJobs', { ...window, PageSize: 100, ...(token ? { NextPageToken: token } : {}) });
    jobs += page.Jobs.length;
    token = page.NextPageToken || undefined;
  } while (token);
  return { ms: performance.now() - started, jobs };
}

async function exportSpeedFigures(): Promise<Figure[]> {
  const stack = await startBenchStack(['--jobs', '10000', '--seed', '8'], { SCAN_MAX_DAYS: '100', ICE_MAX_CONCURRENCY: '8' });
  try {
    await setFaults(stack.emulator.url, { latencyMs: 30 });
    const crawl = await sequentialCrawlMs(stack);
    const exported = await readExport(stack);
    return [
      { name: `sequential crawl of ${crawl.jobs.toLocaleString('en-US')} jobs at 30 ms (baseline)`, value: crawl.ms / 1000, unit: 's' },
      { name: `export of the same jobs as NDJSON (${exported.lines.toLocaleString('en-US')} lines)`, value: exported.totalMs / 1000, unit: 's' },
      { name: '  export / sequential crawl', value: exported.totalMs / crawl.ms, unit: '×', target: { atMost: 0.5 } },
    ];
  } finally {
    await stack.stop();
  }
}

async function exportMemoryFigures(): Promise<Figure[]> {
  const stack = await startBenchStack(['--jobs', '100000', '--seed', '9'], { SCAN_MAX_DAYS: '100', SCAN_MAX_JOBS: '200000' });
  try {
    const pid = stack.portal.child.pid!;
    // A small export first, so the baseline is a warm server rather than one that has not loaded the route yet.
    await readExport(stack);
    const before = rssBytes(pid);
    let peak = before;
    const exported = await readExport(stack, () => (peak = Math.max(peak, rssBytes(pid))));
    return [
      { name: `export of ${exported.lines.toLocaleString('en-US')} NDJSON lines (no latency): time to first byte`, value: exported.firstByteMs / 1000, unit: 's', target: { atMost: 1 } },
      { name: '  resident memory growth of the portal during it', value: (peak - before) / 2 ** 20, unit: 'MB', target: { atMost: 50 } },
    ];
  } finally {
    await stack.stop();
  }
}

async function interactiveUnderExportsFigures(): Promise<Figure[]> {
  const stack = await startBenchStack(['--jobs', '40000', '--seed', '10'], { EXPORT_MAX_PER_USER: '16', EXPORT_MAX_PER_INSTANCE: '16', SCAN_CALLS_PER_MINUTE: '100000' });
  try {
    await setFaults(stack.emulator.url, { latencyMs: 300 });
    let n = 0;
    // Each read its own query (an hour back, one second apart), so none is answered from the 1 s reuse.
    const listRead = async () => {
      const started = performance.now();
      const res = await fetch(`${stack.portal.url}/api/jobs?PageSize=1&EndOfCreateTime=${iso(Date.now() - 3600_000 - ++n * 1000)}`, { headers: stack.signedIn });
      await res.arrayBuffer();
      if (!res.ok) throw new Error(`list read answered ${res.status}`);
      return performance.now() - started;
    };
    const alone: number[] = [];
    for (let i = 0; i < 10; i++) alone.push(await listRead());
    const downloads = new AbortController();
    const exports = Array.from({ length: 16 }, (_, i) =>
      fetch(`${stack.portal.url}/api/jobs/export?Format=ndjson&EndOfCreateTime=${iso(Date.now() - i * 1000)}`, { headers: stack.signedIn, signal: downloads.signal })
        .then((res) => res.arrayBuffer())
        .catch(() => undefined),
    );
    const during: number[] = [];
    try {
      await new Promise((r) => setTimeout(r, 2000)); // every export past its first page
      for (let i = 0; i < 10; i++) during.push(await listRead());
    } finally {
      downloads.abort();
      await Promise.all(exports);
    }
    return [
      { name: 'list read alone at 300 ms upstream latency, p50 (baseline)', value: percentile(alone, 50), unit: 'ms' },
      { name: 'the same read while 16 exports run, p50', value: percentile(during, 50), unit: 'ms' },
      { name: '  during 16 exports / alone', value: percentile(during, 50) / percentile(alone, 50), unit: '×', target: { atMost: 1.5 } },
    ];
  } finally {
    await stack.stop();
  }
}

export async function scanFigures(): Promise<Figure[]> {
  const stack = await startBenchStack(['--jobs', '10000', '--seed', '7'], { SCAN_MAX_DAYS: '100' });
  let search: Figure[];
  try {
    search = await searchFigures(stack);
  } finally {
    await stack.stop();
  }
  return [...search, ...(await exportSpeedFigures()), ...(await exportMemoryFigures()), ...(await interactiveUnderExportsFigures())];
}

// `npx tsx bench/scan.ts`: this section alone, for a quick look while working on scans.
if (require.main === module) {
  scanFigures().then(
    (figures) => process.exit(report('Scans: search and export across every matching job', figures) ? 0 : 1),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
