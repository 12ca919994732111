import { checkAccess, identityFromClaims } from '@/lib/auth/access';

const rules = (domains: string[], groups: string[]) => ({ AUTH_ALLOWED_EMAIL_DOMAINS: domains, AUTH_ALLOWED_GROUPS: groups, AUTH_GROUPS_CLAIM: 'roles' });

describe('checkAccess', () => {
  const alice = identityFromClaims({ sub: 'a', email: 'Alice@Example.com', email_verified: true, roles: ['Media-Team'] }, rules([], []));

  it('lets anyone in when no list is set', () => {
    expect(checkAccess(alice, rules([], []))).toBeUndefined();
  });

  it('checks the domain of a verified email, case-insensitively', () => {
    expect(checkAccess(alice, rules(['example.com'], []))).toBeUndefined();
    expect(checkAccess(alice, rules(['other.test'], []))).toBe('domain');
    expect(checkAccess({ ...alice, emailVerified: false }, rules(['example.com'], []))).toBe('email_unverified');
    expect(checkAccess({ ...alice, email: undefined }, rules(['example.com'], []))).toBe('no_email');
  });

  it('reads groups from the configured claim', () => {
    expect(alice.groups).toEqual(['Media-Team']);
    expect(checkAccess(alice, rules([], ['media-team']))).toBeUndefined();
    expect(checkAccess(alice, rules([], ['admins']))).toBe('group');
  });

  it('does not take a look-alike domain', () => {
    const mallory = identityFromClaims({ sub: 'm', email: 'mallory@example.com.evil.test', email_verified: true }, rules([], []));
    expect(checkAccess(mallory, rules(['example.com'], []))).toBe('domain');
  });
});
