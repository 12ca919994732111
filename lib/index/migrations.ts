import type { IndexDb } from './index-db';

// The index's schema, as numbered migrations applied in order at start, each in its own transaction and
// recorded in index_migrations, all under one advisory lock so that instances starting together apply
// each exactly once. A migration is never edited once released: a change is a new one.

export const MIGRATION_LOCK = 0x1ce_1de7;

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'jobs and sync state',
    sql: `
      CREATE EXTENSION IF NOT EXISTS pg_trgm;
      -- One row a job as ICE last sent it (job), and the columns the portal's filters and figures need.
      CREATE TABLE jobs (
        region text NOT NULL,
        job_id text NOT NULL,
        status text NOT NULL,
        created_at timestamptz NOT NULL,
        finished_at timestamptz,
        pipeline_id text,
        trigger_source text,
        input_type text,
        input_media text,
        name text,
        container text,
        format_names text[] NOT NULL DEFAULT '{}',
        video_codecs text[] NOT NULL DEFAULT '{}',
        audio_codecs text[] NOT NULL DEFAULT '{}',
        height integer,
        video_streams integer NOT NULL DEFAULT 0,
        audio_streams integer NOT NULL DEFAULT 0,
        check_ids text[] NOT NULL DEFAULT '{}',
        error_code text,
        search_text text NOT NULL,
        job jsonb NOT NULL,
        synced_at timestamptz NOT NULL,
        PRIMARY KEY (region, job_id)
      );
      -- Newest first, in ICE's order, for keyset paging; the same within a status.
      CREATE INDEX jobs_by_created ON jobs (region, created_at DESC, job_id DESC);
      CREATE INDEX jobs_by_status ON jobs (region, status, created_at DESC, job_id DESC);
      -- Search's substring match, as ILIKE '%...%' over the texts it looks in.
      CREATE INDEX jobs_search ON jobs USING gin (search_text gin_trgm_ops);
      CREATE INDEX jobs_checks ON jobs USING gin (check_ids);
      -- The jobs a sync pass reads again until they are final.
      CREATE INDEX jobs_unfinished ON jobs (region, created_at) WHERE status = 'Init';
      -- Per region: how far back the index reaches, the high-water mark of its incremental passes.
      CREATE TABLE sync_state (
        region text PRIMARY KEY,
        backfilled_from timestamptz,
        backfill_next timestamptz,
        high_water timestamptz,
        last_pass_at timestamptz,
        last_error text
      );
    `,
  },
  {
    version: 2,
    name: 'jobs kept as the text ICE sent',
    // jsonb reorders an object's keys and converts every document on each read; the index never looks
    // inside it (its columns do), so json keeps the job's text as written and reads it back as is: an
    // export from the index writes each job byte for byte as the live export does, without re-encoding.
    // Rows written as jsonb come back in jsonb's own spelling, so they go, and the next passes read
    // them again from ICE (the truth the index only mirrors).
    sql: `
      TRUNCATE jobs;
      UPDATE sync_state SET backfilled_from = NULL, backfill_next = NULL, high_water = NULL, last_pass_at = NULL, last_error = NULL;
      ALTER TABLE jobs ALTER COLUMN job TYPE json USING job::json;
    `,
  },
];

/** Applies the migrations the database lacks; the versions it holds afterwards. */
export async function migrate(db: IndexDb, migrations: readonly Migration[] = MIGRATIONS): Promise<number[]> {
  const outcome = await db.withLock(
    MIGRATION_LOCK,
    async () => {
      await db.exec('CREATE TABLE IF NOT EXISTS index_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())');
      const applied = new Set((await db.query<{ version: number }>('SELECT version FROM index_migrations')).map((row) => row.version));
      for (const migration of [...migrations].sort((a, b) => a.version - b.version)) {
        if (applied.has(migration.version)) continue;
        await db.transaction(async (tx) => {
          for (const statement of statements(migration.sql)) await tx.query(statement);
          await tx.query('INSERT INTO index_migrations (version, name) VALUES ($1, $2)', [migration.version, migration.name]);
        });
      }
      return (await db.query<{ version: number }>('SELECT version FROM index_migrations ORDER BY version')).map((row) => row.version);
    },
    { wait: true },
  );
  return outcome.ran ? outcome.value : [];
}

/** A migration's statements one by one (a transaction's query takes one); comments dropped. */
function statements(sql: string): string[] {
  return sql
    .split('\n')
    .filter((line) => !line.trim().startsWith('--'))
    .join('\n')
    .split(';')
    .map((statement) => statement.trim())
    .filter(Boolean);
}
