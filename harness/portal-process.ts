// Starts the standalone portal server (`node .next/standalone/server.js`, as the image runs it) on a
// free loopback port and waits until it answers. Shared by the demo, the tests and the benchmarks.
import { freePort } from './free-port';
import { standaloneServer } from './portal-build';
import { runStandaloneServer, type StandaloneServer } from './standalone-server';

export type PortalProcess = StandaloneServer;

export async function startPortal(root: string, env: NodeJS.ProcessEnv, port?: number, host = '127.0.0.1'): Promise<PortalProcess> {
  const { healthy, ...server } = await runStandaloneServer({
    serverJs: standaloneServer(root),
    cwd: root,
    env: { ...env, NEXT_TELEMETRY_DISABLED: '1' },
    port: port ?? (await freePort(host)),
    host,
    timeoutMs: 60_000,
  });
  if (healthy) return server;
  const exitCode = server.child.exitCode;
  await server.stop();
  throw new Error(`${exitCode === null ? 'the portal did not answer within 60 s' : `the portal exited with ${exitCode}`}:\n${server.output()}`);
}
