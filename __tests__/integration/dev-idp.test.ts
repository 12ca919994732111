// The development OpenID provider that `npm run demo` offers, as its own process: a whole authorization-code
// sign-in through its login and consent screens, and a start that prints nothing but its own line.
import { createHash, randomBytes } from 'node:crypto';
import { DEV_CLIENT, startDevIdpProcess, type DevIdpProcess } from '@/harness/dev-idp-process';

const APP_URL = 'http://127.0.0.1:3999';
const REDIRECT_URI = `${APP_URL}/auth/callback`;

let idp: DevIdpProcess;

/** jose is ESM-only and jest loads CommonJS here; a JWT's parts are base64url JSON. */
const jwtPart = (jwt: string, index: 0 | 1) => JSON.parse(Buffer.from(jwt.split('.')[index]!, 'base64url').toString()) as Record<string, unknown>;

beforeAll(async () => {
  idp = await startDevIdpProcess(APP_URL);
});

afterAll(async () => {
  await idp?.stop();
});

/** A browser's part, reduced: follow redirects by hand and send back every cookie the provider set. */
function browser() {
  const cookies = new Map<string, string>();
  return async (url: string, init: RequestInit = {}): Promise<Response> => {
    const res = await fetch(new URL(url, idp.issuer), {
      ...init,
      redirect: 'manual',
      headers: { ...(init.headers as Record<string, string>), cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join('; ') },
    });
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const eq = pair!.indexOf('=');
      cookies.set(pair!.slice(0, eq), pair!.slice(eq + 1));
    }
    return res;
  };
}

function formAction(html: string): string {
  const match = /<form[^>]*action="([^"]+)"/.exec(html);
  if (!match) throw new Error(`no form in:\n${html.slice(0, 500)}`);
  return match[1]!;
}

it('signs a user in through its login and consent screens and issues tokens whose claims the user name decides', async () => {
  const go = browser();
  const verifier = randomBytes(32).toString('base64url');
  const auth = new URL('/auth', idp.issuer);
  auth.search = new URLSearchParams({
    client_id: DEV_CLIENT.id,
    response_type: 'code',
    scope: 'openid email profile',
    redirect_uri: REDIRECT_URI,
    state: 'state-1',
    nonce: 'nonce-1',
    code_challenge: createHash('sha256').update(verifier).digest('base64url'),
    code_challenge_method: 'S256',
  }).toString();

  let res = await go(auth.toString());
  let code: string | null = null;
  // Login, then consent: each screen is a form whose answer resumes the authorization.
  const answers: Record<string, string>[] = [{ prompt: 'login', login: 'unverified:carol', password: 'anything' }, { prompt: 'consent' }];
  for (const answer of answers) {
    expect(res.status).toBe(303);
    res = await go(res.headers.get('location')!);
    expect(res.status).toBe(200);
    const action = formAction(await res.text());
    res = await go(action, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(answer).toString(),
    });
    expect(res.status).toBe(303);
    res = await go(res.headers.get('location')!);
    const location = res.headers.get('location') ?? '';
    if (location.startsWith(REDIRECT_URI)) code = new URL(location).searchParams.get('code');
  }
  expect(code).toBeTruthy();

  const token = await fetch(new URL('/token', idp.issuer), {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      authorization: `Basic ${Buffer.from(`${DEV_CLIENT.id}:${DEV_CLIENT.secret}`).toString('base64')}`,
    },
    body: new URLSearchParams({ grant_type: 'authorization_code', code: code!, redirect_uri: REDIRECT_URI, code_verifier: verifier }).toString(),
  });
  expect(token.status).toBe(200);
  const { id_token: idToken, access_token: accessToken } = (await token.json()) as { id_token: string; access_token: string };
  expect(jwtPart(idToken, 1)).toMatchObject({ sub: 'unverified:carol', nonce: 'nonce-1' });
  // With an access token issued, oidc-provider serves the scope claims from userinfo, as the portal reads them.
  const userinfo = await fetch(new URL('/me', idp.issuer), { headers: { authorization: `Bearer ${accessToken}` } });
  expect(await userinfo.json()).toMatchObject({ sub: 'unverified:carol', email: 'carol@example.com', email_verified: false, groups: ['media-team'] });

  // Signed with the key this start made, which the provider publishes.
  const jwks = (await (await fetch(new URL('/jwks', idp.issuer))).json()) as { keys: { kid: string }[] };
  expect(jwks.keys.map((key) => key.kid)).toContain(jwtPart(idToken, 0).kid);

  // The code is spent: the adapter recorded its consumption.
  const again = await fetch(new URL('/token', idp.issuer), {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      authorization: `Basic ${Buffer.from(`${DEV_CLIENT.id}:${DEV_CLIENT.secret}`).toString('base64')}`,
    },
    body: new URLSearchParams({ grant_type: 'authorization_code', code: code!, redirect_uri: REDIRECT_URI, code_verifier: verifier }).toString(),
  });
  expect(again.status).toBe(400);

  // Signing out, as the portal's logout sends the user: a confirmation form, then back to the portal.
  const end = new URL('/session/end', idp.issuer);
  end.search = new URLSearchParams({ id_token_hint: idToken, post_logout_redirect_uri: `${APP_URL}/auth/signed-out`, state: 'bye' }).toString();
  res = await go(end.toString());
  expect(res.status).toBe(200);
  const html = await res.text();
  const xsrf = /name="xsrf" value="([^"]+)"/.exec(html)?.[1];
  res = await go(formAction(html), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ xsrf: xsrf!, logout: 'yes' }).toString(),
  });
  expect(res.status).toBe(303);
  expect(res.headers.get('location')).toBe(`${APP_URL}/auth/signed-out?state=bye`);

  // The session is gone: a new authorization asks for the login again.
  res = await go(auth.toString());
  res = await go(res.headers.get('location')!);
  expect(await res.text()).toContain('name="login"');
});

it('answers an unregistered redirect URI with its own error page naming the error', async () => {
  const auth = new URL('/auth', idp.issuer);
  auth.search = new URLSearchParams({ client_id: DEV_CLIENT.id, response_type: 'code', scope: 'openid', redirect_uri: 'http://evil.test/cb' }).toString();
  const res = await fetch(auth, { redirect: 'manual' });
  expect(res.status).toBe(400);
  const html = await res.text();
  expect(html).toContain('<h1>Sign-in failed</h1>');
  expect(html).toContain('invalid_redirect_uri');
});

it('prints only its own line: no oidc-provider warnings for the storage, the keys, the runtime or the login screen', () => {
  expect(idp.output()).not.toMatch(/oidc-provider (WARNING|NOTICE)/);
  expect(idp.output()).toMatch(/^Development OpenID provider listening on http:\/\/127\.0\.0\.1:\d+ /);
});
