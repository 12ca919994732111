// What a question asks of the jobs, whoever answers it (a list page, a search, an export, insights and
// saved views to come): ICE's own filters and the portal's. Client-safe and zod-free: the list's URL
// (list-query.ts) and the export's (export-query.ts) both hold one.
import type { ListJobsQuery } from '@/lib/ice/schemas';
import type { SearchFilters } from './search-filters';

export interface FilterSet {
  /** The ICE region asked (one of ICE_REGIONS); absent: the default region. */
  region?: string;
  /** ICE's filters: status, JobId, the create-time range and the order. */
  filters: Omit<ListJobsQuery, 'NextPageToken' | 'PageSize'>;
  /** The portal's, applied to the jobs a scan reads (search-filters.ts); any of them makes it a search. */
  search: SearchFilters;
}

/** Without a start, a search covers the last week: what /jobs says in its time field. */
export const DEFAULT_SEARCH_DAYS = 7;

const isSet = (value: unknown) => value !== undefined && value !== '';
/** Whether any of the portal's own filters is set: the list, the API and the export then search. */
export const hasSearchFilters = (search: SearchFilters) => Object.values(search).some(isSet);
