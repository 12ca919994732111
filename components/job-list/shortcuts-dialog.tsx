'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useRef } from 'react';

// The list's keyboard shortcuts, listed (list-shortcuts.tsx handles the keys and loads this on "?").

const KEYS = ['/', 'j', 'k', 'Enter', '[', ']', '?'] as const;
type Key = (typeof KEYS)[number];

/** `asked` counts the asks: each one opens the dialog, the first as soon as it is drawn. */
export function ShortcutsDialog({ asked }: { asked: number }) {
  const t = useTranslations('list.shortcuts');
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    if (!dialog.current?.open) dialog.current?.showModal();
  }, [asked]);

  return (
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
  );
}
