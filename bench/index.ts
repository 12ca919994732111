// The job index's targets, each beside its baseline in the same run. One emulator holds 1,000,000 jobs
// over 90 days; the index holds the same jobs (written by lib/index's own upsert from a crawl of the
// emulator, as a sync pass writes them), in Debian's PostgreSQL and then in PGlite. The live side is a
// portal without the index reading the emulator at 30 ms a call:
//  1. a substring search page from the index over a 31-day window at most 0.02 × the live scan of the
//     same question over that window (every page of it, as the live scan must read the whole window);
//  2. an export of about 100,000 jobs from the index at most 0.1 × the same export read live;
//  3. the insights of 7 days from the index at most 0.1 × the same insights scanned live;
//  4. the sync keeps up with 100 new jobs a second at 30 ms upstream latency within INDEX_SYNC_QPS=20.
// Also printed: rows a GB (the README's sizing), and how long the fill took.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { control, popCoreClient, readStats, resetStats, setFaults } from '../harness/emulator-control';
import { startEmulatorProcess, type EmulatorProcess } from '../harness/emulator-process';
import { startPostgresProcess } from '../harness/postgres-process';
import type { PortalProcess } from '../harness/portal-process';
import { startPortalAgainst } from '../harness/portal-stack';
import { listJobsResponseSchema } from '../lib/ice/schemas';
import { postgresIndexDb, type IndexDb } from '../lib/index/index-db';
import { upsertJobs } from '../lib/index/indexed-jobs';
import { migrate } from '../lib/index/migrations';
import { pgliteIndexDb } from '../lib/index/pglite-db';
import { report, type Figure } from './report';

const DAY = 86_400_000;
const REGION = 'cn-shanghai';
const JOBS = Number(process.env.BENCH_INDEX_JOBS || 1_000_000);
const iso = (ms: number) => new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
const LIVE_ENV = { AUTH_MODE: 'none', AUTH_RATE_LIMIT_PER_MINUTE: '1000000', SCAN_CALLS_PER_MINUTE: '100000', SCAN_MAX_JOBS: '1000000', SCAN_MAX_DAYS: '100', INSIGHTS_CACHE_SECONDS: '0' };
const NEEDLES = 20;

/** Every job of the emulator into `db`, read by slices at once; how long it took. */
async function fill(db: IndexDb, emulatorUrl: string, workers: number): Promise<number> {
  const client = popCoreClient(emulatorUrl);
  const started = performance.now();
  // Rows first and indexes after, as a restore does: the same indexes, built once rather than kept up row by row.
  const indexes = await db.query<{ indexname: string; indexdef: string }>("SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'jobs' AND indexname <> 'jobs_pkey'");
  for (const { indexname } of indexes) await db.exec(`DROP INDEX ${indexname}`);
  const end = Date.now() + 60_000;
  const slices = Array.from({ length: 96 }, (_, i) => ({ from: end - (i + 1) * DAY, to: end - i * DAY - 1000 }));
  await Promise.all(
    Array.from({ length: workers }, async () => {
      for (let slice = slices.pop(); slice; slice = slices.pop()) {
        let token: string | undefined;
        do {
          const params = { StartOfCreateTime: iso(slice.from), EndOfCreateTime: iso(slice.to), PageSize: 100, ...(token ? { NextPageToken: token } : {}) };
          // The fill is set-up, not a figure: a page whose connection was reset (a kept-alive socket the
          // emulator closed) or that a loaded machine made slow is asked again, with 30 s a call rather
          // than pop-core's 3 s.
          let raw: unknown;
          for (let attempt = 1; raw === undefined; attempt++) {
            raw = await client.request('ListMediaInfoJobs', params, { timeout: 30_000 }).catch((error: unknown) => {
              if (attempt >= 5) throw error;
              return undefined;
            });
          }
          const page = listJobsResponseSchema.parse(raw);
          await upsertJobs(db, REGION, page.Jobs);
          token = page.NextPageToken || undefined;
        } while (token);
      }
    }),
  );
  for (const { indexdef } of indexes) await db.exec(indexdef);
  // As if a pass had just read everything up to now: the portal then holds every window it is asked.
  await db.query('INSERT INTO sync_state (region, backfilled_from, high_water, last_pass_at) VALUES ($1, $2, $3, now())', [REGION, new Date(Date.now() - 95 * DAY), new Date(Date.now() + DAY)]);
  await db.query('ANALYZE jobs');
  return performance.now() - started;
}

