import 'server-only';
import * as client from 'openid-client';
import type { AuthConfig } from './config';

// The OpenID Connect relying party: authorization code with PKCE, state and nonce, via openid-client.
// Discovery is cached per process and retried after a failure.

type OidcConfig = Extract<AuthConfig, { mode: 'oidc' }>;

let discovered: { issuer: string; promise: Promise<client.Configuration> } | undefined;

function isLoopback(url: URL): boolean {
  return ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
}

export function oidcClient(config: OidcConfig): Promise<client.Configuration> {
  if (discovered?.issuer !== config.OIDC_ISSUER) {
    const issuer = new URL(config.OIDC_ISSUER);
    // Plain http only for an IdP on this machine (the development provider); never across a network.
    const insecure = issuer.protocol === 'http:' && isLoopback(issuer);
    const promise = client.discovery(issuer, config.OIDC_CLIENT_ID, config.OIDC_CLIENT_SECRET, undefined, {
      ...(insecure ? { execute: [client.allowInsecureRequests] } : {}),
      timeout: 10,
    });
    promise.catch(() => {
      if (discovered?.promise === promise) discovered = undefined;
    });
    discovered = { issuer: config.OIDC_ISSUER, promise };
  }
  return discovered.promise;
}

export const redirectUri = (config: OidcConfig) => new URL('/auth/callback', config.APP_URL).toString();

export interface LoginFlow {
  verifier: string;
  state: string;
  nonce: string;
  returnTo: string;
}

export async function startLogin(config: OidcConfig, returnTo: string): Promise<{ url: URL; flow: LoginFlow }> {
  const oidc = await oidcClient(config);
  const flow: LoginFlow = { verifier: client.randomPKCECodeVerifier(), state: client.randomState(), nonce: client.randomNonce(), returnTo };
  const url = client.buildAuthorizationUrl(oidc, {
    redirect_uri: redirectUri(config),
    scope: config.OIDC_SCOPES,
    code_challenge: await client.calculatePKCECodeChallenge(flow.verifier),
    code_challenge_method: 'S256',
    state: flow.state,
    nonce: flow.nonce,
  });
  return { url, flow };
}

/** Exchanges the code; openid-client checks state, nonce, issuer, audience, expiry and the signature. */
export async function finishLogin(config: OidcConfig, callbackUrl: URL, flow: LoginFlow): Promise<{ claims: Record<string, unknown>; idToken?: string }> {
  const oidc = await oidcClient(config);
  // The callback arrives at the public APP_URL; behind a proxy the server sees another host.
  const current = new URL(`${redirectUri(config)}${callbackUrl.search}`);
  const tokens = await client.authorizationCodeGrant(oidc, current, {
    pkceCodeVerifier: flow.verifier,
    expectedState: flow.state,
    expectedNonce: flow.nonce,
    idTokenExpected: true,
  });
  const idClaims = tokens.claims();
  if (!idClaims) throw new Error('no ID token');
  let claims: Record<string, unknown> = { ...idClaims };
  // Many IdPs put email and groups only in UserInfo; its subject must match the ID token's.
  if (oidc.serverMetadata().userinfo_endpoint) {
    const userInfo = await client.fetchUserInfo(oidc, tokens.access_token, idClaims.sub);
    claims = { ...userInfo, ...claims, ...pick(userInfo, ['email', 'email_verified', 'name', 'groups']) };
  }
  return { claims, idToken: tokens.id_token };
}

export async function endSessionUrl(config: OidcConfig, idToken: string | undefined): Promise<string | undefined> {
  try {
    const oidc = await oidcClient(config);
    if (!oidc.serverMetadata().end_session_endpoint) return undefined;
    return client
      .buildEndSessionUrl(oidc, {
        post_logout_redirect_uri: new URL('/auth/signed-out', config.APP_URL).toString(),
        ...(idToken ? { id_token_hint: idToken } : {}),
      })
      .toString();
  } catch {
    return undefined;
  }
}

function pick(source: Record<string, unknown>, keys: string[]): Record<string, unknown> {
  return Object.fromEntries(keys.filter((k) => source[k] !== undefined).map((k) => [k, source[k]]));
}
