'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useState, type FormEvent } from 'react';
import { CopyButton } from '@/components/ui/copy-button';
import { reasonText } from '@/components/ui/error-text';
import { useErrorText } from '@/components/ui/use-error-text';
import { ApiError } from '@/lib/api-client/fetch-json';
import { deleteSavedView, renameSavedView } from '@/lib/api-client/views';
import { MAX_VIEW_NAME, type SavedView } from '@/lib/views/view-url';

/** One saved view on /views: open it, copy its link, rename it in place, delete it. */
export function ViewRow({ view, onChanged }: { view: SavedView; onChanged: (message: string) => void }) {
  const t = useTranslations('views');
  const tErrors = useTranslations('errors');
  const describe = useErrorText();
  const [renaming, setRenaming] = useState(false);
  const [name, setName] = useState(view.Name);
  const [error, setError] = useState<unknown>();

  const rename = async (event: FormEvent) => {
    event.preventDefault();
    try {
      const renamed = await renameSavedView(view.Id, name);
      setRenaming(false);
      setError(undefined);
      onChanged(t('renamed', { name: renamed.Name }));
    } catch (failure) {
      setError(failure);
    }
  };
  const remove = async () => {
    try {
      await deleteSavedView(view.Id);
      onChanged(t('deleted', { name: view.Name }));
    } catch (failure) {
      setError(failure);
    }
  };

  const fieldError = error instanceof ApiError && error.params?.field === 'Name' ? reasonText(tErrors, error) : undefined;
  return (
    <li className="view-row">
      {renaming ? (
        <form onSubmit={rename} className="presets">
          <label className="visually-hidden" htmlFor={`rename-${view.Id}`}>
            {t('renameLabel', { name: view.Name })}
          </label>
          <input
            id={`rename-${view.Id}`}
            value={name}
            onChange={(e) => setName(e.target.value)}
            maxLength={MAX_VIEW_NAME}
            required
            autoFocus
            {...(fieldError ? { 'aria-invalid': true, 'aria-describedby': `rename-${view.Id}-error` } : {})}
          />
          <button type="submit" className="small primary">
            {t('renameSave')}
          </button>
          <button type="button" className="small" onClick={() => setRenaming(false)}>
            {t('cancel')}
          </button>
          {fieldError && (
            <p id={`rename-${view.Id}-error`} className="field-error">
              {fieldError}
            </p>
          )}
        </form>
      ) : (
        <>
          <Link href={view.Url} className="view-name" prefetch={false}>
            {view.Name}
          </Link>
          <code className="muted view-url" translate="no">
            {view.Url}
          </code>
          <span className="presets">
            <CopyButton path={view.Url} label={t('copyLink')} />
            <button type="button" className="small" onClick={() => setRenaming(true)}>
              {t('rename')}
            </button>
            <button type="button" className="small" onClick={remove} aria-label={t('deleteLabel', { name: view.Name })}>
              {t('delete')}
            </button>
          </span>
        </>
      )}
      {error !== undefined && !fieldError && (
        <p role="alert" className="field-error">
          {describe(error)}
        </p>
      )}
    </li>
  );
}
