'use client';

import { useFormatter, useTranslations } from 'next-intl';
import { useClockSince } from './use-clock';
import { useHydrated, useTimeFormatter } from './use-time-zone';

/**
 * A time in the viewer's chosen zone, with the absolute time in both zones on hover; `relative` adds
 * "(3 minutes ago)" in the reader's language once in the browser (the server cannot know when it is read).
 */
export function TimeText({ iso, relative = false }: { iso: string | undefined; relative?: boolean }) {
  const t = useTranslations('time');
  const format = useFormatter();
  const time = useTimeFormatter();
  const hydrated = useHydrated();
  const ms = iso ? Date.parse(iso) : Number.NaN;
  // Moves as the text would: "12 seconds ago" every second, "3 hours ago" once a minute.
  const now = useClockSince(ms);
  if (!iso || Number.isNaN(ms)) return <span className="muted">—</span>;
  const title = hydrated ? `${t('utc', { time: time(iso, 'UTC') })}\n${t('local', { time: time(iso, 'local') })}` : undefined;
  return (
    <>
      <time dateTime={iso} title={title}>
        {time(iso)}
      </time>
      {relative && hydrated && <span className="muted"> {t('relative', { when: format.relativeTime(ms, now) })}</span>}
    </>
  );
}
