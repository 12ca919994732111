'use client';

import { useTranslations } from 'next-intl';
import { lazy, Suspense, useState } from 'react';

// The form and what it needs (the views API, the error texts) load when "Save view" first opens: a
// list page that is only read never fetches them (the page's first-load JavaScript, docs/benchmarks.md).
// React's lazy rather than next/dynamic, whose own loader would cost the first load more than this saves.
const SaveViewForm = lazy(() => import('./save-view-form').then((module) => ({ default: module.SaveViewForm })));

function FormLoading() {
  const t = useTranslations('views');
  return (
    <p role="status" className="muted">
      {t('formLoading')}
    </p>
  );
}

/** "Save view" beside the list's heading: names the list as it is as a saved view. */
export function SaveView() {
  const t = useTranslations('views');
  const [open, setOpen] = useState(false);
  return (
    <details className="save-view" onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>{t('save')}</summary>
      {open && (
        <Suspense fallback={<FormLoading />}>
          <SaveViewForm />
        </Suspense>
      )}
    </details>
  );
}
