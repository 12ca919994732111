import 'server-only';
import { getAuthConfig } from '@/lib/auth/config';
import { TOKEN_PREFIX } from '@/lib/tokens/token-limits';

// The portal API token a request carries in `Authorization: Bearer ...`, read from that header only
// (never a cookie, so no other site can make a browser send one). With AUTH_MODE=none the API needs no
// credentials and the header is ignored; behind an identity proxy that sends its own JWT in
// Authorization, only a value with the portal's prefix is a portal token.

export function bearerTokenOf(headers: Headers): string | undefined {
  const match = /^Bearer\s+(\S.*)$/i.exec(headers.get('authorization') ?? '');
  if (!match) return undefined;
  const token = match[1]!.trim();
  const config = getAuthConfig();
  if (config.mode === 'none') return undefined;
  if (config.mode === 'proxy-jwt' && config.AUTH_PROXY_JWT_HEADER === 'authorization' && !token.startsWith(TOKEN_PREFIX)) return undefined;
  return token;
}
