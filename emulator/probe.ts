// ffprobe-like media information for the emulator's jobs, and the outcome of a submitted job.
//
// Outcome of a submitted job (probeSubmittedInput), decided from the input alone, so that submitting
// the same input twice gives the same job:
//   1. The object name (the OSS key of `oss://bucket/key`, the path of an http(s) URL, or the media id
//      of a Media input) contains `missing`, `nonexistent` or `does-not-exist`, in any case
//      → Fail, SubmitResultJson { Code: "InvalidParameter.ResourceNotFound", Message: "The specified
//      object does not exist: oss://…" }.
//   2. Else, the object name ends in an extension that is not a media one
//      → Fail, SubmitResultJson { Code: "InvalidMedia.UnsupportedFormat", Message: "Unsupported media
//      format: …: Invalid data found when processing input" } (ffprobe's own wording).
//      Media extensions, any case: mp4 m4v 3gp mov mkv webm ts mts m2ts flv m3u8 m4a mp3 wav aac.
//   3. Else Success, with probe data. A name without an extension (a media id, or an OSS object such as
//      `uploads/raw-1234`) succeeds too: ffprobe sniffs the content, so its container is drawn.
//
// Units, as ICE sends them: every number is a string. Duration and Start_time in seconds with 6
// decimals (whole milliseconds for Matroska and FLV, whose time base is 1/1000); FileSize in bytes;
// FileBasicInfo.Bitrate, video Bit_rate and audio Bitrate in kbit/s with 3 decimals, the convention of
// the documented example ("888.563" for a 848x478 stream). FileSize = Duration × Bitrate × 1000 / 8,
// except for HLS, whose FileSize is that of the playlist (as in the documented example).
//
// ICE documents no audio Profile field, so the AAC profile (LC / HE-AAC) shows only through bitrates.
import type { AudioStreamInfo, FileBasicInfo, JobInput, MediaInfoProperty, VideoStreamInfo } from './ice-types';
import { createRandom, hashString, type Random, type Weighted } from './random';

// ---------------------------------------------------------------------------------------------
// Containers
// ---------------------------------------------------------------------------------------------

type Container = 'mp4' | 'mov' | 'mkv' | 'webm' | 'ts' | 'flv' | 'm3u8' | 'm4a' | 'mp3' | 'wav' | 'aac';
/** Decides codec tags, time bases and which per-stream fields the demuxer knows. */
type Family = 'isobmff' | 'matroska' | 'mpegts' | 'flv' | 'hls' | 'mp3' | 'wav' | 'adts';

const ISOBMFF = { formatName: 'mov,mp4,m4a,3gp,3g2,mj2', family: 'isobmff' } as const;
const MATROSKA = { formatName: 'matroska,webm', family: 'matroska' } as const;

const CONTAINERS: Record<Container, { formatName: string; family: Family }> = {
  mp4: ISOBMFF,
  mov: ISOBMFF,
  m4a: ISOBMFF,
  mkv: MATROSKA,
  webm: MATROSKA,
  ts: { formatName: 'mpegts', family: 'mpegts' },
  flv: { formatName: 'flv', family: 'flv' },
  m3u8: { formatName: 'hls,applehttp', family: 'hls' },
  mp3: { formatName: 'mp3', family: 'mp3' },
  wav: { formatName: 'wav', family: 'wav' },
  aac: { formatName: 'aac', family: 'adts' },
};

const EXTENSIONS: Readonly<Record<string, Container>> = {
  mp4: 'mp4',
  m4v: 'mp4',
  '3gp': 'mp4',
  mov: 'mov',
  mkv: 'mkv',
  webm: 'webm',
  ts: 'ts',
  mts: 'ts',
  m2ts: 'ts',
  flv: 'flv',
  m3u8: 'm3u8',
  m4a: 'm4a',
  mp3: 'mp3',
  wav: 'wav',
  aac: 'aac',
};

/** Extensions probed as media; any other extension fails as an unsupported format. */
export const MEDIA_EXTENSIONS: readonly string[] = Object.keys(EXTENSIONS);

/** What an extension-less file turns out to be when sniffed. */
const SNIFFED: Weighted<Container> = [
  ['mp4', 70],
  ['mov', 8],
  ['mkv', 6],
  ['ts', 5],
  ['flv', 3],
  ['m4a', 5],
  ['mp3', 3],
];

// ---------------------------------------------------------------------------------------------
// Codecs
// ---------------------------------------------------------------------------------------------

type VideoCodec = 'h264' | 'hevc' | 'av1' | 'vp9';
type AudioCodec = 'aac' | 'opus' | 'mp3' | 'ac3' | 'pcm_s16le';

/** How a codec is tagged per family: an ISO-BMFF fourcc, or the numeric id of TS, FLV or WAV. */
interface CodecTags {
  fourcc?: string;
  ts?: number;
  flv?: number;
  wav?: number;
}

const VIDEO_CODECS: Record<VideoCodec, CodecTags & { longName: string; ticksPerFrame: number; bitsFactor: number }> = {
  // bitsFactor: bits needed for the same quality, relative to H.264.
  h264: { longName: 'H.264 / AVC / MPEG-4 AVC / MPEG-4 part 10', fourcc: 'avc1', ts: 0x1b, flv: 7, ticksPerFrame: 2, bitsFactor: 1 },
  hevc: { longName: 'H.265 / HEVC (High Efficiency Video Coding)', fourcc: 'hvc1', ts: 0x24, ticksPerFrame: 1, bitsFactor: 0.55 },
  av1: { longName: 'Alliance for Open Media AV1', fourcc: 'av01', ticksPerFrame: 1, bitsFactor: 0.45 },
  vp9: { longName: 'Google VP9', fourcc: 'vp09', ticksPerFrame: 1, bitsFactor: 0.5 },
};

const AUDIO_CODECS: Record<AudioCodec, CodecTags & { longName: string; sampleFmt: string }> = {
  aac: { longName: 'AAC (Advanced Audio Coding)', fourcc: 'mp4a', ts: 0x0f, flv: 10, sampleFmt: 'fltp' },
  opus: { longName: 'Opus (Opus Interactive Audio Codec)', fourcc: 'Opus', sampleFmt: 'fltp' },
  mp3: { longName: 'MP3 (MPEG audio layer 3)', fourcc: 'mp4a', ts: 0x03, flv: 2, sampleFmt: 'fltp' },
  ac3: { longName: 'ATSC A/52A (AC-3)', fourcc: 'ac-3', ts: 0x81, sampleFmt: 'fltp' },
  pcm_s16le: { longName: 'PCM signed 16-bit little-endian', wav: 1, sampleFmt: 's16' },
};

