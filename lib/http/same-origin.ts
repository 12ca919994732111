// A state-changing request must come from a page of this portal: its Origin header (which browsers
// set on every POST) names this origin. A missing Origin is refused too. "This origin" is APP_URL when
// set, else what the request was addressed to (Host, as forwarded by a proxy).

export function isSameOrigin(request: Request, publicUrl?: string): boolean {
  const origin = request.headers.get('origin');
  if (!origin || origin === 'null') return false;
  if (publicUrl) return origin === new URL(publicUrl).origin;
  const host = request.headers.get('x-forwarded-host') ?? request.headers.get('host');
  const proto = request.headers.get('x-forwarded-proto') ?? new URL(request.url).protocol.replace(':', '');
  return !!host && origin === `${proto}://${host}`;
}
