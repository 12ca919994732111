// Whether AUTH_SECRET plausibly carries 256 bits (32 random bytes): every cookie's key is derived
// from it, so a guessable one lets anyone forge a session. Nobody can measure a string's true
// entropy; this refuses what is certainly too weak (too short for its alphabet, one character
// repeated, a short alphabet, a repeated pattern) and takes what `openssl rand` prints.

const REQUIRED_BITS = 256;
/** Random 43-character base64 has ~31 distinct characters and 64-character hex ~16; 10 is far below both. */
const MIN_DISTINCT = 10;
/** Random strings of this kind have no character above ~15% of the string; a quarter is not random. */
const MAX_SHARE_OF_ONE_CHARACTER = 0.25;

function bitsPerCharacter(secret: string): number {
  if (/^[0-9a-fA-F]+$/.test(secret)) return 4;
  if (/^[A-Za-z0-9+/_-]+$/.test(secret)) return 6;
  return Math.log2(94); // any printable ASCII
}

/** Why the secret is too weak, in words an operator can act on, or undefined when it will do. */
export function secretWeakness(secret: string): string | undefined {
  // Base64 padding carries nothing; anywhere else an "=" is a character like any other.
  const body = /^[A-Za-z0-9+/_-]+=+$/.test(secret) ? secret.replace(/=+$/, '') : secret;
  const advice = 'use 32 random bytes, e.g. openssl rand -base64 32';
  const bits = Math.floor(body.length * bitsPerCharacter(body));
  if (bits < REQUIRED_BITS) return `is too short: about ${bits} bits where ${REQUIRED_BITS} are needed (${advice})`;
  const counts = new Map<string, number>();
  for (const c of body) counts.set(c, (counts.get(c) ?? 0) + 1);
  if (counts.size < MIN_DISTINCT || Math.max(...counts.values()) > body.length * MAX_SHARE_OF_ONE_CHARACTER) {
    return `uses too few different characters to be random (${advice})`;
  }
  for (let period = 1; period <= body.length / 2; period++) {
    if (body.slice(period) === body.slice(0, body.length - period)) return `repeats a pattern, so it is not random (${advice})`;
  }
  return undefined;
}
