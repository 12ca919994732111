// Where each figure of the insights leads: the /jobs list of exactly the jobs it counts. Every link
// pins the figures' own window (a relative "last 7 days" has moved on since they were computed) and
// keeps the insights' filters, so the list shows the same count the bar says.
import { listHref, withFilters, type ListFilters, type ListQuery } from '@/lib/jobs/list-query';
import { MAX_ERROR_MESSAGE } from '@/lib/jobs/search-filters';
import type { Bucket, FailureGroup, Figures } from './figures';
import { iceTime } from '@/lib/ice/ice-time';

const BUCKET_MS: Record<Bucket, number> = { hour: 3_600_000, day: 86_400_000 };

export interface FiguresWindow {
  StartOfCreateTime: string;
  EndOfCreateTime: string;
}

/** /jobs for the insights' query within `window`, with `changes` on top. */
export function jobsHref(query: ListQuery, window: FiguresWindow, changes: Partial<ListFilters> = {}): string {
  return listHref(withFilters(query, { StartOfCreateTime: window.StartOfCreateTime, EndOfCreateTime: window.EndOfCreateTime, ...changes }));
}

/**
 * The slots of the window, each `bucket` long (UTC hours or days), including those with no jobs, each
 * with the part of the window it covers (ICE's times are whole seconds and its end is inclusive).
 */
export function timelineSlots(window: FiguresWindow, bucket: Bucket): { start: number; window: FiguresWindow }[] {
  const size = BUCKET_MS[bucket];
  const from = Date.parse(window.StartOfCreateTime);
  const to = Date.parse(window.EndOfCreateTime);
  const slots: { start: number; window: FiguresWindow }[] = [];
  for (let start = Math.floor(from / size) * size; start <= to; start += size) {
    slots.push({ start, window: { StartOfCreateTime: iceTime(Math.max(start, from)), EndOfCreateTime: iceTime(Math.min(start + size - 1000, to)) } });
  }
  return slots;
}

/** A failure group's jobs: failed, with its code and its message as grouped (a message too long for the filter: the code's). */
export const failureGroupChanges = (group: Pick<FailureGroup, 'Code' | 'Message'>): Partial<ListFilters> => ({
  Status: 'Fail',
  ErrorCode: group.Code,
  ...(group.Message && group.Message.length <= MAX_ERROR_MESSAGE ? { ErrorMessage: group.Message } : {}),
});

type Media = Figures['Media'];
const RESOLUTION_FILTERS: Record<keyof Media['Resolutions'], Partial<ListFilters>> = {
  SD: { HasVideo: true, MaxHeight: 719 },
  HD: { HasVideo: true, MinHeight: 720, MaxHeight: 1079 },
  FHD: { HasVideo: true, MinHeight: 1080, MaxHeight: 2159 },
  'UHD+': { HasVideo: true, MinHeight: 2160 },
};

/** The search that finds the jobs of one media bar. */
export function mediaChanges(kind: keyof Media, key: string): Partial<ListFilters> | undefined {
  switch (kind) {
    case 'Containers':
      return { Container: key };
    case 'VideoCodecs':
      return { VideoCodec: key };
    case 'AudioCodecs':
      return { AudioCodec: key };
    case 'FrameRates':
      return { HasVideo: true, FrameRate: key };
    case 'Resolutions':
      return RESOLUTION_FILTERS[key as keyof Media['Resolutions']];
    case 'AudioOnly':
      return { HasAudio: true, HasVideo: false };
    case 'VideoOnly':
      return { HasVideo: true, HasAudio: false };
    default:
      return undefined;
  }
}
