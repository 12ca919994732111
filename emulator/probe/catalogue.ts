// What the probe knows about media before it draws anything: containers and the extensions that name
// them, codecs and which container carries which, and tables of realistic values (frame rates, sizes,
// rotations, broadcast formats, languages, regions) weighted by how often they occur.
import type { Weighted } from '../random';

// ---------------------------------------------------------------------------------------------
// Containers
// ---------------------------------------------------------------------------------------------

export type Container = 'mp4' | 'mov' | 'mkv' | 'webm' | 'ts' | 'flv' | 'm3u8' | 'm4a' | 'mp3' | 'wav' | 'aac';
/** Decides codec tags, time bases and which per-stream fields the demuxer knows. */
export type Family = 'isobmff' | 'matroska' | 'mpegts' | 'flv' | 'hls' | 'mp3' | 'wav' | 'adts';

const ISOBMFF = { formatName: 'mov,mp4,m4a,3gp,3g2,mj2', family: 'isobmff' } as const;
const MATROSKA = { formatName: 'matroska,webm', family: 'matroska' } as const;

export const CONTAINERS: Record<Container, { formatName: string; family: Family }> = {
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

export const EXTENSIONS: Readonly<Record<string, Container>> = {
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
export const SNIFFED: Weighted<Container> = [
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

export type VideoCodec = 'h264' | 'hevc' | 'av1' | 'vp9';
export type AudioCodec = 'aac' | 'opus' | 'mp3' | 'ac3' | 'pcm_s16le';

/** How a codec is tagged per family: an ISO-BMFF fourcc, or the numeric id of TS, FLV or WAV. */
export interface CodecTags {
  fourcc?: string;
  ts?: number;
  flv?: number;
  wav?: number;
}

export const VIDEO_CODECS: Record<VideoCodec, CodecTags & { longName: string; ticksPerFrame: number; bitsFactor: number }> = {
  // bitsFactor: bits needed for the same quality, relative to H.264.
  h264: { longName: 'H.264 / AVC / MPEG-4 AVC / MPEG-4 part 10', fourcc: 'avc1', ts: 0x1b, flv: 7, ticksPerFrame: 2, bitsFactor: 1 },
  hevc: { longName: 'H.265 / HEVC (High Efficiency Video Coding)', fourcc: 'hvc1', ts: 0x24, ticksPerFrame: 1, bitsFactor: 0.55 },
  av1: { longName: 'Alliance for Open Media AV1', fourcc: 'av01', ticksPerFrame: 1, bitsFactor: 0.45 },
  vp9: { longName: 'Google VP9', fourcc: 'vp09', ticksPerFrame: 1, bitsFactor: 0.5 },
};

export const AUDIO_CODECS: Record<AudioCodec, CodecTags & { longName: string; sampleFmt: string }> = {
  aac: { longName: 'AAC (Advanced Audio Coding)', fourcc: 'mp4a', ts: 0x0f, flv: 10, sampleFmt: 'fltp' },
  opus: { longName: 'Opus (Opus Interactive Audio Codec)', fourcc: 'Opus', sampleFmt: 'fltp' },
  mp3: { longName: 'MP3 (MPEG audio layer 3)', fourcc: 'mp4a', ts: 0x03, flv: 2, sampleFmt: 'fltp' },
  ac3: { longName: 'ATSC A/52A (AC-3)', fourcc: 'ac-3', ts: 0x81, sampleFmt: 'fltp' },
  pcm_s16le: { longName: 'PCM signed 16-bit little-endian', wav: 1, sampleFmt: 's16' },
};

/** Codecs each container can carry, so a plan never puts VP9 in FLV or AC-3 in WebM. */
export const VIDEO_IN: Partial<Record<Container, readonly VideoCodec[]>> = {
  mp4: ['h264', 'hevc', 'av1', 'vp9'],
  mov: ['h264', 'hevc'],
  mkv: ['h264', 'hevc', 'av1', 'vp9'],
  webm: ['vp9', 'av1'],
  ts: ['h264', 'hevc'],
  m3u8: ['h264', 'hevc'],
  flv: ['h264'],
};

export const AUDIO_IN: Record<Container, readonly AudioCodec[]> = {
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

export interface FrameRate {
  num: number;
  den: number;
}
const rate = (num: number, den = 1): FrameRate => ({ num, den });
export const FPS = {
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

export const WEB_RATES: Weighted<FrameRate> = [
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
export const WEB_SIZES: Weighted<Size> = [
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
export const PHONE_SIZES: Weighted<Size> = [
  [[1920, 1080], 60],
  [[1280, 720], 20],
  [[3840, 2160], 20],
];
/** Short-video exports are coded portrait, without a rotation flag. */
export const PORTRAIT_SIZES: Weighted<Size> = [
  [[1080, 1920], 60],
  [[720, 1280], 35],
  [[576, 1024], 5],
];
export const SCREEN_SIZES: Weighted<Size> = [
  [[1920, 1080], 50],
  [[2560, 1440], 20],
  [[2880, 1800], 10],
  [[1280, 720], 20],
];
export const LEGACY_SIZES: Weighted<Size> = [
  [[320, 240], 30],
  [[352, 288], 20],
  [[426, 240], 25],
  [[640, 480], 25],
];
export const HDR_SIZES: Weighted<Size> = [
  [[3840, 2160], 70],
  [[1920, 1080], 25],
  [[2560, 1440], 5],
];
export const LIVE_SIZES: Weighted<Size> = [
  [[640, 360], 10],
  [[848, 478], 10],
  [[960, 540], 20],
  [[1280, 720], 35],
  [[1920, 1080], 25],
];

/** Phones record in landscape sensor order and flag portrait shots with a rotation. */
export const PHONE_ROTATIONS: Weighted<number> = [
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
export const BROADCAST_FORMATS: Weighted<BroadcastFormat> = [
  [{ size: [1920, 1080], sar: [1, 1], fieldRate: FPS.f50, frameFps: 25, interlaced: true }, 40],
  [{ size: [1440, 1080], sar: [4, 3], fieldRate: FPS.f50, frameFps: 25, interlaced: true }, 10],
  [{ size: [1920, 1080], sar: [1, 1], fieldRate: FPS.f5994, frameFps: 30000 / 1001, interlaced: true }, 20],
  [{ size: [720, 576], sar: [64, 45], fieldRate: FPS.f50, frameFps: 25, interlaced: true }, 10],
  [{ size: [720, 480], sar: [32, 27], fieldRate: FPS.f5994, frameFps: 30000 / 1001, interlaced: true }, 5],
  [{ size: [1280, 720], sar: [1, 1], fieldRate: FPS.f50, frameFps: 50, interlaced: false }, 15],
];

/** ISO 639-2 codes, for a broadcast feed or a film release carrying dozens of dubs. */
export const TRACK_LANGUAGES = [
  'chi', 'eng', 'jpn', 'kor', 'fra', 'deu', 'spa', 'ita', 'por', 'rus', 'ara', 'hin', 'tha', 'vie',
  'ind', 'msa', 'nld', 'swe', 'nor', 'dan', 'fin', 'pol', 'ces', 'hun', 'ron', 'bul', 'hrv', 'srp',
  'ell', 'tur', 'heb', 'ukr', 'fas', 'urd', 'ben', 'tam', 'fil', 'cat',
] as const;

/** Stream languages as demuxers report them: `und` by default, the doc's `cn`, empty, or absent. */
export const STREAM_LANGS: Weighted<string | undefined> = [
  ['und', 50],
  ['eng', 10],
  ['chi', 8],
  ['cn', 5],
  ['jpn', 3],
  ['', 8],
  [undefined, 16],
];

export const REGIONS: Weighted<string> = [
  ['cn-shanghai', 5],
  ['cn-hangzhou', 3],
  ['cn-beijing', 3],
  ['cn-shenzhen', 2],
  ['ap-southeast-1', 1],
  ['us-west-1', 1],
];
