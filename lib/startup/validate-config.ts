import { getAuthConfig } from '@/lib/auth/config';
import { ConfigError } from '@/lib/errors';
import { getIceConfig } from '@/lib/ice/config';

/**
 * Every configuration problem at once (ICE and auth), or none. Messages name variables and what is
 * expected; they never repeat a value.
 */
export function configurationProblems(): string[] {
  const problems: string[] = [];
  for (const read of [getIceConfig, getAuthConfig]) {
    try {
      read();
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      problems.push(...error.problems);
    }
  }
  return problems;
}
