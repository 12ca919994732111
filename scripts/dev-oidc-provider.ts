// A local OpenID provider for development and tests only (oidc-provider with its development login
// screen): any user name signs in, with any password. NEVER expose it beyond this machine.
//
// The user name decides the claims, so every access rule can be tried by hand:
//   alice                 -> alice@example.com, verified, groups [media-team]
//   bob@other.test        -> that address, verified, groups [media-team]
//   unverified:carol      -> carol@example.com, NOT verified
//   nogroup:dave          -> dave@example.com, verified, no groups
import http from 'node:http';
import Provider from 'oidc-provider';

export interface DevIdpOptions {
  host: string;
  port: number;
  clientId: string;
  clientSecret: string;
  redirectUris: string[];
  postLogoutRedirectUris: string[];
}

export function claimsFor(login: string): { sub: string } & Record<string, unknown> {
  const [flag, rest] = login.includes(':') ? (login.split(/:(.*)/s, 2) as [string, string]) : ['', login];
  const name = rest || 'user';
  const email = name.includes('@') ? name : `${name}@example.com`;
  return {
    sub: login,
    name,
    email,
    email_verified: flag !== 'unverified',
    groups: flag === 'nogroup' ? [] : ['media-team'],
  };
}

export async function startDevIdp(options: DevIdpOptions): Promise<{ issuer: string; close(): Promise<void> }> {
  const issuer = `http://${options.host}:${options.port}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: options.clientId,
        client_secret: options.clientSecret,
        redirect_uris: options.redirectUris,
        post_logout_redirect_uris: options.postLogoutRedirectUris,
        response_types: ['code'],
        grant_types: ['authorization_code'],
      },
    ],
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name', 'groups'] },
    findAccount: async (_ctx, sub) => ({
      accountId: sub,
      claims: async () => claimsFor(sub),
    }),
    features: { devInteractions: { enabled: true }, rpInitiatedLogout: { enabled: true } },
    pkce: { required: () => true },
    // Fixed development keys would be guessable; these are made fresh at every start.
    cookies: { keys: [crypto.randomUUID(), crypto.randomUUID()] },
  });
  const server = http.createServer(provider.callback());
  await new Promise<void>((resolve) => server.listen(options.port, options.host, resolve));
  return {
    issuer,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function argument(name: string, fallback?: string): string {
  const at = process.argv.indexOf(`--${name}`);
  const value = at === -1 ? fallback : process.argv[at + 1];
  if (value === undefined) throw new Error(`--${name} is required`);
  return value;
}

if (require.main === module) {
  (async () => {
    const idp = await startDevIdp({
      host: argument('host', '127.0.0.1'),
      port: Number(argument('port', '9200')),
      clientId: argument('client-id', 'ice-portal-dev'),
      clientSecret: argument('client-secret', 'ice-portal-dev-secret'),
      redirectUris: argument('redirect-uri').split(','),
      postLogoutRedirectUris: argument('post-logout-redirect-uri').split(','),
    });
    console.log(`Development OpenID provider listening on ${idp.issuer} (any user name signs in; development only)`);
    const stop = () => void idp.close().then(() => process.exit(0));
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  })().catch((error: unknown) => {
    console.error(`dev-oidc-provider: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}
