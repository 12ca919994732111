import 'server-only';
import { z } from 'zod';
import { ConfigError } from '@/lib/errors';

// The bounds of scans (search, export), read from the environment once and checked at start with the
// rest of the configuration: how far one scan reads, how many ICE calls a person's scans may make, and
// how many exports run at once and how long one may wait for its reader.

const blankAsUnset = (value: unknown) => (value === '' ? undefined : value);
const whole = (min: number, max: number, fallback: number) =>
  z.preprocess(blankAsUnset, z.coerce.number({ error: `must be a whole number from ${min} to ${max}` }).int().min(min).max(max).default(fallback));

const envSchema = z.object({
  SCAN_MAX_DAYS: whole(1, 366, 31),
  SCAN_MAX_JOBS: whole(100, 1_000_000, 50_000),
  SCAN_CALLS_PER_MINUTE: whole(10, 100_000, 600),
  EXPORT_MAX_PER_USER: whole(1, 100, 2),
  EXPORT_MAX_PER_INSTANCE: whole(1, 1000, 8),
  EXPORT_IDLE_SECONDS: whole(1, 3600, 60),
  INSIGHTS_CACHE_SECONDS: whole(0, 3600, 60),
});

export interface ScanConfig {
  /** The most create-time days one scan covers. */
  maxDays: number;
  /** The most jobs one scan reads. */
  maxJobs: number;
  /** ICE calls one person's scans may make in a minute, all instances together with Redis. */
  callsPerMinute: number;
  /** Exports one person may run at once on one instance. */
  exportsPerUser: number;
  /** Exports one instance runs at once, everyone's together. */
  exportsPerInstance: number;
  /** An export whose reader has taken nothing for this long is ended. */
  exportIdleMs: number;
  /** How long the figures of a finished insights scan are served again (0: never). */
  insightsCacheMs: number;
}

export function parseScanConfig(env: Record<string, string | undefined>): ScanConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`));
  const e = parsed.data;
  return {
    maxDays: e.SCAN_MAX_DAYS,
    maxJobs: e.SCAN_MAX_JOBS,
    callsPerMinute: e.SCAN_CALLS_PER_MINUTE,
    exportsPerUser: e.EXPORT_MAX_PER_USER,
    exportsPerInstance: e.EXPORT_MAX_PER_INSTANCE,
    exportIdleMs: e.EXPORT_IDLE_SECONDS * 1000,
    insightsCacheMs: e.INSIGHTS_CACHE_SECONDS * 1000,
  };
}

let cached: ScanConfig | undefined;

export function getScanConfig(): ScanConfig {
  cached ??= parseScanConfig(process.env);
  return cached;
}
