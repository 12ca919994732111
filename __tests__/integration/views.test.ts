import { randomBytes } from 'node:crypto';
import { startEmulatorProcess, type EmulatorProcess } from '@/harness/emulator-process';
import { signInThrough, startFakeIdp } from '@/harness/fake-idp';
import type { PortalProcess } from '@/harness/portal-process';
import { startOidcPortalAgainst } from '@/harness/portal-stack';
import { startRedisProcess, type RedisProcess } from '@/harness/redis-process';

// Saved views through /api/views on two portals sharing one real redis-server: what one instance saves
// the other lists, renames and deletes; each person sees and changes only their own; bad or oversized
// input is a 400 naming the field; at most 50 a person; a write from another site is refused.

const CLIENT_ID = 'views-test';
const AUTH_SECRET = randomBytes(32).toString('base64url');
let emulator: EmulatorProcess;
let redis: RedisProcess;
let idp: Awaited<ReturnType<typeof startFakeIdp>>;
let a: PortalProcess;
let b: PortalProcess;
let ann: string;
let ben: string;

beforeAll(async () => {
  [emulator, redis, idp] = await Promise.all([startEmulatorProcess(['--jobs', '50', '--seed', '9']), startRedisProcess(), startFakeIdp(CLIENT_ID)]);
  const portal = () => startOidcPortalAgainst(emulator.url, idp, { AUTH_SECRET, AUTH_RATE_LIMIT_PER_MINUTE: '100000', REDIS_URL: redis.url });
  [a, b] = await Promise.all([portal(), portal()]);
  const signIn = (sub: string) => signInThrough(a.url, idp, (claims) => ({ ...claims, sub, email: `${sub}@example.com` }));
  ann = await signIn('ann');
  ben = await signIn('ben');
});

afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop()]);
  await Promise.all([redis?.stop(), emulator?.stop(), idp?.close()]);
});

interface View {
  Id: string;
  Name: string;
  Url: string;
}

