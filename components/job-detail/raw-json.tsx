'use client';

import { useTranslations } from 'next-intl';
import { useMemo, useState } from 'react';
import { CopyButton } from '@/components/ui/copy-button';
import { useErrorText } from '@/components/ui/use-error-text';
import { useJob } from '@/lib/api-client/use-job';

/** Characters laid out at first: a megabyte of text in one <pre> blocks the main thread for ~0.3 s. */
const PREVIEW_CHARS = 100_000;

/**
 * The job exactly as ICE sent it. Fetched only when opened, so a 1 MB job costs the page nothing
 * until someone asks for it; past PREVIEW_CHARS it shows the start, while copy and download always
 * take the whole document.
 */
export function RawJson({ jobId, region }: { jobId: string; region?: string }) {
  const t = useTranslations('job.raw');
  const describe = useErrorText();
  const [open, setOpen] = useState(false);
  const [showAll, setShowAll] = useState(false);
  const { data: job, error, isLoading } = useJob(jobId, { enabled: open, region });
  // The same cached answer the poller reads, laid out once per answer rather than on every render.
  const text = useMemo(() => job && JSON.stringify(job, null, 2), [job]);

  const download = () => {
    if (!text) return;
    const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = `media-info-job-${jobId}.json`;
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };

  return (
    <section aria-labelledby="raw-json">
      <details onToggle={(e) => setOpen((e.target as HTMLDetailsElement).open)}>
        <summary>
          <h2 id="raw-json" style={{ display: 'inline' }}>
            {t('title')}
          </h2>
        </summary>
        {isLoading && <p role="status">{t('loading')}</p>}
        {error && <p role="alert">{t('failed', { message: describe(error) })}</p>}
        {text && (
          <>
            <p className="presets">
              <CopyButton text={text} label={t('copy')} />
              <button type="button" className="small" onClick={download}>
                {t('download')}
              </button>
              <span className="muted">{t('size', { kib: text.length / 1024 })}</span>
            </p>
            <pre className="raw" tabIndex={0} aria-label={t('label')}>
              {showAll || text.length <= PREVIEW_CHARS ? text : text.slice(0, PREVIEW_CHARS)}
            </pre>
            {!showAll && text.length > PREVIEW_CHARS && (
              <p>
                {t('preview', { shown: PREVIEW_CHARS })}{' '}
                <button type="button" className="small" onClick={() => setShowAll(true)}>
                  {t('showAll', { kib: text.length / 1024 })}
                </button>
              </p>
            )}
          </>
        )}
      </details>
    </section>
  );
}
