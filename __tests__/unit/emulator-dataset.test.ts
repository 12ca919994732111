import { checkJob, CHECK_IDS } from '@/lib/checks/media-checks';
import { buildJob, jobHeader, type DatasetOptions } from '@/emulator/dataset';
import type { AudioStreamInfo, MediaInfoJob, VideoStreamInfo } from '@/emulator/ice-types';
import { probeMedia, probeSubmittedInput } from '@/emulator/probe';
import { createRandom } from '@/emulator/random';

const options: DatasetOptions = { seed: 42, anchorMs: Date.parse('2025-06-01T12:34:56.789Z') };
const DAY_MS = 86_400_000;
const ISO_SECONDS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;
const HEX32 = /^[0-9a-f]{32}$/;

/** Keys as the ListMediaInfoJobs documentation spells them. */
const VIDEO_KEYS = new Set([
  'Index', 'Codec_name', 'Codec_long_name', 'Profile', 'Codec_time_base', 'Codec_tag_string', 'Codec_tag', 'Width',
  'Height', 'Has_b_frames', 'Sar', 'Dar', 'PixFmt', 'Level', 'Fps', 'Avg_fps', 'Time_base', 'Start_time', 'Duration',
  'Bit_rate', 'NumFrames', 'Lang', 'Rotate',
]);
const AUDIO_KEYS = new Set([
  'Index', 'CodecName', 'CodecLongName', 'CodecTimeBase', 'CodecTagString', 'CodecTag', 'SampleFmt', 'SampleRate',
  'Channels', 'ChannelLayout', 'Timebase', 'StartTime', 'Duration', 'Bitrate', 'Lang',
]);
const FILE_KEYS = new Set([
  'MediaId', 'FileName', 'FileStatus', 'FileType', 'FileSize', 'FileUrl', 'Region', 'FormatName', 'Duration', 'Bitrate',
  'Width', 'Height',
]);

const jobs: MediaInfoJob[] = Array.from({ length: 5000 }, (_, n) => buildJob(options, n));
const succeeded = jobs.filter((job) => job.Status === 'Success');
const videos = (job: MediaInfoJob): VideoStreamInfo[] => job.MediaInfoProperty?.VideoStreamInfoList ?? [];
const audios = (job: MediaInfoJob): AudioStreamInfo[] => job.MediaInfoProperty?.AudioStreamInfoList ?? [];
const allVideos = succeeded.flatMap(videos);

