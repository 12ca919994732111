import 'server-only';
import { z } from 'zod';
import { ConfigError } from '@/lib/errors';
import { registerSecrets } from '@/lib/log/redact';

// The job index's settings, read from the environment once and checked at start with the rest. Where
// the index lives:
// - INDEX_DATABASE_URL: a PostgreSQL server (any hosted one), shared by every instance;
// - else PGlite embedded in the process, in INDEX_DIR (default .data/index): one instance a folder;
// - INDEX=off, or on Vercel without a URL (its file system is read-only and its instances come and go):
//   no index, and the portal reads ICE live as it always has.

const blankAsUnset = (value: unknown) => (value === '' ? undefined : value);
const whole = (min: number, max: number, unit: string) =>
  z.preprocess(blankAsUnset, z.coerce.number({ error: `must be a whole number of ${unit} from ${min} to ${max}` }).int({ error: `must be a whole number of ${unit} from ${min} to ${max}` }).min(min, { error: `must be a whole number of ${unit} from ${min} to ${max}` }).max(max, { error: `must be a whole number of ${unit} from ${min} to ${max}` }).optional());

const envSchema = z.object({
  INDEX: z.preprocess(blankAsUnset, z.enum(['on', 'off'], { error: 'must be on or off' }).optional()),
  INDEX_DIR: z.preprocess(blankAsUnset, z.string().optional()),
  INDEX_DATABASE_URL: z.preprocess(
    blankAsUnset,
    z
      .string()
      .refine((url) => URL.canParse(url) && /^postgres(ql)?:$/.test(new URL(url).protocol), { error: 'must be a postgres:// or postgresql:// URL' })
      .optional(),
  ),
  INDEX_BACKFILL_DAYS: whole(1, 366, 'days'),
  INDEX_SYNC_SECONDS: whole(0, 3600, 'seconds'),
  INDEX_SYNC_QPS: whole(1, 1000, 'calls a second'),
  INDEX_RETENTION_DAYS: whole(1, 3650, 'days'),
  // Vercel sends it as a Bearer token with each cron call; long enough that it cannot be guessed.
  CRON_SECRET: z.preprocess(blankAsUnset, z.string().min(16, { error: 'must be at least 16 characters (e.g. openssl rand -hex 32)' }).optional()),
});

/** Where the index lives: a PostgreSQL server, or PGlite's folder. */
export type IndexStore = { kind: 'postgres'; url: string } | { kind: 'pglite'; dir: string };

/** Relative to the working directory. Never resolved where the build could see it: file tracing would copy the folder into the build. */
export const DEFAULT_INDEX_DIR = '.data/index';

export interface IndexConfig {
  store: IndexStore;
  backfillDays: number;
  /** Seconds between a region's passes in the background; 0: no background passes. */
  syncSeconds: number;
  qps: number;
  retentionDays: number;
  /** The Bearer secret of GET /api/index/sync (a scheduler's one pass); unset: that route is off. */
  cronSecret?: string;
}

/** The index's settings, or undefined when it is off; throws ConfigError naming what is wrong. */
export function parseIndexConfig(env: Record<string, string | undefined>): IndexConfig | undefined {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`));
  const e = parsed.data;
  if (e.INDEX === 'off') return undefined;
  if (!e.INDEX_DATABASE_URL && env.VERCEL && e.INDEX !== 'on') return undefined;
  const store: IndexStore = e.INDEX_DATABASE_URL ? { kind: 'postgres', url: e.INDEX_DATABASE_URL } : { kind: 'pglite', dir: e.INDEX_DIR ?? DEFAULT_INDEX_DIR };
  const backfillDays = e.INDEX_BACKFILL_DAYS ?? 31;
  const retentionDays = e.INDEX_RETENTION_DAYS ?? backfillDays;
  if (retentionDays < backfillDays) throw new ConfigError(['INDEX_RETENTION_DAYS must not be below INDEX_BACKFILL_DAYS (the backfill would read jobs the retention drops)']);
  return {
    store,
    backfillDays,
    syncSeconds: e.INDEX_SYNC_SECONDS ?? 15,
    qps: e.INDEX_SYNC_QPS ?? 20,
    retentionDays,
    ...(e.CRON_SECRET ? { cronSecret: e.CRON_SECRET } : {}),
  };
}

let cached: { config: IndexConfig | undefined } | undefined;

export function getIndexConfig(): IndexConfig | undefined {
  if (!cached) {
    cached = { config: parseIndexConfig(process.env) };
    // The URL may hold the database's password: never in a log line.
    const store = cached.config?.store;
    if (store?.kind === 'postgres') registerSecrets([store.url, new URL(store.url).password]);
    registerSecrets([cached.config?.cronSecret]);
  }
  return cached.config;
}
