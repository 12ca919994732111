import 'server-only';
import { NextResponse } from 'next/server';
import { methodNotAllowed, toPortalError } from '@/lib/errors';

// The one serialiser of errors as JSON: { error: { code, message, field?, requestId?, params? } } with
// the error's status, Retry-After or Allow where they apply, and never a stack trace.

export const NO_STORE = { 'Cache-Control': 'private, no-store' } as const;

export function errorResponse(error: unknown): NextResponse {
  const known = toPortalError(error);
  return NextResponse.json(
    { error: known.toJSON() },
    {
      status: known.status,
      headers: {
        ...NO_STORE,
        ...(known.retryAfterSeconds ? { 'Retry-After': String(known.retryAfterSeconds) } : {}),
        ...(known.allow ? { Allow: known.allow } : {}),
      },
    },
  );
}

/** For route files: `export { onlyGet as POST, ... }`. */
export const onlyGet = () => errorResponse(methodNotAllowed('GET, HEAD', 'Only GET is accepted here.'));
