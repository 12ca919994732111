// Removes the run's folder of server output (global-setup.ts), whatever the suites left in it.
import { rmSync } from 'node:fs';
import { OUTPUT_DIR_ENV } from '../../harness/standalone-server';

export default function globalTeardown(): void {
  const dir = process.env[OUTPUT_DIR_ENV];
  if (dir) rmSync(dir, { recursive: true, force: true });
}
