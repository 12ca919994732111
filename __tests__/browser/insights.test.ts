import { signedInContext, startSignedInStack, type Screen, type SignedInStack } from '@/__tests__/support/signed-in';
import type { BrowserContext, Page } from 'playwright-core';
import { englishIn, portalWords, SCREENS, seriousViolations } from '@/__tests__/support/page-checks';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { screenshot, SCREENSHOT_DIR } from '@/harness/browser';
import type { Insights } from '@/lib/insights/figures';

// /insights in a real browser: reached from the header and from /jobs with the list's filters, the
// figures streamed in while the scan runs and then drawn by the server; the chart's numbers are the
// API's; a bar and a failure group each open /jobs on exactly the jobs they count. Both languages (no
// English left in Chinese), axe clean, at 1280 px in light and 360 px in dark mode.

let stack: SignedInStack;
let indexDir: string | undefined;

beforeAll(async () => {
  // With the embedded job index, as the portal runs by default: the page says how far back it reaches.
  indexDir = mkdtempSync(path.join(tmpdir(), 'insights-index-'));
  stack = await startSignedInStack('insights-browser', ['--jobs', '600', '--seed', '43'], { AUTH_RATE_LIMIT_PER_MINUTE: '100000', INDEX_DIR: path.join(indexDir, 'index'), INDEX_SYNC_SECONDS: '2', INDEX_SYNC_QPS: '200' });
});

afterAll(async () => {
  await stack?.stop();
  if (indexDir) rmSync(indexDir, { recursive: true, force: true });
});

async function signedIn(locale: string, screen: Screen = {}): Promise<BrowserContext> {
  const context = await signedInContext(stack.browser, stack.session, locale, screen);
  return context;
}

/** The figures the API gives for the page's own query, read with the page's session. */
function apiFigures(page: Page): Promise<Insights> {
  return page.evaluate(async () => (await (await fetch(`/api/insights${window.location.search}`)).json()) as Insights);
}

/** Rows the list shows once its search (if any) has finished, with no page after it. */
async function listedJobs(page: Page): Promise<number> {
  await page.locator('table.jobs-table tbody tr, .empty').first().waitFor({ timeout: 30_000 });
  // A search fills in as it scans: wait until it says it has finished.
  await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'), undefined, { timeout: 30_000 });
  expect(await page.getByRole('link', { name: /^Next/ }).count()).toBe(0);
  return page.locator('table.jobs-table tbody tr').count();
}

const drawn = (page: Page, heading: string) => page.getByRole('heading', { name: heading }).waitFor({ timeout: 60_000 });

it('streams the figures, then draws charts whose numbers are the API’s; reached from the header', async () => {
  const context = await signedIn('en-US', { viewport: SCREENS[0][0], colorScheme: SCREENS[0][1] });
  const page = await context.newPage();
  await page.goto(`${stack.portal.url}/jobs`);
  await page.getByRole('link', { name: 'Insights', exact: true }).click();
  await page.waitForURL(`${stack.portal.url}/insights`);
  // The shell and its filters come at once; the window says its default.
  expect(await page.locator('#f-since option:checked').textContent()).toBe('Last 7 days (the default)');
  await drawn(page, 'Jobs by day and status');
  const figures = await apiFigures(page);
  expect(figures.Total).toBeGreaterThan(20);
  // The headline and the timeline's table say what the API says.
  const headline = await page.locator('.insights-coverage dd a').allTextContents();
  expect(headline.map((text) => Number(text.replace(/,/g, '')))).toEqual([figures.Total, figures.ByStatus.Success, figures.ByStatus.Fail, figures.ByStatus.Init]);
  await page.getByText('Show as a table').click();
  const cells = await page.locator('.chart-table tbody td').allTextContents();
  expect(cells.reduce((sum, text) => sum + Number(text.replace(/,/g, '')), 0)).toBe(figures.Total);
  // One bar part per status present in a day.
  const parts = figures.Timeline.reduce((sum, slot) => sum + Object.values(slot.ByStatus).filter((n) => n > 0).length, 0);
  expect(await page.locator('svg.chart a').count()).toBe(parts);
  expect(await page.locator('.failure-groups tbody tr').count()).toBe(figures.Failures.length);
  // The figures are kept: a reload draws them at once and says how old they are.
  await page.reload();
  await page.getByText(/^Figures computed/).waitFor();
  await drawn(page, 'Jobs by day and status');
  expect(await seriousViolations(page)).toEqual([]);
  await screenshot(page, 'insights-1280-light-en-US');
  // Refresh scans again and draws the new figures.
  const computedAt = () => page.locator('.insights-age time').getAttribute('datetime');
  const before = await computedAt();
  await page.getByRole('button', { name: 'Refresh figures' }).click();
  await page.waitForFunction((old) => document.querySelector('.insights-age time')?.getAttribute('datetime') !== old, before, { timeout: 60_000 });
  expect(Date.parse((await computedAt())!)).toBeGreaterThan(Date.parse(before!));
  await context.close();
});

