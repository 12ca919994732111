import { cookieNameFor } from '@/lib/auth/cookie-names';

describe('cookieNameFor', () => {
  it('pins cookies to the origin with __Host- on https, and uses plain names on http', () => {
    expect(cookieNameFor('session', true)).toBe('__Host-ice-portal-session');
    expect(cookieNameFor('login', true)).toBe('__Host-ice-portal-login');
    expect(cookieNameFor('session', false)).toBe('ice-portal-session');
  });
});
