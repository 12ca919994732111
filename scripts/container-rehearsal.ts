// What the Dockerfile's runtime stage does, without a Docker engine: lay out the standalone server,
// its static files and public assets in a fresh folder (nothing else from the repository, no
// node_modules but the traced production ones), and run `node server.js` there.
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildPortalIfNeeded } from '../harness/portal-build';

export function assembleImageFiles(root: string): string {
  buildPortalIfNeeded(root);
  const app = mkdtempSync(path.join(os.tmpdir(), 'ice-portal-image-'));
  cpSync(path.join(root, '.next', 'standalone'), app, { recursive: true }); // COPY .next/standalone ./
  cpSync(path.join(root, '.next', 'static'), path.join(app, '.next', 'static'), { recursive: true }); // COPY .next/static
  if (existsSync(path.join(root, 'public'))) cpSync(path.join(root, 'public'), path.join(app, 'public'), { recursive: true });
  return app;
}

/** CMD ["node", "server.js"] with the image's environment and the operator's configuration. */
export function runImageServer(app: string, env: Record<string, string>, port: number): ChildProcess {
  return spawn(process.execPath, ['server.js'], {
    cwd: app,
    env: { PATH: process.env.PATH ?? '', NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1', PORT: String(port), HOSTNAME: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}
