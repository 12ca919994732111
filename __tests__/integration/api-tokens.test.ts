import { randomBytes } from 'node:crypto';
import Redis from 'ioredis';
import { readStats, resetStats } from '@/harness/emulator-control';
import { startEmulatorProcess, type EmulatorProcess } from '@/harness/emulator-process';
import { signInThrough, startFakeIdp } from '@/harness/fake-idp';
import type { PortalProcess } from '@/harness/portal-process';
import { startOidcPortalAgainst } from '@/harness/portal-stack';
import { startRedisProcess, type RedisProcess } from '@/harness/redis-process';

// Personal API tokens against real processes: two portals sharing one redis-server (what one makes the
// other honours, what one revokes the other refuses at once), a third with its own memory store and a
// small rate budget, a fourth with tokens turned off. Every refusal is checked to cost no ICE call.

const AUTH_SECRET = randomBytes(32).toString('base64url');
const TOKEN_TEXT = /^icep_[0-9a-f]{16}_[A-Za-z0-9_-]{43}$/;
let emulator: EmulatorProcess;
let redis: RedisProcess;
let raw: Redis;
let idp: Awaited<ReturnType<typeof startFakeIdp>>;
let a: PortalProcess;
let b: PortalProcess;
let small: PortalProcess;
let off: PortalProcess;
let ann: string;
let ben: string;
let boss: string;

beforeAll(async () => {
  [emulator, redis, idp] = await Promise.all([startEmulatorProcess(['--jobs', '60', '--seed', '31']), startRedisProcess(), startFakeIdp('tokens-test')]);
  raw = new Redis(redis.url);
  const shared = { AUTH_SECRET, REDIS_URL: redis.url, AUTH_RATE_LIMIT_PER_MINUTE: '100000', API_TOKEN_MAX_DAYS: '30', API_TOKEN_ADMIN_GROUPS: 'Portal-Admins' };
  [a, b, small, off] = await Promise.all([
    startOidcPortalAgainst(emulator.url, idp, shared),
    startOidcPortalAgainst(emulator.url, idp, shared),
    startOidcPortalAgainst(emulator.url, idp, { AUTH_RATE_LIMIT_PER_MINUTE: '5' }),
    startOidcPortalAgainst(emulator.url, idp, { API_TOKENS: 'off' }),
  ]);
  const signIn = (portal: PortalProcess, sub: string, groups: string[] = []) =>
    signInThrough(portal.url, idp, (claims) => ({ ...claims, sub, email: `${sub}@example.com`, groups }));
  [ann, ben, boss] = [await signIn(a, 'ann'), await signIn(a, 'ben'), await signIn(a, 'boss', ['portal-admins'])];
});

afterAll(async () => {
  raw?.disconnect();
  await Promise.all([a, b, small, off].map((portal) => portal?.stop()));
  await Promise.all([redis?.stop(), emulator?.stop(), idp?.close()]);
});

interface TokenInfo {
  Id: string;
  Name: string;
  Scope: string;
  CreatedAt: string;
  ExpiresAt: string;
  LastUsedAt?: string;
  Owner: string;
}

