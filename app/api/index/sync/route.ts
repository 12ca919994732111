import { createHash, timingSafeEqual } from 'node:crypto';
import { cronUnauthenticated, indexSyncOff, indexUnreachable } from '@/lib/errors';
import { errorResponse, NO_STORE, onlyGet } from '@/lib/http/error-response';
import { getIndexConfig } from '@/lib/index/index-config';
import { syncAllRegions } from '@/lib/index/index-runner';
import { log } from '@/lib/log/logger';

// One sync pass of every region, for a scheduler where no process lives between requests (Vercel Cron,
// vercel.json): it sends CRON_SECRET as a Bearer token. A pass stopped by the time limit is resumed by
// the next one where it stopped (lib/index/sync.ts), so a long backfill spreads over several calls.

/** Vercel's limit for this function, in seconds; the pass stops itself before it. */
export const maxDuration = 300;
const PASS_LIMIT_MS = 270_000;

const digest = (text: string) => createHash('sha256').update(text).digest();

export async function GET(request: Request): Promise<Response> {
  try {
    const config = getIndexConfig();
    if (!config) throw indexSyncOff('no_index');
    if (!config.cronSecret) throw indexSyncOff('no_secret');
    const sent = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.get('authorization') ?? '')?.[1];
    // Compared as digests, in constant time, whatever the length sent.
    if (!sent || !timingSafeEqual(digest(sent), digest(config.cronSecret))) throw cronUnauthenticated();
    let regions;
    try {
      regions = await syncAllRegions(AbortSignal.any([request.signal, AbortSignal.timeout(PASS_LIMIT_MS)]));
    } catch (error) {
      // The reason goes to the log; the caller learns only that the database did not answer.
      log('warn', 'index_sync_failed', { message: (error as Error).message });
      throw indexUnreachable();
    }
    return Response.json({ Regions: regions }, { headers: NO_STORE });
  } catch (error) {
    return errorResponse(error);
  }
}

export { onlyGet as POST, onlyGet as PUT, onlyGet as PATCH, onlyGet as DELETE };
