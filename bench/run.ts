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
  writeFileSync(path.join(__dirname, 'RESULTS.md'), `${lines.join('\n')}\n`);
  const missed = sections.flatMap(([, f]) => f).filter((f) => verdict(f) === 'MISS');
  console.log(missed.length === 0 ? '\nAll targets met.' : `\n${missed.length} target(s) missed: ${missed.map((f) => f.name.trim()).join('; ')}`);
  process.exit(missed.length === 0 ? 0 : 1);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
