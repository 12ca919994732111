// Where to go after login: a path on this portal, never another origin. Anything doubtful becomes
// the job list rather than an error, since the user only wants to get in.

export const DEFAULT_RETURN_TO = '/jobs';
/** Set by proxy.ts on every request: the exact URL a login should come back to. */
export const RETURN_TO_HEADER = 'x-portal-return-to';
const BASE = 'http://portal.invalid';
/**
 * The return path rides in the sealed login-flow cookie, and normalising can grow it (percent-encoding
 * triples a character): past this, the query is dropped, so the cookie stays far below 4 KB.
 */
const MAX_RETURN_TO = 2000;

/** "//evil" and "/\evil" are read by browsers as another host; control characters hide tricks. */
const isLocalPath = (path: string) => path.startsWith('/') && !path.startsWith('//') && !/[\\\u0000-\u001f\u007f]/.test(path);

export function safeReturnTo(raw: string | null | undefined): string {
  if (!raw || raw.length > 4096 || !isLocalPath(raw)) return DEFAULT_RETURN_TO;
  let url: URL;
  try {
    url = new URL(raw, BASE);
  } catch {
    return DEFAULT_RETURN_TO;
  }
  const path = `${url.pathname}${url.search}${url.hash}`;
  // The normalised path is what the Location header carries, and dot segments collapse into a
  // protocol-relative URL ("/..//evil" becomes "//evil"): check the result, not only the input.
  if (url.origin !== BASE || !isLocalPath(path) || url.pathname.startsWith('/auth/')) return DEFAULT_RETURN_TO;
  if (path.length <= MAX_RETURN_TO) return path;
  return url.pathname.length <= MAX_RETURN_TO ? url.pathname : DEFAULT_RETURN_TO;
}
