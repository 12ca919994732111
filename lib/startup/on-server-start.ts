import { getAuthConfig } from '@/lib/auth/config';
import { log } from '@/lib/log/logger';
import { boundShutdown } from './shutdown-bound';
import { configurationProblems } from './validate-config';

/** Check the whole configuration before serving anything, and bound the graceful shutdown. */
export function onServerStart(): void {
  const problems = configurationProblems();
  if (problems.length > 0) {
    log('error', 'config_invalid', { problems });
    console.error(`The portal cannot start. Fix its configuration (see README, "Configuration"):\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    process.exit(1);
  }
  if (getAuthConfig().mode === 'none') {
    log('warn', 'auth_disabled', { message: 'AUTH_MODE=none: anyone who can reach this server can read every job. Use only on a trusted machine.' });
  }
  boundShutdown((message) => log('info', 'shutdown', { message }));
}
