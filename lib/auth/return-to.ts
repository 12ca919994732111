// Where to go after login: a path on this portal, never another origin. Anything doubtful becomes
// the job list rather than an error, since the user only wants to get in.

export const DEFAULT_RETURN_TO = '/jobs';
/** Set by proxy.ts on every request: the exact URL a login should come back to. */
export const RETURN_TO_HEADER = 'x-portal-return-to';
const BASE = 'http://portal.invalid';

export function safeReturnTo(raw: string | null | undefined): string {
  if (!raw || raw.length > 4096) return DEFAULT_RETURN_TO;
  // "//evil" and "/\evil" are read by browsers as another host; control characters hide tricks.
  if (!raw.startsWith('/') || raw.startsWith('//') || raw.includes('\\') || /[\u0000-\u001f\u007f]/.test(raw)) return DEFAULT_RETURN_TO;
  let url: URL;
  try {
    url = new URL(raw, BASE);
  } catch {
    return DEFAULT_RETURN_TO;
  }
  if (url.origin !== BASE || url.pathname.startsWith('/auth/')) return DEFAULT_RETURN_TO;
  return `${url.pathname}${url.search}${url.hash}`;
}
