import 'server-only';
import { randomUUID } from 'node:crypto';
import type { AccessDenial, User } from './access';
import type { AuthConfig } from './config';
import { cookieName, cookieOptions } from './cookies';
import type { LoginFlow } from './oidc';
import { isSessionRevoked, revokeSession } from './revoked-sessions';
import { seal, unseal } from './sealed-cookie';
import { getSubmitConfig } from '@/lib/submit/submit-config';

// A signed-in session's whole life in OIDC mode: the login-flow cookie, the session cookie (what it
// holds, how big it may grow, how long it lives), sliding idle expiry, and sign-out. Cases:
// - absolute expiry: AUTH_SESSION_HOURS after sign-in, sealed into the cookie;
// - idle expiry: AUTH_IDLE_MINUTES after the last request; each request that finds the last one
//   older than REFRESH_AFTER re-seals the cookie with a new `seen` (proxy.ts for pages, the API gate);
// - sign-out: the session id is recorded as revoked until its absolute expiry;
// - an identity that would not fit in a cookie is refused at sign-in, with a clear page.

type OidcConfig = Extract<AuthConfig, { mode: 'oidc' }>;

export interface SessionPayload extends User {
  /** Random id, so sign-out can revoke this session and only this one. */
  sid: string;
  /** When the session was last used (ms), for the idle timeout. */
  seen: number;
  /** Kept for RP-initiated logout's id_token_hint, when small enough for a cookie. */
  idToken?: string;
}

export interface Session extends SessionPayload {
  /** Absolute expiry (ms), sealed into the cookie. */
  exp: number;
}

export interface DeniedPayload {
  email?: string;
  reason: AccessDenial;
}

/** Browsers drop cookies over 4096 bytes (name and attributes included): stay well under. */
const MAX_SESSION_COOKIE_CHARS = 3500;
const MAX_ID_TOKEN_IN_COOKIE = 1800;
/** Longer names, emails or group names than this are cut: nobody reads 256 characters of a name. */
const MAX_CLAIM_CHARS = 256;
const LOGIN_FLOW_MS = 10 * 60_000;
const DENIED_MS = 10 * 60_000;

/** A cookie value with the lifetime its Set-Cookie should carry. */
export interface SealedCookie {
  value: string;
  maxAgeSeconds: number;
}

const cap = (text: string | undefined) => text?.slice(0, MAX_CLAIM_CHARS);

/** At most once a minute, and often enough that a short idle window still slides. */
const refreshAfterMs = (config: OidcConfig) => Math.min(60_000, config.idleMs / 10);

/**
 * Only what the portal needs: an IdP can send hundreds of groups (Entra ID, Keycloak paths), and a
 * cookie over 4 KB is silently dropped. Groups are kept only when they are in AUTH_ALLOWED_GROUPS,
 * API_TOKEN_ADMIN_GROUPS or AUTH_SUBMIT_GROUPS, which is all that checking access, token admins and
 * submitters on every request needs.
 */
export function sessionUser(identity: User, config: OidcConfig): User {
  const allowed = new Set([...config.AUTH_ALLOWED_GROUPS, ...config.API_TOKEN_ADMIN_GROUPS, ...getSubmitConfig().groups]);
  return {
    sub: cap(identity.sub)!,
    ...(identity.email ? { email: cap(identity.email) } : {}),
    emailVerified: identity.emailVerified,
    ...(identity.name ? { name: cap(identity.name) } : {}),
    groups: identity.groups.filter((group) => allowed.has(group.toLowerCase())).map((group) => cap(group)!),
  };
}

/** The sealed session cookie for a new sign-in, or undefined when it cannot fit in a cookie. */
export function startSession(config: OidcConfig, identity: User, idToken: string | undefined, nowMs = Date.now()): SealedCookie | undefined {
  const payload: SessionPayload = { ...sessionUser(identity, config), sid: randomUUID(), seen: nowMs };
  const sealed = (extra: Partial<SessionPayload>) => seal({ ...payload, ...extra }, config.AUTH_SECRET, 'session', config.sessionMs, nowMs);
  const maxAgeSeconds = config.sessionMs / 1000;
  if (idToken && idToken.length <= MAX_ID_TOKEN_IN_COOKIE) {
    const withToken = sealed({ idToken });
    if (withToken.length <= MAX_SESSION_COOKIE_CHARS) return { value: withToken, maxAgeSeconds };
  }
  const value = sealed({});
  return value.length <= MAX_SESSION_COOKIE_CHARS ? { value, maxAgeSeconds } : undefined;
}

