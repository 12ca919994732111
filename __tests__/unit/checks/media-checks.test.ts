import { bitDepthOf, checkJob, CHECK_IDS, lowBitrateFloorKbps, type CheckId } from '@/lib/checks/media-checks';
import { createTranslator } from 'next-intl';
import { LOCALES } from '@/lib/i18n/locales';
import { MESSAGES } from '@/lib/i18n/messages';
import type { AudioStreamInfo, MediaInfoJob, VideoStreamInfo } from '@/lib/ice/schemas';

// Every check on probe data as ffprobe (through ICE) writes it: numbers as strings (bitrates in kbit/s),
// some missing, some junk. A well-made 1080p25 H.264/AAC MP4 fires nothing; each check is then shown firing on the one
// thing wrong, and not firing on its near miss and on missing or empty fields.

const VIDEO: VideoStreamInfo = {
  Index: '0',
  Codec_name: 'h264',
  Profile: 'High',
  Width: '1920',
  Height: '1080',
  Sar: '1:1',
  Dar: '16:9',
  PixFmt: 'yuv420p',
  Fps: '25.0',
  Avg_fps: '25.0',
  Start_time: '0.000000',
  Duration: '120.000000',
  Bit_rate: '6000.000',
};
const AUDIO: AudioStreamInfo = {
  Index: '1',
  CodecName: 'aac',
  SampleRate: '48000',
  Channels: '2',
  ChannelLayout: 'stereo',
  StartTime: '0.000000',
  Duration: '120.021333',
  Bitrate: '128.000',
};

function probe(
  change: { video?: Partial<VideoStreamInfo> | null; audio?: Partial<AudioStreamInfo> | null; videos?: VideoStreamInfo[]; audios?: AudioStreamInfo[]; file?: Record<string, string | undefined> } = {},
): MediaInfoJob {
  const videos = change.videos ?? (change.video === null ? [] : [{ ...VIDEO, ...change.video }]);
  const audios = change.audios ?? (change.audio === null ? [] : [{ ...AUDIO, ...change.audio }]);
  return {
    JobId: '9a231c4dc157dc50abd800ce0569de57',
    Status: 'Success',
    Input: { Type: 'OSS', Media: 'oss://media-in/promo/spring_launch_final.mp4' },
    MediaInfoProperty: {
      FileBasicInfo: { FileName: 'spring_launch_final.mp4', FormatName: 'mov,mp4,m4a,3gp,3g2,mj2', Duration: '120.021333', Bitrate: '6140.250', Width: '1920', Height: '1080', ...change.file },
      VideoStreamInfoList: videos,
      AudioStreamInfoList: audios,
    },
  } as MediaInfoJob;
}

const ids = (job: MediaInfoJob) => checkJob(job).map((finding) => finding.Id);
const only = (job: MediaInfoJob, id: CheckId) => expect(ids(job)).toEqual([id]);

it('finds nothing in a well-made file, nor in a job not probed yet', () => {
  expect(checkJob(probe())).toEqual([]);
  expect(checkJob({ JobId: 'x', Status: 'Init' } as MediaInfoJob)).toEqual([]);
  expect(checkJob({ JobId: 'x', Status: 'Success', MediaInfoProperty: {} } as MediaInfoJob)).toEqual([]);
});

it('zero-duration: a file that lasts nothing is a problem; an unknown duration is not', () => {
  expect(checkJob(probe({ file: { Duration: '0.000000' } }))[0]).toEqual({ Id: 'zero-duration', Severity: 'problem', Values: {} });
  expect(ids(probe({ file: { Duration: '' } }))).toEqual([]);
  expect(ids(probe({ file: { Duration: 'N/A' } }))).toEqual([]);
});

it('no-video and no-audio; cover art is not video', () => {
  only(probe({ video: null, file: { FileName: 'episode.m4a' } }), 'no-video');
  only(probe({ videos: [{ Index: '1', Codec_name: 'mjpeg', Width: '600', Height: '600' }], file: { FileName: 'song.m4a' } }), 'no-video');
  only(probe({ audio: null }), 'no-audio');
  expect(checkJob(probe({ audio: null }))[0]!.Severity).toBe('warning');
});

