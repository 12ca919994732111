import { seriousViolations } from '@/__tests__/support/page-checks';
import type { Browser, Page } from 'playwright-core';
import path from 'node:path';
import { launchBrowser, screenshot, SCREENSHOT_DIR } from '@/harness/browser';
import { popCoreClient, resetFaults, setFaults } from '@/harness/emulator-control';
import { startPortalStack, type PortalStack } from '@/harness/portal-stack';
import { JOB_MIN_REM } from '@/components/job-list/table/column-widths';

// The list as a daily tool, in both languages: it fits a laptop's screen and a phone's, a failed
// list says why, the chooser and the shortcuts work and are remembered, times stay true.

let stack: PortalStack;
let browser: Browser;

beforeAll(async () => {
  [stack, browser] = await Promise.all([startPortalStack({ emulatorArgs: ['--jobs', '600', '--seed', '41', '--job-delay-ms', '60000'] }), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

const url = (path: string) => `${stack.portal.url}${path}`;
const LOCALES = ['en-US', 'zh-CN'] as const;

async function open(locale: string, path: string, viewport = { width: 1280, height: 800 }, colorScheme: 'light' | 'dark' = 'light') {
  const context = await browser.newContext({ locale, viewport, colorScheme });
  const page = await context.newPage();
  await page.goto(url(path));
  await page.locator('tbody a.job-link').first().waitFor();
  return { page, close: () => context.close() };
}

/** How far the page and the table reach past their boxes, in pixels (0: no sideways scrolling). */
const overflow = (page: Page) =>
  page.evaluate(() => {
    const region = document.querySelector('.table-scroll')!;
    return { page: document.documentElement.scrollWidth - document.documentElement.clientWidth, table: region.scrollWidth - region.clientWidth };
  });

describe.each(LOCALES)('in %s', (locale) => {
  it('fits 1280 px with the default columns, a failed list included, and passes axe', async () => {
    for (const path of ['/jobs', '/jobs?Status=Fail', '/jobs?Status=Success']) {
      const { page, close } = await open(locale, path);
      expect(await overflow(page)).toEqual({ page: 0, table: 0 });
      expect(await seriousViolations(page)).toEqual([]);
      await screenshot(page, `list${path.includes('Fail') ? '-failed' : path.includes('Success') ? '-success' : ''}-1280-${locale}`);
      await close();
    }
  });

  it('shows the first job on the first screen at 360x740, in light and dark', async () => {
    for (const scheme of ['light', 'dark'] as const) {
      const { page, close } = await open(locale, '/jobs', { width: 360, height: 740 }, scheme);
      const bottom = await page.locator('tbody a.job-link').first().evaluate((link) => link.getBoundingClientRect().bottom);
      expect(bottom).toBeLessThanOrEqual(740);
      expect((await overflow(page)).page).toBeLessThanOrEqual(0);
      expect(await seriousViolations(page)).toEqual([]);
      await screenshot(page, `list-360-${scheme}-${locale}`);
      await close();
    }
  });

  it('says why each job of a failed list failed, in a column shown for it', async () => {
    const { page, close } = await open(locale, '/jobs?Status=Fail');
    const header = page.locator('thead th[data-col="reason"]');
    expect(await header.textContent()).toBe(locale === 'en-US' ? 'Why it failed' : '失败原因');
    const reasons = await page.locator('tbody td[data-col="reason"]').evaluateAll((cells) => cells.map((cell) => cell.textContent?.trim() ?? ''));
    expect(reasons.length).toBeGreaterThan(5);
    expect(reasons.every((reason) => reason.length > 3 && reason !== '—')).toBe(true);
    // A page of failures gives them the room: the media columns, empty for them, are not shown.
    expect(await page.locator('thead th[data-col="media"]').count()).toBe(0);
    await close();
  });
});

it.each([
  ['en-US', 'Loading jobs…'],
  ['zh-CN', '正在加载作业…'],
])('stands in for the table while ICE is slow (%s): one announced block as tall as the rows to come, then the table', async (locale, loading) => {
  await setFaults(stack.emulator.url, { latencyMs: 3000 });
  const context = await browser.newContext({ locale, viewport: { width: 1280, height: 800 } });
  try {
    const page = await context.newPage();
    // A window of its own, so no answer kept from another test can fill the page at once.
    await page.goto(url(`/jobs?EndOfCreateTime=${new Date(Date.UTC(2030, 0, 1) + Date.now() % 1e9).toISOString().slice(0, 19)}Z`), { waitUntil: 'commit' });
    const standIn = page.locator('.table-scroll[aria-busy="true"]');
    await standIn.waitFor();
    expect(await standIn.getAttribute('aria-label')).toBe(loading);
    expect(await standIn.getByRole('status').textContent()).toBe(loading);
    // Drawn by CSS, not by a table of empty cells: every list page carries it.
    expect(await standIn.evaluate((block) => block.querySelectorAll('*').length)).toBeLessThanOrEqual(2);
    const { height, rowRem, rem } = await standIn.locator('.skeleton-rows').evaluate((rows) => ({
      height: rows.getBoundingClientRect().height,
      rowRem: parseFloat(getComputedStyle(rows).getPropertyValue('--row')),
      rem: parseFloat(getComputedStyle(document.documentElement).fontSize),
    }));
    expect(height).toBeCloseTo(20 * rowRem * rem, 0); // the default page's 20 rows
    expect(await seriousViolations(page)).toEqual([]);
    await page.locator('tbody a.job-link').first().waitFor({ timeout: 15_000 });
    expect(await standIn.count()).toBe(0);
  } finally {
    await context.close();
    await resetFaults(stack.emulator.url);
  }
});

it.each([
  ['en-US', 'light', { width: 1280, height: 800 }],
  ['zh-CN', 'dark', { width: 360, height: 740 }],
] as const)('shows the jobs without JavaScript too (%s, %s), below the filters where the stand-in was', async (locale, colorScheme, viewport) => {
  const context = await browser.newContext({ locale, viewport, colorScheme, javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(url('/jobs'));
  // React streams the table after its stand-in and swaps them with a script, which does not run here.
  const first = page.locator('tbody a.job-link').first();
  expect(await first.isVisible()).toBe(true);
  expect(await page.locator('tbody tr').count()).toBe(20);
  expect(await page.locator('.table-scroll[aria-busy="true"]').isVisible()).toBe(false);
  const filters = (await page.locator('form.filter-bar').boundingBox())!;
  const link = (await first.boundingBox())!;
  expect(link.y).toBeGreaterThan(filters.y + filters.height);
  expect(link.x).toBeGreaterThan(0);
  expect((await overflow(page)).page).toBeLessThanOrEqual(0);
  // Not the harness's screenshot, which adds a style with a script.
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `list-no-script-${viewport.width}-${colorScheme}-${locale}.png`) });
  await context.close();
});

it('shows a job page without JavaScript too, on its first visit, when its content streams after the stand-in', async () => {
  const { Jobs } = await popCoreClient(stack.emulator.url).request<{ Jobs: { JobId: string; Status: string }[] }>('ListMediaInfoJobs', { Status: 'Init', PageSize: 100 });
  // A job nobody has opened in this run, in Init so the portal keeps nothing of it: its page streams.
  const job = Jobs.at(-1)!;
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(url(`/jobs/${job.JobId}`));
  expect(await page.locator('.stand-in').isVisible()).toBe(false);
  expect(await page.locator('.job-header h1').isVisible()).toBe(true);
  expect(await page.locator('dl.facts code').first().textContent()).toBe(job.JobId);
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'job-no-script-1280.png') });
  await context.close();
});

