import path from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { englishIn, portalWords, SCREENS, seriousViolations } from '@/__tests__/support/page-checks';
import { signedInContext, startSignedInStack, type Screen, type SignedInStack } from '@/__tests__/support/signed-in';
import { screenshot } from '@/harness/browser';
import { REPO_ROOT } from '@/harness/repo-root';

// Media checks and delivery specs in a real browser: the filter bar finds the jobs with a finding, the
// list shows it as a badge, and the badge opens its explanation on the job's page; the filter bar finds
// the jobs that fail a spec, and the job's page shows every rule of it. Both languages (no English left in
// Chinese), axe clean, at 1280 px in light and 360 px in dark mode.

let stack: SignedInStack;

beforeAll(async () => {
  stack = await startSignedInStack('checks-browser', ['--jobs', '600', '--seed', '29'], { AUTH_RATE_LIMIT_PER_MINUTE: '100000', SCAN_CALLS_PER_MINUTE: '100000', MEDIA_SPECS_FILE: path.join(REPO_ROOT, 'config', 'media-specs.example.json') });
});

afterAll(() => stack?.stop());

const signedIn = (locale: string, screen: Screen = {}): Promise<BrowserContext> => signedInContext(stack.browser, stack.session, locale, screen);

it('finds the jobs with a finding from the filter bar, and a badge opens its explanation', async () => {
  const context = await signedIn('en-US', { viewport: SCREENS[0][0], colorScheme: SCREENS[0][1] });
  const page = await context.newPage();
  await page.goto(`${stack.portal.url}/jobs?Since=30d`);
  await page.getByText('More filters').click();
  await page.selectOption('#s-check', { label: 'Variable frame rate' });
  await page.getByRole('button', { name: 'Apply' }).click();
  await page.waitForURL(/Check=vfr/);
  const badges = page.locator('table.jobs-table tbody tr .check-badges');
  await badges.first().waitFor();
  // Every row found has the finding, said as a badge.
  const rows = await page.locator('table.jobs-table tbody tr').count();
  expect(rows).toBeGreaterThan(0);
  expect(await page.locator('table.jobs-table tbody tr .check-badge', { hasText: 'Variable frame rate' }).count()).toBe(rows);
  expect(await seriousViolations(page)).toEqual([]);
  await screenshot(page, 'checks-list-1280-light-en-US');

  await page.locator('.check-badge', { hasText: 'Variable frame rate' }).first().click();
  await page.waitForURL(/\/jobs\/[0-9a-f]{32}.*#check-vfr$/);
  const finding = page.locator('#check-vfr');
  await finding.waitFor();
  expect(await finding.textContent()).toMatch(/Warning\s*Variable frame rate\s*It averages [\d.]+ fps against a nominal [\d.]+ fps\./);
  expect(await finding.evaluate((element) => element.matches(':target'))).toBe(true);
  // The section leads the page, before the file's facts.
  expect(await page.locator('#checks + .grid-2, #checks ~ .grid-2').count()).toBe(1);
  expect(await seriousViolations(page)).toEqual([]);
  await screenshot(page, 'checks-job-1280-light-en-US');
  await context.close();
});

it('is all Chinese in Chinese, on the list and on a job with several findings, and fits a phone in dark mode', async () => {
  const [viewport, colorScheme] = SCREENS[1];
  const context = await signedIn('zh-CN', { viewport, colorScheme });
  const page = await context.newPage();
  await page.goto(`${stack.portal.url}/jobs?Since=30d&Check=surround-audio`);
  await page.locator('.check-badges').first().waitFor();
  expect(englishIn(await portalWords(page))).toEqual([]);
  expect(await seriousViolations(page)).toEqual([]);
  await screenshot(page, 'checks-list-360-dark-zh-CN');
  // The job with the most findings on the page.
  const counts = await page.locator('.check-badges').evaluateAll((lists) => lists.map((list) => list.querySelectorAll('li').length));
  await page.locator('.check-badges').nth(counts.indexOf(Math.max(...counts))).locator('a').first().click();
  await page.locator('#checks li').first().waitFor();
  expect(await page.locator('#checks li').count()).toBeGreaterThanOrEqual(1);
  expect(englishIn(await portalWords(page))).toEqual([]);
  expect(await seriousViolations(page)).toEqual([]);
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
  await screenshot(page, 'checks-job-360-dark-zh-CN');
  await context.close();
});

it('finds the jobs that fail a delivery spec, and shows every rule of it on a job’s page, in both languages', async () => {
  const context = await signedIn('en-US', { viewport: SCREENS[0][0], colorScheme: SCREENS[0][1] });
  const page = await context.newPage();
  await page.goto(`${stack.portal.url}/jobs?Since=30d`);
  await page.getByText('More filters').click();
  await page.selectOption('#s-spec', { label: 'Web 1080p H.264/AAC' });
  expect(await page.inputValue('#s-spec-result')).toBe('fail');
  await page.getByRole('button', { name: 'Apply' }).click();
  await page.waitForURL(/Spec=web-1080p&SpecResult=fail/);
  await page.locator('tbody a.job-link').first().click();
  await page.waitForURL(/\/jobs\/[0-9a-f]{32}/);
  await page.getByRole('link', { name: 'Web 1080p H.264/AAC' }).click();
  await page.waitForURL(/Spec=web-1080p#spec$/);
  const verdict = page.locator('.spec-verdict');
  await verdict.waitFor();
  expect(await verdict.textContent()).toMatch(/Fails “Web 1080p H\.264\/AAC”: \d+ rules? of 16 not met\./);
  expect(await page.locator('.spec-rules tbody tr').count()).toBe(16);
  expect(await page.locator('.spec-rules tbody tr.rule-failed').count()).toBeGreaterThan(0);
  expect(await page.getByRole('link', { name: 'Web 1080p H.264/AAC' }).getAttribute('aria-current')).toBe('true');
  expect(await seriousViolations(page)).toEqual([]);
  await screenshot(page, 'spec-job-1280-light-en-US');
  const jobUrl = page.url();
  await context.close();

  const [viewport, colorScheme] = SCREENS[1];
  const zh = await signedIn('zh-CN', { viewport, colorScheme });
  const zhPage = await zh.newPage();
  await zhPage.goto(jobUrl);
  await zhPage.locator('.spec-verdict').waitFor();
  expect(await zhPage.locator('.spec-verdict').textContent()).toMatch(/不符合“Web 1080p H\.264\/AAC”：16 条规则中有 \d+ 条未满足。/);
  expect(englishIn(await portalWords(zhPage))).toEqual([]);
  expect(await seriousViolations(zhPage)).toEqual([]);
  expect(await zhPage.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
  await screenshot(zhPage, 'spec-job-360-dark-zh-CN');
  await zh.close();
});

it('compares two jobs ticked in the list, marking what differs, and says in its column which id it cannot read', async () => {
  const context = await signedIn('en-US', { viewport: SCREENS[0][0], colorScheme: SCREENS[0][1] });
  const page = await context.newPage();
  // A short video file and an audio-only one: they differ in most rows.
  await page.goto(`${stack.portal.url}/jobs?Since=30d&Check=no-video`);
  const audioRow = page.locator('tbody tr[data-job-id]').first();
  await audioRow.waitFor();
  const audioId = (await audioRow.getAttribute('data-job-id'))!;
  await audioRow.locator('input[type="checkbox"]').check();
  await page.waitForURL((address) => address.searchParams.get('Select') === audioId);
  // The selection stays in the address while the filters change.
  await page.goto(page.url().replace('Check=no-video', 'Check=rotated'));
  const videoRow = page.locator('tbody tr[data-job-id]').first();
  await videoRow.waitFor();
  await videoRow.locator('input[type="checkbox"]').check();
  await page.getByRole('link', { name: 'Compare', exact: true }).click();
  await page.waitForURL(/\/compare\?JobIds=/);
  expect(new URL(page.url()).searchParams.get('JobIds')!.split(',')).toContain(audioId);
  await page.locator('.compare-table').waitFor();
  expect(await page.locator('.compare-table thead th[scope="col"]').count()).toBe(2);
  // Marked with a sign and words, not colour alone.
  const streams = page.locator('tr', { has: page.getByRole('rowheader', { name: /^Video streams/ }) });
  expect(await streams.getAttribute('class')).toBe('differs');
  expect(await streams.locator('th').textContent()).toBe('Video streams ≠differs');
  // The audio file has no video stream: its cells say so.
  expect(await page.locator('.compare-table td', { hasText: 'missing' }).count()).toBeGreaterThan(0);
  expect(await seriousViolations(page)).toEqual([]);
  await screenshot(page, 'compare-1280-light-en-US');
  const compared = page.url();

  // Pasted ids, one of them unknown: a message in its column, the other still shown.
  await page.fill('#compare-ids', `${audioId}\n${'0'.repeat(32)}`);
  await page.getByRole('button', { name: 'Compare', exact: true }).click();
  await page.waitForURL(new RegExp(`JobIds=${audioId}`));
  await page.locator('.compare-table thead .field-error').waitFor();
  expect(await page.locator('.compare-table thead .field-error').textContent()).toMatch(/No media-info job with this JobId exists/);
  // One file read: nothing to differ from.
  expect(await page.locator('.compare-table tr.differs').count()).toBe(0);
  await context.close();

  const [viewport, colorScheme] = SCREENS[1];
  const zh = await signedIn('zh-CN', { viewport, colorScheme });
  const zhPage = await zh.newPage();
  await zhPage.goto(`${stack.portal.url}/compare?JobIds=${audioId}`);
  expect(await zhPage.locator('#compare-hint').textContent()).toBe('参数 JobIds 的值无效（须指定 2 到 4 个不同的作业）');
  // An unknown spec is said beside the picker, naming it; the files are compared all the same.
  await zhPage.goto(`${compared}&Spec=cinema-4k`);
  await zhPage.locator('.compare-table').waitFor();
  expect(await zhPage.locator('p.field-error[role="alert"]').textContent()).toMatch(/^参数 Spec 的值无效（“cinema-4k”.*web-1080p/);
  expect(await zhPage.locator('#compare-hint').textContent()).not.toMatch(/Spec/);
  await zhPage.goto(compared);
  await zhPage.locator('.compare-table').waitFor();
  expect(englishIn(await portalWords(zhPage))).toEqual([]);
  expect(await seriousViolations(zhPage)).toEqual([]);
  await screenshot(zhPage, 'compare-360-dark-zh-CN');
  expect(await zhPage.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
  await zh.close();
});
