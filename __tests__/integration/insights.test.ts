import { readStats, resetFaults, resetStats, setFaults } from '@/harness/emulator-control';
import { crawlJobs } from '@/__tests__/support/crawl-jobs';
import { startPortalStack, type PortalStack } from '@/harness/portal-stack';
import type { Insights, InsightsLine } from '@/lib/insights/figures';
import { failureGroupChanges, jobsHref, mediaChanges, timelineSlots } from '@/lib/insights/insight-links';
import { parseListQuery } from '@/lib/jobs/parse-list-query';

// GET /api/insights against the emulator, every figure checked against a computation of its own from
// the same jobs read page by page through /api/jobs (ICE's own paging, not the scan).

let stack: PortalStack;
const NOW = Date.now();
const DAY = 86_400_000;
const iso = (ms: number) => new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
const WINDOW = { StartOfCreateTime: iso(NOW - 20 * DAY), EndOfCreateTime: iso(NOW) };

interface Job {
  JobId: string;
  Status: string;
  SubmitTime?: string;
  FinishTime?: string;
  TriggerSource?: string;
  ScheduleConfig?: { PipelineId?: string };
  MediaInfoProperty?: { VideoStreamInfoList?: { Codec_name?: string }[]; AudioStreamInfoList?: unknown[] };
}

beforeAll(async () => {
  stack = await startPortalStack({ emulatorArgs: ['--jobs', '1500', '--seed', '71'], portalEnv: { AUTH_RATE_LIMIT_PER_MINUTE: '100000', SCAN_CALLS_PER_MINUTE: '100000', INSIGHTS_CACHE_SECONDS: '2' } });
});

afterAll(() => stack?.stop());

const crawl = (params: Record<string, string>) => crawlJobs<Job>(stack.portal.url, params);

const insights = async (params: Record<string, string>) => {
  const answer = await fetch(`${stack.portal.url}/api/insights?${new URLSearchParams(params)}`);
  return { status: answer.status, body: (await answer.json()) as Insights & { error?: unknown } };
};

it('counts, groups, times and mixes exactly what the jobs say', async () => {
  const [jobs, { status, body }] = await Promise.all([crawl(WINDOW), insights(WINDOW)]);
  expect(status).toBe(200);
  expect(jobs.length).toBeGreaterThan(100);
  expect(body.Total).toBe(jobs.length);
  expect(body.ScannedJobs).toBe(jobs.length);
  const count = (status: string) => jobs.filter((job) => job.Status === status).length;
  expect(body.ByStatus).toEqual({ Success: count('Success'), Fail: count('Fail'), Init: count('Init'), Other: jobs.length - count('Success') - count('Fail') - count('Init') });
  const timeline = body.Timeline;
  expect(timeline.reduce((sum, slot) => sum + Object.values(slot.ByStatus).reduce((a, b) => a + b, 0), 0)).toBe(jobs.length - jobs.filter((job) => !job.SubmitTime).length);
  const failures = body.Failures;
  expect(failures.reduce((sum, group) => sum + group.Count, 0)).toBe(count('Fail'));
  expect(failures.reduce((sum, group) => sum + group.Share, 0)).toBeCloseTo(1, 6);

  const ms = (job: Job) => Date.parse(job.FinishTime!) - Date.parse(job.SubmitTime!);
  const finished = jobs.filter((job) => (job.Status === 'Success' || job.Status === 'Fail') && job.FinishTime && job.SubmitTime && ms(job) >= 0);
  const times = finished.map(ms).sort((a, b) => a - b);
  const time = body.ProcessingTime;
  expect(time.Overall).toEqual({ Count: times.length, P50: times[Math.ceil(times.length * 0.5) - 1], P90: times[Math.ceil(times.length * 0.9) - 1], P99: times[Math.ceil(times.length * 0.99) - 1], Max: times.at(-1) });
  const pipelines = new Map<string, number>();
  for (const job of finished) pipelines.set(job.ScheduleConfig?.PipelineId || '—', (pipelines.get(job.ScheduleConfig?.PipelineId || '—') ?? 0) + 1);
  expect(Object.fromEntries(Object.entries(time.ByPipeline).map(([id, summary]) => [id, summary.Count]))).toEqual(Object.fromEntries(pipelines));
  expect(time.Slowest[0]!.Ms).toBe(times.at(-1));

  const media = body.Media;
  const codecs = new Map<string, number>();
  for (const job of jobs) for (const name of new Set((job.MediaInfoProperty?.VideoStreamInfoList ?? []).map((s) => s.Codec_name))) if (name) codecs.set(name, (codecs.get(name) ?? 0) + 1);
  expect(media.VideoCodecs).toEqual(Object.fromEntries(codecs));
  expect(media.AudioOnly).toBe(jobs.filter((job) => job.MediaInfoProperty && (job.MediaInfoProperty.AudioStreamInfoList ?? []).length > 0 && (job.MediaInfoProperty.VideoStreamInfoList ?? []).length === 0).length);
  expect(body.Window).toEqual({ ...WINDOW, Defaulted: false });
  expect(body.Bucket).toBe('day');
});

