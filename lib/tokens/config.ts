import 'server-only';
import { hkdfSync } from 'node:crypto';
import { z } from 'zod';
import { getAuthConfig, type AuthConfig } from '@/lib/auth/config';
import { ConfigError } from '@/lib/errors';
import { registerSecrets } from '@/lib/log/redact';
import { secretWeakness } from '@/lib/auth/secret-strength';

// Personal API tokens' settings, read from the environment once and checked at start with the rest.
// Tokens need a sign-in to be issued against and a key to hash their secrets with: AUTH_SECRET. So
// they are on with AUTH_MODE=oidc, and in proxy-jwt mode when AUTH_SECRET is set; with AUTH_MODE=none
// the API needs no credentials at all.

const blankAsUnset = (value: unknown) => (value === '' ? undefined : value);

const envSchema = z.object({
  API_TOKENS: z.preprocess(blankAsUnset, z.enum(['on', 'off'], { error: 'must be on or off' }).default('on')),
  API_TOKEN_MAX_DAYS: z.preprocess(blankAsUnset, z.coerce.number({ error: 'must be a whole number from 1 to 3650' }).int().min(1).max(3650).default(90)),
});

/** Why tokens are not offered: turned off, no sign-in to issue them against, or no key to hash with. */
export type TokensOff = 'off' | 'no_sign_in' | 'no_secret';

export interface TokenConfig {
  maxDays: number;
  /** Members of these groups (lower case) list and revoke everyone's tokens. */
  adminGroups: string[];
  /** Set while tokens are offered: the key their secrets' hashes are made with. */
  hashKey?: Buffer;
  off?: TokensOff;
}

/** What tokens need of the auth settings (lib/auth/config.ts): the mode, its secret, the admin groups. */
export interface TokenAuth {
  mode: AuthConfig['mode'];
  secret?: string;
  adminGroups: string[];
}

export function parseTokenConfig(env: Record<string, string | undefined>, auth: TokenAuth): TokenConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`));
  const base = { maxDays: parsed.data.API_TOKEN_MAX_DAYS, adminGroups: auth.adminGroups };
  const { mode: authMode, secret: authSecret } = auth;
  if (parsed.data.API_TOKENS === 'off') return { ...base, off: 'off' };
  if (authMode === 'none') return { ...base, off: 'no_sign_in' };
  if (!authSecret) return { ...base, off: 'no_secret' };
  // In oidc mode auth's own config has checked it; in proxy-jwt mode it is read here first.
  const weakness = secretWeakness(authSecret);
  if (weakness) throw new ConfigError([`AUTH_SECRET ${weakness}`]);
  registerSecrets([authSecret]);
  // A key of its own, derived from AUTH_SECRET: a token hash never equals anything a session is sealed with.
  return { ...base, hashKey: Buffer.from(hkdfSync('sha256', authSecret, '', 'ice-portal api-token hash', 32)) };
}

let cached: TokenConfig | undefined;

export function getTokenConfig(): TokenConfig {
  if (!cached) {
    const auth = getAuthConfig();
    cached = parseTokenConfig(process.env, {
      mode: auth.mode,
      secret: auth.mode === 'oidc' ? auth.AUTH_SECRET : process.env.AUTH_SECRET || undefined,
      adminGroups: auth.mode === 'none' ? [] : auth.API_TOKEN_ADMIN_GROUPS,
    });
  }
  return cached;
}
