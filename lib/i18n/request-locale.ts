import { createTranslator } from 'next-intl';
import { defaultLocaleOrFallback } from './config';
import { LOCALE_COOKIE, type Locale } from './locales';
import { MESSAGES } from './messages';
import { chooseLocale } from './negotiate';

interface RequestLike {
  headers: { get(name: string): string | null };
  cookies: { get(name: string): { value: string } | undefined };
}

/** The reader's language: for pages (i18n/request.ts), and for the answers of route handlers and proxy.ts. */
export function localeOfRequest(request: RequestLike): Locale {
  return chooseLocale({
    cookie: request.cookies.get(LOCALE_COOKIE)?.value,
    acceptLanguage: request.headers.get('accept-language'),
    fallback: defaultLocaleOrFallback(),
  });
}

/** Messages for those answers, outside React (next-intl's core translator). */
export function translatorFor(request: RequestLike) {
  const locale = localeOfRequest(request);
  return { locale, t: createTranslator({ locale, messages: MESSAGES[locale] }) };
}