it('keeps the job column readable with every column chosen, the table scrolling sideways, and draws rows as they come near', async () => {
  const { page, close } = await open('en-US', '/jobs?PageSize=100&Columns=reason,media,duration,size,submitted,finished,processing,trigger');
  const rem = await page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
  const jobWidth = await page.locator('thead th[data-col="job"]').evaluate((th) => th.getBoundingClientRect().width);
  expect(jobWidth).toBeGreaterThanOrEqual(JOB_MIN_REM * rem - 1);
  const { page: pageOverflow, table: tableOverflow } = await overflow(page);
  expect(pageOverflow).toBe(0);
  expect(tableOverflow).toBeGreaterThan(0);
  // A row far below the window is not laid out until scrolled near (content-visibility), then it is.
  const drawn = (row: number) => page.locator('tbody tr').nth(row).locator('a.job-link').evaluate((link) => link.checkVisibility({ contentVisibilityAuto: true }));
  expect(await drawn(0)).toBe(true);
  expect(await drawn(99)).toBe(false);
  await page.locator('tbody tr').nth(99).evaluate((row) => row.scrollIntoView());
  await page.waitForFunction(() => document.querySelectorAll('tbody tr')[99]!.querySelector('a.job-link')!.checkVisibility({ contentVisibilityAuto: true }));
  await close();
});

