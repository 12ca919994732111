// Two to four jobs side by side: their file facts and streams as rows of values, one value a job,
// streams matched by type and position (the first video stream with the first video stream), a stream
// one file lacks said as missing, and each row marked when the values differ. Pure: the values are
// what the page shows (formatted in the reader's language), so "differs" means a person sees a difference.
import { formatBitrate } from '@/lib/format/bitrate';
import { formatBytes } from '@/lib/format/bytes';
import { formatChannels } from '@/lib/format/channels';
import { formatDuration } from '@/lib/format/duration';
import { formatFrameRate } from '@/lib/format/frame-rate';
import { MISSING } from '@/lib/format/numbers';
import { describeRotation, formatAspectRatio, formatResolution } from '@/lib/format/resolution';
import type { Locale } from '@/lib/i18n/locales';
import type { AudioStreamInfo, MediaInfoJob, VideoStreamInfo } from '@/lib/ice/schemas';

export type RowLabel =
  | 'fileName'
  | 'container'
  | 'duration'
  | 'size'
  | 'bitrate'
  | 'resolution'
  | 'videoStreams'
  | 'audioStreams'
  | 'codec'
  | 'frameRate'
  | 'pixelFormat'
  | 'aspect'
  | 'rotation'
  | 'sampleRate'
  | 'channels'
  | 'language';

export interface CompareRow {
  /** Unique in the table: "file.size", "video.0.codec". */
  key: string;
  label: RowLabel;
  /** One a job, in the order given; `null` where the job (or its stream) has none. */
  values: (string | null)[];
  differs: boolean;
}

export interface CompareSection {
  kind: 'file' | 'video' | 'audio';
  /** For a stream: its position among the streams of its kind, from 0. */
  position?: number;
  rows: CompareRow[];
}

const text = (value: string | undefined) => value || MISSING;

/**
 * A row; `probed` says which columns hold a probe. A column without one (a job that could not be read,
 * or whose probe failed) says why in its own header and takes no part in the differences.
 */
function row(key: string, label: RowLabel, values: (string | null)[], probed: boolean[]): CompareRow {
  const compared = values.filter((_, i) => probed[i]);
  const present = compared.filter((value): value is string => value !== null);
  // A value one file has and another lacks (a stream it does not have) is a difference too.
  const differs = new Set(present).size > 1 || (present.length > 0 && present.length < compared.length);
  return { key, label, values, differs };
}

const VIDEO_ROWS: [RowLabel, (s: VideoStreamInfo) => string][] = [
  ['codec', (s) => [s.Codec_name, s.Profile].filter(Boolean).join(' · ') || MISSING],
  ['resolution', (s) => formatResolution(s.Width, s.Height)],
  ['frameRate', (s) => formatFrameRate(s.Avg_fps || s.Fps)],
  ['pixelFormat', (s) => text(s.PixFmt)],
  ['bitrate', (s) => formatBitrate(s.Bit_rate)],
  ['aspect', (s) => `${formatAspectRatio(s.Sar)} / ${formatAspectRatio(s.Dar)}`],
  ['rotation', (s) => describeRotation(s.Rotate) ?? MISSING],
  ['duration', (s) => formatDuration(s.Duration)],
];

const AUDIO_ROWS: [RowLabel, (s: AudioStreamInfo) => string][] = [
  ['codec', (s) => text(s.CodecName)],
  ['sampleRate', (s) => (s.SampleRate ? `${s.SampleRate} Hz` : MISSING)],
  ['channels', (s) => formatChannels(s.Channels, s.ChannelLayout)],
  ['bitrate', (s) => formatBitrate(s.Bitrate)],
  ['language', (s) => text(s.Lang)],
  ['duration', (s) => formatDuration(s.Duration)],
];

/** The sections of the comparison; `jobs` holds undefined where a job could not be read (its column says why). */
export function compareJobs(jobs: (MediaInfoJob | undefined)[], locale: Locale): CompareSection[] {
  const infos = jobs.map((job) => job?.MediaInfoProperty);
  const probed = infos.map((info) => info !== undefined);
  const files = infos.map((info) => info?.FileBasicInfo);
  const of = <T,>(pick: (value: T) => string, values: (T | undefined)[]) => values.map((value) => (value === undefined ? null : pick(value)));
  const videos = infos.map((info) => info?.VideoStreamInfoList ?? []);
  const audios = infos.map((info) => info?.AudioStreamInfoList ?? []);
  const sections: CompareSection[] = [
    {
      kind: 'file',
      rows: [
        row('file.fileName', 'fileName', of((f) => text(f.FileName), files), probed),
        row('file.container', 'container', of((f) => text(f.FormatName), files), probed),
        row('file.duration', 'duration', of((f) => formatDuration(f.Duration), files), probed),
        row('file.size', 'size', of((f) => formatBytes(f.FileSize, locale), files), probed),
        row('file.bitrate', 'bitrate', of((f) => formatBitrate(f.Bitrate), files), probed),
        row('file.resolution', 'resolution', of((f) => formatResolution(f.Width, f.Height), files), probed),
        row('file.videoStreams', 'videoStreams', infos.map((info, i) => (info ? String(videos[i]!.length) : null)), probed),
        row('file.audioStreams', 'audioStreams', infos.map((info, i) => (info ? String(audios[i]!.length) : null)), probed),
      ],
    },
  ];
  const streamSections = <S,>(kind: 'video' | 'audio', lists: S[][], rows: [RowLabel, (s: S) => string][]) => {
    const most = Math.max(0, ...lists.map((list) => list.length));
    for (let position = 0; position < most; position++) {
      const streams = lists.map((list, i) => (infos[i] ? list[position] : undefined));
      sections.push({ kind, position, rows: rows.map(([label, pick]) => row(`${kind}.${position}.${label}`, label, of(pick, streams), probed)) });
    }
  };
  streamSections('video', videos, VIDEO_ROWS);
  streamSections('audio', audios, AUDIO_ROWS);
  return sections;
}
