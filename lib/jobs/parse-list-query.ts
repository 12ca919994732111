import { invalidInput } from '@/lib/errors';
import { LIST_JOBS_PARAMS } from '@/lib/ice/list-jobs-params';
import { listJobsQuerySchema, parseOrThrow } from '@/lib/ice/schemas';
import { MAX_TRAIL, SEARCH_PARAMS, TRAIL_PARAM, type ListQuery } from './list-query';
import { searchFiltersSchema } from './search-filters';

// Reads the list query from a URL's parameters (route handler) or Next's searchParams (page), with
// ICE's request schema. Unknown names are dropped, so `Action=` or `AccessKeyId=` can never reach the
// signer; a repeated name or a bad value is a 400 naming the parameter.

type RawQuery = URLSearchParams | Record<string, string | string[] | undefined>;

const tokenSchema = listJobsQuerySchema.shape.NextPageToken.unwrap();

function valuesOf(raw: RawQuery, name: string): string[] {
  const values = raw instanceof URLSearchParams ? raw.getAll(name) : [raw[name] ?? []].flat();
  if (values.length > 1) throw invalidInput(name, 'is given more than once');
  return values;
}

function pick(raw: RawQuery, names: readonly string[]): Record<string, string> {
  const picked: Record<string, string> = {};
  for (const name of names) {
    const [value] = valuesOf(raw, name);
    if (value !== undefined && value !== '') picked[name] = value;
  }
  return picked;
}

export function parseListQuery(raw: RawQuery): ListQuery {
  return {
    ice: parseOrThrow(listJobsQuerySchema, pick(raw, LIST_JOBS_PARAMS)),
    search: parseOrThrow(searchFiltersSchema, pick(raw, SEARCH_PARAMS)),
    trail: parseTrail(valuesOf(raw, TRAIL_PARAM)[0]),
  };
}

function parseTrail(raw: string | undefined): string[] {
  if (!raw) return [];
  const tokens = raw.split(',');
  if (tokens.length > MAX_TRAIL || tokens.some((t) => !tokenSchema.safeParse(t).success)) {
    throw invalidInput(TRAIL_PARAM, 'is not a page trail this portal made; start again from the first page');
  }
  return tokens;
}
