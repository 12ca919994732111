'use client';

import { useFormatter, useLocale, useNow, useTranslations } from 'next-intl';
import { formatTime } from '@/lib/format/time';
import { useHydrated, useTimeZone } from './use-time-zone';

/**
 * A time in the viewer's chosen zone, with the absolute time in both zones on hover; `relative` adds
 * "(3 minutes ago)" in the reader's language once in the browser (the server cannot know when it is read).
 */
export function TimeText({ iso, relative = false }: { iso: string | undefined; relative?: boolean }) {
  const t = useTranslations('time');
  const format = useFormatter();
  const locale = useLocale();
  const zone = useTimeZone();
  const hydrated = useHydrated();
  // Ticks each minute, so "3 minutes ago" stays true on a page left open.
  const now = useNow({ updateInterval: 60_000 });
  const ms = iso ? Date.parse(iso) : Number.NaN;
  if (!iso || Number.isNaN(ms)) return <span className="muted">—</span>;
  const title = hydrated ? `${t('utc', { time: formatTime(iso, { timeZone: 'UTC', locale }) })}\n${t('local', { time: formatTime(iso, { timeZone: 'local', locale }) })}` : undefined;
  return (
    <>
      <time dateTime={iso} title={title}>
        {formatTime(iso, { timeZone: zone, locale })}
      </time>
      {relative && hydrated && <span className="muted"> {t('relative', { when: format.relativeTime(ms, now) })}</span>}
    </>
  );
}
