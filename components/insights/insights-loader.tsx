'use client';

import { useRouter } from 'next/navigation';
import { useFormatter, useTranslations } from 'next-intl';
import { useEffect, useState, useTransition } from 'react';
import { ErrorPanel } from '@/components/ui/error-panel';
import { useErrorText } from '@/components/ui/use-error-text';
import { readInsightsStream } from '@/lib/api-client/read-insights';
import type { Insights } from '@/lib/insights/figures';

// Runs the scan for figures nobody has kept: reads /api/insights as a stream and shows the figures so
// far (jobs read, by status, failures) while it runs. When the whole figures arrive they are kept in the
// store, and the page is drawn again from the server, charts and all. Leaving the page or changing a
// filter unmounts this and aborts the request, which stops the scan.

export function InsightsLoader({ apiHref, fresh = false }: { apiHref: string; fresh?: boolean }) {
  const t = useTranslations('insights.live');
  const format = useFormatter();
  const errorText = useErrorText();
  const router = useRouter();
  const [figures, setFigures] = useState<Insights>();
  const [error, setError] = useState<unknown>();
  const [done, setDone] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const [, startTransition] = useTransition();

  useEffect(() => {
    const abort = new AbortController();
    readInsightsStream(apiHref, { signal: abort.signal, fresh, onFigures: setFigures }).then(
      () => {
        setDone(true);
        startTransition(() => router.refresh());
      },
      (failure: unknown) => {
        if (!abort.signal.aborted) setError(failure);
      },
    );
    return () => abort.abort();
  }, [apiHref, fresh, attempt, router]);

  if (error) return <ErrorPanel title={t('failed')} message={errorText(error)} onRetry={() => {
        setError(undefined);
        setAttempt((n) => n + 1);
      }} />;
  const n = (value: number) => format.number(value);
  return (
    <section className="panel insights-progress" aria-labelledby="insights-progress-title" aria-busy={!done}>
      <h2 id="insights-progress-title">{done ? t('drawing') : t('reading')}</h2>
      <p role="status">
        {figures
          ? t('soFar', { scanned: figures.ScannedJobs, total: figures.Total, failed: figures.ByStatus.Fail, running: figures.ByStatus.Init })
          : t('starting')}
      </p>
      {figures && (
        <dl className="insights-headline">
          <div>
            <dt>{t('total')}</dt>
            <dd>{n(figures.Total)}</dd>
          </div>
          <div>
            <dt>{t('Success')}</dt>
            <dd>{n(figures.ByStatus.Success)}</dd>
          </div>
          <div>
            <dt>{t('Fail')}</dt>
            <dd>{n(figures.ByStatus.Fail)}</dd>
          </div>
          <div>
            <dt>{t('Init')}</dt>
            <dd>{n(figures.ByStatus.Init)}</dd>
          </div>
        </dl>
      )}
    </section>
  );
}

/** Figures drawn from kept ones: how old they are, and a button that scans again. */
export function RefreshFigures({ apiHref }: { apiHref: string }) {
  const t = useTranslations('insights.live');
  const [refreshing, setRefreshing] = useState(false);
  return refreshing ? (
    <InsightsLoader apiHref={apiHref} fresh />
  ) : (
    <button type="button" onClick={() => setRefreshing(true)}>
      {t('refresh')}
    </button>
  );
}
