import { seriousViolations } from '@/__tests__/support/page-checks';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, screenshot } from '@/harness/browser';
import type { PortalProcess } from '@/harness/portal-process';
import { startPortalAgainst, startPortalStack, type PortalStack } from '@/harness/portal-stack';

// The pages a person meets when the portal says no before any job renders: the rate limit's 429, the
// identity proxy's refused token (401), an address that cannot be decoded (400). Each must read well
// at 360 px in dark mode, pass axe, and offer its way forward to the keyboard.

let stack: PortalStack;
let proxyPortal: PortalProcess;
let browser: Browser;

beforeAll(async () => {
  [stack, browser] = await Promise.all([startPortalStack({ portalEnv: { AUTH_RATE_LIMIT_PER_MINUTE: '2' } }), launchBrowser()]);
  proxyPortal = await startPortalAgainst(stack.emulator.url, {
    AUTH_MODE: 'proxy-jwt',
    AUTH_PROXY_JWT_HEADER: 'x-proxy-jwt',
    // Nothing listens here: every token is refused, as when the proxy's keys rotated away.
    AUTH_PROXY_JWKS_URL: 'http://127.0.0.1:9/certs',
    AUTH_PROXY_ISSUER: 'https://proxy.example.com',
    AUTH_PROXY_AUDIENCE: 'media-portal',
  });
});

afterAll(async () => {
  await browser?.close();
  await proxyPortal?.stop();
  await stack?.stop();
});

async function narrowDark(extraHTTPHeaders?: Record<string, string>): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, colorScheme: 'dark', extraHTTPHeaders });
  return context.newPage();
}

const fitsWidth = (p: Page) => p.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

it('shows a clear 429 page once the budget is spent, and its Reload link works from the keyboard', async () => {
  const page = await narrowDark();
  const target = `${stack.portal.url}/jobs?Status=Fail`;
  let status = 0;
  for (let i = 0; i < 4 && status !== 429; i++) status = (await page.goto(target))!.status();
  expect(status).toBe(429);
  await expect(page.locator('h1').textContent()).resolves.toBe('Too many requests');
  expect(await page.locator('p').first().textContent()).toMatch(/Wait \d+ s, then reload this page/);
  expect(await seriousViolations(page)).toEqual([]);
  expect(await fitsWidth(page)).toBe(true);
  await screenshot(page, 'refusal-429-360-dark');
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Reload');
  await Promise.all([page.waitForURL(target), page.keyboard.press('Enter')]);
  await page.context().close();
});

it('shows a 401 page, not a redirect loop, when the identity proxy token is refused', async () => {
  const page = await narrowDark({ 'x-proxy-jwt': 'not.a.token' });
  const response = await page.goto(`${proxyPortal.url}/jobs/ab4802364a2e49208c99efab82df0001`);
  expect(response!.status()).toBe(401);
  expect(page.url()).toBe(`${proxyPortal.url}/jobs/ab4802364a2e49208c99efab82df0001`);
  await expect(page.locator('h1').textContent()).resolves.toBe('Not signed in');
  expect(await seriousViolations(page)).toEqual([]);
  expect(await fitsWidth(page)).toBe(true);
  await screenshot(page, 'refusal-401-360-dark');
  await page.context().close();
});

it('shows a 400 page for an address that cannot be decoded, with a way back to the list', async () => {
  const page = await narrowDark();
  const response = await page.goto(`${proxyPortal.url}/jobs/%ZZ`);
  expect(response!.status()).toBe(400);
  await expect(page.locator('h1').textContent()).resolves.toBe('Bad address');
  expect(await seriousViolations(page)).toEqual([]);
  await screenshot(page, 'refusal-400-360-dark');
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => document.activeElement?.getAttribute('href'))).toBe('/jobs');
  await page.context().close();
});
