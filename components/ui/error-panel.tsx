'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useTransition, type ReactNode } from 'react';

export interface ErrorPanelProps {
  title: string;
  message: string;
  requestId?: string;
  /** Shown for errors a retry may cure; by default it re-renders the page from the server. */
  retryable?: boolean;
  onRetry?: () => void;
  children?: ReactNode;
}

/** What went wrong, what to do, and the id operators need; never a stack trace. */
export function ErrorPanel({ title, message, requestId, retryable = true, onRetry, children }: ErrorPanelProps) {
  const t = useTranslations('errors');
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const retry = onRetry ?? (() => startTransition(() => router.refresh()));
  return (
    <section className="panel error" role="alert" aria-labelledby="error-title">
      <h2 id="error-title">{title}</h2>
      <p>{message}</p>
      {requestId && (
        <p className="muted">{t.rich('requestId', { id: requestId, code: (chunks) => <code>{chunks}</code> })}</p>
      )}
      {children}
      {retryable && (
        <button type="button" onClick={retry} disabled={pending}>
          {pending ? t('retrying') : t('retry')}
        </button>
      )}
    </section>
  );
}
