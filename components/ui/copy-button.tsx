'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';

/** Copies `text`; `value: 'url'` copies the page's own address, which only the browser knows. */
export function CopyButton({ text, label, value }: { text?: string; label: string; value?: 'url' }) {
  const t = useTranslations('copy');
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');

  useEffect(() => {
    if (state === 'idle') return;
    const timer = setTimeout(() => setState('idle'), 2000);
    return () => clearTimeout(timer);
  }, [state]);

  const copy = async () => {
    const content = value === 'url' ? window.location.href : (text ?? '');
    try {
      await navigator.clipboard.writeText(content);
      setState('copied');
    } catch {
      setState('failed');
    }
  };

  return (
    <button type="button" className="small" onClick={copy} aria-label={label} title={label}>
      {state === 'copied' ? t('copied') : state === 'failed' ? t('failed') : t('copy')}
      <span className="visually-hidden" aria-live="polite">
        {state === 'copied' ? t('done', { label }) : state === 'failed' ? t('refused', { label }) : ''}
      </span>
    </button>
  );
}
