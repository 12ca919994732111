'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { useErrorText } from '@/components/ui/use-error-text';
import { ALL_TOKENS_API_URL, revokeApiToken, TOKENS_API_URL, useTokens } from '@/lib/api-client/tokens';
import type { ApiTokenInfo, NewApiToken } from '@/lib/tokens/token-limits';
import { CreateTokenForm } from './create-token-form';
import { NewTokenPanel } from './new-token-panel';
import { TokenTable } from './token-table';

export interface TokenManagerProps {
  maxDays: number;
  /** Whether the person may submit probes, and so make tokens of the submit scope. */
  canSubmit: boolean;
  initial: ApiTokenInfo[];
  /** Everyone's tokens, for an admin (API_TOKEN_ADMIN_GROUPS); absent for anyone else. */
  everyone?: ApiTokenInfo[];
  renderedAtMs: number;
}

/** /settings/tokens in the browser: make a token (its secret shown once), list them, revoke one. */
export function TokenManager({ maxDays, canSubmit, initial, everyone, renderedAtMs }: TokenManagerProps) {
  const t = useTranslations('tokens');
  const describe = useErrorText();
  const own = useTokens(TOKENS_API_URL, initial);
  const all = useTokens(everyone ? ALL_TOKENS_API_URL : null, everyone ?? []);
  const [made, setMade] = useState<NewApiToken>();
  const [message, setMessage] = useState('');
  const [error, setError] = useState<unknown>();

  const revoke = async (token: ApiTokenInfo) => {
    try {
      await revokeApiToken(token.Id);
      setError(undefined);
      if (made?.Token.Id === token.Id) setMade(undefined);
      setMessage(t('revoked', { name: token.Name }));
    } catch (failure) {
      setError(failure);
    }
  };

  const tokens = own.data ?? initial;
  return (
    <>
      {made ? (
        <NewTokenPanel made={made} onDone={() => setMade(undefined)} />
      ) : (
        <CreateTokenForm
          maxDays={maxDays}
          canSubmit={canSubmit}
          onCreated={(token) => {
            setMessage('');
            setMade(token);
          }}
        />
      )}
      <p role="status" className="muted">
        {message}
      </p>
      {error !== undefined && (
        <p role="alert" className="field-error">
          {describe(error)}
        </p>
      )}
      {own.error && <p className="field-error">{t('unavailable', { message: describe(own.error) })}</p>}
      {tokens.length === 0 ? (
        <p>{t('empty')}</p>
      ) : (
        <TokenTable caption={t('yours', { count: tokens.length })} tokens={tokens} showOwner={false} renderedAtMs={renderedAtMs} onRevoke={revoke} />
      )}
      {everyone && (
        <section aria-labelledby="everyone-heading">
          <h2 id="everyone-heading">{t('everyones', { count: (all.data ?? everyone).length })}</h2>
          <p className="muted">{t('everyonesIntro')}</p>
          {(all.data ?? everyone).length === 0 ? (
            <p>{t('emptyEveryone')}</p>
          ) : (
            <TokenTable caption={t('everyones', { count: (all.data ?? everyone).length })} tokens={all.data ?? everyone} showOwner renderedAtMs={renderedAtMs} onRevoke={revoke} />
          )}
        </section>
      )}
    </>
  );
}
