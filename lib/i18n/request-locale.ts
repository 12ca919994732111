import { createTranslator } from 'next-intl';
import { defaultLocaleOrFallback } from './config';
import { LOCALE_COOKIE, type Locale } from './locales';
import { MESSAGES } from './messages';
import { chooseLocale } from './negotiate';

interface RequestLike {
  headers: Headers;
  cookies: { get(name: string): { value: string } | undefined };
}

/** The reader's language for a request that no page renders: route handlers' and proxy.ts's own answers. */
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
