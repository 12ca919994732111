// A real PostgreSQL for the job index's tests and benchmarks: Debian's, a throwaway cluster in a
// temporary folder on a free loopback port, with durability off (a test database need not survive a
// crash), stopped by its pid and its folder removed. When PostgreSQL is missing and this process can
// install it (root, with apt-get), it installs it and says so. Run as root, the server runs as the
// `postgres` user the package makes, since PostgreSQL refuses to run as root.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { installedOrInstall } from './apt-install';
import { freePort } from './free-port';
import { stopProcess } from './stop-process';

export interface PostgresProcess {
  /** postgres://portal@127.0.0.1:<port>/postgres, trusted on loopback. */
  url: string;
  child: ChildProcess;
  output(): string;
  stop(): Promise<void>;
}

const BIN_ROOT = '/usr/lib/postgresql';

function binDir(): string | undefined {
  if (!existsSync(BIN_ROOT)) return undefined;
  const versions = readdirSync(BIN_ROOT).filter((v) => existsSync(path.join(BIN_ROOT, v, 'bin', 'postgres'))).sort((a, b) => Number(b) - Number(a));
  return versions[0] ? path.join(BIN_ROOT, versions[0], 'bin') : undefined;
}

/** The folder of Debian's PostgreSQL binaries, installed with apt-get first when missing and this process may. */
export function ensurePostgres(say: (line: string) => void = console.log): string {
  return installedOrInstall('postgresql', 'the job index tests run a real PostgreSQL', binDir, say);
}

/** Who the server runs as: this process, or `postgres` when this process is root. */
function runAs(): { uid?: number; gid?: number } {
  if (process.getuid?.() !== 0) return {};
  const id = (flag: string) => Number(spawnSync('id', [flag, 'postgres'], { encoding: 'utf8' }).stdout.trim());
  const uid = id('-u');
  const gid = id('-g');
  if (!Number.isInteger(uid) || !Number.isInteger(gid)) throw new Error('running as root, but there is no `postgres` user to run PostgreSQL as');
  return { uid, gid };
}

export async function startPostgresProcess(): Promise<PostgresProcess> {
  const bin = ensurePostgres();
  const user = runAs();
  const dir = mkdtempSync(path.join(tmpdir(), 'index-postgres-'));
  if (user.uid !== undefined) chownSync(dir, user.uid, user.gid!);
  const data = path.join(dir, 'data');
  const init = spawnSync(path.join(bin, 'initdb'), ['-D', data, '-U', 'portal', '--auth=trust', '-E', 'UTF8', '--locale=C', '--no-instructions', '--no-sync'], { ...user, encoding: 'utf8' });
  if (init.status !== 0) {
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`initdb failed:\n${init.stdout}\n${init.stderr}`);
  }
  const port = await freePort();
  let output = '';
  const child = spawn(
    path.join(bin, 'postgres'),
    ['-D', data, '-p', String(port), '-k', dir, '-c', 'listen_addresses=127.0.0.1', '-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'],
    { ...user, stdio: 'pipe' },
  );
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  process.once('exit', () => {
    if (child.exitCode === null) child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });
  const deadline = Date.now() + 30_000;
  while (!/ready to accept connections/.test(output)) {
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill('SIGKILL');
      rmSync(dir, { recursive: true, force: true });
      throw new Error(`PostgreSQL did not start:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url: `postgres://portal@127.0.0.1:${port}/postgres`,
    child,
    output: () => output,
    stop: async () => {
      await stopProcess(child);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
