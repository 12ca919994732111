import { getAuthConfig } from '@/lib/auth/config';
import { cutIdleDownloads } from '@/lib/http/idle-downloads';
import { startIndexSync } from '@/lib/index/index-runner';
import { getScanConfig } from '@/lib/jobs/scan-config';
import { log } from '@/lib/log/logger';
import { appStore } from '@/lib/store/app-store';
import { getStoreConfig } from '@/lib/store/config';
import { boundShutdown } from './shutdown-bound';
import { configurationProblems } from './validate-config';

/** Where exports are downloaded from (app/api/jobs/export). */
const EXPORT_PATH = '/api/jobs/export';

/** Check the whole configuration before serving anything, and bound the graceful shutdown. */
export function onServerStart(): void {
  const problems = configurationProblems();
  if (problems.length > 0) {
    log('error', 'config_invalid', { problems });
    // eslint-disable-next-line no-console -- the operator at a terminal reads this, not a log collector
    console.error(`The portal cannot start. Fix its configuration (see README, "Configuration"):\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    process.exit(1);
  }
  if (getAuthConfig().mode === 'none') {
    log('warn', 'auth_disabled', { message: 'AUTH_MODE=none: anyone who can reach this server can read every job. Use only on a trusted machine.' });
  }
  // Connect to Redis now rather than on the first request, which would otherwise wait for it.
  appStore();
  cutIdleDownloads(EXPORT_PATH, getScanConfig().exportIdleMs);
  log('info', 'store', { store: getStoreConfig().kind });
  boundShutdown((message) => log('info', 'shutdown', { message }));
  // The job index, when INDEX_DATABASE_URL is set: migrated, then synced in the background.
  startIndexSync();
}
