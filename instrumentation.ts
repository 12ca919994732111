// Runs once when the server starts: check the whole configuration before serving anything (exit
// non-zero with every problem listed), and bound the graceful shutdown. Nothing here runs at build
// time, where the image and CI have no secrets.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs' || process.env.NEXT_PHASE === 'phase-production-build') return;
  const { configurationProblems } = await import('./lib/startup/validate-config');
  const { boundShutdown } = await import('./lib/startup/shutdown-bound');
  const { log } = await import('./lib/log/logger');

  const problems = configurationProblems();
  if (problems.length > 0) {
    log('error', 'config_invalid', { problems });
    console.error(`The portal cannot start. Fix its configuration (see README, "Configuration"):\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    process.exit(1);
  }
  const { getAuthConfig } = await import('./lib/auth/config');
  if (getAuthConfig().mode === 'none') {
    log('warn', 'auth_disabled', { message: 'AUTH_MODE=none: anyone who can reach this server can read every job. Use only on a trusted machine.' });
  }
  boundShutdown((message) => log('info', 'shutdown', { message }));
}
