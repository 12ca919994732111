import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setFaults } from '@/harness/emulator-control';
import { startPortalAgainst } from '@/harness/portal-stack';
import { crawlJobs } from '@/__tests__/support/crawl-jobs';
import { startEmulatorProcess, type EmulatorProcess } from '@/harness/emulator-process';
import { startPostgresProcess, type PostgresProcess } from '@/harness/postgres-process';
import { DEMO_CREDENTIALS } from '@/emulator/options';
import { createIceClient, type IceClient } from '@/lib/ice/client';
import type { MediaInfoJob } from '@/lib/ice/schemas';
import { postgresIndexDb, type IndexDb } from '@/lib/index/index-db';
import { migrate } from '@/lib/index/migrations';
import { syncPass, type SyncOptions } from '@/lib/index/sync';

// The index's sync against real processes: the emulator over HTTP and Debian's PostgreSQL. After a
// pass, the index holds exactly what a fresh crawl of ICE's window returns, field by field; submitted
// jobs arrive and turn final; a pass stopped in the middle resumes with no gap and no duplicate; two
// instances never sync one region at once; old rows go; throttling is waited out.

const DAY_MS = 86_400_000;
const SPECS_FILE = path.resolve(__dirname, '../../config/media-specs.example.json');
let emulator: EmulatorProcess;
let postgres: PostgresProcess;
let ice: IceClient;
let admin: IndexDb;
let databases = 0;

beforeAll(async () => {
  [emulator, postgres] = await Promise.all([startEmulatorProcess(['--jobs', '600', '--seed', '23', '--job-delay-ms', '1000']), startPostgresProcess()]);
  ice = createIceClient({ ...DEMO_CREDENTIALS, region: 'cn-shanghai', endpoint: emulator.url, timeoutMs: 5000, maxConcurrency: 8 });
  admin = postgresIndexDb(postgres.url);
}, 120_000);

afterAll(async () => {
  await admin?.close();
  await Promise.all([emulator?.stop(), postgres?.stop()]);
});

/** A database of its own, migrated, and its URL. */
async function freshIndex(): Promise<{ db: IndexDb; url: string }> {
  const name = `sync_${process.pid}_${++databases}`;
  await admin.exec(`CREATE DATABASE ${name}`);
  const url = postgres.url.replace(/\/postgres$/, `/${name}`);
  const db = postgresIndexDb(url);
  await migrate(db);
  return { db, url };
}

const options = (extra: Partial<SyncOptions> = {}): SyncOptions => ({ region: 'cn-shanghai', ice, backfillDays: 31, sliceMs: 3 * DAY_MS, qps: 500, throttleBackoffMs: 50, ...extra });

/** Every job ICE lists created in the last `days`, as a fresh crawl reads them. */
async function crawl(days: number): Promise<Map<string, MediaInfoJob>> {
  const jobs = new Map<string, MediaInfoJob>();
  const start = new Date(Date.now() - days * DAY_MS).toISOString().replace(/\.\d{3}Z$/, 'Z');
  let token: string | undefined;
  do {
    const page = await ice.listMediaInfoJobs({ StartOfCreateTime: start, PageSize: 100, ...(token ? { NextPageToken: token } : {}) });
    for (const job of page.Jobs) jobs.set(job.JobId, job);
    token = page.NextPageToken;
  } while (token);
  return jobs;
}

const indexed = async (db: IndexDb) => new Map((await db.query<{ job: MediaInfoJob }>("SELECT job FROM jobs WHERE region = 'cn-shanghai'")).map(({ job }) => [job.JobId, job]));

/** The index equals ICE for the window: the same JobIds, and each job equal field by field. */
async function expectEqualToIce(db: IndexDb, days: number) {
  const [fromIce, fromIndex] = [await crawl(days), await indexed(db)];
  expect(fromIce.size).toBeGreaterThan(50);
  expect([...fromIndex.keys()].sort()).toEqual([...fromIce.keys()].sort());
  for (const [id, job] of fromIce) expect({ id, job: fromIndex.get(id) }).toEqual({ id, job });
}