/** Why a cookie does not hold a usable session: for audit lines and operators, never for users. */
export type SessionRefusal = 'missing' | 'invalid' | 'idle' | 'revoked';

/** The session a cookie was sealed with, while it is authentic and before its absolute expiry. */
function openSession(config: OidcConfig, value: string | undefined, nowMs: number): Session | undefined {
  const session = unseal<Session>(value, config.AUTH_SECRET, 'session', nowMs);
  return session && typeof session.sid === 'string' && typeof session.seen === 'number' ? session : undefined;
}

/** The session in a cookie value, or why there is none (forged or expired, idle for too long, signed out). */
export async function inspectSession(config: OidcConfig, value: string | undefined, nowMs = Date.now()): Promise<{ session: Session } | { refusal: SessionRefusal }> {
  if (!value) return { refusal: 'missing' };
  const session = openSession(config, value, nowMs);
  if (!session) return { refusal: 'invalid' };
  if (nowMs - session.seen > config.idleMs) return { refusal: 'idle' };
  if (await isSessionRevoked(session.sid)) return { refusal: 'revoked' };
  return { session };
}

export async function readSession(config: OidcConfig, value: string | undefined, nowMs = Date.now()): Promise<Session | undefined> {
  const inspected = await inspectSession(config, value, nowMs);
  return 'session' in inspected ? inspected.session : undefined;
}

/**
 * Sessions this process re-sealed lately, and when. A client that never stores the new cookie (a script
 * with a copied one) keeps sending an old `seen`, and would be re-sealed, with a Set-Cookie, on every
 * request. Skipping those within the same interval keeps a browser's cookie at most two intervals
 * behind, well inside the idle window (the interval is at most a tenth of it).
 */
const lastRefreshed = new Map<string, number>();
const MAX_REMEMBERED_REFRESHES = 10_000;

/** A re-sealed cookie with `seen` moved to now when it is due, keeping the absolute expiry. */
export function refreshedSession(config: OidcConfig, session: Session, nowMs = Date.now()): SealedCookie | undefined {
  const interval = refreshAfterMs(config);
  if (nowMs - session.seen < interval || nowMs - (lastRefreshed.get(session.sid) ?? -Infinity) < interval) return undefined;
  lastRefreshed.delete(session.sid);
  lastRefreshed.set(session.sid, nowMs);
  // Oldest first in a Map's order: past the bound, forget the session refreshed longest ago.
  if (lastRefreshed.size > MAX_REMEMBERED_REFRESHES) lastRefreshed.delete(lastRefreshed.keys().next().value!);
  const { exp, ...payload } = session;
  return { value: seal({ ...payload, seen: nowMs }, config.AUTH_SECRET, 'session', exp - nowMs, nowMs), maxAgeSeconds: (exp - nowMs) / 1000 };
}

/**
 * Sign-out: the session id in this cookie is refused everywhere until the cookie would have expired
 * anyway. Idle does not matter here: a copy of the cookie kept alive elsewhere (stolen, refreshed
 * by its own requests) shares the id, and must end too.
 */
export async function endSession(config: OidcConfig, value: string | undefined, nowMs = Date.now()): Promise<Session | undefined> {
  const session = openSession(config, value, nowMs);
  if (session) await revokeSession(session.sid, session.exp, nowMs);
  return session;
}

export const sealLoginFlow = (config: OidcConfig, flow: LoginFlow): SealedCookie => ({
  value: seal(flow, config.AUTH_SECRET, 'login', LOGIN_FLOW_MS),
  maxAgeSeconds: LOGIN_FLOW_MS / 1000,
});
export const openLoginFlow = (config: OidcConfig, value: string | undefined) => unseal<LoginFlow>(value, config.AUTH_SECRET, 'login');
export const sealDenied = (config: OidcConfig, denied: DeniedPayload): SealedCookie => ({
  value: seal({ reason: denied.reason, ...(denied.email ? { email: cap(denied.email) } : {}) }, config.AUTH_SECRET, 'denied', DENIED_MS),
  maxAgeSeconds: DENIED_MS / 1000,
});
export const openDenied = (config: OidcConfig, value: string | undefined) => unseal<DeniedPayload>(value, config.AUTH_SECRET, 'denied');

interface CookieJar {
  set(name: string, value: string, options: ReturnType<typeof cookieOptions>): unknown;
}

/** Sets one of the auth cookies on a response; undefined clears it. */
export function setAuthCookie(jar: CookieJar, config: OidcConfig, kind: 'session' | 'login' | 'denied', cookie: SealedCookie | undefined): void {
  jar.set(cookieName(config, kind), cookie?.value ?? '', cookieOptions(config, cookie?.maxAgeSeconds ?? 0));
}
