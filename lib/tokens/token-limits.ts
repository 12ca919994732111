// What a browser needs to know about API tokens, without zod (the settings form imports it): the
// limits, the scopes, and a token as the API lists it. The server's checks live in token-input.ts.

/** Every token starts with this, so secret scanners (and people) can tell a leaked one at a glance. */
export const TOKEN_PREFIX = 'icep_';
export const MAX_TOKEN_NAME = 80;
/** Live (unexpired) tokens one person may hold. */
export const MAX_TOKENS = 20;
/**
 * What a token may do. `read`: every GET of the API. `submit`: that, and starting probes (POST /api/jobs
 * and /api/jobs/batch), for people who may submit (AUTH_SUBMIT_GROUPS, AUTH_SUBMIT_EMAIL_DOMAINS).
 */
export const TOKEN_SCOPES = ['read', 'submit'] as const;
export type TokenScope = (typeof TOKEN_SCOPES)[number];

/** A token as /api/tokens lists it: never its secret, nor the hash of it. */
export interface ApiTokenInfo {
  Id: string;
  Name: string;
  Scope: TokenScope;
  CreatedAt: string;
  ExpiresAt: string;
  LastUsedAt?: string;
  /** Whose it is (their email, else their subject at the IdP): shown to admins, who see everyone's. */
  Owner: string;
}

/** A token just made: its secret, shown this once. */
export interface NewApiToken {
  Token: ApiTokenInfo;
  Secret: string;
}
