import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { signedInContext, startSignedInStack, type Screen, type SignedInStack } from '@/__tests__/support/signed-in';
import type { BrowserContext, Page } from 'playwright-core';
import { englishIn, portalWords, SCREENS, seriousViolations } from '@/__tests__/support/page-checks';
import { screenshot } from '@/harness/browser';

// /settings/tokens in a real browser, driven from the keyboard: make a token, copy its curl line from
// the clipboard, run that line in a shell as a person would, see jobs; revoke it and see the same line
// refused. Both languages (no English left in Chinese), axe clean, at 1280 px and at 360 px in dark mode.

const run = promisify(execFile);
let stack: SignedInStack;

beforeAll(async () => {
  stack = await startSignedInStack('tokens-browser', ['--jobs', '80', '--seed', '41'], { API_TOKEN_ADMIN_GROUPS: 'media-leads' }, (claims) => ({ ...claims, groups: ['media-leads'] }));
});

afterAll(() => stack?.stop());

async function signedIn(locale: string, screen: Screen = {}): Promise<BrowserContext> {
  const context = await signedInContext(stack.browser, stack.session, locale, screen);
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: stack.portal.url });
  return context;
}

const clipboard = (page: Page) => page.evaluate(() => navigator.clipboard.readText());

/** Tab until `target` has the focus: the page must be usable from the keyboard alone. */
async function tabTo(page: Page, selector: string): Promise<void> {
  for (let presses = 0; presses < 40; presses++) {
    if (await page.locator(selector).evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`${selector} never got the focus`);
}

it('makes a token from the keyboard, whose copied curl line lists jobs in a shell; revoked, the same line is refused', async () => {
  const context = await signedIn('en-US');
  const page = await context.newPage();
  await page.goto(`${stack.portal.url}/jobs`);
  // The header leads there.
  await page.getByRole('link', { name: 'API tokens' }).click();
  await page.waitForURL(`${stack.portal.url}/settings/tokens`);
  await page.getByRole('button', { name: 'Create token' }).and(page.locator(':enabled')).waitFor();

  await tabTo(page, '#token-name');
  await page.keyboard.type('nightly failure report');
  await page.keyboard.press('Tab');
  await page.keyboard.press('ArrowDown'); // 30 days -> 90 days
  expect(await page.inputValue('#token-days')).toBe('90');
  await tabTo(page, '.token-form button[type="submit"]');
  await page.keyboard.press('Enter');
  const panelHeading = page.getByRole('heading', { name: 'Copy your new token now' });
  await panelHeading.waitFor();
  // The reader is taken to the secret: the heading has the focus.
  expect(await panelHeading.evaluate((element) => element === document.activeElement)).toBe(true);
  expect(await seriousViolations(page)).toEqual([]);
  await screenshot(page, 'tokens-made-1280-en-US');

  const secret = (await page.locator('.token-secret').textContent())!;
  expect(secret).toMatch(/^icep_[0-9a-f]{16}_[A-Za-z0-9_-]{43}$/);
  await page.getByRole('button', { name: 'Copy token' }).click();
  expect(await clipboard(page)).toBe(secret);
  await page.getByRole('button', { name: 'Copy curl command' }).click();
  const curl = await clipboard(page);
  expect(curl).toContain(secret);
  expect(curl).toContain(stack.portal.url);

  const { stdout } = await run('sh', ['-c', `${curl} --silent --show-error --fail-with-body`]);
  const answer = JSON.parse(stdout) as { Jobs: { JobId: string }[] };
  expect(answer.Jobs.length).toBe(20);

  await page.getByRole('button', { name: 'I have copied it' }).click();
  const row = page.getByRole('row').filter({ hasText: 'nightly failure report' }).first();
  await row.waitFor();
  // The secret is gone from the page once its owner says they have it.
  expect(await page.locator('.token-secret').count()).toBe(0);
  expect(await page.content()).not.toContain(secret);
  await row.getByRole('button', { name: 'Revoke the token “nightly failure report”' }).click();
  await page.getByRole('status').filter({ hasText: 'Revoked “nightly failure report”' }).waitFor();
  const refused = await run('sh', ['-c', `${curl} --silent --write-out '\\n%{http_code}'`]);
  expect(refused.stdout.trim().split('\n').at(-1)).toBe('401');
  await context.close();
});

it.each(['en-US', 'zh-CN'])('reads well in %s at 1280 px and at 360 px in dark mode, with everyone’s tokens for an admin', async (locale) => {
  const en = locale === 'en-US';
  for (const [viewport, colorScheme] of SCREENS) {
    const context = await signedIn(locale, { viewport, colorScheme });
    const page = await context.newPage();
    await page.goto(`${stack.portal.url}/settings/tokens`);
    await page.getByRole('button', { name: en ? 'Create token' : '创建令牌' }).and(page.locator(':enabled')).waitFor();
    await page.getByLabel(en ? 'Name' : '名称', { exact: true }).fill(en ? `report ${viewport.width}` : `报告 ${viewport.width}`);
    await page.getByRole('button', { name: en ? 'Create token' : '创建令牌' }).click();
    await page.getByRole('heading', { name: en ? 'Copy your new token now' : '请立即复制新令牌' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    await screenshot(page, `tokens-made-${viewport.width}-${colorScheme}-${locale}`);
    await page.getByRole('button', { name: en ? 'I have copied it' : '我已复制' }).click();
    await page.getByRole('heading', { name: en ? /Everyone's tokens/ : /所有人的令牌/ }).waitFor();
    await page.getByRole('row').filter({ hasText: en ? `report ${viewport.width}` : `报告 ${viewport.width}` }).first().waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    if (!en) expect(englishIn(await portalWords(page))).toEqual([]);
    await screenshot(page, `tokens-list-${viewport.width}-${colorScheme}-${locale}`);
    await context.close();
  }
});
