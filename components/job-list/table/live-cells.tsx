'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useClockFrom } from '@/components/ui/use-clock';
import { useTimeFormatter, useZoneName } from '@/components/ui/use-time-zone';
import { formatElapsed } from '@/lib/format/duration';
import type { Locale } from '@/lib/i18n/locales';

// The parts of a row that change on their own once the page has hydrated: the times, from the server's
// UTC to the reader's chosen zone, and a waiting job's age. Each reads the zone or the clock itself, so
// that change re-renders these small parts, not the whole table: done by the table, it re-rendered every
// row of a 100-row page at once right after hydration, about 45 ms in one task (docs/benchmarks.md).

/** A time in the chosen zone, without the zone's name: the column's header says it once. */
export function ZonedTime({ iso }: { iso: string | undefined }) {
  const time = useTimeFormatter();
  return <time dateTime={iso}>{time(iso, undefined, false)}</time>;
}

/** A time column's header, which names the zone its times are in ("Submitted (UTC)"). */
export function ZoneHeading({ column }: { column: 'submitted' | 'finished' }) {
  const t = useTranslations('list');
  const zone = useZoneName();
  return t(column === 'submitted' ? 'columns.submittedIn' : 'columns.finishedIn', { zone });
}

/**
 * "possibly stuck · 22 min" for a job in Init longer than `stuckAfterMs`, nothing otherwise. Its clock
 * moves by the half minute, and hydrates at `renderedAtMs`, the time the server's HTML was made with.
 */
export function StuckAge({ submitTime, renderedAtMs, stuckAfterMs }: { submitTime: string | undefined; renderedAtMs: number; stuckAfterMs: number }) {
  const t = useTranslations('list');
  const locale = useLocale() as Locale;
  const nowMs = useClockFrom(renderedAtMs, 30_000);
  const age = submitTime ? nowMs - Date.parse(submitTime) : Number.NaN;
  if (!(age > stuckAfterMs)) return null;
  return (
    <span className="stuck secondary" title={t('stuck.title', { minutes: Math.round(stuckAfterMs / 60_000) })}>
      {t.rich('stuck.label', { age: formatElapsed(age, locale), unbroken: (chunks) => <span className="unbroken">{chunks}</span> })}
    </span>
  );
}
