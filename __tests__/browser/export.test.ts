import { seriousViolations } from '@/__tests__/support/page-checks';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { EXPORT_COLUMNS } from '@/lib/jobs/export-columns';
import { launchBrowser, screenshot } from '@/harness/browser';
import { resetFaults, setFaults } from '@/harness/emulator-control';
import { startPortalStack, type PortalStack } from '@/harness/portal-stack';
import { REPO_ROOT } from '@/harness/repo-root';
import { parseCsv } from '../support/csv';

// The list's Export control in Chromium: it saves the file the filters describe, shows progress while
// the jobs arrive, says clearly when the export failed (and saves nothing), works from the keyboard,
// passes axe, and reads at 360 px in dark mode.

let stack: PortalStack;
let browser: Browser;
let context: BrowserContext;
let page: Page;
const DOWNLOADS = path.join(REPO_ROOT, 'test-results', 'exports');

beforeAll(async () => {
  mkdirSync(DOWNLOADS, { recursive: true });
  // 30,000 jobs: enough pages in the default window that an export takes a moment under latency.
  [stack, browser] = await Promise.all([startPortalStack({ emulatorArgs: ['--jobs', '30000', '--seed', '31'] }), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

beforeEach(async () => {
  await resetFaults(stack.emulator.url);
  context = await browser.newContext({ acceptDownloads: true });
  page = await context.newPage();
});

afterEach(() => context.close());

const url = (p: string) => `${stack.portal.url}${p}`;
const status = (p: Page) => p.getByRole('status').filter({ hasText: /\S/ });

async function openList(p: Page, search: string): Promise<void> {
  await p.goto(url(`/jobs?${search}`));
  await p.locator('tbody a.job-link').first().waitFor();
}

it('exports what the filters show as CSV: a file named for them, with a header and every job', async () => {
  await openList(page, 'Status=Fail');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export', exact: true }).click()]);
  expect(download.suggestedFilename()).toMatch(/^media-info-jobs_Fail_\d{8}T\d{6}Z_\d{8}T\d{6}Z\.csv$/);
  const saved = path.join(DOWNLOADS, download.suggestedFilename());
  await download.saveAs(saved);
  const bytes = readFileSync(saved);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const [header, ...rows] = parseCsv(bytes.toString('utf8').slice(1));
  expect(header).toEqual([...EXPORT_COLUMNS]);
  expect(rows.length).toBeGreaterThan(50);
  expect(rows.every((row) => row[EXPORT_COLUMNS.indexOf('Status')] === 'Fail')).toBe(true);
  await expect(status(page).textContent()).resolves.toMatch(new RegExp(`^Saved ${rows.length.toLocaleString('en')} jobs to ${download.suggestedFilename()} \\(created .+ to .+\\)\\.$`));
  await screenshot(page, 'jobs-export-saved');
});

it('exports NDJSON from the keyboard alone, keeping focus on the Export button', async () => {
  await openList(page, 'Status=Fail&OrderBy=CreateTimeAsc');
  await page.locator('#x-format').focus();
  await page.keyboard.press('ArrowDown');
  expect(await page.inputValue('#x-format')).toBe('ndjson');
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Export');
  const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  expect(download.suggestedFilename()).toMatch(/^media-info-jobs_Fail_.*\.ndjson$/);
  const saved = path.join(DOWNLOADS, download.suggestedFilename());
  await download.saveAs(saved);
  const lines = readFileSync(saved, 'utf8').trimEnd().split('\n');
  expect(JSON.parse(lines.at(-1)!)).toMatchObject({ Summary: { ScannedJobs: lines.length - 1 } });
  await status(page).filter({ hasText: 'Saved' }).waitFor();
  expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Export');
});

it('shows progress while jobs arrive, then a clear error and no file when ICE fails mid-export', async () => {
  await openList(page, '');
  await setFaults(stack.emulator.url, { latencyMs: 150 });
  let downloaded = false;
  page.on('download', () => (downloaded = true));
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  await status(page).filter({ hasText: /^Exported [1-9][\d,]* jobs…$/ }).waitFor();
  await screenshot(page, 'jobs-export-progress');
  await setFaults(stack.emulator.url, { latencyMs: 150, rates: { internalError: 1 } as never });
  const alert = page.getByRole('alert').filter({ hasText: 'The export failed' });
  await alert.waitFor({ timeout: 20_000 });
  expect(await alert.textContent()).toMatch(/The export failed: The download broke off after [\d,]+ jobs: .*Nothing was saved/);
  expect(downloaded).toBe(false);
  await screenshot(page, 'jobs-export-failed');
});

it("shows ICE's request id when the export is refused before it starts", async () => {
  await openList(page, 'Status=Success');
  await setFaults(stack.emulator.url, { rates: { internalError: 1 } as never });
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  const alert = page.getByRole('alert').filter({ hasText: 'The export failed' });
  await alert.waitFor();
  expect(await alert.textContent()).toMatch(/failed to answer.*Request id: [0-9A-F-]{36}/);
});

it('can be cancelled, and says that nothing was saved', async () => {
  await openList(page, '');
  await setFaults(stack.emulator.url, { latencyMs: 150 });
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  await status(page).filter({ hasText: /^Exported/ }).waitFor();
  await page.getByRole('button', { name: 'Cancel export' }).click();
  await status(page).filter({ hasText: /^Export cancelled after [\d,]+ jobs; nothing was saved\.$/ }).waitFor();
});

it('passes axe and fits 360 px in dark mode, with a saved file and with a failure shown', async () => {
  await page.setViewportSize({ width: 360, height: 800 });
  await page.emulateMedia({ colorScheme: 'dark' });
  await openList(page, 'Status=Fail');
  await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export', exact: true }).click()]);
  await status(page).filter({ hasText: 'Saved' }).waitFor();
  expect(await seriousViolations(page)).toEqual([]);
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  await screenshot(page, 'jobs-export-360-dark');
  await setFaults(stack.emulator.url, { rates: { internalError: 1 } as never });
  await page.selectOption('#x-format', 'ndjson');
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  await page.getByRole('alert').filter({ hasText: 'The export failed' }).waitFor();
  expect(await seriousViolations(page)).toEqual([]);
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  await screenshot(page, 'jobs-export-failed-360-dark');
});

const DAY = 86_400_000;
const iso = (ms: number) => new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
const idsOf = (csv: string) => parseCsv(csv.slice(1)).slice(1).map((row) => row[EXPORT_COLUMNS.indexOf('JobId')]);

it('holds exactly the jobs the list pages through for the same filters', async () => {
  const now = Date.now();
  const filters = `Status=Fail&StartOfCreateTime=${iso(now - 20 * DAY)}&EndOfCreateTime=${iso(now - DAY)}`;
  const listed: string[] = [];
  let token: string | undefined;
  do {
    const res = await fetch(url(`/api/jobs?${filters}&PageSize=100${token ? `&NextPageToken=${encodeURIComponent(token)}` : ''}`));
    const page = (await res.json()) as { Jobs: { JobId: string }[]; NextPageToken?: string };
    listed.push(...page.Jobs.map((job) => job.JobId));
    token = page.NextPageToken;
  } while (token);
  expect(listed.length).toBeGreaterThan(20);
  await openList(page, filters);
  // A range within the bounds: nothing to say about what the export leaves out.
  expect(await page.getByText(/An export covers the jobs created/).count()).toBe(0);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export', exact: true }).click()]);
  expect(idsOf(readFileSync(await download.path(), 'utf8'))).toEqual(listed);
});

it('says before it starts that an export without dates covers the last SCAN_MAX_DAYS days', async () => {
  await openList(page, 'Status=Fail');
  expect(await page.getByText('An export covers the jobs created in the last 31 days, the most one export reads: choose a time range to export older ones.').count()).toBe(1);
});

it('exports just the jobs selected on the list, which the URL keeps', async () => {
  await openList(page, 'Status=Success');
  const rows = page.locator('tbody tr[data-job-id]');
  const chosen: string[] = [];
  for (const index of [0, 2, 4]) {
    await rows.nth(index).locator('input[type="checkbox"]').check();
    chosen.push((await rows.nth(index).getAttribute('data-job-id'))!);
  }
  await page.waitForURL((address) => address.searchParams.get('Select') === chosen.join(','));
  expect(await page.getByText('3 jobs selected').count()).toBe(1);
  await page.reload();
  await page.locator('tbody a.job-link').first().waitFor();
  expect(await page.locator('tbody tr.selected').count()).toBe(3);
  await page.getByLabel('Export the 3 selected jobs as').selectOption('ndjson');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export', exact: true }).click()]);
  expect(download.suggestedFilename()).toMatch(/^media-info-jobs_selected-3_\d{8}T\d{6}Z\.ndjson$/);
  const lines = readFileSync(await download.path(), 'utf8').trimEnd().split('\n').map((line) => JSON.parse(line) as { JobId?: string; Summary?: object });
  expect(lines.slice(0, -1).map((job) => job.JobId)).toEqual(chosen);
  expect(lines.at(-1)).toMatchObject({ Summary: { ScannedJobs: 3, ExportedJobs: 3 } });
  // The page's own box says that some rows are ticked, ticks all of them, and unticks them again.
  const pageBox = page.getByLabel('Select every job on this page');
  expect(await pageBox.evaluate((box: HTMLInputElement) => [box.checked, box.indeterminate])).toEqual([false, true]);
  const onPage = await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-job-id')!));
  await pageBox.check();
  await page.waitForURL((address) => address.searchParams.get('Select') === [...chosen, ...onPage.filter((id) => !chosen.includes(id))].join(','));
  expect(await page.locator('tbody tr.selected').count()).toBe(onPage.length);
  expect(await pageBox.evaluate((box: HTMLInputElement) => [box.checked, box.indeterminate])).toEqual([true, false]);
  await rows.nth(1).locator('input[type="checkbox"]').uncheck();
  expect(await page.locator('tbody tr.selected').count()).toBe(onPage.length - 1);
  expect(await pageBox.evaluate((box: HTMLInputElement) => box.indeterminate)).toBe(true);
  await pageBox.check();
  await pageBox.uncheck();
  await page.waitForURL((address) => !address.searchParams.has('Select'));
  expect(await page.locator('tbody tr.selected').count()).toBe(0);

  await rows.nth(0).locator('input[type="checkbox"]').check();
  await page.getByRole('button', { name: 'Clear the selection' }).click();
  await page.waitForURL((address) => !address.searchParams.has('Select'));
  expect(await page.locator('tbody tr.selected').count()).toBe(0);
});
