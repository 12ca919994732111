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
    // The security review's examples that the first version took.
    ['the alphabet', 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQ', 'consecutive or keyboard-row'],
    ['keyboard rows', 'qwertyuiopasdfghjklzxcvbnmQWERTYUIOPASDFGHJKL', 'consecutive or keyboard-row'],
    ['a repeated password', 'Password123!Password123!Password123!Pass12', 'repeats a pattern'],
    ['seasons', 'Summer2024!Winter2024!Spring2024!Autumn2024!', 'repeats a pattern'],
    ['a pattern repeated less than twice', 'ice-portal-dev-secret-ice-portal-dev-secret', 'repeats a pattern'],
    ['base64 of a sentence', Buffer.from('this is the auth secret for the portal').toString('base64'), 'readable text'],
    ['hex of a sentence', Buffer.from('this is the auth secret for the portal!').toString('hex'), 'repeats a pattern'],
    ['a development value', 'x9-ice-portal-dev-Q7zK2mP4vR8tW1yB5nC3hJ6gF0dL', 'well-known example'],
  ])('refuses %s', (_, secret, why) => {
    expect(secretWeakness(secret)).toContain(why);
  });

  it('never repeats the secret in its answer', () => {
    const secret = 'x'.repeat(80);
    expect(secretWeakness(secret)).not.toContain(secret.slice(0, 8));
  });
});
