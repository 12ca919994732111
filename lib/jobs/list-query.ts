// The portal's list query, as /jobs and /api/jobs carry it in the URL: its parameters (ICE's filters
// under ICE's names, plus the portal's own, such as the page trail), their defaults, how a query is
// written back into a link, and the pager's links. Client-safe and zod-free, for the filters and the
// pager; lib/jobs/parse-list-query.ts reads a URL into it on the server.
//
// Cursor paging with a working Previous: the URL carries the current page's NextPageToken and the
// trail of tokens that led to it, so Back, Previous, reload and a shared link all land on the same page.
import { LIST_JOBS_PARAMS } from '@/lib/ice/list-jobs-params';
import type { ListJobsQuery } from '@/lib/ice/schemas';
import { hasSearchFilters, type FilterSet } from './filter-set';
import type { SearchFilters } from './search-filters';
import type { TimePreset } from './time-range';

/** Rows on a page of /jobs when the URL does not say: a screenful at 1280x800, twice ICE's own default. */
export const DEFAULT_PAGE_SIZE = 20;
/** What ICE (and so /api/jobs, which answers as ICE does) uses when no PageSize is given. */
export const ICE_DEFAULT_PAGE_SIZE = 10;
export const TRAIL_PARAM = 'Trail';
/**
 * A window relative to now ("the last 24 hours"): resolved to StartOfCreateTime when the URL is read, so
 * a saved view or a bookmark means the same period every day. Pages past the first carry the resolved
 * time instead, since ICE's page tokens hold to the filters they were made for.
 */
export const SINCE_PARAM = 'Since';
/**
 * The columns chosen for the list, comma-separated (a name shows it, -name hides it): the page's own,
 * never sent to ICE. Without it each browser's own choice applies; a saved view carries it.
 */
export const COLUMNS_PARAM = 'Columns';
/** JobIds selected in the list, comma-separated: the page's own, never sent to ICE. */
export const SELECT_PARAM = 'Select';
/** Jobs one selection holds at most: what one export of a selection reads one by one. */
export const MAX_SELECTED = 100;
/** Tokens kept; older ones are dropped so a long crawl cannot outgrow a URL. */
export const MAX_TRAIL = 100;
/**
 * The ICE region the list reads (one of ICE_REGIONS). Written into every link while the portal reads
 * several regions, so a shared link opens in its region; absent with one region.
 */
export const REGION_PARAM = 'Region';
/** The portal's own filters, applied to scanned jobs (lib/jobs/search-filters.ts). */
export const SEARCH_PARAMS = ['Search', 'VideoCodec', 'AudioCodec', 'Container', 'MinHeight', 'MaxHeight', 'HasAudio', 'HasVideo', 'Check', 'Spec', 'SpecResult', 'ErrorCode', 'ErrorMessage', 'FrameRate'] as const;
/** Every name the list's URL may carry, in the order links write them. */
export const LIST_QUERY_PARAMS = [REGION_PARAM, ...LIST_JOBS_PARAMS, SINCE_PARAM, ...SEARCH_PARAMS, TRAIL_PARAM, SELECT_PARAM] as const;

export interface ListQuery {
  /** The region read; absent: the default region (and then no Region in links). */
  region?: string;
  /** What ICE is asked: filters, order, page size and the current page's token (or, when searching, the portal's). */
  ice: ListJobsQuery;
  /** The portal's own filters; any of them turns the page into a search over scanned jobs. */
  search: SearchFilters;
  /** Tokens of the pages between the first and the current one, oldest first. */
  trail: string[];
  /** JobIds selected on the list (any of its pages); kept across pages, dropped when the filters change. */
  selected?: string[];
  /** The relative window the URL asked for; ice.StartOfCreateTime holds where it starts now. */
  since?: TimePreset;
}

export type ListFilters = Omit<ListJobsQuery, 'NextPageToken'> & SearchFilters & { since?: TimePreset };

const isSet = (value: unknown) => value !== undefined && value !== '';
export const isSearch = (query: ListQuery) => hasSearchFilters(query.search);

/** The question the list's URL asks, without its paging: what a search, an export or a view of it reads. */
export function filterSetOf(query: ListQuery): FilterSet {
  const { PageSize: _size, NextPageToken: _token, ...filters } = query.ice;
  return { ...(query.region ? { region: query.region } : {}), filters, search: query.search };
}

