import 'server-only';
import { z } from 'zod';
import { ConfigError } from '@/lib/errors';
import { registerSecrets } from '@/lib/log/redact';

// Where shared state lives, read from the environment once and checked at start with the rest of the
// configuration. Without REDIS_URL the store is this process's memory. Messages never repeat a value:
// a Redis URL usually carries its password.

const blankAsUnset = (value: unknown) => (value === '' ? undefined : value);
const parsedUrl = (url: string) => (URL.canParse(url) ? new URL(url) : undefined);

const envSchema = z.object({
  REDIS_URL: z.preprocess(
    blankAsUnset,
    z
      .url({ protocol: /^rediss?$/, error: 'must be a redis:// or rediss:// (TLS) URL, such as rediss://default:<password>@host:6379' })
      .refine((url) => parsedUrl(url)?.hostname, { error: 'must name a host, such as redis://127.0.0.1:6379' })
      .refine((url) => /^\/?(\d+)?$/.test(parsedUrl(url)?.pathname ?? ''), { error: 'may end only with a database number, such as redis://host:6379/0' })
      .optional(),
  ),
  REDIS_KEY_PREFIX: z.preprocess(
    blankAsUnset,
    z
      .string()
      .regex(/^[A-Za-z0-9:._-]{1,64}$/, { error: 'must be 1 to 64 letters, digits or any of : . _ -' })
      .default('ice-portal:'),
  ),
  REDIS_TIMEOUT_MS: z.preprocess(
    blankAsUnset,
    z.coerce.number({ error: 'must be a whole number of milliseconds from 10 to 10000' }).int().min(10).max(10_000).default(250),
  ),
  STORE_FAIL_CLOSED: z.preprocess(blankAsUnset, z.enum(['true', 'false'], { error: 'must be true or false' }).default('false')),
});

export type StoreConfig =
  | { kind: 'memory' }
  | {
      kind: 'redis';
      /** With its scheme in lower case: ioredis turns TLS on only for a lower-case rediss://. */
      url: string;
      /** rediss:// in any case: asked of ioredis explicitly, never left to how it reads the URL. */
      tls: boolean;
      /** Put before every key, so several portals (or other programs) can share one Redis. */
      keyPrefix: string;
      /** The longest any store call may take before the portal goes on without Redis. */
      timeoutMs: number;
      /**
       * STORE_FAIL_CLOSED: while Redis does not answer, refuse what only Redis can decide (rate budgets,
       * revoked sessions) with a 503, instead of deciding from this process's memory.
       */
      failClosed: boolean;
    };

export function parseStoreConfig(env: Record<string, string | undefined>): StoreConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`));
  const { REDIS_URL, REDIS_KEY_PREFIX, REDIS_TIMEOUT_MS, STORE_FAIL_CLOSED } = parsed.data;
  if (!REDIS_URL) return { kind: 'memory' };
  const { password, protocol } = new URL(REDIS_URL);
  // The URL parser has already put the scheme in lower case; keep the rest of the URL as written.
  const url = `${protocol}${REDIS_URL.slice(REDIS_URL.indexOf(':') + 1)}`;
  registerSecrets([REDIS_URL, url, password, decodeURIComponent(password)]);
  return { kind: 'redis', url, tls: protocol === 'rediss:', keyPrefix: REDIS_KEY_PREFIX, timeoutMs: REDIS_TIMEOUT_MS, failClosed: STORE_FAIL_CLOSED === 'true' };
}

let cached: StoreConfig | undefined;

/** The process's configuration, parsed on first use; throws ConfigError when it is wrong. */
export function getStoreConfig(): StoreConfig {
  cached ??= parseStoreConfig(process.env);
  return cached;
}