/** Codecs each container can carry, so a plan never puts VP9 in FLV or AC-3 in WebM. */
const VIDEO_IN: Partial<Record<Container, readonly VideoCodec[]>> = {
  mp4: ['h264', 'hevc', 'av1', 'vp9'],
  mov: ['h264', 'hevc'],
  mkv: ['h264', 'hevc', 'av1', 'vp9'],
  webm: ['vp9', 'av1'],
  ts: ['h264', 'hevc'],
  m3u8: ['h264', 'hevc'],
  flv: ['h264'],
};

const AUDIO_IN: Record<Container, readonly AudioCodec[]> = {
  mp4: ['aac', 'ac3', 'opus', 'mp3'],
  mov: ['aac', 'ac3'],
  m4a: ['aac'],
  mkv: ['aac', 'ac3', 'opus', 'mp3'],
  webm: ['opus'],
  ts: ['aac', 'ac3', 'mp3'],
  m3u8: ['aac'],
  flv: ['aac', 'mp3'],
  mp3: ['mp3'],
  wav: ['pcm_s16le'],
  aac: ['aac'],
};

// ---------------------------------------------------------------------------------------------
// Realistic value tables
// ---------------------------------------------------------------------------------------------

interface FrameRate {
  num: number;
  den: number;
}
const rate = (num: number, den = 1): FrameRate => ({ num, den });
const FPS = {
  f15: rate(15),
  f23976: rate(24000, 1001),
  f24: rate(24),
  f25: rate(25),
  f2997: rate(30000, 1001),
  f30: rate(30),
  f50: rate(50),
  f5994: rate(60000, 1001),
  f60: rate(60),
} as const;

const WEB_RATES: Weighted<FrameRate> = [
  [FPS.f23976, 10],
  [FPS.f24, 6],
  [FPS.f25, 25],
  [FPS.f2997, 12],
  [FPS.f30, 30],
  [FPS.f50, 5],
  [FPS.f5994, 4],
  [FPS.f60, 8],
];

type Size = readonly [width: number, height: number];
const WEB_SIZES: Weighted<Size> = [
  [[426, 240], 3],
  [[640, 360], 10],
  [[848, 478], 3],
  [[854, 480], 8],
  [[960, 540], 5],
  [[1280, 720], 30],
  [[1920, 1080], 32],
  [[2560, 1440], 4],
  [[3840, 2160], 3],
];
const PHONE_SIZES: Weighted<Size> = [
  [[1920, 1080], 60],
  [[1280, 720], 20],
  [[3840, 2160], 20],
];
/** Short-video exports are coded portrait, without a rotation flag. */
const PORTRAIT_SIZES: Weighted<Size> = [
  [[1080, 1920], 60],
  [[720, 1280], 35],
  [[576, 1024], 5],
];
const SCREEN_SIZES: Weighted<Size> = [
  [[1920, 1080], 50],
  [[2560, 1440], 20],
  [[2880, 1800], 10],
  [[1280, 720], 20],
];
const LEGACY_SIZES: Weighted<Size> = [
  [[320, 240], 30],
  [[352, 288], 20],
  [[426, 240], 25],
  [[640, 480], 25],
];
const HDR_SIZES: Weighted<Size> = [
  [[3840, 2160], 70],
  [[1920, 1080], 25],
  [[2560, 1440], 5],
];
const LIVE_SIZES: Weighted<Size> = [
  [[640, 360], 10],
  [[848, 478], 10],
  [[960, 540], 20],
  [[1280, 720], 35],
  [[1920, 1080], 25],
];

/** Phones record in landscape sensor order and flag portrait shots with a rotation. */
const PHONE_ROTATIONS: Weighted<number> = [
  [90, 60],
  [0, 25],
  [270, 10],
  [180, 5],
];

/**
 * Broadcast formats. Interlaced H.264 in TS reports the field rate as r_frame_rate (ffprobe's Fps) and
 * the frame rate as avg_frame_rate: 1080i25 shows Fps "50.0" and Avg_fps "25.0". Anamorphic SD and
 * HDV carry a non-square SAR.
 */
interface BroadcastFormat {
  size: Size;
  sar: readonly [number, number];
  fieldRate: FrameRate;
  frameFps: number;
  interlaced: boolean;
}
const BROADCAST_FORMATS: Weighted<BroadcastFormat> = [
  [{ size: [1920, 1080], sar: [1, 1], fieldRate: FPS.f50, frameFps: 25, interlaced: true }, 40],
  [{ size: [1440, 1080], sar: [4, 3], fieldRate: FPS.f50, frameFps: 25, interlaced: true }, 10],
  [{ size: [1920, 1080], sar: [1, 1], fieldRate: FPS.f5994, frameFps: 30000 / 1001, interlaced: true }, 20],
  [{ size: [720, 576], sar: [64, 45], fieldRate: FPS.f50, frameFps: 25, interlaced: true }, 10],
  [{ size: [720, 480], sar: [32, 27], fieldRate: FPS.f5994, frameFps: 30000 / 1001, interlaced: true }, 5],
  [{ size: [1280, 720], sar: [1, 1], fieldRate: FPS.f50, frameFps: 50, interlaced: false }, 15],
];

/** ISO 639-2 codes, for a broadcast feed or a film release carrying dozens of dubs. */
const TRACK_LANGUAGES = [
  'chi', 'eng', 'jpn', 'kor', 'fra', 'deu', 'spa', 'ita', 'por', 'rus', 'ara', 'hin', 'tha', 'vie',
  'ind', 'msa', 'nld', 'swe', 'nor', 'dan', 'fin', 'pol', 'ces', 'hun', 'ron', 'bul', 'hrv', 'srp',
  'ell', 'tur', 'heb', 'ukr', 'fas', 'urd', 'ben', 'tam', 'fil', 'cat',
] as const;

/** Stream languages as demuxers report them: `und` by default, the doc's `cn`, empty, or absent. */
const STREAM_LANGS: Weighted<string | undefined> = [
  ['und', 50],
  ['eng', 10],
  ['chi', 8],
  ['cn', 5],
  ['jpn', 3],
  ['', 8],
  [undefined, 16],
];

const REGIONS: Weighted<string> = [
  ['cn-shanghai', 5],
  ['cn-hangzhou', 3],
  ['cn-beijing', 3],
  ['cn-shenzhen', 2],
  ['ap-southeast-1', 1],
  ['us-west-1', 1],
];

