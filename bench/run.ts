// `npm run bench`: every benchmark, printed with targets; exit 1 when a target is missed.
import os from 'node:os';
import { emulatorFigures } from './emulator';
import { report } from './report';

async function main(): Promise<void> {
  console.log(`Machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`);
  const ok = [report('ICE emulator', await emulatorFigures())];
  process.exit(ok.every(Boolean) ? 0 : 1);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
