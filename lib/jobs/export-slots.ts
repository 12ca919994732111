import 'server-only';
import { tooManyExports } from '@/lib/errors';

// Exports running in this process: at most `perUser` of one person's and `perInstance` in all
// (EXPORT_MAX_PER_USER, EXPORT_MAX_PER_INSTANCE). Each holds a scan and its pages until its reader has
// the last byte, so an unbounded number of them, or of one person's, would hold memory and ICE calls
// that every other reader needs. Counted per process: with several instances, a person may run
// perUser exports on each.

const byUser = new Map<string, number>();
let total = 0;

/** A slot for one export of `userKey`, or a 429 naming the limit; the release may be called more than once. */
export function takeExportSlot(userKey: string, limits: { perUser: number; perInstance: number }): () => void {
  const mine = byUser.get(userKey) ?? 0;
  if (mine >= limits.perUser) throw tooManyExports(limits.perUser, 'user');
  if (total >= limits.perInstance) throw tooManyExports(limits.perInstance, 'instance');
  byUser.set(userKey, mine + 1);
  total += 1;
  let released = false;
  return () => {
    if (released) return;
    released = true;
    total -= 1;
    const left = (byUser.get(userKey) ?? 1) - 1;
    if (left > 0) byUser.set(userKey, left);
    else byUser.delete(userKey);
  };
}
