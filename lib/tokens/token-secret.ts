import 'server-only';
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { TOKEN_PREFIX } from './token-limits';

// A token's text: `icep_<id>_<secret>`, the id 16 hex characters (what lists, audit lines and revoking
// name), the secret 32 random bytes in base64url. Only an HMAC-SHA256 of the secret is kept. A slow
// password hash (bcrypt, scrypt) guards guessable secrets against a stolen database; 256 random bits
// cannot be guessed however fast the hash, so a fast keyed one costs microseconds on every API call
// and still gives a stolen store nothing to test guesses against without the key.

const TOKEN_TEXT = new RegExp(`^${TOKEN_PREFIX}([0-9a-f]{16})_([A-Za-z0-9_-]{43})$`);

export interface TokenText {
  id: string;
  secret: string;
}

export function mintToken(): TokenText & { text: string } {
  const id = randomBytes(8).toString('hex');
  const secret = randomBytes(32).toString('base64url');
  return { id, secret, text: `${TOKEN_PREFIX}${id}_${secret}` };
}

/** The id and secret of a token's text, or undefined when it does not read as one. */
export function parseToken(text: string): TokenText | undefined {
  const match = TOKEN_TEXT.exec(text);
  return match ? { id: match[1]!, secret: match[2]! } : undefined;
}

export const hashSecret = (key: Buffer, secret: string) => createHmac('sha256', key).update(secret).digest('base64url');

export function secretMatches(key: Buffer, secret: string, storedHash: string): boolean {
  const given = Buffer.from(hashSecret(key, secret));
  const stored = Buffer.from(storedHash);
  return given.length === stored.length && timingSafeEqual(given, stored);
}
