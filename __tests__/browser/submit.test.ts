import type { BrowserContext } from 'playwright-core';
import { englishIn, portalWords, SCREENS, seriousViolations } from '@/__tests__/support/page-checks';
import { signedInContext, startSignedInStack, type Screen, type SignedInStack } from '@/__tests__/support/signed-in';
import { screenshot } from '@/harness/browser';

// Probing files from the portal in a real browser: probe one now and read its streams, submit one and
// watch its page follow it to the end, run a failed job again from its page, and a bulk batch with a bad
// line. Both languages (no English left in Chinese), axe clean, 1280 px light and 360 px dark.

let stack: SignedInStack;

beforeAll(async () => {
  stack = await startSignedInStack('submit-browser', ['--jobs', '200', '--seed', '61', '--job-delay-ms', '2500', '--sync-probe-ms', '600'], {
    AUTH_RATE_LIMIT_PER_MINUTE: '100000',
    AUTH_SUBMIT_GROUPS: 'media-team',
  });
});

afterAll(() => stack?.stop());

const signedIn = (locale: string, screen: Screen = {}): Promise<BrowserContext> => signedInContext(stack.browser, stack.session, locale, screen);
const light = { viewport: SCREENS[0][0], colorScheme: SCREENS[0][1] };
const dark = { viewport: SCREENS[1][0], colorScheme: SCREENS[1][1] };
const unique = () => Math.random().toString(16).slice(2, 10);

it('probes a file now from the keyboard and opens its streams; a bad input is told at its field', async () => {
  const context = await signedIn('en-US', light);
  const page = await context.newPage();
  await page.goto(`${stack.portal.url}/jobs`);
  await page.getByRole('link', { name: 'Probe a file' }).click();
  await page.waitForURL(/\/jobs\/new$/);
  await page.getByRole('button', { name: 'Probe now' }).waitFor();

  // Refused before any call: the input reads as nothing; then by ICE: a URL sent as a media asset id.
  await page.getByLabel('Input', { exact: true }).fill('ftp://host/clip.mp4');
  await page.getByRole('button', { name: 'Probe now' }).click();
  const media = page.getByLabel('Input', { exact: true });
  await page.locator('#submit-media-error').waitFor();
  expect(await page.locator('#submit-media-error').textContent()).toMatch(/must be an OSS object \(oss:\/\/bucket\/object\), an HTTP\(S\) URL/);
  expect(await media.getAttribute('aria-invalid')).toBe('true');
  expect(await page.evaluate(() => document.activeElement?.id)).toBe('submit-media');
  await media.fill('oss://media-bucket/in/clip.mp4');
  await page.getByLabel('Input type').selectOption('Media');
  await page.getByRole('button', { name: 'Probe now' }).click();
  await page.locator('#submit-media-error', { hasText: 'was refused by ICE' }).waitFor();
  expect(await seriousViolations(page)).toEqual([]);
  await screenshot(page, 'submit-field-error-1280-light-en-US');

  await page.getByLabel('Input type').selectOption('');
  expect(await page.locator('#submit-type option').first().textContent()).toBe('Automatic (OSS or URL)');
  await media.fill(`oss://media-bucket/in/clip-${unique()}.mp4`);
  await page.getByLabel('Name').fill('Trailer, final cut');
  await media.press('Enter'); // the form's first button: Probe now
  await page.waitForURL(/\/jobs\/[0-9a-f]{32}$/, { timeout: 15_000 });
  await page.getByRole('heading', { name: 'Trailer, final cut' }).waitFor();
  expect(await page.locator('.badge').first().textContent()).toContain('Success');
  expect(await page.getByRole('region', { name: /Video streams/ }).count()).toBe(1);
  expect(await seriousViolations(page)).toEqual([]);
  await context.close();
});

it('submits a file, lands on its page and watches it finish there', async () => {
  const context = await signedIn('en-US', light);
  const page = await context.newPage();
  await page.goto(`${stack.portal.url}/jobs/new`);
  await page.getByLabel('Input', { exact: true }).fill(`https://cdn.example.com/uploads/${unique()}.mov`);
  await page.getByLabel('Priority').fill('8');
  await page.getByLabel('UserData').fill('{ "ticket": "MEDIA-42" }');
  // Counted as sent: compact JSON.
  expect(await page.locator('#submit-user-data-hint').textContent()).toContain('21 of 1,024 characters');
  await screenshot(page, 'submit-form-1280-light-en-US');
  await page.getByRole('button', { name: 'Submit', exact: true }).click();
  await page.waitForURL(/\/jobs\/[0-9a-f]{32}$/);
  await page.locator('.badge', { hasText: 'Processing' }).first().waitFor();
  await page.getByRole('status').filter({ hasText: 'ICE is still probing this file' }).waitFor();
  // The page follows the job to its end without a reload.
  await page.locator('.badge', { hasText: 'Success' }).first().waitFor({ timeout: 20_000 });
  expect(await page.getByText('MEDIA-42').count()).toBeGreaterThan(0);
  expect(await seriousViolations(page)).toEqual([]);
  await context.close();
});

