// json-bigint (which reads the ICE answers that hold long numbers, see signed-call.ts) returns objects
// without a prototype and long integers as BigNumber instances. Copy into plain JSON values before zod
// sees them, so the rest of the portal never meets either oddity.

const MAX_DEPTH = 64;

export function toPlainJson(value: unknown, depth = 0): unknown {
  if (depth > MAX_DEPTH) return undefined;
  if (value === null || typeof value !== 'object') return typeof value === 'bigint' ? value.toString() : value;
  if (isBigNumber(value)) return value.toFixed();
  if (Array.isArray(value)) return value.map((item) => toPlainJson(item, depth + 1));
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    const item = toPlainJson((value as Record<string, unknown>)[key], depth + 1);
    // A __proto__ key must stay data, never reach the object's prototype. Only that key needs
    // defineProperty, which costs four times a plain assignment on every field of a list page.
    if (key === '__proto__') Object.defineProperty(out, key, { value: item, enumerable: true, writable: true, configurable: true });
    else out[key] = item;
  }
  return out;
}

function isBigNumber(value: object): value is { toFixed(): string } {
  return (value as { _isBigNumber?: unknown })._isBigNumber === true && typeof (value as { toFixed?: unknown }).toFixed === 'function';
}