const timed = async <T>(run: () => Promise<T>): Promise<{ ms: number; value: T }> => {
  const started = performance.now();
  const value = await run();
  return { ms: performance.now() - started, value };
};

/** Every page of a search, through its tokens; the jobs found and whether the index answered. */
async function searchAll(portal: PortalProcess, params: Record<string, string>): Promise<{ found: number; source: string }> {
  let token: string | undefined;
  let found = 0;
  let source = '';
  do {
    const res = await fetch(`${portal.url}/api/jobs?${new URLSearchParams({ ...params, PageSize: '20', ...(token ? { NextPageToken: token } : {}) })}`);
    if (!res.ok) throw new Error(`search answered ${res.status}: ${await res.text()}`);
    const page = (await res.json()) as { Jobs: unknown[]; NextPageToken?: string; Source: { Kind: string } };
    found += page.Jobs.length;
    source = page.Source.Kind;
    token = page.NextPageToken;
  } while (token);
  return { found, source };
}

/**
 * The lines of an NDJSON export, counted as the bytes arrive: the bench reads the download as a client
 * saving it would, without building one string of hundreds of MB (which would time this process, not
 * the portal's export). Only the last line, the summary, is decoded.
 */
async function exportLines(portal: PortalProcess, params: Record<string, string>): Promise<{ lines: number; source: string }> {
  const res = await fetch(`${portal.url}/api/jobs/export?${new URLSearchParams({ ...params, Format: 'ndjson' })}`);
  if (!res.ok || !res.body) throw new Error(`export answered ${res.status}: ${await res.text()}`);
  let newlines = 0;
  let tail = Buffer.alloc(0);
  for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
    const bytes = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    for (let at = bytes.indexOf(10); at !== -1; at = bytes.indexOf(10, at + 1)) newlines += 1;
    // The summary line is short: the last few KB hold it whole.
    tail = Buffer.concat([tail, bytes]).subarray(-65_536);
  }
  const lastLines = tail.toString('utf8').trimEnd().split('\n');
  const summary = JSON.parse(lastLines.at(-1)!) as { Summary?: { Source: { Kind: string } } };
  return { lines: newlines - 1, source: summary.Summary?.Source.Kind ?? 'none' };
}

async function insights(portal: PortalProcess, params: Record<string, string>): Promise<{ total: number; source: string }> {
  const body = (await (await fetch(`${portal.url}/api/insights?${new URLSearchParams(params)}`, { headers: { 'cache-control': 'no-cache' } })).json()) as { Total: number; Source: { Kind: string } };
  return { total: body.Total, source: body.Source.Kind };
}

/** A portal reading `indexEnv`'s index, once that index answers its searches. */
async function indexedPortal(emulatorUrl: string, indexEnv: Record<string, string>): Promise<PortalProcess> {
  const portal = await startPortalAgainst(emulatorUrl, { ...LIVE_ENV, ...indexEnv, INDEX_SYNC_SECONDS: '0' });
  const deadline = Date.now() + 120_000;
  // A fixed start: Since would resolve anew on each page, and a page token holds to the filters it was made for.
  while ((await searchAll(portal, { StartOfCreateTime: iso(Date.now() - DAY), Search: 'needle_' })).source !== 'index') {
    if (Date.now() > deadline) throw new Error(`the index did not open:\n${portal.output().slice(-2000)}`);
    await new Promise((r) => setTimeout(r, 500));
  }
  return portal;
}

interface Questions {
  search: Record<string, string>;
  exported: Record<string, string>;
  week: Record<string, string>;
}

/** The three questions, timed on one portal. */
async function ask(portal: PortalProcess, q: Questions) {
  const firstPage = await timed(async () => {
    const res = await fetch(`${portal.url}/api/jobs?${new URLSearchParams({ ...q.search, PageSize: '20' })}`);
    return ((await res.json()) as { Jobs: unknown[]; Source: { Kind: string } }).Source.Kind;
  });
  const allPages = await timed(() => searchAll(portal, q.search));
  const exported = await timed(() => exportLines(portal, q.exported));
  const week = await timed(() => insights(portal, q.week));
  const sources = new Set([firstPage.value, allPages.value.source, exported.value.source, week.value.source]);
  if (sources.size !== 1) throw new Error(`the questions were answered by ${[...sources].join(' and ')}`);
  return { firstPage, allPages, exported, week, source: [...sources][0]! };
}

