import { seal, unseal } from '@/lib/auth/sealed-cookie';

const SECRET = 'a-test-secret-that-is-long-enough-0123456789';

describe('sealed cookies', () => {
  it('opens what it sealed, for the same purpose, before expiry', () => {
    const value = seal({ sub: 'alice' }, SECRET, 'session', 60_000);
    expect(unseal<{ sub: string }>(value, SECRET, 'session')).toMatchObject({ sub: 'alice' });
  });

  it('hides the payload from whoever holds the cookie', () => {
    expect(seal({ email: 'alice@example.com' }, SECRET, 'session', 60_000)).not.toContain('alice');
    expect(Buffer.from(seal({ email: 'alice@example.com' }, SECRET, 'session', 60_000).split('.')[2]!, 'base64url').toString()).not.toContain('alice');
  });

  it('refuses an altered, expired, foreign-key or other-purpose value', () => {
    const value = seal({ sub: 'alice' }, SECRET, 'session', 60_000);
    const parts = value.split('.');
    const body = parts[2]!;
    const flipped = [parts[0], parts[1], (body[0] === 'A' ? 'B' : 'A') + body.slice(1), parts[3]].join('.');
    expect(unseal(flipped, SECRET, 'session')).toBeUndefined();
    expect(unseal(seal({ sub: 'alice' }, SECRET, 'session', -1), SECRET, 'session')).toBeUndefined();
    expect(unseal(value, `${SECRET}-other`, 'session')).toBeUndefined();
    expect(unseal(seal({ sub: 'alice' }, SECRET, 'login', 60_000), SECRET, 'session')).toBeUndefined();
    expect(unseal('garbage', SECRET, 'session')).toBeUndefined();
    expect(unseal(undefined, SECRET, 'session')).toBeUndefined();
  });
});
