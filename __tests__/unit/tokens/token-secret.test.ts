import { randomBytes } from 'node:crypto';
import { hashSecret, mintToken, parseToken, secretMatches } from '@/lib/tokens/token-secret';

// A token's text and its hash: what a secret scanner sees, what the store keeps, what a call is checked against.

const key = randomBytes(32);

it('mints tokens with the icep_ prefix, an id and 256 random bits, each one different', () => {
  const tokens = Array.from({ length: 200 }, () => mintToken());
  for (const token of tokens) {
    expect(token.text).toMatch(/^icep_[0-9a-f]{16}_[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(token.secret, 'base64url')).toHaveLength(32);
    expect(parseToken(token.text)).toEqual({ id: token.id, secret: token.secret });
  }
  expect(new Set(tokens.map((token) => token.id)).size).toBe(200);
  expect(new Set(tokens.map((token) => token.secret)).size).toBe(200);
});

it('reads only text shaped exactly as a token', () => {
  const { text } = mintToken();
  for (const bad of ['', 'icep_', text.slice(0, -1), `${text}A`, text.replace('icep_', 'ICEP_'), text.replace('icep_', 'ghp_'), ` ${text}`, `${text.slice(0, 21)}-${text.slice(22)}`, `icep_${'g'.repeat(16)}_${'A'.repeat(43)}`]) {
    expect(parseToken(bad)).toBeUndefined();
  }
});

it('keeps a keyed hash that matches only the same secret under the same key', () => {
  const { secret } = mintToken();
  const stored = hashSecret(key, secret);
  expect(stored).not.toContain(secret);
  expect(secretMatches(key, secret, stored)).toBe(true);
  expect(secretMatches(key, mintToken().secret, stored)).toBe(false);
  expect(secretMatches(randomBytes(32), secret, stored)).toBe(false);
  expect(secretMatches(key, secret, stored.slice(1))).toBe(false);
});
