import type { useTranslations } from 'next-intl';
import type { Finding, Severity } from '@/lib/checks/media-checks';

// A job's checks as a compact row of badges for a list cell: the most severe first, three at most and
// a count of the rest, each a link to its explanation on the job's page. The severity is a symbol and
// a word for assistive technology, never colour alone.

export const SEVERITY_SYMBOLS: Record<Severity, string> = { problem: '✕', warning: '⚠', info: 'ℹ' };
const SHOWN = 3;

/** The checks' short words (checks.brief), the part of them the browser gets. */
type ChecksTranslator = ReturnType<typeof useTranslations<'checks.brief'>>;

/** A finding's short title in the reader's language, filled from its values. */
export const checkTitle = (t: ChecksTranslator, finding: Pick<Finding, 'Id' | 'Values'>) => t(`titles.${finding.Id}`, finding.Values as Record<string, string | number>);

export function CheckBadges({ findings, href, t }: { findings: Pick<Finding, 'Id' | 'Severity' | 'Values'>[]; href: string; t: ChecksTranslator }) {
  if (findings.length === 0) return null;
  const rest = findings.length - SHOWN;
  return (
    <ul className="check-badges" aria-label={t('label')}>
      {findings.slice(0, SHOWN).map((finding) => (
        <li key={finding.Id}>
          <a className={`check-badge check-${finding.Severity}`} href={`${href}#check-${finding.Id}`}>
            <span aria-hidden="true">{SEVERITY_SYMBOLS[finding.Severity]}</span>
            <span className="visually-hidden">{t(`severity.${finding.Severity}`)}: </span>
            {checkTitle(t, finding)}
          </a>
        </li>
      ))}
      {rest > 0 && (
        <li>
          <a className="check-badge check-more" href={`${href}#checks`}>
            {t('more', { count: rest })}
          </a>
        </li>
      )}
    </ul>
  );
}
