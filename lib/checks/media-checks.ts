// What is unusual about a probed file, from the job alone: pure functions, no I/O. Each finding has a
// stable id, a severity, and the values it was found from; the words (what was found and why it
// matters, in the reader's language) are the `checks` messages, filled from those values. Worded for
// what the probe shows and no more: ICE gives no colour, HDR metadata, field order, timecode or
// loudness (../shared/reference/ice-api-facts.md), so a 10-bit pixel format is "high bit depth,
// possibly HDR", never "HDR". A missing or unreadable field never fires a check.
import { parseMediaNumber } from '@/lib/format/numbers';
import { parseFrameRate } from '@/lib/format/frame-rate';
import type { AudioStreamInfo, MediaInfoJob, VideoStreamInfo } from '@/lib/ice/schemas';
import { CHECK_IDS, type CheckId } from './check-ids';

export { CHECK_IDS, type CheckId };


export type Severity = 'info' | 'warning' | 'problem';
export const SEVERITIES: readonly Severity[] = ['problem', 'warning', 'info'];

/** How much each finding matters: a problem stops a delivery, a warning likely needs work, a note is worth knowing. */
const SEVERITY_OF: Record<CheckId, Severity> = {
  'zero-duration': 'problem',
  'no-video': 'info',
  'no-audio': 'warning',
  'vfr': 'warning',
  'rotated': 'info',
  'non-square-pixels': 'warning',
  'odd-dimensions': 'warning',
  'av-duration-mismatch': 'warning',
  'av-start-offset': 'warning',
  'high-bit-depth': 'info',
  'chroma-444-or-422': 'info',
  'multiple-video-streams': 'warning',
  'many-audio-streams': 'info',
  'surround-audio': 'info',
  'unusual-sample-rate': 'info',
  'low-bitrate': 'warning',
  'extension-mismatch': 'warning',
};
export const severityOf = (id: CheckId): Severity => SEVERITY_OF[id];

export interface Finding {
  Id: CheckId;
  Severity: Severity;
  /** What it was found from, for the words and for scripts: numbers in their unit (s, fps, kbit/s as ICE gives bitrates, Hz). */
  Values: Record<string, string | number>;
}

/** Audio and video durations further apart than this are a mismatch (a frame or two is not). */
export const AV_DURATION_TOLERANCE_S = 0.5;
/** Streams starting further apart than this are offset (AAC priming, 21 to 46 ms, is not). */
export const AV_START_TOLERANCE_S = 0.1;
/** More audio streams than this are many (a stereo pair and a commentary are not). */
export const MANY_AUDIO_STREAMS = 2;
/** Average and nominal frame rates apart by more than this share are variable frame rate. */
const VFR_TOLERANCE = 0.005;
/** Sample rates a delivery expects; others are resampled somewhere down the line. */
export const USUAL_SAMPLE_RATES = [44_100, 48_000, 88_200, 96_000];
/** Video codecs that picture a still (cover art an audio file carries as a "video" stream). */
const STILL_CODECS = new Set(['mjpeg', 'png', 'bmp', 'gif', 'webp']);

/** The video streams that move: cover art left out. */
export const movingVideoStreams = <S extends { Codec_name?: string }>(videos: S[]): S[] => videos.filter((v) => !STILL_CODECS.has((v.Codec_name ?? '').toLowerCase()));

/**
 * Lowest video bitrate (kbit/s) that is not "low" for H.264 at a height class, 30 fps or less: well
 * under common streaming ladders (Apple's HLS authoring guide, YouTube's upload advice), so only files
 * that will look starved fire. HEVC, VP9 and AV1 need about 60 % of that; above 30 fps, 1.5 ×.
 */
const LOW_BITRATE_KBPS: [minHeight: number, kbps: number][] = [
  [2160, 10_000],
  [1440, 5_000],
  [1080, 2_500],
  [720, 1_200],
  [0, 400],
];
const EFFICIENT_CODECS = new Set(['hevc', 'h265', 'vp9', 'av1']);

/**
 * Container families and the file extensions that name them (ffprobe's family names are extensions
 * themselves; these are the others a file of the family is commonly called).
 */
const EXTENSIONS_OF: Record<string, string[]> = {
  mov: ['m4v', 'm4b', 'qt'],
  matroska: ['mkv', 'mka', 'mk3d'],
  mpegts: ['ts', 'm2ts', 'mts', 'm2t', 'tsv'],
  hls: ['m3u8'],
  ogg: ['ogv', 'oga', 'opus'],
  mpeg: ['mpg', 'vob', 'm2p'],
  asf: ['wmv', 'wma'],
  mp3: ['mp3'],
  aac: ['aac', 'adts'],
  wav: ['wav', 'wave'],
  mxf: ['mxf'],
  avi: ['avi'],
  flv: ['flv'],
  flac: ['flac'],
  webm: ['webm'],
};

