import { readStats, resetFaults, resetStats, setFaults } from '@/harness/emulator-control';
import { crawlJobs } from '@/__tests__/support/crawl-jobs';
import { startPortalAgainst, startPortalStack, type PortalStack } from '@/harness/portal-stack';
import { frameRateKey } from '@/lib/format/frame-rate';
import type { MediaInfoJob } from '@/lib/ice/schemas';
import { failureReason, normaliseMessage } from '@/lib/jobs/failure-reason';
import { containerFamily } from '@/lib/jobs/job-summary';
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

it('says every other figure as computed independently: each day, each failure group, each pipeline and trigger, each media bar', async () => {
  const [all, { body }] = await Promise.all([crawlJobs<MediaInfoJob>(stack.portal.url, WINDOW), insights(WINDOW)]);
  const tally = (keys: (string | undefined)[]) => {
    const counts: Record<string, number> = {};
    for (const key of keys) if (key) counts[key] = (counts[key] ?? 0) + 1;
    return counts;
  };
  // Days (UTC) by status.
  const days = new Map<string, Record<string, number>>();
  for (const job of all.filter((j) => j.SubmitTime)) {
    const day = `${job.SubmitTime!.slice(0, 10)}T00:00:00.000Z`;
    const status = ['Success', 'Fail', 'Init'].includes(job.Status ?? '') ? job.Status! : 'Other';
    const counts = days.get(day) ?? { Success: 0, Fail: 0, Init: 0, Other: 0 };
    counts[status]! += 1;
    days.set(day, counts);
  }
  expect(body.Timeline).toEqual([...days].sort(([a], [b]) => a.localeCompare(b)).map(([Start, ByStatus]) => ({ Start, ByStatus })));
  // Failure groups: ICE's code and the message with its particulars taken out; counts, first and last seen.
  const failed = all.filter((job) => job.Status === 'Fail');
  const groups = new Map<string, { Code: string; Message: string; Count: number; FirstSeen: string; LastSeen: string }>();
  for (const job of failed) {
    const { code = '—', message = '' } = failureReason(job);
    const key = `${code}\n${normaliseMessage(message)}`;
    const group = groups.get(key) ?? { Code: code, Message: normaliseMessage(message), Count: 0, FirstSeen: job.SubmitTime!, LastSeen: job.SubmitTime! };
    group.Count += 1;
    if (job.SubmitTime! < group.FirstSeen) group.FirstSeen = job.SubmitTime!;
    if (job.SubmitTime! > group.LastSeen) group.LastSeen = job.SubmitTime!;
    groups.set(key, group);
  }
  const byKey = (g: { Code: string; Message: string }) => `${g.Code}\n${g.Message}`;
  expect(Object.fromEntries(body.Failures.map((g) => [byKey(g), { Code: g.Code, Message: g.Message, Count: g.Count, FirstSeen: g.FirstSeen, LastSeen: g.LastSeen }]))).toEqual(Object.fromEntries(groups));
  for (const group of body.Failures) {
    expect(group.Share).toBeCloseTo(group.Count / failed.length, 9);
    for (const id of group.Examples) expect(byKey(groups.get(byKey(group))!)).toBe(byKey({ Code: failureReason(failed.find((j) => j.JobId === id)!).code ?? '—', Message: normaliseMessage(failureReason(failed.find((j) => j.JobId === id)!).message ?? '') }));
  }
  // Processing times per pipeline and per trigger: nearest-rank percentiles.
  const finished = all.filter((job) => (job.Status === 'Success' || job.Status === 'Fail') && job.SubmitTime && job.FinishTime && Date.parse(job.FinishTime) >= Date.parse(job.SubmitTime));
  const summary = (jobs: MediaInfoJob[]) => {
    const ms = jobs.map((job) => Date.parse(job.FinishTime!) - Date.parse(job.SubmitTime!)).sort((a, b) => a - b);
    const rank = (p: number) => ms[Math.max(0, Math.ceil((p / 100) * ms.length) - 1)];
    return { Count: ms.length, P50: rank(50), P90: rank(90), P99: rank(99), Max: ms.at(-1) };
  };
  const by = (key: (job: MediaInfoJob) => string) => Object.fromEntries([...new Set(finished.map(key))].map((k) => [k, summary(finished.filter((job) => key(job) === k))]));
  expect(body.ProcessingTime.ByPipeline).toEqual(by((job) => job.ScheduleConfig?.PipelineId || '—'));
  expect(body.ProcessingTime.ByTrigger).toEqual(by((job) => job.TriggerSource || '—'));
  expect(Object.keys(body.ProcessingTime.ByTrigger).length).toBeGreaterThan(1);
  // The media mix.
  const probed = all.filter((job) => job.MediaInfoProperty);
  const videos = (job: MediaInfoJob) => job.MediaInfoProperty!.VideoStreamInfoList ?? [];
  const audios = (job: MediaInfoJob) => job.MediaInfoProperty!.AudioStreamInfoList ?? [];
  const height = (job: MediaInfoJob) => Number(job.MediaInfoProperty!.FileBasicInfo?.Height || videos(job)[0]?.Height);
  const classOf = (h: number) => (h >= 2160 ? 'UHD+' : h >= 1080 ? 'FHD' : h >= 720 ? 'HD' : 'SD');
  expect(body.Media).toEqual({
    Containers: tally(probed.map((job) => containerFamily(job.MediaInfoProperty!.FileBasicInfo?.FormatName))),
    VideoCodecs: tally(probed.flatMap((job) => [...new Set(videos(job).map((v) => v.Codec_name))])),
    AudioCodecs: tally(probed.flatMap((job) => [...new Set(audios(job).map((a) => a.CodecName))])),
    Resolutions: { SD: 0, HD: 0, FHD: 0, 'UHD+': 0, ...tally(probed.filter((job) => videos(job).length > 0 && height(job) > 0).map((job) => classOf(height(job)))) },
    FrameRates: tally(probed.map((job) => frameRateKey(videos(job)[0]))),
    AudioOnly: probed.filter((job) => audios(job).length > 0 && videos(job).length === 0).length,
    VideoOnly: probed.filter((job) => videos(job).length > 0 && audios(job).length === 0).length,
  });
  expect(Object.keys(body.Media.FrameRates).length).toBeGreaterThan(1);
});

