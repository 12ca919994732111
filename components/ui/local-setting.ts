'use client';

// One setting this browser remembers in localStorage, for useSyncExternalStore: read it, write it, and
// hear of a change made by this page or by another tab (the storage event). Without storage (private
// mode), reads say null and a write lasts for this page only.

export interface LocalSetting {
  read(): string | null;
  /** null removes the setting. */
  write(value: string | null): void;
  subscribe(listener: () => void): () => void;
}

export function localSetting(key: string): LocalSetting {
  const listeners = new Set<() => void>();
  return {
    read() {
      try {
        return window.localStorage.getItem(key);
      } catch {
        return null;
      }
    },
    write(value) {
      try {
        if (value === null) window.localStorage.removeItem(key);
        else window.localStorage.setItem(key, value);
      } catch {
        // No storage: nothing to keep, the listeners still redraw this page.
      }
      for (const listener of listeners) listener();
    },
    subscribe(listener) {
      listeners.add(listener);
      window.addEventListener('storage', listener);
      return () => {
        listeners.delete(listener);
        window.removeEventListener('storage', listener);
      };
    },
  };
}
