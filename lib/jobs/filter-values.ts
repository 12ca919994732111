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
  'Check',
  'Spec',
  'SpecResult',
  'ErrorCode',
  'ErrorMessage',
  'FrameRate',
  'OrderBy',
  'PageSize',
] as const;
export type FilterName = (typeof FILTER_NAMES)[number];
export type FilterValues = Partial<Record<FilterName, string>>;

/** The pages with a filter bar: the list, and the insights of its filters. */
export type FilterPath = '/jobs' | '/insights';
/** The list's own: how it pages and orders. Figures over every job have neither. */
export const LIST_ONLY_FILTERS: readonly FilterName[] = ['OrderBy', 'PageSize'];

/** Whether `name` has a field in the filter bar of `path`, where a refused value can be corrected. */
export const hasFilterField = (name: string | undefined, path: FilterPath): name is FilterName =>
  (FILTER_NAMES as readonly string[]).includes(name ?? '') && (path === '/jobs' || !LIST_ONLY_FILTERS.includes(name as FilterName));

/** The first value of each filter the URL holds. */
export function filterValues(raw: Record<string, string | string[] | undefined> | URLSearchParams): FilterValues {
  const values: FilterValues = {};
  for (const name of FILTER_NAMES) {
    const value = raw instanceof URLSearchParams ? raw.get(name) : [raw[name] ?? []].flat()[0];
    if (value) values[name] = value;
  }
  return values;
}
