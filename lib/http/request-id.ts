// One id per request, chosen by the portal, in the response and in every log line about it. An id a
// client or load balancer sent is kept beside it (clientRequestId) when it looks sane, so a trace can
// still be followed, but it never replaces ours: a caller could otherwise forge or collide log ids.

const SANE = /^[\w.-]{8,128}$/;

export const newRequestId = (): string => crypto.randomUUID();

export function clientRequestId(incoming: string | null): string | undefined {
  return incoming && SANE.test(incoming) ? incoming : undefined;
}

/** Set by proxy.ts for pages: the client's own id, already checked, for the pages' audit lines. */
export const CLIENT_REQUEST_ID_HEADER = 'x-portal-client-request-id';
