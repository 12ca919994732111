import { getEventListeners } from 'node:events';
import { createIceClient, type IceClient } from '@/lib/ice/client';
import type { MediaInfoJob } from '@/lib/ice/schemas';
import { BUDGET_PAGES, CONCURRENCY, PAGE_SIZE, scanJobs, type ScanFilters } from '@/lib/jobs/scan';
import { DEMO_CREDENTIALS } from '@/emulator/options';
import { control, readStats, resetFaults, resetStats, setFaults } from '@/harness/emulator-control';
import { startEmulatorProcess, type EmulatorProcess } from '@/harness/emulator-process';

// The scan engine against the emulator process: the same jobs as a plain crawl, once each and in
// order, across slices; abort stops upstream calls; bounds are reported, never silent.

let emulator: EmulatorProcess;
let ice: IceClient;
const DAY = 86_400_000;
let nowMs: number;

beforeAll(async () => {
  emulator = await startEmulatorProcess(['--jobs', '3000', '--seed', '41']);
  ice = createIceClient({ ...DEMO_CREDENTIALS, region: 'cn-shanghai', endpoint: emulator.url, timeoutMs: 5000, maxConcurrency: 8 });
  nowMs = Date.now();
});

afterAll(() => emulator.stop());

beforeEach(async () => {
  await resetFaults(emulator.url);
  await resetStats(emulator.url);
});

const iso = (ms: number) => new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');

/** The baseline: one token chain, page after page, as a script would crawl. */
async function crawl(filters: ScanFilters): Promise<string[]> {
  const ids: string[] = [];
  let token: string | undefined;
  do {
    const page = await ice.listMediaInfoJobs({ ...filters, PageSize: PAGE_SIZE, NextPageToken: token });
    ids.push(...page.Jobs.map((j) => j.JobId));
    token = page.NextPageToken;
  } while (token);
  return ids;
}

async function collect(scan: AsyncIterable<MediaInfoJob>): Promise<MediaInfoJob[]> {
  const jobs: MediaInfoJob[] = [];
  for await (const job of scan) jobs.push(job);
  return jobs;
}

