import { DEMO_CREDENTIALS } from '@/emulator/options';
import { control, popCoreClient, readStats, resetFaults, resetStats, setFaults } from '@/harness/emulator-control';
import { startEmulatorProcess, type EmulatorProcess } from '@/harness/emulator-process';
import { PortalError } from '@/lib/errors';
import { createIceClient, type IceClient } from '@/lib/ice/client';
import type { MediaInfoJob } from '@/lib/ice/schemas';
import type { ListQuery } from '@/lib/jobs/list-query';
import { parseListQuery } from '@/lib/jobs/parse-list-query';
import { PAGE_SIZE } from '@/lib/jobs/scan';
import { searchJobsPage, type SearchPage } from '@/lib/jobs/search';

// A search against the emulator process: every match once, across continued pages; tokens that
// resume exactly and refuse tampering; the default window said; new jobs do not shift the pages.

// The token key comes from the ICE key secret, as in the portal; the window bound is wide for the seeded 90 days.
process.env.ALIBABA_CLOUD_ACCESS_KEY_ID = DEMO_CREDENTIALS.accessKeyId;
process.env.ALIBABA_CLOUD_ACCESS_KEY_SECRET = DEMO_CREDENTIALS.accessKeySecret;
process.env.SCAN_MAX_DAYS = '120';

let emulator: EmulatorProcess;
let ice: IceClient;
const DAY = 86_400_000;
const nowMs = Date.now();
const iso = (ms: number) => new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
const window = { StartOfCreateTime: iso(nowMs - 100 * DAY), EndOfCreateTime: iso(nowMs) };
const planted = Array.from({ length: 5 }, (_, i) => `needle${String(i).padStart(26, '0')}`);

beforeAll(async () => {
  emulator = await startEmulatorProcess(['--jobs', '10000', '--seed', '77']);
  ice = createIceClient({ ...DEMO_CREDENTIALS, region: 'cn-shanghai', endpoint: emulator.url, timeoutMs: 5000, maxConcurrency: 8 });
  for (const [i, JobId] of planted.entries()) {
    const at = nowMs - (5 + i * 17) * DAY; // spread over the window, so they fall in different slices and pages
    const job = { JobId, Status: 'Success', Name: `ep-12_Final_cut_${i}.mov`, SubmitTime: iso(at), FinishTime: iso(at + 4000), Input: { Type: 'OSS', Media: `oss://media/ep-12_final_${i}.mov` } };
    expect((await control(emulator.url, 'POST', 'jobs', job)).status).toBe(201);
  }
});

afterAll(() => emulator.stop());

const query = (params: Record<string, string>): ListQuery => parseListQuery(params);

async function allPages(params: Record<string, string>): Promise<{ pages: SearchPage[]; jobs: MediaInfoJob[] }> {
  const pages: SearchPage[] = [];
  let token: string | undefined;
  do {
    const page = await searchJobsPage(query({ ...params, ...(token ? { NextPageToken: token } : {}) }), { client: ice });
    pages.push(page);
    token = page.NextPageToken;
  } while (token && pages.length < 50);
  return { pages, jobs: pages.flatMap((p) => p.Jobs) };
}

async function crawlCount(): Promise<number> {
  let count = 0;
  let token: string | undefined;
  do {
    const page = await ice.listMediaInfoJobs({ ...window, PageSize: PAGE_SIZE, NextPageToken: token });
    count += page.Jobs.length;
    token = page.NextPageToken;
  } while (token);
  return count;
}

it('finds all 5 matches among 10,000 jobs, each once, across continued pages', async () => {
  const total = await crawlCount();
  expect(total).toBeGreaterThanOrEqual(10_000);
  const { pages, jobs } = await allPages({ ...window, Search: 'EP-12_final', PageSize: '2' });
  expect(jobs.map((j) => j.JobId).sort()).toEqual([...planted].sort());
  expect(pages.length).toBeGreaterThanOrEqual(3);
  const last = pages[pages.length - 1]!;
  expect(last.NextPageToken).toBeUndefined();
  expect(last).toMatchObject({ ScannedJobs: total, Matches: 5, Window: { ...window, Defaulted: false } });
  // Progress grows page by page.
  expect(pages.map((p) => p.ScannedJobs)).toEqual([...pages.map((p) => p.ScannedJobs)].sort((a, b) => a - b));
});

