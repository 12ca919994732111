// Whether AUTH_SECRET plausibly carries 256 bits (32 random bytes): every cookie's key is derived
// from it, so a guessable one lets anyone forge a session. This is a heuristic: nobody can measure a
// string's true entropy, and a hash of a word passes it. It refuses what is certainly too weak and
// takes what `openssl rand` prints. Each case refused:
// - too short for its alphabet (hex 4 bits a character, base64 6, other printable ASCII 6.5);
// - one character or a few repeated, or repeated pieces ("Password1!Password1!", "Summer2024!Winter2024!");
// - walks along the alphabet or a keyboard row ("abcdef…", "qwerty…", "123456…");
// - base64 of readable text rather than of random bytes;
// - the example and development values this repository prints.

const REQUIRED_BITS = 256;
/** Random 43-character base64 has ~31 distinct characters and 64-character hex ~16; 10 is far below both. */
const MIN_DISTINCT = 10;
/** Random strings of this kind have no character above ~15% of the string; a quarter is not random. */
const MAX_SHARE_OF_ONE_CHARACTER = 0.25;
/**
 * Share of 4-character pieces that already occurred earlier in the string. Random 43-character base64
 * or 64-character hex stays under 0.05 (60,000 samples); a secret built of repeated words is far above.
 */
const MAX_REPEATED_SHARE = 0.1;
/** Random hex has about 14% such neighbours, random base64 about 4%; "abcdef…" or "qwerty…" nearly all. */
const MAX_SEQUENCE_SHARE = 0.4;
const SEQUENCES = ['abcdefghijklmnopqrstuvwxyz', '0123456789', 'qwertyuiop', 'asdfghjkl', 'zxcvbnm', '1234567890'];
const KNOWN_VALUES = ['ice-portal-dev', 'emulator-demo-key', 'openssl rand', 'changeme', 'password', 'secret'];

const advice = 'use 32 random bytes, e.g. openssl rand -base64 32';

function bitsPerCharacter(secret: string): number {
  if (/^[0-9a-fA-F]+$/.test(secret)) return 4;
  if (/^[A-Za-z0-9+/_-]+$/.test(secret)) return 6;
  return Math.log2(94); // any printable ASCII
}

function repeatedShare(secret: string, size = 4): number {
  const seen = new Set<string>();
  let repeated = 0;
  for (let i = 0; i + size <= secret.length; i++) {
    const piece = secret.slice(i, i + size);
    if (seen.has(piece)) repeated += 1;
    seen.add(piece);
  }
  return repeated / Math.max(1, secret.length - size + 1);
}

/** Share of neighbouring characters that are also neighbours in the alphabet or on a keyboard row. */
function sequenceShare(secret: string): number {
  const lower = secret.toLowerCase();
  let along = 0;
  for (let i = 0; i + 1 < lower.length; i++) {
    const pair = lower.slice(i, i + 2);
    const reversed = `${pair[1]}${pair[0]}`;
    if (SEQUENCES.some((line) => line.includes(pair) || line.includes(reversed))) along += 1;
  }
  return along / Math.max(1, lower.length - 1);
}

/** Base64 that decodes to readable text: an encoded sentence, not random bytes. (Hex of text repeats.) */
function encodesText(body: string): boolean {
  if (!/^[A-Za-z0-9+/_-]+$/.test(body)) return false;
  const bytes = Buffer.from(body, 'base64');
  const printable = bytes.filter((b) => b >= 0x20 && b < 0x7f).length;
  return bytes.length >= 16 && printable / bytes.length > 0.9;
}

/** Why the secret is too weak, in words an operator can act on (never repeating it), or undefined. */
export function secretWeakness(secret: string): string | undefined {
  // Base64 padding carries nothing; anywhere else an "=" is a character like any other.
  const body = /^[A-Za-z0-9+/_-]+=+$/.test(secret) ? secret.replace(/=+$/, '') : secret;
  const bits = Math.floor(body.length * bitsPerCharacter(body));
  if (bits < REQUIRED_BITS) return `is too short: about ${bits} bits where ${REQUIRED_BITS} are needed (${advice})`;
  const counts = new Map<string, number>();
  for (const c of body) counts.set(c, (counts.get(c) ?? 0) + 1);
  if (counts.size < MIN_DISTINCT || Math.max(...counts.values()) > body.length * MAX_SHARE_OF_ONE_CHARACTER) {
    return `uses too few different characters to be random (${advice})`;
  }
  if (repeatedShare(body) > MAX_REPEATED_SHARE) return `repeats a pattern, so it is not random (${advice})`;
  if (sequenceShare(body) > MAX_SEQUENCE_SHARE) return `contains a run of consecutive or keyboard-row characters, so it is not random (${advice})`;
  if (KNOWN_VALUES.some((known) => body.toLowerCase().includes(known))) return `contains a well-known example value (${advice})`;
  if (encodesText(body)) return `encodes readable text rather than random bytes (${advice})`;
  return undefined;
}
