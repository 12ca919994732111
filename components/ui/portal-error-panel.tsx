import { useTranslations } from 'next-intl';
import type { PortalError } from '@/lib/errors';
import { ErrorPanel } from './error-panel';
import { errorText } from './error-text';

const TITLED = ['invalid_input', 'upstream_throttled', 'upstream_timeout', 'portal_misconfigured'] as const;
const hasTitle = (code: PortalError['code']): code is (typeof TITLED)[number] => (TITLED as readonly string[]).includes(code);

/** A PortalError as a page shows it, in the reader's language: title, message, RequestId, and a retry when one can help. */
export function PortalErrorPanel({ error, what }: { error: PortalError; what: 'list' | 'job' | 'page' }) {
  const t = useTranslations('errors');
  return (
    <ErrorPanel
      title={hasTitle(error.code) ? t(`titles.${error.code}`) : t('couldNotLoad', { what })}
      message={errorText(t, error, error.message)}
      requestId={error.requestId}
      retryable={error.code !== 'invalid_input'}
    />
  );
}