it('takes the list’s filters, search filters included, and a week when no start is given', async () => {
  const failedOnly = await insights({ ...WINDOW, Status: 'Fail' });
  expect(failedOnly.body.ByStatus).toMatchObject({ Success: 0, Init: 0 });
  const hevc = await insights({ ...WINDOW, VideoCodec: 'hevc' });
  expect(Object.keys(hevc.body.Media.VideoCodecs)).toContain('hevc');
  expect(hevc.body.Media.VideoCodecs.hevc).toBe(hevc.body.Total);
  const week = await insights({});
  expect(week.body.Window).toMatchObject({ Defaulted: true });
  const { StartOfCreateTime, EndOfCreateTime } = week.body.Window;
  expect(Date.parse(EndOfCreateTime) - Date.parse(StartOfCreateTime)).toBe(7 * DAY);
});

it('refuses bad input with a 400 naming the field', async () => {
  for (const [params, field] of [
    [{ Status: 'Done' }, 'Status'],
    [{ PageSize: '10' }, 'PageSize'],
    [{ StartOfCreateTime: 'yesterday' }, 'StartOfCreateTime'],
    [{ MinHeight: '-1' }, 'MinHeight'],
  ] as const) {
    const { status, body } = await insights(params);
    expect(status).toBe(400);
    expect(body).toMatchObject({ error: { code: 'invalid_input', field } });
  }
});

it('answers a repeat view from the kept figures without an ICE call; a window that can still change only briefly', async () => {
  const settled = { StartOfCreateTime: iso(NOW - 30 * DAY), EndOfCreateTime: iso(NOW - 25 * DAY) };
  const first = await insights(settled);
  expect(first.body.ByStatus.Init).toBe(0);
  await resetStats(stack.emulator.url);
  const again = await insights(settled);
  expect((await readStats(stack.emulator.url)).requests).toBe(0);
  expect(again.body).toEqual(first.body);

  const open = { Status: 'Success' };
  const live = await insights(open);
  await resetStats(stack.emulator.url);
  expect((await insights(open)).body.ComputedAt).toBe(live.body.ComputedAt);
  expect((await readStats(stack.emulator.url)).requests).toBe(0);
  // Past INSIGHTS_CACHE_SECONDS (2 s here) the open window is scanned again; the settled one is kept for an hour.
  await new Promise((resolve) => setTimeout(resolve, 2200));
  expect((await insights(open)).body.ComputedAt).not.toBe(live.body.ComputedAt);
  await resetStats(stack.emulator.url);
  expect((await insights(settled)).body.ComputedAt).toBe(first.body.ComputedAt);
  expect((await readStats(stack.emulator.url)).requests).toBe(0);
});


/** Jobs the list finds behind one of the insights' links (a /jobs address), through /api/jobs. */
async function jobsBehind(href: string): Promise<number> {
  return (await crawl(Object.fromEntries(new URL(href, 'http://portal').searchParams))).length;
}

