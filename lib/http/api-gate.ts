import 'server-only';
import type { NextRequest, NextResponse } from 'next/server';
import type { User } from '@/lib/auth/access';
import type { SealedCookie } from '@/lib/auth/session';
import type { AnonymousReason } from '@/lib/auth/viewer';
import { notAllowed, rateLimited, tokenInvalid, unauthenticated, type TokenRefusal } from '@/lib/errors';
import type { TokenHolder } from '@/lib/tokens/api-tokens';
import { admit, admitToken, credentialsOf } from './admission';
import { bearerTokenOf } from './bearer-token';
import { errorResponse } from './error-response';

// The API's answer to a request that may not go on: 401 (who are you?), 403 (not allowed), 429 (wait),
// 503 (the shared store cannot say, with STORE_FAIL_CLOSED), each before any upstream call. A request
// with an API token (Authorization: Bearer) is judged by the token alone, whatever cookie it also has.

/** Why a 401 was sent, for the audit line: the session's reason, or the token's. */
export type RefusedBecause = AnonymousReason | `token_${TokenRefusal}`;

export type ApiAdmission =
  | { user: User; refreshedSession?: SealedCookie; token?: TokenHolder['token']; sessionId?: string }
  /** `anonymous`: why a 401 was sent; `tokenId`: the token it named, when it named one. */
  | { refusal: NextResponse; user?: User; anonymous?: RefusedBecause; tokenId?: string };

export async function authorizeApiRequest(request: NextRequest): Promise<ApiAdmission> {
  try {
    const token = bearerTokenOf(request.headers);
    return token === undefined ? await bySession(request) : await byToken(token);
  } catch (error) {
    return { refusal: errorResponse(error) };
  }
}

async function bySession(request: NextRequest): Promise<ApiAdmission> {
  const admission = await admit(credentialsOf(request));
  switch (admission.kind) {
    case 'admitted':
      return admission;
    case 'limited':
      return { user: admission.user, refusal: errorResponse(rateLimited(admission.waitSeconds)) };
    case 'refused':
      return admission.viewer.kind === 'denied'
        ? { refusal: errorResponse(notAllowed()) }
        : { refusal: errorResponse(unauthenticated()), anonymous: admission.viewer.reason };
  }
}

async function byToken(text: string): Promise<ApiAdmission> {
  const admission = await admitToken(text);
  switch (admission.kind) {
    case 'admitted':
      return { user: admission.user, token: admission.token };
    case 'limited':
      return { user: admission.user, tokenId: admission.token.id, refusal: errorResponse(rateLimited(admission.waitSeconds)) };
    case 'denied':
      return { refusal: errorResponse(notAllowed()), tokenId: admission.id };
    case 'refused':
      return { refusal: errorResponse(tokenInvalid(admission.reason)), anonymous: `token_${admission.reason}`, tokenId: admission.id };
  }
}