it('keeps the column choice across a reload, and puts back the defaults on request', async () => {
  const { page, close } = await open('en-US', '/jobs?Status=Success');
  expect(await page.locator('thead th[data-col="media"]').count()).toBe(1);
  await page.locator('.chooser summary').click();
  await page.getByLabel('Media', { exact: true }).uncheck();
  await page.getByLabel('Trigger', { exact: true }).check();
  expect(await page.locator('thead th[data-col="media"]').count()).toBe(0);
  await page.reload();
  await page.locator('tbody a.job-link').first().waitFor();
  await page.waitForFunction(() => !document.querySelector('thead th[data-col="media"]'));
  expect(await page.locator('thead th[data-col="trigger"]').count()).toBe(1);
  // ICE's own words for a trigger, with the raw value on hover.
  expect(await page.locator('tbody td[data-col="trigger"] span[title="WorkFlow"]').first().textContent()).toBe('Workflow');
  await page.locator('.chooser summary').click();
  await page.getByRole('button', { name: 'Default columns' }).click();
  await page.waitForFunction(() => !!document.querySelector('thead th[data-col="media"]'));
  expect(await page.locator('thead th[data-col="trigger"]').count()).toBe(0);
  await close();
});

it('reads ICE’s words in Chinese on a Chinese page: triggers on the list, a job’s trigger and channel layouts', async () => {
  const { page, close } = await open('zh-CN', '/jobs?Columns=trigger');
  const triggers = await page.locator('tbody td[data-col="trigger"] span[title]').evaluateAll((cells) => cells.map((cell) => [cell.getAttribute('title'), cell.textContent]));
  expect(triggers.length).toBeGreaterThan(0);
  for (const [raw, shown] of triggers) expect(shown).toBe({ API: 'API', WorkFlow: '工作流', Console: '控制台' }[raw!]);
  // And on a job's page: its trigger, and its audio channel layouts (ICE's name on hover).
  type Listed = { JobId: string; TriggerSource?: string; MediaInfoProperty?: { AudioStreamInfoList?: { ChannelLayout?: string }[] } };
  const { Jobs } = await popCoreClient(stack.emulator.url).request<{ Jobs: Listed[] }>('ListMediaInfoJobs', { Status: 'Success', PageSize: 100 });
  const job = Jobs.find((j) => j.TriggerSource === 'WorkFlow' && j.MediaInfoProperty?.AudioStreamInfoList?.some((a) => a.ChannelLayout === 'stereo'))!;
  await page.goto(url(`/jobs/${job.JobId}`));
  expect(await page.locator('dl.facts dd span[title="WorkFlow"]').textContent()).toBe('工作流');
  expect(await page.locator('table td span[title="stereo"]').first().textContent()).toBe('2 (立体声)');
  await close();
});

