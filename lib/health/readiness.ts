import 'server-only';
import { configurationProblems } from '@/lib/startup/validate-config';
import { iceClient } from '@/lib/ice/client';
import { log } from '@/lib/log/logger';

// Ready = configuration valid and ICE answers a cheap signed call. The answer is cached for a few
// seconds so load-balancer probes cannot turn into an ICE load of their own.

const CACHE_MS = 5000;
const PROBE_TIMEOUT_MS = 3000;

let cached: { ready: boolean; atMs: number } | undefined;
let inflight: Promise<boolean> | undefined;

async function probe(): Promise<boolean> {
  const problems = configurationProblems();
  if (problems.length > 0) {
    log('warn', 'not_ready', { reason: 'configuration', problems });
    return false;
  }
  try {
    await iceClient().listMediaInfoJobs({ PageSize: 1 }, { signal: AbortSignal.timeout(PROBE_TIMEOUT_MS) });
    return true;
  } catch (error) {
    log('warn', 'not_ready', { reason: 'ice', code: (error as { code?: string }).code, iceCode: (error as { iceCode?: string }).iceCode });
    return false;
  }
}

export async function isReady(nowMs = Date.now()): Promise<boolean> {
  if (cached && nowMs - cached.atMs < CACHE_MS) return cached.ready;
  inflight ??= probe().then((ready) => {
    cached = { ready, atMs: Date.now() };
    inflight = undefined;
    return ready;
  });
  return inflight;
}
