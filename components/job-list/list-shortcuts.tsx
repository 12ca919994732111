'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useRef } from 'react';

// The list from the keyboard: / to search, j and k through the jobs (with a visible focus), Enter to
// open one, [ and ] to page, ? for this list. Keys are left alone while someone types in a field, and
// with Ctrl, Alt or Meta held, so neither typing nor the browser's own shortcuts are taken.

const KEYS = ['/', 'j', 'k', 'Enter', '[', ']', '?'] as const;
type Key = (typeof KEYS)[number];

function typingIn(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/** The rows' links, in order. */
const jobLinks = () => [...document.querySelectorAll<HTMLAnchorElement>('.jobs-table tbody a.job-link')];

export function ListShortcuts() {
  const t = useTranslations('list.shortcuts');
  const dialog = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey || typingIn(event.target) || dialog.current?.open) return;
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
          dialog.current?.showModal();
          return;
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  return (
    <>
      <button type="button" className="small shortcuts-button" onClick={() => dialog.current?.showModal()} aria-keyshortcuts="?">
        {t('button')}
      </button>
      <dialog ref={dialog} className="shortcuts" aria-labelledby="shortcuts-title">
        <h2 id="shortcuts-title">{t('title')}</h2>
        <dl>
          {KEYS.map((key: Key) => (
            <div key={key}>
              <dt>
                <kbd>{key === 'Enter' ? t('enterKey') : key}</kbd>
              </dt>
              <dd>{t(`keys.${key === 'Enter' ? 'enter' : key === '/' ? 'search' : key === '[' ? 'previous' : key === ']' ? 'next' : key === '?' ? 'help' : key}`)}</dd>
            </div>
          ))}
        </dl>
        <p className="muted">{t('notWhileTyping')}</p>
        <form method="dialog">
          <button type="submit" autoFocus>
            {t('close')}
          </button>
        </form>
      </dialog>
    </>
  );
}
