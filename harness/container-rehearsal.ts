// What the Dockerfile's runtime stage does, without a Docker engine: lay out the standalone server,
// its static files and public assets in a fresh folder (nothing else from the repository, no
// node_modules but the traced production ones), and run `node server.js` there.
import { cpSync, existsSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from './free-port';
import { buildPortalIfNeeded } from './portal-build';
import { runStandaloneServer, type StandaloneServer } from './standalone-server';

export function assembleImageFiles(root: string): string {
  buildPortalIfNeeded(root);
  const app = mkdtempSync(path.join(os.tmpdir(), 'ice-portal-image-'));
  cpSync(path.join(root, '.next', 'standalone'), app, { recursive: true }); // COPY .next/standalone ./
  cpSync(path.join(root, '.next', 'static'), path.join(app, '.next', 'static'), { recursive: true }); // COPY .next/static
  if (existsSync(path.join(root, 'public'))) cpSync(path.join(root, 'public'), path.join(app, 'public'), { recursive: true });
  return app;
}

/**
 * CMD ["node", "server.js"] with the image's environment and the operator's configuration, on a free
 * loopback port. Resolves once it answers, or has exited (a refused configuration), or after 30 s.
 */
export async function startImageServer(app: string, env: Record<string, string>): Promise<StandaloneServer> {
  const { healthy: _healthy, ...server } = await runStandaloneServer({
    serverJs: 'server.js',
    cwd: app,
    env: { PATH: process.env.PATH ?? '', NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1', ...env },
    port: await freePort(),
    host: '127.0.0.1',
    timeoutMs: 30_000,
  });
  return server;
}
