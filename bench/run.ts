// `npm run bench`: every benchmark, printed with its target and PASS or MISS, and written to
// bench/RESULTS.md. Exit code 1 when a target is missed. BENCH_DRILL_SECONDS shortens the fault drill.
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { bigDataFigures } from './browser';
import { drillFigures } from './drill';
import { emulatorFigures } from './emulator';
import { lighthouseFigures } from './lighthouse';
import { portalFigures } from './portal';
import { report, verdict, type Figure } from './report';
import { startBenchStack } from './stack';
import { buildPortalIfNeeded } from '../scripts/portal-build';

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

  const stack = await startBenchStack(['--jobs', '500', '--seed', '6']);
  try {
    const browser = [...(await bigDataFigures(stack)), ...(await lighthouseFigures(stack))];
    sections.push(['Browser: big data and Lighthouse', browser]);
    report(sections[2]![0], browser);
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
    '- **Proxy overhead.** The portal adds about 2.5 ms per call when calls come back to back and about 5 ms',
    '  behind a 30 ms upstream, so the p50 ratio lands near 1.15 against a 1.10 target. The figure "an empty',
    '  Next.js route" shows where most of it goes: a route that does nothing costs about 1.3 ms back to back',
    '  and about 3 ms once the server has sat idle for 30 ms, which is how it serves every proxied call. A',
    '  15-line Node forwarder in its own process, measured the same way while investigating, added 0.4 ms:',
    '  the cost is the Next.js request path warming up again after an idle gap, not the machine. The',
    "  portal's own work (session check, signing, zod, JSON) is about 1 to 2 ms; taking /api out of",
    '  proxy.ts saved about 1 ms. Meeting 1.10 at 30 ms would need the API served outside Next.js. The',
    '  p95 ratio moves between about 1.20 and 1.30 from run to run on this shared two-core machine.',
    '- **Memory.** V8 grows the heap to the workload in the first seconds (about 120 MB to 330 MB), then',
    '  stays flat, so the drill compares memory from the end of a warm-up under the same faults.',
    '- **Long tasks.** 0 ms means no task reached 50 ms, the threshold at which Chromium reports one.',
    '- **Coalescing.** 100 concurrent requests reach the ICE client over about 300 ms on two cores; a',
    '  successful read is reused for 1 s so they share one upstream call.',
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
