'use client';

import { useSyncExternalStore } from 'react';
import type { TimeZoneChoice } from '@/lib/format/time';

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
