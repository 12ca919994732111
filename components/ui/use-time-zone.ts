'use client';

import { useLocale } from 'next-intl';
import { useSyncExternalStore } from 'react';
import { formatTime, zoneName, type TimeZoneChoice } from '@/lib/format/time';
import { localSetting } from './local-setting';

// The viewer's choice of time zone for every time on screen, remembered in localStorage. The server
// cannot know the viewer's zone, so server HTML and hydration use UTC and the choice applies right after.

const stored = localSetting('ice-portal.time-zone');
const read = (): TimeZoneChoice => (stored.read() === 'UTC' ? 'UTC' : 'local');

export function useTimeZone(): TimeZoneChoice {
  return useSyncExternalStore(stored.subscribe, read, () => 'UTC');
}

/**
 * Lays a time out in the reader's language, in the zone they chose unless told another; without the
 * zone's name when `withZone` is false (a table says it once, in its header: useZoneName).
 */
export function useTimeFormatter(): (iso: string | undefined, zone?: TimeZoneChoice, withZone?: boolean) => string {
  const chosen = useTimeZone();
  const locale = useLocale();
  return (iso, zone = chosen, withZone = true) => formatTime(iso, { timeZone: zone, locale, withZone });
}

/** The name of the zone times are shown in ("UTC", "GMT+8"), for a column's header. */
export function useZoneName(): string {
  const chosen = useTimeZone();
  const locale = useLocale();
  return zoneName({ timeZone: chosen, locale });
}

export function setTimeZone(choice: TimeZoneChoice): void {
  stored.write(choice);
}

const noop = () => () => undefined;

/** False during server rendering and hydration, true after: for values only the browser knows. */
export function useHydrated(): boolean {
  return useSyncExternalStore(noop, () => true, () => false);
}
