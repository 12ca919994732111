// Runs a Next.js standalone server.js, as the image does, and waits until /api/health answers: the
// portal's own build (portal-process.ts) and the image's copy of it (container-rehearsal.ts).
import { spawn, type ChildProcess } from 'node:child_process';
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
}

const QUIET_MS = 50;
const QUIET_CAP_MS = 2000;
const UNTIL_CAP_MS = 10_000;

/**
 * Resolves once the server answers /api/health (`healthy`), or has exited, or timeoutMs has passed.
 * A server that refuses its configuration exits, and tests read why from its output: so an unhealthy
 * server is returned as it is, still running when it timed out; the caller decides.
 */
export async function runStandaloneServer(options: StandaloneServerOptions): Promise<StandaloneServer & { healthy: boolean }> {
  const { serverJs, cwd, env, port, host, timeoutMs } = options;
  const child = spawn(process.execPath, [serverJs], {
    cwd,
    env: { ...env, PORT: String(port), HOSTNAME: host },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = `http://${host}:${port}`;
  /** `until`: also wait (at most UNTIL_CAP_MS) for what the caller knows must come, such as a request's line. */
  const settledOutput = async (until?: (output: string) => boolean) => {
    const giveUpAt = Date.now() + UNTIL_CAP_MS;
    do {
      // Quiet for QUIET_MS, or QUIET_CAP_MS at the most (a server that logs all the time).
      for (let seen = -1, waited = 0; seen !== output.length && waited < QUIET_CAP_MS; waited += QUIET_MS) {
        seen = output.length;
        await new Promise((r) => setTimeout(r, QUIET_MS));
      }
    } while (until && !until(output) && Date.now() < giveUpAt);
    return output;
  };
  const server = { url, child, output: () => output, settledOutput, exited, stop: () => stopProcess(child) };

  const deadline = Date.now() + timeoutMs;
  while (child.exitCode === null && child.signalCode === null && Date.now() <= deadline) {
    if (await fetch(`${url}/api/health`).then((res) => res.ok, () => false)) return { ...server, healthy: true };
    await new Promise((r) => setTimeout(r, 100));
  }
  return { ...server, healthy: false };
}
