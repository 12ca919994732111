import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, screenshot, titleMatching } from '@/harness/browser';
import { startPortalStack, type PortalStack } from '@/harness/portal-stack';

// The real login flow: a real browser, the real development OpenID provider (oidc-provider) and the
// production portal, as `npm run demo` wires them.

let stack: PortalStack;
let browser: Browser;

beforeAll(async () => {
  [stack, browser] = await Promise.all([
    startPortalStack({ auth: 'dev-idp', portalEnv: { AUTH_ALLOWED_GROUPS: 'media-team' }, emulatorArgs: ['--jobs', '120', '--seed', '4'] }),
    launchBrowser(),
  ]);
});

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

/** The provider's development screens: any user name and password, then consent when asked. */
async function signInAtIdp(page: Page, login: string): Promise<void> {
  await page.waitForURL((url) => url.origin === stack.idp!.issuer);
  await page.fill('input[name="login"]', login);
  await page.fill('input[name="password"]', 'any password');
  await page.click('button[type="submit"]');
  await page.waitForURL((url) => url.origin !== stack.idp!.issuer || url.pathname.includes('/interaction/'));
  while (new URL(page.url()).origin === stack.idp!.issuer) {
    await page.click('button[type="submit"]');
    await page.waitForLoadState();
  }
}

it('signs in through the IdP from a deep link and lands on the same filtered list, then signs out', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const deepLink = `${stack.portal.url}/jobs?Status=Success&PageSize=20`;
  await page.goto(deepLink);
  await signInAtIdp(page, 'alice');
  await page.waitForURL(deepLink);
  await page.locator('tbody a.job-link').first().waitFor(); // real rows, not the skeleton's
  expect(await page.inputValue('#f-status')).toBe('Success');
  expect(await page.getByText('alice@example.com').count()).toBe(1);
  await screenshot(page, 'signed-in');

  // A job link opens directly now that the session exists.
  const jobLink = page.locator('tbody a.job-link').first();
  const jobId = await page.locator('tbody tr[data-job-id]').first().getAttribute('data-job-id');
  await jobLink.click();
  await page.waitForURL(`${stack.portal.url}/jobs/${jobId}`);

  // RP-initiated logout: the provider asks for confirmation, then sends the browser back.
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.waitForURL((url) => url.origin === stack.idp!.issuer);
  await screenshot(page, 'idp-logout');
  await page.getByRole('button', { name: /yes/i }).click();
  await page.waitForURL(`${stack.portal.url}/auth/signed-out`);
  const res = await page.goto(`${stack.portal.url}/api/jobs`);
  expect(res?.status()).toBe(401);
  await context.close();
});

it('shows a signed-in user outside the allowed groups why access is refused', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${stack.portal.url}/jobs/${'a'.repeat(32)}`);
  await signInAtIdp(page, 'nogroup:dave');
  await page.getByRole('heading', { name: 'No access' }).waitFor();
  expect(await page.textContent('main')).toContain('dave@example.com');
  expect(await page.textContent('main')).toContain('not in a group allowed');
  await screenshot(page, 'access-denied');
  await context.close();
});

it('says all of it in Chinese to a Chinese reader: the 403 page, signing out, a stale sign-in link', async () => {
  const context = await browser.newContext({ locale: 'zh-CN' });
  const page = await context.newPage();
  await page.goto(`${stack.portal.url}/jobs`);
  await signInAtIdp(page, 'nogroup:erin');
  await page.getByRole('heading', { name: '无权访问' }).waitFor();
  expect(await page.textContent('main')).toContain('你已以 erin@example.com 身份登录，但你不在允许使用此门户的用户组中。');
  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
  await screenshot(page, 'zh-access-denied');

  await page.getByRole('button', { name: '退出登录' }).click();
  await page.waitForURL((url) => url.origin === stack.idp!.issuer);
  await page.getByRole('button', { name: /yes/i }).click();
  await page.waitForURL(`${stack.portal.url}/auth/signed-out`);
  await page.getByRole('heading', { name: '你已退出登录' }).waitFor();
  expect(await titleMatching(page, /^已退出登录 · ICE 媒体信息作业$/)).toBe('已退出登录 · ICE 媒体信息作业');

  // A sign-in link opened twice (or in another browser) answers with the reason, in Chinese.
  const stale = await page.goto(`${stack.portal.url}/auth/callback?code=used&state=stale`);
  expect(stale?.status()).toBe(400);
  expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
  // No sign-in is under way after signing out (the header link's prefetch begins none): expired.
  expect((await context.cookies()).map((c) => c.name)).not.toContain('ice-portal-login');
  await page.getByRole('heading', { name: '登录已过期' }).waitFor();
  await page.getByRole('link', { name: '重新登录' }).waitFor();
  await context.close();
});