it('runs a failed job again from its page, and the old job then leads to the new one', async () => {
  const context = await signedIn('en-US', light);
  const page = await context.newPage();
  const failed = (await (await page.request.get(`${stack.portal.url}/api/jobs?Status=Fail&PageSize=1`)).json()) as { Jobs: { JobId: string; Input?: { Media?: string } }[] };
  const old = failed.Jobs[0]!;
  await page.goto(`${stack.portal.url}/jobs/${old.JobId}`);
  await page.getByRole('link', { name: 'Re-run' }).click();
  await page.waitForURL(/\/jobs\/new\?RerunOf=/);
  expect(await page.getByLabel('Input', { exact: true }).inputValue()).toBe(old.Input?.Media);
  expect(await page.getByLabel('Name').inputValue()).toMatch(/ \(re-run\)$/);
  expect(await page.getByRole('note').textContent()).toContain(old.JobId);
  expect(await seriousViolations(page)).toEqual([]);
  await screenshot(page, 'submit-rerun-1280-light-en-US');
  // The input fixed, as a person would before running it again.
  await page.getByLabel('Input', { exact: true }).fill(`oss://media-bucket/fixed/${unique()}.mp4`);
  await page.getByRole('button', { name: 'Submit', exact: true }).click();
  await page.waitForURL((url) => /\/jobs\/[0-9a-f]{32}$/.test(url.pathname) && !url.pathname.endsWith(old.JobId));
  const rerun = new URL(page.url()).pathname.split('/').pop()!;
  await page.goto(`${stack.portal.url}/jobs/${old.JobId}`);
  await page.locator('.job-reruns').getByRole('link', { name: rerun }).waitFor();
  expect(await seriousViolations(page)).toEqual([]);
  await screenshot(page, 'submit-rerun-link-1280-light-en-US');
  await page.locator('.job-reruns').getByRole('link', { name: rerun }).click();
  await page.waitForURL(new RegExp(`/jobs/${rerun}$`));
  await context.close();
});

it('submits a batch in Chinese on a phone in dark mode: each line its own result, and the batch as a list', async () => {
  const context = await signedIn('zh-CN', dark);
  const page = await context.newPage();
  await page.goto(`${stack.portal.url}/jobs/new`);
  await page.getByRole('button', { name: '立即探测' }).waitFor();
  expect(englishIn(await portalWords(page))).toEqual([]);
  expect(await seriousViolations(page)).toEqual([]);
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
  await screenshot(page, 'submit-form-360-dark-zh-CN');

  await page.getByRole('link', { name: '批量文件' }).click();
  await page.waitForURL(/Mode=batch/);
  const id = unique();
  await page.getByLabel('输入（每行一个）').fill([`oss://media-bucket/batch/${id}-a.mp4`, 'not-a-url', `https://cdn.example.com/${id}-b.mkv`].join('\n'));
  expect(await page.locator('#batch-inputs-hint').textContent()).toContain('3 个');
  await page.getByRole('button', { name: '提交 3 个输入' }).click();
  await page.getByRole('heading', { name: '结果' }).waitFor();
  expect(await page.getByRole('status').filter({ hasText: '已提交 2 个，失败 1 个。' }).count()).toBe(1);
  const rows = page.locator('table.batch-results tbody tr');
  expect(await rows.count()).toBe(3);
  expect(await rows.nth(1).textContent()).toContain('须为 OSS 对象、HTTP(S) 地址或媒资 ID');
  expect(await rows.nth(0).getByRole('link').count()).toBe(1);
  expect(englishIn(await portalWords(page))).toEqual([]);
  expect(await seriousViolations(page)).toEqual([]);
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
  await screenshot(page, 'submit-batch-360-dark-zh-CN');

  await page.getByRole('link', { name: '以列表查看此批次' }).click();
  await page.waitForURL(/\/jobs\?Search=batch-/);
  await page.locator('table.jobs-table tbody tr').first().waitFor();
  await page.locator('table.jobs-table tbody tr').nth(1).waitFor();
  expect(await page.locator('table.jobs-table tbody tr').count()).toBe(2);
  // A job of the batch: its way to run again, in Chinese.
  await page.locator('table.jobs-table tbody a.job-link').first().click();
  await page.getByRole('link', { name: '重新运行' }).waitFor();
  expect(englishIn(await portalWords(page))).toEqual([]);
  expect(await seriousViolations(page)).toEqual([]);
  await context.close();
});
