// Who may use the control API: a process on this machine, not a web page in a developer's browser.
// The socket check alone is not enough: a page can send a CORS-simple POST (text/plain) to loopback,
// and through DNS rebinding (evil.example resolving to 127.0.0.1) even read the answers. So a request
// must also name a loopback Host, carry no Origin but the emulator's own, not come from another site
// by the browser's Sec-Fetch-Site, and send its body as application/json (which forces a preflight
// that the emulator never grants).
import type { IncomingHttpHeaders } from 'node:http';

/** The parts of a request the guard reads (an IncomingMessage has them). */
export interface ControlRequest {
  method?: string;
  headers: IncomingHttpHeaders;
  socket: { remoteAddress?: string; localPort?: number };
}

export interface ControlRefusal {
  status: 403 | 415;
  error: string;
}

// Any port: a tunnel (ssh -L) or a port forward may put another one in Host; the name is what
// DNS rebinding changes.
const LOOPBACK_HOST = /^(?:127\.0\.0\.1|localhost|\[::1\])(?::\d{1,5})?$/i;

/** Why the control API refuses this request, or undefined when it may go on. */
export function refuseControlRequest(req: ControlRequest): ControlRefusal | undefined {
  if (!isLoopbackAddress(req.socket.remoteAddress)) {
    return { status: 403, error: 'the control API answers loopback clients only' };
  }
  const host = req.headers.host;
  if (!host || !LOOPBACK_HOST.test(host)) {
    return { status: 403, error: `the control API answers a loopback Host only (127.0.0.1, localhost or [::1]), not ${JSON.stringify(host ?? '')}` };
  }
  const origin = req.headers.origin;
  if (origin !== undefined && !ownOrigins(req.socket.localPort).includes(origin.toLowerCase())) {
    return { status: 403, error: `the control API refuses requests from web pages: Origin ${JSON.stringify(origin)} is not this emulator's` };
  }
  const fetchSite = req.headers['sec-fetch-site'];
  if (fetchSite !== undefined && fetchSite !== 'same-origin' && fetchSite !== 'none') {
    return { status: 403, error: `the control API refuses requests from web pages: Sec-Fetch-Site is ${JSON.stringify(fetchSite)}` };
  }
  if ((req.method === 'PUT' || req.method === 'POST') && mediaType(req.headers['content-type']) !== 'application/json') {
    return { status: 415, error: `the control API takes a body as Content-Type: application/json, not ${JSON.stringify(req.headers['content-type'] ?? '')}` };
  }
  return undefined;
}

function isLoopbackAddress(address: string | undefined): boolean {
  return !!address && (address.startsWith('127.') || address === '::1' || address.startsWith('::ffff:127.'));
}

function ownOrigins(port: number | undefined): string[] {
  return ['127.0.0.1', 'localhost', '[::1]'].map((name) => `http://${name}:${port}`);
}

function mediaType(contentType: string | undefined): string {
  return (contentType ?? '').split(';')[0]!.trim().toLowerCase();
}
