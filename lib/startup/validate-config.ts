import { getAuthConfig } from '@/lib/auth/config';
import { ConfigError } from '@/lib/errors';
import { getDefaultLocale } from '@/lib/i18n/config';
import { getIceConfig } from '@/lib/ice/config';
import { getIndexConfig } from '@/lib/index/index-config';
import { getListConfig } from '@/lib/jobs/list-config';
import { getScanConfig } from '@/lib/jobs/scan-config';
import { getSpecs } from '@/lib/specs/spec-config';
import { getStoreConfig } from '@/lib/store/config';
import { getSubmitConfig } from '@/lib/submit/submit-config';
import { getTokenConfig, parseTokenConfig } from '@/lib/tokens/config';

/**
 * Every configuration problem at once (ICE, auth, scan bounds, the list, the default language, the store, API tokens, delivery specs, who may submit and the job index), or none. Messages name variables and what is
 * expected; they never repeat a value.
 */
export function configurationProblems(): string[] {
  const problems: string[] = [];
  // API tokens stand on the auth settings: while those are wrong (listed once, above), only tokens' own variables.
  const tokenVariables = () => {
    try {
      getAuthConfig();
    } catch {
      return parseTokenConfig(process.env, { mode: 'none', adminGroups: [] });
    }
    return getTokenConfig();
  };
  for (const read of [getIceConfig, getAuthConfig, getScanConfig, getListConfig, getDefaultLocale, getStoreConfig, tokenVariables, getSpecs, getSubmitConfig, getIndexConfig]) {
    try {
      read();
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      problems.push(...error.problems);
    }
  }
  return problems;
}
