// Writing a plan out as ICE fields: FileBasicInfo and the video and audio stream lists, as ffprobe
// reports them through ICE.
//
// Units, as ICE sends them: every number is a string. Duration and Start_time in seconds with 6
// decimals (whole milliseconds for Matroska and FLV, whose time base is 1/1000); FileSize in bytes;
// FileBasicInfo.Bitrate, video Bit_rate and audio Bitrate in kbit/s with 3 decimals, the convention of
// the documented example ("888.563" for a 848x478 stream). FileSize = Duration × Bitrate × 1000 / 8,
// except for HLS, whose FileSize is that of the playlist (as in the documented example).
//
// ICE documents no audio Profile field, so the AAC profile (LC / HE-AAC) shows only through bitrates.
import type { AudioStreamInfo, FileBasicInfo, MediaInfoProperty, VideoStreamInfo } from '../ice-types';
import type { Random } from '../random';
import { AUDIO_CODECS, CONTAINERS, EXTENSIONS, SNIFFED, VIDEO_CODECS, type AudioCodec, type CodecTags, type Family, type FrameRate } from './catalogue';
import { compact, formatFps, kbps, ratio, seconds } from './fields';
import { extensionOf, locateMedia, objectNameOf } from './location';
import { planMedia, type AudioPlan, type Plan, type VideoPlan } from './plan';

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
  const plan = planMedia(container, location.fileName, rng);

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

/** Durations spread over orders of magnitude: as many 10-20 s clips as 100-200 s ones. */
function logUniform(rng: Random, low: number, high: number): number {
  return low * Math.pow(high / low, rng.next());
}
