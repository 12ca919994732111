// Starts the standalone portal server (`node .next/standalone/server.js`, as the image runs it) on a
// free loopback port and waits until it answers. Shared by the demo, the tests and the benchmarks.
import { spawn, type ChildProcess } from 'node:child_process';
import { standaloneServer } from './portal-build';
import { freePort } from './free-port';
import { stopProcess } from './stop-process';

export interface PortalProcess {
  url: string;
  child: ChildProcess;
  /** Everything the server printed, for tests that read its logs. */
  output: () => string;
  stop(): Promise<void>;
}

export async function startPortal(root: string, env: NodeJS.ProcessEnv, port?: number, host = '127.0.0.1'): Promise<PortalProcess> {
  const chosen = port ?? (await freePort(host));
  const child = spawn(process.execPath, [standaloneServer(root)], {
    cwd: root,
    env: { ...env, PORT: String(chosen), HOSTNAME: host, NEXT_TELEMETRY_DISABLED: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const url = `http://${host}:${chosen}`;
  const stop = () => stopProcess(child);

  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the portal exited with ${child.exitCode}:\n${output}`);
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`the portal did not answer within 60 s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return { url, child, output: () => output, stop };
}