/** A call as the portal's own page makes it: the session cookie and, for a write, the portal's Origin. */
function asBrowser(portal: PortalProcess, cookie: string, method: string, path: string, body?: unknown) {
  return fetch(`${portal.url}${path}`, {
    method,
    headers: { cookie, ...(method === 'GET' ? {} : { origin: portal.url }), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

/** A call as a script makes it: the token and nothing else. */
const asScript = (portal: PortalProcess, token: string, path = '/api/jobs?PageSize=5', init: RequestInit = {}) =>
  fetch(`${portal.url}${path}`, { ...init, headers: { authorization: `Bearer ${token}`, ...init.headers } });

async function makeToken(portal: PortalProcess, cookie: string, body: Record<string, unknown> = { Name: 'nightly report', ExpiresInDays: 7 }) {
  const response = await asBrowser(portal, cookie, 'POST', '/api/tokens', body);
  expect(response.status).toBe(201);
  return (await response.json()) as { Token: TokenInfo; Secret: string };
}

const tokensOf = async (portal: PortalProcess, cookie: string, query = '') =>
  ((await (await asBrowser(portal, cookie, 'GET', `/api/tokens${query}`)).json()) as { Tokens: TokenInfo[] }).Tokens;

/** The refusal's status and error, and how many ICE calls it cost. */
async function refusal(request: () => Promise<Response>) {
  await resetStats(emulator.url);
  const response = await request();
  const body = (await response.json()) as { error: { code: string; params?: Record<string, unknown> } };
  return { status: response.status, error: body.error, iceCalls: (await readStats(emulator.url)).requests };
}

it('makes a token on one instance that a script uses on the other, and lists it with when it was last used', async () => {
  const { Token, Secret } = await makeToken(a, ann);
  expect(Secret).toMatch(TOKEN_TEXT);
  expect(Secret).toContain(Token.Id);
  expect(Token).toMatchObject({ Name: 'nightly report', Scope: 'read', Owner: 'ann@example.com' });
  expect(Date.parse(Token.ExpiresAt) - Date.parse(Token.CreatedAt)).toBe(7 * 86_400_000);

  const jobs = await asScript(b, Secret);
  expect(jobs.status).toBe(200);
  expect(((await jobs.json()) as { Jobs: unknown[] }).Jobs).toHaveLength(5);
  const job = await asScript(b, Secret, `/api/jobs/${((await (await asScript(a, Secret)).json()) as { Jobs: { JobId: string }[] }).Jobs[0]!.JobId}`);
  expect(job.status).toBe(200);

  // Last used is written beside the request, not before its answer.
  let listed: TokenInfo | undefined;
  for (let tries = 0; tries < 50 && !listed?.LastUsedAt; tries++) {
    listed = (await tokensOf(a, ann)).find((token) => token.Id === Token.Id);
    if (!listed?.LastUsedAt) await new Promise((resolve) => setTimeout(resolve, 100));
  }
  expect(listed).toMatchObject({ Id: Token.Id, Name: 'nightly report' });
  expect(Date.parse(listed!.LastUsedAt!)).toBeGreaterThanOrEqual(Date.parse(Token.CreatedAt));
  // Nobody else sees it.
  expect((await tokensOf(a, ben)).map((token) => token.Id)).not.toContain(Token.Id);

  // The list never carries the secret, and the store holds only a hash of it.
  const listedText = await (await asBrowser(b, ann, 'GET', '/api/tokens')).text();
  const secretPart = Secret.split('_').slice(2).join('_');
  expect(listedText).not.toContain(secretPart);
  const keys = await raw.keys('*api-token*');
  expect(keys.length).toBeGreaterThan(0);
  for (const key of keys) expect(JSON.stringify(await raw.hgetall(key))).not.toContain(secretPart);
});

it('refuses a revoked token at once on the other instance, without calling ICE', async () => {
  const { Token, Secret } = await makeToken(a, ann, { Name: 'short-lived', ExpiresInDays: 1 });
  expect((await asScript(b, Secret)).status).toBe(200);
  expect((await asBrowser(a, ann, 'DELETE', `/api/tokens/${Token.Id}`)).status).toBe(204);
  expect(await refusal(() => asScript(b, Secret))).toEqual({ status: 401, error: expect.objectContaining({ code: 'token_invalid', params: { reason: 'unknown' } }), iceCalls: 0 });
  expect((await tokensOf(b, ann)).map((token) => token.Id)).not.toContain(Token.Id);
  // Revoking it again, or another person's, is a 404.
  expect((await asBrowser(b, ann, 'DELETE', `/api/tokens/${Token.Id}`)).status).toBe(404);
  const bens = await makeToken(a, ben, { Name: 'ben’s', ExpiresInDays: 1 });
  expect((await asBrowser(a, ann, 'DELETE', `/api/tokens/${bens.Token.Id}`)).status).toBe(404);
  expect((await asScript(a, bens.Secret)).status).toBe(200);
});

it('refuses an expired, unknown or malformed token with a 401 that says which, without calling ICE', async () => {
  const { Token, Secret } = await makeToken(a, ann, { Name: 'expiring', ExpiresInDays: 1 });
  // A day passes: the record's expiry moved into the past, as time would move it.
  let moved = 0;
  for (const owner of await raw.keys('*api-tokens:*')) {
    const record = await raw.hget(owner, Token.Id);
    if (!record) continue;
    await raw.hset(owner, Token.Id, JSON.stringify({ ...JSON.parse(record), ExpiresAt: new Date(Date.now() - 1000).toISOString() }));
    moved += 1;
  }
  expect(moved).toBe(1);
  expect(await refusal(() => asScript(b, Secret))).toEqual({ status: 401, error: expect.objectContaining({ code: 'token_invalid', params: { reason: 'expired' } }), iceCalls: 0 });
  // Still listed, so its owner sees why the script stopped.
  expect((await tokensOf(a, ann)).find((token) => token.Id === Token.Id)).toBeDefined();

  const unknown = `icep_${randomBytes(8).toString('hex')}_${randomBytes(32).toString('base64url')}`;
  expect(await refusal(() => asScript(a, unknown))).toEqual({ status: 401, error: expect.objectContaining({ params: { reason: 'unknown' } }), iceCalls: 0 });
  // The right id with a wrong secret is as unknown as a made-up one.
  expect(await refusal(() => asScript(a, `${Secret.slice(0, 22)}${randomBytes(32).toString('base64url')}`))).toMatchObject({ status: 401, error: { params: { reason: 'unknown' } }, iceCalls: 0 });
  for (const bad of ['not-a-token', 'icep_123', `${Secret}x`]) {
    expect(await refusal(() => asScript(a, bad))).toEqual({ status: 401, error: expect.objectContaining({ params: { reason: 'malformed' } }), iceCalls: 0 });
  }
});

it('takes a token on /api only: a page, token management and a write are refused', async () => {
  const { Secret } = await makeToken(a, ann, { Name: 'scoped', ExpiresInDays: 2 });
  const page = await asScript(a, Secret, '/jobs', { redirect: 'manual' });
  expect(page.status).toBe(401);
  expect(await page.json()).toMatchObject({ error: { code: 'token_not_accepted', params: { where: 'page' } } });

  for (const [method, path] of [
    ['GET', '/api/tokens'],
    ['POST', '/api/tokens'],
    ['DELETE', '/api/tokens/0123456789abcdef'],
  ] as const) {
    const refused = await asScript(a, Secret, path, { method, headers: { 'content-type': 'application/json' }, ...(method === 'POST' ? { body: '{"Name":"x","ExpiresInDays":1}' } : {}) });
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({ error: { code: 'token_not_accepted', params: { where: 'tokens' } } });
  }
  // A read token may not change anything, even where a session may.
  const write = await asScript(a, Secret, '/api/views', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ Name: 'x', Url: '/jobs' }) });
  expect(write.status).toBe(403);
  expect(await write.json()).toMatchObject({ error: { code: 'token_scope', params: { scope: 'read' } } });
  // ...while it reads the same person's views.
  expect((await asScript(a, Secret, '/api/views')).status).toBe(200);
  // A token works only from the Authorization header: as a cookie it is no credential at all.
  expect((await fetch(`${a.url}/api/jobs`, { headers: { cookie: `token=${Secret}` } })).status).toBe(401);
});

it('names the token in every audit line, never its secret', async () => {
  const { Token, Secret } = await makeToken(a, ann, { Name: 'audited', ExpiresInDays: 3 });
  await asScript(b, Secret, '/api/jobs?PageSize=2&Status=Success');
  const secretPart = Secret.split('_').slice(2).join('_');
  await asScript(b, `icep_${Token.Id}_${'A'.repeat(43)}`);
  // Log lines are written after the answer, off the request's path: wait for both.
  const auditLines = () =>
    b
      .output()
      .split('\n')
      .filter((line) => line.includes('"audit"') && line.includes(Token.Id))
      .map((line) => JSON.parse(line) as Record<string, unknown>);
  for (let tries = 0; tries < 50 && auditLines().length < 2; tries++) await new Promise((resolve) => setTimeout(resolve, 100));
  expect(auditLines()).toEqual(
    expect.arrayContaining([
      expect.objectContaining({ user: 'ann@example.com', token: Token.Id, status: 200, params: { PageSize: '2', Status: 'Success' } }),
      expect.objectContaining({ user: null, token: Token.Id, status: 401, refused: 'token_unknown' }),
    ]),
  );
  expect(b.output()).not.toContain(secretPart);
  expect(a.output()).not.toContain(secretPart);
});

it('checks what a token is made with, and keeps at most 20 live tokens a person', async () => {
  const cases: [Record<string, unknown>, string, Record<string, unknown>][] = [
    [{ Name: '  ', ExpiresInDays: 7 }, 'Name', {}],
    [{ Name: 'long', ExpiresInDays: 31 }, 'ExpiresInDays', { reason: 'whole_number', min: 1, max: 30 }],
    [{ Name: 'fraction', ExpiresInDays: 1.5 }, 'ExpiresInDays', { reason: 'whole_number' }],
    [{ Name: 'writer', ExpiresInDays: 7, Scope: 'write' }, 'Scope', { reason: 'one_of', allowed: 'read, submit' }],
    [{ Name: 'extra', ExpiresInDays: 7, Secret: 'mine' }, 'Secret', {}],
  ];
  for (const [body, field, params] of cases) {
    const response = await asBrowser(a, ben, 'POST', '/api/tokens', body);
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { code: 'invalid_input', field, params } });
  }
  // No AUTH_SUBMIT_GROUPS here: nobody may submit, so nobody gets a token that would.
  const submitToken = await asBrowser(a, ben, 'POST', '/api/tokens', { Name: 'submitter', ExpiresInDays: 7, Scope: 'submit' });
  expect(submitToken.status).toBe(403);
  expect(await submitToken.json()).toMatchObject({ error: { code: 'submit_forbidden' } });

  const cal = await signInThrough(a.url, idp, (claims) => ({ ...claims, sub: 'cal', email: 'cal@example.com' }));
  for (let made = 0; made < 20; made++) await makeToken(a, cal, { Name: `token ${made}`, ExpiresInDays: 1 });
  const oneMore = await asBrowser(b, cal, 'POST', '/api/tokens', { Name: 'one too many', ExpiresInDays: 1 });
  expect(oneMore.status).toBe(409);
  expect(await oneMore.json()).toMatchObject({ error: { code: 'too_many_tokens', params: { max: 20 } } });
  const [first] = await tokensOf(a, cal);
  expect((await asBrowser(a, cal, 'DELETE', `/api/tokens/${first!.Id}`)).status).toBe(204);
  await makeToken(b, cal, { Name: 'room again', ExpiresInDays: 1 });
});

