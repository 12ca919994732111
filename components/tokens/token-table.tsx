'use client';

import { useTranslations } from 'next-intl';
import { SortableTable, type Column } from '@/components/ui/sortable-table';
import { TimeText } from '@/components/ui/time-text';
import { useClockFrom } from '@/components/ui/use-clock';
import type { ApiTokenInfo } from '@/lib/tokens/token-limits';

/** Tokens with when they were made, expire and were last used, each with its Revoke button. */
export function TokenTable({
  caption,
  tokens,
  showOwner,
  renderedAtMs,
  onRevoke,
}: {
  caption: string;
  tokens: ApiTokenInfo[];
  showOwner: boolean;
  /** The server's clock when it drew the page: what hydration compares expiries with. */
  renderedAtMs: number;
  onRevoke: (token: ApiTokenInfo) => void;
}) {
  const t = useTranslations('tokens');
  const now = useClockFrom(renderedAtMs, 60_000);
  const columns: Column<ApiTokenInfo>[] = [
    { key: 'name', label: t('columns.name'), render: (token) => token.Name, sortValue: (token) => token.Name },
    ...(showOwner ? [{ key: 'owner', label: t('columns.owner'), render: (token: ApiTokenInfo) => token.Owner, sortValue: (token: ApiTokenInfo) => token.Owner }] : []),
    { key: 'scope', label: t('columns.scope'), render: (token) => t(`scopeNames.${token.Scope}`) },
    { key: 'created', label: t('columns.created'), render: (token) => <TimeText iso={token.CreatedAt} />, sortValue: (token) => token.CreatedAt },
    {
      key: 'expires',
      label: t('columns.expires'),
      render: (token) => (
        <>
          <TimeText iso={token.ExpiresAt} />
          {Date.parse(token.ExpiresAt) <= now && <span className="badge badge-Fail">{t('expired')}</span>}
        </>
      ),
      sortValue: (token) => token.ExpiresAt,
    },
    {
      key: 'used',
      label: t('columns.lastUsed'),
      render: (token) => (token.LastUsedAt ? <TimeText iso={token.LastUsedAt} relative /> : <span className="muted">{t('never')}</span>),
      sortValue: (token) => token.LastUsedAt,
    },
    {
      key: 'actions',
      label: t('columns.actions'),
      render: (token) => (
        <button type="button" className="small" onClick={() => onRevoke(token)} aria-label={t('revokeLabel', { name: token.Name })}>
          {t('revoke')}
        </button>
      ),
    },
  ];
  return <SortableTable caption={caption} columns={columns} rows={tokens} rowKey={(token) => token.Id} stacked />;
}
