import { seriousViolations } from '@/__tests__/support/page-checks';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { heavyJob } from '@/emulator/fixtures';
import { launchBrowser, screenshot } from '@/harness/browser';
import { control, popCoreClient, resetFaults, setFaults } from '@/harness/emulator-control';
import { startPortalStack, type PortalStack } from '@/harness/portal-stack';

let stack: PortalStack;
let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  [stack, browser] = await Promise.all([
    startPortalStack({ emulatorArgs: ['--jobs', '300', '--seed', '21', '--job-delay-ms', '4000'] }),
    launchBrowser(),
  ]);
});

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

beforeEach(async () => {
  await resetFaults(stack.emulator.url);
  context = await browser.newContext();
  page = await context.newPage();
});

afterEach(() => context.close());

const url = (path: string) => `${stack.portal.url}${path}`;
const rowIds = (p: Page) => p.locator('tbody tr[data-job-id]').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-job-id')));

/** Real rows, with a job link: the skeleton shown while ICE answers has table rows too. */
async function waitForRows(p: Page): Promise<void> {
  await p.locator('tbody a.job-link').first().waitFor();
}

describe('job list', () => {
  it('filters by status through the URL, and a reload shows the same list', async () => {
    await page.goto(url('/jobs'));
    await waitForRows(page);
    await page.selectOption('#f-status', 'Fail');
    await page.getByRole('button', { name: 'Apply' }).click();
    await page.waitForURL(/Status=Fail/);
    await waitForAllBadges(page, 'Failed');
    const before = await rowIds(page);
    expect(before.length).toBeGreaterThan(0);
    await page.reload();
    await waitForRows(page);
    expect(await rowIds(page)).toEqual(before);
    expect(await page.inputValue('#f-status')).toBe('Fail');
  });

  it('pages forward three times, then Previous twice and Back agree with the pages seen', async () => {
    await page.goto(url('/jobs?PageSize=10'));
    await waitForRows(page);
    const pages = [await rowIds(page)];
    for (let i = 0; i < 3; i++) {
      await page.getByRole('link', { name: 'Next →' }).click();
      await page.waitForFunction((n) => document.querySelector('[aria-current="page"]')?.textContent === `Page ${n}`, i + 2);
      pages.push(await rowIds(page));
    }
    expect(new Set(pages.flat()).size).toBe(40);

    await page.goBack();
    await page.waitForFunction(() => document.querySelector('[aria-current="page"]')?.textContent === 'Page 3');
    expect(await rowIds(page)).toEqual(pages[2]);

    await page.getByRole('link', { name: '← Previous' }).click();
    await page.waitForFunction(() => document.querySelector('[aria-current="page"]')?.textContent === 'Page 2');
    expect(await rowIds(page)).toEqual(pages[1]);
    await page.getByRole('link', { name: '← Previous' }).click();
    await page.waitForFunction(() => document.querySelector('[aria-current="page"]')?.textContent === 'Page 1');
    expect(await rowIds(page)).toEqual(pages[0]);

    await page.reload();
    await waitForRows(page);
    expect(await rowIds(page)).toEqual(pages[0]);
  });

  it('picks up a newly submitted job on the first page without a reload', async () => {
    await page.goto(url('/jobs'));
    await waitForRows(page);
    await page.evaluate(() => ((window as unknown as { marker: number }).marker = 42));
    const { MediaInfoJob } = await popCoreClient(stack.emulator.url).request<{ MediaInfoJob: { JobId: string } }>('SubmitMediaInfoJob', {
      Input: JSON.stringify({ Type: 'OSS', Media: 'oss://live/new-arrival.mp4' }),
      Name: 'live arrival',
    });
    await page.locator(`tr[data-job-id="${MediaInfoJob.JobId}"]`).waitFor({ timeout: 25_000 });
    expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(42);
  });

  it('shows an upstream failure with its RequestId, and Try again recovers', async () => {
    await setFaults(stack.emulator.url, { rates: { internalError: 1 } as never });
    await page.goto(url('/jobs?PageSize=20'));
    const alert = page.getByRole('alert').filter({ hasText: 'Request id' });
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(/Request id: [0-9A-F-]{36}/);
    await screenshot(page, 'jobs-upstream-error');
    await resetFaults(stack.emulator.url);
    await page.getByRole('button', { name: 'Try again' }).click();
    await waitForRows(page);
    expect(await page.getByRole('alert').filter({ hasText: 'Request id' }).count()).toBe(0);
  });

  it('has no serious accessibility violations, and reads at 360 px and in dark mode', async () => {
    await page.goto(url('/jobs'));
    await waitForRows(page);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'jobs');
    await page.setViewportSize({ width: 360, height: 800 });
    await page.emulateMedia({ colorScheme: 'dark' });
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'jobs-360-dark');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });

  it('opens a job when a full JobId is pasted into the filter', async () => {
    const jobId = await firstJob('Success');
    await page.goto(url('/jobs'));
    await waitForRows(page);
    await page.getByText('More filters').click();
    await page.locator('#f-jobid').focus();
    await page.evaluate((id) => {
      const data = new DataTransfer();
      data.setData('text', id);
      document.querySelector('#f-jobid')!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    }, jobId);
    await page.waitForURL(url(`/jobs/${jobId}`));
    await page.getByRole('heading', { level: 1 }).waitFor();
  });

  it('can be used by keyboard alone: skip link, then the filters', async () => {
    await page.goto(url('/jobs'));
    await waitForRows(page);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content');
    await page.keyboard.press('Enter');
    await page.locator('#f-status').focus();
    await page.keyboard.press('ArrowDown');
    await page.locator('#s-search').focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/Status=/);
  });
});

