// An OpenID provider whose ID tokens the test decides (issuer, audience, nonce, expiry, claims), to
// prove the portal refuses each bad one. The real oidc-provider covers the good path.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { newSigningKey, nowSeconds, signJwt } from './jwt';

export interface FakeIdp {
  issuer: string;
  /** The one client it knows; its secret is `${clientId}-secret`. */
  clientId: string;
  /** Claims of the next ID token, given the nonce the portal sent to /authorize. */
  nextIdToken: (nonce: string) => Record<string, unknown>;
  /** The nonce of the last authorization request, read from the portal's redirect by the test. */
  close(): Promise<void>;
}

export async function startFakeIdp(clientId: string): Promise<FakeIdp & { defaultClaims(nonce: string): Record<string, unknown> }> {
  const key = newSigningKey('fake-1');
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const lastNonce = { value: '' };

  const idp = {
    issuer,
    clientId,
    defaultClaims: (nonce: string): Record<string, unknown> => ({
      iss: issuer,
      aud: clientId,
      sub: 'alice',
      nonce,
      iat: nowSeconds(),
      exp: nowSeconds() + 300,
      email: 'alice@example.com',
      email_verified: true,
      groups: ['media-team'],
      name: 'Alice',
    }),
    nextIdToken: (nonce: string) => idp.defaultClaims(nonce),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };

  server.on('request', (req, res) => {
    const url = new URL(req.url ?? '/', issuer);
    const json = (body: unknown) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (url.pathname === '/.well-known/openid-configuration') {
      return json({
        issuer,
        authorization_endpoint: `${issuer}/authorize`,
        token_endpoint: `${issuer}/token`,
        jwks_uri: `${issuer}/jwks`,
        response_types_supported: ['code'],
        subject_types_supported: ['public'],
        id_token_signing_alg_values_supported: ['RS256'],
        code_challenge_methods_supported: ['S256'],
        token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post'],
      });
    }
    if (url.pathname === '/jwks') return json({ keys: [key.publicJwk] });
    if (url.pathname === '/authorize') {
      lastNonce.value = url.searchParams.get('nonce') ?? '';
      res.writeHead(200, { 'content-type': 'text/plain' });
      return res.end('authorize');
    }
    if (url.pathname === '/token' && req.method === 'POST') {
      req.resume();
      req.on('end', () =>
        json({ access_token: 'opaque-access-token', token_type: 'Bearer', expires_in: 300, id_token: signJwt(idp.nextIdToken(lastNonce.value), key) }),
      );
      return;
    }
    res.writeHead(404);
    res.end();
  });
  return idp;
}

/**
 * One pass through a portal's login with this IdP (/auth/login, /authorize, /auth/callback), with
 * the ID token's claims shaped by the caller; the portal's cookies as a Cookie header, or the failure.
 */
export async function signInThrough(portalUrl: string, idp: Awaited<ReturnType<typeof startFakeIdp>>, shape: (claims: Record<string, unknown>) => Record<string, unknown> = (c) => c): Promise<string> {
  const cookiesOf = (res: Response) => res.headers.getSetCookie().map((c) => c.split(';')[0]!);
  const start = await fetch(`${portalUrl}/auth/login?returnTo=%2Fjobs`, { redirect: 'manual' });
  const authorize = new URL(start.headers.get('location') ?? '');
  await fetch(authorize); // the IdP records the nonce it was sent
  idp.nextIdToken = (nonce) => shape(idp.defaultClaims(nonce));
  const callback = await fetch(`${portalUrl}/auth/callback?code=one-time-code&state=${authorize.searchParams.get('state')}`, {
    redirect: 'manual',
    headers: { cookie: cookiesOf(start).join('; ') },
  });
  const session = cookiesOf(callback).find((c) => /^(__Host-)?ice-portal-session=./.test(c));
  if (callback.status !== 303 || !session) throw new Error(`sign-in failed with ${callback.status}: ${await callback.text()}`);
  return session;
}
