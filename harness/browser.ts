// A real headless Chromium for browser tests: Debian's /usr/bin/chromium when installed, otherwise
// the build that the @sparticuz/chromium npm package ships (nothing is downloaded at run time).
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { REPO_ROOT } from './repo-root';

// Without these, Chromium keeps trying to reach Google's hosts, which this network refuses.
const QUIET = ['--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

const LAMBDA_ONLY = new Set(['--single-process', '--disable-web-security', '--allow-running-insecure-content', '--disable-site-isolation-trials']);

/**
 * extraArgs: more Chromium switches, such as Lighthouse's --remote-debugging-port; env: more of its
 * environment, such as a FONTCONFIG_FILE of a test's own (fontsOnly below).
 */
export async function launchBrowser(extraArgs: string[] = [], env: Record<string, string> = {}): Promise<Browser> {
  if (existsSync('/usr/bin/chromium')) {
    return chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', ...QUIET, ...extraArgs], env: { ...process.env, ...env } });
  }
  const { default: packaged } = await import('@sparticuz/chromium');
  // Its args target AWS Lambda. --single-process there makes closing a page take the browser down; the
  // switches that turn off the same-origin policy would make the browser our users do not have: one
  // without the Origin header on a same-origin fetch, so every write of the portal's forms was refused.
  const args = packaged.args.filter((arg) => !LAMBDA_ONLY.has(arg));
  // executablePath() unpacks the browser and sets the library and font paths it needs in process.env.
  const executablePath = await packaged.executablePath();
  return chromium.launch({ executablePath, args: [...args, ...QUIET, ...extraArgs], env: { ...process.env, ...env } });
}

/**
 * A fontconfig that knows only `fontFiles`, for a test whose outcome depends on which fonts exist:
 * whatever this machine has installed stays out of sight. Chromium needs at least one font (with none,
 * it crashes on the first page). Pass `env` to launchBrowser; `dispose` removes the folder.
 */
export function fontsOnly(fontFiles: string[]): { env: Record<string, string>; dispose: () => void } {
  const dir = mkdtempSync(path.join(tmpdir(), 'fontconfig-'));
  const fonts = path.join(dir, 'fonts');
  mkdirSync(fonts);
  for (const file of fontFiles) copyFileSync(file, path.join(fonts, path.basename(file)));
  const config = path.join(dir, 'fonts.conf');
  writeFileSync(
    config,
    `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n  <dir>${fonts}</dir>\n  <cachedir>${path.join(dir, 'cache')}</cachedir>\n</fontconfig>\n`,
  );
  return { env: { FONTCONFIG_FILE: config }, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}

export const SCREENSHOT_DIR = path.join(REPO_ROOT, 'test-results', 'screenshots');

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  // Web fonts (the Chinese slices) swap in when they arrive: wait, so the picture shows what a reader sees.
  await page.evaluate(() => document.fonts.ready);
  // The whole page is captured at once, beyond the window, where the browser skips drawing what
  // content-visibility lets it (the list's rows): drawn here as a reader scrolling down sees them.
  const drawAll = await page.addStyleTag({ content: '* { content-visibility: visible !important; }' });
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
  await drawAll.evaluate((style) => (style as Element).remove());
}

/**
 * The document's title once it matches `pattern`, or as it is after `timeoutMs`. Next.js streams a
 * dynamic page's metadata after its content, and a refresh (a language switch) swaps the <title>
 * element: right after the content shows, the title can still be empty or the old one.
 */
export async function titleMatching(page: Page, pattern: RegExp, timeoutMs = 10_000): Promise<string> {
  await page
    .waitForFunction(([source, flags]) => new RegExp(source!, flags).test(document.title), [pattern.source, pattern.flags], { timeout: timeoutMs })
    .catch((error: unknown) => {
      // Only the wait running out: the caller's assertion then says what the title was.
      if ((error as Error)?.name !== 'TimeoutError') throw error;
    });
  return page.title();
}
