// Installs a Debian package the tests need when it is missing (the tests run real Redis and PostgreSQL,
// never a mock of them), and says so; only as root with apt-get, else a clear error.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** What `find` finds once `pkg` is installed (installing it first if `find` finds nothing). */
export function installedOrInstall(pkg: string, why: string, find: () => string | undefined, say: (line: string) => void = console.log): string {
  const found = find();
  if (found) return found;
  if (process.getuid?.() !== 0 || !existsSync('/usr/bin/apt-get')) {
    throw new Error(`${pkg} is not installed and this process cannot install it: run \`apt-get install -y ${pkg}\` (Debian)`);
  }
  say(`${pkg} is missing: installing it with \`apt-get install -y ${pkg}\` (${why})`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const install = () => spawnSync('apt-get', ['install', '-y', '-q', '--no-install-recommends', pkg], { env, encoding: 'utf8' });
  let result = install();
  if (result.status !== 0) {
    // A fresh machine may have no package lists yet.
    spawnSync('apt-get', ['update', '-q'], { env, encoding: 'utf8' });
    result = install();
  }
  const installed = find();
  if (result.status !== 0 || !installed) throw new Error(`apt-get install ${pkg} failed:\n${result.stdout}\n${result.stderr}`);
  say(`installed ${installed}`);
  return installed;
}