describe('scanJobs', () => {
  it.each([
    ['newest first', 'CreateTimeDesc' as const],
    ['oldest first', 'CreateTimeAsc' as const],
  ])('yields exactly the jobs of a plain crawl, once each and %s, across 6 slices', async (_, OrderBy) => {
    const filters: ScanFilters = { StartOfCreateTime: iso(nowMs - 30 * DAY), EndOfCreateTime: iso(nowMs), OrderBy };
    const expected = await crawl(filters);
    expect(expected.length).toBeGreaterThan(500);
    const scan = scanJobs({ filters, client: ice, slices: 6, nowMs });
    const ids = (await collect(scan)).map((j) => j.JobId);
    expect(ids).toEqual(expected);
    expect(scan.summary).toEqual({ scannedJobs: expected.length, from: filters.StartOfCreateTime, to: filters.EndOfCreateTime });
  });

  it('keeps a job submitted exactly on a slice boundary once', async () => {
    const boundary = Math.floor((nowMs - 2 * DAY) / 1000) * 1000;
    const job = { JobId: 'edge0000000000000000000000000001', Status: 'Success', SubmitTime: iso(boundary), FinishTime: iso(boundary + 5000), Input: { Type: 'OSS', Media: 'oss://bucket/edge.mp4' } };
    expect((await control(emulator.url, 'POST', 'jobs', job)).status).toBe(201);
    // Two slices of the four days around it meet exactly at its second.
    const filters: ScanFilters = { StartOfCreateTime: iso(boundary - 2 * DAY), EndOfCreateTime: iso(boundary + 2 * DAY) };
    const ids = (await collect(scanJobs({ filters, client: ice, slices: 2, nowMs }))).map((j) => j.JobId);
    expect(ids.filter((id) => id === job.JobId)).toHaveLength(1);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(await crawl(filters));
  });

  it('reads a bounded number of pages ahead, and stops upstream calls when the caller aborts', async () => {
    await setFaults(emulator.url, { latencyMs: 50 });
    const filters: ScanFilters = { StartOfCreateTime: iso(nowMs - 60 * DAY), EndOfCreateTime: iso(nowMs) };
    const controller = new AbortController();
    const scan = scanJobs({ filters, client: ice, slices: 4, nowMs, maxDays: 90, signal: controller.signal });
    let seen = 0;
    await expect(
      (async () => {
        for await (const _ of scan) {
          seen += 1;
          if (seen === 150) controller.abort();
        }
      })(),
    ).rejects.toMatchObject({ code: 'aborted' });
    const atAbort = (await readStats(emulator.url)).requests;
    // The pages read (150 jobs: 2), the shared read-ahead budget, the current slice's 2, and the calls in flight.
    expect(atAbort).toBeLessThanOrEqual(2 + BUDGET_PAGES + 2 + CONCURRENCY);
    await new Promise((r) => setTimeout(r, 400));
    expect((await readStats(emulator.url)).requests).toBe(atAbort);
  });

  it('keeps none of the pages it read for reuse: the same walk again calls ICE again', async () => {
    // A fast scan reads thousands of jobs a second; kept for the client's 1 s reuse they held a
    // second's worth of jobs in memory for answers nobody asks for twice.
    const filters: ScanFilters = { StartOfCreateTime: iso(nowMs - 10 * DAY), EndOfCreateTime: iso(nowMs) };
    const client = createIceClient({ ...DEMO_CREDENTIALS, region: 'cn-shanghai', endpoint: emulator.url, timeoutMs: 5000, maxConcurrency: 8 });
    const first = (await collect(scanJobs({ filters, client, slices: 2, nowMs }))).map((j) => j.JobId);
    const oneWalk = (await readStats(emulator.url)).requests;
    expect(oneWalk).toBeGreaterThan(2);
    const again = (await collect(scanJobs({ filters, client, slices: 2, nowMs }))).map((j) => j.JobId);
    expect(again).toEqual(first);
    expect((await readStats(emulator.url)).requests).toBe(2 * oneWalk);
  });

  it("leaves no listener on the caller's signal, however often the reader waited", async () => {
    // One listener (or one promise's reaction) left per wait grew an export of 100,000 jobs by tens of MB.
    const filters: ScanFilters = { StartOfCreateTime: iso(nowMs - 30 * DAY), EndOfCreateTime: iso(nowMs) };
    const controller = new AbortController();
    let jobs = 0;
    let most = 0;
    for await (const _ of scanJobs({ filters, client: ice, slices: 4, nowMs, signal: controller.signal })) {
      jobs += 1;
      most = Math.max(most, getEventListeners(controller.signal, 'abort').length);
    }
    expect(jobs).toBeGreaterThan(500);
    expect(most).toBeLessThanOrEqual(1);
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
  });

  it('ends a read that is waiting for ICE as soon as the caller aborts', async () => {
    await setFaults(emulator.url, { latencyMs: 3000 });
    const controller = new AbortController();
    const filters: ScanFilters = { StartOfCreateTime: iso(nowMs - 5 * DAY), EndOfCreateTime: iso(nowMs) };
    const reading = (async () => {
      for await (const _ of scanJobs({ filters, client: ice, slices: 2, nowMs, signal: controller.signal })) throw new Error('no page can have arrived');
    })();
    await new Promise((r) => setTimeout(r, 100));
    const abortedAt = performance.now();
    controller.abort();
    await expect(reading).rejects.toMatchObject({ code: 'aborted' });
    // Well before the 3 s page could have answered.
    expect(performance.now() - abortedAt).toBeLessThan(1500);
  });

  it('stops at maxJobs and says where', async () => {
    const filters: ScanFilters = { StartOfCreateTime: iso(nowMs - 30 * DAY), EndOfCreateTime: iso(nowMs) };
    const scan = scanJobs({ filters, client: ice, nowMs, maxJobs: 250 });
    const jobs = await collect(scan);
    expect(jobs).toHaveLength(250);
    expect(scan.summary).toEqual({ scannedJobs: 250, from: filters.StartOfCreateTime, to: filters.EndOfCreateTime, stopped: { reason: 'max_jobs', at: jobs[249]!.SubmitTime } });
  });

  it('covers at most maxDays of a longer range, in scan order, and says where it stopped', async () => {
    const filters: ScanFilters = { StartOfCreateTime: iso(nowMs - 80 * DAY), EndOfCreateTime: iso(nowMs) };
    const scan = scanJobs({ filters, client: ice, nowMs, maxDays: 10 });
    const jobs = await collect(scan);
    const cut = iso(nowMs - 10 * DAY);
    expect(scan.summary).toMatchObject({ from: cut, to: filters.EndOfCreateTime, stopped: { reason: 'max_days', at: cut } });
    expect(jobs.every((j) => j.SubmitTime! >= cut)).toBe(true);
    expect(jobs.map((j) => j.JobId)).toEqual(await crawl({ StartOfCreateTime: cut, EndOfCreateTime: filters.EndOfCreateTime }));
  });

  it('walks the last defaultDays when the filters give no start, and says so', async () => {
    const scan = scanJobs({ filters: { Status: 'Fail' }, client: ice, nowMs, defaultDays: 7 });
    const jobs = await collect(scan);
    expect(scan.summary).toMatchObject({ from: iso(nowMs - 7 * DAY), to: iso(nowMs) });
    expect(jobs.every((j) => j.Status === 'Fail')).toBe(true);
  });
});

