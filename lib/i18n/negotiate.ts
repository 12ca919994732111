import { match } from '@formatjs/intl-localematcher';
import Negotiator from 'negotiator';
import { isLocale, LOCALES, type Locale } from './locales';

export interface LocaleSources {
  /** The language switch's cookie, if any. */
  cookie: string | undefined;
  /** The browser's Accept-Language header, if any. */
  acceptLanguage: string | null | undefined;
  /** DEFAULT_LOCALE, already validated. */
  fallback: Locale;
}

/**
 * Of the header, only this much is read: a browser sends a few tags (under 100 characters); anyone
 * can send 16 KB of one-letter tags, and parsing and matching each took a page from 7 to 63 ms.
 */
export const MAX_ACCEPT_LANGUAGE_CHARS = 256;

/**
 * The reader's choice first, then the best match for the browser's languages by CLDR's rules (zh,
 * zh-Hans, zh-SG read Simplified Chinese; zh-TW and zh-HK, written in Traditional script, do not match
 * it by themselves and fall to the next language they list), then the default.
 */
export function chooseLocale({ cookie, acceptLanguage, fallback }: LocaleSources): Locale {
  if (isLocale(cookie)) return cookie;
  if (!acceptLanguage) return fallback;
  const header = acceptLanguage.slice(0, MAX_ACCEPT_LANGUAGE_CHARS);
  const requested = new Negotiator({ headers: { 'accept-language': header } }).languages().filter(isWellFormed);
  if (requested.length === 0) return fallback;
  const chosen = match(requested, LOCALES, fallback, { algorithm: 'best fit' });
  return isLocale(chosen) ? chosen : fallback;
}

/** The matcher throws on a malformed tag ("en_US", "*"); a browser's junk must not fail the page. */
function isWellFormed(tag: string): boolean {
  try {
    return Intl.getCanonicalLocales(tag).length === 1;
  } catch {
    return false;
  }
}