/** A call as the portal's own page makes it: the session cookie and, for a write, the portal's Origin. */
function call(portal: PortalProcess, cookie: string, method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  return fetch(`${portal.url}${path}`, {
    method,
    headers: { cookie, ...(method === 'GET' ? {} : { origin: portal.url }), ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
}
const listOf = async (portal: PortalProcess, cookie: string) => ((await (await call(portal, cookie, 'GET', '/api/views')).json()) as { Views: View[] }).Views;

it('saves a view on one instance that the other lists, renames and deletes', async () => {
  const created = await call(a, ann, 'POST', '/api/views', { Name: 'Failed today', Url: '/jobs?Status=Fail&Since=24h&NextPageToken=abc&Select=x1&Columns=-media' });
  expect(created.status).toBe(201);
  const { View } = (await created.json()) as { View: View };
  // Paging and a selection are no part of a view; the filters, the window and the columns are.
  expect(View).toMatchObject({ Name: 'Failed today', Url: '/jobs?Status=Fail&Since=24h&Columns=-media' });
  expect(await listOf(b, ann)).toEqual([expect.objectContaining({ Id: View.Id, Name: 'Failed today' })]);

  const renamed = await call(b, ann, 'PATCH', `/api/views/${View.Id}`, { Name: '  Failed in the last day  ' });
  expect(renamed.status).toBe(200);
  expect(await listOf(a, ann)).toEqual([expect.objectContaining({ Id: View.Id, Name: 'Failed in the last day' })]);

  expect((await call(a, ann, 'DELETE', `/api/views/${View.Id}`)).status).toBe(204);
  expect(await listOf(b, ann)).toEqual([]);
  expect((await call(b, ann, 'DELETE', `/api/views/${View.Id}`)).status).toBe(404);
});

it('keeps each person’s views their own: another’s is not listed, and cannot be renamed or deleted', async () => {
  const { View } = (await (await call(a, ann, 'POST', '/api/views', { Name: 'Mine', Url: '/jobs' })).json()) as { View: View };
  expect((await listOf(a, ben)).map((view) => view.Id)).not.toContain(View.Id);
  for (const [method, body] of [['PATCH', { Name: 'Taken' }], ['DELETE', undefined]] as const) {
    const refused = await call(b, ben, method, `/api/views/${View.Id}`, body);
    expect(refused.status).toBe(404);
    expect(await refused.json()).toMatchObject({ error: { code: 'view_not_found' } });
  }
  expect(await listOf(b, ann)).toEqual([expect.objectContaining({ Id: View.Id, Name: 'Mine' })]);
  await call(a, ann, 'DELETE', `/api/views/${View.Id}`);
});

it.each<[string, string, unknown]>([
  ['an empty name', 'Name', { Name: '   ', Url: '/jobs' }],
  ['a name of 81 characters', 'Name', { Name: 'x'.repeat(81), Url: '/jobs' }],
  ['a name that is not text', 'Name', { Name: 42, Url: '/jobs' }],
  ['an address elsewhere', 'Url', { Name: 'Off site', Url: 'https://example.com/jobs' }],
  ['an address of another page', 'Url', { Name: 'Job', Url: '/jobs/abc' }],
  ['a filter the list refuses', 'Url', { Name: 'Odd', Url: '/jobs?Status=Nope' }],
  ['an address of 2,001 characters', 'Url', { Name: 'Long', Url: `/jobs?Search=${'x'.repeat(1988)}` }],
  ['a field a view does not have', 'Owner', { Name: 'Extra', Url: '/jobs', Owner: 'ben' }],
  ['no object at all', 'body', []],
])('refuses %s with a 400 naming %s', async (_, field, body) => {
  const refused = await call(a, ann, 'POST', '/api/views', body);
  expect(refused.status).toBe(400);
  expect(await refused.json()).toMatchObject({ error: { code: 'invalid_input', field } });
});

it('refuses a body that is not JSON, or too large, naming body', async () => {
  for (const [body, headers] of [
    ['Name=x&Url=/jobs', { 'content-type': 'application/x-www-form-urlencoded' }],
    ['{"Name": ', {}],
    [JSON.stringify({ Name: 'x', Url: '/jobs', Pad: 'x'.repeat(20_000) }), {}],
  ] as const) {
    const refused = await call(a, ann, 'POST', '/api/views', body, headers);
    expect(refused.status).toBe(400);
    expect(await refused.json()).toMatchObject({ error: { field: 'body' } });
  }
});

it('refuses a write that does not come from the portal’s own pages', async () => {
  for (const origin of [undefined, 'https://evil.example']) {
    const refused = await fetch(`${a.url}/api/views`, {
      method: 'POST',
      headers: { cookie: ann, 'content-type': 'application/json', ...(origin ? { origin } : {}) },
      body: JSON.stringify({ Name: 'Forged', Url: '/jobs' }),
    });
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({ error: { code: 'cross_origin' } });
  }
  expect((await listOf(a, ann)).map((view) => view.Name)).not.toContain('Forged');
  expect((await fetch(`${a.url}/api/views`)).status).toBe(401);
});

it('keeps at most 50 views a person, on both instances together', async () => {
  const existing = (await listOf(a, ben)).length;
  for (let i = existing; i < 50; i++) {
    expect((await call(i % 2 ? a : b, ben, 'POST', '/api/views', { Name: `View ${i}`, Url: `/jobs?Search=v${i}` })).status).toBe(201);
  }
  const refused = await call(b, ben, 'POST', '/api/views', { Name: 'One too many', Url: '/jobs' });
  expect(refused.status).toBe(409);
  expect(await refused.json()).toMatchObject({ error: { code: 'too_many_views', params: { max: 50 } } });
  expect(await listOf(a, ben)).toHaveLength(50);
  // Renaming one of the fifty is not a fifty-first.
  const [first] = await listOf(a, ben);
  expect((await call(a, ben, 'PATCH', `/api/views/${first!.Id}`, { Name: 'Renamed at the limit' })).status).toBe(200);
});