describe('identical scans in flight', () => {
  it('share one upstream walk, each reading every job at its own pace', async () => {
    const filters: ScanFilters = { StartOfCreateTime: iso(nowMs - 60 * DAY), EndOfCreateTime: iso(nowMs) };
    const fresh = () => createIceClient({ ...DEMO_CREDENTIALS, region: 'cn-shanghai', endpoint: emulator.url, timeoutMs: 5000, maxConcurrency: 8 });
    const alone = fresh();
    await resetStats(emulator.url);
    const expected = (await collect(scanJobs({ filters, client: alone, nowMs, maxDays: 90 }))).map((j) => j.JobId);
    const oneWalk = (await readStats(emulator.url)).requests;
    expect(expected.length).toBeGreaterThan((BUDGET_PAGES + 2) * PAGE_SIZE); // more than the walk reads ahead

    const together = fresh();
    await resetStats(emulator.url);
    const slow = (async () => {
      const ids: string[] = [];
      for await (const job of scanJobs({ filters, client: together, nowMs, maxDays: 90 })) {
        ids.push(job.JobId);
        // Slower than the fast reader: without a shared walk every page would be read twice (a scan's pages are not reused).
        if (ids.length % 100 === 0) await new Promise((r) => setTimeout(r, 150));
      }
      return ids;
    })();
    const fast = collect(scanJobs({ filters, client: together, nowMs, maxDays: 90 })).then((jobs) => jobs.map((j) => j.JobId));
    const [a, b] = await Promise.all([slow, fast]);
    expect(a).toEqual(expected);
    expect(b).toEqual(expected);
    expect((await readStats(emulator.url)).requests).toBe(oneWalk);
  });

  it('keeps walking for the others when one reader stops early', async () => {
    const filters: ScanFilters = { StartOfCreateTime: iso(nowMs - 20 * DAY), EndOfCreateTime: iso(nowMs) };
    const client = createIceClient({ ...DEMO_CREDENTIALS, region: 'cn-shanghai', endpoint: emulator.url, timeoutMs: 5000, maxConcurrency: 8 });
    const expected = await crawl(filters);
    const quitter = (async () => {
      let n = 0;
      for await (const _ of scanJobs({ filters, client, nowMs })) if (++n === 50) break;
      return n;
    })();
    const stayer = collect(scanJobs({ filters, client, nowMs }));
    expect(await quitter).toBe(50);
    expect((await stayer).map((j) => j.JobId)).toEqual(expected);
  });
});