it('leads each bar, failure group and media bar to a list of exactly the jobs it counts', async () => {
  const { body } = await insights(WINDOW);
  const query = parseListQuery(new URLSearchParams(WINDOW));
  // The busiest days, by status.
  const slots = timelineSlots(body.Window, body.Bucket);
  const busiest = [...body.Timeline].sort((a, b) => b.ByStatus.Fail - a.ByStatus.Fail).slice(0, 2);
  for (const slot of busiest) {
    const { window } = slots.find((s) => s.start === Date.parse(slot.Start))!;
    expect(await jobsBehind(jobsHref(query, window, { Status: 'Fail' }))).toBe(slot.ByStatus.Fail);
    expect(await jobsBehind(jobsHref(query, window, { Status: 'Success' }))).toBe(slot.ByStatus.Success);
  }
  expect(body.Failures.length).toBeGreaterThan(2);
  for (const group of body.Failures) expect(await jobsBehind(jobsHref(query, body.Window, failureGroupChanges(group)))).toBe(group.Count);
  for (const [kind, counts] of [
    ['Containers', body.Media.Containers],
    ['Resolutions', body.Media.Resolutions],
    ['AudioCodecs', body.Media.AudioCodecs],
  ] as const) {
    for (const [key, count] of Object.entries(counts).slice(0, 3)) expect(await jobsBehind(jobsHref(query, body.Window, mediaChanges(kind, key)))).toBe(count);
  }
  expect(await jobsBehind(jobsHref(query, body.Window, mediaChanges('AudioOnly', '')))).toBe(body.Media.AudioOnly);
});

/** The NDJSON lines of a streamed read; `stopAfter` lines, then the request is dropped. */
async function streamed(params: Record<string, string>, stopAfter = Infinity): Promise<InsightsLine[]> {
  const abort = new AbortController();
  const answer = await fetch(`${stack.portal.url}/api/insights?${new URLSearchParams(params)}`, { headers: { accept: 'application/x-ndjson', 'cache-control': 'no-cache' }, signal: abort.signal });
  expect(answer.headers.get('content-type')).toMatch(/^application\/x-ndjson/);
  const lines: InsightsLine[] = [];
  let buffered = '';
  const decoder = new TextDecoder();
  const reader = answer.body!.getReader();
  for (let read = await reader.read(); !read.done; read = await reader.read()) {
    buffered += decoder.decode(read.value, { stream: true });
    const parts = buffered.split('\n');
    buffered = parts.pop()!;
    lines.push(...parts.filter(Boolean).map((line) => JSON.parse(line) as InsightsLine));
    if (lines.length >= stopAfter) {
      abort.abort();
      break;
    }
  }
  return lines;
}

it('streams the figures so far while the scan runs, then the whole; a dropped request stops the scan', async () => {
  await setFaults(stack.emulator.url, { latencyMs: 150 });
  try {
    const lines = await streamed(WINDOW);
    const last = lines.at(-1) as Insights & { Partial?: true };
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.slice(0, -1).every((line) => 'Partial' in line && line.Partial === true)).toBe(true);
    expect(last.Partial).toBeUndefined();
    const scanned = lines.map((line) => ('ScannedJobs' in line ? line.ScannedJobs : -1));
    expect(scanned).toEqual([...scanned].sort((a, b) => a - b));
    const { body } = await insights(WINDOW);
    expect({ ...last, ComputedAt: undefined }).toEqual({ ...body, ComputedAt: undefined });

    // Read the first figures, then leave: the portal stops calling ICE.
    const first = await streamed({ StartOfCreateTime: iso(NOW - 80 * DAY), EndOfCreateTime: iso(NOW) }, 1);
    expect(first[0]).toMatchObject({ Partial: true });
    await new Promise((resolve) => setTimeout(resolve, 1000));
    await resetStats(stack.emulator.url);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect((await readStats(stack.emulator.url)).requests).toBe(0);
  } finally {
    await resetFaults(stack.emulator.url);
  }
});