it('vfr: average apart from nominal; not the field rate of interlaced video, nor a rounding', () => {
  expect(checkJob(probe({ video: { Fps: '30.0', Avg_fps: '29.31' } }))).toEqual([{ Id: 'vfr', Severity: 'warning', Values: { nominal: 30, average: 29.31 } }]);
  expect(ids(probe({ video: { Fps: '30000/1001', Avg_fps: '29.97' } }))).toEqual([]);
  expect(ids(probe({ video: { Fps: '50.0', Avg_fps: '25.0' } }))).toEqual([]);
  expect(ids(probe({ video: { Fps: '0/0', Avg_fps: '25.0' } }))).toEqual([]);
  expect(ids(probe({ video: { Avg_fps: undefined } }))).toEqual([]);
});

it('rotated, non-square-pixels and odd-dimensions', () => {
  expect(checkJob(probe({ video: { Rotate: '-90' } }))).toEqual([{ Id: 'rotated', Severity: 'info', Values: { degrees: 270 } }]);
  expect(ids(probe({ video: { Rotate: '0' } }))).toEqual([]);
  expect(ids(probe({ video: { Rotate: '360' } }))).toEqual([]);
  expect(checkJob(probe({ video: { Width: '1440', Sar: '4:3', Dar: '16:9' } }))).toEqual([{ Id: 'non-square-pixels', Severity: 'warning', Values: { sar: '4:3', dar: '16:9' } }]);
  expect(ids(probe({ video: { Sar: '0:1' } }))).toEqual([]);
  expect(ids(probe({ video: { Sar: 'N/A' } }))).toEqual([]);
  expect(ids(probe({ video: { Sar: '' } }))).toEqual([]);
  expect(checkJob(probe({ video: { Width: '1279', Height: '720', Bit_rate: '3000.000' } }))).toEqual([{ Id: 'odd-dimensions', Severity: 'warning', Values: { width: 1279, height: 720 } }]);
});

it('high-bit-depth (possibly HDR, never said to be) and chroma-444-or-422', () => {
  expect(checkJob(probe({ video: { Codec_name: 'hevc', PixFmt: 'yuv420p10le' } }))).toEqual([{ Id: 'high-bit-depth', Severity: 'info', Values: { pixFmt: 'yuv420p10le', bits: 10 } }]);
  expect(ids(probe({ video: { Codec_name: 'prores', PixFmt: 'yuv422p10le' } }))).toEqual(['high-bit-depth', 'chroma-444-or-422']);
  expect(checkJob(probe({ video: { PixFmt: 'yuv444p' } }))[0]!.Values).toEqual({ pixFmt: 'yuv444p', chroma: '4:4:4' });
  expect(ids(probe({ video: { PixFmt: 'yuvj420p' } }))).toEqual([]);
  expect(ids(probe({ video: { PixFmt: '' } }))).toEqual([]);
  expect([bitDepthOf('yuv420p'), bitDepthOf('p010le'), bitDepthOf('gbrp12le'), bitDepthOf('yuvj420p'), bitDepthOf('unknown')]).toEqual([8, 10, 12, 8, undefined]);
});

it('av-duration-mismatch past half a second, av-start-offset past 0.1 s (AAC priming is not)', () => {
  expect(checkJob(probe({ audio: { Duration: '118.5' } }))).toEqual([{ Id: 'av-duration-mismatch', Severity: 'warning', Values: { video: 120, audio: 118.5, difference: 1.5 } }]);
  expect(ids(probe({ audio: { Duration: '120.4' } }))).toEqual([]);
  expect(ids(probe({ audio: { Duration: '0' } }))).toEqual([]);
  expect(checkJob(probe({ audio: { StartTime: '0.480000' } }))).toEqual([{ Id: 'av-start-offset', Severity: 'warning', Values: { video: 0, audio: 0.48, offset: 0.48 } }]);
  expect(ids(probe({ audio: { StartTime: '-0.021333' } }))).toEqual([]);
  // Audio first: the gap is said as a distance, not a negative one.
  expect(checkJob(probe({ video: { Start_time: '0.500000' } }))).toEqual([{ Id: 'av-start-offset', Severity: 'warning', Values: { video: 0.5, audio: 0, offset: 0.5 } }]);
  expect(ids(probe({ audio: { StartTime: undefined } }))).toEqual([]);
});

