// `npm run demo`: the whole portal on this machine with no cloud account. Builds if needed, starts the
// ICE emulator and a development OpenID provider (in this process) and the production portal (its own
// process) wired together, prints the URL, and stops all of them together: on Ctrl-C with exit code 0,
// or, when any part fails, with a line that says which and why and exit code 1. Never a server left
// behind: the portal runs in its own process group, so a Ctrl-C reaches only this process, which stops
// it and can tell that stop from a crash.
import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { DEMO_CREDENTIALS, parseEmulatorOptions } from '../emulator/options';
import { startEmulator } from '../emulator/server';
import { startDevIdp } from './dev-oidc-provider';
import { followLog, terminalLine, type LogFollower } from './demo-portal-log';
import { buildPortalIfNeeded } from '../harness/portal-build';
import { freePort, portIsFree } from '../harness/free-port';
import { startPortal, type PortalProcess } from '../harness/portal-process';

const ROOT = path.resolve(__dirname, '..');
/** The portal's whole log; the terminal shows only its warnings and errors. */
const LOG_FILE = path.join('.demo', 'portal.log');
const INDEX_DIR = path.join('.demo', 'index');
/** A few fresh jobs, so the list and a job page show jobs turning from Init to final live. */
const FRESH_MEDIA = ['oss://demo-bucket/uploads/keynote.mp4', 'oss://demo-bucket/uploads/teaser.mov', 'oss://demo-bucket/missing/lost.mp4'];
const FRESH_JOB_MS = 20_000;
/** The demo's second ICE region, emulated beside the first. */
const SECOND_REGION = 'ap-southeast-1';

/** What is running, stopped last first. */
const running: { name: string; stop: () => Promise<void> }[] = [];
let portal: PortalProcess | undefined;
let follower: LogFollower | undefined;
let stopping = false;

/** Stops everything that runs, says so, and exits with `code`: 0 for a stop asked for, 1 for a failure. */
async function stopAll(code: 0 | 1, message: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  (code === 0 ? console.log : console.error)(message);
  for (const part of running.reverse()) {
    await part.stop().catch((error: unknown) => console.error(`demo: stopping ${part.name} failed: ${reason(error)}`));
  }
  follower?.stop();
  if (code === 0) console.log('Stopped.');
  process.exit(code);
}

const reason = (error: unknown) => (error instanceof Error ? error.message : String(error));

function demoPort(): number {
  const value = process.env.PORT ?? '3000';
  const port = Number(value);
  if (!/^\d+$/.test(value) || port > 65_535) throw new Error(`PORT must be a port number from 0 (any free port) to 65535, not "${value}"`);
  return port;
}

