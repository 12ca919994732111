// Big data in a real browser: the longest main-thread task while a 40-stream job and a 1 MB job load
// (and the 1 MB job's raw JSON opens), read from Chromium's own long-task entries.
import { heavyJob } from '../emulator/fixtures';
import { control } from '../harness/emulator-control';
import { launchBrowser } from '../harness/browser';
import type { Figure } from './report';
import type { BenchStack } from './stack';

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
      await page.addInitScript(() => {
        window.longTasks = [];
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) window.longTasks.push(entry.duration);
        }).observe({ type: 'longtask', buffered: true });
      });
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
    return [
      { name: 'job with 40 streams: longest main-thread task', value: await measure(manyStreams.JobId, false), unit: 'ms', target: { atMost: 200 } },
      { name: '1 MB job, raw JSON opened: longest main-thread task', value: await measure(oneMegabyte.JobId, true), unit: 'ms', target: { atMost: 200 } },
    ];
  } finally {
    await browser.close();
  }
}
