'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';

/** The jobs selected on the list: how many, their JobIds to the clipboard, and a way to clear them. */
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
      <button type="button" className="small" onClick={clear}>
        {t('clear')}
      </button>
    </div>
  );
}
