// The signal of a page's request: aborted when its client goes away before the answer is complete.
// Next.js gives a server component no such signal; proxy.ts gets one with its NextRequest, tied by
// Next.js to the Node response that the page then streams into, so it outlives the proxy. The proxy
// keeps it here under the request id it hands the page (x-request-id), and the page takes it: a
// search on /jobs then stops its ICE calls when the tab is closed. The proxy and the page are separate
// bundles of one process, so the map lives on globalThis. Where they are not one process (Vercel's
// routing middleware), the page finds nothing and its search runs to its own bounds.

interface Kept {
  signal: AbortSignal;
  keptAt: number;
}

/** A signal no page took (its render failed first) is dropped after this long. */
const MAX_AGE_MS = 10 * 60_000;
const KEY = Symbol.for('ice-portal.request-signals');

function kept(): Map<string, Kept> {
  const holder = globalThis as { [KEY]?: Map<string, Kept> };
  holder[KEY] ??= new Map();
  return holder[KEY];
}

export function keepRequestSignal(requestId: string, signal: AbortSignal, nowMs = Date.now()): void {
  const signals = kept();
  // Insertion order is age order: the oldest come first.
  for (const [id, entry] of signals) {
    if (nowMs - entry.keptAt < MAX_AGE_MS) break;
    signals.delete(id);
  }
  signals.set(requestId, { signal, keptAt: nowMs });
}

/** The signal the proxy kept for this request, once; undefined when there is none. */
export function takeRequestSignal(requestId: string | null | undefined): AbortSignal | undefined {
  if (!requestId) return undefined;
  const signals = kept();
  const entry = signals.get(requestId);
  signals.delete(requestId);
  return entry?.signal;
}
