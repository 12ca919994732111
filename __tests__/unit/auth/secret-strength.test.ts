import { randomBytes, randomInt } from 'node:crypto';
import { secretWeakness } from '@/lib/auth/secret-strength';

describe('secretWeakness', () => {
  it.each([
    ['base64 of 32 random bytes', () => randomBytes(32).toString('base64')],
    ['base64url of 32 random bytes', () => randomBytes(32).toString('base64url')],
    ['hex of 32 random bytes', () => randomBytes(32).toString('hex')],
    ['40 random printable characters', () => Array.from({ length: 40 }, () => String.fromCharCode(randomInt(33, 127))).join('')],
  ])('takes %s', (_, make) => {
    for (let i = 0; i < 200; i++) expect(secretWeakness(make())).toBeUndefined();
  });

  it.each([
    ['one character repeated', 'a'.repeat(64), 'too few different characters'],
    ['a short alphabet', 'abab'.repeat(16), 'too few different characters'],
    ['a repeated pattern', 'abcdefghijkl'.repeat(6), 'repeats a pattern'],
    ['32 characters of hex (128 bits)', randomBytes(16).toString('hex'), 'too short'],
    ['the old minimum: 32 base64 characters (192 bits)', randomBytes(24).toString('base64'), 'too short'],
    ['a passphrase', 'correct horse battery staple', 'too short'],
  ])('refuses %s', (_, secret, why) => {
    expect(secretWeakness(secret)).toContain(why);
  });

  it('never repeats the secret in its answer', () => {
    const secret = 'x'.repeat(80);
    expect(secretWeakness(secret)).not.toContain(secret.slice(0, 8));
  });
});
