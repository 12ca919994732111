// Starts the standalone portal server (`node .next/standalone/server.js`, as the image runs it) on a
// free loopback port and waits until it answers. Shared by the demo, the tests and the benchmarks.
import { freePort } from './free-port';
import { standaloneServer } from './portal-build';
import { runStandaloneServer, type StandaloneServer, type StandaloneServerOptions } from './standalone-server';

export type PortalProcess = StandaloneServer;

export interface PortalOptions extends Pick<StandaloneServerOptions, 'outputFile' | 'ownProcessGroup'> {
  /** A free one by default. */
  port?: number;
  /** 127.0.0.1 by default. */
  host?: string;
}

export async function startPortal(root: string, env: NodeJS.ProcessEnv, options: PortalOptions = {}): Promise<PortalProcess> {
  const host = options.host ?? '127.0.0.1';
  const { healthy, ...server } = await runStandaloneServer({
    serverJs: standaloneServer(root),
    cwd: root,
    env: { ...env, NEXT_TELEMETRY_DISABLED: '1' },
    port: options.port ?? (await freePort(host)),
    host,
    timeoutMs: 60_000,
    outputFile: options.outputFile,
    ownProcessGroup: options.ownProcessGroup,
  });
  if (healthy) return server;
  const exitCode = server.child.exitCode;
  await server.stop();
  throw new Error(`${exitCode === null ? 'the portal did not answer within 60 s' : `the portal exited with ${exitCode}`}:\n${server.output()}`);
}
