// Last line of defence for anything the portal logs: signed-URL parameters and the configured secret
// values never leave the process, whatever a library put into a message. It works on the structured
// values before pino serialises them, never on the serialised text: a pattern over JSON text can
// swallow an escape and leave a line that no longer parses.

const SIGNED_PARAM_NAMES = ['AccessKeyId', 'Signature', 'SecurityToken', 'SignatureNonce', 'AccessKeySecret'];
const SIGNED_PARAM_KEY = new RegExp(`^(${SIGNED_PARAM_NAMES.join('|')})$`, 'i');
/** "Signature=abc", "Signature%3Dabc" (in an encoded URL), or "Signature":"abc" (JSON inside a message). */
const SIGNED_PARAM_IN_TEXT = new RegExp(`(${SIGNED_PARAM_NAMES.join('|')})(=|%3D|%253D|":\\s*")[^&\\s"',]*`, 'gi');
const REDACTED = '[redacted]';
/** Deeper than any log line the portal writes; past it a value is dropped rather than walked. */
const MAX_DEPTH = 8;

/** Each registered secret, and its URL-encoded form (in a logged URL) when that differs. */
const secrets = new Set<string>();

/** Values to blank wherever they appear (key id, secret, STS token, session and client secrets). */
export function registerSecrets(values: Iterable<string | undefined>): void {
  for (const value of values) {
    // Very short values would blank ordinary words; no real key or token is that short.
    if (!value || value.length < 8) continue;
    secrets.add(value);
    try {
      secrets.add(encodeURIComponent(value));
    } catch {
      // A lone surrogate has no URL form, so it cannot appear URL-encoded either.
    }
  }
}

/** One string value, with signed parameters and registered secrets blanked. */
export function redactText(text: string): string {
  let out = text.replace(SIGNED_PARAM_IN_TEXT, (_, name: string, sep: string) => `${name}${sep}${REDACTED}`);
  for (const secret of secrets) {
    if (out.includes(secret)) out = out.split(secret).join(REDACTED);
  }
  return out;
}

/** A copy of a log record with every string redacted and every signed-parameter field blanked. */
export function redactValue(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return redactText(value);
  if (value === null || typeof value !== 'object') return value;
  if (depth >= MAX_DEPTH) return '[too deep]';
  if (Array.isArray(value)) return value.map((item) => redactValue(item, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    out[redactText(key)] = SIGNED_PARAM_KEY.test(key) && item !== undefined ? REDACTED : redactValue(item, depth + 1);
  }
  return out;
}
