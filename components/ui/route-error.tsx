'use client';

import { useTranslations } from 'next-intl';
import { ErrorPanel } from './error-panel';

// Only unexpected failures reach an error boundary: ICE's own errors are shown in place by the pages,
// with their RequestId. Production hides a server error's message, so the digest is what operators match.
export function RouteError({ error, retry }: { error: unknown; retry: () => void }) {
  const t = useTranslations('errors.unexpected');
  const digest = (error as { digest?: string } | null)?.digest;
  return (
    <ErrorPanel
      title={t('title')}
      message={t('message')}
      requestId={digest}
      onRetry={retry}
    />
  );
}
