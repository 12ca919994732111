import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';

// What the browser tests check on every screen: axe's serious findings, and, on a Chinese page, any
// English the portal itself left there.

/** The screens every new page is checked on: a laptop in light mode, a phone in dark mode. */
export const SCREENS = [
  [{ width: 1280, height: 800 }, 'light'],
  [{ width: 360, height: 740 }, 'dark'],
] as const;

export async function seriousViolations(page: Page): Promise<string[]> {
  // Next.js streams a page's <title> after its body; right after a client navigation the new page can be
  // checked before it arrives (a flaky "document-title" finding on a busy machine). A page whose title
  // never comes is still reported: the wait ends after 5 s either way.
  await page.waitForFunction(() => document.title.trim() !== '', undefined, { timeout: 5000 }).catch(() => undefined);
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help}`);
}

/**
 * Data (names, ids, times, values, code) is shown as it is; everything else is the portal's words. The
 * document title (streamed into the body by Next.js) holds a job's name; it is checked on its own.
 */
const DATA = 'code, pre, time, td, dd, option, script, style, title, .mono, [translate="no"]';

/** Every word the portal itself shows or names for assistive technology, outside data. */
export function portalWords(page: Page): Promise<string[]> {
  return page.evaluate((dataSelector) => {
    const words: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent?.trim();
      if (text && !node.parentElement?.closest(dataSelector)) words.push(text);
    }
    for (const element of document.body.querySelectorAll('[aria-label], [title], [placeholder]')) {
      if (element.closest(dataSelector)) continue;
      for (const name of ['aria-label', 'title', 'placeholder']) {
        const value = element.getAttribute(name);
        if (value) words.push(value);
      }
    }
    return words;
  }, DATA);
}

// Codes and technical names a Chinese media engineer reads as they are (ICE's own names, units, formats).
const CODES = new Set(['ICE', 'UTC', 'JSON', 'NDJSON', 'CSV', 'KiB', 'SAR', 'DAR', 'Init', 'Success', 'Fail', 'ID', 'SubmitMediaInfoJob', 'AUTH_MODE', 'none', 'ep', 'final', 'mov', 'GMT', 'Ctrl', 'Alt', 'API', 'api', 'GET', 'API_TOKEN_ADMIN_GROUPS', 'HDR', 'kbit', 'Hz', 'kHz', 'MB', 'OSS', 'HTTP', 'UserData']);

export function englishIn(words: string[]): string[] {
  return words.flatMap((text) => (text.match(/[A-Za-z][A-Za-z_]+/g) ?? []).filter((word) => !CODES.has(word)).map((word) => `${word} (in "${text.slice(0, 60)}")`));
}

