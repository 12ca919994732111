import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DEMO_CREDENTIALS } from '@/emulator/options';
import { assembleImageFiles, startImageServer } from '@/harness/container-rehearsal';
import { popCoreClient, setFaults } from '@/harness/emulator-control';
import { startEmulatorProcess, type EmulatorProcess } from '@/harness/emulator-process';
import { freePort } from '@/harness/free-port';
import { REPO_ROOT } from '@/harness/repo-root';

// The portal as the container runs it: the files of the Dockerfile's runtime stage in a fresh folder,
// `node server.js`, configuration from the environment, against the emulator.

let app: string;
let emulator: EmulatorProcess;
let emulatorPort: number;

beforeAll(async () => {
  app = assembleImageFiles(REPO_ROOT);
  emulatorPort = await freePort();
  emulator = await startEmulatorProcess(['--jobs', '80', '--seed', '2', '--port', String(emulatorPort)]);
});

afterAll(async () => {
  await emulator?.stop();
  // A full copy of the standalone output (about 44 MB) per run, otherwise left in the temp folder.
  if (app) rmSync(app, { recursive: true, force: true });
});

const baseEnv = () => ({
  ICE_ENDPOINT: `http://127.0.0.1:${emulatorPort}`,
  ALIBABA_CLOUD_ACCESS_KEY_ID: DEMO_CREDENTIALS.accessKeyId,
  ALIBABA_CLOUD_ACCESS_KEY_SECRET: DEMO_CREDENTIALS.accessKeySecret,
  AUTH_MODE: 'none',
  // Each server here would open the embedded index; the one test of it says INDEX itself.
  INDEX: 'off',
});

async function waitFor(check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 250));
  }
}

it('holds only the runtime files: no sources, no secrets, no development dependencies', () => {
  expect(existsSync(path.join(app, 'server.js'))).toBe(true);
  expect(existsSync(path.join(app, '.next', 'static'))).toBe(true);
  expect(existsSync(path.join(app, 'public', 'robots.txt'))).toBe(true);
  for (const absent of ['app', 'lib', 'emulator', 'harness', 'scripts', 'bench', '__tests__', '.env', 'node_modules/jest', 'node_modules/typescript', 'node_modules/oidc-provider']) {
    expect([absent, existsSync(path.join(app, absent))]).toEqual([absent, false]);
  }
  expect(readdirSync(path.join(app, 'node_modules'))).toContain('@alicloud');
});

it('keeps a job index of its own by default (PGlite in .data/index), for one server at a time', async () => {
  const env = { ...baseEnv(), INDEX: '', INDEX_SYNC_SECONDS: '1', INDEX_SYNC_QPS: '200' };
  const server = await startImageServer(app, env);
  try {
    let ready: { index?: Record<string, { from?: string; lastPassAt?: string }> | string } = {};
    await waitFor(async () => {
      ready = (await (await fetch(`${server.url}/api/ready`)).json()) as typeof ready;
      return typeof ready.index === 'object' && !!ready.index['cn-shanghai']?.lastPassAt;
    }, 90_000);
    expect(Date.now() - Date.parse((ready.index as Record<string, { from: string }>)['cn-shanghai']!.from)).toBeGreaterThanOrEqual(31 * 86_400_000 - 60_000);
    expect(server.output()).toMatch(/"event":"index_migrated","versions":\[1,2\],"store":"pglite"/);
    expect(existsSync(path.join(app, '.data', 'index', 'PG_VERSION'))).toBe(true);
    // A search of the synced window is answered from it.
    const search = (await (await fetch(`${server.url}/api/jobs?Since=30d&Search=mp4&PageSize=5`)).json()) as { Source: { Kind: string } };
    expect(search.Source.Kind).toBe('index');
    // A second server on the same folder is refused the index (it would corrupt it), and serves from ICE.
    const second = await startImageServer(app, env);
    try {
      const answer = (await (await fetch(`${second.url}/api/ready`)).json()) as { status: string; index?: unknown };
      expect(answer).toMatchObject({ status: 'ready', index: 'unreachable' });
      expect(((await (await fetch(`${second.url}/api/jobs?Since=30d&Search=mp4&PageSize=5`)).json()) as { Source: { Kind: string } }).Source.Kind).toBe('ice');
    } finally {
      await second.stop();
    }
  } finally {
    await server.stop();
  }
  // The folder outlives its server: the next one finds its jobs at once, the lock of the last one gone.
  expect(existsSync(path.join(app, '.data', 'index.lock'))).toBe(false);
});

