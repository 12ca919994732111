'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { COMPARE_PARAM, MAX_COMPARED, MIN_COMPARED } from '@/lib/compare/compare-limits';
import { useEffect, useState } from 'react';

/** The jobs selected on the list: how many, their JobIds to the clipboard, comparing two to four, and a way to clear them. */
export function SelectionBar({ selected, clear }: { selected: string[]; clear: () => void }) {
  const t = useTranslations('list.selection');
  const [copied, setCopied] = useState(false);
  useEffect(() => {
    if (!copied) return;
    const timer = setTimeout(() => setCopied(false), 2000);
    return () => clearTimeout(timer);
  }, [copied]);
  if (selected.length === 0) return null;
  return (
    <div className="selection-bar">
      <span role="status">{t('count', { count: selected.length })}</span>
      <button type="button" className="small" onClick={() => navigator.clipboard.writeText(selected.join('\n')).then(() => setCopied(true), () => setCopied(false))}>
        {copied ? t('copied') : t('copyIds')}
      </button>
      {selected.length >= MIN_COMPARED && selected.length <= MAX_COMPARED ? (
        <Link className="button small" href={`/compare?${new URLSearchParams({ [COMPARE_PARAM]: selected.join(',') })}`} prefetch={false}>
          {t('compare')}
        </Link>
      ) : (
        <span className="muted">{t('compareHint')}</span>
      )}
      <button type="button" className="small" onClick={clear}>
        {t('clear')}
      </button>
    </div>
  );
}
