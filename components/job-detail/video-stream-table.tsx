'use client';

import { SortableTable, type Column } from '@/components/ui/sortable-table';
import { formatBitrate } from '@/lib/format/bitrate';
import { formatDuration } from '@/lib/format/duration';
import { formatFrameRate, parseFrameRate } from '@/lib/format/frame-rate';
import { MISSING, parseMediaNumber } from '@/lib/format/numbers';
import { describeRotation, formatAspectRatio, formatResolution } from '@/lib/format/resolution';
import type { VideoStreamInfo } from '@/lib/ice/schemas';

const num = (v: string | undefined) => parseMediaNumber(v);
const text = (v: string | undefined) => v || MISSING;

const COLUMNS: Column<VideoStreamInfo>[] = [
  { key: 'index', label: '#', numeric: true, render: (s) => text(s.Index), sortValue: (s) => num(s.Index) },
  {
    key: 'codec',
    label: 'Codec',
    render: (s) => (
      <span title={s.Codec_long_name}>
        {text(s.Codec_name)}
        {s.Profile ? ` · ${s.Profile}` : ''}
        {s.Level ? ` · L${s.Level}` : ''}
      </span>
    ),
    sortValue: (s) => s.Codec_name,
  },
  { key: 'resolution', label: 'Resolution', render: (s) => formatResolution(s.Width, s.Height), sortValue: (s) => (num(s.Width) ?? 0) * (num(s.Height) ?? 0) || undefined },
  { key: 'aspect', label: 'SAR / DAR', render: (s) => `${formatAspectRatio(s.Sar)} / ${formatAspectRatio(s.Dar)}` },
  { key: 'pixfmt', label: 'Pixel format', render: (s) => text(s.PixFmt), sortValue: (s) => s.PixFmt },
  { key: 'fps', label: 'Frame rate', numeric: true, render: (s) => formatFrameRate(s.Fps), sortValue: (s) => parseFrameRate(s.Fps) },
  {
    key: 'avgfps',
    label: 'Avg frame rate',
    numeric: true,
    render: (s) => {
      const fps = parseFrameRate(s.Fps);
      const avg = parseFrameRate(s.Avg_fps);
      const variable = fps !== undefined && avg !== undefined && Math.abs(fps - avg) > 0.01;
      return (
        <>
          {formatFrameRate(s.Avg_fps)}
          {variable && <abbr title="variable frame rate: the average differs from the nominal rate"> VFR</abbr>}
        </>
      );
    },
    sortValue: (s) => parseFrameRate(s.Avg_fps),
  },
  { key: 'bitrate', label: 'Bitrate', numeric: true, render: (s) => formatBitrate(s.Bit_rate), sortValue: (s) => num(s.Bit_rate) },
  { key: 'frames', label: 'Frames', numeric: true, render: (s) => (num(s.NumFrames) ?? MISSING).toLocaleString('en-US'), sortValue: (s) => num(s.NumFrames) },
  { key: 'rotate', label: 'Rotation', render: (s) => describeRotation(s.Rotate) ?? 'none' },
  { key: 'duration', label: 'Duration', numeric: true, render: (s) => formatDuration(s.Duration), sortValue: (s) => num(s.Duration) },
  { key: 'lang', label: 'Language', render: (s) => text(s.Lang), sortValue: (s) => s.Lang || undefined },
];

export function VideoStreamTable({ streams }: { streams: VideoStreamInfo[] }) {
  return <SortableTable caption={`Video streams (${streams.length})`} columns={COLUMNS} rows={streams} rowKey={(s, i) => `${s.Index ?? ''}-${i}`} />;
}
