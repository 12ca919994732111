// Big data in a real browser: the longest main-thread task while a 40-stream job and a 1 MB job load
// (and the 1 MB job's raw JSON opens), and while the job list loads with 20 and 100 rows, read from
// Chromium's own long-task entries. Beside the 100-row list, the bare Next.js page that renders the
// same 100 jobs as a plain 13-column table (bare-next.ts): the floor of laying out that many rows here.
import path from 'node:path';
import { heavyJob } from '../emulator/fixtures';
import { control } from '../harness/emulator-control';
import { launchBrowser } from '../harness/browser';
import type { Page } from 'playwright-core';
import { startBareNext } from './bare-next';
import type { Figure } from './report';
import { percentile, type BenchStack } from './stack';

declare global {
  interface Window {
    longTasks: number[];
  }
}

export async function bigDataFigures(stack: BenchStack): Promise<Figure[]> {
  const manyStreams = heavyJob({ jobId: 'bench-forty-streams-000000000001', videoStreams: 10, audioStreams: 30 });
  const oneMegabyte = heavyJob({ jobId: 'bench-one-megabyte-0000000000001', videoStreams: 2, audioStreams: 4, totalBytes: 1_000_000 });
  for (const job of [manyStreams, oneMegabyte]) await control(stack.emulator.url, 'POST', 'jobs', job);

  const browser = await launchBrowser();
  try {
    const measure = async (jobId: string, openRaw: boolean) => {
      const context = await browser.newContext({ extraHTTPHeaders: stack.signedIn });
      const page = await context.newPage();
      await recordLongTasks(page);
      await page.goto(`${stack.portal.url}/jobs/${jobId}`);
      await page.getByRole('table').first().waitFor();
      if (openRaw) {
        await page.getByRole('heading', { name: 'Raw JSON' }).click();
        await page.locator('pre.raw').waitFor();
      }
      await page.waitForTimeout(500);
      const tasks = await page.evaluate(() => window.longTasks);
      await context.close();
      return Math.max(0, ...tasks);
    };
    /**
     * The list with `rows` rows and every column on (the URL's Columns), loaded and hydrated: the
     * median, over five loads in one tab, of each load's longest main-thread task. The first load also
     * compiles the page's scripts, which a person opening the list every day has cached.
     */
    const list = async (url: string, headers: Record<string, string>, rows: number) => {
      const context = await browser.newContext({ extraHTTPHeaders: headers });
      const page = await context.newPage();
      await recordLongTasks(page);
      const longest: number[] = [];
      for (let load = 0; load < 5; load++) {
        await page.goto(url);
        await page.locator('tbody a').nth(rows - 1).waitFor({ state: 'attached' });
        await page.waitForTimeout(500);
        longest.push(Math.max(0, ...(await page.evaluate(() => window.longTasks))));
      }
      await context.close();
      return percentile(longest, 50);
    };
    const portalList = (rows: number) =>
      list(`${stack.portal.url}/jobs?PageSize=${rows}&Columns=reason,media,duration,size,submitted,finished,processing,trigger`, stack.signedIn, rows);
    const bare = await startBareNext(path.resolve(__dirname, '..'), stack.emulator.url);
    let list100: number, bare100: number;
    try {
      list100 = await portalList(100);
      bare100 = await list(`${bare.url}${bare.listPagePath}?PageSize=100`, {}, 100);
    } finally {
      await bare.stop();
    }
    return [
      { name: 'job with 40 streams: longest main-thread task', value: await measure(manyStreams.JobId, false), unit: 'ms', target: { atMost: 200 } },
      { name: '1 MB job, raw JSON opened: longest main-thread task', value: await measure(oneMegabyte.JobId, true), unit: 'ms', target: { atMost: 200 } },
      { name: 'job list, 20 rows with every column on: longest main-thread task, median of 5 loads', value: await portalList(20), unit: 'ms' },
      { name: 'job list, 100 rows with every column on: longest main-thread task, median of 5 loads', value: list100, unit: 'ms', target: { atMost: 100 } },
      { name: '  bare Next.js page, the same 100 jobs as a plain table: longest task', value: bare100, unit: 'ms' },
      { name: '  job list / bare table', value: list100 / bare100, unit: '×' },
    ];
  } finally {
    await browser.close();
  }
}

/** From the page's first script on, every long task's duration lands in window.longTasks. */
async function recordLongTasks(page: Page): Promise<void> {
  await page.addInitScript(() => {
    window.longTasks = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) window.longTasks.push(entry.duration);
    }).observe({ type: 'longtask', buffered: true });
  });
}
