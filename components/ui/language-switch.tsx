'use client';

import { useRouter } from 'next/navigation';
import { useLocale, useTranslations } from 'next-intl';
import { useTransition } from 'react';
import { useEarlyInput } from './use-early-input';
import { isLocale, LOCALE_COOKIE, LOCALE_COOKIE_MAX_AGE_SECONDS, LOCALE_NAMES, LOCALES } from '@/lib/i18n/locales';

/**
 * The reader's language, remembered in a cookie for a year. URLs stay the same, so the page is simply
 * rendered again by the server in the new language (router.refresh also drops pages cached in the old one).
 */
export function LanguageSwitch() {
  const t = useTranslations('header');
  const locale = useLocale();
  const router = useRouter();
  const [pending, startTransition] = useTransition();

  const choose = (next: string) => {
    if (!isLocale(next) || next === locale) return;
    const secure = window.location.protocol === 'https:' ? '; Secure' : '';
    document.cookie = `${LOCALE_COOKIE}=${next}; Path=/; Max-Age=${LOCALE_COOKIE_MAX_AGE_SECONDS}; SameSite=Lax${secure}`;
    startTransition(() => router.refresh());
  };
  useEarlyInput({ language: { held: locale, take: choose } });

  return (
    <div className="field inline-field">
      <label htmlFor="language">{t('language')}</label>
      <select id="language" value={locale} onChange={(e) => choose(e.target.value)} aria-busy={pending || undefined}>
        {LOCALES.map((l) => (
          <option key={l} value={l} lang={l}>
            {LOCALE_NAMES[l]}
          </option>
        ))}
      </select>
    </div>
  );
}
