import 'server-only';
import { setTimeout as sleep } from 'node:timers/promises';
import { iceClient } from '@/lib/ice/client';
import { configuredRegions } from '@/lib/ice/regions';
import { log } from '@/lib/log/logger';
import { getIndexConfig, type IndexConfig } from './index-config';
import { holdFolder } from './index-folder';
import { postgresIndexDb, type IndexDb } from './index-db';
import { pgliteIndexDb } from './pglite-db';
import { migrate } from './migrations';
import { syncPass, type PassReport } from './sync';

// The index in a running portal: its one database connection pool (on globalThis, shared by the
// bundles of routes and instrumentation like the store), migrated before first use, and the background
// loop that syncs every configured region every INDEX_SYNC_SECONDS until the process stops. Every
// instance runs the loop; the advisory lock lets one pass a region at a time, and the others answer
// `locked` at once and wait for their next turn.

const SHARED = Symbol.for('ice-portal.index');

interface Held {
  ready: Promise<IndexDb>;
  /** Set once open and migrated. */
  db?: IndexDb;
}

/** The store's database: a pool on the PostgreSQL server, or PGlite in its folder once this process holds the folder. */
async function open(config: IndexConfig): Promise<IndexDb> {
  if (config.store.kind === 'postgres') return postgresIndexDb(config.store.url);
  holdFolder(config.store.dir);
  return pgliteIndexDb(config.store.dir);
}

function held(config: IndexConfig): Held {
  const holder = globalThis as { [SHARED]?: Held };
  if (!holder[SHARED]) {
    const ready = open(config).then(async (db) => {
      try {
        log('info', 'index_migrated', { versions: await migrate(db), store: config.store.kind });
        return db;
      } catch (error) {
        await db.close().catch(() => undefined);
        throw error;
      }
    });
    const entry: Held = { ready };
    ready.then(
      (db) => void (entry.db = db),
      // Unreachable or refused: the next use tries again from the start.
      () => {
        delete holder[SHARED];
      },
    );
    holder[SHARED] = entry;
  }
  return holder[SHARED];
}

/** After the database failed to answer, reads leave it alone this long (ICE answers them meanwhile). */
const RETRY_AFTER_FAILURE_MS = 30_000;
let failedAtMs = -Infinity;

/** The index's database, migrated; undefined when the index is off; throws while it does not answer. */
export async function indexDb(): Promise<IndexDb | undefined> {
  const config = getIndexConfig();
  if (!config) return undefined;
  if (Date.now() - failedAtMs < RETRY_AFTER_FAILURE_MS) throw new Error('the index database did not answer a moment ago');
  try {
    return await held(config).ready;
  } catch (error) {
    failedAtMs = Date.now();
    throw error;
  }
}

/**
 * The index's database if it is open and migrated now, for reads on a request's path: they never wait
 * for it to open (PGlite's first start takes seconds), and ICE answers them meanwhile. The first call
 * starts the opening.
 */
export function indexDbIfReady(): IndexDb | undefined {
  const config = getIndexConfig();
  if (!config || Date.now() - failedAtMs < RETRY_AFTER_FAILURE_MS) return undefined;
  const entry = held(config);
  entry.ready.catch(() => (failedAtMs = Date.now()));
  return entry.db;
}

/** One pass of every region, one after the other (the cron route, and each turn of the loop). */
export async function syncAllRegions(signal?: AbortSignal): Promise<Record<string, PassReport>> {
  const config = getIndexConfig();
  const db = await indexDb();
  if (!config || !db) return {};
  const reports: Record<string, PassReport> = {};
  for (const { region } of configuredRegions()) {
    const report = await syncPass(db, { region, ice: iceClient(region), backfillDays: config.backfillDays, retentionDays: config.retentionDays, qps: config.qps, signal });
    reports[region] = report;
    log(report.outcome === 'failed' ? 'warn' : 'info', 'index_sync', { region, ...report });
  }
  return reports;
}

/** The background loop, when the index is on and INDEX_SYNC_SECONDS is not 0; stopped on SIGTERM/SIGINT. */
export function startIndexSync(): void {
  const config = getIndexConfig();
  if (!config || config.syncSeconds === 0) return;
  const stop = new AbortController();
  for (const signal of ['SIGTERM', 'SIGINT'] as const) process.once(signal, () => stop.abort());
  void (async () => {
    while (!stop.signal.aborted) {
      try {
        await syncAllRegions(stop.signal);
      } catch (error) {
        log('warn', 'index_sync_failed', { message: (error as Error).message });
      }
      await sleep(config.syncSeconds * 1000, undefined, { signal: stop.signal }).catch(() => undefined);
    }
  })();
}

export interface IndexCoverage {
  /** How far back the index reaches: its backfill so far. */
  from?: string;
  lastPassAt?: string;
  /** The last pass ended in a failure (its reason is in the log: /api/ready answers anyone). */
  lastPassFailed?: true;
}

/** Per region, how far back the index reaches and when it last synced; undefined when the index is off. */
export async function indexCoverage(): Promise<Record<string, IndexCoverage> | undefined> {
  const db = await indexDb();
  if (!db) return undefined;
  const rows = await db.query<{ region: string; backfilled_from: Date | null; last_pass_at: Date | null; last_error: string | null }>('SELECT region, backfilled_from, last_pass_at, last_error FROM sync_state');
  return Object.fromEntries(
    rows.map((row) => [
      row.region,
      {
        ...(row.backfilled_from ? { from: row.backfilled_from.toISOString() } : {}),
        ...(row.last_pass_at ? { lastPassAt: row.last_pass_at.toISOString() } : {}),
        ...(row.last_error ? { lastPassFailed: true as const } : {}),
      },
    ]),
  );
}
