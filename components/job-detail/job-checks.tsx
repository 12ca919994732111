import { useTranslations } from 'next-intl';
import { checkTitle, SEVERITY_SYMBOLS } from '@/components/checks/check-badges';
import { checkJob } from '@/lib/checks/media-checks';
import type { MediaInfoJob } from '@/lib/ice/schemas';

/**
 * What is unusual about the file, at the top of its page: each finding with its severity, what was
 * found and why it matters, and its id (the `Check=` filter finds every job with it). Each has an
 * anchor, so a badge in the list opens its explanation.
 */
export function JobChecks({ job }: { job: MediaInfoJob }) {
  const t = useTranslations('checks');
  const brief = useTranslations('checks.brief');
  const findings = checkJob(job);
  return (
    <section id="checks" className="panel checks" aria-labelledby="checks-title">
      <h2 id="checks-title">{t('title')}</h2>
      {findings.length === 0 ? (
        <p>{t('none')}</p>
      ) : (
        <ul className="check-list">
          {findings.map((finding) => (
            <li key={finding.Id} id={`check-${finding.Id}`} className={`check check-${finding.Severity}`} tabIndex={-1}>
              <span className="check-severity">
                <span aria-hidden="true">{SEVERITY_SYMBOLS[finding.Severity]}</span> {brief(`severity.${finding.Severity}`)}
              </span>
              <strong>{checkTitle(brief, finding)}</strong>
              <span className="check-detail">{t.rich(`details.${finding.Id}`, { ...finding.Values, v: (chunks) => <span translate="no">{chunks}</span> })}</span>
              <code className="check-id" translate="no">
                {finding.Id}
              </code>
            </li>
          ))}
        </ul>
      )}
      <p className="muted small-print">{t('limits')}</p>
    </section>
  );
}
