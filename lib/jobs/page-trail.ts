// Cursor paging with a working Previous: the URL carries the current page's NextPageToken and the
// trail of tokens that led to it, so Back, Previous, reload and a shared link all land on the same page.
import { invalidInput } from '@/lib/errors';
import { listJobsSearchParams } from '@/lib/ice/list-jobs-params';
import { listJobsQuerySchema, type ListJobsQuery } from '@/lib/ice/schemas';

export const TRAIL_PARAM = 'Trail';
/** Tokens kept; older ones are dropped so a long crawl cannot outgrow a URL. */
export const MAX_TRAIL = 100;

const tokenSchema = listJobsQuerySchema.shape.NextPageToken.unwrap();

/** Tokens of the pages between the first and the current one, oldest first. */
export function parsePageTrail(raw: string | string[] | null | undefined): string[] {
  if (Array.isArray(raw)) throw invalidInput(TRAIL_PARAM, 'is given more than once');
  if (!raw) return [];
  const tokens = raw.split(',');
  if (tokens.length > MAX_TRAIL || tokens.some((t) => !tokenSchema.safeParse(t).success)) {
    throw invalidInput(TRAIL_PARAM, 'is not a page trail this portal made; start again from the first page');
  }
  return tokens;
}

export interface PagerLinks {
  /** 1-based; approximate once the trail has been capped. */
  page: number;
  previous?: string;
  next?: string;
}

export function pagerLinks(path: string, query: ListJobsQuery, trail: string[], nextToken: string | undefined): PagerLinks {
  const current = query.NextPageToken;
  const href = (token: string | undefined, tokens: string[]) => {
    const params = listJobsSearchParams({ ...query, NextPageToken: token });
    if (token && tokens.length > 0) params.set(TRAIL_PARAM, tokens.join(','));
    const search = params.toString();
    return search ? `${path}?${search}` : path;
  };
  return {
    page: current ? trail.length + 2 : 1,
    previous: current ? href(trail[trail.length - 1], trail.slice(0, -1)) : undefined,
    next: nextToken ? href(nextToken, current ? [...trail, current].slice(-MAX_TRAIL) : []) : undefined,
  };
}
