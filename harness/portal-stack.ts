// An emulator and a production portal wired together, both real processes on loopback ports; with
// `auth: 'dev-idp'`, also the development OpenID provider, as `npm run demo` runs them.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { DEMO_CREDENTIALS } from '@/emulator/options';
import { freePort, startPortal, type PortalProcess } from './portal-process';
import { cleanEnv, REPO_ROOT, startEmulatorProcess, stopProcess, type EmulatorProcess } from './emulator-process';

export const DEV_CLIENT = { id: 'ice-portal-dev', secret: 'ice-portal-dev-secret' };

export interface PortalStack {
  emulator: EmulatorProcess;
  portal: PortalProcess;
  idp?: { issuer: string; child: ChildProcess };
  /** AUTH_SECRET of this portal, for tests that forge or tamper with its cookies. */
  authSecret: string;
  stop(): Promise<void>;
}

export interface StackOptions {
  emulatorArgs?: string[];
  portalEnv?: Record<string, string>;
  auth?: 'none' | 'dev-idp';
}

export async function startDevIdpProcess(appUrl: string): Promise<{ issuer: string; child: ChildProcess }> {
  const port = await freePort();
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'scripts/dev-oidc-provider.ts', '--port', String(port), '--client-id', DEV_CLIENT.id, '--client-secret', DEV_CLIENT.secret,
      '--redirect-uri', `${appUrl}/auth/callback`, '--post-logout-redirect-uri', `${appUrl}/auth/signed-out`],
    { cwd: REPO_ROOT, env: cleanEnv(), stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  const issuer = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the OpenID provider did not start:\n${output}`)), 30_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`the OpenID provider exited with ${code}:\n${output}`)));
  });
  return { issuer, child };
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
      ...env,
    }),
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