it('works from the keyboard: / to search, j and k through the jobs, Enter to open, ] and [ to page, ? for the list', async () => {
  const { page, close } = await open('en-US', '/jobs?PageSize=10');
  const focused = () => page.evaluate(() => document.activeElement?.closest('tr')?.getAttribute('data-job-id') ?? document.activeElement?.id);
  const ids = await page.locator('tbody tr[data-job-id]').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-job-id')));
  // The keys work once the page has hydrated, a moment after its rows show.
  for (let tries = 0; tries < 50 && (await focused()) !== ids[0]; tries++) {
    await page.keyboard.press('j');
    if ((await focused()) !== ids[0]) await page.waitForTimeout(100);
  }
  expect(await focused()).toBe(ids[0]);
  await page.keyboard.press('j');
  await page.keyboard.press('j');
  await page.keyboard.press('k');
  expect(await focused()).toBe(ids[1]);
  // The row in focus is marked where it can be seen.
  expect(await page.locator('tbody tr:has(a.job-link:focus-visible)').getAttribute('data-job-id')).toBe(ids[1]);
  await screenshot(page, 'list-keyboard-focus');

  // Not while typing: a j in the search field is a letter.
  await page.keyboard.press('/');
  await page.waitForFunction(() => document.activeElement?.id === 's-search');
  await page.keyboard.type('jk');
  expect(await page.inputValue('#s-search')).toBe('jk');
  await page.locator('#s-search').fill('');
  await page.locator('body').click({ position: { x: 5, y: 400 } });
  // Nor with a modifier held.
  await page.keyboard.press('Control+j');
  expect(ids).not.toContain(await focused());

  await page.keyboard.press(']');
  await page.waitForFunction(() => document.querySelector('[aria-current="page"]')?.textContent === 'Page 2');
  await page.locator('tbody a.job-link').first().waitFor();
  await page.keyboard.press('[');
  await page.waitForFunction(() => document.querySelector('[aria-current="page"]')?.textContent === 'Page 1');

  await page.keyboard.press('?');
  const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await dialog.waitFor();
  expect(await dialog.textContent()).toContain('Next page');
  expect(await seriousViolations(page)).toEqual([]);
  await screenshot(page, 'list-shortcuts');
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'hidden' });

  await page.locator('tbody tr[data-job-id]').first().waitFor();
  await page.keyboard.press('j');
  const opened = await focused();
  await page.keyboard.press('Enter');
  await page.waitForURL(url(`/jobs/${opened}`));
  await close();
});

it('marks jobs long in Init as possibly stuck, and not one just submitted', async () => {
  const { MediaInfoJob } = await popCoreClient(stack.emulator.url).request<{ MediaInfoJob: { JobId: string } }>('SubmitMediaInfoJob', {
    Input: JSON.stringify({ Type: 'OSS', Media: 'oss://live/just-now.mp4' }),
  });
  const { page, close } = await open('en-US', '/jobs?Status=Init');
  await page.locator(`tr[data-job-id="${MediaInfoJob.JobId}"]`).waitFor();
  expect(await page.locator(`tr[data-job-id="${MediaInfoJob.JobId}"] .stuck`).count()).toBe(0);
  const stuck = page.locator('tbody .stuck').first();
  expect(await stuck.textContent()).toMatch(/^possibly stuck · \d/);
  expect(await stuck.getAttribute('title')).toBe('Still processing after more than 10 minutes: ICE may have lost this job.');
  await close();
});