it('resumes exactly in the second it stopped in, with one match per page', async () => {
  const { jobs } = await allPages({ ...window, Search: 'ep-12', PageSize: '1', OrderBy: 'CreateTimeAsc' });
  expect(jobs.map((j) => j.JobId)).toEqual([...planted].reverse());
});

it('keeps its pages steady while new jobs arrive', async () => {
  const first = await searchJobsPage(query({ Search: 'ep-12_final', PageSize: '2', ...window }), { client: ice });
  await popCoreClient(emulator.url).request('SubmitMediaInfoJob', { Input: JSON.stringify({ Type: 'OSS', Media: 'oss://media/ep-12_final_late.mov' }) }, { method: 'POST' });
  const { jobs } = await allPages({ Search: 'ep-12_final', PageSize: '2', ...window, NextPageToken: first.NextPageToken! });
  const ids = [...first.Jobs, ...jobs].map((j) => j.JobId);
  expect(new Set(ids).size).toBe(ids.length);
  expect(ids.sort()).toEqual([...planted].sort());
});

it('searches the last 7 days without a time range, and says so', async () => {
  const page = await searchJobsPage(query({ Search: 'mov' }), { client: ice, nowMs });
  expect(page.Window).toEqual({ StartOfCreateTime: iso(nowMs - 7 * DAY), EndOfCreateTime: iso(nowMs), Defaulted: true });
});

it('refuses a tampered token, and a token made for other filters, with a 400 naming NextPageToken', async () => {
  const first = await searchJobsPage(query({ ...window, Search: 'ep-12', PageSize: '1' }), { client: ice });
  const token = first.NextPageToken!;
  const [v, body, tag] = token.split('.');
  const altered = JSON.parse(Buffer.from(body!, 'base64url').toString()) as { scanned: number };
  altered.scanned = 0;
  const forged = `${v}.${Buffer.from(JSON.stringify(altered)).toString('base64url')}.${tag}`;
  for (const params of [{ ...window, Search: 'ep-12', PageSize: '1', NextPageToken: forged }, { ...window, Search: 'other', PageSize: '1', NextPageToken: token }]) {
    await expect(searchJobsPage(query(params), { client: ice })).rejects.toMatchObject({ constructor: PortalError, status: 400, field: 'NextPageToken' });
  }
});

it('stops its upstream calls when the caller aborts', async () => {
  await resetStats(emulator.url);
  await setFaults(emulator.url, { latencyMs: 40 });
  const controller = new AbortController();
  // A fresh client: the shared one would serve pages read in the last second again, without latency.
  const fresh = createIceClient({ ...DEMO_CREDENTIALS, region: 'cn-shanghai', endpoint: emulator.url, timeoutMs: 5000, maxConcurrency: 8 });
  const pending = searchJobsPage(query({ ...window, Search: 'no-such-file-anywhere' }), { client: fresh, signal: controller.signal });
  await new Promise((r) => setTimeout(r, 150));
  controller.abort();
  await expect(pending).rejects.toMatchObject({ code: 'aborted' });
  const atAbort = (await readStats(emulator.url)).requests;
  await new Promise((r) => setTimeout(r, 300));
  expect((await readStats(emulator.url)).requests).toBe(atAbort);
  await resetFaults(emulator.url);
});

it('pages a relative window (Since) with the same Since after the minute has turned, over the window of its first page', async () => {
  const params = { Since: '30d', Search: 'ep-12', PageSize: '1' };
  const first = await searchJobsPage(parseListQuery(params, nowMs), { client: ice, nowMs });
  expect(first.NextPageToken).toBeDefined();
  // Two minutes on, Since resolves to another start; the token still holds the first page's window.
  const later = nowMs + 120_000;
  const second = await searchJobsPage(parseListQuery({ ...params, NextPageToken: first.NextPageToken! }, later), { client: ice, nowMs: later });
  expect(second.Window).toEqual(first.Window);
  expect(second.ScannedJobs).toBeGreaterThan(first.ScannedJobs);
  expect(second.Matches).toBe(first.Matches + second.Jobs.length);
  // A token is still bound to its filters: another Since is another search.
  await expect(searchJobsPage(parseListQuery({ ...params, Since: '7d', NextPageToken: first.NextPageToken! }, later), { client: ice, nowMs: later })).rejects.toMatchObject({ field: 'NextPageToken' });
});