it('opens /jobs on exactly the jobs of a bar, and of a failure group', async () => {
  const context = await signedIn('en-US', { viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.goto(`${stack.portal.url}/insights?Since=30d`);
  await drawn(page, 'Jobs by day and status');
  // The failed part of the day with the fewest failures (a page of the list holds them all).
  const bars = page.locator('svg.chart a[aria-label*="Failed"]');
  const labels = await bars.evaluateAll((links) => links.map((a) => a.getAttribute('aria-label') ?? ''));
  const counts = labels.map((label) => Number(/: (\d+) jobs?$/.exec(label)?.[1]));
  const pick = counts.indexOf(Math.min(...counts));
  expect(counts[pick]).toBeGreaterThan(0);
  await bars.nth(pick).locator('rect').click();
  await page.waitForURL(/\/jobs\?/);
  const url = new URL(page.url());
  expect(url.searchParams.get('Status')).toBe('Fail');
  expect(url.searchParams.get('StartOfCreateTime')).toMatch(/^\d{4}-\d\d-\d\dT/);
  expect(await listedJobs(page)).toBe(counts[pick]);
  expect(await page.locator('table.jobs-table tbody .badge').allTextContents()).toEqual(Array(counts[pick]).fill('✕Failed'));

  await page.goBack();
  await drawn(page, 'Why jobs failed');
  const group = page.locator('.failure-groups tbody tr').last();
  const groupCount = Number((await group.locator('td.number a').textContent())!.replace(/,/g, ''));
  const code = (await group.locator('code').textContent())!;
  await group.locator('td.number a').click();
  await page.waitForURL(/ErrorCode=/);
  expect(new URL(page.url()).searchParams.get('ErrorCode')).toBe(code);
  // The filter bar shows the group's filters, to be changed in place.
  expect(await page.inputValue('#s-error-code')).toBe(code);
  expect(await listedJobs(page)).toBe(groupCount);
  await context.close();
  // Four page loads and two searches: 3 s alone, past a minute once on a busy two-core machine.
}, 150_000);

it('opens from /jobs with the list’s filters', async () => {
  const context = await signedIn('en-US');
  const page = await context.newPage();
  await page.goto(`${stack.portal.url}/jobs?Status=Fail&Since=30d&PageSize=50`);
  await page.getByRole('link', { name: 'Insights for these filters' }).click();
  await page.waitForURL(/\/insights\?/);
  const url = new URL(page.url());
  // The list's own paging stays behind.
  expect(Object.fromEntries(url.searchParams)).toEqual({ Status: 'Fail', Since: '30d' });
  await drawn(page, 'Jobs by day and status');
  const figures = await apiFigures(page);
  expect(figures.Total).toBe(figures.ByStatus.Fail);
  await context.close();
});

it('shows the figures to a browser that runs no JavaScript: the page waits for them and sends them whole', async () => {
  const context = await signedIn('en-US', { viewport: SCREENS[0][0], javaScriptEnabled: false });
  const page = await context.newPage();
  // A question nobody has asked yet, so no figures are kept.
  await page.goto(`${stack.portal.url}/insights?Since=30d&HasAudio=true`);
  const wait = page.getByRole('link', { name: /^This browser runs no JavaScript/ });
  await wait.click({ timeout: 30_000 });
  await page.waitForURL(/Wait=true/, { timeout: 120_000 });
  await drawn(page, 'Jobs by day and status');
  const figures = (await (await context.request.get(`${stack.portal.url}/api/insights?Since=30d&HasAudio=true`)).json()) as Insights;
  const headline = await page.locator('.insights-coverage dd a').allTextContents();
  expect(headline.map((text) => Number(text.replace(/,/g, '')))).toEqual([figures.Total, figures.ByStatus.Success, figures.ByStatus.Fail, figures.ByStatus.Init]);
  // The chart is the server's SVG, its bars links that need no script.
  expect(await page.locator('svg.chart a[href^="/jobs?"]').count()).toBeGreaterThan(0);
  await context.close();
});

// The checked screens, and each in the other colour scheme too; one test each, so a busy machine has a minute for each.
const screens = [...SCREENS, [SCREENS[0][0], 'dark'], [SCREENS[1][0], 'light']] as const;
it.each(screens)('is all Chinese in Chinese, and fits the screen (%o, %s)', async (viewport, colorScheme) => {
  const context = await signedIn('zh-CN', { viewport, colorScheme });
  const page = await context.newPage();
  await page.goto(`${stack.portal.url}/insights?Since=30d`);
  await drawn(page, '按天和状态统计的作业');
  // The index's reach, said in Chinese (filled or still filling).
  expect(await page.locator('.index-coverage').textContent()).toMatch(/作业索引/);
  // The numbers a Chinese reader sees are the API's, in the Chinese locale's digits and separators.
  const figures = await apiFigures(page);
  const headline = await page.locator('.insights-coverage dd a').allTextContents();
  expect(headline.map((text) => Number(text.replace(/,/g, '')))).toEqual([figures.Total, figures.ByStatus.Success, figures.ByStatus.Fail, figures.ByStatus.Init]);
  await page.getByText('以表格显示').click();
  const cells = await page.locator('.chart-table tbody td').allTextContents();
  expect(cells.reduce((sum, text) => sum + Number(text.replace(/,/g, '')), 0)).toBe(figures.Total);
  expect(englishIn(await portalWords(page))).toEqual([]);
  expect(await seriousViolations(page)).toEqual([]);
  // Nothing wider than the screen but the chart, which scrolls in its own box.
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await screenshot(page, `insights-${viewport.width}-${colorScheme}-zh-CN`);
  // The first screen as a phone shows it, and the failures further down.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `insights-${viewport.width}-${colorScheme}-zh-CN-first-screen.png`) });
  await page.locator('#failures-title').evaluate((heading) => heading.scrollIntoView());
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `insights-${viewport.width}-${colorScheme}-zh-CN-failures.png`) });
  await context.close();
});

