import 'server-only';
import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import { userKey, type User } from '@/lib/auth/access';

// The CSRF token of a browser's submits: an HMAC of the session it is bound to, sent back by the form in
// the X-CSRF-Token header. Another site can neither read it (the page is same-origin) nor send the header
// (a cross-site request with a custom header needs a preflight the portal never grants); the Origin
// check stands beside it. Bound to: the OIDC session's id (a new sign-in, a new token), else the person
// (proxy-jwt), else the one anonymous user (AUTH_MODE=none). The key comes from AUTH_SECRET, else from
// ICE's key secret, so every instance of one portal makes and accepts the same tokens. API tokens
// need none: a script sends its bearer token on purpose, which no page can make a browser do.

export const CSRF_HEADER = 'x-csrf-token';

function key(): Buffer {
  const root = process.env.AUTH_SECRET || process.env.ALIBABA_CLOUD_ACCESS_KEY_SECRET || '';
  return Buffer.from(hkdfSync('sha256', root, 'ice-portal', 'csrf token', 32));
}

let cachedKey: Buffer | undefined;

export function csrfTokenFor(binding: string): string {
  cachedKey ??= key();
  return createHmac('sha256', cachedKey).update(`csrf\n${binding}`).digest('base64url');
}

export function isCsrfTokenValid(sent: string | null, binding: string): boolean {
  if (!sent) return false;
  const expected = Buffer.from(csrfTokenFor(binding));
  const given = Buffer.from(sent);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** What a person's tokens are bound to: their OIDC session when they have one, else themselves. */
export const csrfBinding = (user: User, sessionId?: string) => sessionId ?? `user:${userKey(user)}`;
