import { readdirSync, readFileSync, statSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { randomBytes, randomUUID } from 'node:crypto';
import { DEMO_CREDENTIALS } from '@/emulator/options';
import { seal } from '@/lib/auth/sealed-cookie';
import { popCoreClient, readStats, resetStats } from '@/harness/emulator-control';
import { startEmulatorProcess, type EmulatorProcess } from '@/harness/emulator-process';
import { startFakeIdp } from '@/harness/fake-idp';
import { freePort } from '@/harness/free-port';
import { newSigningKey, nowSeconds, signJwt, unsignedJwt } from '@/harness/jwt';
import type { PortalProcess } from '@/harness/portal-process';
import { startPortalAgainst } from '@/harness/portal-stack';
import { REPO_ROOT } from '@/harness/repo-root';

const CLIENT_ID = 'portal-test-client';
const AUTH_SECRET = randomBytes(32).toString('base64url');

let emulator: EmulatorProcess;
let idp: Awaited<ReturnType<typeof startFakeIdp>>;
let oidcPortal: PortalProcess;
let openPortal: PortalProcess;
let proxyPortal: PortalProcess;
let limitedPortal: PortalProcess;
let jwks: http.Server;
const proxyKey = newSigningKey('proxy-1');
const strangerKey = newSigningKey('proxy-1');

beforeAll(async () => {
  emulator = await startEmulatorProcess(['--jobs', '120', '--seed', '9']);
  idp = await startFakeIdp(CLIENT_ID);
  jwks = http.createServer((_, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ keys: [proxyKey.publicJwk] }));
  });
  await new Promise<void>((resolve) => jwks.listen(0, '127.0.0.1', resolve));
  const oidcPort = await freePort();
  [oidcPortal, openPortal, proxyPortal, limitedPortal] = await Promise.all([
    startPortalAgainst(
      emulator.url,
      {
        AUTH_MODE: 'oidc',
        OIDC_ISSUER: idp.issuer,
        OIDC_CLIENT_ID: CLIENT_ID,
        OIDC_CLIENT_SECRET: 'portal-test-client-secret',
        APP_URL: `http://127.0.0.1:${oidcPort}`,
        AUTH_SECRET,
        AUTH_ALLOWED_EMAIL_DOMAINS: 'example.com',
        AUTH_ALLOWED_GROUPS: 'media-team',
      },
      oidcPort,
    ),
    // No sign-in, a secret ICE refuses, and a tight rate limit.
    startPortalAgainst(emulator.url, { AUTH_MODE: 'none', ALIBABA_CLOUD_ACCESS_KEY_SECRET: 'not-the-right-secret-123', AUTH_RATE_LIMIT_PER_MINUTE: '5' }),
    startPortalAgainst(emulator.url, {
      AUTH_MODE: 'proxy-jwt',
      AUTH_PROXY_JWT_HEADER: 'x-proxy-jwt',
      AUTH_PROXY_JWKS_URL: `http://127.0.0.1:${(jwks.address() as AddressInfo).port}/certs`,
      AUTH_PROXY_ISSUER: 'https://proxy.example.com',
      AUTH_PROXY_AUDIENCE: 'media-portal',
      AUTH_ALLOWED_EMAIL_DOMAINS: 'example.com',
    }),
    // No sign-in, ICE reachable, and a budget of 5 requests a minute for pages and API together.
    startPortalAgainst(emulator.url, { AUTH_MODE: 'none', AUTH_RATE_LIMIT_PER_MINUTE: '5' }),
  ]);
});

afterAll(async () => {
  await Promise.all([oidcPortal?.stop(), openPortal?.stop(), proxyPortal?.stop(), limitedPortal?.stop()]);
  await emulator?.stop();
  await idp?.close();
  jwks?.closeAllConnections();
  jwks?.close();
});

beforeEach(() => resetStats(emulator.url));

const get = (portal: PortalProcess, route: string, headers: Record<string, string> = {}) =>
  fetch(`${portal.url}${route}`, { headers, redirect: 'manual' });

function cookiesOf(res: Response): Record<string, string> {
  return Object.fromEntries(res.headers.getSetCookie().map((c) => c.split(';')[0]!.split(/=(.*)/s).slice(0, 2) as [string, string]));
}