it('lets API_TOKEN_ADMIN_GROUPS list and revoke anyone’s tokens, and nobody else', async () => {
  const { Token, Secret } = await makeToken(a, ben, { Name: 'ben’s script', ExpiresInDays: 5 });
  const refused = await asBrowser(a, ann, 'GET', '/api/tokens?All=true');
  expect(refused.status).toBe(403);
  const everyone = await tokensOf(b, boss, '?All=true');
  expect(everyone).toEqual(expect.arrayContaining([expect.objectContaining({ Id: Token.Id, Owner: 'ben@example.com' })]));
  expect(new Set(everyone.map((token) => token.Owner))).toEqual(new Set(['ann@example.com', 'ben@example.com', 'cal@example.com']));
  expect((await asBrowser(b, boss, 'DELETE', `/api/tokens/${Token.Id}`)).status).toBe(204);
  expect((await asScript(a, Secret)).status).toBe(401);
});

it('gives a token a rate budget of its own, apart from its owner’s pages and calls', async () => {
  const dee = await signInThrough(small.url, idp, (claims) => ({ ...claims, sub: 'dee', email: 'dee@example.com' }));
  const { Secret } = await makeToken(small, dee, { Name: 'busy script', ExpiresInDays: 1 });
  const statuses: number[] = [];
  for (let call = 0; call < 6; call++) statuses.push((await asScript(small, Secret, '/api/jobs?PageSize=1')).status);
  expect(statuses.slice(0, 5)).toEqual([200, 200, 200, 200, 200]);
  const limited = await asScript(small, Secret);
  expect(limited.status).toBe(429);
  expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
  // The owner's own session still has its budget (creating the token spent one of its five).
  expect((await asBrowser(small, dee, 'GET', '/api/jobs?PageSize=1')).status).toBe(200);
});

it('with API_TOKENS=off makes none and takes none', async () => {
  const eve = await signInThrough(off.url, idp, (claims) => ({ ...claims, sub: 'eve', email: 'eve@example.com' }));
  const listing = await asBrowser(off, eve, 'GET', '/api/tokens');
  expect(listing.status).toBe(404);
  expect(await listing.json()).toMatchObject({ error: { code: 'tokens_off', params: { why: 'off' } } });
  expect((await asBrowser(off, eve, 'POST', '/api/tokens', { Name: 'x', ExpiresInDays: 1 })).status).toBe(404);
  const made = await makeToken(a, ann, { Name: 'elsewhere', ExpiresInDays: 1 });
  expect(await refusal(() => asScript(off, made.Secret))).toEqual({ status: 401, error: expect.objectContaining({ params: { reason: 'off' } }), iceCalls: 0 });
});
