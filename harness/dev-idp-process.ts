// The development OpenID provider (scripts/dev-oidc-provider.ts) as its own process on a free
// loopback port, registered for one portal's redirect URIs: the real login flow that `npm run demo`
// offers, for tests that sign in through it.
import { spawn, type ChildProcess } from 'node:child_process';
import { cleanEnv } from './clean-env';
import { freePort } from './free-port';
import { REPO_ROOT } from './repo-root';
import { stopProcess } from './stop-process';

export const DEV_CLIENT = { id: 'ice-portal-dev', secret: 'ice-portal-dev-secret' };

export interface DevIdpProcess {
  issuer: string;
  child: ChildProcess;
  /** Everything it printed so far, stdout and stderr. */
  output(): string;
  stop(): Promise<void>;
}

export async function startDevIdpProcess(appUrl: string): Promise<DevIdpProcess> {
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
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`the OpenID provider exited with ${code}:\n${output}`)));
  });
  return { issuer, child, output: () => output, stop: () => stopProcess(child) };
}
