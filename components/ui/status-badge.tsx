import { useTranslations } from 'next-intl';

// Status as a word and a symbol, never colour alone; ICE's names translated only here, for people.
const SYMBOLS = { Success: '✓', Fail: '✕', Init: '◷' } as const;
const isKnown = (status: string): status is keyof typeof SYMBOLS => Object.hasOwn(SYMBOLS, status);

export function StatusBadge({ status }: { status: string }) {
  const t = useTranslations('status');
  const known = isKnown(status);
  return (
    <span className={`badge badge-${known ? status : 'other'}`} title={t('title', { status })}>
      <span aria-hidden="true">{known ? SYMBOLS[status] : '?'}</span>
      {known ? t(status) : status}
    </span>
  );
}
