'use client';

import { SortableTable, type Column } from '@/components/ui/sortable-table';
import { formatBitrate } from '@/lib/format/bitrate';
import { formatChannels } from '@/lib/format/channels';
import { formatDuration } from '@/lib/format/duration';
import { MISSING, parseMediaNumber } from '@/lib/format/numbers';
import type { AudioStreamInfo } from '@/lib/ice/schemas';

const num = (v: string | undefined) => parseMediaNumber(v);
const text = (v: unknown) => (typeof v === 'string' && v ? v : MISSING);

const COLUMNS: Column<AudioStreamInfo>[] = [
  { key: 'index', label: '#', numeric: true, render: (s) => text(s.Index), sortValue: (s) => num(s.Index) },
  { key: 'codec', label: 'Codec', render: (s) => <span title={s.CodecLongName}>{text(s.CodecName)}</span>, sortValue: (s) => s.CodecName },
  // Not in ICE's documented audio shape; shown only when an answer carries it (ffprobe reports AAC LC / HE-AAC).
  { key: 'profile', label: 'Profile', render: (s) => text(s.Profile), sortValue: (s) => (typeof s.Profile === 'string' ? s.Profile : undefined) },
  { key: 'rate', label: 'Sample rate', numeric: true, render: (s) => (num(s.SampleRate) ? `${num(s.SampleRate)!.toLocaleString('en-US')} Hz` : MISSING), sortValue: (s) => num(s.SampleRate) },
  { key: 'channels', label: 'Channels', render: (s) => formatChannels(s.Channels, s.ChannelLayout), sortValue: (s) => num(s.Channels) },
  { key: 'sampleFmt', label: 'Sample format', render: (s) => text(s.SampleFmt) },
  { key: 'bitrate', label: 'Bitrate', numeric: true, render: (s) => formatBitrate(s.Bitrate), sortValue: (s) => num(s.Bitrate) },
  { key: 'lang', label: 'Language', render: (s) => text(s.Lang), sortValue: (s) => s.Lang || undefined },
  { key: 'duration', label: 'Duration', numeric: true, render: (s) => formatDuration(s.Duration), sortValue: (s) => num(s.Duration) },
];

const WITHOUT_PROFILE = COLUMNS.filter((c) => c.key !== 'profile');

export function AudioStreamTable({ streams }: { streams: AudioStreamInfo[] }) {
  const columns = streams.some((s) => typeof s.Profile === 'string' && s.Profile) ? COLUMNS : WITHOUT_PROFILE;
  return <SortableTable caption={`Audio streams (${streams.length})`} columns={columns} rows={streams} rowKey={(s, i) => `${s.Index ?? ''}-${i}`} />;
}
