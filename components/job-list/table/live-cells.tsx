'use client';

import { useTranslations } from 'next-intl';
import { useStuckAge } from '@/components/ui/use-stuck-age';
import { useTimeFormatter, useZoneName } from '@/components/ui/use-time-zone';

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

/** "possibly stuck · 22 min" for a job in Init longer than `stuckAfterMs`, nothing otherwise. */
export function StuckAge({ submitTime, renderedAtMs, stuckAfterMs }: { submitTime: string | undefined; renderedAtMs: number; stuckAfterMs: number }) {
  const t = useTranslations('list');
  const stuck = useStuckAge(submitTime, renderedAtMs, stuckAfterMs);
  if (!stuck) return null;
  return (
    <span className="stuck secondary" title={t('stuck.title', { minutes: stuck.minutes })}>
      {t.rich('stuck.label', { age: stuck.age, unbroken: (chunks) => <span className="unbroken">{chunks}</span> })}
    </span>
  );
}
