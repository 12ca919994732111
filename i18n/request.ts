import { cookies, headers } from 'next/headers';
import { getRequestConfig } from 'next-intl/server';
import { MESSAGES } from '@/lib/i18n/messages';
import { localeOfRequest } from '@/lib/i18n/request-locale';

// next-intl's per-request configuration for server components (found by its plugin at this path). The
// URL carries no language, so every page is rendered for the reader's cookie or browser.
export default getRequestConfig(async () => {
  const [jar, head] = await Promise.all([cookies(), headers()]);
  const locale = localeOfRequest({ headers: head, cookies: jar });
  // Times are laid out by lib/format/time.ts in the zone the reader picks; this only keeps next-intl's
  // own formatters (relative times) from guessing the server's zone.
  return { locale, messages: MESSAGES[locale], timeZone: 'UTC' };
});
