import { invalidInput } from '@/lib/errors';
import { jobIdSchema } from '@/lib/ice/schemas';
import { COMPARE_PARAM, MAX_COMPARED, MIN_COMPARED } from './compare-limits';

export { COMPARE_PARAM };

/**
 * Two to four JobIds, each once, in the order given; separated by commas, spaces or line breaks, so a
 * column pasted from a spreadsheet works. Anything else is a 400 naming JobIds.
 */
export function parseCompareIds(raw: string): string[] {
  const ids = [...new Set(raw.split(/[\s,]+/).filter(Boolean))];
  if (ids.some((id) => !jobIdSchema.safeParse(id).success)) throw invalidInput(COMPARE_PARAM, 'must be JobIds separated by commas', { reason: 'characters' });
  if (ids.length < MIN_COMPARED || ids.length > MAX_COMPARED) {
    throw invalidInput(COMPARE_PARAM, `must name ${MIN_COMPARED} to ${MAX_COMPARED} different jobs`, { reason: 'compare_count', min: MIN_COMPARED, max: MAX_COMPARED });
  }
  return ids;
}
