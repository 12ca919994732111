// The portal's languages, safe to import anywhere (proxy.ts and the browser included). URLs carry no
// language: the reader's choice lives in a cookie, so a shared link opens in the reader's own language.

export const LOCALES = ['en', 'zh-CN'] as const;
export type Locale = (typeof LOCALES)[number];

/** The built-in fallback when neither the reader nor DEFAULT_LOCALE says otherwise. */
export const FALLBACK_LOCALE: Locale = 'en';

/** Set by the language switch in the header; read on every request. Not a secret, so not HttpOnly. */
export const LOCALE_COOKIE = 'ice-portal-locale';
export const LOCALE_COOKIE_MAX_AGE_SECONDS = 365 * 86_400;

/** Each language's name in itself: a reader looks for their own language written their own way. */
export const LOCALE_NAMES: Record<Locale, string> = { en: 'English', 'zh-CN': '简体中文' };

export const isLocale = (value: unknown): value is Locale => typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
