// Builds the portal once per test run (skipped when the build is fresh), so every suite that starts
// a portal runs the same production standalone build, as the container does; and makes sure Debian's
// redis-server is there for the multi-instance suites (installed with apt-get when missing and allowed);
// and gives the run one folder for the servers' output, which the workers inherit and the teardown removes.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildPortalIfNeeded } from '../../harness/portal-build';
import { ensureRedisServer } from '../../harness/redis-process';
import { REPO_ROOT } from '../../harness/repo-root';
import { OUTPUT_DIR_ENV } from '../../harness/standalone-server';

export default function globalSetup(): void {
  ensureRedisServer((line) => process.stdout.write(`\n${line}\n`));
  buildPortalIfNeeded(REPO_ROOT, (line) => process.stdout.write(`\n${line}\n`));
  process.env[OUTPUT_DIR_ENV] = mkdtempSync(path.join(tmpdir(), 'portal-test-run-'));
}
