// Which auth mode applies, safe to import anywhere (proxy.ts included): AUTH_MODE when set, otherwise
// OIDC in production (fail closed) and none in development.

export function authModeFrom(env: Record<string, string | undefined>): string {
  return env.AUTH_MODE || (env.NODE_ENV === 'production' ? 'oidc' : 'none');
}