async function readFigures(): Promise<Figure[]> {
  const emulator = await startEmulatorProcess(['--jobs', String(JOBS), '--seed', '12']);
  const postgres = await startPostgresProcess();
  const portals: PortalProcess[] = [];
  const dataDir = mkdtempSync(path.join(tmpdir(), 'bench-pglite-'));
  try {
    // Needles in the 31-day window: the search's answer.
    for (let i = 0; i < NEEDLES; i++) {
      const at = iso(Date.now() - (1 + i * 1.5) * DAY);
      await control(emulator.url, 'POST', 'jobs', { JobId: `needle${String(i).padStart(26, '0')}`, Status: 'Success', SubmitTime: at, FinishTime: at, Input: { Type: 'OSS', Media: `oss://bench/needle_${i}.mov` } });
    }
    const pg = postgresIndexDb(postgres.url, { max: 8 });
    await migrate(pg);
    const pgFillMs = await fill(pg, emulator.url, 8);
    const [size] = await pg.query<{ rows: string; bytes: string }>("SELECT count(*) AS rows, pg_total_relation_size('jobs') AS bytes FROM jobs");
    const { rows, bytes } = size!;
    // The emulator's jobs crowd toward the present: the export's window starts at its 100,000th newest job.
    const [hundredThousandth] = await pg.query<{ created_at: Date }>('SELECT created_at FROM jobs ORDER BY created_at DESC OFFSET 99999 LIMIT 1');
    await pg.close();

    const now = Date.now();
    const q: Questions = {
      search: { StartOfCreateTime: iso(now - 31 * DAY), EndOfCreateTime: iso(now), Search: 'needle_' },
      exported: { StartOfCreateTime: iso(hundredThousandth?.created_at.getTime() ?? now - 90 * DAY), EndOfCreateTime: iso(now) },
      week: { StartOfCreateTime: iso(now - 7 * DAY), EndOfCreateTime: iso(now) },
    };
    await setFaults(emulator.url, { latencyMs: 30 });
    const live = await startPortalAgainst(emulator.url, LIVE_ENV);
    portals.push(live);
    const fromIce = await ask(live, q);
    await live.stop();

    const onPg = await indexedPortal(emulator.url, { INDEX_DATABASE_URL: postgres.url });
    portals.push(onPg);
    const fromPg = await ask(onPg, q);
    await onPg.stop();
    if (fromPg.allPages.value.found !== fromIce.allPages.value.found || fromPg.exported.value.lines !== fromIce.exported.value.lines || fromPg.week.value.total !== fromIce.week.value.total) {
      throw new Error(`the index and ICE disagree: ${JSON.stringify({ index: [fromPg.allPages.value, fromPg.exported.value, fromPg.week.value], ice: [fromIce.allPages.value, fromIce.exported.value, fromIce.week.value] })}`);
    }

    // PGlite: the same rows in its folder, then a portal on that folder.
    const lite = await pgliteIndexDb(path.join(dataDir, 'index'));
    await migrate(lite);
    await setFaults(emulator.url, { latencyMs: 0 });
    const liteFillMs = await fill(lite, emulator.url, 2);
    await lite.close();
    await setFaults(emulator.url, { latencyMs: 30 });
    const onLite = await indexedPortal(emulator.url, { INDEX_DIR: path.join(dataDir, 'index') });
    portals.push(onLite);
    const fromLite = await ask(onLite, q);
    await onLite.stop();

    const n = (value: number) => value.toLocaleString('en-US');
    return [
      { name: `index filled with ${n(Number(rows))} jobs, then indexed: PostgreSQL (8 writers)`, value: pgFillMs / 1000, unit: 's' },
      { name: '  PGlite (2 writers)', value: liteFillMs / 1000, unit: 's' },
      { name: '  PostgreSQL table and indexes: jobs a GB', value: Number(rows) / (Number(bytes) / 2 ** 30), unit: 'jobs/GB' },
      { name: `live scan of a search over 31 days, every page (${n(fromIce.allPages.value.found)} found) (baseline)`, value: fromIce.allPages.ms / 1000, unit: 's' },
      { name: '  index (PostgreSQL): the first search page', value: fromPg.firstPage.ms, unit: 'ms' },
      { name: '  index first page / live scan', value: fromPg.firstPage.ms / fromIce.allPages.ms, unit: '×', target: { atMost: 0.02 } },
      { name: '  index (PostgreSQL): every page', value: fromPg.allPages.ms, unit: 'ms' },
      { name: '  PGlite: the first search page / live scan', value: fromLite.firstPage.ms / fromIce.allPages.ms, unit: '×' },
      { name: `live export of ${n(fromIce.exported.value.lines)} jobs (baseline)`, value: fromIce.exported.ms / 1000, unit: 's' },
      { name: '  index (PostgreSQL) export / live export', value: fromPg.exported.ms / fromIce.exported.ms, unit: '×', target: { atMost: 0.1 } },
      { name: '  PGlite export / live export', value: fromLite.exported.ms / fromIce.exported.ms, unit: '×' },
      { name: `live insights of 7 days (${n(fromIce.week.value.total)} jobs) (baseline)`, value: fromIce.week.ms / 1000, unit: 's' },
      { name: '  index (PostgreSQL) insights / live insights', value: fromPg.week.ms / fromIce.week.ms, unit: '×', target: { atMost: 0.1 } },
      { name: '  PGlite insights / live insights', value: fromLite.week.ms / fromIce.week.ms, unit: '×' },
    ];
  } finally {
    await Promise.all(portals.map((p) => p.stop().catch(() => undefined)));
    await Promise.all([emulator.stop(), postgres.stop()]);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** New jobs at `perSecond` for `seconds` against a syncing portal at 30 ms; how far behind the index falls. */
async function syncFigures(perSecond = 100, seconds = 30): Promise<Figure[]> {
  const emulator: EmulatorProcess = await startEmulatorProcess(['--jobs', '500', '--seed', '13']);
  const postgres = await startPostgresProcess();
  let portal: PortalProcess | undefined;
  const db = postgresIndexDb(postgres.url);
  try {
    await setFaults(emulator.url, { latencyMs: 30 });
    portal = await startPortalAgainst(emulator.url, { AUTH_MODE: 'none', INDEX_DATABASE_URL: postgres.url, INDEX_SYNC_SECONDS: '1', INDEX_SYNC_QPS: '20', INDEX_BACKFILL_DAYS: '1' });
    const deadline = Date.now() + 120_000;
    while (!(await db.query('SELECT 1 FROM sync_state WHERE last_pass_at IS NOT NULL').catch(() => [])).length && Date.now() < deadline) await new Promise((r) => setTimeout(r, 250));
    await resetStats(emulator.url);
    const started = Date.now();
    let made = 0;
    for (let second = 0; second < seconds; second++) {
      const at = iso(Date.now());
      await Promise.all(
        Array.from({ length: perSecond }, () => {
          const JobId = `new${String(made++).padStart(29, '0')}`;
          return control(emulator.url, 'POST', 'jobs', { JobId, Status: 'Success', SubmitTime: at, FinishTime: at, Input: { Type: 'OSS', Media: `oss://bench/${JobId}.mp4` } });
        }),
      );
      const wait = started + (second + 1) * 1000 - Date.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    }
    const lastMadeAt = Date.now();
    const count = async () => Number((await db.query<{ n: string }>("SELECT count(*) AS n FROM jobs WHERE job_id LIKE 'new%'"))[0]!.n);
    let indexed = await count();
    while (indexed < made && Date.now() - lastMadeAt < 120_000) {
      await new Promise((r) => setTimeout(r, 200));
      indexed = await count();
    }
    const lagMs = Date.now() - lastMadeAt;
    const calls = (await readStats(emulator.url)).requests;
    const callsPerSecond = calls / ((Date.now() - started) / 1000);
    return [
      { name: `${perSecond} new jobs a second for ${seconds} s at 30 ms, INDEX_SYNC_QPS=20: jobs indexed / made`, value: indexed / made, unit: '×', target: { atLeast: 1 } },
      { name: '  behind the last new job by', value: lagMs / 1000, unit: 's', target: { atMost: 15 } },
      { name: '  ICE calls a second (all kinds, the emulator counted)', value: callsPerSecond, unit: 'calls/s', target: { atMost: 20 } },
    ];
  } finally {
    await db.close();
    await portal?.stop();
    await Promise.all([emulator.stop(), postgres.stop()]);
  }
}

export async function indexFigures(): Promise<Figure[]> {
  return [...(await readFigures()), ...(await syncFigures())];
}

// `npx tsx bench/index.ts`: this section alone (BENCH_INDEX_JOBS=100000 for a quick look).
if (require.main === module) {
  indexFigures().then(
    (figures) => process.exit(report('Job index: search, export and insights from PostgreSQL and PGlite', figures) ? 0 : 1),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
