// A real headless Chromium for browser tests: Debian's /usr/bin/chromium when installed, otherwise
// the build that the @sparticuz/chromium npm package ships (nothing is downloaded at run time).
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { REPO_ROOT } from './repo-root';

// Without these, Chromium keeps trying to reach Google's hosts, which this network refuses.
const QUIET = ['--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

/** extraArgs: more Chromium switches, such as Lighthouse's --remote-debugging-port. */
export async function launchBrowser(extraArgs: string[] = []): Promise<Browser> {
  if (existsSync('/usr/bin/chromium')) {
    return chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', ...QUIET, ...extraArgs] });
  }
  const { default: packaged } = await import('@sparticuz/chromium');
  // Its args target AWS Lambda; --single-process there makes closing a page take the browser down.
  const args = packaged.args.filter((arg) => arg !== '--single-process');
  return chromium.launch({ executablePath: await packaged.executablePath(), args: [...args, ...QUIET, ...extraArgs] });
}

export const SCREENSHOT_DIR = path.join(REPO_ROOT, 'test-results', 'screenshots');

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  // Web fonts (the Chinese slices) swap in when they arrive: wait, so the picture shows what a reader sees.
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
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