it('says on the job page too that a job long in Init may be stuck, with its age, in both languages', async () => {
  const { MediaInfoJob } = await popCoreClient(stack.emulator.url).request<{ MediaInfoJob: { JobId: string } }>('SubmitMediaInfoJob', {
    Input: JSON.stringify({ Type: 'OSS', Media: 'oss://live/fresh.mp4' }),
  });
  const { page, close } = await open('en-US', '/jobs?Status=Init');
  const stuckRow = page.locator('tbody tr:has(.stuck)').first();
  await stuckRow.waitFor();
  const stuckId = await stuckRow.getAttribute('data-job-id');
  await close();
  const jobNote = async (locale: string, jobId: string | null) => {
    const context = await browser.newContext({ locale });
    const job = await context.newPage();
    await job.goto(url(`/jobs/${jobId}`));
    const note = job.locator('p.panel[role="status"]');
    await note.waitFor();
    const ticking = note.locator('[aria-live="off"]');
    const seen = {
      text: await note.textContent(),
      // The age, which moves every half minute, is kept out of the live region's announcements.
      ticking: (await ticking.count()) > 0 ? await ticking.textContent() : null,
      className: await note.getAttribute('class'),
      violations: await seriousViolations(job),
    };
    await context.close();
    return seen;
  };
  for (const [locale, says] of [
    ['en-US', /^ICE has been probing this file for \d+ (min \d+ sec|hr \d+ min), longer than the 10 minutes after which the portal calls a job possibly stuck/],
    ['zh-CN', /^ICE 分析此文件已达 \d+(分钟\d+秒|小时\d+分钟)，超过 10 分钟，作业可能已卡住/],
  ] as const) {
    const stuck = await jobNote(locale, stuckId);
    expect(stuck.text).toMatch(says);
    expect(stuck.className).toContain('stuck-note');
    expect(stuck.ticking).toMatch(/^\d+ ?(min|分钟) ?\d+ ?(sec|秒)$|^\d+ ?(hr|小时) ?\d+ ?(min|分钟)$/);
    expect(stuck.violations).toEqual([]);
  }
  const fresh = await jobNote('en-US', MediaInfoJob.JobId);
  expect(fresh.text).toBe('ICE is still probing this file. This page updates by itself when the job finishes.');
  expect(fresh.className).not.toContain('stuck-note');
  expect(fresh.ticking).toBeNull();
});

it('keeps a stuck card’s name readable at 360 px: the age wraps under the badge, whole', async () => {
  for (const locale of ['en-US', 'zh-CN']) {
    const { page, close } = await open(locale, '/jobs?Status=Init', { width: 360, height: 740 });
    const card = page.locator('tbody tr:has(.stuck)').first();
    await card.waitFor();
    const widths = await card.evaluate((row) => {
      const width = (selector: string) => row.querySelector(selector)!.getBoundingClientRect().width;
      const age = row.querySelector('.stuck .unbroken')!;
      return { row: row.getBoundingClientRect().width, job: width("td[data-col='job']"), status: width("td[data-col='status']"), ageLines: age.getClientRects().length, ageHeight: age.getBoundingClientRect().height, fontSize: parseFloat(getComputedStyle(age).fontSize) };
    });
    // The status column was as wide as "possibly stuck · 16 min 45 sec", leaving the name about 100 px of 330.
    expect(widths.status).toBeLessThanOrEqual(widths.row * 0.4);
    expect(widths.job).toBeGreaterThanOrEqual(widths.row * 0.45);
    expect(widths.ageLines).toBe(1);
    expect(widths.ageHeight).toBeLessThan(widths.fontSize * 2);
    await close();
  }
});

