import { ConfigError } from '@/lib/errors';
import { parseStoreConfig } from '@/lib/store/config';

const problems = (env: Record<string, string>) => {
  try {
    parseStoreConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).problems;
  }
  throw new Error('expected a ConfigError');
};

describe('parseStoreConfig', () => {
  it('uses memory without REDIS_URL (or with an empty one)', () => {
    expect(parseStoreConfig({})).toEqual({ kind: 'memory' });
    expect(parseStoreConfig({ REDIS_URL: '' })).toEqual({ kind: 'memory' });
  });

  it('takes redis:// and rediss:// URLs, with the default prefix and timeout', () => {
    expect(parseStoreConfig({ REDIS_URL: 'redis://127.0.0.1:6379' })).toEqual({
      kind: 'redis',
      url: 'redis://127.0.0.1:6379',
      tls: false,
      keyPrefix: 'ice-portal:',
      timeoutMs: 250,
      failClosed: false,
    });
    expect(parseStoreConfig({ REDIS_URL: 'rediss://default:s3cret-pass@eu1-example.upstash.io:6379', REDIS_KEY_PREFIX: 'media:prod:', REDIS_TIMEOUT_MS: '500' })).toMatchObject({
      kind: 'redis',
      keyPrefix: 'media:prod:',
      timeoutMs: 500,
    });
    expect(parseStoreConfig({ REDIS_URL: 'redis://valkey.internal:6379/2' })).toMatchObject({ kind: 'redis' });
  });

  it('asks for TLS with rediss:// in any case, and hands ioredis the scheme in lower case', () => {
    // ioredis turns TLS on only for a lower-case rediss://: REDISS:// used to connect in clear.
    for (const url of ['rediss://:pw@cache.internal:6380/1', 'REDISS://:pw@cache.internal:6380/1', 'Rediss://:pw@cache.internal:6380/1']) {
      expect(parseStoreConfig({ REDIS_URL: url })).toMatchObject({ url: 'rediss://:pw@cache.internal:6380/1', tls: true });
    }
    expect(parseStoreConfig({ REDIS_URL: 'REDIS://cache.internal:6379' })).toMatchObject({ url: 'redis://cache.internal:6379', tls: false });
  });

  it('fails open by default, closed with STORE_FAIL_CLOSED=true', () => {
    expect(parseStoreConfig({ REDIS_URL: 'redis://127.0.0.1:6379', STORE_FAIL_CLOSED: 'true' })).toMatchObject({ failClosed: true });
    expect(parseStoreConfig({ REDIS_URL: 'redis://127.0.0.1:6379', STORE_FAIL_CLOSED: 'false' })).toMatchObject({ failClosed: false });
    expect(problems({ REDIS_URL: 'redis://127.0.0.1:6379', STORE_FAIL_CLOSED: 'yes' })).toEqual(['STORE_FAIL_CLOSED must be true or false']);
  });

  it.each([
    ['http://cache.internal:6379', 'REDIS_URL must be a redis:// or rediss:// (TLS) URL'],
    ['cache.internal:6379', 'REDIS_URL must be a redis:// or rediss:// (TLS) URL'],
    ['redis://:hunter2-secret@cache.internal:6379/not-a-db', 'REDIS_URL may end only with a database number'],
  ])('refuses REDIS_URL=%s with a message that never repeats the value', (url, message) => {
    const found = problems({ REDIS_URL: url });
    expect(found.join('\n')).toContain(message);
    expect(found.join('\n')).not.toContain('cache.internal');
    expect(found.join('\n')).not.toContain('hunter2');
  });

  it('names every other wrong variable', () => {
    expect(problems({ REDIS_URL: 'redis://127.0.0.1:6379', REDIS_KEY_PREFIX: 'has space', REDIS_TIMEOUT_MS: '5' })).toEqual([
      'REDIS_KEY_PREFIX must be 1 to 64 letters, digits or any of : . _ -',
      'REDIS_TIMEOUT_MS must be a whole number of milliseconds from 10 to 10000',
    ]);
  });
});
