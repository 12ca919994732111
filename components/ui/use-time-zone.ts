'use client';

import { useLocale } from 'next-intl';
import { useSyncExternalStore } from 'react';
import { formatTime, zoneName, type TimeZoneChoice } from '@/lib/format/time';

// The viewer's choice of time zone for every time on screen, remembered in localStorage. The server
// cannot know the viewer's zone, so server HTML and hydration use UTC and the choice applies right after.

const STORAGE_KEY = 'ice-portal.time-zone';
const listeners = new Set<() => void>();

function read(): TimeZoneChoice {
  try {
    return window.localStorage.getItem(STORAGE_KEY) === 'UTC' ? 'UTC' : 'local';
  } catch {
    return 'local';
  }
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  window.addEventListener('storage', listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', listener);
  };
}

export function useTimeZone(): TimeZoneChoice {
  return useSyncExternalStore(subscribe, read, () => 'UTC');
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
  try {
    window.localStorage.setItem(STORAGE_KEY, choice);
  } catch {
    // Private mode without storage: the choice lasts for this page only.
  }
  for (const listener of listeners) listener();
}

const noop = () => () => undefined;

/** False during server rendering and hydration, true after: for values only the browser knows. */
export function useHydrated(): boolean {
  return useSyncExternalStore(noop, () => true, () => false);
}