const cookieHeader = (cookies: Record<string, string>) => Object.entries(cookies).map(([k, v]) => `${k}=${v}`).join('; ');

/** One pass through the login: /auth/login, the IdP (whose token the test shapes), /auth/callback. */
async function login(returnTo: string, shape: (claims: Record<string, unknown>) => Record<string, unknown> = (c) => c, state?: string) {
  const start = await get(oidcPortal, `/auth/login?returnTo=${encodeURIComponent(returnTo)}`);
  expect(start.status).toBe(303);
  const authorize = new URL(start.headers.get('location')!);
  expect(authorize.origin).toBe(idp.issuer);
  expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
  await fetch(authorize); // the IdP records the nonce it was sent
  idp.nextIdToken = (nonce) => shape(idp.defaultClaims(nonce));
  const callback = await get(oidcPortal, `/auth/callback?code=one-time-code&state=${state ?? authorize.searchParams.get('state')}`, {
    cookie: cookieHeader(cookiesOf(start)),
  });
  return { callback, cookies: cookiesOf(callback) };
}

const SESSION = 'ice-portal-session';
const session = (claims: object, secret = AUTH_SECRET, purpose = 'session', ttl = 60_000) =>
  `${SESSION}=${seal({ sub: 'alice', email: 'alice@example.com', emailVerified: true, groups: ['media-team'], sid: randomUUID(), seen: Date.now(), ...claims }, secret, purpose, ttl)}`;

describe('without a session', () => {
  it('answers the API with 401 JSON and makes no upstream call', async () => {
    const res = await get(oidcPortal, '/api/jobs?PageSize=5');
    expect(res.status).toBe(401);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('unauthenticated');
    expect((await readStats(emulator.url)).requests).toBe(0);
  });

  it('sends a page to the login with its exact URL', async () => {
    for (const route of ['/jobs?Status=Fail&PageSize=20', '/jobs/ab4802364a2e49208c99efab82df0001']) {
      const res = await get(oidcPortal, route);
      expect(res.status).toBe(307);
      expect(res.headers.get('location')).toBe(`/auth/login?returnTo=${encodeURIComponent(route)}`);
    }
    expect((await readStats(emulator.url)).requests).toBe(0);
  });

  it('gives RSC and prefetch requests no data', async () => {
    const { Jobs } = await popCoreClient(emulator.url).request<{ Jobs: { JobId: string }[] }>('ListMediaInfoJobs', { PageSize: 20 });
    await resetStats(emulator.url);
    const variants: Record<string, string>[] = [{ RSC: '1' }, { RSC: '1', 'Next-Router-Prefetch': '1' }, { 'Next-Router-State-Tree': '%5B%22%22%5D', RSC: '1' }];
    for (const headers of variants) {
      const res = await get(oidcPortal, '/jobs', headers);
      const body = await res.text();
      expect(res.status).not.toBe(200);
      expect(body).not.toMatch(/"JobId"|SubmitTime/);
      for (const job of Jobs) expect(body).not.toContain(job.JobId);
    }
    expect((await readStats(emulator.url)).requests).toBe(0);
  });

  it('is not fooled by middleware-subrequest or other header tricks', async () => {
    const tricks: Record<string, string>[] = [
      { 'x-middleware-subrequest': 'proxy:proxy:proxy:proxy:proxy' },
      { 'x-middleware-subrequest': 'middleware:middleware:middleware:middleware:middleware' },
      { 'x-middleware-subrequest': 'src/middleware:src/middleware:src/middleware:src/middleware:src/middleware' },
      { 'x-portal-return-to': '//evil.example', 'x-forwarded-host': 'evil.example' },
      { 'x-forwarded-for': '127.0.0.1', 'x-real-ip': '127.0.0.1', 'x-proxy-jwt': unsignedJwt({ sub: 'x' }) },
      { authorization: 'Bearer anything', cookie: `${SESSION}=forged` },
    ];
    for (const headers of tricks) {
      expect((await get(oidcPortal, '/api/jobs', headers)).status).toBe(401);
      const page = await get(oidcPortal, '/jobs', headers);
      expect(page.headers.get('location')).toBe('/auth/login?returnTo=%2Fjobs');
    }
    expect((await readStats(emulator.url)).requests).toBe(0);
  });
});

