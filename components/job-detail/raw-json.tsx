'use client';

import { useMemo, useState } from 'react';
import { CopyButton } from '@/components/ui/copy-button';
import { useJob } from '@/lib/api-client/use-job';

/** Characters laid out at first: a megabyte of text in one <pre> blocks the main thread for ~0.3 s. */
const PREVIEW_CHARS = 100_000;

/**
 * The job exactly as ICE sent it. Fetched only when opened, so a 1 MB job costs the page nothing
 * until someone asks for it; past PREVIEW_CHARS it shows the start, while copy and download always
 * take the whole document.
 */
export function RawJson({ jobId }: { jobId: string }) {
  const [open, setOpen] = useState(false);
  const [showAll, setShowAll] = useState(false);
  const { data: job, error, isLoading } = useJob(jobId, { enabled: open });
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
            Raw JSON
          </h2>
        </summary>
        {isLoading && <p role="status">Loading…</p>}
        {error && <p role="alert">Could not load the raw JSON: {error.message}</p>}
        {text && (
          <>
            <p className="presets">
              <CopyButton text={text} label="Copy raw JSON" />
              <button type="button" className="small" onClick={download}>
                Download
              </button>
              <span className="muted">{(text.length / 1024).toFixed(1)} KiB</span>
            </p>
            <pre className="raw" tabIndex={0} aria-label="Raw JSON of the job">
              {showAll || text.length <= PREVIEW_CHARS ? text : text.slice(0, PREVIEW_CHARS)}
            </pre>
            {!showAll && text.length > PREVIEW_CHARS && (
              <p>
                Showing the first {PREVIEW_CHARS.toLocaleString('en-US')} characters.{' '}
                <button type="button" className="small" onClick={() => setShowAll(true)}>
                  Show all {(text.length / 1024).toFixed(0)} KiB
                </button>
              </p>
            )}
          </>
        )}
      </details>
    </section>
  );
}
