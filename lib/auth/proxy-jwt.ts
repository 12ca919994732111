import 'server-only';
import { createRemoteJWKSet, jwtVerify } from 'jose';
import type { AuthConfig } from './config';

// Behind an identity-aware proxy (Cloudflare Access, Google IAP, oauth2-proxy): every request carries
// a JWT the proxy signed. Its signature is checked against the proxy's JWKS, with issuer, audience and
// expiry; jose refuses `alg: none` and any algorithm not listed here.

type ProxyConfig = Extract<AuthConfig, { mode: 'proxy-jwt' }>;

const ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'ES256', 'ES384', 'EdDSA'];

let keys: { url: string; set: ReturnType<typeof createRemoteJWKSet> } | undefined;

export async function verifyProxyJwt(config: ProxyConfig, token: string): Promise<Record<string, unknown> | undefined> {
  if (keys?.url !== config.AUTH_PROXY_JWKS_URL) {
    keys = { url: config.AUTH_PROXY_JWKS_URL, set: createRemoteJWKSet(new URL(config.AUTH_PROXY_JWKS_URL), { cacheMaxAge: 10 * 60_000 }) };
  }
  try {
    const { payload } = await jwtVerify(token, keys.set, {
      issuer: config.AUTH_PROXY_ISSUER,
      audience: config.AUTH_PROXY_AUDIENCE,
      algorithms: ALGORITHMS,
      requiredClaims: ['exp', 'sub'],
      clockTolerance: 30,
    });
    return payload as Record<string, unknown>;
  } catch {
    return undefined;
  }
}
