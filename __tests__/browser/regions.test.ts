import type { Browser, Page } from 'playwright-core';
import { englishIn, portalWords, seriousViolations } from '@/__tests__/support/page-checks';
import { launchBrowser, screenshot } from '@/harness/browser';
import { resetFaults, setFaults } from '@/harness/emulator-control';
import { startEmulatorProcess, type EmulatorProcess } from '@/harness/emulator-process';
import type { PortalProcess } from '@/harness/portal-process';
import { startPortalAgainst } from '@/harness/portal-stack';

// Two ICE regions in a real browser: the header's picker opens the other region's list and keeps the
// filters; a JobId of the second region typed into the filter bar opens its job there, and the job's
// address then names the region, so the link, opened afresh, reads it there again.

const SH = 'cn-shanghai';
const SG = 'ap-southeast-1';
let sh: EmulatorProcess;
let sg: EmulatorProcess;
let portal: PortalProcess;
let browser: Browser;
let sgJobs: { JobId: string; Name?: string; Status?: string }[];

beforeAll(async () => {
  [sh, sg, browser] = await Promise.all([
    startEmulatorProcess(['--jobs', '80', '--seed', '61', '--region', SH]),
    startEmulatorProcess(['--jobs', '40', '--seed', '62', '--region', SG]),
    launchBrowser(),
  ]);
  portal = await startPortalAgainst('', { AUTH_MODE: 'none', ICE_ENDPOINT: '', ICE_REGIONS: `${SH},${SG}`, ICE_ENDPOINTS: `${SH}=${sh.url},${SG}=${sg.url}` });
  sgJobs = ((await (await fetch(`${portal.url}/api/jobs?Region=${SG}&PageSize=100`)).json()) as { Jobs: typeof sgJobs }).Jobs;
});

afterAll(async () => {
  await browser?.close();
  await portal?.stop();
  await Promise.all([sh?.stop(), sg?.stop()]);
});

const firstJobLink = (page: Page) => page.locator('tbody a.job-link').first();

it('switches the list to the other region from the header, keeping its filters, and opens its jobs there', async () => {
  const context = await browser.newContext({ locale: 'en-US' });
  const page = await context.newPage();
  await page.goto(`${portal.url}/jobs?Status=Success`);
  await firstJobLink(page).waitFor();
  expect(await page.inputValue('#region')).toBe(SH);
  await page.selectOption('#region', SG);
  await page.waitForURL(`${portal.url}/jobs?Status=Success&Region=${SG}`);
  await page.getByRole('link', { name: sgJobs.find((job) => job.Name)?.Name ?? '' }).or(firstJobLink(page)).first().waitFor();
  const href = await firstJobLink(page).getAttribute('href');
  expect(href).toMatch(new RegExp(`^/jobs/[0-9a-f]{32}\\?Region=${SG}$`));
  expect(sgJobs.map((job) => job.JobId)).toContain(href!.slice(6, 38));
  // Applying another filter keeps the region.
  await page.selectOption('#f-status', 'Fail');
  await page.getByRole('button', { name: 'Apply' }).click();
  await page.waitForURL((url) => url.searchParams.get('Region') === SG && url.searchParams.get('Status') === 'Fail');
  expect(await seriousViolations(page)).toEqual([]);
  await screenshot(page, 'regions-list-1280-en-US');
  await context.close();
});

it('opens a JobId of the second region typed into the filter bar, and its link opens there again', async () => {
  const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 360, height: 740 }, colorScheme: 'dark' });
  const page = await context.newPage();
  await page.goto(`${portal.url}/jobs`);
  await firstJobLink(page).waitFor({ state: 'attached' });
  // A probed job: a failed one shows ICE's own English message, which is data.
  const jobId = sgJobs.find((job) => job.Status === 'Success')!.JobId;
  // At 360 px the filters fold behind one button, which works once the page has hydrated.
  const toggle = page.locator('.filters-toggle');
  for (let tries = 0; tries < 50 && (await toggle.getAttribute('aria-expanded')) !== 'true'; tries++) {
    await toggle.click();
    await page.waitForTimeout(100);
  }
  await page.locator('.filter-bar details summary').click();
  await page.fill('#f-jobid', jobId);
  await page.locator('#f-jobid').press('Enter');
  await page.waitForURL(`${portal.url}/jobs/${jobId}?Region=${SG}`);
  await page.getByRole('heading', { level: 1 }).waitFor();
  expect(await page.inputValue('#region')).toBe(SG);
  expect(await page.locator('main a').first().getAttribute('href')).toBe(`/jobs?Region=${SG}`);
  expect(await seriousViolations(page)).toEqual([]);
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
  expect(englishIn(await portalWords(page))).toEqual([]);
  await screenshot(page, 'regions-job-360-dark-zh-CN');

  // The shared link, in a browser that never saw the portal.
  const fresh = await browser.newContext({ locale: 'en-US' });
  const other = await fresh.newPage();
  await other.goto(page.url());
  await other.getByRole('heading', { level: 1 }).waitFor();
  expect(other.url()).toBe(`${portal.url}/jobs/${jobId}?Region=${SG}`);
  expect(await other.locator('body').textContent()).toContain(jobId);
  await Promise.all([context.close(), fresh.close()]);
});

it('says on the job page which region did not answer when a JobId is found in none of the others', async () => {
  await setFaults(sg.url, { rates: { serviceUnavailable: 1 } as never });
  try {
    for (const [locale, words] of [
      ['en-US', `No job with this JobId in ${SH}; ${SG} did not answer. Try again shortly.`],
      ['zh-CN', `${SH} 中没有此 JobId 的作业；${SG} 没有响应。请稍后重试。`],
    ] as const) {
      const context = await browser.newContext({ locale });
      const page = await context.newPage();
      await page.goto(`${portal.url}/jobs/0123456789abcdef0123456789abcdef`);
      await page.getByText(words).waitFor();
      expect(await seriousViolations(page)).toEqual([]);
      await context.close();
    }
  } finally {
    await resetFaults(sg.url);
  }
});

