'use client';

import { useSyncExternalStore } from 'react';

// The time now, for text that says how long ago something was. One ticker for the whole page, every
// second while anything listens; each reader takes it to its own granularity, so "12 seconds ago"
// advances every second while "3 hours ago" re-renders once a minute. A reader whose time changes (a
// live update brings a job's finish) reads the clock afresh with it, so two times on one screen never
// disagree about now. Zero on the server and in hydration: only the browser knows when it is read.

const listeners = new Set<() => void>();
let ticker: ReturnType<typeof setInterval> | undefined;

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  ticker ??= setInterval(() => listeners.forEach((l) => l()), 1000);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) {
      clearInterval(ticker);
      ticker = undefined;
    }
  };
}

/** How finely "ago" text for a moment `ageMs` old moves: by the second, then by ten, then by the minute. */
export function granularityFor(ageMs: number): number {
  return ageMs < 60_000 ? 1000 : ageMs < 3_600_000 ? 10_000 : 60_000;
}

/**
 * Now, in whole steps as fine as "ago" text for `sinceMs` needs (granularityFor): the page re-renders
 * this reader only when its step changes.
 */
export function useClockSince(sinceMs: number): number {
  return useSyncExternalStore(
    subscribe,
    () => {
      const now = Date.now();
      const step = granularityFor(Number.isNaN(sinceMs) ? Number.POSITIVE_INFINITY : now - sinceMs);
      return Math.floor(now / step) * step;
    },
    () => 0,
  );
}

/**
 * Now, in steps of `stepMs`, for text the server's HTML holds too (a job's "possibly stuck" age): the
 * server's render time while the page hydrates, so the browser's first render matches the HTML however
 * late it comes (a mismatch makes React throw the server's rows away and draw them again), then the
 * browser's own clock.
 */
export function useClockFrom(renderedAtMs: number, stepMs: number): number {
  return useSyncExternalStore(
    subscribe,
    () => Math.floor(Date.now() / stepMs) * stepMs,
    () => renderedAtMs,
  );
}