export interface PagerLinks {
  /** 1-based; approximate once the trail has been capped. */
  page: number;
  previous?: string;
  next?: string;
}

/** A job's page, in `region` when the list names one. */
export const jobPageHref = (jobId: string, region?: string) => `/jobs/${encodeURIComponent(jobId)}${region ? `?${REGION_PARAM}=${encodeURIComponent(region)}` : ''}`;

/** The query as URL parameters, in a stable order, without empty values. */
export function listQuerySearchParams(query: ListQuery): URLSearchParams {
  const params = new URLSearchParams();
  if (query.region) params.set(REGION_PARAM, query.region);
  for (const name of LIST_JOBS_PARAMS) {
    if (name === 'StartOfCreateTime' && query.since) params.set(SINCE_PARAM, query.since);
    else if (isSet(query.ice[name])) params.set(name, String(query.ice[name]));
  }
  for (const name of SEARCH_PARAMS) if (isSet(query.search[name])) params.set(name, String(query.search[name]));
  if (query.ice.NextPageToken && query.trail.length > 0) params.set(TRAIL_PARAM, query.trail.join(','));
  if (query.selected?.length) params.set(SELECT_PARAM, query.selected.join(','));
  return params;
}

export function listHref(query: ListQuery, path = '/jobs'): string {
  const search = listQuerySearchParams(query).toString();
  return search ? `${path}?${search}` : path;
}

/** The insights of the list's filters: its question without the list's own paging, page size and selection. */
export function insightsHref(query: ListQuery): string {
  const { PageSize: _size, ...ice } = withFilters(query, {}).ice;
  return listHref({ ...query, ice, trail: [], selected: undefined }, '/insights');
}

/** The first page of the list with these filters changed: where every filter change goes. */
export function withFilters(query: ListQuery, changes: Partial<ListFilters>): ListQuery {
  const { NextPageToken: _dropped, ...filters } = query.ice;
  const ice = { ...filters };
  const search = { ...query.search };
  let since = query.since;
  for (const [name, value] of Object.entries(changes)) {
    if (name === 'since') since = value as TimePreset | undefined;
    else if ((SEARCH_PARAMS as readonly string[]).includes(name)) (search as Record<string, unknown>)[name] = value;
    else (ice as Record<string, unknown>)[name] = value;
  }
  // A relative window and a start of one's own exclude each other: the last change wins.
  if ('since' in changes) delete ice.StartOfCreateTime;
  else if ('StartOfCreateTime' in changes) since = undefined;
  return { ...(query.region ? { region: query.region } : {}), ice, search, trail: [], ...(since ? { since } : {}) };
}

/** The page's rows: the URL's PageSize, else the list's default. */
export const pageSizeOf = (query: ListQuery) => query.ice.PageSize ?? DEFAULT_PAGE_SIZE;

/** The query as /jobs reads it: its PageSize said, so ICE, a search and the live refresh all give the list's rows. */
export const withListPageSize = (query: ListQuery): ListQuery => ({ ...query, ice: { ...query.ice, PageSize: pageSizeOf(query) } });

/** Whether anything narrows the list (page size and order do not). */
export function isFiltered(query: ListQuery): boolean {
  const { NextPageToken: _token, PageSize: _size, OrderBy: _order, ...filters } = query.ice;
  return Object.keys(filters).length > 0 || isSearch(query);
}

/** The query string a live first page refreshes with; pages past the first, and searches (a scan each time), do not refresh. */
export function liveQueryOf(query: ListQuery): string | undefined {
  return query.ice.NextPageToken || isSearch(query) ? undefined : listQuerySearchParams({ ...query, selected: undefined }).toString();
}

export function pagerLinks(query: ListQuery, nextToken: string | undefined, path = '/jobs'): PagerLinks {
  const current = query.ice.NextPageToken;
  const trail = query.trail;
  // Past the first page the window is the one resolved for it: ICE's tokens hold to exact filters.
  const at = (token: string | undefined, tokens: string[]) =>
    listHref({ ...query, ice: { ...query.ice, NextPageToken: token }, trail: tokens, since: token ? undefined : query.since }, path);
  return {
    page: current ? trail.length + 2 : 1,
    previous: current ? at(trail[trail.length - 1], trail.slice(0, -1)) : undefined,
    next: nextToken ? at(nextToken, current ? [...trail, current].slice(-MAX_TRAIL) : []) : undefined,
  };
}
