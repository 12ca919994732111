// Builds the portal once per test run (skipped when the build is fresh), so every suite that starts
// a portal runs the same production standalone build, as the container does.
import { buildPortalIfNeeded } from '../../harness/portal-build';
import { REPO_ROOT } from '../../harness/repo-root';

export default function globalSetup(): void {
  buildPortalIfNeeded(REPO_ROOT, (line) => process.stdout.write(`\n${line}\n`));
}
