'use client';

import { useFormatter, useTranslations } from 'next-intl';
import { useMemo } from 'react';
import { SortableTable, type Column } from '@/components/ui/sortable-table';
import { formatBitrate } from '@/lib/format/bitrate';
import { formatDuration } from '@/lib/format/duration';
import { formatFrameRate, parseFrameRate } from '@/lib/format/frame-rate';
import { MISSING, parseMediaNumber } from '@/lib/format/numbers';
import { describeRotation, formatAspectRatio, formatResolution } from '@/lib/format/resolution';
import type { VideoStreamInfo } from '@/lib/ice/schemas';

const num = (v: string | undefined) => parseMediaNumber(v);
const text = (v: string | undefined) => v || MISSING;

export function VideoStreamTable({ streams }: { streams: VideoStreamInfo[] }) {
  const t = useTranslations('job.streams');
  const format = useFormatter();
  const columns = useMemo<Column<VideoStreamInfo>[]>(
    () => [
      { key: 'index', label: t('index'), numeric: true, render: (s) => text(s.Index), sortValue: (s) => num(s.Index) },
      {
        key: 'codec',
        label: t('codec'),
        render: (s) => (
          <span title={s.Codec_long_name}>
            {text(s.Codec_name)}
            {s.Profile ? ` · ${s.Profile}` : ''}
            {s.Level ? ` · L${s.Level}` : ''}
          </span>
        ),
        sortValue: (s) => s.Codec_name,
      },
      { key: 'resolution', label: t('resolution'), render: (s) => formatResolution(s.Width, s.Height), sortValue: (s) => (num(s.Width) ?? 0) * (num(s.Height) ?? 0) || undefined },
      { key: 'aspect', label: t('aspect'), render: (s) => `${formatAspectRatio(s.Sar)} / ${formatAspectRatio(s.Dar)}` },
      { key: 'pixfmt', label: t('pixelFormat'), render: (s) => text(s.PixFmt), sortValue: (s) => s.PixFmt },
      { key: 'fps', label: t('frameRate'), numeric: true, render: (s) => formatFrameRate(s.Fps), sortValue: (s) => parseFrameRate(s.Fps) },
      {
        key: 'avgfps',
        label: t('avgFrameRate'),
        numeric: true,
        render: (s) => {
          const fps = parseFrameRate(s.Fps);
          const avg = parseFrameRate(s.Avg_fps);
          const variable = fps !== undefined && avg !== undefined && Math.abs(fps - avg) > 0.01;
          return (
            <>
              {formatFrameRate(s.Avg_fps)}
              {variable && <abbr title={t('vfrTitle')}> {t('vfr')}</abbr>}
            </>
          );
        },
        sortValue: (s) => parseFrameRate(s.Avg_fps),
      },
      { key: 'bitrate', label: t('bitrate'), numeric: true, render: (s) => formatBitrate(s.Bit_rate), sortValue: (s) => num(s.Bit_rate) },
      {
        key: 'frames',
        label: t('frames'),
        numeric: true,
        render: (s) => {
          const frames = num(s.NumFrames);
          return frames === undefined ? MISSING : format.number(frames);
        },
        sortValue: (s) => num(s.NumFrames),
      },
      { key: 'rotate', label: t('rotation'), render: (s) => describeRotation(s.Rotate) ?? t('noRotation') },
      { key: 'duration', label: t('duration'), numeric: true, render: (s) => formatDuration(s.Duration), sortValue: (s) => num(s.Duration) },
      { key: 'lang', label: t('language'), render: (s) => text(s.Lang), sortValue: (s) => s.Lang || undefined },
    ],
    [t, format],
  );
  return <SortableTable caption={t('video', { count: streams.length })} columns={columns} rows={streams} rowKey={(s, i) => `${s.Index ?? ''}-${i}`} />;
}
