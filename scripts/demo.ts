// `npm run demo`: the whole portal on this machine with no cloud account. Builds if needed, starts
// the ICE emulator, a development OpenID provider and the production portal wired together, prints
// the URL, stops everything on Ctrl-C.
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { DEMO_CREDENTIALS, parseEmulatorOptions } from '../emulator/options';
import { startEmulator } from '../emulator/server';
import { startDevIdp } from './dev-oidc-provider';
import { buildPortalIfNeeded } from '../harness/portal-build';
import { freePort, portIsFree } from '../harness/free-port';
import { startPortal } from '../harness/portal-process';

const ROOT = path.resolve(__dirname, '..');

async function main(): Promise<void> {
  const host = process.env.HOSTNAME || '127.0.0.1';
  const wanted = Number(process.env.PORT || 3000);
  buildPortalIfNeeded(ROOT);

  const options = parseEmulatorOptions(['--port', '0', '--jobs', process.env.DEMO_JOBS || '500', '--job-delay-ms', '20000'], {});
  if (options === 'help') return;
  const emulator = await startEmulator(options);

  const port = (await portIsFree(wanted, host)) ? wanted : await freePort(host);
  if (port !== wanted) console.log(`Port ${wanted} is taken; using ${port}.`);
  const appUrl = `http://${host}:${port}`;
  const client = { id: 'ice-portal-demo', secret: randomBytes(16).toString('hex') };
  const idp = await startDevIdp({
    host,
    port: await freePort(host),
    clientId: client.id,
    clientSecret: client.secret,
    redirectUris: [`${appUrl}/auth/callback`],
    postLogoutRedirectUris: [`${appUrl}/auth/signed-out`],
  });
  const portal = await startPortal(
    ROOT,
    {
      ...process.env,
      NODE_ENV: 'production',
      ICE_ENDPOINT: emulator.url,
      ALIBABA_CLOUD_ACCESS_KEY_ID: DEMO_CREDENTIALS.accessKeyId,
      ALIBABA_CLOUD_ACCESS_KEY_SECRET: DEMO_CREDENTIALS.accessKeySecret,
      ALIBABA_CLOUD_SECURITY_TOKEN: '',
      AUTH_MODE: 'oidc',
      OIDC_ISSUER: idp.issuer,
      OIDC_CLIENT_ID: client.id,
      OIDC_CLIENT_SECRET: client.secret,
      APP_URL: appUrl,
      AUTH_SECRET: randomBytes(32).toString('base64url'),
      AUTH_ALLOWED_GROUPS: 'media-team',
      AUTH_ALLOWED_EMAIL_DOMAINS: 'example.com',
    },
    port,
    host,
  );
  portal.child.stdout!.pipe(process.stdout);
  portal.child.stderr!.pipe(process.stderr);

  // A few fresh jobs, so the list and the detail page show a job turning from Init to final live.
  for (const media of ['oss://demo-bucket/uploads/keynote.mp4', 'oss://demo-bucket/uploads/teaser.mov', 'oss://demo-bucket/missing/lost.mp4']) {
    emulator.store.submit({ input: { Type: 'OSS', Media: media }, name: `demo ${path.basename(media)}`, requestId: 'DEMO' }, Date.now(), 20_000);
  }

  console.log(`
  ICE media-info portal:  ${portal.url}/jobs
  Sign in with any user name and password at the development OpenID provider (${idp.issuer}).
  Try "nogroup:dave", "unverified:carol" or "bob@other.test" to see access refused.
  ICE emulator:           ${emulator.url}  (${emulator.store.size} jobs, demo key pair)

  Ctrl-C stops everything.
`);

  const stop = async () => {
    await portal.stop();
    await idp.close();
    await emulator.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  portal.child.once('exit', (code) => {
    console.error(`The portal stopped (exit ${code}).`);
    void Promise.all([emulator.close(), idp.close()]).then(() => process.exit(1));
  });
}

main().catch((error: unknown) => {
  console.error(`demo: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