it('says where a bound stopped the figures, and keeps no stopped figures', async () => {
  const bounded = await startPortalAgainst(stack.emulator.url, { AUTH_MODE: 'none', AUTH_RATE_LIMIT_PER_MINUTE: '100000', SCAN_CALLS_PER_MINUTE: '100000', SCAN_MAX_JOBS: '150', SCAN_MAX_DAYS: '10', INSIGHTS_CACHE_SECONDS: '600' });
  try {
    const read = async (params: Record<string, string>) => (await (await fetch(`${bounded.url}/api/insights?${new URLSearchParams(params)}`)).json()) as Insights;
    const byJobs = await read(WINDOW);
    expect(byJobs.ScannedJobs).toBe(150);
    expect(byJobs.Stopped).toEqual({ Reason: 'max_jobs', At: expect.any(String) });
    // Twenty days asked, ten covered: the newest ten, said with where they stop.
    const byDays = await read({ ...WINDOW, Status: 'Init' });
    expect(byDays.Stopped).toEqual({ Reason: 'max_days', At: iso(Date.parse(WINDOW.EndOfCreateTime) - 10 * DAY) });
    expect(byDays.Window.StartOfCreateTime).toBe(iso(Date.parse(WINDOW.EndOfCreateTime) - 10 * DAY));
    // Stopped figures are not kept: the same question scans again.
    await resetStats(stack.emulator.url);
    expect((await read(WINDOW)).Stopped).toMatchObject({ Reason: 'max_jobs' });
    expect((await readStats(stack.emulator.url)).requests).toBeGreaterThan(0);
  } finally {
    await bounded.stop();
  }
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
    ['VideoCodecs', body.Media.VideoCodecs],
    ['FrameRates', body.Media.FrameRates],
  ] as const) {
    for (const [key, count] of Object.entries(counts).slice(0, 3)) expect(await jobsBehind(jobsHref(query, body.Window, mediaChanges(kind, key)))).toBe(count);
  }
  expect(await jobsBehind(jobsHref(query, body.Window, mediaChanges('AudioOnly', '')))).toBe(body.Media.AudioOnly);
  expect(await jobsBehind(jobsHref(query, body.Window, mediaChanges('VideoOnly', '')))).toBe(body.Media.VideoOnly);
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