it('backfills the window so that the index equals a fresh crawl of ICE, field by field', async () => {
  const { db } = await freshIndex();
  try {
    const report = await syncPass(db, options());
    expect(report).toMatchObject({ outcome: 'done', slicesRead: 11 });
    await expectEqualToIce(db, 31);
    const [state] = await db.query<{ backfilled_from: Date; high_water: Date; last_error: string | null }>('SELECT backfilled_from, high_water, last_error FROM sync_state');
    expect(Date.now() - state!.backfilled_from.getTime()).toBeGreaterThanOrEqual(31 * DAY_MS - 60_000);
    expect(state!.last_error).toBeNull();
  } finally {
    await db.close();
  }
});

it('takes in new jobs on the next pass, and reads them again until they are final', async () => {
  const { db } = await freshIndex();
  try {
    await syncPass(db, options());
    const submitted = await Promise.all(['a', 'b', 'c'].map((n) => ice.submitMediaInfoJob({ Input: { Type: 'OSS', Media: `oss://media-bucket/sync/${n}-${Date.now()}.mp4` } })));
    await syncPass(db, options());
    const statuses = async () => (await db.query<{ status: string }>('SELECT status FROM jobs WHERE job_id = ANY($1)', [submitted.map((s) => s.MediaInfoJob.JobId)])).map((r) => r.status);
    expect(await statuses()).toEqual(['Init', 'Init', 'Init']);
    await new Promise((r) => setTimeout(r, 1500));
    await syncPass(db, options());
    expect(await statuses()).toEqual(['Success', 'Success', 'Success']);
    await expectEqualToIce(db, 31);
  } finally {
    await db.close();
  }
});

it('resumes a pass stopped in the middle of a slice, with no gap and no duplicate', async () => {
  const { db } = await freshIndex();
  try {
    // Three slices in, then a pass stopped after a few pages of the fourth: the kill of a deploy.
    expect(await syncPass(db, options({ maxSlices: 3 }))).toMatchObject({ outcome: 'done', slicesRead: 3 });
    const stop = new AbortController();
    setTimeout(() => stop.abort(), 150);
    const stopped = await syncPass(db, options({ qps: 20, signal: stop.signal }));
    expect(stopped.outcome).toBe('failed');
    expect(stopped.jobsWritten).toBeGreaterThan(0);
    // The next pass goes on from the slice it was in, not from the start.
    const resumed = await syncPass(db, options());
    expect(resumed.outcome).toBe('done');
    expect(resumed.slicesRead).toBe(11 - 3 - stopped.slicesRead);
    await expectEqualToIce(db, 31);
  } finally {
    await db.close();
  }
});

it('lets one instance sync a region at a time', async () => {
  const { db, url } = await freshIndex();
  const other = postgresIndexDb(url);
  try {
    const [first, second] = await Promise.all([syncPass(db, options({ qps: 50 })), syncPass(other, options({ qps: 50 }))]);
    expect([first.outcome, second.outcome].sort()).toEqual(['done', 'locked']);
    expect((first.outcome === 'locked' ? first : second).calls).toBe(0);
  } finally {
    await Promise.all([db.close(), other.close()]);
  }
});

it('drops rows older than the retention, and waits out throttling', async () => {
  const { db } = await freshIndex();
  try {
    await setFaults(emulator.url, { queue: ['throttle', 'throttle', 'throttle'] });
    const report = await syncPass(db, options({ retentionDays: 10 }));
    expect(report.outcome).toBe('done');
    const [oldest] = await db.query<{ oldest: Date }>('SELECT min(created_at) AS oldest FROM jobs');
    expect(Date.now() - oldest!.oldest.getTime()).toBeLessThanOrEqual(10 * DAY_MS + 5000);
    expect(report.dropped).toBeGreaterThan(0);
  } finally {
    await db.close();
  }
});