describe('dataset determinism and headers', () => {
  it('rebuilds the same job for the same (seed, anchor, n), and a different one for another seed', () => {
    for (const n of [0, 1, 17, 4999, 99_999]) {
      expect(buildJob({ ...options }, n)).toEqual(buildJob(options, n));
      expect(jobHeader({ ...options }, n)).toEqual(jobHeader(options, n));
    }
    const other = { ...options, seed: 43 };
    for (const n of [0, 1, 17]) {
      expect(buildJob(other, n).JobId).not.toBe(buildJob(options, n).JobId);
      expect(buildJob(other, n)).not.toEqual(buildJob(options, n));
    }
  });

  it('agrees with buildJob on JobId, Status and create time', () => {
    jobs.forEach((job, n) => {
      const header = jobHeader(options, n);
      expect(header.n).toBe(n);
      expect(job.JobId).toBe(header.JobId);
      expect(job.Status).toBe(header.Status);
      expect(job.SubmitTime).toBe(new Date(header.createdAtMs).toISOString().replace('.000Z', 'Z'));
    });
  });

  it('gives 32-hex JobIds, unique over 20,000 jobs', () => {
    const ids = Array.from({ length: 20_000 }, (_, n) => jobHeader(options, n).JobId);
    for (const id of ids) expect(id).toMatch(HEX32);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('dataset jobs', () => {
  it('mixes statuses: mostly Success, some Fail, a few Init', () => {
    const share = (status: string) => jobs.filter((job) => job.Status === status).length / jobs.length;
    expect(share('Success')).toBeGreaterThan(0.8);
    expect(share('Success')).toBeLessThan(0.9);
    expect(share('Fail')).toBeGreaterThan(0.06);
    expect(share('Fail')).toBeLessThan(0.14);
    expect(share('Init')).toBeGreaterThan(0.025);
    expect(share('Init')).toBeLessThan(0.075);
  });

  it('spreads create times over about 90 days before the anchor, at second resolution', () => {
    const created = jobs.map((job) => Date.parse(job.SubmitTime ?? ''));
    for (const job of jobs) expect(job.SubmitTime).toMatch(ISO_SECONDS);
    for (const t of created) {
      expect(t).toBeLessThanOrEqual(options.anchorMs);
      expect(t).toBeGreaterThan(options.anchorMs - 92 * DAY_MS);
    }
    expect(Math.min(...created)).toBeLessThan(options.anchorMs - 80 * DAY_MS);
  });

  it('keeps Init jobs recent and unfinished, and finishes the others after they were submitted', () => {
    for (const job of jobs) {
      const submitted = Date.parse(job.SubmitTime ?? '');
      if (job.Status === 'Init') {
        expect(submitted).toBeGreaterThan(options.anchorMs - 6 * 3_600_000);
        expect(job.FinishTime).toBeUndefined();
        expect(job.MediaInfoProperty).toBeUndefined();
      } else {
        expect(job.FinishTime).toMatch(ISO_SECONDS);
        const finished = Date.parse(job.FinishTime ?? '');
        expect(finished).toBeGreaterThanOrEqual(submitted);
        expect(finished).toBeLessThanOrEqual(options.anchorMs);
        expect(job.SubmitResultJson).toEqual(expect.objectContaining({ Code: expect.any(String), Message: expect.any(String) }));
      }
    }
  });

  it('gives failed jobs varied reasons and at most a partial MediaInfoProperty', () => {
    const failed = jobs.filter((job) => job.Status === 'Fail');
    const codes = new Set(failed.map((job) => job.SubmitResultJson?.Code));
    expect(codes.size).toBeGreaterThanOrEqual(5);
    for (const job of failed) {
      expect(job.MediaInfoProperty?.VideoStreamInfoList).toBeUndefined();
      expect(job.MediaInfoProperty?.AudioStreamInfoList).toBeUndefined();
    }
    expect(failed.some((job) => job.MediaInfoProperty?.FileBasicInfo?.FileName)).toBe(true);
  });

  it('has realistic inputs, schedule configs and no RequestId', () => {
    for (const job of jobs) {
      expect(job).not.toHaveProperty('RequestId');
      expect(['API', 'WorkFlow', 'Console']).toContain(job.TriggerSource);
      if (job.Input?.Type === 'Media') expect(job.Input.Media).toMatch(HEX32);
      else expect(job.Input?.Media).toMatch(/^(oss:\/\/[a-z0-9-]+\/|https:\/\/[a-z0-9-]+\.oss-[a-z0-9-]+\.aliyuncs\.com\/)./);
      if (job.ScheduleConfig) {
        expect(job.ScheduleConfig.PipelineId).toMatch(HEX32);
        expect(Number.isInteger(job.ScheduleConfig.Priority)).toBe(true);
        expect(job.ScheduleConfig.Priority).toBeGreaterThanOrEqual(1);
        expect(job.ScheduleConfig.Priority).toBeLessThanOrEqual(10);
      }
    }
    const media = jobs.map((job) => job.Input?.Media ?? '');
    expect(media.some((m) => /[\u4e00-\u9fff]/.test(m))).toBe(true);
    expect(media.some((m) => m.includes(' '))).toBe(true);
    expect(jobs.some((job) => job.Input?.Type === 'Media')).toBe(true);
    expect(jobs.some((job) => job.ScheduleConfig === undefined)).toBe(true);
    expect(jobs.some((job) => job.Async === false)).toBe(true);
    expect(jobs.some((job) => !('Name' in job))).toBe(true);
    expect(jobs.some((job) => job.Name === '')).toBe(true);
  });

  it('carries UserData that breaks naive code', () => {
    const userData = jobs.map((job) => job.UserData);
    expect(userData.some((u) => u === undefined)).toBe(true);
    expect(userData.some((u) => u?.includes('<script>'))).toBe(true);
    expect(userData.some((u) => u?.length === 1024)).toBe(true);
    expect(userData.some((u) => u?.includes('\n'))).toBe(true);
    expect(userData.some((u) => /\p{Extended_Pictographic}/u.test(u ?? ''))).toBe(true);
    expect(userData.some((u) => /[\u4e00-\u9fff]/.test(u ?? ''))).toBe(true);
    expect(userData.some((u) => u?.includes('\\"'))).toBe(true);
    for (const u of userData) if (u !== undefined) expect(u.length).toBeLessThanOrEqual(1024);
  });
});

describe('media information', () => {
  // These walk hundreds of thousands of values: collect offenders and assert once.
  it('sends every media number as a string, and nothing undefined', () => {
    const notStrings: unknown[] = [];
    for (const job of jobs) {
      const property = job.MediaInfoProperty;
      if (!property) continue;
      for (const record of [property.FileBasicInfo ?? {}, ...videos(job), ...audios(job)]) {
        for (const value of Object.values(record)) if (typeof value !== 'string') notStrings.push(value);
      }
    }
    expect(notStrings).toEqual([]);
    expect(succeeded.length).toBeGreaterThan(4000);
  });

  it('spells keys as ICE does: underscores for video, CamelCase for audio', () => {
    const unknownKeys = new Set<string>();
    const check = (record: object, known: Set<string>, kind: string) => {
      for (const key of Object.keys(record)) if (!known.has(key)) unknownKeys.add(`${kind}.${key}`);
    };
    for (const job of succeeded) {
      check(job.MediaInfoProperty?.FileBasicInfo ?? {}, FILE_KEYS, 'file');
      for (const stream of videos(job)) check(stream, VIDEO_KEYS, 'video');
      for (const stream of audios(job)) check(stream, AUDIO_KEYS, 'audio');
    }
    expect([...unknownKeys]).toEqual([]);
    expect(allVideos.every((v) => v.Codec_name && v.Codec_tag_string && v.Has_b_frames && v.Avg_fps)).toBe(true);
    expect(succeeded.flatMap(audios).every((a) => a.CodecName && a.SampleRate && a.ChannelLayout)).toBe(true);
  });

  it('keeps sizes, bitrates, durations and frame counts consistent', () => {
    for (const job of succeeded) {
      const info = job.MediaInfoProperty?.FileBasicInfo;
      expect(info?.MediaId).toMatch(HEX32);
      // A truncated upload lasts nothing whatever its size (emulator/probe/oddities.ts).
      if (info?.Duration === '0.000000') continue;
      const duration = Number(info?.Duration);
      const bitrate = Number(info?.Bitrate);
      expect(duration).toBeGreaterThan(0);
      if (info?.FormatName !== 'hls,applehttp') {
        // FileSize in bytes, Bitrate in kbit/s.
        expect(Math.abs((duration * bitrate * 125) / Number(info?.FileSize) - 1)).toBeLessThan(0.001);
      }
      // The picture is the first stream; a proxy beside it is smaller.
      expect(videos(job)[0]?.Width ?? info?.Width).toBe(info?.Width);
      for (const v of videos(job)) {
        if (v.NumFrames !== undefined) {
          expect(Math.abs(Number(v.NumFrames) - Number(v.Duration) * Number(v.Avg_fps))).toBeLessThan(Number(v.Duration) * 0.001 + 1);
        }
        if (v.Bit_rate !== undefined) expect(Number(v.Bit_rate)).toBeLessThan(bitrate);
      }
    }
  });

  it('names codecs, tags and containers as ffprobe does', () => {
    const longNames: Record<string, string> = {
      h264: 'H.264 / AVC / MPEG-4 AVC / MPEG-4 part 10',
      hevc: 'H.265 / HEVC (High Efficiency Video Coding)',
      av1: 'Alliance for Open Media AV1',
      vp9: 'Google VP9',
    };
    for (const v of allVideos) expect(v.Codec_long_name).toBe(longNames[v.Codec_name ?? '']);
    const formats = new Set(succeeded.map((job) => job.MediaInfoProperty?.FileBasicInfo?.FormatName));
    for (const name of ['mov,mp4,m4a,3gp,3g2,mj2', 'matroska,webm', 'mpegts', 'flv', 'hls,applehttp', 'mp3']) expect(formats).toContain(name);
    expect(allVideos.some((v) => v.Codec_tag_string === 'avc1' && v.Codec_tag === '0x31637661')).toBe(true);
    expect(allVideos.some((v) => v.Codec_tag_string === '[27][0][0][0]' && v.Codec_tag === '0x001b')).toBe(true);
    expect(new Set(allVideos.map((v) => v.Codec_name))).toEqual(new Set(['h264', 'hevc', 'av1', 'vp9']));
    const fps = new Set(allVideos.map((v) => v.Avg_fps));
    for (const rate of ['23.976', '25.0', '29.97', '30.0', '50.0', '59.94']) expect(fps).toContain(rate);
    const audio = succeeded.flatMap(audios);
    expect(new Set(audio.map((a) => a.CodecName))).toEqual(new Set(['aac', 'opus', 'mp3', 'ac3', 'pcm_s16le']));
    expect(new Set(audio.map((a) => a.ChannelLayout))).toEqual(new Set(['mono', 'stereo', '5.1', '5.1(side)']));
  });

  it('includes each special case at least once', () => {
    const isVfr = (v: VideoStreamInfo) => v.Fps !== v.Avg_fps && Number(v.Fps) < 2 * Number(v.Avg_fps) - 0.01;
    const isInterlaced = (job: MediaInfoJob) =>
      job.MediaInfoProperty?.FileBasicInfo?.FormatName === 'mpegts' &&
      videos(job).some((v) => v.Height === '1080' && Math.abs(Number(v.Fps) - 2 * Number(v.Avg_fps)) < 0.01);
    const streamCount = (job: MediaInfoJob) => videos(job).length + audios(job).length;

    expect(allVideos.some(isVfr)).toBe(true);
    expect(allVideos.some((v) => v.Rotate === '90')).toBe(true);
    expect(allVideos.some((v) => v.Rotate === '270')).toBe(true);
    expect(allVideos.some((v) => Number(v.Height) > Number(v.Width))).toBe(true);
    expect(succeeded.some(isInterlaced)).toBe(true);
    expect(allVideos.some((v) => v.PixFmt === 'yuv420p10le' && v.Codec_name === 'hevc' && v.Profile === 'Main 10')).toBe(true);
    expect(allVideos.some((v) => v.PixFmt === 'yuv420p10le' && v.Codec_name === 'av1')).toBe(true);
    expect(allVideos.some((v) => v.PixFmt === 'yuvj420p')).toBe(true);
    expect(succeeded.some((job) => videos(job).length === 1 && audios(job).length === 0)).toBe(true);
    expect(succeeded.some((job) => videos(job).length === 0 && audios(job).length > 0)).toBe(true);
    expect(succeeded.some((job) => job.MediaInfoProperty?.VideoStreamInfoList === undefined)).toBe(true);
    expect(succeeded.some((job) => job.MediaInfoProperty?.VideoStreamInfoList?.length === 0)).toBe(true);
    expect(succeeded.some((job) => streamCount(job) >= 30)).toBe(true);
    expect(succeeded.some((job) => audios(job).length === 3)).toBe(true);
    // Optional fields sometimes absent or empty.
    expect(allVideos.some((v) => v.Profile === undefined)).toBe(true);
    expect(allVideos.some((v) => v.Duration === undefined)).toBe(true);
    expect(allVideos.some((v) => v.Lang === '')).toBe(true);
    expect(allVideos.some((v) => !('Lang' in v))).toBe(true);
  });
});

describe('probeSubmittedInput', () => {
  it('fails a missing object with a not-found reason and no media info', () => {
    for (const media of ['oss://media-bucket/missing/clip.mp4', 'oss://b/a/nonexistent.mov', 'oss://b/Does-Not-Exist.mp4']) {
      const outcome = probeSubmittedInput({ Type: 'OSS', Media: media });
      expect(outcome.Status).toBe('Fail');
      expect(outcome.SubmitResultJson).toEqual({ Code: 'InvalidParameter.ResourceNotFound', Message: `The specified object does not exist: ${media}` });
      expect(outcome).not.toHaveProperty('MediaInfoProperty');
    }
  });

  it('fails a file that is not media as an unsupported format', () => {
    const outcome = probeSubmittedInput({ Type: 'OSS', Media: 'oss://media-bucket/docs/报价单.pdf' });
    expect(outcome.Status).toBe('Fail');
    expect(outcome.SubmitResultJson.Code).toBe('InvalidMedia.UnsupportedFormat');
    expect(outcome.SubmitResultJson.Message).toContain('Invalid data found when processing input');
  });

  it('probes a normal file, deterministically, consistent with its path', () => {
    const input = { Type: 'OSS' as const, Media: 'oss://media-bucket/incoming/my interview 采访.mp4' };
    const outcome = probeSubmittedInput(input);
    expect(outcome).toEqual(probeSubmittedInput({ ...input }));
    if (outcome.Status !== 'Success') throw new Error('expected Success');
    const info = outcome.MediaInfoProperty.FileBasicInfo;
    expect(info?.FileName).toBe('my interview 采访.mp4');
    expect(info?.FormatName).toBe('mov,mp4,m4a,3gp,3g2,mj2');
    expect(info?.FileUrl).toMatch(/^http:\/\/media-bucket\.oss-[a-z0-9-]+\.aliyuncs\.com\/incoming\/my%20interview%20/);
    expect(info?.FileUrl).toContain(`.oss-${info?.Region}.aliyuncs.com/`);
    expect(outcome.MediaInfoProperty.VideoStreamInfoList?.length).toBe(1);
    expect(outcome.SubmitResultJson).toEqual(expect.objectContaining({ Code: 'Success' }));
  });

  it('probes a media id without an extension, and any media extension', () => {
    const id = 'a'.repeat(32);
    const asset = probeSubmittedInput({ Type: 'Media', Media: id });
    expect(asset.Status).toBe('Success');
    if (asset.Status === 'Success') expect(asset.MediaInfoProperty.FileBasicInfo?.MediaId).toBe(id);
    for (const ext of ['mp4', 'MOV', 'mkv', 'ts', 'flv', 'm4a', 'm3u8', 'webm', 'mp3', 'wav', 'aac']) {
      expect(probeSubmittedInput({ Type: 'OSS', Media: `oss://b/clip.${ext}` }).Status).toBe('Success');
    }
  });

  it('matches the container to the extension', () => {
    const format = (media: string) => probeMedia(media, createRandom(1)).FileBasicInfo?.FormatName;
    expect(format('oss://b/a.mkv')).toBe('matroska,webm');
    expect(format('oss://b/a.ts')).toBe('mpegts');
    expect(format('oss://b/a.flv')).toBe('flv');
    expect(format('oss://b/a/index.m3u8')).toBe('hls,applehttp');
    expect(format('oss://b/a.m4a')).toBe('mov,mp4,m4a,3gp,3g2,mj2');
  });
});

describe('dataset media', () => {
  it('gives every media check something to find on some of 2,000 jobs, and leaves most files clean of faults', () => {
    const jobs = Array.from({ length: 2000 }, (_, n) => buildJob(options, n) as Parameters<typeof checkJob>[0]);
    const found = new Map<string, number>();
    for (const job of jobs) for (const finding of checkJob(job)) found.set(finding.Id, (found.get(finding.Id) ?? 0) + 1);
    expect(CHECK_IDS.filter((id) => !found.get(id))).toEqual([]);
    // The faults of real uploads stay rare: a truncated file is one in hundreds.
    expect(found.get('zero-duration')!).toBeLessThan(jobs.length / 100);
  });
});
