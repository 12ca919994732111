import 'server-only';
import type { NextRequest, NextResponse } from 'next/server';
import type { User } from '@/lib/auth/access';
import type { SealedCookie } from '@/lib/auth/session';
import type { AnonymousReason } from '@/lib/auth/viewer';
import { notAllowed, rateLimited, unauthenticated } from '@/lib/errors';
import { admit, credentialsOf } from './admission';
import { errorResponse } from './error-response';

// The API's answer to a request that may not go on: 401 (who are you?), 403 (not allowed), 429 (wait),
// 503 (the shared store cannot say, with STORE_FAIL_CLOSED), each before any upstream call.

export type ApiAdmission =
  | { user: User; refreshedSession?: SealedCookie }
  /** `anonymous`: why a 401 was sent, for the audit line. */
  | { refusal: NextResponse; user?: User; anonymous?: AnonymousReason };

export async function authorizeApiRequest(request: NextRequest): Promise<ApiAdmission> {
  let admission: Awaited<ReturnType<typeof admit>>;
  try {
    admission = await admit(credentialsOf(request));
  } catch (error) {
    return { refusal: errorResponse(error) };
  }
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
