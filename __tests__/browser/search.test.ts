import { readFileSync } from 'node:fs';
import { seriousViolations } from '@/__tests__/support/page-checks';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, screenshot } from '@/harness/browser';
import { control } from '@/harness/emulator-control';
import { startPortalStack, type PortalStack } from '@/harness/portal-stack';

// Searching by a file name in a real browser: the list fills from a scan, says how far it got,
// continues where it stopped, and exports every match; keyboard, axe clean, 360 px in dark mode.

let stack: PortalStack;
let browser: Browser;
const NEEDLES = 12;

beforeAll(async () => {
  [stack, browser] = await Promise.all([startPortalStack({ emulatorArgs: ['--jobs', '2000', '--seed', '5'] }), launchBrowser()]);
  const now = Date.now();
  for (let i = 0; i < NEEDLES; i++) {
    const at = new Date(now - (i + 1) * 3 * 3600_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
    const job = { JobId: `find${String(i).padStart(28, '0')}`, Status: 'Success', SubmitTime: at, FinishTime: at, Input: { Type: 'OSS', Media: `oss://media/ep-12_final_v${i}.mov` } };
    expect((await control(stack.emulator.url, 'POST', 'jobs', job)).status).toBe(201);
  }
});

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

const jobLinks = (p: Page) => p.locator('tbody tr[data-job-id]').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-job-id')));

it('searches by file name from the keyboard, shows its progress, continues where it stopped, and exports every match', async () => {
  const context = await browser.newContext({ viewport: { width: 360, height: 900 }, colorScheme: 'dark', acceptDownloads: true });
  const page = await context.newPage();
  await page.goto(`${stack.portal.url}/jobs?PageSize=10`);
  await page.locator('tbody a.job-link').first().waitFor();
  // On a phone the filters are folded into one line; "/" unfolds them and goes to the search field.
  expect(await page.locator('#s-search').isVisible()).toBe(false);
  // The key works once the page has hydrated, a moment after its rows show; the field is focused once drawn.
  const focused = () => page.evaluate(() => document.activeElement?.id);
  for (let tries = 0; tries < 50 && (await focused()) !== 's-search'; tries++) {
    await page.keyboard.press('/');
    await page.waitForTimeout(100);
  }
  expect(await focused()).toBe('s-search');
  await page.keyboard.type('EP-12_FINAL');
  await page.keyboard.press('Enter');
  await page.waitForURL(/Search=EP-12_FINAL/);
  const progress = page.getByRole('status').filter({ hasText: 'Scanned' });
  await expect(progress.textContent()).resolves.toMatch(/Scanned [\d,]+ jobs created .* \(the last 7 days: set a time range to search further back\): 10 matches so far/);
  const first = await jobLinks(page);
  expect(first).toHaveLength(10);
  expect(await seriousViolations(page)).toEqual([]);
  expect(await page.getByRole('search', { name: 'Filter jobs' }).count()).toBe(1);
  await screenshot(page, 'search-360-dark');

  await page.getByRole('link', { name: 'Continue scanning →' }).focus();
  await page.keyboard.press('Enter');
  await page.waitForURL(/NextPageToken=/);
  await expect(progress.textContent()).resolves.toMatch(/: 12 matches\./);
  const second = await jobLinks(page);
  expect(second).toHaveLength(NEEDLES - 10);
  expect(new Set([...first, ...second]).size).toBe(NEEDLES);
  // The continued page survives a reload: its token is in the URL.
  await page.reload();
  expect(await jobLinks(page)).toEqual(second);

  // Export what the search shows: every match, not only this page.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export', exact: true }).click()]);
  expect(download.suggestedFilename()).toMatch(/_search_.*\.csv$/);
  const file = await download.path();
  const exported = readFileSync(file, 'utf8').split('\n').filter((line) => line.startsWith('find'));
  expect(exported).toHaveLength(NEEDLES);
  await context.close();
});

it.each([
  ['en-US', 'must be a whole number from 1 to 100,000'],
  ['zh-CN', '必须是 1 到 100,000 之间的整数'],
])('keeps a bad property value in its field, marked, and says why beside it (%s)', async (locale, why) => {
  const context = await browser.newContext({ locale });
  const page = await context.newPage();
  await page.goto(`${stack.portal.url}/jobs?MinHeight=tall&Status=Success`);
  const field = page.locator('#s-min-height');
  await field.waitFor();
  expect(await field.inputValue()).toBe('tall');
  expect(await field.getAttribute('aria-invalid')).toBe('true');
  expect(await page.evaluate(() => document.activeElement?.id)).toBe('s-min-height');
  const note = page.locator(`#${await field.getAttribute('aria-describedby')}`);
  expect(await note.textContent()).toBe(why);
  // The rest of the form is as it was, and correcting the value in place shows the jobs.
  expect(await page.inputValue('#f-status')).toBe('Success');
  await field.fill('720');
  await page.keyboard.press('Enter');
  await page.waitForURL(/MinHeight=720/);
  await page.locator('tbody a.job-link').first().waitFor();
  expect(await seriousViolations(page)).toEqual([]);
  await screenshot(page, `filter-error-fixed-${locale}`);
  await context.close();
});
