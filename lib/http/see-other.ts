/** A relative 303: it follows whatever host the user came through, never the server's bind address. */
export function seeOther(location: string): Response {
  return new Response(null, { status: 303, headers: { location, 'cache-control': 'no-store' } });
}
