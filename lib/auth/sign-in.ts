import 'server-only';
import { checkAccess, identityFromClaims } from './access';
import type { AuthConfig } from './config';
import { endSessionUrl, finishLogin, startLogin } from './oidc';
import { endSession, openLoginFlow, sealDenied, sealLoginFlow, startSession, type SealedCookie } from './session';
import { log } from '@/lib/log/logger';

// The OIDC round trip as outcomes the auth routes turn into responses: begin (off to the IdP), complete
// (the IdP's callback, every check, then a session or a refusal), and sign out. Each outcome is logged
// here once, for operators.

type OidcConfig = Extract<AuthConfig, { mode: 'oidc' }>;

export async function beginSignIn(config: OidcConfig, returnTo: string): Promise<{ idpUrl: URL; loginFlow: SealedCookie }> {
  const { url, flow } = await startLogin(config, returnTo);
  return { idpUrl: url, loginFlow: sealLoginFlow(config, flow) };
}

export type SignInOutcome =
  | { kind: 'signed_in'; returnTo: string; session: SealedCookie }
  | { kind: 'denied'; denied: SealedCookie }
  /** The login-flow cookie is missing or expired: another browser, or too slow. */
  | { kind: 'expired' }
  /** The IdP answered with an error instead of a code. */
  | { kind: 'idp_refused' }
  /** The IdP's answer failed a check (state, nonce, issuer, audience, expiry, signature). */
  | { kind: 'unverified' }
  /** Allowed, but more than a cookie can hold. */
  | { kind: 'too_large' };

export async function completeSignIn(config: OidcConfig, callbackUrl: URL, loginFlowCookie: string | undefined): Promise<SignInOutcome> {
  const flow = openLoginFlow(config, loginFlowCookie);
  if (!flow) return { kind: 'expired' };
  if (callbackUrl.searchParams.get('error')) return { kind: 'idp_refused' };
  let claims: Record<string, unknown>;
  let idToken: string | undefined;
  try {
    ({ claims, idToken } = await finishLogin(config, callbackUrl, flow));
  } catch (error) {
    log('warn', 'oidc_callback_refused', { name: (error as Error)?.name, code: (error as { code?: string })?.code, message: (error as Error)?.message });
    return { kind: 'unverified' };
  }
  const identity = identityFromClaims(claims, config);
  const denial = checkAccess(identity, config);
  if (denial) {
    log('warn', 'access_denied', { sub: identity.sub, email: identity.email, reason: denial });
    return { kind: 'denied', denied: sealDenied(config, { email: identity.email, reason: denial }) };
  }
  const session = startSession(config, identity, idToken);
  if (!session) {
    log('warn', 'session_too_large', { sub: identity.sub, email: identity.email, groups: identity.groups.length });
    return { kind: 'too_large' };
  }
  log('info', 'signed_in', { sub: identity.sub, email: identity.email });
  return { kind: 'signed_in', returnTo: flow.returnTo, session };
}

/** Ends the session in the cookie (if any is still valid) and says where to go: the IdP's logout, if it has one. */
export async function signOut(config: OidcConfig, sessionCookie: string | undefined): Promise<URL> {
  // Read directly, not through the viewer: a user outside the allow-lists, or idle, signs out too.
  const session = await endSession(config, sessionCookie);
  const idpLogout = await endSessionUrl(config, session?.idToken);
  return new URL(idpLogout ?? '/auth/signed-out', config.APP_URL);
}
