'use client';

import { formatTime } from '@/lib/format/time';
import { useHydrated, useTimeZone } from './use-time-zone';

/** A time in the viewer's chosen zone, with the absolute time in both zones on hover. */
export function TimeText({ iso }: { iso: string | undefined }) {
  const zone = useTimeZone();
  const hydrated = useHydrated();
  if (!iso) return <span className="muted">—</span>;
  const title = hydrated ? `${formatTime(iso, { timeZone: 'UTC' })}\n${formatTime(iso, { timeZone: 'local' })}` : undefined;
  return (
    <time dateTime={iso} title={title}>
      {formatTime(iso, { timeZone: zone })}
    </time>
  );
}