async function firstJob(status: string): Promise<string> {
  const res = await fetch(url(`/api/jobs?PageSize=1&Status=${status}`));
  return ((await res.json()) as { Jobs: { JobId: string }[] }).Jobs[0]!.JobId;
}

describe('job detail', () => {
  it('opens from a deep link with the file, its streams and the raw JSON', async () => {
    const jobId = await firstJob('Success');
    await page.goto(url(`/jobs/${jobId}`));
    await page.getByRole('heading', { level: 1 }).waitFor();
    expect(await page.locator('dd code').first().textContent()).toBe(jobId);
    expect(await page.getByRole('table', { name: /Video streams/ }).count()).toBe(1);
    await page.getByRole('heading', { name: 'Raw JSON' }).click();
    await page.locator('pre.raw').waitFor();
    expect(await page.locator('pre.raw').textContent()).toContain(jobId);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'job-detail');
  });

  it('shows the reason first for a failed job', async () => {
    await page.goto(url(`/jobs/${await firstJob('Fail')}`));
    const reason = page.getByRole('heading', { name: 'Why this job failed' });
    await reason.waitFor();
    await screenshot(page, 'job-failed');
  });

  it('turns an Init job into Success in place, without a reload', async () => {
    const { MediaInfoJob } = await popCoreClient(stack.emulator.url).request<{ MediaInfoJob: { JobId: string } }>('SubmitMediaInfoJob', {
      Input: JSON.stringify({ Type: 'OSS', Media: 'oss://live/pending.mov' }),
      Name: 'pending probe',
    });
    await page.goto(url(`/jobs/${MediaInfoJob.JobId}`));
    await page.getByText('Processing').first().waitFor();
    await page.evaluate(() => ((window as unknown as { marker: number }).marker = 7));
    await page.locator('.job-header .badge-Success').waitFor({ timeout: 20_000 });
    expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(7);
    expect(await page.getByRole('table', { name: /Video streams/ }).count()).toBe(1);
  });

  it('keeps the page of an Init job when Raw JSON is opened while it polls', async () => {
    // The poller and the viewer read the same cached answer: once they cached different shapes
    // under one key, and opening Raw JSON replaced the page with the error screen.
    const jobId = await firstJob('Init');
    await page.goto(url(`/jobs/${jobId}`));
    // The newest Init job of the emulator's data may have waited past the possibly-stuck mark by now.
    await page.getByText(/^ICE (is still probing|has been probing) this file/).waitFor();
    await page.getByRole('heading', { name: 'Raw JSON' }).click();
    await page.locator('pre.raw').or(page.getByText('Something went wrong')).first().waitFor();
    expect(await page.getByText('Something went wrong').count()).toBe(0);
    expect(await page.locator('pre.raw').textContent()).toContain(`"JobId": "${jobId}"`);
    // The next poll reads the cache the viewer shares; the page must survive it too.
    await page.waitForResponse((res) => res.url().endsWith(`/api/jobs/${jobId}`));
    await page.waitForTimeout(200);
    expect(await page.getByText('Something went wrong').count()).toBe(0);
    await page.getByRole('heading', { level: 1 }).waitFor();
    expect(await page.locator('.job-header .badge-Init').count()).toBe(1);
    expect(await page.locator('pre.raw').textContent()).toContain('"Status": "Init"');
    await screenshot(page, 'job-init-raw-json');
  });

  it('keeps a 1 MB job with 40 streams readable and responsive', async () => {
    const job = heavyJob({ jobId: 'heavy0000000000000000000000000001', videoStreams: 10, audioStreams: 30, totalBytes: 1_000_000 });
    expect((await control(stack.emulator.url, 'POST', 'jobs', job)).status).toBe(201);
    await page.goto(url(`/jobs/${job.JobId}`));
    const audio = page.getByRole('table', { name: /Audio streams \(30\)/ });
    await audio.waitFor();
    expect(await audio.locator('tbody tr').count()).toBe(30);
    // Sorting 30 rows by bitrate answers at once and keeps every row.
    await audio.getByRole('button', { name: 'Bitrate' }).click();
    expect(await audio.locator('th[aria-sort="ascending"]').count()).toBe(1);
    expect(await audio.locator('tbody tr').first().locator('td').nth(5).textContent()).toBe('192 kb/s');
    const started = Date.now();
    await page.getByRole('heading', { name: 'Raw JSON' }).click();
    await page.locator('pre.raw').waitFor();
    expect(Date.now() - started).toBeLessThan(5000);
    expect(await page.locator('pre.raw').evaluate((el) => el.textContent!.length)).toBe(100_000);
    expect(await page.getByText(/The first 20,000 characters of 1\.\d+ MB/).count()).toBe(1);
    await page.getByRole('button', { name: /Show all [\d,]+ KiB/ }).click();
    await page.waitForFunction(() => document.querySelector('pre.raw')!.textContent!.length > 1_000_000);
    await screenshot(page, 'job-heavy');
  });

  it('answers an unknown job with the not-found page, kept out of search indexes', async () => {
    // The page streams behind loading.tsx, so the status is already 200 when ICE says "not found";
    // Next marks the page noindex instead, and the JSON API answers a real 404.
    await page.goto(url('/jobs/ffffffffffffffffffffffffffffffff'));
    await page.getByRole('heading', { name: 'No such job' }).waitFor();
    expect(await page.locator('meta[name="robots"]').first().getAttribute('content')).toContain('noindex');
  });
});

/** The old table stays until the new one streams in: wait until every row shows the label. */
async function waitForAllBadges(p: Page, label: string): Promise<void> {
  await p.waitForFunction((text) => {
    const badges = [...document.querySelectorAll('tbody .badge')].map((b) => b.textContent ?? '');
    return badges.length > 0 && badges.every((b) => b.includes(text));
  }, label);
}
