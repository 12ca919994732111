import 'server-only';
import { configurationProblems } from '@/lib/startup/validate-config';
import { iceClient } from '@/lib/ice/client';
import { configuredRegions } from '@/lib/ice/regions';
import { indexCoverage, type IndexCoverage } from '@/lib/index/index-runner';
import { log } from '@/lib/log/logger';
import { appStore } from '@/lib/store/app-store';
import type { StoreHealth } from '@/lib/store/store';

// Ready = configuration valid and ICE answers a cheap signed call made by this process (never an
// answer another instance shared), in at least one of its regions; each region is reported. The store is reported beside it: Redis not answering makes it
// `degraded`, still ready, since the portal serves from memory meanwhile. The answer is cached for a
// few seconds so load-balancer probes cannot turn into an ICE load of their own.

const CACHE_MS = 5000;
const PROBE_TIMEOUT_MS = 3000;

export interface Readiness {
  ready: boolean;
  /** Each region, whether it answered: one region down leaves the portal ready for the others. */
  regions?: Record<string, 'ready' | 'not_ready'>;
  /** Unknown while the configuration is wrong. */
  store?: StoreHealth;
  /** With the job index on: per region, how far back it reaches and when it last synced; never decides readiness. */
  index?: Record<string, IndexCoverage> | 'unreachable';
}

let cached: { readiness: Readiness; atMs: number } | undefined;
let inflight: Promise<Readiness> | undefined;

async function iceAnswers(region: string): Promise<boolean> {
  try {
    await iceClient(region).listMediaInfoJobs({ PageSize: 1 }, { signal: AbortSignal.timeout(PROBE_TIMEOUT_MS), ownCall: true });
    return true;
  } catch (error) {
    log('warn', 'not_ready', { reason: 'ice', region, code: (error as { code?: string }).code, iceCode: (error as { iceCode?: string }).iceCode });
    return false;
  }
}

async function probe(): Promise<Readiness> {
  const problems = configurationProblems();
  if (problems.length > 0) {
    log('warn', 'not_ready', { reason: 'configuration', problems });
    return { ready: false };
  }
  const regions = configuredRegions().map((r) => r.region);
  const [answers, store, index] = await Promise.all([Promise.all(regions.map(iceAnswers)), appStore().health(), indexCoverage().catch(() => 'unreachable' as const)]);
  return { ready: answers.some(Boolean), regions: Object.fromEntries(regions.map((region, i) => [region, answers[i] ? 'ready' : 'not_ready'])), store, ...(index ? { index } : {}) };
}

export async function readiness(nowMs = Date.now()): Promise<Readiness> {
  if (cached && nowMs - cached.atMs < CACHE_MS) return cached.readiness;
  inflight ??= probe().then((readiness) => {
    cached = { readiness, atMs: Date.now() };
    inflight = undefined;
    return readiness;
  });
  return inflight;
}