describe('OIDC login', () => {
  it('signs in and comes back to the exact deep link, with a session cookie that works', async () => {
    const deepLink = '/jobs?Status=Fail&PageSize=20&OrderBy=CreateTimeAsc';
    const { callback, cookies } = await login(deepLink);
    expect(callback.status).toBe(303);
    expect(callback.headers.get('location')).toBe(`${oidcPortal.url}${deepLink}`);
    const setCookie = callback.headers.getSetCookie().find((c) => c.startsWith(`${SESSION}=`))!;
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    expect(setCookie).toMatch(/Max-Age=28800/);
    const api = await get(oidcPortal, '/api/jobs?PageSize=2', { cookie: `${SESSION}=${cookies[SESSION]}` });
    expect(api.status).toBe(200);
    expect(await oidcPortal.settledOutput()).toMatch(/"event":"audit","requestId":"[0-9a-f-]{36}","user":"alice@example.com","route":"\/api\/jobs".*"status":200,"iceRequestId":"[0-9A-F-]{36}"/);
  });

  it.each([
    '//evil.example',
    'https://evil.example',
    '/\\evil.example',
    '%2F%2Fevil.example',
    '/%09/evil.example',
    '/..//evil.example/x',
    '/.//evil.example/x',
    '/%2e%2e//evil.example/x',
    '/.%2e//evil.example/x',
    '/jobs/..//evil.example/x',
  ])(
    'never redirects to another origin after login (returnTo=%s)',
    async (payload) => {
      const { callback } = await login(payload);
      expect(new URL(callback.headers.get('location')!).origin).toBe(oidcPortal.url);
    },
  );

  it.each([
    ['a wrong state', (c: Record<string, unknown>) => c, 'not-the-state'],
    ['a wrong nonce', (c: Record<string, unknown>) => ({ ...c, nonce: 'replayed-nonce' }), undefined],
    ['a wrong audience', (c: Record<string, unknown>) => ({ ...c, aud: 'some-other-client' }), undefined],
    ['a wrong issuer', (c: Record<string, unknown>) => ({ ...c, iss: 'https://evil.example' }), undefined],
    ['an expired ID token', (c: Record<string, unknown>) => ({ ...c, iat: nowSeconds() - 7200, exp: nowSeconds() - 3600 }), undefined],
  ])('refuses %s with a 400 and no session', async (_, shape, state) => {
    const { callback, cookies } = await login('/jobs', shape, state);
    expect(callback.status).toBe(400);
    expect(cookies[SESSION]).toBeUndefined();
    expect(await callback.text()).toContain('Sign in again');
  });

  it.each([
    ['an unverified email', { email_verified: false }, 'not verified'],
    ['another domain', { email: 'mallory@other.test' }, 'not in a domain allowed'],
    ['no allowed group', { groups: ['interns'] }, 'not in a group allowed'],
  ])('answers %s with a 403 page that says why and offers sign-out', async (_, claims, why) => {
    const { callback, cookies } = await login('/jobs', (c) => ({ ...c, ...claims }));
    expect(callback.headers.get('location')).toBe(`${oidcPortal.url}/auth/denied`);
    expect(cookies[SESSION]).toBeUndefined();
    const page = await get(oidcPortal, '/auth/denied', { cookie: cookieHeader(cookies) });
    expect(page.status).toBe(403);
    const html = await page.text();
    expect(html).toContain(why);
    expect(html).toContain('/auth/logout'); // the sign-out form (rendered from the page's flight data)
  });

  it('refuses a login callback without the login cookie', async () => {
    expect((await get(oidcPortal, '/auth/callback?code=x&state=y')).status).toBe(400);
  });
});

describe('session cookies', () => {
  it('accepts a session sealed with this portal\'s secret (so the refusals below mean something)', async () => {
    expect((await get(oidcPortal, '/api/jobs?PageSize=1', { cookie: session({}) })).status).toBe(200);
  });

  it.each([
    ['tampered', () => session({}).replace(/\.(.)/, (_, c: string) => `.${c === 'A' ? 'B' : 'A'}`)],
    ['expired', () => session({}, AUTH_SECRET, 'session', -1000)],
    ['sealed with a foreign key', () => session({}, randomBytes(32).toString('base64url'))],
    ['a login-flow cookie replayed as a session', () => session({}, AUTH_SECRET, 'login')],
    ['for a user outside the allow-list', () => session({ email: 'mallory@other.test' })],
  ])('refuses a %s cookie', async (name, cookie) => {
    const res = await get(oidcPortal, '/api/jobs?PageSize=1', { cookie: cookie() });
    expect(name.includes('allow-list') ? 403 : 401).toBe(res.status);
    expect((await readStats(emulator.url)).requests).toBe(0);
  });
});