it('keeps to its calls a second', async () => {
  const { db } = await freshIndex();
  try {
    const started = Date.now();
    const report = await syncPass(db, options({ qps: 10, backfillDays: 6, sliceMs: DAY_MS }));
    expect(report.calls).toBeGreaterThanOrEqual(6);
    // At most 10 a second: the calls after the first took at least a tenth of a second each.
    expect(Date.now() - started).toBeGreaterThanOrEqual(((report.calls - 1) * 1000) / 10 - 20);
  } finally {
    await db.close();
  }
});

it('runs in the portal when INDEX_DATABASE_URL is set: migrated at start, synced in the background, said by /api/ready', async () => {
  const { db, url } = await freshIndex();
  await db.exec('DROP TABLE jobs, sync_state, index_migrations');
  const portal = await startPortalAgainst(emulator.url, { AUTH_MODE: 'none', INDEX_DATABASE_URL: url, INDEX_SYNC_SECONDS: '1', INDEX_SYNC_QPS: '200' });
  try {
    let ready: { status: string; index?: Record<string, { from?: string; lastPassAt?: string }> } = { status: '' };
    const deadline = Date.now() + 30_000;
    while (!ready.index?.['cn-shanghai']?.lastPassAt && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 500));
      ready = (await (await fetch(`${portal.url}/api/ready`)).json()) as typeof ready;
    }
    expect(ready.status).toBe('ready');
    expect(Date.now() - Date.parse(ready.index!['cn-shanghai']!.from!)).toBeGreaterThanOrEqual(31 * DAY_MS - 60_000);
    await expectEqualToIce(db, 31);
    // A second pass came a second later; nothing of the database's URL was logged.
    expect(await portal.settledOutput((out) => (out.match(/"event":"index_sync"/g) ?? []).length >= 2)).toMatch(/"event":"index_migrated","versions":\[1,2\]/);
    expect(portal.output()).not.toContain(url);
  } finally {
    await portal.stop();
    await db.close();
  }
});

it('keeps the portal ready while the index database does not answer, and says so', async () => {
  const portal = await startPortalAgainst(emulator.url, { AUTH_MODE: 'none', INDEX_DATABASE_URL: 'postgres://portal@127.0.0.1:9/nowhere', INDEX_SYNC_SECONDS: '0' });
  try {
    const response = await fetch(`${portal.url}/api/ready`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: 'ready', index: 'unreachable' });
    expect((await fetch(`${portal.url}/api/jobs?PageSize=1`)).status).toBe(200);
  } finally {
    await portal.stop();
  }
});

