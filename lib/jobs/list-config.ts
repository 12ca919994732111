import 'server-only';
import { z } from 'zod';
import { ConfigError } from '@/lib/errors';

// How the list reads jobs to people, read from the environment once and checked at start with the
// rest of the configuration.

const blankAsUnset = (value: unknown) => (value === '' ? undefined : value);

const envSchema = z.object({
  STUCK_AFTER_MINUTES: z.preprocess(blankAsUnset, z.coerce.number({ error: 'must be a whole number of minutes from 1 to 10080' }).int().min(1).max(10_080).default(10)),
});

export interface ListConfig {
  /** A job in Init for longer than this is marked as possibly stuck. */
  stuckAfterMs: number;
}

export function parseListConfig(env: Record<string, string | undefined>): ListConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`));
  return { stuckAfterMs: parsed.data.STUCK_AFTER_MINUTES * 60_000 };
}

let cached: ListConfig | undefined;

export function getListConfig(): ListConfig {
  cached ??= parseListConfig(process.env);
  return cached;
}
