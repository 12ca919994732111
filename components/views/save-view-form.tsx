'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useState, type FormEvent } from 'react';
import { columnsParamOf, useColumnChoice } from '@/components/job-list/table/use-column-choice';
import { reasonText } from '@/components/ui/error-text';
import { useErrorText } from '@/components/ui/use-error-text';
import { ApiError } from '@/lib/api-client/fetch-json';
import { saveView } from '@/lib/api-client/views';
import { COLUMNS_PARAM } from '@/lib/jobs/list-query';
import { MAX_VIEW_NAME, viewUrlOf } from '@/lib/views/view-url';

/**
 * Names the list as it is (its filters, time window and columns) as a saved view. The view is the
 * page's address, without paging and selection; the columns go into it when this browser has a choice
 * of its own, so the view opens with them anywhere. Loaded when "Save view" opens (save-view.tsx).
 */
export function SaveViewForm() {
  const t = useTranslations('views');
  const tErrors = useTranslations('errors');
  const describe = useErrorText();
  const { choice } = useColumnChoice();
  const [name, setName] = useState('');
  const [state, setState] = useState<{ kind: 'idle' } | { kind: 'saving' } | { kind: 'saved'; name: string } | { kind: 'failed'; error: unknown }>({ kind: 'idle' });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (state.kind === 'saving') return;
    const url = new URL(window.location.href);
    if (!url.searchParams.has(COLUMNS_PARAM) && Object.keys(choice).length > 0) url.searchParams.set(COLUMNS_PARAM, columnsParamOf(choice));
    setState({ kind: 'saving' });
    try {
      const view = await saveView(name, viewUrlOf(`${url.pathname}${url.search}`));
      setState({ kind: 'saved', name: view.Name });
      setName('');
    } catch (error) {
      setState({ kind: 'failed', error });
    }
  };

  const nameError = state.kind === 'failed' && state.error instanceof ApiError && state.error.params?.field === 'Name' ? reasonText(tErrors, state.error) : undefined;
  return (
    <form onSubmit={submit} aria-label={t('save')}>
      <div className="field">
        <label htmlFor="view-name">{t('name')}</label>
        <input
          id="view-name"
          value={name}
          onChange={(e) => setName(e.target.value)}
          maxLength={MAX_VIEW_NAME}
          required
          autoComplete="off"
          {...(nameError ? { 'aria-invalid': true, 'aria-describedby': 'view-name-error' } : {})}
        />
        {nameError && (
          <p id="view-name-error" className="field-error">
            {nameError}
          </p>
        )}
      </div>
      <button type="submit" className="primary" aria-disabled={state.kind === 'saving'}>
        {t('saveButton')}
      </button>
      <p role="status" className="muted">
        {state.kind === 'saved' && t.rich('saved', { name: state.name, link: (chunks) => <Link href="/views">{chunks}</Link> })}
      </p>
      {state.kind === 'failed' && !nameError && (
        <p role="alert" className="field-error">
          {describe(state.error)}
        </p>
      )}
    </form>
  );
}
