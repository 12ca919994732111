// The processes a benchmark measures: the emulator and the production portal with sign-in on (OIDC
// mode, a session cookie sealed with the portal's own secret), as the team would run it.
import { randomBytes, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { seal } from '../lib/auth/sealed-cookie';
import type { SessionPayload } from '../lib/auth/session';
import { startEmulatorProcess, type EmulatorProcess } from '../harness/emulator-process';
import { freePort } from '../harness/free-port';
import type { PortalProcess } from '../harness/portal-process';
import { startPortalAgainst } from '../harness/portal-stack';

export interface BenchStack {
  emulator: EmulatorProcess;
  portal: PortalProcess;
  /** Headers that make a request come from a signed-in user. */
  signedIn: Record<string, string>;
  /** The portal's configuration, to start a second instance that reads the same cookies. */
  portalEnv: Record<string, string>;
  stop(): Promise<void>;
}

export async function startBenchStack(emulatorArgs: string[], portalEnv: Record<string, string> = {}): Promise<BenchStack> {
  const emulator = await startEmulatorProcess(emulatorArgs);
  const secret = randomBytes(32).toString('base64url');
  const port = await freePort();
  const env: Record<string, string> = {
    AUTH_MODE: 'oidc',
    // Discovery happens only on a login, which a benchmark never does.
    OIDC_ISSUER: 'https://idp.invalid',
    OIDC_CLIENT_ID: 'bench',
    OIDC_CLIENT_SECRET: 'bench-secret',
    APP_URL: `http://127.0.0.1:${port}`,
    AUTH_SECRET: secret,
    AUTH_RATE_LIMIT_PER_MINUTE: '100000',
    ...portalEnv,
  };
  const portal = await startPortalAgainst(emulator.url, env, port);
  // Typed, so a change to what a session holds breaks this at compile time instead of sending every
  // benchmark request to the login page.
  const session: SessionPayload = { sub: 'bench', email: 'bench@example.com', emailVerified: true, groups: [], sid: randomUUID(), seen: Date.now() };
  const cookie = seal(session, secret, 'session', 24 * 3600_000);
  return {
    emulator,
    portal,
    signedIn: { cookie: `ice-portal-session=${cookie}` },
    portalEnv: env,
    stop: async () => {
      await portal.stop();
      await emulator.stop();
    },
  };
}

/** Resident memory of a process, from /proc (Linux). */
export function rssBytes(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) * 1024;
}

/** CPU time a process has used so far, user and system, in ms, from /proc (Linux). */
export function cpuMs(pid: number): number {
  // The fields after the command name, which is in parentheses and may hold spaces: utime is the 12th.
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS_PER_SECOND;
}

/** Linux's USER_HZ, the unit of /proc/<pid>/stat times: 100 on every architecture Node.js runs on. */
const CLOCK_TICKS_PER_SECOND = 100;

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}
