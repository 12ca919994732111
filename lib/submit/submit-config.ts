import 'server-only';
import { z } from 'zod';
import { ConfigError } from '@/lib/errors';

// Who may submit probes, and how often: read from the environment once and checked at start with the
// rest. Submitting costs money and touches production pipelines, so nobody may unless told: with sign-in,
// members of AUTH_SUBMIT_GROUPS or verified emails of AUTH_SUBMIT_EMAIL_DOMAINS; with AUTH_MODE=none,
// everyone only when ALLOW_ANONYMOUS_SUBMIT=true (the demo sets it).

const blankAsUnset = (value: unknown) => (value === '' ? undefined : value);
const list = z.preprocess(
  (v) => (typeof v === 'string' && v.trim() ? v.split(',').map((s) => s.trim().toLowerCase()).filter(Boolean) : []),
  z.array(z.string()),
);

const envSchema = z.object({
  AUTH_SUBMIT_GROUPS: list,
  AUTH_SUBMIT_EMAIL_DOMAINS: list,
  ALLOW_ANONYMOUS_SUBMIT: z.preprocess(blankAsUnset, z.enum(['true', 'false'], { error: 'must be true or false' }).default('false')),
  SUBMIT_RATE_LIMIT_PER_MINUTE: z.preprocess(
    blankAsUnset,
    z.coerce.number({ error: 'must be a whole number from 1 to 100000' }).int().min(1).max(100_000).default(120),
  ),
});

export interface SubmitConfig {
  groups: string[];
  emailDomains: string[];
  anonymous: boolean;
  /** Submits per user (or token) a minute, a budget apart from reads. */
  perMinute: number;
}

export function parseSubmitConfig(env: Record<string, string | undefined>): SubmitConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`));
  const e = parsed.data;
  return { groups: e.AUTH_SUBMIT_GROUPS, emailDomains: e.AUTH_SUBMIT_EMAIL_DOMAINS, anonymous: e.ALLOW_ANONYMOUS_SUBMIT === 'true', perMinute: e.SUBMIT_RATE_LIMIT_PER_MINUTE };
}

let cached: SubmitConfig | undefined;

export function getSubmitConfig(): SubmitConfig {
  cached ??= parseSubmitConfig(process.env);
  return cached;
}