async function main(): Promise<void> {
  const host = process.env.HOSTNAME || '127.0.0.1';
  const wanted = demoPort();
  buildPortalIfNeeded(ROOT);

  const jobs = process.env.DEMO_JOBS || '500';
  const options = parseEmulatorOptions(['--port', '0', '--jobs', jobs, '--job-delay-ms', String(FRESH_JOB_MS), '--region', 'cn-shanghai'], {});
  // A second region, with jobs of its own (another seed, a fifth as many), as a team in two regions has.
  const secondOptions = parseEmulatorOptions(['--port', '0', '--jobs', String(Math.ceil(Number(jobs) / 5)), '--seed', '2', '--region', SECOND_REGION], {});
  if (options === 'help' || secondOptions === 'help') return;
  const emulator = await startEmulator(options);
  running.push({ name: 'the ICE emulator', stop: () => emulator.close() });
  const second = await startEmulator(secondOptions);
  running.push({ name: `the ICE emulator of ${SECOND_REGION}`, stop: () => second.close() });
  const seeded = emulator.store.size;

  const port = wanted !== 0 && (await portIsFree(wanted, host)) ? wanted : await freePort(host);
  if (wanted !== 0 && port !== wanted) console.log(`Port ${wanted} is taken; using ${port}.`);
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
  running.push({ name: 'the OpenID provider', stop: () => idp.close() });

  mkdirSync(path.join(ROOT, path.dirname(LOG_FILE)), { recursive: true });
  // The job index, embedded (PGlite): the emulator makes new jobs each run, so the index starts empty with it.
  const indexDir = path.join(ROOT, INDEX_DIR);
  rmSync(indexDir, { recursive: true, force: true });
  rmSync(`${indexDir}.lock`, { force: true });
  const started = await startPortal(
    ROOT,
    {
      ...process.env,
      NODE_ENV: 'production',
      ICE_REGIONS: `cn-shanghai,${SECOND_REGION}`,
      ICE_ENDPOINTS: `cn-shanghai=${emulator.url},${SECOND_REGION}=${second.url}`,
      ICE_REGION: '',
      ICE_ENDPOINT: '',
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
      // The demo's people may probe files (/jobs/new): its ICE is the emulator, so nothing is paid for.
      AUTH_SUBMIT_GROUPS: 'media-team',
      ALLOW_ANONYMOUS_SUBMIT: 'true',
      // The example delivery specs, unless the person running the demo has their own.
      MEDIA_SPECS_FILE: process.env.MEDIA_SPECS_FILE || path.join(ROOT, 'config', 'media-specs.example.json'),
      INDEX: '',
      INDEX_DATABASE_URL: '',
      INDEX_DIR: indexDir,
    },
    { port, host, outputFile: path.join(ROOT, LOG_FILE), ownProcessGroup: true },
  ).catch((error: unknown) => {
    throw new Error(`the portal did not start (its log: ${LOG_FILE}): ${reason(error)}`);
  });
  portal = started;
  running.push({ name: 'the portal', stop: () => started.stop() });
  follower = followLog(path.join(ROOT, LOG_FILE), (line) => {
    const shown = terminalLine(line);
    if (shown) console.error(shown);
  });
  started.child.once('exit', (code, signal) => {
    void stopAll(1, `demo: the portal stopped on its own (${signal ? `killed by ${signal}` : `exit code ${code}`}); its log: ${LOG_FILE}. Stopping the rest.`);
  });

  for (const media of FRESH_MEDIA) {
    emulator.store.submit({ input: { Type: 'OSS', Media: media }, name: `demo ${path.basename(media)}`, requestId: 'DEMO' }, Date.now(), FRESH_JOB_MS);
  }

  console.log(`
  ICE media-info portal:  ${started.url}/jobs
  Sign in with any user name and password at the development OpenID provider (${idp.issuer}).
  Try "nogroup:dave", "unverified:carol" or "bob@other.test" to see access refused.
  Probe a file:           ${started.url}/jobs/new  (any oss://bucket/name.mp4; a name with "missing" fails)
  ICE emulator:           ${emulator.url}  (cn-shanghai: ${seeded} seeded jobs, and ${FRESH_MEDIA.length} fresh ones that turn final within ${FRESH_JOB_MS / 1000} s; demo key pair)
  Second region:          ${second.url}  (${SECOND_REGION}: ${second.store.size} jobs; pick it in the header)
  Portal log:             ${LOG_FILE}  (its warnings and errors also show here)

  Ctrl-C stops everything.
`);
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  // npm and tsx pass a Ctrl-C on as well, so the signal may come more than once: stop once.
  process.on(signal, () => void stopAll(0, '\nStopping the demo…'));
}
process.on('uncaughtException', (error) => void stopAll(1, `demo: ${reason(error)}. Stopping everything.`));
process.on('unhandledRejection', (error) => void stopAll(1, `demo: ${reason(error)}. Stopping everything.`));
// The last resort, for a way out that skipped stopAll: the portal is in its own process group, so
// nothing else would stop it.
process.on('exit', () => {
  if (portal && portal.child.exitCode === null && portal.child.signalCode === null) portal.child.kill('SIGKILL');
});

main().catch((error: unknown) => void stopAll(1, `demo: ${reason(error)}`));
