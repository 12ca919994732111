import type { MediaInfoJob } from '@/lib/ice/schemas';
import { InsightsTally, percentile, resolutionClass } from '@/lib/insights/figures';
import { normaliseMessage } from '@/lib/jobs/failure-reason';

// The insight figures from jobs shaped as ICE sends them: counts, the timeline, failure groups,
// processing times and the media mix, and the edges (no jobs, missing fields, unfinished jobs).

let n = 0;
function job(fields: Partial<MediaInfoJob> & { seconds?: number; height?: number; video?: string; audio?: string; fps?: string; format?: string }): MediaInfoJob {
  n += 1;
  const { seconds, height, video, audio, fps, format, ...rest } = fields;
  const submit = rest.SubmitTime ?? '2026-12-01T10:15:00Z';
  return {
    JobId: `${String(n).padStart(32, '0')}`,
    Status: 'Success',
    SubmitTime: submit,
    ...(seconds !== undefined ? { FinishTime: new Date(Date.parse(submit) + seconds * 1000).toISOString() } : {}),
    ...(video || audio || format
      ? {
          MediaInfoProperty: {
            FileBasicInfo: { FormatName: format, FileName: 'clip.mp4', Height: height ? String(height) : undefined },
            VideoStreamInfoList: video ? [{ Codec_name: video, Height: height ? String(height) : undefined, Avg_fps: fps }] : [],
            AudioStreamInfoList: audio ? [{ CodecName: audio }] : [],
          },
        }
      : {}),
    ...rest,
  } as MediaInfoJob;
}
const failed = (code: string, message: string, at = '2026-12-01T10:15:00Z') => job({ Status: 'Fail', SubmitTime: at, seconds: 2, SubmitResultJson: { Code: code, Message: message } } as never);

it('says nothing of nothing', () => {
  const figures = new InsightsTally('day').figures();
  expect(figures).toMatchObject({ Total: 0, ByStatus: { Success: 0, Fail: 0, Init: 0, Other: 0 }, Timeline: [], Failures: [] });
  expect(figures.ProcessingTime.Overall).toBeUndefined();
});

it('counts statuses and lays them on a timeline of hours or days', () => {
  const tally = new InsightsTally('hour');
  for (const each of [
    job({ SubmitTime: '2026-12-01T10:15:00Z', seconds: 3 }),
    job({ SubmitTime: '2026-12-01T10:59:59Z', Status: 'Init' }),
    failed('X', 'y', '2026-12-01T12:00:00Z'),
    job({ SubmitTime: '2026-12-01T12:30:00Z', Status: 'Weird' }),
    job({ SubmitTime: undefined }),
  ])
    tally.add(each);
  const figures = tally.figures();
  expect(figures.Total).toBe(5);
  expect(figures.ByStatus).toEqual({ Success: 2, Fail: 1, Init: 1, Other: 1 });
  expect(figures.Timeline).toEqual([
    { Start: '2026-12-01T10:00:00.000Z', ByStatus: { Success: 1, Fail: 0, Init: 1, Other: 0 } },
    { Start: '2026-12-01T12:00:00.000Z', ByStatus: { Success: 0, Fail: 1, Init: 0, Other: 1 } },
  ]);
  const days = new InsightsTally('day');
  days.add(job({ SubmitTime: '2026-12-01T23:59:59Z' }));
  days.add(job({ SubmitTime: '2026-12-02T00:00:00Z' }));
  expect(days.figures().Timeline.map((slot) => slot.Start)).toEqual(['2026-12-01T00:00:00.000Z', '2026-12-02T00:00:00.000Z']);
});