it('serves health, readiness, the job list and a job page, with a request id', async () => {
  const server = await startImageServer(app, baseEnv());
  try {
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
    const ready = await fetch(`${server.url}/api/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready', store: 'memory', regions: { 'cn-shanghai': 'ready' } });
    const { Jobs } = await popCoreClient(emulator.url).request<{ Jobs: { JobId: string }[] }>('ListMediaInfoJobs', { PageSize: 1 });
    const list = await fetch(`${server.url}/jobs`);
    expect(list.status).toBe(200);
    expect(await list.text()).toContain(Jobs[0]!.JobId);
    const detail = await fetch(`${server.url}/jobs/${Jobs[0]!.JobId}`);
    expect(await detail.text()).toContain(Jobs[0]!.JobId);
    expect(list.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    // A load balancer's id is logged beside the portal's own, never instead of it.
    const traced = await fetch(`${server.url}/api/jobs?PageSize=1`, { headers: { 'x-request-id': 'lb-trace-0001' } });
    const ours = traced.headers.get('x-request-id')!;
    expect(ours).toMatch(/^[0-9a-f-]{36}$/);
    expect(await server.settledOutput()).toContain(`"requestId":"${ours}","clientRequestId":"lb-trace-0001"`);
    expect(server.output()).toContain('"event":"auth_disabled"');
  } finally {
    await server.stop();
  }
});

it('speaks DEFAULT_LOCALE to a reader whose browser asks for neither language, and serves its own CJK font', async () => {
  const server = await startImageServer(app, { ...baseEnv(), DEFAULT_LOCALE: 'zh-CN' });
  try {
    const nobody = await (await fetch(`${server.url}/jobs`)).text();
    expect(nobody).toContain('<html lang="zh-CN"');
    expect(nobody).toContain('<h1>媒体信息作业</h1>');
    const german = await (await fetch(`${server.url}/jobs`, { headers: { 'accept-language': 'de-DE,de;q=0.9' } })).text();
    expect(german).toContain('<html lang="zh-CN"');
    const english = await (await fetch(`${server.url}/jobs`, { headers: { 'accept-language': 'en-GB,en;q=0.8' } })).text();
    expect(english).toContain('<html lang="en"');
    expect(english).toContain('<h1>Media-info jobs</h1>');
    // The font slices are in the image and served by the portal itself (no font CDN).
    const css = await Promise.all([...nobody.matchAll(/href="(\/_next\/static\/[^"]+\.css)"/g)].map(async ([, href]) => (await fetch(`${server.url}${href}`)).text()));
    const slice = /url\(([^)]*noto-sans-sc[^)]*\.woff2)\)/.exec(css.join('\n'))?.[1];
    expect(slice).toBeDefined();
    const font = await fetch(new URL(slice!.replace(/^["']|["']$/g, ''), `${server.url}/_next/static/chunks/`));
    expect(font.status).toBe(200);
    expect(font.headers.get('content-type')).toBe('font/woff2');
  } finally {
    await server.stop();
  }
});

it('turns not ready when ICE goes away and ready again when it returns', async () => {
  const server = await startImageServer(app, baseEnv());
  try {
    await waitFor(async () => (await fetch(`${server.url}/api/ready`)).status === 200, 10_000);
    await emulator.stop();
    await waitFor(async () => (await fetch(`${server.url}/api/ready`)).status === 503, 20_000);
    const body = await (await fetch(`${server.url}/api/ready`)).json();
    expect(body).toEqual({ status: 'not_ready', store: 'memory', regions: { 'cn-shanghai': 'not_ready' } });
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
    emulator = await startEmulatorProcess(['--jobs', '80', '--seed', '2', '--port', String(emulatorPort)]);
    await waitFor(async () => (await fetch(`${server.url}/api/ready`)).status === 200, 20_000);
  } finally {
    await server.stop();
  }
});

it('refuses to start on a bad configuration, listing every problem and no secret', async () => {
  const server = await startImageServer(app, {
    ALIBABA_CLOUD_ACCESS_KEY_ID: 'LOOKS-LIKE-A-REAL-KEY-ID-777',
    ICE_REGION: 'Shanghai please',
    ICE_TIMEOUT_MS: 'soon',
    OIDC_CLIENT_SECRET: 'super-secret-client-value-999',
    AUTH_SECRET: 'short',
    DEFAULT_LOCALE: 'fr',
    INDEX_DATABASE_URL: 'mysql://portal:hunter2-index-secret@db.example/jobs',
    INDEX_SYNC_QPS: 'fast',
  });
  const code = await server.exited;
  expect(code).not.toBe(0);
  const output = await server.settledOutput();
  // The log line too, not only the message on stderr: lines queued when the process exits are written.
  expect(output).toMatch(/"event":"config_invalid","problems":\[/);
  for (const name of ['ALIBABA_CLOUD_ACCESS_KEY_SECRET', 'ICE_REGION', 'ICE_TIMEOUT_MS', 'OIDC_ISSUER', 'OIDC_CLIENT_ID', 'APP_URL', 'AUTH_SECRET', 'DEFAULT_LOCALE', 'INDEX_DATABASE_URL', 'INDEX_SYNC_QPS']) {
    expect(output).toContain(name);
  }
  expect(output).not.toContain('LOOKS-LIKE-A-REAL-KEY-ID-777');
  expect(output).not.toContain('super-secret-client-value-999');
  expect(output).not.toContain('Shanghai please');
  expect(output).not.toContain('hunter2-index-secret');
});

it.each([
  ['one character repeated', 'a'.repeat(64), 'uses too few different characters'],
  ['a repeated pattern', 'Secret-2026-abc'.repeat(5), 'repeats a pattern'],
  ['32 characters, the old minimum', 'abcdefghijklmnopqrstuvwxyz012345', 'is too short'],
])('refuses to start with a weak AUTH_SECRET: %s', async (_, secret, why) => {
  const server = await startImageServer(app, {
    AUTH_MODE: 'oidc',
    OIDC_ISSUER: 'https://idp.example.com',
    OIDC_CLIENT_ID: 'portal',
    OIDC_CLIENT_SECRET: 'client-secret-value',
    APP_URL: 'https://portal.example.com',
    AUTH_SECRET: secret,
  });
  expect(await server.exited).not.toBe(0);
  expect(server.output()).toContain(`AUTH_SECRET ${why}`);
  expect(server.output()).not.toContain(secret);
});

it('lets a slow upstream call finish after SIGTERM, then exits', async () => {
  const server = await startImageServer(app, baseEnv());
  await setFaults(emulator.url, { latencyMs: 1500 });
  try {
    const slow = fetch(`${server.url}/api/jobs?PageSize=2`);
    await new Promise((r) => setTimeout(r, 300));
    server.child.kill('SIGTERM');
    const res = await slow;
    expect(res.status).toBe(200);
    expect(((await res.json()) as { Jobs: unknown[] }).Jobs).toHaveLength(2);
    expect([0, 143]).toContain(await server.exited);
  } finally {
    await setFaults(emulator.url, {});
  }
});

it('exits within SHUTDOWN_TIMEOUT_MS when a call hangs', async () => {
  const server = await startImageServer(app, { ...baseEnv(), SHUTDOWN_TIMEOUT_MS: '1500', ICE_TIMEOUT_MS: '60000' });
  await setFaults(emulator.url, { rates: { hang: 1 } as never });
  try {
    const hung = fetch(`${server.url}/api/jobs?PageSize=3`).catch(() => 'reset');
    await new Promise((r) => setTimeout(r, 300));
    const signalled = Date.now();
    server.child.kill('SIGTERM');
    await server.exited;
    expect(Date.now() - signalled).toBeLessThan(5000);
    await hung;
  } finally {
    await setFaults(emulator.url, {});
  }
});

it('has a Dockerfile that lints clean', () => {
  const lint = spawnSync(process.execPath, [path.join(REPO_ROOT, 'node_modules', 'dockerfile-utils', 'bin', 'dockerfile-utils'), 'lint', 'Dockerfile'], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
  });
  expect(lint.stdout + lint.stderr).toBe('');
  expect(lint.status).toBe(0);
});


it('refuses to start on a delivery spec it cannot use, naming the rule and its place in the file', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'specs-'));
  const file = path.join(dir, 'specs.json');
  writeFileSync(file, '{\n  "specs": [\n    { "id": "web", "name": "Web", "rules": { "height": { "min": 1080, "max": 720 } } }\n  ]\n}\n');
  try {
    const server = await startImageServer(app, { ...baseEnv(), MEDIA_SPECS_FILE: file });
    expect(await server.exited).not.toBe(0);
    expect(await server.settledOutput()).toContain(`MEDIA_SPECS_FILE ${file}:3:46 specs[0].rules.height: min must not be above max`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
