import { ConfigError } from '@/lib/errors';
import { parseTokenConfig } from '@/lib/tokens/config';

// When the portal offers API tokens, and how long they may live.

const oidc = { mode: 'oidc' as const, secret: 'Zq8vW2nR5tY1uI3oP6aS9dF4gH7jK0lX2cV5bN8mQ1w', adminGroups: ['leads'] };

it('offers tokens with a sign-in and a secret, for 90 days at most by default', () => {
  const config = parseTokenConfig({}, oidc);
  expect(config).toMatchObject({ maxDays: 90, adminGroups: ['leads'] });
  expect(config.off).toBeUndefined();
  expect(config.hashKey).toHaveLength(32);
  // Derived, not the secret itself.
  expect(config.hashKey!.toString('base64url')).not.toBe(oidc.secret);
  expect(parseTokenConfig({ API_TOKEN_MAX_DAYS: '30' }, oidc).maxDays).toBe(30);
});

it('says why it offers none: turned off, no sign-in, or no secret to key the hashes', () => {
  expect(parseTokenConfig({ API_TOKENS: 'off' }, oidc)).toMatchObject({ off: 'off' });
  expect(parseTokenConfig({ API_TOKENS: 'off' }, oidc).hashKey).toBeUndefined();
  expect(parseTokenConfig({}, { mode: 'none', adminGroups: [] })).toMatchObject({ off: 'no_sign_in' });
  expect(parseTokenConfig({}, { mode: 'proxy-jwt', adminGroups: [] })).toMatchObject({ off: 'no_secret' });
});

it('refuses to start on a wrong value, naming the variable', () => {
  for (const [env, problem] of [
    [{ API_TOKENS: 'yes' }, 'API_TOKENS must be on or off'],
    [{ API_TOKEN_MAX_DAYS: '0' }, 'API_TOKEN_MAX_DAYS must be a whole number from 1 to 3650'],
    [{ API_TOKEN_MAX_DAYS: '1.5' }, 'API_TOKEN_MAX_DAYS must be a whole number from 1 to 3650'],
  ] as const) {
    expect(() => parseTokenConfig(env, oidc)).toThrow(ConfigError);
    expect(() => parseTokenConfig(env, oidc)).toThrow(problem);
  }
  // Behind a proxy, a secret that keys the hashes is checked as sign-in checks it.
  expect(() => parseTokenConfig({}, { mode: 'proxy-jwt', secret: 'password', adminGroups: [] })).toThrow(/AUTH_SECRET/);
  expect(parseTokenConfig({}, { mode: 'proxy-jwt', secret: oidc.secret, adminGroups: [] }).off).toBeUndefined();
});
