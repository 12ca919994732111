import 'server-only';
import { z } from 'zod';
import { ConfigError } from '@/lib/errors';
import { parseRegions, type IceRegion } from './regions';

// ICE connection settings, read from the environment once and checked as a whole so an operator sees
// every problem at the first start. Messages name variables and expectations, never values.

export interface IceConfig {
  accessKeyId: string;
  accessKeySecret: string;
  securityToken?: string;
  /** The default region (the first of ICE_REGIONS) and its endpoint. */
  region: string;
  endpoint: string;
  /** Every region the portal reads, the default first, each with its endpoint. */
  regions: IceRegion[];
  /** Budget for one portal call to ICE, retries included. */
  timeoutMs: number;
  /** Budget for SubmitSyncMediaInfoJob, which answers once the probe has run (default 30 s). */
  syncTimeoutMs?: number;
  /** Upstream calls in flight at once from this process (ICE limits QPS per account). */
  maxConcurrency: number;
  /** How long a finished job's answer is kept and served without a call (0: never). Default a week. */
  finishedJobTtlMs?: number;
}

const blankAsUnset = (value: unknown) => (value === '' ? undefined : value);

const required = (what: string) =>
  z.preprocess(blankAsUnset, z.string({ error: `is required: ${what}` }).min(1));

const envSchema = z.object({
  ALIBABA_CLOUD_ACCESS_KEY_ID: required("the AccessKey ID of the portal's RAM user"),
  ALIBABA_CLOUD_ACCESS_KEY_SECRET: required("the AccessKey secret of the portal's RAM user"),
  ALIBABA_CLOUD_SECURITY_TOKEN: z.preprocess(blankAsUnset, z.string().optional()),
  ICE_TIMEOUT_MS: z.preprocess(
    blankAsUnset,
    z.coerce.number({ error: 'must be a whole number of milliseconds from 100 to 120000' }).int().min(100).max(120_000).default(8000),
  ),
  ICE_SYNC_TIMEOUT_MS: z.preprocess(
    blankAsUnset,
    z.coerce.number({ error: 'must be a whole number of milliseconds from 1000 to 300000' }).int().min(1000).max(300_000).default(30_000),
  ),
  ICE_MAX_CONCURRENCY: z.preprocess(
    blankAsUnset,
    z.coerce.number({ error: 'must be a whole number from 1 to 256' }).int().min(1).max(256).default(8),
  ),
  FINISHED_JOB_CACHE_HOURS: z.preprocess(
    blankAsUnset,
    z.coerce.number({ error: 'must be a whole number of hours from 0 (keep none) to 720' }).int().min(0).max(720).default(168),
  ),
});

export function parseIceConfig(env: Record<string, string | undefined>): IceConfig {
  const parsed = envSchema.safeParse(env);
  // Every problem at once: the regions' and the rest's.
  let regions: IceRegion[] = [];
  const problems: string[] = [];
  try {
    regions = parseRegions(env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    problems.push(...error.problems);
  }
  if (!parsed.success) problems.push(...parsed.error.issues.map((issue) => `${issue.path.join('.')} ${describe(issue)}`));
  if (!parsed.success || problems.length > 0) throw new ConfigError(problems);
  const e = parsed.data;
  return {
    accessKeyId: e.ALIBABA_CLOUD_ACCESS_KEY_ID,
    accessKeySecret: e.ALIBABA_CLOUD_ACCESS_KEY_SECRET,
    securityToken: e.ALIBABA_CLOUD_SECURITY_TOKEN,
    region: regions[0]!.region,
    endpoint: regions[0]!.endpoint,
    regions,
    timeoutMs: e.ICE_TIMEOUT_MS,
    syncTimeoutMs: e.ICE_SYNC_TIMEOUT_MS,
    maxConcurrency: e.ICE_MAX_CONCURRENCY,
    finishedJobTtlMs: e.FINISHED_JOB_CACHE_HOURS * 3600_000,
  };
}

function describe(issue: z.core.$ZodIssue): string {
  return issue.message.startsWith('is ') || issue.message.startsWith('must ') ? issue.message : `is invalid: ${issue.message}`;
}

let cached: IceConfig | undefined;

/** The process's configuration, parsed on first use; throws ConfigError when it is wrong. */
export function getIceConfig(): IceConfig {
  cached ??= parseIceConfig(process.env);
  return cached;
}
