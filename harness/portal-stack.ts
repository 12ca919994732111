// An emulator and a production portal wired together, both real processes on loopback ports; with
// `auth: 'dev-idp'`, also the development OpenID provider, as `npm run demo` runs them.
import { randomBytes } from 'node:crypto';
import { DEMO_CREDENTIALS } from '@/emulator/options';
import { cleanEnv } from './clean-env';
import { DEV_CLIENT, startDevIdpProcess, type DevIdpProcess } from './dev-idp-process';
import { startEmulatorProcess, type EmulatorProcess } from './emulator-process';
import { freePort } from './free-port';
import { startPortal, type PortalProcess } from './portal-process';
import { REPO_ROOT } from './repo-root';
import { stopProcess } from './stop-process';

export interface PortalStack {
  emulator: EmulatorProcess;
  portal: PortalProcess;
  idp?: DevIdpProcess;
  /** AUTH_SECRET of this portal, for tests that forge or tamper with its cookies. */
  authSecret: string;
  stop(): Promise<void>;
}

export interface StackOptions {
  emulatorArgs?: string[];
  portalEnv?: Record<string, string>;
  auth?: 'none' | 'dev-idp';
}

/** A production portal against a running emulator, with the demo key pair unless env overrides it. */
export function startPortalAgainst(emulatorUrl: string, env: Record<string, string>, port?: number): Promise<PortalProcess> {
  return startPortal(
    REPO_ROOT,
    cleanEnv({
      NODE_ENV: 'production',
      ICE_ENDPOINT: emulatorUrl,
      ALIBABA_CLOUD_ACCESS_KEY_ID: DEMO_CREDENTIALS.accessKeyId,
      ALIBABA_CLOUD_ACCESS_KEY_SECRET: DEMO_CREDENTIALS.accessKeySecret,
      // No job index unless a test asks for one: its background sync would add ICE calls of its own
      // to those a test counts, and each portal would open PGlite in the same folder.
      ...(env.INDEX || env.INDEX_DATABASE_URL || env.INDEX_DIR ? {} : { INDEX: 'off' }),
      ...env,
    }),
    { port },
  );
}

/**
 * A portal that signs people in through a test's OpenID provider (fake-idp.ts), on a free port of its
 * own (its APP_URL); `env` adds to or overrides the settings (REDIS_URL, AUTH_SECRET shared by replicas).
 */
export async function startOidcPortalAgainst(emulatorUrl: string, idp: { issuer: string; clientId: string }, env: Record<string, string> = {}): Promise<PortalProcess> {
  const port = await freePort();
  return startPortalAgainst(
    emulatorUrl,
    {
      AUTH_MODE: 'oidc',
      OIDC_ISSUER: idp.issuer,
      OIDC_CLIENT_ID: idp.clientId,
      OIDC_CLIENT_SECRET: `${idp.clientId}-secret`,
      APP_URL: `http://127.0.0.1:${port}`,
      AUTH_SECRET: randomBytes(32).toString('base64url'),
      ...env,
    },
    port,
  );
}

export async function startPortalStack(options: StackOptions = {}): Promise<PortalStack> {
  const emulator = await startEmulatorProcess(options.emulatorArgs ?? ['--jobs', '300', '--seed', '11']);
  const authSecret = randomBytes(32).toString('base64url');
  const port = await freePort();
  const appUrl = `http://127.0.0.1:${port}`;
  let idp: PortalStack['idp'];
  let portal: PortalProcess;
  try {
    if (options.auth === 'dev-idp') idp = await startDevIdpProcess(appUrl);
    const authEnv: Record<string, string> = idp
      ? { AUTH_MODE: 'oidc', OIDC_ISSUER: idp.issuer, OIDC_CLIENT_ID: DEV_CLIENT.id, OIDC_CLIENT_SECRET: DEV_CLIENT.secret, APP_URL: appUrl, AUTH_SECRET: authSecret }
      : { AUTH_MODE: 'none', AUTH_RATE_LIMIT_PER_MINUTE: '100000' };
    portal = await startPortalAgainst(emulator.url, { ...authEnv, ...options.portalEnv }, port);
  } catch (error) {
    await emulator.stop();
    if (idp) await stopProcess(idp.child);
    throw error;
  }
  return {
    emulator,
    portal,
    idp,
    authSecret,
    stop: async () => {
      await portal.stop();
      await emulator.stop();
      if (idp) await stopProcess(idp.child);
    },
  };
}