it('keeps relative times true as time passes on a job page', async () => {
  const { MediaInfoJob } = await popCoreClient(stack.emulator.url).request<{ MediaInfoJob: { JobId: string } }>('SubmitMediaInfoJob', {
    Input: JSON.stringify({ Type: 'OSS', Media: 'oss://live/ticking.mp4' }),
  });
  const context = await browser.newContext({ locale: 'en-US' });
  const page = await context.newPage();
  await page.goto(url(`/jobs/${MediaInfoJob.JobId}`));
  const ago = page.locator('.job-header + dl.facts dd').nth(1).locator('.muted');
  await ago.waitFor();
  const seconds = async () => Number(/\((\d+) seconds? ago\)/.exec((await ago.textContent()) ?? '')?.[1] ?? Number.NaN);
  // In its first second the job reads "now", not a count of seconds (a busy machine reads it that soon).
  await page.waitForFunction((element) => /\(\d+ seconds? ago\)/.test(element?.textContent ?? ''), await ago.elementHandle());
  const first = await seconds();
  await page.waitForTimeout(3500);
  expect(await seconds()).toBeGreaterThanOrEqual(first + 2);
  await context.close();
});

/** Holds the page's scripts back until the returned function is called, as a slow connection would. */
async function holdScripts(page: Page): Promise<() => void> {
  let release!: () => void;
  const scriptsHeld = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/_next/static/chunks/*.js', async (route) => {
    await scriptsHeld;
    await route.continue();
  });
  return release;
}

it('draws the More filters fields only when opened, also when opened before the page hydrated', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const release = await holdScripts(page);
  await page.goto(url('/jobs'), { waitUntil: 'commit' });
  await page.locator('tbody a.job-link').first().waitFor();
  // Closed, its sixteen fields are not in the server's page at all.
  expect(await page.locator('.more-filters input, .more-filters select').count()).toBe(0);
  await page.locator('.more-filters summary').click();
  expect(await page.locator('.more-filters').evaluate((details) => (details as HTMLDetailsElement).open)).toBe(true);
  release();
  // Once the page hydrates, the disclosure opened before it shows its fields, and they work.
  await page.locator('#s-video-codec').fill('hevc');
  await page.locator('#s-spec, #s-check').first().waitFor();
  await page.getByRole('button', { name: 'Apply' }).click();
  await page.waitForURL((address) => address.searchParams.get('VideoCodec') === 'hevc');
  // A set field opens the disclosure by itself, drawn by the server.
  expect(await page.locator('#s-video-codec').inputValue()).toBe('hevc');
  await context.close();
});

it('hydrates the server’s rows late without drawing them again, keeping what was chosen before', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  // The page's scripts wait until the choices are made in the server's HTML, as on a slow connection;
  // the first page holds jobs in Init for long, whose "possibly stuck" age the server wrote.
  const release = await holdScripts(page);
  await page.goto(url('/jobs?Status=Init'), { waitUntil: 'commit' });
  await page.locator('tbody a.job-link').first().waitFor();
  expect(await page.locator('tbody .stuck').count()).toBeGreaterThan(0);
  await page.locator('#f-status').selectOption('Fail');
  await page.locator('#f-since').selectOption('30d');
  await page.locator('#x-format').selectOption('ndjson');
  await page.evaluate(() => ((window as unknown as { serverTable: Element }).serverTable = document.querySelector('.jobs-table')!));
  // Seconds later, as a slow connection would: the server's times are then seconds old.
  await page.waitForTimeout(2500);
  release();
  // React marks the nodes it has hydrated with its own properties.
  await page.waitForFunction(() => ['f-status', 'x-format'].every((id) => Object.keys(document.getElementById(id) ?? {}).some((key) => key.startsWith('__react'))));
  await page.waitForTimeout(500);
  // A mismatch between the server's HTML and the browser's first render makes React draw the rows anew.
  expect(await page.evaluate(() => document.querySelector('.jobs-table') === (window as unknown as { serverTable: Element }).serverTable)).toBe(true);
  expect(errors).toEqual([]);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export', exact: true }).click()]);
  expect(download.suggestedFilename()).toMatch(/\.ndjson$/);
  await page.getByRole('button', { name: 'Apply' }).click();
  await page.waitForURL((address) => address.searchParams.get('Status') === 'Fail' && address.searchParams.get('Since') === '30d');
  await context.close();
});
