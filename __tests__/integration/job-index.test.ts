import { buildJob } from '@/emulator/dataset';
import { startPostgresProcess, type PostgresProcess } from '@/harness/postgres-process';
import { CHECK_IDS, hasFinding } from '@/lib/checks/media-checks';
import { mediaInfoJobSchema, type MediaInfoJob } from '@/lib/ice/schemas';
import { postgresIndexDb, type IndexDb } from '@/lib/index/index-db';
import { indexedJob, upsertJobs } from '@/lib/index/indexed-jobs';
import { migrate, MIGRATIONS } from '@/lib/index/migrations';
import { matchesSearch } from '@/lib/jobs/search-filters';

// The job index's store against a real PostgreSQL (Debian's, installed by the set-up when missing):
// migrations applied once, however many instances start together; a job written twice is one row as ICE
// last said; and the columns the index will answer search filters from find exactly the jobs the live
// scan's own filter finds. The same tests are to run against PGlite once it is in (issue #44).

const JOBS: MediaInfoJob[] = Array.from({ length: 400 }, (_, n) => mediaInfoJobSchema.parse(buildJob({ seed: 17, anchorMs: Date.parse('2026-11-30T00:00:00Z') }, n)));

let postgres: PostgresProcess;

beforeAll(async () => {
  postgres = await startPostgresProcess();
}, 120_000);

afterAll(() => postgres?.stop());

const sources: [string, () => Promise<IndexDb>][] = [['PostgreSQL', async () => postgresIndexDb(postgres.url)]];

describe.each(sources)('the index in %s', (_name, open) => {
  let db: IndexDb;

  beforeAll(async () => {
    db = await open();
  }, 120_000);

  afterAll(() => db?.close());

  it('applies its migrations once, and again changes nothing', async () => {
    const versions = MIGRATIONS.map((m) => m.version);
    expect(await migrate(db)).toEqual(versions);
    expect(await migrate(db)).toEqual(versions);
    expect(await db.query('SELECT version FROM index_migrations')).toHaveLength(versions.length);
  });

  it('keeps one row a job, as ICE last sent it', async () => {
    expect(await upsertJobs(db, 'cn-shanghai', JOBS)).toBe(JOBS.length);
    const pending = JOBS.find((job) => job.Status === 'Init')!;
    const finished = { ...pending, Status: 'Fail', FinishTime: '2026-11-30T00:00:05Z', SubmitResultJson: { Code: 'InvalidMedia.ProbeFailed', Message: 'x' } };
    // Read twice in one pass, and then again: still one row, the last.
    await upsertJobs(db, 'cn-shanghai', [pending, finished]);
    await upsertJobs(db, 'cn-shanghai', [finished]);
    const [counted] = await db.query<{ n: string }>("SELECT count(*) AS n FROM jobs WHERE region = 'cn-shanghai'");
    expect(Number(counted!.n)).toBe(JOBS.length);
    expect(await indexedJob(db, 'cn-shanghai', pending.JobId)).toEqual(finished);
    const [row] = await db.query<{ status: string; error_code: string }>("SELECT status, error_code FROM jobs WHERE region = 'cn-shanghai' AND job_id = $1", [pending.JobId]);
    expect(row).toEqual({ status: 'Fail', error_code: 'InvalidMedia.ProbeFailed' });
    // The same JobId in another region is another job.
    await upsertJobs(db, 'ap-southeast-1', [pending]);
    expect((await indexedJob(db, 'ap-southeast-1', pending.JobId))?.Status).toBe('Init');
    await upsertJobs(db, 'cn-shanghai', [pending]);
  });

  const ids = async (where: string, params: unknown[]) =>
    (await db.query<{ job_id: string }>(`SELECT job_id FROM jobs WHERE region = 'cn-shanghai' AND ${where} ORDER BY job_id`, params)).map((row) => row.job_id);
  const expected = (keep: (job: MediaInfoJob) => boolean) => JOBS.filter(keep).map((job) => job.JobId).sort();

  it('finds by substring exactly the jobs the scan’s Search finds, CJK, case and escaped paths included', async () => {
    const needles = ['interview', 'MOV', '.m3u8', '发布会', 'Director', 'ticket', 'oss://'];
    for (const needle of needles) {
      const found = await ids("search_text LIKE '%' || lower($1) || '%'", [needle]);
      expect({ needle, found }).toEqual({ needle, found: expected((job) => matchesSearch(job, { Search: needle })) });
    }
    expect(needles.some((needle) => JOBS.some((job) => matchesSearch(job, { Search: needle })))).toBe(true);
  });

  it('finds by container, codec, height and check exactly the jobs the scan’s filters find', async () => {
    for (const Container of ['mp4', 'mov', 'matroska', 'mpegts']) expect(await ids('format_names @> ARRAY[$1]', [Container])).toEqual(expected((job) => matchesSearch(job, { Container })));
    for (const VideoCodec of ['h264', 'hevc']) expect(await ids('video_codecs @> ARRAY[$1]', [VideoCodec])).toEqual(expected((job) => matchesSearch(job, { VideoCodec })));
    expect(await ids('height >= $1', [1080])).toEqual(expected((job) => matchesSearch(job, { MinHeight: 1080 })));
    expect(await ids('audio_streams = 0 AND status = $1', ['Success'])).toEqual(expected((job) => job.Status === 'Success' && matchesSearch(job, { HasAudio: false })));
    for (const check of CHECK_IDS) expect(await ids('check_ids @> ARRAY[$1]', [check])).toEqual(expected((job) => job.Status === 'Success' && hasFinding(job, check)));
  });
});

it('applies the migrations once when two instances start together on one PostgreSQL', async () => {
  const database = `race_${Date.now()}`;
  const admin = postgresIndexDb(postgres.url);
  await admin.exec(`CREATE DATABASE ${database}`);
  const url = postgres.url.replace(/\/postgres$/, `/${database}`);
  const [a, b] = [postgresIndexDb(url), postgresIndexDb(url)];
  try {
    const [first, second] = await Promise.all([migrate(a), migrate(b)]);
    expect(first).toEqual(second);
    expect(await a.query('SELECT version FROM index_migrations')).toHaveLength(MIGRATIONS.length);
  } finally {
    await Promise.all([a.close(), b.close(), admin.close()]);
  }
});
