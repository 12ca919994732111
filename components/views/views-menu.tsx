'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { useErrorText } from '@/components/ui/use-error-text';
import { useViews } from '@/lib/api-client/views';

/** The header's list of the person's saved views: read when first opened, each a link to its list. */
export function ViewsMenu() {
  const t = useTranslations('views');
  const describe = useErrorText();
  const [opened, setOpened] = useState(false);
  const { data: views, error, isLoading } = useViews(opened);
  return (
    <details className="views-menu" onToggle={(e) => e.currentTarget.open && setOpened(true)}>
      <summary>{t('menu')}</summary>
      <div className="menu-body">
        {isLoading && <p className="muted">{t('loading')}</p>}
        {error && <p className="field-error">{describe(error)}</p>}
        {views && views.length === 0 && <p className="muted">{t('none')}</p>}
        {views && views.length > 0 && (
          <ul>
            {views.map((view) => (
              <li key={view.Id}>
                <Link href={view.Url} prefetch={false}>
                  {view.Name}
                </Link>
              </li>
            ))}
          </ul>
        )}
        <Link href="/views" prefetch={false}>
          {t('manage')}
        </Link>
      </div>
    </details>
  );
}