// ---------------------------------------------------------------------------------------------
// Where the file is
// ---------------------------------------------------------------------------------------------

export interface MediaLocation {
  fileName: string;
  fileUrl: string;
  region: string;
  /** The media asset id, when the input named one rather than a file. */
  mediaId?: string;
}

const OSS_URL = /^oss:\/\/([^/]+)\/(.*)$/;
const HTTP_URL = /^https?:\/\/([^/?#]+)\/([^?#]*)/i;
const OSS_HOST_REGION = /\.oss-([a-z0-9-]+?)(?:-internal)?\.aliyuncs\.com$/i;
const EXTENSION = /\.([a-z0-9]{1,5})$/i;

/** The part of a media reference the fail rules look at: OSS key, URL path or media id. */
export function objectNameOf(media: string): string {
  const oss = OSS_URL.exec(media);
  if (oss) return oss[2] ?? '';
  const http = HTTP_URL.exec(media);
  if (http) return safeDecode(http[2] ?? '');
  return media;
}

function extensionOf(objectName: string): string {
  const lastSegment = objectName.slice(objectName.lastIndexOf('/') + 1);
  return EXTENSION.exec(lastSegment)?.[1]?.toLowerCase() ?? '';
}

/** A bucket lives in one region, so every file of a bucket gets the same one. */
function regionOfBucket(bucket: string): string {
  return createRandom(hashString(bucket)).weighted(REGIONS);
}

/**
 * FileName, FileUrl and Region of a media reference. A media id has no path of its own: its source
 * sits in an ICE-managed `outin-…` bucket, as for assets uploaded through the console.
 */
export function locateMedia(media: string, rng: Random, extension = 'mp4'): MediaLocation {
  const oss = OSS_URL.exec(media);
  if (oss) {
    const bucket = oss[1] ?? '';
    const key = oss[2] ?? '';
    const region = regionOfBucket(bucket);
    const encodedKey = key.split('/').map(encodeURIComponent).join('/');
    return { fileName: lastSegment(key), fileUrl: `http://${bucket}.oss-${region}.aliyuncs.com/${encodedKey}`, region };
  }
  const http = HTTP_URL.exec(media);
  if (http) {
    const region = OSS_HOST_REGION.exec(http[1] ?? '')?.[1] ?? 'cn-shanghai';
    return { fileName: lastSegment(safeDecode(http[2] ?? '')), fileUrl: media, region };
  }
  const region = rng.weighted(REGIONS);
  const name = `${rng.hex(8)}-${rng.hex(11)}.${extension}`;
  const fileUrl = `http://outin-${rng.hex(32)}.oss-${region}.aliyuncs.com/sv/${rng.hex(8)}-${rng.hex(11)}/${name}`;
  return { fileName: name, fileUrl, region, mediaId: media };
}

function lastSegment(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

// ---------------------------------------------------------------------------------------------
// Plans: what is inside a file, before it is written out as ICE fields
// ---------------------------------------------------------------------------------------------

interface VideoPlan {
  codec: VideoCodec;
  profile?: string;
  level: string;
  width: number;
  height: number;
  sar: readonly [number, number];
  pixFmt: string;
  /** r_frame_rate: the nominal (or, for interlaced video, the field) rate. */
  rate: FrameRate;
  /** avg_frame_rate: frames actually stored per second. */
  avgFps: number;
  /** Coded as fields: `rate` is then the field rate, twice avgFps. */
  interlaced?: boolean;
  rotate?: number;
  hasBFrames: number;
  kbps: number;
  fourcc?: string;
  timeBase?: string;
  lang?: string;
}

interface AudioPlan {
  codec: AudioCodec;
  sampleRate: number;
  channels: number;
  kbps: number;
  lang?: string;
}

interface Plan {
  video?: VideoPlan;
  audio: AudioPlan[];
  /** Subtitle and data streams: ICE lists none of them, but they use up stream indexes. */
  hiddenStreams: number;
  seconds: readonly [min: number, max: number];
  startTime: number;
}

type PlanKind =
  | 'web'
  | 'phone'
  | 'portrait'
  | 'screen'
  | 'legacy'
  | 'hdr'
  | 'broadcast'
  | 'multitrack'
  | 'live'
  | 'webm'
  | 'music'
  | 'podcast';

const PLANS_BY_CONTAINER: Record<Container, Weighted<PlanKind>> = {
  mp4: [
    ['web', 40], ['phone', 14], ['portrait', 10], ['hdr', 8], ['screen', 7], ['legacy', 6], ['live', 10], ['multitrack', 1], ['webm', 3],
  ],
  mov: [['phone', 55], ['web', 25], ['screen', 12], ['hdr', 8]],
  mkv: [['web', 40], ['hdr', 35], ['multitrack', 6], ['webm', 15]],
  webm: [['webm', 80], ['screen', 20]],
  ts: [['broadcast', 60], ['live', 32], ['multitrack', 8]],
  flv: [['live', 1]],
  m3u8: [['live', 70], ['web', 30]],
  m4a: [['podcast', 70], ['music', 30]],
  mp3: [['music', 60], ['podcast', 40]],
  wav: [['music', 50], ['podcast', 50]],
  aac: [['podcast', 60], ['music', 40]],
};

/** File names that give away their origin, so an IMG_1234.MOV is an actual phone clip. */
const NAME_HINTS: readonly (readonly [RegExp, PlanKind])[] = [
  [/^(IMG_\d{4}\.|VID_\d{8}_|PXL_\d{8}_|\d{8}_\d{6}\.)/i, 'phone'],
  [/screen ?record|^screen-\d/i, 'screen'],
  [/hdr|hlg|2160p|uhd|10bit|dolby ?vision/i, 'hdr'],
  [/^\d{4}(-\d{2}){5}/, 'live'],
];

function choosePlanKind(container: Container, fileName: string, rng: Random): PlanKind {
  const audioOnly = VIDEO_IN[container] === undefined;
  if (!audioOnly) {
    for (const [pattern, kind] of NAME_HINTS) if (pattern.test(fileName)) return kind;
  }
  return rng.weighted(PLANS_BY_CONTAINER[container]);
}

interface VideoSpec {
  codec: VideoCodec;
  profile?: string;
  width: number;
  height: number;
  sar?: readonly [number, number];
  pixFmt?: string;
  rate: FrameRate;
  avgFps?: number;
  interlaced?: boolean;
  rotate?: number;
  /** Bits per pixel per frame for H.264; other codecs scale it by their efficiency. */
  bpp: readonly [number, number];
  hasBFrames?: number;
  fourcc?: string;
  timeBase?: string;
  lang?: string;
}

function videoPlan(rng: Random, { bpp: bppRange, ...spec }: VideoSpec): VideoPlan {
  const avgFps = spec.avgFps ?? spec.rate.num / spec.rate.den;
  const bpp = between(rng, bppRange[0], bppRange[1]) * VIDEO_CODECS[spec.codec].bitsFactor;
  return {
    ...spec,
    sar: spec.sar ?? [1, 1],
    pixFmt: spec.pixFmt ?? 'yuv420p',
    avgFps,
    level: levelFor(spec.codec, spec.width, spec.height, avgFps, rng),
    kbps: (spec.width * spec.height * avgFps * bpp) / 1000,
    hasBFrames: spec.hasBFrames ?? bFramesFor(spec.codec, spec.profile, rng),
  };
}

/** Pixel-count ceilings: QVGA, SD (720x576), 720p, 1080p (1920x1088), 1440p, anything above. */
const PIXEL_TIERS = [110_000, 414_720, 921_600, 2_088_960, 3_686_400, Infinity] as const;

/** ffprobe's level numbers: H.264 as 10×level, HEVC as 30×level, AV1 as seq_level_idx, VP9 unknown. */
function levelFor(codec: VideoCodec, width: number, height: number, fps: number, rng: Random): string {
  const pixels = width * height;
  const fast = fps > 31;
  const tier = PIXEL_TIERS.findIndex((limit) => pixels <= limit);
  switch (codec) {
    case 'h264':
      return String([21, 30, fast ? 32 : 31, fast ? 42 : rng.pick([40, 40, 41]), fast ? 51 : 50, fast ? 52 : 51][tier]);
    case 'hevc':
      return String([60, 90, 93, fast ? 123 : 120, 150, fast ? 153 : 150][tier]);
    case 'av1':
      return String([1, 4, 5, fast ? 9 : 8, 12, fast ? 13 : 12][tier]);
    case 'vp9':
      return '-99';
  }
}

function bFramesFor(codec: VideoCodec, profile: string | undefined, rng: Random): number {
  if (codec === 'av1' || codec === 'vp9' || profile?.includes('Baseline')) return 0;
  return rng.weighted([
    [2, 70],
    [1, 20],
    [0, 10],
  ]);
}

function pickVideoCodec(rng: Random, container: Container, preferred: Weighted<VideoCodec>): VideoCodec {
  const allowed = VIDEO_IN[container] ?? ['h264'];
  const usable = preferred.filter(([codec]) => allowed.includes(codec));
  return usable.length > 0 ? rng.weighted(usable) : (allowed[0] ?? 'h264');
}

const PROFILES: Record<VideoCodec, { sdr: string; hdr: string }> = {
  h264: { sdr: 'High', hdr: 'High 10' },
  hevc: { sdr: 'Main', hdr: 'Main 10' },
  av1: { sdr: 'Main', hdr: 'Main' },
  vp9: { sdr: 'Profile 0', hdr: 'Profile 2' },
};

interface AudioSpec {
  codecs: Weighted<AudioCodec>;
  sampleRate?: number;
  channels?: number;
  lang?: string;
  /** Spoken word, where HE-AAC and low bitrates are the norm. */
  speech?: boolean;
}

function audioPlan(rng: Random, container: Container, spec: AudioSpec): AudioPlan {
  const allowed = AUDIO_IN[container];
  const usable = spec.codecs.filter(([codec]) => allowed.includes(codec));
  const codec = usable.length > 0 ? rng.weighted(usable) : (allowed[0] ?? 'aac');
  const channels = codec === 'mp3' ? Math.min(spec.channels ?? 2, 2) : (spec.channels ?? 2);
  const sampleRate = codec === 'opus' || codec === 'ac3' ? 48000 : (spec.sampleRate ?? rng.pick([44100, 48000]));
  const [nominal, exact] = audioBitrate(rng, codec, channels, sampleRate, spec.speech ?? false);
  // Constant-bitrate codecs report their nominal rate exactly; the others land near it.
  const kbps = exact ? nominal : nominal * between(rng, 0.96, 1.01);
  return { codec, sampleRate, channels, kbps, lang: spec.lang };
}

function audioBitrate(rng: Random, codec: AudioCodec, channels: number, sampleRate: number, speech: boolean): [number, boolean] {
  switch (codec) {
    case 'aac':
      if (channels === 6) return [rng.pick([384, 512]), false];
      if (speech) return [rng.pick([32, 48, 64, 96]), false]; // HE-AAC for the low ones
      return [channels === 1 ? rng.pick([64, 96]) : rng.pick([96, 128, 128, 160, 192, 256]), false];
    case 'opus':
      return [channels === 6 ? 256 : rng.pick([64, 96, 128, 160]), false];
    case 'mp3':
      return [speech ? rng.pick([64, 96, 128]) : rng.pick([128, 192, 256, 320, 320]), true];
    case 'ac3':
      return [channels === 6 ? rng.pick([384, 448, 640]) : rng.pick([192, 224]), true];
    case 'pcm_s16le':
      return [(sampleRate * 16 * channels) / 1000, true];
  }
}

/** Average rate of a variable-frame-rate recording: a little under nominal, never printed the same. */
function vfrAverage(rng: Random, nominal: FrameRate, low = 0.975, high = 0.998): number {
  const fps = nominal.num / nominal.den;
  let avg = fps * between(rng, low, high);
  if (formatFps(avg) === formatFps(fps)) avg -= 0.01;
  return avg;
}

const planBuilders: Record<PlanKind, (rng: Random, c: Container, fileName: string) => Plan> = {
  web(rng, c) {
    const codec = pickVideoCodec(rng, c, [['h264', 80], ['hevc', 15], ['av1', 5]]);
    const [width, height] = rng.weighted(WEB_SIZES);
    const profile = codec === 'h264' ? rng.weighted([['High', 75], ['Main', 25]] as const) : PROFILES[codec].sdr;
    const trackCount = rng.weighted([[0, 8], [1, 85], [2, 5], [3, 2]] as const);
    // A second or third track is a dub or a 5.1 mix.
    const audio = Array.from({ length: trackCount }, (_, i) =>
      i === 0
        ? audioPlan(rng, c, { codecs: [['aac', 90], ['mp3', 5], ['opus', 5]], channels: 2, lang: drawLang(rng) })
        : audioPlan(rng, c, { codecs: [['aac', 60], ['ac3', 40]], channels: rng.pick([2, 6]), lang: drawLang(rng) }),
    );
    return {
      video: videoPlan(rng, {
        codec,
        profile,
        width,
        height,
        rate: rng.weighted(WEB_RATES),
        bpp: [0.05, 0.12],
        lang: drawLang(rng),
        rotate: rotationField(c),
      }),
      audio,
      hiddenStreams: c === 'mkv' ? rng.int(0, 2) : 0,
      seconds: [15, 1800],
      startTime: c === 'm3u8' ? mpegtsStart(rng) : 0,
    };
  },

  phone(rng, c) {
    const apple = c === 'mov';
    const codec = pickVideoCodec(rng, c, apple ? [['hevc', 65], ['h264', 35]] : [['h264', 70], ['hevc', 30]]);
    // iPhones shoot HDR (HLG / Dolby Vision) as 10-bit HEVC; Android H.264 is often full-range yuvj420p.
    const tenBit = apple && codec === 'hevc' && rng.chance(0.25);
    const pixFmt = tenBit ? 'yuv420p10le' : codec === 'h264' && !apple && rng.chance(0.6) ? 'yuvj420p' : 'yuv420p';
    const h264Profile = rng.weighted([['High', 85], ['Baseline', 15]] as const);
    const [width, height] = rng.weighted(PHONE_SIZES);
    const nominal = rng.weighted([[FPS.f30, 75], [FPS.f60, 15], [FPS.f24, 5], [FPS.f25, 5]] as const);
    const hasAudio = rng.chance(0.97);
    const channels = rng.chance(0.3) ? 1 : 2;
    return {
      video: videoPlan(rng, {
        codec,
        profile: tenBit ? PROFILES[codec].hdr : codec === 'h264' ? h264Profile : 'Main',
        width,
        height,
        pixFmt,
        rate: nominal,
        // Phones drop or stretch frames in low light: the average drifts below the nominal rate.
        avgFps: rng.chance(0.7) ? vfrAverage(rng, nominal) : undefined,
        rotate: rng.weighted(PHONE_ROTATIONS),
        bpp: [0.2, 0.3],
        hasBFrames: codec === 'h264' ? 0 : rng.pick([0, 2]),
        fourcc: codec === 'hevc' ? 'hvc1' : undefined,
        timeBase: apple ? '1/600' : '1/90000',
        lang: 'und',
      }),
      audio: hasAudio ? [audioPlan(rng, c, { codecs: [['aac', 1]], sampleRate: apple ? 44100 : 48000, channels, lang: 'und' })] : [],
      hiddenStreams: apple ? rng.int(0, 2) : 0, // QuickTime metadata tracks
      seconds: [2, 300],
      startTime: 0,
    };
  },

  portrait(rng, c) {
    const [width, height] = rng.weighted(PORTRAIT_SIZES);
    return {
      video: videoPlan(rng, {
        codec: 'h264',
        profile: 'High',
        width,
        height,
        rate: rng.weighted([[FPS.f30, 60], [FPS.f25, 25], [FPS.f60, 15]] as const),
        bpp: [0.08, 0.15],
        rotate: 0,
        lang: drawLang(rng),
      }),
      audio: [audioPlan(rng, c, { codecs: [['aac', 1]], sampleRate: 44100, channels: 2, lang: drawLang(rng) })],
      hiddenStreams: 0,
      seconds: [8, 180],
      startTime: 0,
    };
  },

  screen(rng, c) {
    const codec = pickVideoCodec(rng, c, [['h264', 90], ['vp9', 10]]);
    const [width, height] = rng.weighted(SCREEN_SIZES);
    const nominal = rng.weighted([[FPS.f60, 60], [FPS.f30, 40]] as const);
    return {
      video: videoPlan(rng, {
        codec,
        profile: PROFILES[codec].sdr,
        width,
        height,
        rate: nominal,
        // Screen recorders only emit a frame when the screen changes: heavily variable frame rate.
        avgFps: vfrAverage(rng, nominal, 0.25, 0.8),
        bpp: [0.03, 0.08],
        rotate: rotationField(c),
      }),
      audio: rng.chance(0.4) ? [audioPlan(rng, c, { codecs: [['aac', 80], ['opus', 20]], sampleRate: 48000, channels: 2 })] : [],
      hiddenStreams: 0,
      seconds: [10, 3600],
      startTime: 0,
    };
  },

  legacy(rng, c) {
    const [width, height] = rng.weighted(LEGACY_SIZES);
    return {
      video: videoPlan(rng, {
        codec: 'h264',
        profile: rng.pick(['Baseline', 'Constrained Baseline', 'Main']),
        width,
        height,
        sar: width === 352 ? [12, 11] : [1, 1], // CIF is anamorphic 4:3
        rate: rng.weighted([[FPS.f15, 30], [FPS.f25, 35], [FPS.f2997, 35]] as const),
        bpp: [0.08, 0.15],
        rotate: rotationField(c),
      }),
      audio: [audioPlan(rng, c, { codecs: [['aac', 1]], sampleRate: rng.pick([22050, 44100]), channels: 1, speech: true })],
      hiddenStreams: 0,
      seconds: [10, 600],
      startTime: 0,
    };
  },

  hdr(rng, c, fileName) {
    const preferred: Weighted<VideoCodec> = /av1/i.test(fileName) ? [['av1', 1]] : [['hevc', 65], ['av1', 20], ['vp9', 15]];
    const codec = pickVideoCodec(rng, c, preferred);
    const [width, height] = rng.weighted(HDR_SIZES);
    // A 5.1 or stereo original, then stereo dubs.
    const audio = Array.from({ length: rng.int(1, 3) }, (_, i) =>
      audioPlan(rng, c, {
        codecs: [['ac3', 40], ['aac', 40], ['opus', 20]],
        channels: i === 0 ? rng.pick([2, 6, 6]) : 2,
        lang: i === 0 ? 'eng' : rng.pick(['chi', 'jpn', 'fra', '']),
      }),
    );
    return {
      video: videoPlan(rng, {
        codec,
        profile: PROFILES[codec].hdr,
        width,
        height,
        pixFmt: 'yuv420p10le',
        rate: rng.weighted([[FPS.f23976, 50], [FPS.f24, 15], [FPS.f25, 15], [FPS.f5994, 20]] as const),
        bpp: [0.09, 0.16],
        fourcc: codec === 'hevc' ? rng.pick(['hvc1', 'hev1']) : undefined,
        rotate: rotationField(c),
        lang: drawLang(rng),
      }),
      audio,
      hiddenStreams: c === 'mkv' ? rng.int(0, 6) : 0,
      seconds: [30, 7200],
      startTime: 0,
    };
  },

  broadcast(rng, c) {
    const format = rng.weighted(BROADCAST_FORMATS);
    const [width, height] = format.size;
    // Programme sound in stereo, then a 5.1 mix or a second language.
    const audio = Array.from({ length: rng.weighted([[1, 40], [2, 45], [3, 15]] as const) }, (_, i) =>
      audioPlan(rng, c, {
        codecs: i === 0 ? [['aac', 60], ['mp3', 20], ['ac3', 20]] : [['ac3', 60], ['aac', 40]],
        sampleRate: 48000,
        channels: i === 0 ? 2 : rng.pick([2, 6]),
        lang: i === 0 ? rng.pick(['chi', 'eng', '']) : rng.pick(['eng', 'chi', 'und']),
      }),
    );
    const codec = pickVideoCodec(rng, c, [['h264', 85], ['hevc', 15]]);
    return {
      video: videoPlan(rng, {
        codec,
        profile: codec === 'hevc' || width <= 720 ? 'Main' : 'High',
        width,
        height,
        sar: format.sar,
        rate: format.fieldRate,
        avgFps: format.frameFps,
        interlaced: format.interlaced,
        bpp: [0.2, 0.35],
        hasBFrames: 2,
      }),
      audio,
      hiddenStreams: rng.int(0, 2), // teletext, SCTE-35
      seconds: [300, 7200],
      // A recorded feed keeps the broadcaster's clock: start times far from zero.
      startTime: rng.chance(0.5) ? rng.int(600, 86_000) + rng.int(0, 999_999) / 1e6 : 1.4,
    };
  },

  multitrack(rng, c) {
    // A broadcast feed or a film release with dozens of dubs: 30+ streams in one file.
    const broadcast = c === 'ts';
    const format = broadcast ? rng.weighted(BROADCAST_FORMATS) : undefined;
    const audio = TRACK_LANGUAGES.slice(0, rng.int(30, TRACK_LANGUAGES.length)).map((lang, i) =>
      audioPlan(rng, c, {
        codecs: i < 2 ? [['ac3', 1]] : [['aac', 70], ['opus', 30]],
        sampleRate: 48000,
        channels: i < 2 ? 6 : 2,
        lang: rng.chance(0.05) ? '' : lang,
      }),
    );
    return {
      video: videoPlan(rng, {
        codec: 'h264',
        profile: 'High',
        width: format?.size[0] ?? 1920,
        height: format?.size[1] ?? 1080,
        sar: format?.sar,
        rate: format?.fieldRate ?? FPS.f23976,
        avgFps: format?.frameFps,
        interlaced: format?.interlaced,
        bpp: [0.1, 0.2],
        lang: broadcast ? undefined : 'eng',
      }),
      audio,
      hiddenStreams: broadcast ? rng.int(1, 3) : rng.int(10, 20), // teletext / subtitles
      seconds: [1800, 9000],
      startTime: broadcast ? 1.4 : 0,
    };
  },

  live(rng, c) {
    const [width, height] = rng.weighted(LIVE_SIZES);
    const nominal = rng.weighted([[FPS.f25, 40], [FPS.f30, 45], [FPS.f2997, 10], [FPS.f15, 5]] as const);
    const codec = pickVideoCodec(rng, c, [['h264', 95], ['hevc', 5]]);
    const h264Profile = rng.weighted([['High', 60], ['Main', 30], ['Baseline', 10]] as const);
    const hasAudio = rng.chance(0.95);
    return {
      video: videoPlan(rng, {
        codec,
        profile: codec === 'h264' ? h264Profile : PROFILES[codec].sdr,
        width,
        height,
        rate: nominal,
        // Pushed from OBS or a phone over a shaky uplink: dropped frames show in the average.
        avgFps: rng.chance(0.25) ? vfrAverage(rng, nominal, 0.9, 0.99) : undefined,
        bpp: [0.06, 0.12],
        rotate: rotationField(c),
      }),
      audio: hasAudio ? [audioPlan(rng, c, { codecs: [['aac', 90], ['mp3', 10]], sampleRate: 44100, lang: drawLang(rng) })] : [],
      hiddenStreams: 0,
      seconds: [60, 14_400],
      startTime: c === 'ts' || c === 'm3u8' ? mpegtsStart(rng) : c === 'flv' ? rng.pick([0, 0.033, 0.04]) : 0,
    };
  },

  webm(rng, c) {
    const codec = pickVideoCodec(rng, c, [['vp9', 80], ['av1', 20]]);
    const tenBit = codec === 'vp9' && rng.chance(0.15);
    const [width, height] = rng.weighted(WEB_SIZES);
    const hasAudio = rng.chance(0.85);
    return {
      video: videoPlan(rng, {
        codec,
        profile: tenBit ? PROFILES[codec].hdr : PROFILES[codec].sdr,
        width,
        height,
        pixFmt: tenBit ? 'yuv420p10le' : 'yuv420p',
        rate: rng.weighted(WEB_RATES),
        bpp: [0.05, 0.1],
        rotate: rotationField(c),
        lang: rng.pick(['eng', 'und', '']),
      }),
      audio: hasAudio ? [audioPlan(rng, c, { codecs: [['opus', 1]], channels: 2, lang: rng.pick(['eng', 'und', '']) })] : [],
      hiddenStreams: 0,
      seconds: [10, 1200],
      startTime: rng.pick([0, 0, 0.007]), // Opus pre-skip shifts the first packet
    };
  },

  music(rng, c) {
    const sampleRate = rng.weighted([[44100, 80], [48000, 20]] as const);
    return {
      audio: [audioPlan(rng, c, { codecs: ANY_AUDIO, sampleRate, channels: 2, lang: drawLang(rng) })],
      hiddenStreams: 0,
      seconds: [120, 420],
      startTime: 0,
    };
  },

  podcast(rng, c) {
    const sampleRate = rng.pick([44100, 48000]);
    return {
      audio: [audioPlan(rng, c, { codecs: ANY_AUDIO, sampleRate, channels: rng.pick([1, 2]), speech: true, lang: drawLang(rng) })],
      hiddenStreams: 0,
      seconds: [600, 7200],
      startTime: 0,
    };
  },
};

/** Audio-only files: the container alone decides the codec. */
const ANY_AUDIO: Weighted<AudioCodec> = [
  ['aac', 1],
  ['mp3', 1],
  ['pcm_s16le', 1],
];

/** MPEG-TS timestamps start at 1.4 s (ffmpeg's muxer delay) plus a little jitter. */
function mpegtsStart(rng: Random): number {
  return 1.4 + rng.int(0, 80_000) / 1e6;
}

/** Only ISO-BMFF carries a display matrix; elsewhere ICE has no rotation to report. */
function rotationField(container: Container): number | undefined {
  return CONTAINERS[container].family === 'isobmff' ? 0 : undefined;
}

function drawLang(rng: Random): string | undefined {
  return rng.weighted(STREAM_LANGS);
}

// ---------------------------------------------------------------------------------------------
// Writing a plan out as ICE fields
// ---------------------------------------------------------------------------------------------

/** Container overhead on top of the elementary streams (TS packetisation costs the most). */
const OVERHEAD: Record<Family, number> = {
  isobmff: 0.004,
  matroska: 0.006,
  mpegts: 0.07,
  flv: 0.012,
  hls: 0.07,
  mp3: 0.002,
  wav: 0.0001,
  adts: 0.02,
};

/**
 * ffprobe-like media information for a file. Deterministic for the same media string and generator
 * state; the extension picks the container (see MEDIA_EXTENSIONS) and a telling file name such as
 * IMG_1234.MOV picks what was recorded.
 */
export function probeMedia(media: string, rng: Random): MediaInfoProperty {
  const container = EXTENSIONS[extensionOf(objectNameOf(media))] ?? rng.weighted(SNIFFED);
  const { family, formatName } = CONTAINERS[container];
  const location = locateMedia(media, rng, container);
  const plan = planBuilders[choosePlanKind(container, location.fileName, rng)](rng, container, location.fileName);

  let duration = logUniform(rng, plan.seconds[0], plan.seconds[1]);
  if (family === 'matroska' || family === 'flv') duration = Math.round(duration * 1000) / 1000;

  const indexes = streamIndexes(rng, plan);
  const video = plan.video ? [videoStream(rng, plan.video, indexes[0] ?? 0, family, duration, plan.startTime)] : [];
  const firstAudio = plan.video ? 1 : 0;
  const audio = plan.audio.map((a, i) => {
    const index = indexes[firstAudio + i] ?? firstAudio + i;
    return audioStream(rng, a, index, family, duration, plan.startTime);
  });

  const streamKbps = (plan.video?.kbps ?? 0) + plan.audio.reduce((sum, a) => sum + a.kbps, 0);
  const totalKbps = streamKbps * (1 + OVERHEAD[family]);
  // HLS probes the playlist: its size is a few dozen bytes per segment, not the media's.
  const fileSize = family === 'hls' ? playlistBytes(rng, duration) : Math.round(duration * totalKbps * 125);
  const bitrate = family === 'hls' ? totalKbps : fileSize / duration / 125;

  const basic: FileBasicInfo = compact({
    MediaId: location.mediaId ?? rng.hex(32),
    FileName: location.fileName,
    FileStatus: 'Normal',
    FileType: 'source_file',
    FileSize: String(fileSize),
    FileUrl: location.fileUrl,
    Region: location.region,
    FormatName: formatName,
    Duration: seconds(duration),
    Bitrate: kbps(bitrate),
    Width: plan.video ? String(plan.video.width) : undefined,
    Height: plan.video ? String(plan.video.height) : undefined,
  });

  // An empty list and a missing one both occur: a reader must treat them alike.
  return compact({
    FileBasicInfo: basic,
    AudioStreamInfoList: audio.length > 0 || rng.chance(0.5) ? audio : undefined,
    VideoStreamInfoList: video.length > 0 || rng.chance(0.5) ? video : undefined,
  });
}

/** A header, then an #EXTINF line and a segment URI per 2-10 s segment. */
function playlistBytes(rng: Random, duration: number): number {
  return 200 + Math.ceil(duration / rng.pick([2, 4, 6, 10])) * rng.int(60, 180);
}

/** Stream indexes: video first, then audio, with unlisted subtitle/data streams taking some slots. */
function streamIndexes(rng: Random, plan: Plan): number[] {
  const listed = (plan.video ? 1 : 0) + plan.audio.length;
  const slots = Array.from({ length: listed + plan.hiddenStreams }, (_, i) => i);
  for (let hidden = 0; hidden < plan.hiddenStreams && slots.length > 1; hidden++) {
    slots.splice(rng.int(1, slots.length - 1), 1);
  }
  return slots;
}

function videoStream(rng: Random, v: VideoPlan, index: number, family: Family, duration: number, startTime: number): VideoStreamInfo {
  const codec = VIDEO_CODECS[v.codec];
  const [tagString, tag] = codecTag(family, { ...codec, fourcc: v.fourcc ?? codec.fourcc });
  const frames = Math.floor(duration * v.avgFps);
  const streamDuration = frames / v.avgFps;
  // Matroska stores no per-stream duration, bitrate or frame count; ffprobe leaves them out.
  const perStream = family !== 'matroska';
  const [sarNum, sarDen] = v.sar;
  return compact({
    Index: String(index),
    Codec_name: v.codec,
    Codec_long_name: codec.longName,
    // Some encoders signal no profile ffprobe can name.
    Profile: rng.chance(0.04) ? undefined : v.profile,
    // H.264 ticks twice per frame, so its time base is half a frame: one field of interlaced video.
    Codec_time_base: ratio(v.rate.den, v.rate.num * (v.interlaced ? 1 : codec.ticksPerFrame)),
    Codec_tag_string: tagString,
    Codec_tag: tag,
    Width: String(v.width),
    Height: String(v.height),
    Has_b_frames: String(v.hasBFrames),
    Sar: `${sarNum}:${sarDen}`,
    Dar: ratio(v.width * sarNum, v.height * sarDen, ':'),
    PixFmt: v.pixFmt,
    Level: v.level,
    Fps: formatFps(v.rate.num / v.rate.den),
    Avg_fps: formatFps(v.avgFps),
    Time_base: v.timeBase ?? videoTimeBase(family, v.rate),
    Start_time: seconds(startTime),
    Duration: perStream ? seconds(streamDuration) : undefined,
    Bit_rate: perStream ? kbps(v.kbps) : undefined,
    NumFrames: perStream ? String(frames) : undefined,
    Lang: v.lang,
    Rotate: v.rotate === undefined ? undefined : String(v.rotate),
  });
}

function audioStream(rng: Random, a: AudioPlan, index: number, family: Family, duration: number, videoStart: number): AudioStreamInfo {
  const codec = AUDIO_CODECS[a.codec];
  const [tagString, tag] = codecTag(family, codec);
  // Audio usually starts a frame or two before or after video in TS; elsewhere with it.
  const start = family === 'mpegts' || family === 'hls' ? Math.max(0, videoStart + rng.int(-40, 40) / 1000) : videoStart;
  const streamDuration = Math.max(0, duration - rng.int(0, 30_000) / 1e6);
  const perStream = family !== 'matroska';
  // The documented example shows "0.f" for an HLS audio bitrate: ICE passes ffprobe's oddities on.
  const bitrate = family === 'hls' && rng.chance(0.5) ? '0.f' : kbps(a.kbps);
  return compact({
    Index: String(index),
    CodecName: a.codec,
    CodecLongName: codec.longName,
    CodecTimeBase: `1/${a.sampleRate}`,
    CodecTagString: tagString,
    CodecTag: tag,
    SampleFmt: codec.sampleFmt,
    SampleRate: String(a.sampleRate),
    Channels: String(a.channels),
    ChannelLayout: channelLayout(a.codec, a.channels),
    Timebase: audioTimeBase(family, a.sampleRate),
    StartTime: seconds(start),
    Duration: perStream ? seconds(streamDuration) : undefined,
    Bitrate: perStream ? bitrate : undefined,
    Lang: a.lang,
  });
}

function channelLayout(codec: AudioCodec, channels: number): string {
  if (channels === 1) return 'mono';
  if (channels === 2) return 'stereo';
  return codec === 'ac3' ? '5.1(side)' : '5.1';
}

/** ffprobe's codec_tag_string and codec_tag: a fourcc in ISO-BMFF, a small numeric id elsewhere. */
function codecTag(family: Family, tags: CodecTags): [string, string] {
  switch (family) {
    case 'isobmff':
      return tags.fourcc ? fourccTag(tags.fourcc) : numericTag(0);
    case 'mpegts':
    case 'hls':
      return numericTag(tags.ts ?? 0);
    case 'flv':
      return numericTag(tags.flv ?? 0);
    case 'wav':
      return numericTag(tags.wav ?? 0);
    default:
      return numericTag(0);
  }
}

function fourccTag(fourcc: string): [string, string] {
  let value = 0;
  for (let i = 3; i >= 0; i--) value = value * 256 + fourcc.charCodeAt(i);
  return [fourcc, `0x${value.toString(16).padStart(8, '0')}`];
}

function numericTag(id: number): [string, string] {
  return [`[${id}][0][0][0]`, `0x${id.toString(16).padStart(4, '0')}`];
}

/** ffmpeg's MP4 muxer doubles the frame rate numerator until the timescale reaches 10000. */
function videoTimeBase(family: Family, r: FrameRate): string {
  if (family === 'mpegts' || family === 'hls') return '1/90000';
  if (family !== 'isobmff') return '1/1000';
  let timescale = r.num;
  while (timescale < 10_000) timescale *= 2;
  return `1/${timescale}`;
}

function audioTimeBase(family: Family, sampleRate: number): string {
  switch (family) {
    case 'isobmff':
    case 'wav':
      return `1/${sampleRate}`;
    case 'mpegts':
    case 'hls':
      return '1/90000';
    case 'mp3':
      return '1/14112000';
    case 'adts':
      return '1/28224000';
    default:
      return '1/1000';
  }
}

// ---------------------------------------------------------------------------------------------
// Submitted jobs
// ---------------------------------------------------------------------------------------------

export type ProbeOutcome =
  | { Status: 'Success'; MediaInfoProperty: MediaInfoProperty; SubmitResultJson: Record<string, unknown> }
  | { Status: 'Fail'; SubmitResultJson: Record<string, unknown> };

const NOT_FOUND_MARKERS = /missing|nonexistent|does-not-exist/i;

/** The outcome of a submitted job, from its input alone (rules at the top of this file). */
export function probeSubmittedInput(input: JobInput): ProbeOutcome {
  const objectName = objectNameOf(input.Media);
  if (NOT_FOUND_MARKERS.test(objectName)) return { Status: 'Fail', SubmitResultJson: resourceNotFound(input) };
  const extension = extensionOf(objectName);
  if (extension !== '' && !(extension in EXTENSIONS)) return { Status: 'Fail', SubmitResultJson: unsupportedFormat(input.Media) };
  const rng = createRandom(hashString(`${input.Type}:${input.Media}`));
  return { Status: 'Success', MediaInfoProperty: probeMedia(input.Media, rng), SubmitResultJson: successResult() };
}

export function successResult(): Record<string, unknown> {
  return { Code: 'Success', Message: 'ok' };
}

export function resourceNotFound(input: JobInput): Record<string, unknown> {
  return input.Type === 'Media'
    ? { Code: 'InvalidParameter.ResourceNotFound', Message: `The specified media asset does not exist: ${input.Media}` }
    : { Code: 'InvalidParameter.ResourceNotFound', Message: `The specified object does not exist: ${input.Media}` };
}

export function unsupportedFormat(media: string): Record<string, unknown> {
  return {
    Code: 'InvalidMedia.UnsupportedFormat',
    Message: `Unsupported media format: ${media}: Invalid data found when processing input`,
  };
}

// ---------------------------------------------------------------------------------------------
// Small helpers
// ---------------------------------------------------------------------------------------------

function between(rng: Random, low: number, high: number): number {
  return low + rng.next() * (high - low);
}

/** Durations spread over orders of magnitude: as many 10-20 s clips as 100-200 s ones. */
function logUniform(rng: Random, low: number, high: number): number {
  return low * Math.pow(high / low, rng.next());
}

function seconds(value: number): string {
  return value.toFixed(6);
}

function kbps(value: number): string {
  return value.toFixed(3);
}

/** "25.0" for whole rates, "29.97" and "23.976" for NTSC ones, as ICE prints them. */
function formatFps(fps: number): string {
  const rounded = Math.round(fps * 1000) / 1000;
  return Number.isInteger(rounded) ? rounded.toFixed(1) : String(rounded);
}

function ratio(a: number, b: number, separator = '/'): string {
  const d = gcd(a, b);
  return `${a / d}${separator}${b / d}`;
}

function gcd(a: number, b: number): number {
  while (b !== 0) [a, b] = [b, a % b];
  return a;
}

/** Drops keys whose value is undefined, so an absent field is absent rather than `undefined`. */
export function compact<T extends object>(value: T): T {
  for (const key of Object.keys(value) as (keyof T)[]) {
    if (value[key] === undefined) delete value[key];
  }
  return value;
}