it('says on /jobs how many jobs match when the job index counts them, in both languages', async () => {
  const query = 'Since=30d&VideoCodec=h264&PageSize=10';
  for (const [locale, said] of [
    ['en-US', (total: number) => `${total.toLocaleString('en-US')} jobs match among those created`],
    ['zh-CN', (total: number) => `共有 ${total.toLocaleString('zh-CN')} 个匹配项`],
  ] as const) {
    const context = await signedIn(locale, { viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(`${stack.portal.url}/insights`);
    // The index answers once its backfill holds the 30 days: until then the live scan does, and counts nothing.
    let answer: { Total?: number; Source: { Kind: string } } | undefined;
    for (const deadline = Date.now() + 60_000; answer?.Source.Kind !== 'index' && Date.now() < deadline; await page.waitForTimeout(500)) {
      answer = await page.evaluate(async (q) => (await (await fetch(`/api/jobs?${q}`)).json()) as { Total?: number; Source: { Kind: string } }, query);
    }
    expect(answer?.Total).toBeGreaterThan(10);
    await page.goto(`${stack.portal.url}/jobs?${query}`);
    await expect(page.getByRole('status').filter({ hasText: said(answer!.Total!) }).waitFor({ timeout: 30_000 })).resolves.toBeUndefined();
    if (locale === 'zh-CN') expect(englishIn(await portalWords(page))).toEqual([]);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, `jobs-index-total-1280-light-${locale}.png`) });
    await context.close();
  }
}, 150_000);
