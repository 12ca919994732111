import { invalidInput } from '@/lib/errors';
import { LIST_JOBS_PARAMS } from '@/lib/ice/list-jobs-params';
import { jobIdSchema, listJobsQuerySchema, parseOrThrow } from '@/lib/ice/schemas';
import { configuredRegions } from '@/lib/ice/regions';
import { requireSpec } from '@/lib/specs/spec-config';
import { MAX_SELECTED, MAX_TRAIL, REGION_PARAM, SEARCH_PARAMS, SELECT_PARAM, SINCE_PARAM, TRAIL_PARAM, type ListQuery } from './list-query';
import { isTimePreset, presetMs, presetStart, TIME_PRESETS } from './time-range';
import { searchFiltersSchema } from './search-filters';

// Reads the list query from a URL's parameters (route handler) or Next's searchParams (page), with
// ICE's request schema. Unknown names are dropped, so `Action=` or `AccessKeyId=` can never reach the
// signer; a repeated name or a bad value is a 400 naming the parameter.

type RawQuery = URLSearchParams | Record<string, string | string[] | undefined>;

const tokenSchema = listJobsQuerySchema.shape.NextPageToken.unwrap();

function valuesOf(raw: RawQuery, name: string): string[] {
  const values = raw instanceof URLSearchParams ? raw.getAll(name) : [raw[name] ?? []].flat();
  if (values.length > 1) throw invalidInput(name, 'is given more than once', { reason: 'repeated' });
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

/** `nowMs`: where a relative window (Since) ends, for tests; the time of reading by default. */
export function parseListQuery(raw: RawQuery, nowMs = Date.now()): ListQuery {
  const selected = parseSelected(valuesOf(raw, SELECT_PARAM)[0]);
  const since = valuesOf(raw, SINCE_PARAM)[0] || undefined;
  const ice = pick(raw, LIST_JOBS_PARAMS);
  if (since !== undefined) {
    const allowed = TIME_PRESETS.map((p) => p.id).join(', ');
    if (!isTimePreset(since)) throw invalidInput(SINCE_PARAM, `must be one of ${allowed}`, { reason: 'one_of', allowed });
    if (ice.StartOfCreateTime) throw invalidInput(SINCE_PARAM, 'cannot be given with StartOfCreateTime; use one or the other', { reason: 'since_with_start' });
    ice.StartOfCreateTime = presetStart(presetMs(since), nowMs);
  }
  const region = parseRegion(raw);
  const search = parseOrThrow(searchFiltersSchema, pick(raw, SEARCH_PARAMS));
  // A spec this portal does not have is refused before anything is read.
  if (search.Spec) requireSpec(search.Spec);
  return {
    ...(region ? { region } : {}),
    ice: parseOrThrow(listJobsQuerySchema, ice),
    search,
    trail: parseTrail(valuesOf(raw, TRAIL_PARAM)[0]),
    ...(selected.length > 0 ? { selected } : {}),
    ...(since ? { since } : {}),
  };
}

/**
 * The URL's Region: one of ICE_REGIONS, else a 400 naming it. Without one, the default region, said
 * (so links carry it) only while the portal reads several.
 */
export function parseRegion(raw: RawQuery): string | undefined {
  const [given] = valuesOf(raw, REGION_PARAM);
  const regions = configuredRegions().map((r) => r.region);
  if (given === undefined || given === '') return regions.length > 1 ? regions[0] : undefined;
  if (!regions.includes(given)) throw invalidInput(REGION_PARAM, `must be one of ${regions.join(', ')}`, { reason: 'one_of', allowed: regions.join(', ') });
  return given;
}

/** JobIds, each once, in the order given: the list's selection, or an export's (under `field`). */
export function parseSelected(raw: string | undefined, field: string = SELECT_PARAM): string[] {
  if (!raw) return [];
  const ids = [...new Set(raw.split(',').filter(Boolean))];
  if (ids.length > MAX_SELECTED) throw invalidInput(field, `holds more than ${MAX_SELECTED} jobs; select fewer`, { reason: 'too_many_selected', max: MAX_SELECTED });
  if (ids.some((id) => !jobIdSchema.safeParse(id).success)) throw invalidInput(field, 'must be JobIds separated by commas', { reason: 'characters' });
  return ids;
}

function parseTrail(raw: string | undefined): string[] {
  if (!raw) return [];
  const tokens = raw.split(',');
  if (tokens.length > MAX_TRAIL || tokens.some((t) => !tokenSchema.safeParse(t).success)) {
    throw invalidInput(TRAIL_PARAM, 'is not a page trail this portal made; start again from the first page', { reason: 'not_ours' });
  }
  return tokens;
}