it('answers searches, exports and insights from the index with exactly what the live scan finds, past the live bounds, with exact counts, and says which source answered', async () => {
  const { db, url } = await freshIndex();
  const common = { AUTH_MODE: 'none', AUTH_RATE_LIMIT_PER_MINUTE: '100000', SCAN_CALLS_PER_MINUTE: '100000', MEDIA_SPECS_FILE: SPECS_FILE, INSIGHTS_CACHE_SECONDS: '0' };
  // The indexed portal's live bounds are far narrower than the questions (30 days, hundreds of jobs):
  // answered from the index they have no bound, so both portals must still answer alike.
  const [indexed, live] = await Promise.all([
    startPortalAgainst(emulator.url, { ...common, INDEX_DATABASE_URL: url, INDEX_SYNC_SECONDS: '2', INDEX_SYNC_QPS: '200', SCAN_MAX_DAYS: '10', SCAN_MAX_JOBS: '100' }),
    startPortalAgainst(emulator.url, common),
  ]);
  try {
    const deadline = Date.now() + 30_000;
    while (!(await db.query("SELECT 1 FROM sync_state WHERE last_pass_at IS NOT NULL")).length && Date.now() < deadline) await new Promise((r) => setTimeout(r, 300));
    const [failure] = ((await (await fetch(`${live.url}/api/insights?Since=30d`)).json()) as { Failures: { Code: string; Message: string }[] }).Failures;
    // Every search filter, each said in SQL by the index (lib/index/search-sql.ts), and LIKE's own characters taken literally.
    const questions: Record<string, string>[] = [
      { Search: 'mov' },
      { Search: '_' },
      { Search: '%' },
      { VideoCodec: 'HEVC' },
      { AudioCodec: 'aac', HasVideo: 'false' },
      { Status: 'Fail', HasVideo: 'false' },
      { HasAudio: 'false' },
      { MinHeight: '720', MaxHeight: '1080' },
      { MaxHeight: '480' },
      { Check: 'vfr', OrderBy: 'CreateTimeAsc' },
      { Container: 'mp4', Since: '7d' },
      { Spec: 'web-1080p' },
      { Spec: 'web-1080p', SpecResult: 'pass' },
      { ErrorCode: failure!.Code, ErrorMessage: failure!.Message },
    ];
    for (const question of questions) {
      const params = { Since: '30d', ...question };
      const [fromIndex, fromIce] = await Promise.all([crawlJobs(indexed.url, params), crawlJobs(live.url, params)]);
      // Sorted: within one second ICE lists jobs as they arrived, the index by JobId.
      expect({ question, jobs: fromIndex.map((job) => job.JobId).sort() }).toEqual({ question, jobs: fromIce.map((job) => job.JobId).sort() });
      if (!question.Search?.match(/^[_%]$/)) expect({ question, found: fromIce.length > 0 }).toEqual({ question, found: true });
      // Counted exactly by the index where SQL says every filter exactly (lib/index/search-sql.ts); not guessed where it cannot.
      const counted = (await (await fetch(`${indexed.url}/api/jobs?${new URLSearchParams({ ...params, PageSize: '5' })}`)).json()) as { Total?: number; Stopped?: unknown };
      const exact = !('MaxHeight' in question || 'Spec' in question || 'ErrorMessage' in question);
      expect({ question, total: counted.Total, stopped: counted.Stopped }).toEqual({ question, total: exact ? fromIce.length : undefined, stopped: undefined });
    }
    type Page = { Source: { Kind: string; SyncedAt?: string }; ScannedJobs: number; Matches: number };
    const first = (await (await fetch(`${indexed.url}/api/jobs?Since=30d&Search=mov&PageSize=5`)).json()) as Page;
    expect(first.Source).toEqual({ Kind: 'index', SyncedAt: expect.any(String) });
    // The index read only the rows the search selects; ICE's pages had to be read through.
    expect(first.ScannedJobs).toBe(first.Matches);
    const fromIce = (await (await fetch(`${live.url}/api/jobs?Since=30d&Search=mov&PageSize=5`)).json()) as Page;
    expect(fromIce.Source).toEqual({ Kind: 'ice' });
    expect(fromIce.ScannedJobs).toBeGreaterThan(fromIce.Matches);
    // A window older than the index reaches: the live scan answers, within its bounds (SCAN_MAX_DAYS cuts it) and with no total.
    const old = (await (await fetch(`${indexed.url}/api/jobs?StartOfCreateTime=${new Date(Date.now() - 60 * DAY_MS).toISOString()}&EndOfCreateTime=${new Date(Date.now() - 40 * DAY_MS).toISOString()}&Search=mov&PageSize=5`)).json()) as Page & { Total?: number; Stopped?: { Reason: string } };
    expect([old.Source, old.Total, old.Stopped?.Reason]).toEqual([{ Kind: 'ice' }, undefined, 'max_days']);
    // The list's export control says the cut before it starts only where the index does not lift it.
    const exportSays = async (query: string) => ((await (await fetch(`${indexed.url}/jobs?${query}`)).text()).match(/An export covers the jobs created [^<]*the 10 days one export reads at most/) ? 'cut' : 'whole');
    const olderRange = `StartOfCreateTime=${new Date(Date.now() - 60 * DAY_MS).toISOString()}&EndOfCreateTime=${new Date(Date.now() - 40 * DAY_MS).toISOString()}`;
    expect([await exportSays('Since=30d&Status=Success'), await exportSays(`${olderRange}&Status=Success`)]).toEqual(['whole', 'cut']);
    const exported = async (portal: typeof live, query: string) => {
      const lines = (await (await fetch(`${portal.url}/api/jobs/export?${query}&Format=ndjson`)).text()).split('\n').filter(Boolean);
      const records = lines.map((line) => JSON.parse(line) as { JobId?: string; Summary?: { Source: { Kind: string } } });
      return { lines: lines.filter((_, i) => records[i]!.JobId).sort(), source: records.at(-1)?.Summary?.Source.Kind };
    };
    // With a search filter (each job decoded and kept by the filters), and without (each job's stored text
    // written as is): the same lines, byte for byte, as the live export writes.
    for (const query of ['Since=30d&VideoCodec=h264', 'Since=30d&Status=Success']) {
      const [exportedFromIndex, exportedLive] = await Promise.all([exported(indexed, query), exported(live, query)]);
      expect(exportedFromIndex.lines.length).toBeGreaterThan(10);
      // Past the indexed portal's own live bounds: more than SCAN_MAX_JOBS jobs, some older than SCAN_MAX_DAYS.
      if (query.endsWith('Success')) {
        expect(exportedFromIndex.lines.length).toBeGreaterThan(100);
        expect(exportedFromIndex.lines.some((line) => Date.parse((JSON.parse(line) as MediaInfoJob).SubmitTime!) < Date.now() - 10 * DAY_MS)).toBe(true);
      }
      expect(exportedFromIndex.lines).toEqual(exportedLive.lines);
      expect([exportedFromIndex.source, exportedLive.source]).toEqual(['index', 'ice']);
    }
    // The insights' figures are the same whichever source read the jobs; only the source and counts of jobs read differ.
    // Over 30 days (past the indexed portal's SCAN_MAX_DAYS of 10, which the index lifts) and fewer than
    // its SCAN_MAX_JOBS of 100 matches, which the insights keep: each job read is tallied on the instance.
    const figures = async (portal: typeof live, query: string) => {
      const { ComputedAt: _at, ScannedJobs: _read, Source, ...rest } = (await (await fetch(`${portal.url}/api/insights?${query}`)).json()) as Record<string, unknown> & { Source: { Kind: string } };
      return { rest, source: Source.Kind };
    };
    const narrow = 'Since=30d&AudioCodec=aac&HasVideo=false';
    const [indexFigures, liveFigures] = await Promise.all([figures(indexed, narrow), figures(live, narrow)]);
    expect(liveFigures.rest.Total as number).toBeGreaterThan(0);
    expect(liveFigures.rest.Total as number).toBeLessThan(100);
    expect(indexFigures.rest).toEqual(liveFigures.rest);
    expect([indexFigures.source, liveFigures.source]).toEqual(['index', 'ice']);
    const everything = await figures(indexed, 'Since=30d');
    expect([everything.source, everything.rest.Stopped]).toEqual(['index', { Reason: 'max_jobs', At: expect.any(String) }]);
    // A search the index took on past the live bounds is never handed to the live scan: when the
    // index stops answering between its pages, the next page says so (and the portal keeps serving).
    const wide = (await (await fetch(`${indexed.url}/api/jobs?Since=30d&VideoCodec=h264&PageSize=5`)).json()) as Page & { NextPageToken: string; Total: number; Window: { StartOfCreateTime: string; EndOfCreateTime: string } };
    // The count made at the first page is said on the next pages too.
    const second = (await (await fetch(`${indexed.url}/api/jobs?Since=30d&VideoCodec=h264&PageSize=5&NextPageToken=${encodeURIComponent(wide.NextPageToken)}`)).json()) as Page & { Total: number };
    expect([second.Source.Kind, second.Total, second.Matches]).toEqual(['index', wide.Total, 10]);
    const days = ({ Window: w }: { Window: { StartOfCreateTime: string; EndOfCreateTime: string } }) => Math.round((Date.parse(w.EndOfCreateTime) - Date.parse(w.StartOfCreateTime)) / DAY_MS);
    expect([wide.Source.Kind, days(wide)]).toEqual(['index', 30]);
    await admin.exec(`DROP DATABASE ${url.split('/').pop()} WITH (FORCE)`);
    const lost = await fetch(`${indexed.url}/api/jobs?Since=30d&VideoCodec=h264&PageSize=5&NextPageToken=${encodeURIComponent(wide.NextPageToken)}`);
    expect([lost.status, ((await lost.json()) as { error: { code: string } }).error.code]).toEqual([503, 'index_unavailable']);
    // Asked again, the live scan answers it within its own bounds: the newest SCAN_MAX_DAYS of the 30 days.
    const fresh = (await (await fetch(`${indexed.url}/api/jobs?Since=30d&VideoCodec=h264&PageSize=5`)).json()) as Page & { NextPageToken: string; Window: { StartOfCreateTime: string; EndOfCreateTime: string } };
    expect([fresh.Source.Kind, days(fresh)]).toEqual(['ice', 10]);
    // A search keeps the source of its first page (ICE and the index order the jobs of one second
    // differently): begun on ICE while the index was gone, its next page is ICE's even once the index,
    // made again and synced by the portal's own loop, answers new searches.
    const name = url.split('/').pop()!;
    await admin.exec(`CREATE DATABASE ${name}`);
    const again = postgresIndexDb(url);
    try {
      await migrate(again);
      const newSearch = async () => ((await (await fetch(`${indexed.url}/api/jobs?Since=30d&VideoCodec=h264&PageSize=5`)).json()) as Page).Source.Kind;
      for (const until = Date.now() + 60_000; (await newSearch()) !== 'index' && Date.now() < until; ) await new Promise((r) => setTimeout(r, 300));
      expect(await newSearch()).toBe('index');
      const next = (await (await fetch(`${indexed.url}/api/jobs?Since=30d&VideoCodec=h264&PageSize=5&NextPageToken=${encodeURIComponent(fresh.NextPageToken)}`)).json()) as Page;
      expect(next.Source.Kind).toBe('ice');
    } finally {
      await again.close();
    }
  } finally {
    await Promise.all([indexed.stop(), live.stop()]);
    await db.close();
  }
});