const num = (value: string | number | undefined) => parseMediaNumber(value);
const round = (value: number, digits = 3) => Math.round(value * 10 ** digits) / 10 ** digits;

/** The findings for one job, most severe first; none for a job not probed (yet, or at all). */
export function checkJob(job: MediaInfoJob): Finding[] {
  const info = job.MediaInfoProperty;
  // A failed probe's partial facts (a truncated file's size) are no probe.
  if (!info || job.Status !== 'Success') return [];
  const file = info.FileBasicInfo ?? {};
  const videos = info.VideoStreamInfoList ?? [];
  const audios = info.AudioStreamInfoList ?? [];
  // Cover art is not the picture: an mp3 with a JPEG in it is an audio file.
  const moving = movingVideoStreams(videos);
  const video = moving[0];
  const audio = audios[0];
  const found: Finding[] = [];
  const add = (Id: CheckId, Values: Finding['Values'] = {}) => found.push({ Id, Severity: SEVERITY_OF[Id], Values });

  const duration = num(file.Duration);
  if (duration === 0) add('zero-duration');
  if (moving.length === 0 && audios.length > 0) add('no-video');
  if (moving.length > 0 && audios.length === 0) add('no-audio');
  if (video) checkVideo(video, add);
  if (moving.length > 1) add('multiple-video-streams', { streams: moving.length });
  if (audios.length > MANY_AUDIO_STREAMS) add('many-audio-streams', { streams: audios.length });
  checkAudio(audios, add);
  if (video && audio) checkSync(video, audio, add);
  const lowBitrate = bitrateFinding(video, file.Bitrate, audios);
  if (lowBitrate) add('low-bitrate', lowBitrate);
  const extension = extensionFinding(file.FormatName, file.FileName ?? job.Input?.Media);
  if (extension) add('extension-mismatch', extension);
  return found.sort((a, b) => SEVERITIES.indexOf(a.Severity) - SEVERITIES.indexOf(b.Severity));
}

type Add = (id: CheckId, values?: Finding['Values']) => void;

function checkVideo(video: VideoStreamInfo, add: Add): void {
  const nominal = parseFrameRate(video.Fps);
  const average = parseFrameRate(video.Avg_fps);
  // Interlaced video reports its field rate as the nominal one (50 for 25i): twice the average is not VFR.
  const interlacedRate = nominal !== undefined && average !== undefined && Math.abs(nominal - 2 * average) / nominal < VFR_TOLERANCE;
  if (nominal !== undefined && average !== undefined && !interlacedRate && Math.abs(nominal - average) / nominal > VFR_TOLERANCE) {
    add('vfr', { nominal: round(nominal), average: round(average) });
  }
  const rotate = num(video.Rotate);
  if (rotate !== undefined && rotate % 360 !== 0) add('rotated', { degrees: ((rotate % 360) + 360) % 360 });
  const sar = /^(\d+):(\d+)$/.exec(video.Sar?.trim() ?? '');
  // 0:1 is ffprobe's "unknown"; N:N is square.
  if (sar && sar[1] !== '0' && sar[2] !== '0' && sar[1] !== sar[2]) add('non-square-pixels', { sar: `${sar[1]}:${sar[2]}`, ...(video.Dar ? { dar: video.Dar } : {}) });
  const width = num(video.Width);
  const height = num(video.Height);
  if (width !== undefined && height !== undefined && width > 0 && height > 0 && (width % 2 === 1 || height % 2 === 1)) add('odd-dimensions', { width, height });
  const pixFmt = (video.PixFmt ?? '').toLowerCase();
  const depth = bitDepthOf(pixFmt);
  if (depth !== undefined && depth > 8) add('high-bit-depth', { pixFmt, bits: depth });
  const chroma = /(?:yuvj?|yuva)(444|422)|^(?:gbrp|rgb|bgr|argb|rgba|bgra)/.exec(pixFmt);
  if (chroma) add('chroma-444-or-422', { pixFmt, chroma: chroma[1] ? `4:${chroma[1][1]}:${chroma[1][2]}` : '4:4:4' });
}

