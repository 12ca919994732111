// The list's filters as the URL writes them, as text: what the filter bar shows (a refused value
// included, so it can be corrected in place). Client-safe, for the page and the filter bar alike.
import { SINCE_PARAM } from './list-query';

export const FILTER_NAMES = [
  'Status',
  SINCE_PARAM,
  'StartOfCreateTime',
  'EndOfCreateTime',
  'Search',
  'JobId',
  'VideoCodec',
  'AudioCodec',
  'Container',
  'MinHeight',
  'MaxHeight',
  'HasVideo',
  'HasAudio',
  'ErrorCode',
  'ErrorMessage',
  'OrderBy',
  'PageSize',
] as const;
export type FilterName = (typeof FILTER_NAMES)[number];
export type FilterValues = Partial<Record<FilterName, string>>;

/** The first value of each filter the URL holds. */
export function filterValues(raw: Record<string, string | string[] | undefined> | URLSearchParams): FilterValues {
  const values: FilterValues = {};
  for (const name of FILTER_NAMES) {
    const value = raw instanceof URLSearchParams ? raw.get(name) : [raw[name] ?? []].flat()[0];
    if (value) values[name] = value;
  }
  return values;
}
