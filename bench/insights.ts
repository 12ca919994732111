// The insights' targets (issue 41), each beside its baseline in the same run, at 10,000 jobs and 30 ms
// upstream latency:
//  1. the first figures arrive within 1 s of the request (the streamed read's first line);
//  2. the complete figures take at most 0.6 × a plain sequential crawl of the same jobs;
//  3. a repeat view of the same filters takes at most 0.05 × the first, with no ICE call.
// First-load JavaScript of /insights is with the other pages' in bench/portal.ts.
import { performance } from 'node:perf_hooks';
import { readStats, resetStats, setFaults } from '../harness/emulator-control';
import { report, type Figure } from './report';
import { sequentialCrawlMs, WINDOW } from './scan';
import { startBenchStack, type BenchStack } from './stack';

/** The streamed figures read to their end: when the first line came, when the last, and the last's Total. */
async function streamedFigures(stack: BenchStack, window: Record<string, string>): Promise<{ firstMs: number; totalMs: number; total: number }> {
  const started = performance.now();
  const res = await fetch(`${stack.portal.url}/api/insights?${new URLSearchParams(window)}`, { headers: { ...stack.signedIn, accept: 'application/x-ndjson' } });
  if (!res.ok || !res.body) throw new Error(`insights answered ${res.status}: ${await res.text()}`);
  const reader = res.body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  let firstMs = 0;
  for (let read = await reader.read(); !read.done; read = await reader.read()) {
    text += decoder.decode(read.value, { stream: true });
    if (!firstMs && text.includes('\n')) firstMs = performance.now() - started;
  }
  const last = JSON.parse(text.trim().split('\n').at(-1)!) as { Total?: number; Partial?: boolean; error?: unknown };
  if (last.Partial || last.Total === undefined) throw new Error(`the figures ended without their whole: ${JSON.stringify(last).slice(0, 200)}`);
  return { firstMs, totalMs: performance.now() - started, total: last.Total };
}

export async function insightsFigures(): Promise<Figure[]> {
  const stack = await startBenchStack(['--jobs', '10000', '--seed', '8'], { SCAN_MAX_DAYS: '100', ICE_MAX_CONCURRENCY: '8' });
  try {
    await setFaults(stack.emulator.url, { latencyMs: 30 });
    const crawl = await sequentialCrawlMs(stack);
    const window = WINDOW(); // one window for the first view and the repeat: the same question
    const first = await streamedFigures(stack, window);
    await resetStats(stack.emulator.url);
    const started = performance.now();
    const repeat = await fetch(`${stack.portal.url}/api/insights?${new URLSearchParams(window)}`, { headers: stack.signedIn });
    const repeated = (await repeat.json()) as { Total?: number };
    const repeatMs = performance.now() - started;
    const calls = (await readStats(stack.emulator.url)).requests;
    if (repeated.Total !== first.total) throw new Error(`the repeat view says ${repeated.Total} jobs, the first ${first.total}`);
    return [
      { name: `sequential crawl of ${crawl.jobs.toLocaleString('en-US')} jobs at 30 ms (baseline)`, value: crawl.ms / 1000, unit: 's' },
      { name: `insights of the same ${first.total.toLocaleString('en-US')} jobs: first figures`, value: first.firstMs / 1000, unit: 's', target: { atMost: 1 } },
      { name: '  complete figures', value: first.totalMs / 1000, unit: 's' },
      { name: '  complete figures / sequential crawl', value: first.totalMs / crawl.ms, unit: '×', target: { atMost: 0.6 } },
      { name: '  a repeat view of the same filters', value: repeatMs, unit: 'ms' },
      { name: '  repeat view / first view', value: repeatMs / first.totalMs, unit: '×', target: { atMost: 0.05 } },
      { name: '  ICE calls for the repeat view', value: calls, unit: '', target: { atMost: 0 } },
    ];
  } finally {
    await stack.stop();
  }
}

// `npx tsx bench/insights.ts`: this section alone.
if (require.main === module) {
  insightsFigures().then(
    (figures) => process.exit(report('Insights', figures) ? 0 : 1),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
