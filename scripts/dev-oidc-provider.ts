// A local OpenID provider for development and tests only (oidc-provider with its development login
// screen): any user name signs in, with any password. NEVER expose it beyond this machine.
//
// The user name decides the claims, so every access rule can be tried by hand:
//   alice                 -> alice@example.com, verified, groups [media-team]
//   bob@other.test        -> that address, verified, groups [media-team]
//   unverified:carol      -> carol@example.com, NOT verified
//   nogroup:dave          -> dave@example.com, verified, no groups
import http from 'node:http';
import { exportJWK, generateKeyPair } from 'jose';
import type { Configuration } from 'oidc-provider';
import { createDevMemoryAdapter } from './dev-oidc-adapter';

// Two warnings oidc-provider prints that this provider accepts knowingly, so `npm run demo` stays quiet:
// devInteractions is the login screen it exists for, and oidc-provider 9 asks for Node 22 while the
// project supports Node 20.9 and up (the sign-in tests pass on 20). Every other warning still shows.
const ACCEPTED_WARNINGS = [
  'oidc-provider WARNING: Unsupported runtime.',
  'oidc-provider WARNING: a quick start development-only feature devInteractions is enabled',
];

async function withoutAcceptedWarnings<T>(run: () => Promise<T>): Promise<T> {
  const warn = console.warn;
  console.warn = (...args: unknown[]) => {
    const text = typeof args[0] === 'string' ? args[0] : '';
    if (!ACCEPTED_WARNINGS.some((accepted) => text.includes(accepted))) warn.apply(console, args);
  };
  try {
    return await run();
  } finally {
    console.warn = warn;
  }
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const page = (title: string, body: string) =>
  `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${title}</title></head><body><h1>${title}</h1>${body}</body></html>`;

/** Signing keys made fresh at every start: fixed development keys would be guessable. */
async function freshSigningKeys() {
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  return { keys: [{ ...(await exportJWK(privateKey)), alg: 'RS256', use: 'sig', kid: crypto.randomUUID() }] };
}

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
  const configuration: Configuration = {
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
    features: {
      devInteractions: { enabled: true },
      // Plain pages of our own: oidc-provider prints a notice whenever its default ones are shown.
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: (ctx, form) => {
          ctx.body = page('Sign out?', `${form}<button autofocus type="submit" form="op.logoutForm" value="yes" name="logout">Yes, sign me out</button>`);
        },
        postLogoutSuccessSource: (ctx) => {
          ctx.body = page('Signed out', '<p>You are signed out of the development OpenID provider.</p>');
        },
      },
    },
    renderError: (ctx, out) => {
      ctx.type = 'html';
      ctx.body = page('Sign-in failed', Object.entries(out).map(([key, value]) => `<p><strong>${escapeHtml(key)}</strong>: ${escapeHtml(String(value))}</p>`).join(''));
    },
    pkce: { required: () => true },
    // Fixed development keys would be guessable; these are made fresh at every start.
    cookies: { keys: [crypto.randomUUID(), crypto.randomUUID()] },
    jwks: await freshSigningKeys(),
    // oidc-provider's own defaults, stated so it does not print a notice for each at the first sign-in.
    ttl: { Interaction: 60 * 60, Session: 14 * 24 * 60 * 60, Grant: 14 * 24 * 60 * 60, AccessToken: 60 * 60, IdToken: 60 * 60 },
    adapter: createDevMemoryAdapter(),
  };
  // Imported here, not at the top: the runtime warning is printed when the module is first evaluated.
  const provider = await withoutAcceptedWarnings(async () => {
    const { default: Provider } = await import('oidc-provider');
    return new Provider(issuer, configuration);
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
