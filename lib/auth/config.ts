import 'server-only';
import { z } from 'zod';
import { ConfigError } from '@/lib/errors';
import { registerSecrets } from '@/lib/log/redact';
import { authModeFrom } from './mode';
import { secretWeakness } from './secret-strength';

// Who may use the portal, read from the environment once. Without an explicit AUTH_MODE a production
// server requires OIDC and refuses to start unconfigured: fail closed.

const blankAsUnset = (v: unknown) => (v === '' ? undefined : v);
const list = z.preprocess(
  (v) => (typeof v === 'string' && v.trim() ? v.split(',').map((s) => s.trim().toLowerCase()).filter(Boolean) : []),
  z.array(z.string()),
);
const required = (what: string) => z.preprocess(blankAsUnset, z.string({ error: `is required: ${what}` }).min(1));
const httpUrl = (what: string) =>
  z.preprocess(blankAsUnset, z.url({ protocol: /^https?$/, error: `must be an http(s) URL: ${what}` }));

const access = {
  AUTH_ALLOWED_EMAIL_DOMAINS: list,
  AUTH_ALLOWED_GROUPS: list,
  /** Who lists and revokes everyone's API tokens (lib/tokens): a group the session must keep too. */
  API_TOKEN_ADMIN_GROUPS: list,
  AUTH_GROUPS_CLAIM: z.preprocess(blankAsUnset, z.string().default('groups')),
  AUTH_RATE_LIMIT_PER_MINUTE: z.preprocess(blankAsUnset, z.coerce.number({ error: 'must be a whole number from 1 to 1000000' }).int().min(1).max(1_000_000).default(120)),
};

const oidcSchema = z.object({
  AUTH_MODE: z.literal('oidc'),
  OIDC_ISSUER: httpUrl('the IdP issuer, e.g. https://login.example.com/realms/media'),
  OIDC_CLIENT_ID: required("the portal's client id at the IdP"),
  OIDC_CLIENT_SECRET: required("the portal's client secret at the IdP"),
  OIDC_SCOPES: z.preprocess(blankAsUnset, z.string().default('openid email profile')),
  APP_URL: httpUrl("the portal's public URL, e.g. https://media-info.example.com"),
  AUTH_SECRET: z.preprocess(
    blankAsUnset,
    z.string({ error: 'is required: 32 random bytes (openssl rand -base64 32)' }).superRefine((secret, ctx) => {
      const weakness = secretWeakness(secret);
      if (weakness) ctx.addIssue({ code: 'custom', message: weakness });
    }),
  ),
  AUTH_SESSION_HOURS: z.preprocess(blankAsUnset, z.coerce.number({ error: 'must be a number of hours from 0.1 to 168' }).min(0.1).max(168).default(8)),
  AUTH_IDLE_MINUTES: z.preprocess(blankAsUnset, z.coerce.number({ error: 'must be a whole number of minutes from 1 to 10080' }).int().min(1).max(10_080).default(60)),
  ...access,
});

const proxyJwtSchema = z.object({
  AUTH_MODE: z.literal('proxy-jwt'),
  AUTH_PROXY_JWT_HEADER: z.preprocess(blankAsUnset, z.string().default('cf-access-jwt-assertion').transform((h) => h.toLowerCase())),
  AUTH_PROXY_JWKS_URL: httpUrl("the identity proxy's JWKS, e.g. https://team.cloudflareaccess.com/cdn-cgi/access/certs"),
  AUTH_PROXY_ISSUER: required('the issuer (iss) the proxy signs with'),
  AUTH_PROXY_AUDIENCE: required('the audience (aud) the proxy issues for this portal'),
  ...access,
});

const noneSchema = z.object({ AUTH_MODE: z.literal('none'), AUTH_RATE_LIMIT_PER_MINUTE: access.AUTH_RATE_LIMIT_PER_MINUTE });

export type AuthConfig =
  | ({ mode: 'oidc'; sessionMs: number; idleMs: number; secureCookies: boolean } & Omit<z.output<typeof oidcSchema>, 'AUTH_MODE'>)
  | ({ mode: 'proxy-jwt' } & Omit<z.output<typeof proxyJwtSchema>, 'AUTH_MODE'>)
  | { mode: 'none'; AUTH_RATE_LIMIT_PER_MINUTE: number };

export function parseAuthConfig(env: Record<string, string | undefined>): AuthConfig {
  const mode = authModeFrom(env);
  const schema = mode === 'oidc' ? oidcSchema : mode === 'proxy-jwt' ? proxyJwtSchema : mode === 'none' ? noneSchema : undefined;
  if (!schema) throw new ConfigError(['AUTH_MODE must be one of oidc, proxy-jwt, none']);
  const parsed = schema.safeParse({ ...env, AUTH_MODE: mode });
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`);
    if (!env.AUTH_MODE) problems.unshift('AUTH_MODE is unset, so production requires oidc: set its variables, or AUTH_MODE=proxy-jwt behind an identity proxy');
    throw new ConfigError(problems);
  }
  const data = parsed.data;
  if (data.AUTH_MODE === 'oidc') {
    const { AUTH_MODE: _, ...rest } = data;
    registerSecrets([rest.AUTH_SECRET, rest.OIDC_CLIENT_SECRET]);
    return {
      mode: 'oidc',
      ...rest,
      sessionMs: rest.AUTH_SESSION_HOURS * 3600_000,
      idleMs: rest.AUTH_IDLE_MINUTES * 60_000,
      secureCookies: rest.APP_URL.startsWith('https:'),
    };
  }
  if (data.AUTH_MODE === 'proxy-jwt') {
    const { AUTH_MODE: _, ...rest } = data;
    return { mode: 'proxy-jwt', ...rest };
  }
  return { mode: 'none', AUTH_RATE_LIMIT_PER_MINUTE: data.AUTH_RATE_LIMIT_PER_MINUTE };
}

let cached: AuthConfig | undefined;

export function getAuthConfig(): AuthConfig {
  cached ??= parseAuthConfig(process.env);
  return cached;
}
