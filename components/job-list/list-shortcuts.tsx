'use client';

import { useTranslations } from 'next-intl';
import { lazy, Suspense, useEffect, useState } from 'react';

// The list from the keyboard: / to search, j and k through the jobs (with a visible focus), Enter to
// open one, [ and ] to page, ? for this list. Keys are left alone while someone types in a field, and
// with Ctrl, Alt or Meta held, so neither typing nor the browser's own shortcuts are taken.

// The list of keys loads when it is first asked for: most visits never open it (first-load JavaScript).
const ShortcutsDialog = lazy(() => import('./shortcuts-dialog').then((module) => ({ default: module.ShortcutsDialog })));

function typingIn(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/** The rows' links, in order. */
const jobLinks = () => [...document.querySelectorAll<HTMLAnchorElement>('.jobs-table tbody a.job-link')];

/** Whether the list of keys is open: keys then belong to it. */
const helpOpen = () => !!document.querySelector('dialog.shortcuts[open]');

export function ListShortcuts() {
  const t = useTranslations('list.shortcuts');
  // How often the list was asked for: each ask opens it again.
  const [asked, setAsked] = useState(0);
  const ask = () => setAsked((count) => count + 1);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey || typingIn(event.target) || helpOpen()) return;
      switch (event.key) {
        case '/': {
          const search = document.querySelector<HTMLInputElement>('.filter-bar input[type="search"]');
          if (!search) return;
          event.preventDefault();
          if (search.offsetParent) return search.focus();
          // On a phone the filters are folded away: unfold them, and focus once they are drawn.
          document.querySelector<HTMLButtonElement>('.filters-toggle[aria-expanded="false"]')?.click();
          requestAnimationFrame(() => search.focus());
          return;
        }
        case 'j':
        case 'k': {
          const links = jobLinks();
          if (links.length === 0) return;
          const at = links.indexOf(document.activeElement as HTMLAnchorElement);
          const next = at === -1 ? (event.key === 'j' ? 0 : links.length - 1) : Math.min(links.length - 1, Math.max(0, at + (event.key === 'j' ? 1 : -1)));
          event.preventDefault();
          links[next]!.focus();
          links[next]!.closest('tr')?.scrollIntoView({ block: 'nearest' });
          return;
        }
        case '[':
        case ']': {
          const link = document.querySelector<HTMLAnchorElement>(`nav.pager a[rel="${event.key === '[' ? 'prev' : 'next'}"]`);
          if (!link) return;
          event.preventDefault();
          link.click();
          return;
        }
        case '?':
          event.preventDefault();
          ask();
          return;
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  return (
    <>
      <button type="button" className="small shortcuts-button" onClick={ask} aria-keyshortcuts="?">
        {t('button')}
      </button>
      {asked > 0 && (
        <Suspense>
          <ShortcutsDialog asked={asked} />
        </Suspense>
      )}
    </>
  );
}
