// Builds the portal once per test run (skipped when the build is fresh), so every suite that starts
// a portal runs the same production standalone build, as the container does; and makes sure Debian's
// redis-server is there for the multi-instance suites (installed with apt-get when missing and allowed).
import { buildPortalIfNeeded } from '../../harness/portal-build';
import { ensureRedisServer } from '../../harness/redis-process';
import { REPO_ROOT } from '../../harness/repo-root';

export default function globalSetup(): void {
  ensureRedisServer((line) => process.stdout.write(`\n${line}\n`));
  buildPortalIfNeeded(REPO_ROOT, (line) => process.stdout.write(`\n${line}\n`));
}
