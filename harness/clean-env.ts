// The environment a harness child starts with: this machine's, minus the operator's own ICE
// credentials, auth settings and Redis, so a test or benchmark sees only the configuration it passes.

/** The portal's own configuration (README, "Configuration"): what an operator's shell may have set. */
export const isOperatorSetting = (name: string) => /^(ALIBABA_CLOUD_|ICE_|AUTH_|OIDC_|REDIS_|SCAN_|EXPORT_|STORE_|FINISHED_JOB_|STUCK_|INDEX$|INDEX_|CRON_SECRET$|APP_URL$|LOG_LEVEL$)/.test(name);

export function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const name of Object.keys(env)) {
    if (isOperatorSetting(name)) delete env[name];
  }
  return { ...env, ...extra };
}