/** Bits a sample of a pixel format: "yuv420p10le" 10, "p010le" 10, "yuv420p" 8; undefined when it does not say. */
export function bitDepthOf(pixFmt: string): number | undefined {
  if (!pixFmt) return undefined;
  const explicit = /p(\d{2})(?:le|be)?$/.exec(pixFmt) ?? /^[py]0(\d{2})/.exec(pixFmt);
  if (explicit) return Number(explicit[1]);
  return /^(?:yuvj?|yuva|nv|gray)\d*p?$|^(?:yuvj?4\d\dp|nv12|nv21|rgb24|bgr24|rgba|bgra|argb|gray)$/.test(pixFmt) ? 8 : undefined;
}

function checkAudio(audios: AudioStreamInfo[], add: Add): void {
  const rates = [...new Set(audios.map((a) => num(a.SampleRate)).filter((rate): rate is number => rate !== undefined && rate > 0))];
  const unusual = rates.filter((rate) => !USUAL_SAMPLE_RATES.includes(rate));
  if (unusual.length > 0) add('unusual-sample-rate', { rate: unusual[0]! });
  const surround = audios.find((a) => (num(a.Channels) ?? 0) > 2);
  if (surround) add('surround-audio', { channels: num(surround.Channels)!, layout: surround.ChannelLayout || 'unknown' });
}

function checkSync(video: VideoStreamInfo, audio: AudioStreamInfo, add: Add): void {
  const videoDuration = num(video.Duration);
  const audioDuration = num(audio.Duration);
  if (videoDuration && audioDuration && Math.abs(videoDuration - audioDuration) > AV_DURATION_TOLERANCE_S) {
    add('av-duration-mismatch', { video: round(videoDuration), audio: round(audioDuration), difference: round(Math.abs(videoDuration - audioDuration)) });
  }
  const videoStart = num(video.Start_time);
  const audioStart = num(audio.StartTime);
  if (videoStart !== undefined && audioStart !== undefined && Math.abs(videoStart - audioStart) > AV_START_TOLERANCE_S) {
    add('av-start-offset', { video: round(videoStart), audio: round(audioStart), offset: round(Math.abs(audioStart - videoStart)) });
  }
}

/** The lowest video bitrate that is not low for this stream, kbit/s; undefined without its height. */
export function lowBitrateFloorKbps(codec: string, height: number, fps: number | undefined): number {
  const [, base] = LOW_BITRATE_KBPS.find(([minHeight]) => height >= minHeight)!;
  return Math.round(base * (EFFICIENT_CODECS.has(codec) ? 0.6 : 1) * (fps !== undefined && fps > 31 ? 1.5 : 1));
}

function bitrateFinding(video: VideoStreamInfo | undefined, fileBitrate: string | undefined, audios: AudioStreamInfo[]): Finding['Values'] | undefined {
  const height = num(video?.Height);
  if (!video || !height) return undefined;
  // ICE gives kbit/s. The stream's own rate; else the file's less its audio (a rough share, but the file is mostly video).
  const audioKbps = audios.reduce((sum, a) => sum + (num(a.Bitrate) ?? 0), 0);
  const own = num(video.Bit_rate);
  const total = num(fileBitrate);
  const kbps = own !== undefined && own > 0 ? own : total !== undefined && total > 0 ? total - audioKbps : undefined;
  if (kbps === undefined || kbps <= 0) return undefined;
  const codec = (video.Codec_name ?? '').toLowerCase();
  const floor = lowBitrateFloorKbps(codec, height, parseFrameRate(video.Avg_fps) ?? parseFrameRate(video.Fps));
  return kbps < floor ? { kbps: Math.round(kbps), floor, codec, height } : undefined;
}

/** The file's extension against its container family; undefined when either is unknown or they agree. */
function extensionFinding(formatName: string | undefined, name: string | undefined): Finding['Values'] | undefined {
  if (!formatName || !name) return undefined;
  const path = name.split(/[?#]/)[0]!;
  const extension = /\.([a-z0-9]{1,5})$/i.exec(path.slice(path.lastIndexOf('/') + 1))?.[1]?.toLowerCase();
  if (!extension) return undefined;
  const family = formatName.split(',').map((n) => n.trim().toLowerCase()).filter(Boolean);
  const names = new Set(family.flatMap((member) => [member, ...(EXTENSIONS_OF[member] ?? [])]));
  if (names.has(extension)) return undefined;
  // A lone family name we know nothing of ("image2", "lavfi") cannot be said to disagree.
  if (family.length === 1 && !(family[0]! in EXTENSIONS_OF)) return undefined;
  return { extension, container: formatName };
}

/** Whether a job has a finding of this check (the `Check=` search filter). */
export const hasFinding = (job: MediaInfoJob, id: CheckId): boolean => checkJob(job).some((finding) => finding.Id === id);
