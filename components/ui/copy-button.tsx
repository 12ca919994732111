'use client';

import { useEffect, useState } from 'react';

/** Copies `text`; `value: 'url'` copies the page's own address, which only the browser knows. */
export function CopyButton({ text, label, value }: { text?: string; label: string; value?: 'url' }) {
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
      {state === 'copied' ? 'Copied' : state === 'failed' ? 'Copy failed' : 'Copy'}
      <span className="visually-hidden" aria-live="polite">
        {state === 'copied' ? `${label}: done` : state === 'failed' ? `${label}: the browser refused` : ''}
      </span>
    </button>
  );
}
