// Runs a Next.js standalone server.js, as the image does, and waits until /api/health answers: the
// portal's own build (portal-process.ts) and the image's copy of it (container-rehearsal.ts).
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { stopProcess } from './stop-process';

export interface StandaloneServer {
  url: string;
  child: ChildProcess;
  /** Everything the server printed so far. */
  output: () => string;
  /**
   * Everything it printed, once it has gone quiet: the portal writes its log lines after the turn that
   * logged them (lib/log/logger.ts), so the lines about a request may follow its response by a moment.
   */
  settledOutput: (until?: (output: string) => boolean) => Promise<string>;
  /** The exit code, once the server has exited (null when a signal ended it). */
  exited: Promise<number | null>;
  stop(): Promise<void>;
}

export interface StandaloneServerOptions {
  /** The server.js to run, and the folder it runs in. */
  serverJs: string;
  cwd: string;
  /** The server's whole environment; PORT and HOSTNAME are set from port and host. */
  env: NodeJS.ProcessEnv;
  port: number;
  host: string;
  /** How long to wait for /api/health before giving up. */
  timeoutMs: number;
  /** Where its output goes (truncated first); by default a file of this process's, removed at exit. */
  outputFile?: string;
  /**
   * Its own process group, so a Ctrl-C in the terminal reaches only the caller, which stops it: the
   * demo, which must tell its own stop from the server's crash.
   */
  ownProcessGroup?: boolean;
}

const QUIET_MS = 50;
const QUIET_CAP_MS = 2000;
const UNTIL_CAP_MS = 10_000;

// The servers' output goes straight to files, not through this process: benchmarks run autocannon
// here, and reading a portal's log lines into a string cost this process about 0.08 ms of CPU a
// portal request, a load the bare side did not add. Removed when this process exits; under jest, in
// the run's folder (OUTPUT_DIR_ENV), which the global teardown removes: every test file loads its own
// copy of this module, and an exit listener for each passed Node's warning limit in a long-lived worker.
export const OUTPUT_DIR_ENV = 'STANDALONE_OUTPUT_DIR';
let outputDir: string | undefined;
let outputs = 0;
function temporaryOutputFile(port: number): string {
  if (!outputDir) {
    const runFolder = process.env[OUTPUT_DIR_ENV];
    const dir = mkdtempSync(path.join(runFolder ?? tmpdir(), 'standalone-output-'));
    if (!runFolder) process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
    outputDir = dir;
  }
  return path.join(outputDir, `${++outputs}-${port}.log`);
}

/**
 * Resolves once the server answers /api/health (`healthy`), or has exited, or timeoutMs has passed.
 * A server that refuses its configuration exits, and tests read why from its output: so an unhealthy
 * server is returned as it is, still running when it timed out; the caller decides.
 */
export async function runStandaloneServer(options: StandaloneServerOptions): Promise<StandaloneServer & { healthy: boolean }> {
  const { serverJs, cwd, env, port, host, timeoutMs } = options;
  const file = options.outputFile ?? temporaryOutputFile(port);
  const fd = openSync(file, options.outputFile ? 'w' : 'a');
  const child = spawn(process.execPath, [serverJs], {
    cwd,
    env: { ...env, PORT: String(port), HOSTNAME: host },
    stdio: ['ignore', fd, fd],
    detached: options.ownProcessGroup ?? false,
  });
  closeSync(fd);
  const output = () => readFileSync(file, 'utf8');
  const written = () => statSync(file).size;
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = `http://${host}:${port}`;
  /** `until`: also wait (at most UNTIL_CAP_MS) for what the caller knows must come, such as a request's line. */
  const settledOutput = async (until?: (output: string) => boolean) => {
    const giveUpAt = Date.now() + UNTIL_CAP_MS;
    do {
      // Quiet for QUIET_MS, or QUIET_CAP_MS at the most (a server that logs all the time).
      for (let seen = -1, waited = 0; seen !== written() && waited < QUIET_CAP_MS; waited += QUIET_MS) {
        seen = written();
        await new Promise((r) => setTimeout(r, QUIET_MS));
      }
    } while (until && !until(output()) && Date.now() < giveUpAt);
    return output();
  };
  const server = { url, child, output, settledOutput, exited, stop: () => stopProcess(child) };

  const deadline = Date.now() + timeoutMs;
  while (child.exitCode === null && child.signalCode === null && Date.now() <= deadline) {
    if (await fetch(`${url}/api/health`).then((res) => res.ok, () => false)) return { ...server, healthy: true };
    await new Promise((r) => setTimeout(r, 100));
  }
  return { ...server, healthy: false };
}
