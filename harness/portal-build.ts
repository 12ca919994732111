// Builds the portal when its sources changed since the last build, then lays the static files beside
// the standalone server exactly as the container image does. Used by `npm run build`, `npm run demo`,
// the tests and the benchmarks, so all of them run the same production build.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { isOperatorSetting } from './clean-env';

// What `next build` reads: a change here makes the build stale. Not harness/, scripts/, bench/,
// __tests__/ or emulator/: the portal never imports them, so they are neither traced into the
// standalone output nor a reason to build again.
const SOURCES = ['app', 'components', 'lib', 'i18n', 'messages', 'public', 'next.config.js', 'package-lock.json', 'tsconfig.json', 'proxy.ts', 'instrumentation.ts'];

function newestMtime(target: string): number {
  if (!existsSync(target)) return 0;
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(target).reduce((newest, name) => Math.max(newest, newestMtime(path.join(target, name))), stat.mtimeMs);
}

/** The build sees what the image's build stage sees: no NODE_ENV, no credentials, no auth settings. */
export function buildEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' };
  for (const name of Object.keys(env)) {
    if (name === 'NODE_ENV' || isOperatorSetting(name)) delete env[name];
  }
  return env;
}

export function standaloneServer(root: string): string {
  return path.join(root, '.next', 'standalone', 'server.js');
}

/** Written last, once the static files sit beside the server: a bare `next build` does not count. */
const completeMarker = (root: string) => path.join(root, '.next', 'standalone', '.portal-build-complete');

export function buildIsFresh(root: string): boolean {
  const marker = completeMarker(root);
  if (!existsSync(marker) || !existsSync(standaloneServer(root))) return false;
  const built = statSync(marker).mtimeMs;
  return SOURCES.every((source) => newestMtime(path.join(root, source)) < built);
}

/** Builds unless fresh; throws with next's output when the build fails. */
export function buildPortalIfNeeded(root: string, log: (line: string) => void = console.log): void {
  if (!buildIsFresh(root)) buildPortal(root, log);
}

/** Builds even when fresh (`npm run build`); throws with next's output when the build fails. */
export function buildPortal(root: string, log: (line: string) => void = console.log): void {
  // Gone until the new build is complete, so a failed build is never taken for a fresh one.
  rmSync(completeMarker(root), { force: true });
  log('Building the portal (next build)…');
  const result = spawnSync(process.execPath, [require.resolve('next/dist/bin/next', { paths: [root] }), 'build'], {
    cwd: root,
    env: buildEnv(),
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (result.status !== 0) throw new Error(`next build failed:\n${result.stdout}\n${result.stderr}`);
  // The standalone server serves these from its own folder; the image copies them the same way.
  const standalone = path.join(root, '.next', 'standalone');
  rmSync(path.join(standalone, '.next', 'static'), { recursive: true, force: true });
  cpSync(path.join(root, '.next', 'static'), path.join(standalone, '.next', 'static'), { recursive: true });
  if (existsSync(path.join(root, 'public'))) cpSync(path.join(root, 'public'), path.join(standalone, 'public'), { recursive: true });
  writeFileSync(completeMarker(root), new Date().toISOString());
}

