'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';

/**
 * Copies `text`; `value: 'url'` copies the page's own address and `path` a path of this portal as an
 * address, both of which only the browser knows (the portal may sit behind a proxy). Its label
 * is its visible text ("Copy link", "Copy JobId"): two buttons on one page told apart by hidden labels
 * alone left sighted readers guessing.
 */
export function CopyButton({ text, label, value, path }: { text?: string; label: string; value?: 'url'; path?: string }) {
  const t = useTranslations('copy');
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');

  useEffect(() => {
    if (state === 'idle') return;
    const timer = setTimeout(() => setState('idle'), 2000);
    return () => clearTimeout(timer);
  }, [state]);

  const copy = async () => {
    const content = value === 'url' ? window.location.href : path !== undefined ? new URL(path, window.location.origin).href : (text ?? '');
    try {
      await navigator.clipboard.writeText(content);
      setState('copied');
    } catch {
      setState('failed');
    }
  };

  return (
    <button type="button" className="small" onClick={copy}>
      {state === 'copied' ? t('copied') : state === 'failed' ? t('failed') : label}
      <span className="visually-hidden" aria-live="polite">
        {state === 'copied' ? t('done', { label }) : state === 'failed' ? t('refused', { label }) : ''}
      </span>
    </button>
  );
}
