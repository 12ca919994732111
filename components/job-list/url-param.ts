'use client';

import { useSearchParams } from 'next/navigation';
import { useSyncExternalStore } from 'react';

// A parameter of the list's URL that the page itself changes without a navigation: the selection, the
// columns. Written with the History API, so a reload or a shared link keeps it while ticking a box
// renders nothing again on the server (nor asks ICE again). Read from the address itself, and every
// reader told at once, so all of them agree the moment it changes (Next.js applies a History API URL to
// useSearchParams a moment later); useSearchParams still re-renders readers on a navigation.

const listeners = new Set<() => void>();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The parameter's value now, or null when the URL does not have it. */
export function useUrlParam(name: string): string | null {
  const params = useSearchParams();
  return useSyncExternalStore(
    subscribe,
    () => new URLSearchParams(window.location.search).get(name),
    () => params.get(name),
  );
}

/** Sets the parameter (null removes it) in place, and tells every reader. */
export function setUrlParam(name: string, value: string | null): void {
  const url = new URL(window.location.href);
  if (value === null) url.searchParams.delete(name);
  else url.searchParams.set(name, value);
  // null, not history.state: Next.js applies a new URL to useSearchParams only for state it did not write.
  window.history.replaceState(null, '', url);
  for (const listener of listeners) listener();
}
