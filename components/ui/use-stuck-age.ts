'use client';

import { useLocale } from 'next-intl';
import { formatElapsed } from '@/lib/format/duration';
import type { Locale } from '@/lib/i18n/locales';
import { useClockFrom } from './use-clock';

/** A waiting job past the mark: its age in the page's language, and the mark in whole minutes. */
export interface StuckAgeText {
  age: string;
  minutes: number;
}

/**
 * For a job in Init, how long it has waited once that is longer than `stuckAfterMs`
 * (STUCK_AFTER_MINUTES), else undefined: the list's rows and the job page mark it alike. The clock moves
 * by the half minute and hydrates at `renderedAtMs`, the time the server's HTML was made with.
 */
export function useStuckAge(submitTime: string | undefined, renderedAtMs: number, stuckAfterMs: number): StuckAgeText | undefined {
  const locale = useLocale() as Locale;
  const nowMs = useClockFrom(renderedAtMs, 30_000);
  const age = submitTime ? nowMs - Date.parse(submitTime) : Number.NaN;
  return age > stuckAfterMs ? { age: formatElapsed(age, locale), minutes: Math.round(stuckAfterMs / 60_000) } : undefined;
}