it('does one pass for a scheduler that sends CRON_SECRET, and refuses everyone else', async () => {
  const { db, url } = await freshIndex();
  const secret = 'cron-secret-of-this-test-0123456789';
  const [withSecret, withoutSecret] = await Promise.all([
    startPortalAgainst(emulator.url, { AUTH_MODE: 'none', INDEX_DATABASE_URL: url, INDEX_SYNC_SECONDS: '0', INDEX_SYNC_QPS: '200', CRON_SECRET: secret }),
    startPortalAgainst(emulator.url, { AUTH_MODE: 'none', INDEX_DATABASE_URL: url, INDEX_SYNC_SECONDS: '0' }),
  ]);
  const sync = (portal: typeof withSecret, authorization?: string) => fetch(`${portal.url}/api/index/sync`, { headers: authorization ? { authorization } : {} });
  try {
    for (const authorization of [undefined, 'Bearer wrong-secret', `Basic ${secret}`, `Bearer ${secret}x`]) {
      const refused = await sync(withSecret, authorization);
      expect({ authorization, status: refused.status }).toEqual({ authorization, status: 401 });
      expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('unauthenticated');
    }
    const off = await sync(withoutSecret, `Bearer ${secret}`);
    expect(off.status).toBe(404);
    expect(((await off.json()) as { error: { message: string } }).error.message).toContain('CRON_SECRET');
    // INDEX_SYNC_SECONDS=0: nothing synced until the scheduler calls.
    expect(await db.query('SELECT 1 FROM jobs LIMIT 1')).toEqual([]);
    const pass = await sync(withSecret, `Bearer ${secret}`);
    expect(pass.status).toBe(200);
    expect(await pass.json()).toEqual({ Regions: { 'cn-shanghai': expect.objectContaining({ outcome: 'done', slicesRead: expect.any(Number), jobsWritten: expect.any(Number) }) } });
    await expectEqualToIce(db, 31);
    expect(withSecret.output()).not.toContain(secret);
    expect((await fetch(`${withSecret.url}/api/index/sync`, { method: 'POST', headers: { authorization: `Bearer ${secret}` } })).status).toBe(405);
  } finally {
    await Promise.all([withSecret.stop(), withoutSecret.stop()]);
    await db.close();
  }
});

