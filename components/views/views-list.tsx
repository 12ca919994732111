'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { useErrorText } from '@/components/ui/use-error-text';
import { useViews } from '@/lib/api-client/views';
import type { SavedView } from '@/lib/views/view-url';
import { ViewRow } from './view-row';

/** The person's views on /views: the server's list first, then the shared SWR copy as it changes. */
export function ViewsList({ initial }: { initial: SavedView[] }) {
  const t = useTranslations('views');
  const describe = useErrorText();
  const { data: views = initial, error } = useViews();
  const [message, setMessage] = useState('');
  return (
    <>
      <p role="status" className="muted">
        {message}
      </p>
      {error && <p className="field-error">{t('unavailable', { message: describe(error) })}</p>}
      {views.length === 0 ? (
        <p>{t.rich('empty', { link: (chunks) => <Link href="/jobs">{chunks}</Link> })}</p>
      ) : (
        <ul className="views-list">
          {views.map((view) => (
            <ViewRow key={`${view.Id}|${view.UpdatedAt}`} view={view} onChanged={setMessage} />
          ))}
        </ul>
      )}
    </>
  );
}
