import 'server-only';
import { NextResponse } from 'next/server';
import { ConfigError } from '@/lib/ice/config';
import { IceError } from '@/lib/ice/errors';
import { log } from '@/lib/log/logger';

// Every JSON error the portal sends: { error: { code, message, field?, requestId? } } with a real
// status, Retry-After where waiting helps, and never a stack trace.

export const NO_STORE = { 'Cache-Control': 'private, no-store' } as const;

/** The one builder of JSON error bodies: routes, gates and proxy.ts all answer through it. */
export function jsonError(status: number, code: string, message: string, headers: Record<string, string> = {}): NextResponse {
  return NextResponse.json({ error: { code, message } }, { status, headers: { ...NO_STORE, ...headers } });
}

export function errorResponse(error: unknown): NextResponse {
  const known = toIceError(error);
  return NextResponse.json(
    { error: known.toJSON() },
    {
      status: known.status,
      headers: {
        ...NO_STORE,
        ...(known.retryAfterSeconds ? { 'Retry-After': String(known.retryAfterSeconds) } : {}),
      },
    },
  );
}

/** IceErrors pass through; anything else is logged for operators and answered as a bare 500. */
export function toIceError(error: unknown): IceError {
  if (error instanceof IceError) return error;
  if (error instanceof ConfigError) {
    log('error', 'config_invalid', { problems: error.problems });
    return new IceError('portal_misconfigured', 500, 'The portal is not configured correctly. An operator needs to fix this.');
  }
  log('error', 'unexpected_error', { name: (error as Error)?.name, message: (error as Error)?.message });
  return new IceError('internal_error', 500, 'Something went wrong in the portal. Try again; if it persists, tell the operators.');
}

export function methodNotAllowed(): NextResponse {
  return jsonError(405, 'method_not_allowed', 'Only GET is accepted here.', { Allow: 'GET, HEAD' });
}
