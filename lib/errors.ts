import { log } from '@/lib/log/logger';

// The one error a user or a script sees, whatever went wrong: a stable code, the HTTP status the
// portal answers with, a message safe to show anyone, the parameters a translation needs, and ICE's
// RequestId when ICE answered. lib/ice/map-failure.ts maps ICE's failures into it; lib/http only
// serialises it; pages show it with components/ui/portal-error-panel.tsx.

export type ErrorCode =
  | 'invalid_input'
  | 'invalid_path'
  | 'job_not_found'
  | 'job_lookup_incomplete'
  | 'not_found'
  | 'unauthenticated'
  | 'forbidden'
  | 'rate_limited'
  | 'too_many_exports'
  | 'export_idle'
  | 'store_unavailable'
  | 'index_unavailable'
  | 'view_not_found'
  | 'too_many_views'
  | 'token_invalid'
  | 'token_scope'
  | 'token_not_accepted'
  | 'token_not_found'
  | 'too_many_tokens'
  | 'tokens_off'
  | 'method_not_allowed'
  | 'cross_origin'
  | 'csrf_invalid'
  | 'submit_forbidden'
  | 'probe_slow'
  | 'portal_misconfigured'
  | 'upstream_throttled'
  | 'upstream_unavailable'
  | 'upstream_bad_response'
  | 'upstream_timeout'
  | 'aborted'
  | 'internal_error';

export interface PortalErrorDetails {
  /** The request parameter at fault, under the API's own name. */
  field?: string;
  /** ICE's RequestId, when ICE answered. */
  requestId?: string;
  /** ICE's own error code, for operators' logs. */
  iceCode?: string;
  /** Seconds a client should wait before trying again (Retry-After). */
  retryAfterSeconds?: number;
  /** The methods a 405 names (Allow). */
  allow?: string;
  /** Values the message was built from, so a translation can build its own. */
  params?: Record<string, string | number>;
}

/**
 * Marks a PortalError whichever copy of this module made it. Next.js bundles each route, proxy.ts and
 * instrumentation with their own copy, and state kept on globalThis (the store) throws errors made by
 * another bundle's class: a plain instanceof took such a 503 for an unknown error and answered 500.
 */
const PORTAL_ERROR = Symbol.for('ice-portal.PortalError');

export class PortalError extends Error {
  static [Symbol.hasInstance](value: unknown): boolean {
    return typeof value === 'object' && value !== null && (value as { [PORTAL_ERROR]?: unknown })[PORTAL_ERROR] === true;
  }

  readonly [PORTAL_ERROR] = true;
  readonly field?: string;
  readonly requestId?: string;
  readonly iceCode?: string;
  readonly retryAfterSeconds?: number;
  readonly allow?: string;
  readonly params?: Record<string, string | number>;

  constructor(
    readonly code: ErrorCode,
    readonly status: number,
    message: string,
    details: PortalErrorDetails = {},
  ) {
    super(message);
    this.name = 'PortalError';
    this.field = details.field;
    this.requestId = details.requestId;
    this.iceCode = details.iceCode;
    this.retryAfterSeconds = details.retryAfterSeconds;
    this.allow = details.allow;
    this.params = details.params;
  }

  /** What a JSON client or a page may show: never more than this. */
  toJSON(): { code: ErrorCode; message: string; field?: string; requestId?: string; params?: Record<string, string | number> } {
    return {
      code: this.code,
      message: this.message,
      ...(this.field ? { field: this.field } : {}),
      ...(this.requestId ? { requestId: this.requestId } : {}),
      ...(this.params ? { params: this.params } : {}),
    };
  }
}

/** Every problem with the environment at once, naming variables and never their values. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `- ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

// ---- the portal's own refusals, one place each -------------------------------------------------------

/**
 * Why a value was refused, as a stable code with the values its words are built from, so a page says it
 * in the reader's language next to the field (messages errors.reasons); `why` stays the API's English.
 */
