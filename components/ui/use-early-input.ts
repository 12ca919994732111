'use client';

import { useEffect } from 'react';

/** A field by its id: the value the component's state holds for it, and how to take another. */
export type EarlyField = { held: string; take: (value: string) => void };

/**
 * Takes what a person chose or typed in server-rendered fields before the page hydrated. React leaves
 * such a select's or input's value in place when it hydrates (react-dom's hydrateInstance), and fires no
 * change for it, so the state would still hold the server's value: the form would show one choice and
 * submit another. Once, on mount, each field is read by id and a value that differs is handed on.
 */
export function useEarlyInput(fields: Record<string, EarlyField>): void {
  useEffect(() => {
    for (const [id, { held, take }] of Object.entries(fields)) {
      const field = document.getElementById(id);
      if ((field instanceof HTMLInputElement || field instanceof HTMLSelectElement) && field.value !== held) take(field.value);
    }
    // Once: later changes reach the state through the fields' own onChange.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
}
