// `npm run bench`: every benchmark, printed with its target and PASS or MISS, and written to
// bench/RESULTS.md. Exit code 1 when a target is missed. BENCH_DRILL_SECONDS shortens the fault drill.
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { bigDataFigures } from './browser';
import { cacheFigures } from './cache';
import { drillFigures } from './drill';
import { indexFigures } from './index';
import { insightsFigures } from './insights';
import { emulatorFigures } from './emulator';
import { lighthouseFigures } from './lighthouse';
import { LOAD_TITLE, loadFigures } from './load';
import { portalFigures } from './portal';
import { report, verdict, type Figure } from './report';
import { scanFigures } from './scan';
import { startBenchStack } from './stack';
import { buildPortalIfNeeded } from '../harness/portal-build';

const ROOT = path.resolve(__dirname, '..');

/** The BENCH_ variables a run was shortened with (a smaller index, a shorter drill), said beside its figures. */
function shortened(): string {
  const set = Object.entries(process.env).filter(([name, value]) => name.startsWith('BENCH_') && value);
  return set.length === 0 ? '' : ` with ${set.map(([name, value]) => `${name}=${value}`).join(', ')}`;
}

async function main(): Promise<void> {
  const machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${os.platform()} ${os.release()}`;
  console.log(`Machine: ${machine}`);
  buildPortalIfNeeded(ROOT);

  const sections: [string, Figure[]][] = [];
  const emulator = await emulatorFigures();
  sections.push(['ICE emulator', emulator]);
  report('ICE emulator', emulator);

  const emulatorRate = emulator.find((f) => f.unit === 'req/s')?.value;
  const portal = await portalFigures(emulatorRate);
  sections.push(['Portal: overhead, streaming, load, page weight, crawl', portal]);
  report(sections[1]![0], portal);

  const load = await loadFigures();
  sections.push([LOAD_TITLE, load]);
  report(LOAD_TITLE, load);

  const scans = await scanFigures();
  sections.push(['Scans: search and export across every matching job', scans]);
  report(sections[3]![0], scans);

  const insights = await insightsFigures();
  sections.push(['Insights: figures across every matching job', insights]);
  report('Insights: figures across every matching job', insights);

  const index = await indexFigures();
  sections.push(['Job index: search, export and insights from PostgreSQL and PGlite', index]);
  report('Job index: search, export and insights from PostgreSQL and PGlite', index);

  const cache = await cacheFigures();
  sections.push(['Finished jobs from the store', cache]);
  report('Finished jobs from the store', cache);

  const stack = await startBenchStack(['--jobs', '500', '--seed', '6']);
  try {
    const browser = [...(await bigDataFigures(stack)), ...(await lighthouseFigures(stack))];
    sections.push(['Browser: big data and Lighthouse', browser]);
    report('Browser: big data and Lighthouse', browser);
  } finally {
    await stack.stop();
  }

  const drill = await drillFigures();
  sections.push(['Fault drill', drill]);
  report('Fault drill', drill);

  const lines = [
    '# Benchmark results',
    '',
    `Last run: ${new Date().toISOString()} on ${machine}. Produced by \`npm run bench\`${shortened()}; every figure is measured in one run on loopback against the emulator.`,
    '',
  ];
  for (const [title, figures] of sections) {
    lines.push(`## ${title}`, '', '| figure | value | target | |', '|---|---|---|---|');
    for (const f of figures) {
      const target = f.target ? [f.target.atLeast !== undefined ? `>= ${f.target.atLeast}` : '', f.target.atMost !== undefined ? `<= ${f.target.atMost}` : ''].filter(Boolean).join(' and ') : '';
      lines.push(`| ${f.name.trim()} | ${Number(f.value.toFixed(2))} ${f.unit} | ${target} | ${verdict(f)} |`);
    }
    lines.push('');
  }
  lines.push(
    '## Notes',
    '',
    '- **Proxy overhead.** The p50 target over the direct call is missed, and the baselines measured',
    '  beside it say why. A bare Next.js route that forwards the same signed call with pop-core and does',
    '  nothing else (no sign-in, validation or logs), on the same standalone server, is by itself about',
    '  1.15 × the direct call. A plain Node.js forwarder in its own process is about 1.05 ×. Timed inside',
    '  the portal, Next.js takes about 1.8 ms from the socket to the route handler and 1.5 ms from the',
    '  handler to the last byte after the idle 30 ms upstream wait; neither a webpack build, nor',
    "  `compress: false`, nor a larger young generation moved the bare route. The portal's own share over",
    "  that floor (issue 14's target: p50 1.03, p95 1.10) measured 1.02 to 1.04 at p50 across runs.",
    '- **Memory.** V8 sizes its heap to the workload in steps: on this machine RSS climbs from about 270 MB',
    '  to 450 MB over the first 70 s under the drill, with a plateau on the way, then stays flat (a five',
    '  minute run stayed between 430 and 460 MB while the used heap after each collection stayed near',
    '  110 MB). A fixed 30 s warm-up caught that climb as 25% growth, so the warm-up now lasts until three',
    '  successive 30 s levels of RSS agree within 3% (at most 180 s), and growth compares such levels.',
    "- **Long tasks.** Read from Chromium's trace of the page's main thread, any length. Until 2026-12-06",
    "  they came from the Long Tasks API, which reports only tasks of 50 ms or more: with the packaged",
    "  Chromium (this machine has no Debian one) every list figure read 0 ms and the ratio 0 / 0.",
    '- **Coalescing.** 100 concurrent requests reach the ICE client over about 300 ms on two cores; a',
    '  successful read is reused for 1 s so they share one upstream call.',
    '- **Finished jobs.** The API answer of a kept job is about 6 ms whether it comes from the memory of',
    '  the instance that fetched it or from Redis on another. The page misses, and the empty page of the',
    '  bare Next.js app measured beside it says why: interleaved with the other legs, each request comes',
    '  after an idle gap of some 40 ms, which on this machine doubles the cost of any request (the empty',
    '  page takes about 3 ms back to back, 6 ms here), so it alone is about 0.18 × the direct call and leaves',
    "  0.12 × for all the portal's page does. Back to back on the development machine: the portal's",
    "  simplest page (signed out) 6.8 ms, a job's not-found page 8.4 ms, a kept job's page 10.0 ms;",
    "  proxy.ts's session check and budget are 1.2 ms of that with Redis (two round trips, 0.1 ms with",
    "  the memory store), and neither leaving out the header's controls nor sending the browser only",
    "  the messages its code reads (three-fifths fewer; under load that cut the page's CPU by 8 to 15%)",
    '  moved it measurably.',
    '- **Load curve.** The portal runs with ICE_MAX_CONCURRENCY=64: the default 8 calls in flight alone',
    '  hold it to about 260 req/s at 30 ms a call, a quota guard the bare route does not have. Both sides',
    '  are CPU-bound at 16 and 64 connections, so the ratio is CPU per request (about 2.3 ms against 1.8',
    '  ms in profiles). Switching off, in one build, the four pieces of product work (the session check',
    '  and budget, the audit line, the zod check of the answer, the per-call log line; single runs, not',
    '  a configuration that ships) measured 0.97 × at 16 and 0.94 × at 64: the rest of the path is at par',
    '  with the bare route. No one piece alone moved it beyond the noise. The bare page renders plain cells, with no',
    '  client components, languages or hydration.',
    "- **CPU per answer, both at once.** What the throughput ratio stands for, read directly from /proc;",
    '  for /api/jobs it measured 1.32 to 1.56 × over six runs. In one app, with only the',
    "  /api/jobs route's code changed (two to five 15 s runs each): the bare route's own code measured",
    "  1.04 to 1.13 × the bare app's CPU per answer, the portal's ICE client without the API wrapper 1.20",
    '  to 1.28 ×, the whole route 1.32 to 1.44 ×. The app around the route alone takes most of what 0.9 ×',
    "  allows (with the bare route's code it measured 0.87 to 0.98 × in throughput). For /jobs: 2.85 ×",
    '  before the CSS skeleton, the client-only messages and UTC times from toISOString; 2.51 and 2.55 ×',
    '  in the two runs after.',
    '- **Over the checked bare route.** The same forwarding plus the two checks the issue keeps: the',
    "  portal's own unseal of its session cookie and its own zod schema on the answer. In the two runs",
    '  before this one: 0.93 and 0.95 × at 16 connections, 0.88 and 0.97 × at 64, CPU per answer 1.24',
    '  and 1.26 × (1.42 and 1.56 × over the plain route in the same runs). Of the two checks, the answer',
    '  is the larger: a build without the zod check of the list answer spent 9 to 11.5% less CPU per',
    '  answer than the build with it, both loaded at once. Neither text fields settled as plain strings',
    "  (no union) nor objects without the loose catchall moved it (0 and 1.4%): it is zod's own work on",
    '  the some 550 values of a 10-job answer, about what JSON.parse of the same text costs.',
    '- **The list page (issue 38).** This run used the Chromium of the @sparticuz/chromium package (the',
    '  machine has no Debian one) with its own few fonts: the 100-row longest task 36.8 ms, 1.77 × the bare',
    "  table loaded in turn with it (39.8 ms and 1.92 × in the full run before). Debian's Chromium with the",
    '  system fonts gave 93 ms and 1.37 × in an earlier full run: the figure follows the browser and its',
    '  fonts, and so does its ratio. The 20-row figure (89 ms here, 52 ms before) is longer than the',
    "  100-row one in both runs with this browser; it has no target and was not looked into. `/jobs` under",
    '  load is now asked as a reader first opens it (no PageSize: 20 rows, More filters closed) beside the',
    "  bare page's 20 rows, and still misses: 0.31 × and 0.30 ×. Alone, the page with no rows takes 2.05 ×",
    "  the bare page's whole answer, where 0.5 × allows 2 ×. Its CPU per answer splits into the flight data",
    "  (server components, with the request's own work) and the HTML made from it: 9.4 and 13.7 ms against",
    "  the bare page's 4.5 and 1.8 ms. docs/benchmarks.md takes it apart and proposes the restatements.",
    '- **Other misses of this run.** The proxy overhead (1.15 ×, the framework floor alone is about 1.15 ×',
    "  here, see above), the API's load pair at 64 connections (0.70 ×: CPU-bound, its CPU per answer is",
    "  1.55 × the bare route's, so about 0.65 × is what the CPU allows) and the kept job page (see Finished",
    '  jobs) missed in the full run before too. The index insights read 0.10 × against at most 0.1 (0.07 ×',
    '  before): at the edge on a busy machine, not looked into further in this run.',
    '- **Export over the crawl.** 0.42 × in this run, 0.43 × in the one before; 0.53 × once (a busy minute), 0.48 to 0.50 × in',
    '  other full runs: the margin to 0.5 × is thin on this shared machine.',
    '- **Export memory.** The figure is the peak of RSS during a 100,000-job export minus RSS just',
    '  before it. The heap after each collection stays near 40 MB throughout (it grew to 147 MB before a',
    "  leak was fixed), so the figure varies with where V8's collection cycle stands when the export",
    '  starts: 6 to 43 MB over eight runs; 54 MB in the full run of 2026-12-06 16:16 UTC (MISS), then 15.7 and 28.3',
    '  MB in the scan section run twice alone on the same build; 32.9 MB in this run.',
    '',
  );
  writeFileSync(path.join(__dirname, 'RESULTS.md'), `${lines.join('\n')}\n`);
  const missed = sections.flatMap(([, f]) => f).filter((f) => verdict(f) === 'MISS');
  console.log(missed.length === 0 ? '\nAll targets met.' : `\n${missed.length} target(s) missed: ${missed.map((f) => f.name.trim()).join('; ')}`);
  process.exit(missed.length === 0 ? 0 : 1);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
