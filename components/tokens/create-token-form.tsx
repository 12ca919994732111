'use client';

import { useTranslations } from 'next-intl';
import { useState, type FormEvent } from 'react';
import { reasonText } from '@/components/ui/error-text';
import { useErrorText } from '@/components/ui/use-error-text';
import { useHydrated } from '@/components/ui/use-time-zone';
import { ApiError } from '@/lib/api-client/fetch-json';
import { createApiToken } from '@/lib/api-client/tokens';
import { MAX_TOKEN_NAME, TOKEN_SCOPES, type NewApiToken, type TokenScope } from '@/lib/tokens/token-limits';

/** The lifetimes offered, cut to the portal's API_TOKEN_MAX_DAYS, which is always offered itself. */
function lifetimes(maxDays: number): number[] {
  return [...new Set([7, 30, 90, 365].filter((days) => days < maxDays).concat(maxDays))];
}

/** Names a token, picks how long it lives and what it may do, and makes it. */
export function CreateTokenForm({ maxDays, canSubmit, onCreated }: { maxDays: number; canSubmit: boolean; onCreated: (made: NewApiToken) => void }) {
  const t = useTranslations('tokens');
  const tErrors = useTranslations('errors');
  const describe = useErrorText();
  // Before the page's script runs, the form would post to the page itself: it waits for it.
  const hydrated = useHydrated();
  const offered = lifetimes(maxDays);
  const [name, setName] = useState('');
  const [days, setDays] = useState(offered.includes(30) ? 30 : offered[0]!);
  const [scope, setScope] = useState<TokenScope>('read');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    try {
      const made = await createApiToken(name, days, scope);
      setName('');
      setError(undefined);
      onCreated(made);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  const nameError = error instanceof ApiError && error.params?.field === 'Name' ? reasonText(tErrors, error) : undefined;
  return (
    <form onSubmit={submit} className="token-form" aria-labelledby="new-token-heading">
      <h2 id="new-token-heading">{t('newHeading')}</h2>
      <div className="field">
        <label htmlFor="token-name">{t('name')}</label>
        <input
          id="token-name"
          value={name}
          onChange={(event) => setName(event.target.value)}
          maxLength={MAX_TOKEN_NAME}
          required
          autoComplete="off"
          aria-describedby={nameError ? 'token-name-hint token-name-error' : 'token-name-hint'}
          {...(nameError ? { 'aria-invalid': true } : {})}
        />
        <p id="token-name-hint" className="muted hint">
          {t('nameHint')}
        </p>
        {nameError && (
          <p id="token-name-error" className="field-error">
            {nameError}
          </p>
        )}
      </div>
      <div className="field">
        <label htmlFor="token-days">{t('expires')}</label>
        <select id="token-days" value={days} onChange={(event) => setDays(Number(event.target.value))}>
          {offered.map((option) => (
            <option key={option} value={option}>
              {t('days', { days: option })}
            </option>
          ))}
        </select>
      </div>
      <fieldset className="field">
        <legend>{t('scope')}</legend>
        {TOKEN_SCOPES.filter((option) => option !== 'submit' || canSubmit).map((option) => (
          <label key={option} className="choice">
            <input type="radio" name="scope" value={option} checked={scope === option} onChange={() => setScope(option)} /> {t(`scopes.${option}`)}
          </label>
        ))}
      </fieldset>
      <button type="submit" className="primary" disabled={!hydrated || busy}>
        {busy ? t('creating') : t('create')}
      </button>
      {error !== undefined && !nameError && (
        <p role="alert" className="field-error">
          {describe(error)}
        </p>
      )}
    </form>
  );
}
