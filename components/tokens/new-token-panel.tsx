'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useRef } from 'react';
import { CopyButton } from '@/components/ui/copy-button';
import type { NewApiToken } from '@/lib/tokens/token-limits';

/**
 * A token's secret, shown this once, with a curl line that works as it stands. The curl line names this
 * page's own origin: only the browser knows the address people reach the portal by.
 */
export function NewTokenPanel({ made, onDone }: { made: NewApiToken; onDone: () => void }) {
  const t = useTranslations('tokens');
  const heading = useRef<HTMLHeadingElement>(null);
  // The panel appears where the reader was not looking: take them (and a screen reader) to it.
  useEffect(() => heading.current?.focus(), []);
  const curl = `curl -H 'Authorization: Bearer ${made.Secret}' '${window.location.origin}/api/jobs?PageSize=20'`;
  return (
    <section className="new-token" aria-labelledby="new-token-made">
      <h2 id="new-token-made" ref={heading} tabIndex={-1}>
        {t('createdHeading')}
      </h2>
      <p>{t('created', { name: made.Token.Name })}</p>
      <p className="token-line">
        <span className="muted">{t('secretLabel')}</span>
        <code translate="no" className="token-secret">
          {made.Secret}
        </code>
        <CopyButton text={made.Secret} label={t('copyToken')} />
      </p>
      <p className="muted">{t('curlLabel')}</p>
      <pre className="token-curl" translate="no">
        <code>{curl}</code>
      </pre>
      <p className="presets">
        <CopyButton text={curl} label={t('copyCurl')} />
        <button type="button" className="small" onClick={onDone}>
          {t('done')}
        </button>
      </p>
    </section>
  );
}
