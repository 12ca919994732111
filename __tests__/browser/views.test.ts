import { SCREENS, seriousViolations } from '@/__tests__/support/page-checks';
import { randomBytes } from 'node:crypto';
import { sessionOf, signedInContext, type Screen, type Session } from '@/__tests__/support/signed-in';
import type { Browser, BrowserContext } from 'playwright-core';
import { launchBrowser, screenshot } from '@/harness/browser';
import { startEmulatorProcess, type EmulatorProcess } from '@/harness/emulator-process';
import { signInThrough, startFakeIdp } from '@/harness/fake-idp';
import type { PortalProcess } from '@/harness/portal-process';
import { startOidcPortalAgainst } from '@/harness/portal-stack';
import { startRedisProcess, type RedisProcess } from '@/harness/redis-process';

// Saved views in a real browser, on two portals sharing one Redis as two replicas do: saved on one
// from the list, opened on the other from the header's menu, renamed and deleted on /views; both
// languages, axe clean, at 360 px in dark mode.

const CLIENT_ID = 'views-browser-test';
const AUTH_SECRET = randomBytes(32).toString('base64url');
let emulator: EmulatorProcess;
let redis: RedisProcess;
let idp: Awaited<ReturnType<typeof startFakeIdp>>;
let a: PortalProcess;
let b: PortalProcess;
let browser: Browser;
let session: Session;

beforeAll(async () => {
  [emulator, redis, idp, browser] = await Promise.all([startEmulatorProcess(['--jobs', '200', '--seed', '17']), startRedisProcess(), startFakeIdp(CLIENT_ID), launchBrowser()]);
  const portal = () => startOidcPortalAgainst(emulator.url, idp, { AUTH_SECRET, REDIS_URL: redis.url });
  [a, b] = await Promise.all([portal(), portal()]);
  session = sessionOf(await signInThrough(a.url, idp));
});

afterAll(async () => {
  await browser?.close();
  await Promise.all([a?.stop(), b?.stop()]);
  await Promise.all([redis?.stop(), emulator?.stop(), idp?.close()]);
});

/** A signed-in browser: the session cookie is the host's, so both portals (other ports) read it. */
async function signedIn(locale: string, screen: Screen = {}): Promise<BrowserContext> {
  const context = await signedInContext(browser, session, locale, screen);
  return context;
}

it('saves the list as a view on one instance and reopens the same list from the other’s menu', async () => {
  const context = await signedIn('en-US');
  const page = await context.newPage();
  await page.goto(`${a.url}/jobs?Status=Fail&Since=24h`);
  await page.locator('tbody a.job-link, .empty').first().waitFor();
  await page.locator('.save-view summary').click();
  await page.getByLabel('Name of the view').fill('Failed today');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await page.getByRole('status').filter({ hasText: 'Saved as “Failed today”' }).waitFor();
  expect(await seriousViolations(page)).toEqual([]);
  await screenshot(page, 'view-saved');

  await page.goto(`${b.url}/jobs`);
  await page.locator('tbody a.job-link').first().waitFor();
  await page.locator('.views-menu summary').click();
  await page.getByRole('link', { name: 'Failed today' }).click();
  await page.waitForURL(`${b.url}/jobs?Status=Fail&Since=24h`);
  expect(await page.inputValue('#f-status')).toBe('Fail');
  expect(await page.inputValue('#f-since')).toBe('24h');
  await context.close();
});

it.each(['en-US', 'zh-CN'])('renames and deletes a view on /views (%s), at 1280 px and at 360 px in dark mode', async (locale) => {
  const en = locale === 'en-US';
  await fetch(`${a.url}/api/views`, {
    method: 'POST',
    headers: { cookie: `${session.name}=${session.value}`, origin: a.url, 'content-type': 'application/json' },
    body: JSON.stringify({ Name: en ? 'Long HEVC' : '长片 HEVC', Url: '/jobs?VideoCodec=hevc&Since=7d' }),
  });
  for (const [viewport, colorScheme] of SCREENS) {
    const context = await signedIn(locale, { viewport, colorScheme });
    const page = await context.newPage();
    await page.goto(`${b.url}/views`);
    await page.getByRole('heading', { name: en ? 'Saved views' : '已保存的视图' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    await screenshot(page, `views-${viewport.width}-${colorScheme}-${locale}`);
    await context.close();
  }

  const context = await signedIn(locale);
  const page = await context.newPage();
  await page.goto(`${b.url}/views`);
  const row = page.locator('.view-row').filter({ hasText: en ? 'Long HEVC' : '长片 HEVC' });
  await row.getByRole('button', { name: en ? 'Rename' : '重命名' }).click();
  await page.keyboard.press('Control+a');
  await page.keyboard.type(en ? 'HEVC this week' : '本周 HEVC');
  await page.keyboard.press('Enter');
  await page.getByRole('status').filter({ hasText: en ? 'Renamed to “HEVC this week”.' : '已重命名为“本周 HEVC”。' }).waitFor();
  // The other instance has it under its new name.
  const listed = (await (await fetch(`${a.url}/api/views`, { headers: { cookie: `${session.name}=${session.value}` } })).json()) as { Views: { Name: string }[] };
  expect(listed.Views.map((view) => view.Name)).toContain(en ? 'HEVC this week' : '本周 HEVC');
  await page
    .locator('.view-row')
    .filter({ hasText: en ? 'HEVC this week' : '本周 HEVC' })
    .getByRole('button', { name: en ? 'Delete the view “HEVC this week”' : '删除视图“本周 HEVC”' })
    .click();
  await page.getByRole('status').filter({ hasText: en ? 'Deleted “HEVC this week”.' : '已删除“本周 HEVC”。' }).waitFor();
  expect(await page.locator('.view-row').filter({ hasText: en ? 'HEVC this week' : '本周 HEVC' }).count()).toBe(0);
  await context.close();
});

it.each(['en-US', 'zh-CN'])('tells someone with no views how to make one, with a link to the job list (%s)', async (locale) => {
  // Another person: views are kept per user, so Alice's are not Bob's.
  const bob = sessionOf(await signInThrough(a.url, idp, (claims) => ({ ...claims, sub: 'bob', email: 'bob@example.com', name: 'Bob' })));
  const context = await signedInContext(browser, bob, locale, {});
  const page = await context.newPage();
  await page.goto(`${b.url}/views`);
  const empty = page.getByText(locale === 'en-US' ? 'You have no saved views.' : '你还没有保存任何视图。');
  await empty.waitFor();
  expect(await page.locator('.view-row').count()).toBe(0);
  await empty.getByRole('link', { name: locale === 'en-US' ? 'job list' : '作业列表' }).click();
  await page.waitForURL(`${b.url}/jobs`);
  await context.close();
});