describe('logout', () => {
  it('refuses GET, and POST from another origin or none', async () => {
    expect((await get(oidcPortal, '/auth/logout', { cookie: session({}) })).status).toBe(405);
    const post = (origin?: string) =>
      fetch(`${oidcPortal.url}/auth/logout`, { method: 'POST', redirect: 'manual', headers: { cookie: session({}), ...(origin ? { origin } : {}) } });
    expect((await post()).status).toBe(403);
    expect((await post('https://evil.example')).status).toBe(403);
    const ok = await post(oidcPortal.url);
    expect(ok.status).toBe(303);
    expect(ok.headers.getSetCookie().find((c) => c.startsWith(`${SESSION}=`))).toMatch(/Max-Age=0/);
  });
});

describe('hardening', () => {
  it('sends the security headers on pages, API answers and static files', async () => {
    const page = await get(oidcPortal, '/jobs', { cookie: session({}) });
    const html = await page.text();
    const csp = page.headers.get('content-security-policy')!;
    const nonce = /'nonce-([^']+)'/.exec(csp)![1]!;
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(html).toContain(`nonce="${nonce}"`);
    const staticPath = /src="(\/_next\/static\/[^"]+\.js)"/.exec(html)![1]!;
    for (const res of [page, await get(oidcPortal, '/api/jobs', { cookie: session({}) }), await get(oidcPortal, staticPath)]) {
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
      expect(res.headers.get('permissions-policy')).toContain('camera=()');
      expect(res.headers.get('x-powered-by')).toBeNull();
      expect(res.headers.get('strict-transport-security')).toContain('max-age=');
    }
  });

  it('refuses oversized and repeated inputs with a 4xx, never a 5xx', async () => {
    const cookie = session({});
    expect((await get(oidcPortal, `/api/jobs?JobId=${'a'.repeat(65)}`, { cookie })).status).toBe(400);
    expect((await get(oidcPortal, `/api/jobs/${'a'.repeat(5000)}`, { cookie })).status).toBe(400);
    expect((await get(oidcPortal, '/api/jobs?PageSize=1&PageSize=2', { cookie })).status).toBe(400);
    const huge = await get(oidcPortal, `/api/jobs?NextPageToken=${'x'.repeat(40_000)}`, { cookie });
    expect(huge.status).toBeGreaterThanOrEqual(400);
    expect(huge.status).toBeLessThan(500);
  });

  it('keeps the ICE key out of the browser: not in static files, pages or error answers', async () => {
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const full = path.join(dir, name);
        if (statSync(full).isDirectory()) walk(full);
        else files.push(full);
      }
    };
    walk(path.join(REPO_ROOT, '.next', 'static'));
    expect(files.length).toBeGreaterThan(5);
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      expect(text).not.toContain(DEMO_CREDENTIALS.accessKeyId);
      expect(text).not.toContain(DEMO_CREDENTIALS.accessKeySecret);
      expect(text).not.toContain('ALIBABA_CLOUD_ACCESS_KEY');
    }
    const page = await (await get(oidcPortal, '/jobs', { cookie: session({}) })).text();
    expect(page).toContain('Media-info jobs');
    expect(page).not.toContain(DEMO_CREDENTIALS.accessKeyId);
  });

  it('answers ICE signature errors with 502 and no key id anywhere, and logs none either', async () => {
    const res = await get(openPortal, '/api/jobs?PageSize=3');
    expect(res.status).toBe(502);
    const body = await res.text();
    expect(JSON.parse(body).error.code).toBe('portal_misconfigured');
    const output = await openPortal.settledOutput();
    for (const secret of [DEMO_CREDENTIALS.accessKeyId, 'not-the-right-secret-123', 'Signature=']) {
      expect(body).not.toContain(secret);
      expect(output).not.toContain(secret);
    }
    expect(output).toContain('SignatureDoesNotMatch');
  });

  it('rate-limits a user with 429 and Retry-After', async () => {
    let limited: Response | undefined;
    for (let i = 0; i < 8 && !limited; i++) {
      const res = await get(openPortal, '/api/jobs/abc');
      if (res.status === 429) limited = res;
    }
    expect(limited).toBeDefined();
    expect(Number(limited!.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});

describe('proxy-jwt', () => {
  const claims = (extra: Record<string, unknown> = {}) => ({
    iss: 'https://proxy.example.com',
    aud: 'media-portal',
    sub: 'u-1',
    email: 'alice@example.com',
    email_verified: true,
    iat: nowSeconds(),
    exp: nowSeconds() + 300,
    ...extra,
  });
  const call = (token: string) => get(proxyPortal, '/api/jobs?PageSize=1', { 'x-proxy-jwt': token });

  it('accepts a token the proxy signed', async () => {
    expect((await call(signJwt(claims(), proxyKey))).status).toBe(200);
  });

  it.each([
    ['alg none', () => unsignedJwt(claims())],
    ['another key with the same kid', () => signJwt(claims(), strangerKey)],
    ['an expired token', () => signJwt(claims({ iat: nowSeconds() - 7200, exp: nowSeconds() - 3600 }), proxyKey)],
    ['another audience', () => signJwt(claims({ aud: 'another-app' }), proxyKey)],
    ['another issuer', () => signJwt(claims({ iss: 'https://evil.example' }), proxyKey)],
  ])('refuses %s with 401', async (_, token) => {
    expect((await call(token())).status).toBe(401);
  });

  it('refuses a valid token for an email outside the allowed domains with 403', async () => {
    expect((await call(signJwt(claims({ email: 'eve@other.test' }), proxyKey))).status).toBe(403);
  });
});

// The security review's findings, each against the live portals above.
describe('security review', () => {
  const signedIn = async () => {
    const { cookies } = await login('/jobs');
    return `${SESSION}=${cookies[SESSION]}`;
  };
  /** Every JSON line the portal wrote, parsed: a line that does not parse fails the test. */
  const logLines = async (portal: PortalProcess) =>
    (await portal.settledOutput())
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as Record<string, unknown>);

  it('ends a session at sign-out: a copied cookie is refused afterwards, by the API and by pages', async () => {
    const cookie = await signedIn();
    expect((await get(oidcPortal, '/api/jobs?PageSize=1', { cookie })).status).toBe(200);
    const out = await fetch(`${oidcPortal.url}/auth/logout`, { method: 'POST', redirect: 'manual', headers: { cookie, origin: oidcPortal.url } });
    expect(out.status).toBe(303);
    await resetStats(emulator.url);
    expect((await get(oidcPortal, '/api/jobs?PageSize=1', { cookie })).status).toBe(401);
    const page = await get(oidcPortal, '/jobs', { cookie });
    expect(page.headers.get('location')).toBe('/auth/login?returnTo=%2Fjobs');
    expect((await readStats(emulator.url)).requests).toBe(0);
  });

  it('ends a session after AUTH_IDLE_MINUTES (60) without a request, and slides the expiry while it is used', async () => {
    expect((await get(oidcPortal, '/api/jobs?PageSize=1', { cookie: session({ seen: Date.now() - 61 * 60_000 }) })).status).toBe(401);
    for (const route of ['/api/jobs?PageSize=1', '/jobs']) {
      const res = await get(oidcPortal, route, { cookie: session({ seen: Date.now() - 59 * 60_000 }) });
      expect(res.status).toBe(200);
      const renewed = res.headers.getSetCookie().find((c) => c.startsWith(`${SESSION}=`))!;
      expect(renewed).toMatch(/HttpOnly/i);
      // The renewed cookie is good for another idle window, and keeps the absolute expiry (60 s here).
      expect(Number(/Max-Age=(\d+)/i.exec(renewed)![1])).toBeLessThanOrEqual(60);
      expect((await get(oidcPortal, route, { cookie: renewed.split(';')[0]! })).status).toBe(200);
    }
  });

  it('keeps a sign-in with 200 groups under the cookie limit, holding only the allowed group', async () => {
    const groups = [...Array.from({ length: 200 }, (_, i) => `/org/division-${i}/department-${i}/team-${i}`), 'media-team'];
    const { callback, cookies } = await login('/jobs?Status=Fail', (c) => ({ ...c, groups, name: 'N'.repeat(3000) }));
    expect(callback.headers.get('location')).toBe(`${oidcPortal.url}/jobs?Status=Fail`);
    const setCookie = callback.headers.getSetCookie().find((c) => c.startsWith(`${SESSION}=`))!;
    expect(setCookie.length).toBeLessThan(4096);
    expect((await get(oidcPortal, '/jobs?Status=Fail', { cookie: `${SESSION}=${cookies[SESSION]}` })).status).toBe(200);
  });

  it('spends one per-user budget on pages and API: past it, pages answer 429 without calling ICE', async () => {
    const statuses: number[] = [];
    for (let day = 1; day <= 40; day++) {
      const res = await get(limitedPortal, `/jobs?StartOfCreateTime=2026-01-${String((day % 28) + 1).padStart(2, '0')}T00:00:00Z&PageSize=${(day % 90) + 1}`);
      statuses.push(res.status);
      await res.text();
    }
    const served = statuses.filter((s) => s === 200).length;
    expect(served).toBeGreaterThanOrEqual(4);
    expect(served).toBeLessThanOrEqual(6); // 5 a minute, plus one refilled while the loop ran
    expect(statuses.filter((s) => s === 429)).toHaveLength(40 - served);
    await resetStats(emulator.url);
    const limited = await get(limitedPortal, '/jobs?Status=Fail');
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(limited.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await limited.text()).toContain('Too many requests');
    const api = await get(limitedPortal, '/api/jobs?PageSize=3');
    expect(api.status).toBe(429);
    expect((await readStats(emulator.url)).requests).toBe(0);
  });

  it('answers an invalid proxy token on a page with a 401 page, not a redirect loop', async () => {
    const expired = signJwt(
      { iss: 'https://proxy.example.com', aud: 'media-portal', sub: 'u-1', email: 'alice@example.com', iat: nowSeconds() - 7200, exp: nowSeconds() - 3600 },
      proxyKey,
    );
    for (const route of ['/jobs', '/jobs/ab4802364a2e49208c99efab82df0001']) {
      const res = await get(proxyPortal, route, { 'x-proxy-jwt': expired });
      expect(res.status).toBe(401);
      expect(res.headers.get('location')).toBeNull();
      expect(await res.text()).toContain('identity proxy');
    }
  });

  it('redirects relatively outside OIDC mode, whatever host the user came through', async () => {
    const viaProxy = { host: 'media-info.example.com', 'x-forwarded-host': 'media-info.example.com' };
    const login = await get(openPortal, `/auth/login?returnTo=${encodeURIComponent('/jobs?Status=Fail')}`, viaProxy);
    expect(login.headers.get('location')).toBe('/jobs?Status=Fail');
    expect((await get(openPortal, '/auth/callback?code=x', viaProxy)).headers.get('location')).toBe('/jobs');
    const logout = await fetch(`${openPortal.url}/auth/logout`, { method: 'POST', redirect: 'manual', headers: { origin: openPortal.url } });
    expect(logout.headers.get('location')).toBe('/auth/signed-out');
  });

  it('writes audit lines that parse, whatever a caller sends, with unknown parameters only counted', async () => {
    const cookie = await signedIn();
    const hostile = ['x=Signature%3D%5C%22', 'Signature=%5C', 'JobId=%22%5C%22%7D', 'Status=%0A%7B%22forged%22%3A1%7D', `x=${'%5C'.repeat(300)}`, 'AccessKeyId=abc%5C'];
    for (const query of hostile) {
      await get(oidcPortal, `/api/jobs?${query}`);
      await get(oidcPortal, `/api/jobs?${query}`, { cookie });
      await get(oidcPortal, `/jobs?${query}`, { cookie });
    }
    const last = await get(oidcPortal, `/api/jobs?JobId=${encodeURIComponent(AUTH_SECRET)}`, { cookie });
    // Its audit line must be there, or the check below that the secret is not would prove nothing.
    const lastId = last.headers.get('x-request-id')!;
    expect(await oidcPortal.settledOutput((output) => output.includes(`"requestId":"${lastId}"`))).toContain(`"requestId":"${lastId}"`);
    const lines = await logLines(oidcPortal); // throws on a line that does not parse
    const audits = lines.filter((line) => line.event === 'audit');
    expect(audits.length).toBeGreaterThan(10);
    for (const line of audits) {
      expect(line.forged).toBeUndefined();
      expect(Object.keys(line.params as object).every((name) => ['JobId', 'Status', 'PageSize', 'OrderBy', 'StartOfCreateTime', 'EndOfCreateTime', 'NextPageToken'].includes(name))).toBe(true);
    }
    expect(audits.some((line) => (line.otherParams as number) > 0)).toBe(true);
    expect(await oidcPortal.settledOutput()).not.toContain(AUTH_SECRET);
    expect(oidcPortal.output()).not.toContain('portal-test-client-secret');
  });

  it('caps the audit line of a request with 1,400 junk parameters, and samples unauthenticated lines', async () => {
    const junk = Array.from({ length: 1400 }, (_, i) => `p${i}=v`).join('&');
    const before = (await logLines(oidcPortal)).length;
    const res = await get(oidcPortal, `/api/jobs?PageSize=2&${junk}`);
    expect(res.status).toBe(401);
    const line = (await oidcPortal.settledOutput()).split('\n').filter((l) => l.includes('"event":"audit"')).pop()!;
    expect(line.length).toBeLessThan(1500);
    expect(JSON.parse(line)).toMatchObject({ status: 401, otherParams: 1400, params: { PageSize: '2' } });

    for (let i = 0; i < 150; i++) await (await get(oidcPortal, `/api/jobs?n=${i}`)).text();
    const written = (await logLines(oidcPortal)).slice(before).filter((l) => l.event === 'audit' && l.status === 401);
    expect(written.length).toBeLessThanOrEqual(61);
    await new Promise((r) => setTimeout(r, 1100)); // one line's worth of budget comes back each second
    const after = await get(oidcPortal, '/api/jobs?after=1');
    const afterId = after.headers.get('x-request-id')!;
    await oidcPortal.settledOutput((output) => output.includes(`"requestId":"${afterId}"`));
    // Every request of the flood is either a line or counted in the next line's skippedBefore (the junk
    // request's own line may count skips from the test before, so the count starts after it).
    const flood = (await logLines(oidcPortal)).slice(before).filter((l) => l.event === 'audit' && l.status === 401);
    const sinceJunk = flood.slice(flood.findIndex((l) => l.otherParams === 1400) + 1);
    expect(sinceJunk.at(-1)).toMatchObject({ requestId: afterId, status: 401 });
    const skipped = sinceJunk.reduce((sum, l) => sum + ((l.skippedBefore as number | undefined) ?? 0), 0);
    expect(skipped).toBeGreaterThan(0);
    expect(sinceJunk.length + skipped).toBe(151);
  });

  it('answers undecodable paths with 400, security headers and a log line, never a bare 500', async () => {
    const cookie = session({});
    const page = await get(oidcPortal, '/jobs/%ZZ', { cookie });
    expect(page.status).toBe(400);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(await page.text()).toContain('Bad address');
    const api = await get(oidcPortal, '/api/jobs/%ZZ', { cookie });
    expect(api.status).toBe(400);
    expect(((await api.json()) as { error: { code: string } }).error.code).toBe('invalid_path');
    for (const res of [page, api]) {
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      expect(res.headers.get('content-security-policy') ?? 'json').toMatch(/frame-ancestors 'none'|json/);
    }
    expect((await logLines(oidcPortal)).filter((l) => l.event === 'undecodable_path').map((l) => l.path)).toEqual(expect.arrayContaining(['/jobs/%ZZ', '/api/jobs/%ZZ']));
  });

  it.each(['GET', 'POST', 'PUT', 'DELETE', 'PATCH'])('answers %s on unknown /api paths with the JSON 404', async (method) => {
    for (const route of ['/api/nope', '/api/jobs/a/b', '/api']) {
      const res = await fetch(`${oidcPortal.url}${route}`, { method, redirect: 'manual' });
      expect(res.status).toBe(404);
      expect(res.headers.get('content-type')).toContain('application/json');
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('not_found');
    }
  });

  it('answers 405 to methods other than GET and HEAD on pages', async () => {
    for (const method of ['POST', 'PUT', 'DELETE', 'PATCH']) {
      const res = await fetch(`${oidcPortal.url}/jobs`, { method, redirect: 'manual', headers: { cookie: session({}), origin: oidcPortal.url } });
      expect(res.status).toBe(405);
      expect(res.headers.get('allow')).toBe('GET, HEAD');
    }
    expect((await fetch(`${oidcPortal.url}/jobs`, { method: 'HEAD', headers: { cookie: session({}) } })).status).toBe(200);
  });

  it("keeps a client's X-Request-Id only beside the portal's own", async () => {
    for (const route of ['/api/jobs?PageSize=1', '/jobs']) {
      const res = await get(oidcPortal, route, { cookie: session({}), 'x-request-id': 'lb-trace-0001' });
      expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    }
    // The page writes the same audit line as the API: both reads of ICE leave the same trace.
    const lines = (await logLines(oidcPortal)).filter((l) => l.event === 'audit').slice(-2);
    expect(lines.map((l) => l.route)).toEqual(['/api/jobs', '/jobs']);
    for (const line of lines) {
      expect(line).toMatchObject({ clientRequestId: 'lb-trace-0001', requestId: expect.stringMatching(/^[0-9a-f-]{36}$/), user: 'alice@example.com', status: 200 });
    }
  });
});

describe('security review, second pass', () => {
  const SID = () => randomUUID();
  const forged = (sid: string, seen: number) => session({ sid, seen }, AUTH_SECRET, 'session', 3600_000);

  it('ends a session signed out from an idle copy, though another copy was kept alive', async () => {
    const sid = SID();
    const alive = forged(sid, Date.now());
    const idle = forged(sid, Date.now() - 61 * 60_000);
    expect((await get(oidcPortal, '/api/jobs?PageSize=1', { cookie: alive })).status).toBe(200);
    const out = await fetch(`${oidcPortal.url}/auth/logout`, { method: 'POST', redirect: 'manual', headers: { cookie: idle, origin: oidcPortal.url } });
    expect(out.status).toBe(303);
    expect((await get(oidcPortal, '/api/jobs?PageSize=1', { cookie: alive })).status).toBe(401);
  });

  it('always logs a refused cookie with the reason, however many requests without one came first', async () => {
    for (let i = 0; i < 80; i++) await (await get(oidcPortal, `/api/jobs?flood=${i}`)).text();
    const sid = SID();
    await fetch(`${oidcPortal.url}/auth/logout`, { method: 'POST', redirect: 'manual', headers: { cookie: forged(sid, Date.now()), origin: oidcPortal.url } });
    await get(oidcPortal, '/api/jobs?PageSize=4', { cookie: forged(sid, Date.now()) });
    await get(oidcPortal, '/api/jobs?PageSize=5', { cookie: forged(SID(), Date.now() - 61 * 60_000) });
    await get(oidcPortal, '/api/jobs?PageSize=6', { cookie: `${SESSION}=v1.forged.value.here` });
    const refused = (await oidcPortal.settledOutput())
      .split('\n')
      .filter((l) => l.includes('"event":"audit"') && l.includes('"refused":"') && !l.includes('no_credentials'))
      .map((l) => JSON.parse(l) as { refused: string; params: { PageSize?: string } })
      .slice(-3);
    expect(refused.map((l) => [l.params.PageSize, l.refused])).toEqual([
      ['4', 'revoked'],
      ['5', 'idle'],
      ['6', 'invalid'],
    ]);
  });

  it('keeps the login-flow cookie under 4 KB however long the return path', async () => {
    const start = await get(oidcPortal, `/auth/login?returnTo=${encodeURIComponent(`/jobs?Trail=${'é'.repeat(2000)}`)}`);
    const flow = start.headers.getSetCookie().find((c) => c.startsWith('ice-portal-login='))!;
    expect(flow.length).toBeLessThan(4096);
  });

  it('answers /_next/image and near-miss static paths with headers, never a bare 500', async () => {
    for (const route of ['/_next/image?url=/%ZZ&w=64&q=75', '/_next/image?url=%2Ficon.svg&w=64&q=75', '/favicon.icoX']) {
      const res = await get(oidcPortal, route);
      expect(res.status).toBeLessThan(500);
      expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    }
  });
});
