// Big data in a real browser: the longest main-thread task while a 40-stream job and a 1 MB job load
// (and the 1 MB job's raw JSON opens), and while the job list loads with 20 and 100 rows, read from
// Chromium's trace of the page's main thread. Not from the Long Tasks API: it reports only tasks of
// 50 ms or more, so a faster machine (or one with fewer fonts to match) printed 0 ms, a PASS that
// measured nothing, and a ratio of 0 / 0. Beside the 100-row list, the bare Next.js page that renders the
// same 100 jobs as a plain 13-column table (bare-next.ts): the floor of laying out that many rows here.
import path from 'node:path';
import { heavyJob } from '../emulator/fixtures';
import { control } from '../harness/emulator-control';
import { launchBrowser } from '../harness/browser';
import type { Browser, Page } from 'playwright-core';
import { startBareNext } from './bare-next';
import type { Figure } from './report';
import { percentile, type BenchStack } from './stack';

/** Loads of each list page measured (after one that compiles its scripts). */
const LOADS = 7;

export async function bigDataFigures(stack: BenchStack): Promise<Figure[]> {
  const manyStreams = heavyJob({ jobId: 'bench-forty-streams-000000000001', videoStreams: 10, audioStreams: 30 });
  const oneMegabyte = heavyJob({ jobId: 'bench-one-megabyte-0000000000001', videoStreams: 2, audioStreams: 4, totalBytes: 1_000_000 });
  for (const job of [manyStreams, oneMegabyte]) await control(stack.emulator.url, 'POST', 'jobs', job);

  const browser = await launchBrowser();
  try {
    const measure = async (jobId: string, openRaw: boolean) => {
      const context = await browser.newContext({ extraHTTPHeaders: stack.signedIn });
      const page = await context.newPage();
      const url = `${stack.portal.url}/jobs/${jobId}`;
      const longest = await longestTask(browser, page, url, async () => {
        await page.goto(url);
        await page.getByRole('table').first().waitFor();
        if (openRaw) {
          await page.getByRole('heading', { name: 'Raw JSON' }).click();
          await page.locator('pre.raw').waitFor();
        }
        await page.waitForTimeout(500);
      });
      await context.close();
      return longest;
    };
    /**
     * Pages that load `rows` rows, each in its own tab, loaded in turn (one load of each, then again), so
     * that a busy moment of the machine falls on all of them alike: for each, the median over LOADS loads
     * of each load's longest main-thread task. The first load of each also compiles the page's scripts,
     * which a person opening the list every day has cached, so it is not counted.
     */
    const sideBySide = async (pages: { url: string; headers: Record<string, string> }[], rows: number) => {
      const tabs = await Promise.all(
        pages.map(async ({ url, headers }) => {
          const context = await browser.newContext({ extraHTTPHeaders: headers });
          const page = await context.newPage();
          return { url, context, page, longest: [] as number[] };
        }),
      );
      for (let load = 0; load <= LOADS; load++) {
        for (const tab of tabs) {
          const longest = await longestTask(browser, tab.page, tab.url, async () => {
            await tab.page.goto(tab.url);
            await tab.page.locator('tbody a').nth(rows - 1).waitFor({ state: 'attached' });
            await tab.page.waitForTimeout(500);
          });
          if (load > 0) tab.longest.push(longest);
        }
      }
      await Promise.all(tabs.map((tab) => tab.context.close()));
      return tabs.map((tab) => percentile(tab.longest, 50));
    };
    const portalList = (rows: number) => ({
      url: `${stack.portal.url}/jobs?PageSize=${rows}&Columns=reason,media,duration,size,submitted,finished,processing,trigger`,
      headers: stack.signedIn,
    });
    const bare = await startBareNext(path.resolve(__dirname, '..'), stack.emulator.url);
    let list100: number, bare100: number;
    try {
      [list100, bare100] = (await sideBySide([portalList(100), { url: `${bare.url}${bare.listPagePath}?PageSize=100`, headers: {} }], 100)) as [number, number];
    } finally {
      await bare.stop();
    }
    const [list20] = (await sideBySide([portalList(20)], 20)) as [number];
    return [
      { name: 'job with 40 streams: longest main-thread task', value: await measure(manyStreams.JobId, false), unit: 'ms', target: { atMost: 200 } },
      { name: '1 MB job, raw JSON opened: longest main-thread task', value: await measure(oneMegabyte.JobId, true), unit: 'ms', target: { atMost: 200 } },
      { name: `job list, 20 rows with every column on: longest main-thread task, median of ${LOADS} loads`, value: list20, unit: 'ms' },
      { name: `job list, 100 rows with every column on: longest main-thread task, median of ${LOADS} loads`, value: list100, unit: 'ms', target: { atMost: 100 } },
      { name: '  bare Next.js page, the same 100 jobs as a plain table, loaded in turn with it: longest task', value: bare100, unit: 'ms' },
      { name: '  job list / bare table', value: list100 / bare100, unit: '×' },
    ];
  } finally {
    await browser.close();
  }
}

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  dur?: number;
  args?: { name?: string; beginData?: { url?: string } };
}

/**
 * The longest task, in ms, on the main thread of the renderer that parsed `url` while `load` ran: the
 * trace's RunTask events there (script, style, layout and paint alike, as the Long Tasks API counts
 * them, but of any length). Throws when the trace holds no such thread, so a figure is never a silent 0.
 */
async function longestTask(browser: Browser, page: Page, url: string, load: () => Promise<void>): Promise<number> {
  await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline'] });
  let trace: Buffer;
  try {
    await load();
  } finally {
    trace = await browser.stopTracing();
  }
  const parsed = JSON.parse(trace.toString('utf8')) as { traceEvents?: TraceEvent[] } | TraceEvent[];
  const events = Array.isArray(parsed) ? parsed : (parsed.traceEvents ?? []);
  const threadKey = (event: TraceEvent) => `${event.pid}:${event.tid}`;
  const mainThreads = new Set(events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map(threadKey));
  const pageThreads = new Set(
    events.filter((e) => e.name === 'ParseHTML' && e.args?.beginData?.url?.startsWith(url) && mainThreads.has(threadKey(e))).map(threadKey),
  );
  if (pageThreads.size === 0) throw new Error(`the trace of ${url} holds no main thread that parsed it`);
  const tasks = events.filter((e) => e.name === 'RunTask' && e.ph === 'X' && pageThreads.has(threadKey(e))).map((e) => (e.dur ?? 0) / 1000);
  return Math.max(0, ...tasks);
}
