import 'server-only';
import { z } from 'zod';
import { ConfigError } from '@/lib/errors';

// The bounds of one scan (search, export), read from the environment once and checked at start with
// the rest of the configuration.

const blankAsUnset = (value: unknown) => (value === '' ? undefined : value);
const whole = (min: number, max: number, fallback: number) =>
  z.preprocess(blankAsUnset, z.coerce.number({ error: `must be a whole number from ${min} to ${max}` }).int().min(min).max(max).default(fallback));

const envSchema = z.object({
  SCAN_MAX_DAYS: whole(1, 366, 31),
  SCAN_MAX_JOBS: whole(100, 1_000_000, 50_000),
});

export interface ScanConfig {
  /** The most create-time days one scan covers. */
  maxDays: number;
  /** The most jobs one scan reads. */
  maxJobs: number;
}

export function parseScanConfig(env: Record<string, string | undefined>): ScanConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`));
  return { maxDays: parsed.data.SCAN_MAX_DAYS, maxJobs: parsed.data.SCAN_MAX_JOBS };
}

let cached: ScanConfig | undefined;

export function getScanConfig(): ScanConfig {
  cached ??= parseScanConfig(process.env);
  return cached;
}