it('groups failures by code and by their message with ids, paths, URLs and numbers taken out, largest first', () => {
  expect(normaliseMessage('The specified object does not exist: oss://podcast/asr/input/cbafe8bc.wav')).toBe('The specified object does not exist: <url>');
  expect(normaliseMessage('[mov,mp4 @ 0x7f0fa67342c5] moov atom not found; job 9a231c4dc157dc50abd800ce0569de57 after 3.5 s')).toBe('[mov,mp4 @ <id>] moov atom not found; job <id> after <n> s');
  // Names with spaces: the URL or path runs on to the word with the file's extension, and no further.
  expect(normaliseMessage('cannot open /data/in/a b.mov')).toBe('cannot open <path>');
  expect(normaliseMessage('Unsupported media format: oss://b/Spring Sale/cover.jpg: Invalid data found')).toBe('Unsupported media format: <url>: Invalid data found');
  expect(normaliseMessage('Probing oss://b/课程/函数与 极限.mp4 did not finish within 30 seconds.')).toBe('Probing <url> did not finish within <n> seconds.');
  expect(normaliseMessage('Probing oss://b/x.mp4 did not finish within 30 seconds.')).toBe('Probing <url> did not finish within <n> seconds.');
  // The same message with and without spaces in the name groups as one.
  expect(normaliseMessage('Unsupported media format: oss://b/cover.jpg: Invalid data found')).toBe('Unsupported media format: <url>: Invalid data found');
  expect(normaliseMessage('not found: https://cdn.test/a.mp4.')).toBe('not found: <url>.');
  const tally = new InsightsTally('day');
  tally.add(failed('InvalidParameter.ResourceNotFound', 'The specified object does not exist: oss://b/1.mp4', '2026-12-02T00:00:00Z'));
  tally.add(failed('InvalidParameter.ResourceNotFound', 'The specified object does not exist: oss://b/2.mp4', '2026-12-01T00:00:00Z'));
  tally.add(failed('InvalidParameter.ResourceNotFound', 'The specified object does not exist: oss://b/3.mp4', '2026-12-03T00:00:00Z'));
  tally.add(failed('InternalError', 'The request processing has failed'));
  tally.add(job({ Status: 'Fail' }));
  const { Failures } = tally.figures();
  expect(Failures.map((group) => [group.Code, group.Message, group.Count, group.Share])).toEqual([
    ['InvalidParameter.ResourceNotFound', 'The specified object does not exist: <url>', 3, 3 / 5],
    // Ties by code: a failure without one ('—') sorts before the named.
    ['—', '', 1, 1 / 5],
    ['InternalError', 'The request processing has failed', 1, 1 / 5],
  ]);
  expect(Failures[0]).toMatchObject({ FirstSeen: '2026-12-01T00:00:00Z', LastSeen: '2026-12-03T00:00:00Z' });
  expect(Failures[0]!.Examples).toHaveLength(3);
  expect(Failures.reduce((sum, group) => sum + group.Count, 0)).toBe(tally.figures().ByStatus.Fail);
});

it('gives processing-time percentiles overall, per pipeline and per trigger, the slowest jobs and a histogram', () => {
  expect(percentile([1, 2, 3, 4], 50)).toBe(2);
  expect(percentile([1, 2, 3, 4], 99)).toBe(4);
  expect(percentile([7], 90)).toBe(7);
  const tally = new InsightsTally('day');
  const seconds = [1, 2, 3, 4, 5, 6, 7, 8, 9, 100];
  for (const [i, s] of seconds.entries()) tally.add(job({ seconds: s, TriggerSource: i % 2 ? 'API' : 'Workflow', ScheduleConfig: { PipelineId: i < 5 ? 'p-fast' : 'p-slow' } } as never));
  tally.add(job({ Status: 'Init' }));
  tally.add(job({ SubmitTime: '2026-12-01T10:00:00Z', FinishTime: '2026-12-01T09:00:00Z' }));
  const time = tally.figures().ProcessingTime;
  expect(time.Overall).toEqual({ Count: 10, P50: 5000, P90: 9000, P99: 100_000, Max: 100_000 });
  expect(time.ByPipeline['p-fast']).toEqual({ Count: 5, P50: 3000, P90: 5000, P99: 5000, Max: 5000 });
  expect(time.ByPipeline['p-slow']!.Max).toBe(100_000);
  expect(Object.keys(time.ByTrigger).sort()).toEqual(['API', 'Workflow']);
  expect(time.Slowest.map((s) => s.Ms)).toEqual([100_000, 9000, 8000, 7000, 6000]);
  expect(time.Histogram.reduce((sum, bin) => sum + bin.Count, 0)).toBe(10);
  expect(time.Histogram[0]).toEqual({ UpToMs: 1000, Count: 1 });
  expect(time.Histogram.at(-1)).toEqual({ UpToMs: null, Count: 0 });
});

it('tells the media mix: containers, codecs, resolution classes, frame rates, audio-only and video-only', () => {
  expect([479, 720, 1079, 1080, 2159, 2160, 4320].map(resolutionClass)).toEqual(['SD', 'HD', 'HD', 'FHD', 'FHD', 'UHD+', 'UHD+']);
  const tally = new InsightsTally('day');
  tally.add(job({ format: 'mov,mp4,m4a,3gp,3g2,mj2', video: 'h264', audio: 'aac', height: 1080, fps: '30000/1001' }));
  tally.add(job({ format: 'matroska,webm', video: 'hevc', height: 2160, fps: '25' }));
  tally.add(job({ format: 'mp3', audio: 'mp3' }));
  tally.add(job({ Status: 'Init' }));
  expect(tally.figures().Media).toEqual({
    Containers: { mov: 1, matroska: 1, mp3: 1 },
    VideoCodecs: { h264: 1, hevc: 1 },
    Resolutions: { SD: 0, HD: 0, FHD: 1, 'UHD+': 1 },
    FrameRates: { '29.97': 1, '25': 1 },
    AudioCodecs: { aac: 1, mp3: 1 },
    AudioOnly: 1,
    VideoOnly: 1,
  });
  // What the checks find, by check: the MKV has no audio, the mp3 no picture, and clip.mp4 is no MKV or mp3.
  expect(tally.figures().Checks).toEqual({ 'no-audio': 1, 'no-video': 1, 'extension-mismatch': 2 });
});