it('keeps the index embedded (PGlite in INDEX_DIR) without INDEX_DATABASE_URL: killed mid-backfill it resumes, and answers what the live scan answers', async () => {
  const dir = path.join(mkdtempSync(path.join(tmpdir(), 'ice-index-')), 'index');
  const env = { AUTH_MODE: 'none', AUTH_RATE_LIMIT_PER_MINUTE: '100000', SCAN_CALLS_PER_MINUTE: '100000', INDEX_DIR: dir, INDEX_SYNC_SECONDS: '1', INDEX_SYNC_QPS: '40' };
  try {
    // Stopped hard while its backfill runs (some 4 s at 40 calls a second): no goodbye, its lock left behind.
    const first = await startPortalAgainst(emulator.url, env);
    await first.settledOutput((out) => out.includes('"event":"index_migrated"'));
    await new Promise((r) => setTimeout(r, 1500));
    first.child.kill('SIGKILL');
    await first.exited;
    expect(existsSync(`${dir}.lock`)).toBe(true);

    const [indexed, live, off] = await Promise.all([
      startPortalAgainst(emulator.url, env),
      startPortalAgainst(emulator.url, { AUTH_MODE: 'none', AUTH_RATE_LIMIT_PER_MINUTE: '100000', SCAN_CALLS_PER_MINUTE: '100000' }),
      startPortalAgainst(emulator.url, { AUTH_MODE: 'none', INDEX: 'off' }),
    ]);
    try {
      let ready: { index?: Record<string, { from?: string; lastPassAt?: string }> } = {};
      const deadline = Date.now() + 90_000;
      while (!ready.index?.['cn-shanghai']?.lastPassAt && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 500));
        ready = (await (await fetch(`${indexed.url}/api/ready`)).json()) as typeof ready;
      }
      expect(Date.now() - Date.parse(ready.index!['cn-shanghai']!.from!)).toBeGreaterThanOrEqual(31 * DAY_MS - 60_000);
      expect(indexed.output()).toMatch(/"event":"index_migrated","versions":\[1,2\],"store":"pglite"/);
      // Every job of the window, in two halves that together hold them all, once each: no gap, no duplicate.
      for (const question of [{ HasAudio: 'true' }, { HasAudio: 'false' }, { Search: 'mov' }, { VideoCodec: 'h264', Status: 'Success' }] as Record<string, string>[]) {
        const params = { Since: '30d', ...question };
        const [fromIndex, fromIce] = await Promise.all([crawlJobs(indexed.url, params), crawlJobs(live.url, params)]);
        const ids = fromIndex.map((job) => job.JobId);
        expect(new Set(ids).size).toBe(ids.length);
        expect({ question, jobs: ids.sort() }).toEqual({ question, jobs: fromIce.map((job) => job.JobId).sort() });
      }
      const page = (await (await fetch(`${indexed.url}/api/jobs?Since=30d&Search=mov&PageSize=5`)).json()) as { Source: { Kind: string } };
      expect(page.Source.Kind).toBe('index');
      // INDEX=off: today's behaviour, ICE answers and /api/ready says nothing of an index.
      expect(((await (await fetch(`${off.url}/api/jobs?Since=30d&Search=mov&PageSize=5`)).json()) as { Source: { Kind: string } }).Source.Kind).toBe('ice');
      expect(await (await fetch(`${off.url}/api/ready`)).json()).not.toHaveProperty('index');
    } finally {
      await Promise.all([indexed.stop(), live.stop(), off.stop()]);
    }
  } finally {
    rmSync(path.dirname(dir), { recursive: true, force: true });
  }
});
