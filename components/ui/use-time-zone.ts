'use client';

import { useLocale } from 'next-intl';
import { useSyncExternalStore } from 'react';
import { formatTime, type TimeZoneChoice } from '@/lib/format/time';

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

/** Lays a time out in the reader's language, in the zone they chose unless told another. */
export function useTimeFormatter(): (iso: string | undefined, zone?: TimeZoneChoice) => string {
  const chosen = useTimeZone();
  const locale = useLocale();
  return (iso, zone = chosen) => formatTime(iso, { timeZone: zone, locale });
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
