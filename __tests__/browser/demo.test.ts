import { execFile, spawn, type ChildProcessByStdio } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Readable } from 'node:stream';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, screenshot } from '@/harness/browser';
import { cleanEnv } from '@/harness/clean-env';
import { freePort } from '@/harness/free-port';
import { processTree, stillRunning, type ProcessInfo } from '@/harness/process-tree';
import { REPO_ROOT } from '@/harness/repo-root';

// The README's first command, run as a person runs it: `npm run demo` in a terminal of its own (its own
// process group, which a Ctrl-C reaches whole), signed into through its development provider in a real
// browser, then stopped. Nothing it started may outlive it, and it prints no warning. The README's
// Scripts block runs against it too, with a token made on its /settings/tokens.

interface Demo {
  child: ChildProcessByStdio<null, Readable, Readable>;
  /** npm's pid, which is also its process group's id. */
  pid: number;
  stdout: () => string;
  stderr: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  portal: string;
  idp: string;
  emulator: string;
  secondRegion: string;
  /** Every process it had started once it printed its URL. */
  processes: ProcessInfo[];
}

const run = promisify(execFile);
let browser: Browser;
const demos: Demo[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  // A demo a failed test left running: its whole group, as a closed terminal would.
  for (const demo of demos) {
    if (demo.child.exitCode === null && demo.child.signalCode === null) process.kill(-demo.pid, 'SIGKILL');
    for (const left of stillRunning(demo.processes)) process.kill(left.pid, 'SIGKILL');
  }
});

async function startDemo(): Promise<Demo> {
  const port = await freePort();
  const child = spawn('npm', ['run', 'demo'], {
    cwd: REPO_ROOT,
    env: cleanEnv({ PORT: String(port), HOSTNAME: '127.0.0.1', DEMO_JOBS: '200' }),
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const pid = child.pid;
  if (pid === undefined) throw new Error('npm could not be started');
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  const deadline = Date.now() + 90_000;
  while (!stdout.includes('Ctrl-C stops everything')) {
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`the demo did not start:\n${stdout}\n${stderr}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  const found = (pattern: RegExp) => {
    const match = pattern.exec(stdout);
    if (!match) throw new Error(`the demo did not print ${pattern}:\n${stdout}`);
    return match[1]!;
  };
  const demo: Demo = {
    child,
    pid,
    stdout: () => stdout,
    stderr: () => stderr,
    exited,
    portal: found(/ICE media-info portal:\s+(http:\/\/\S+)\/jobs/),
    idp: found(/development OpenID provider \((http:\/\/[^)\s]+)\)/),
    emulator: found(/ICE emulator:\s+(http:\/\/\S+)/),
    secondRegion: found(/Second region:\s+(http:\/\/\S+)/),
    processes: processTree(pid),
  };
  demos.push(demo);
  return demo;
}

/** Whether anything still listens at the URL's port. */
function listening(url: string): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = connect(Number(port), hostname);
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

async function expectNothingLeft(demo: Demo): Promise<void> {
  expect(stillRunning(demo.processes)).toEqual([]);
  expect(await Promise.all([demo.portal, demo.idp, demo.emulator, demo.secondRegion].map(listening))).toEqual([false, false, false, false]);
}

/** The README's Scripts block as a person pastes it: their token in its export line, this demo's address for the default one. */
function readmeScript(portal: string, token: string): string {
  const block = /## Scripts[\s\S]*?```sh\n([\s\S]*?)```/.exec(readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8'))?.[1];
  const placeholder = "export ICE_PORTAL_TOKEN='icep_…'";
  if (!block?.includes(placeholder) || !block.includes('http://127.0.0.1:3000/')) throw new Error(`the README's Scripts block changed shape:\n${block}`);
  return block.replace(placeholder, `export ICE_PORTAL_TOKEN='${token}'`).replaceAll('http://127.0.0.1:3000', portal);
}

async function signIn(page: Page, demo: Demo): Promise<void> {
  await page.goto(`${demo.portal}/jobs`);
  await page.waitForURL((url) => url.origin === demo.idp);
  await page.fill('input[name="login"]', 'alice');
  await page.fill('input[name="password"]', 'any password');
  await page.click('button[type="submit"]');
  while (new URL(page.url()).origin === demo.idp) {
    await page.click('button[type="submit"]');
    await page.waitForLoadState();
  }
}

it('starts, signs a user in through its provider, shows jobs, and stops cleanly on Ctrl-C', async () => {
  const demo = await startDemo();
  // npm, the demo and the portal at least: the check below is not made on an empty list.
  expect(demo.processes.length).toBeGreaterThanOrEqual(3);
  expect(demo.processes.some((process) => process.name.startsWith('next-server'))).toBe(true);
  expect(demo.stdout()).toMatch(/\(cn-shanghai: 200 seeded jobs, and 3 fresh ones/);
  expect(demo.stdout()).toMatch(/\(ap-southeast-1: 40 jobs; pick it in the header\)/);

  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, demo);
  await page.waitForURL(`${demo.portal}/jobs`);
  await page.locator('tbody a.job-link').first().waitFor();
  expect(await page.locator('tbody tr').count()).toBeGreaterThan(5);
  expect(await page.getByText('alice@example.com').count()).toBe(1);
  await screenshot(page, 'demo-signed-in');

  // The README's Scripts block, pasted as it stands with the token the page gave.
  await page.getByRole('link', { name: 'API tokens' }).click();
  await page.getByLabel('Name', { exact: true }).fill('README check');
  await page.getByRole('button', { name: 'Create token' }).and(page.locator(':enabled')).click();
  const token = (await page.locator('.token-secret').textContent())!;
  await context.close();
  const folder = mkdtempSync(path.join(tmpdir(), 'readme-scripts-'));
  try {
    const { stdout } = await run('sh', ['-e', '-c', readmeScript(demo.portal, token)], { cwd: folder });
    const failed = (JSON.parse(stdout) as { Jobs: { Status: string }[] }).Jobs;
    expect(failed.length).toBeGreaterThan(0);
    expect(new Set(failed.map((job) => job.Status))).toEqual(new Set(['Fail']));
    const [file] = readdirSync(folder);
    expect(file).toMatch(/^media-info-jobs_cn-shanghai_Fail_.+\.csv$/);
    expect(readFileSync(path.join(folder, file!), 'utf8')).toMatch(/^\uFEFF?JobId,/);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }

  process.kill(-demo.pid, 'SIGINT'); // Ctrl-C: the terminal signals the whole foreground group
  expect(await demo.exited).toEqual({ code: 0, signal: null });
  expect(demo.stdout()).toMatch(/Stopping the demo…\nStopped\.\n$/);
  // No warning or error, and none of the portal's info lines, reached the terminal.
  expect(demo.stderr()).toBe('');
  expect(demo.stdout()).not.toContain('"level"');
  await expectNothingLeft(demo);
});

it('stops everything and says which part failed when the portal dies', async () => {
  const demo = await startDemo();
  const portal = demo.processes.find((process) => process.name.startsWith('next-server'))!;
  process.kill(portal.pid, 'SIGKILL');
  expect(await demo.exited).toEqual({ code: 1, signal: null });
  expect(demo.stderr()).toContain('demo: the portal stopped on its own (killed by SIGKILL); its log: .demo/portal.log. Stopping the rest.');
  await expectNothingLeft(demo);
});