it('multiple-video-streams, many-audio-streams and surround-audio, with 30+ streams', () => {
  only(probe({ videos: [VIDEO, { ...VIDEO, Index: '1', Width: '640', Height: '360', Bit_rate: '900.000' }] }), 'multiple-video-streams');
  const dubs = Array.from({ length: 32 }, (_, i) => ({ ...AUDIO, Index: String(i + 1), Lang: `l${i}` }));
  expect(checkJob(probe({ audios: dubs }))).toEqual([{ Id: 'many-audio-streams', Severity: 'info', Values: { streams: 32 } }]);
  expect(ids(probe({ audios: [AUDIO, { ...AUDIO, Index: '2' }] }))).toEqual([]);
  expect(checkJob(probe({ audio: { CodecName: 'ac3', Channels: '6', ChannelLayout: '5.1(side)' } }))).toEqual([{ Id: 'surround-audio', Severity: 'info', Values: { channels: 6, layout: '5.1(side)' } }]);
  // No layout written: the sentence leaves it out rather than show empty brackets.
  const [unnamed] = checkJob(probe({ audio: { CodecName: 'ac3', Channels: '6', ChannelLayout: '' } }));
  expect(unnamed).toEqual({ Id: 'surround-audio', Severity: 'info', Values: { channels: 6, layout: 'unknown' } });
  for (const locale of LOCALES) {
    const t = createTranslator({ locale, messages: MESSAGES[locale], namespace: 'checks' });
    const said = (values: Record<string, string | number>) => t.markup('details.surround-audio', { ...values, v: (chunks) => `[${chunks}]` });
    expect(said(unnamed!.Values)).not.toMatch(/[(（][)）]|unknown/);
    expect(said({ channels: 6, layout: '5.1(side)' })).toContain('[5.1(side)]');
  }
});

it('unusual-sample-rate: 22.05 kHz is, 44.1 and 48 kHz are not', () => {
  expect(checkJob(probe({ audio: { SampleRate: '22050' } }))).toEqual([{ Id: 'unusual-sample-rate', Severity: 'info', Values: { rate: 22050 } }]);
  expect(ids(probe({ audio: { SampleRate: '44100' } }))).toEqual([]);
  expect(ids(probe({ audio: { SampleRate: '' } }))).toEqual([]);
});

it('low-bitrate for the resolution and codec, from the stream or else the file less its audio', () => {
  expect(checkJob(probe({ video: { Bit_rate: '1500.000' } }))).toEqual([{ Id: 'low-bitrate', Severity: 'warning', Values: { kbps: 1500, floor: 2500, codec: 'h264', height: 1080 } }]);
  // HEVC needs less: 1.8 Mbit/s at 1080p is fine.
  expect(ids(probe({ video: { Codec_name: 'hevc', Bit_rate: '1800.000' } }))).toEqual([]);
  // No stream rate (MKV, TS): the file's, less the audio's.
  expect(checkJob(probe({ video: { Bit_rate: undefined }, file: { Bitrate: '1328.000' } }))[0]!.Values).toEqual({ kbps: 1200, floor: 2500, codec: 'h264', height: 1080 });
  expect(ids(probe({ video: { Bit_rate: '', Height: '' } }))).toEqual([]);
  expect([lowBitrateFloorKbps('h264', 2160, 25), lowBitrateFloorKbps('av1', 720, 25), lowBitrateFloorKbps('h264', 720, 60), lowBitrateFloorKbps('h264', 360, undefined)]).toEqual([10_000, 720, 1800, 400]);
});

it('extension-mismatch: the file’s extension against its container, aliases known, unknown families let be', () => {
  expect(checkJob(probe({ file: { FileName: 'clip.mkv' } }))).toEqual([{ Id: 'extension-mismatch', Severity: 'warning', Values: { extension: 'mkv', container: 'mov,mp4,m4a,3gp,3g2,mj2' } }]);
  expect(ids(probe({ file: { FileName: 'clip.MOV' } }))).toEqual([]);
  expect(ids(probe({ file: { FileName: 'clip.m4v' } }))).toEqual([]);
  expect(ids(probe({ file: { FileName: 'feed.ts', FormatName: 'mpegts' } }))).toEqual([]);
  expect(ids(probe({ file: { FileName: 'feed.mp4', FormatName: 'mpegts' } }))).toEqual(['extension-mismatch']);
  expect(ids(probe({ file: { FileName: 'frame.png', FormatName: 'image2' } }))).toEqual([]);
  expect(ids(probe({ file: { FileName: 'no-extension', FormatName: 'matroska,webm' } }))).toEqual([]);
  // No file name: the input's, its query string aside.
  expect(ids(probe({ file: { FileName: undefined, FormatName: 'matroska,webm' } }))).toEqual(['extension-mismatch']);
});

it('says the most severe first, and every id it can say is listed', () => {
  const worst = probe({ audio: null, file: { Duration: '0', FileName: 'x.avi' }, video: { Rotate: '90' } });
  expect(checkJob(worst).map((f) => f.Severity)).toEqual(['problem', 'warning', 'warning', 'info']);
  expect(new Set(CHECK_IDS).size).toBe(17);
});