export type InputReason =
  | { reason: 'repeated' }
  | { reason: 'one_of'; allowed: string }
  | { reason: 'unknown_spec'; given: string; allowed: string }
  | { reason: 'no_specs'; given: string }
  | { reason: 'whole_number'; min: number; max: number }
  | { reason: 'time' }
  | { reason: 'end_before_start' }
  | { reason: 'below_min_height' }
  | { reason: 'frame_rate' }
  | { reason: 'too_long'; max: number }
  | { reason: 'characters' }
  | { reason: 'not_ours' }
  | { reason: 'expired' }
  | { reason: 'since_with_start' }
  | { reason: 'too_many_selected'; max: number }
  | { reason: 'not_for_export' }
  | { reason: 'not_for_insights' }
  | { reason: 'compare_count'; min: number; max: number }
  | { reason: 'selection_with_filters' }
  | { reason: 'ice_refused'; said: string }
  | { reason: 'required' }
  | { reason: 'media_input' }
  | { reason: 'not_a_field' }
  | { reason: 'too_many_lines'; max: number }
  | { reason: 'batch_user_data' };

export const invalidInput = (field: string, why: string, reason?: InputReason) =>
  new PortalError('invalid_input', 400, `${field}: ${why}`, { field, params: { field, why, ...reason } });

/**
 * A JobId looked up in every region: not found where regions answered, and some did not answer, so
 * whether it exists cannot be said (each list comma-separated, for the page's words).
 */
export const jobLookupIncomplete = (notFoundIn: string[], failedIn: string[]) =>
  new PortalError(
    'job_lookup_incomplete',
    503,
    `${notFoundIn.length > 0 ? `No job with this JobId in ${notFoundIn.join(', ')}; ` : ''}${failedIn.join(', ')} did not answer. Try again shortly.`,
    { retryAfterSeconds: 5, params: { notFoundIn: notFoundIn.length > 0 ? notFoundIn.join(', ') : 'none', failedIn: failedIn.join(', ') } },
  );

export const invalidPath = () =>
  new PortalError('invalid_path', 400, 'The address contains a percent sign that is not followed by a valid encoded character.');

export const unauthenticated = () =>
  new PortalError('unauthenticated', 401, 'Sign in first: open the portal in a browser and sign in, then call the API with that session.');

export const notAllowed = () => new PortalError('forbidden', 403, 'Your account is not allowed to use this portal.');

export const rateLimited = (waitSeconds: number) =>
  new PortalError('rate_limited', 429, `Too many requests: wait ${waitSeconds} s and try again.`, { retryAfterSeconds: waitSeconds, params: { waitSeconds } });

/** How long a refused export is told to wait: a few exports end every few seconds. */
const EXPORT_RETRY_SECONDS = 10;

export const tooManyExports = (limit: number, scope: 'user' | 'instance') =>
  new PortalError(
    'too_many_exports',
    429,
    scope === 'user'
      ? `You have ${limit} exports running already: wait for one to finish or cancel it, then try again.`
      : 'The portal is running as many exports as it can: try again in a moment.',
    { retryAfterSeconds: EXPORT_RETRY_SECONDS, params: { limit, scope } },
  );

export const exportIdle = (seconds: number) =>
  new PortalError('export_idle', 408, `The download was ended: nothing of it was read for ${seconds} s.`, { params: { seconds } });

export const storeUnavailable = () =>
  new PortalError('store_unavailable', 503, 'The portal cannot check sessions and budgets right now (its shared store does not answer). Try again shortly.', {
    retryAfterSeconds: 5,
  });

export const viewNotFound = () => new PortalError('view_not_found', 404, 'You have no saved view with this id.');

export const tooManyViews = (max: number) =>
  new PortalError('too_many_views', 409, `You have ${max} saved views, the most one person may keep: delete one first.`, { params: { max } });

/** Why an API token was refused: it does not read as one, is not (or no longer) known, has expired, or tokens are off. */
export type TokenRefusal = 'malformed' | 'unknown' | 'expired' | 'off';

const TOKEN_REFUSALS: Record<TokenRefusal, string> = {
  malformed: 'The Authorization header does not hold a portal API token (Bearer icep_...).',
  unknown: 'This API token is not known: it was revoked, or never issued here.',
  expired: 'This API token has expired: make a new one on /settings/tokens.',
  off: 'API tokens are turned off on this portal.',
};

export const tokenInvalid = (reason: TokenRefusal) => new PortalError('token_invalid', 401, TOKEN_REFUSALS[reason], { params: { reason } });

export const tokenScope = (scope: string) =>
  new PortalError('token_scope', 403, `This API token's scope (${scope}) does not allow this request.`, { params: { scope } });

