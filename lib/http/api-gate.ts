import 'server-only';
import type { NextRequest, NextResponse } from 'next/server';
import type { User } from '@/lib/auth/access';
import type { SealedCookie } from '@/lib/auth/session';
import { admit, credentialsOf } from './admission';
import { jsonError } from './error-response';

// The API's answer to a request that may not go on: 401 (who are you?), 403 (not allowed), 429 (wait),
// each before any upstream call.

export type ApiAdmission = { user: User; refreshedSession?: SealedCookie } | { refusal: NextResponse; user?: User };

export async function authorizeApiRequest(request: NextRequest): Promise<ApiAdmission> {
  const admission = await admit(credentialsOf(request));
  switch (admission.kind) {
    case 'admitted':
      return admission;
    case 'limited':
      return {
        user: admission.user,
        refusal: jsonError(429, 'rate_limited', `Too many requests: wait ${admission.waitSeconds} s and try again.`, { 'Retry-After': String(admission.waitSeconds) }),
      };
    case 'refused':
      return {
        refusal:
          admission.viewer.kind === 'denied'
            ? jsonError(403, 'forbidden', 'Your account is not allowed to use this portal.')
            : jsonError(401, 'unauthenticated', 'Sign in first: open the portal in a browser and sign in, then call the API with that session.'),
      };
  }
}
