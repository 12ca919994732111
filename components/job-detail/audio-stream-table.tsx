'use client';

import { useFormatter, useTranslations } from 'next-intl';
import { useMemo } from 'react';
import { SortableTable, type Column } from '@/components/ui/sortable-table';
import { useIceWords } from '@/components/ui/use-ice-words';
import { formatBitrate } from '@/lib/format/bitrate';
import { formatChannels } from '@/lib/format/channels';
import { formatDuration } from '@/lib/format/duration';
import { MISSING, parseMediaNumber } from '@/lib/format/numbers';
import type { AudioStreamInfo } from '@/lib/ice/schemas';

const num = (v: string | undefined) => parseMediaNumber(v);
const text = (v: unknown) => (typeof v === 'string' && v ? v : MISSING);
const hasProfile = (s: AudioStreamInfo) => typeof s.Profile === 'string' && !!s.Profile;

export function AudioStreamTable({ streams }: { streams: AudioStreamInfo[] }) {
  const t = useTranslations('job.streams');
  const format = useFormatter();
  const words = useIceWords();
  const withProfile = streams.some(hasProfile);
  const columns = useMemo(() => {
    const all: Column<AudioStreamInfo>[] = [
      { key: 'index', label: t('index'), numeric: true, render: (s) => text(s.Index), sortValue: (s) => num(s.Index) },
      { key: 'codec', label: t('codec'), render: (s) => <span title={s.CodecLongName}>{text(s.CodecName)}</span>, sortValue: (s) => s.CodecName },
      // Not in ICE's documented audio shape; shown only when an answer carries it (ffprobe reports AAC LC / HE-AAC).
      { key: 'profile', label: t('profile'), render: (s) => text(s.Profile), sortValue: (s) => (typeof s.Profile === 'string' ? s.Profile : undefined) },
      {
        key: 'rate',
        label: t('sampleRate'),
        numeric: true,
        render: (s) => {
          const rate = num(s.SampleRate);
          return rate ? `${format.number(rate)} Hz` : MISSING;
        },
        sortValue: (s) => num(s.SampleRate),
      },
      {
        key: 'channels',
        label: t('channels'),
        // The layout in the page's language; ICE's own name on hover.
        render: (s) => <span title={s.ChannelLayout || undefined}>{formatChannels(s.Channels, s.ChannelLayout ? words.channelLayout(s.ChannelLayout) : s.ChannelLayout)}</span>,
        sortValue: (s) => num(s.Channels),
      },
      { key: 'sampleFmt', label: t('sampleFormat'), render: (s) => text(s.SampleFmt) },
      { key: 'bitrate', label: t('bitrate'), numeric: true, render: (s) => formatBitrate(s.Bitrate), sortValue: (s) => num(s.Bitrate) },
      { key: 'lang', label: t('language'), render: (s) => text(s.Lang), sortValue: (s) => s.Lang || undefined },
      { key: 'duration', label: t('duration'), numeric: true, render: (s) => formatDuration(s.Duration), sortValue: (s) => num(s.Duration) },
    ];
    return withProfile ? all : all.filter((c) => c.key !== 'profile');
  }, [t, format, words, withProfile]);
  return <SortableTable caption={t('audio', { count: streams.length })} columns={columns} rows={streams} rowKey={(s, i) => `${s.Index ?? ''}-${i}`} />;
}