/** A token where only a browser's sign-in will do: on a page, or managing tokens themselves. */
export const tokenNotAccepted = (where: 'page' | 'tokens') =>
  new PortalError(
    'token_not_accepted',
    where === 'page' ? 401 : 403,
    where === 'page' ? 'API tokens are accepted on /api/* only; pages need a browser sign-in.' : 'Tokens are made and revoked from a signed-in browser, not with a token.',
    { params: { where } },
  );

const TOKENS_OFF: Record<string, string> = {
  off: 'API tokens are turned off on this portal (API_TOKENS=off).',
  no_sign_in: 'This portal needs no sign-in (AUTH_MODE=none): the API answers without a token.',
  no_secret: 'API tokens need AUTH_SECRET, which this portal does not have.',
};

/** Making or listing tokens where the portal offers none (lib/tokens/config.ts TokensOff). */
export const tokensOff = (why: 'off' | 'no_sign_in' | 'no_secret') => new PortalError('tokens_off', 404, TOKENS_OFF[why]!, { params: { why } });

export const forbiddenToList = () => new PortalError('forbidden', 403, "Only members of API_TOKEN_ADMIN_GROUPS may list everyone's tokens.");

export const tokenNotFound = () => new PortalError('token_not_found', 404, 'There is no token of yours with this id.');

export const tooManyTokens = (max: number) =>
  new PortalError('too_many_tokens', 409, `You have ${max} live API tokens, the most one person may keep: revoke one first.`, { params: { max } });

export const methodNotAllowed = (allow: string, message = `Only ${allow} is accepted here.`) =>
  new PortalError('method_not_allowed', 405, message, { allow, params: { allow } });

export const crossOrigin = () => new PortalError('cross_origin', 403, 'Requests that change state must come from the portal itself.');

export const csrfInvalid = () =>
  new PortalError('csrf_invalid', 403, 'This form is out of date or did not come from the portal (its CSRF token is missing or not this session\'s): reload the page and try again.');

export const submitForbidden = () =>
  new PortalError('submit_forbidden', 403, 'You may not submit probes on this portal (AUTH_SUBMIT_GROUPS, AUTH_SUBMIT_EMAIL_DOMAINS). Ask an operator if you should.');

/**
 * A probe-now call that ICE did not answer in time: the job was most likely made and will finish, so the
 * answer names where to find it, never "try again" (a second call would start a second probe).
 */
export const probeSlow = (seconds: number, listUrl: string) =>
  new PortalError('probe_slow', 504, `ICE did not answer the probe within ${seconds} s. It is most likely still running: find it at ${listUrl} in a moment.`, {
    params: { seconds, listUrl },
  });

/** GET /api/index/sync: off without the index or CRON_SECRET; a caller without the secret is refused. */
export const indexSyncOff = (why: 'no_index' | 'no_secret') =>
  new PortalError('not_found', 404, why === 'no_index' ? 'The job index is off (no INDEX_DATABASE_URL): there is nothing to sync.' : 'The index sync route is off: set CRON_SECRET to call it.', { params: { why } });
export const indexUnreachable = () => new PortalError('store_unavailable', 503, "The job index's database does not answer: the pass did not run. Try again shortly.");
/**
 * A question the job index took on (past the live scan's bounds, or a search whose first page it
 * answered) that the index cannot go on answering.
 */
export const indexLost = () =>
  new PortalError('index_unavailable', 503, 'The job index that answers this question does not answer now: start it again in a moment (the live scan answers it within its bounds).');
export const cronUnauthenticated = () => new PortalError('unauthenticated', 401, 'Send the CRON_SECRET as Authorization: Bearer <secret>.');

export const routeNotFound = () =>
  new PortalError('not_found', 404, 'No such API route. The API has /api/jobs, /api/jobs/batch, /api/jobs/export, /api/jobs/<JobId>, /api/insights, /api/views, /api/tokens, /api/health and /api/ready.');

/** PortalErrors pass through; anything else is logged for operators and becomes a bare 500. */
export function toPortalError(error: unknown): PortalError {
  if (error instanceof PortalError) return error;
  if (error instanceof ConfigError) {
    log('error', 'config_invalid', { problems: error.problems });
    return new PortalError('portal_misconfigured', 500, 'The portal is not configured correctly. An operator needs to fix this.');
  }
  log('error', 'unexpected_error', { name: (error as Error)?.name, message: (error as Error)?.message });
  return new PortalError('internal_error', 500, 'Something went wrong in the portal. Try again; if it persists, tell the operators.');
}
