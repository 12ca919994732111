import type { Metadata } from 'next';
import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { CheckBadges } from '@/components/checks/check-badges';
import { errorText } from '@/components/ui/error-text';
import { StatusBadge } from '@/components/ui/status-badge';
import { requireUser } from '@/lib/auth/require-user';
import { checkJob } from '@/lib/checks/media-checks';
import { compareJobs, type CompareSection } from '@/lib/compare/compare-jobs';
import { COMPARE_PARAM } from '@/lib/compare/compare-limits';
import { parseCompareIds } from '@/lib/compare/compare-query';
import { PortalError, toPortalError } from '@/lib/errors';
import { loadJob } from '@/lib/http/page-reads';
import type { Locale } from '@/lib/i18n/locales';
import type { MediaInfoJob } from '@/lib/ice/schemas';
import { jobPageHref } from '@/lib/jobs/list-query';
import { summarizeJob } from '@/lib/jobs/job-summary';
import { evaluateSpec, type DeliverySpec } from '@/lib/specs/delivery-spec';
import { getSpecs, requireSpec } from '@/lib/specs/spec-config';

// /compare?JobIds=a,b[,c,d]: two to four jobs side by side, from the list's selection or pasted ids.
// Facts and streams row by row (lib/compare/compare-jobs.ts), a row that differs marked with a sign and
// words, not colour alone; each job's checks, and with ?Spec= each one's result against that spec. A
// job that cannot be read says why in its own column; the others still compare.

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('compare'))('title') };
}

type Column = { id: string; job?: MediaInfoJob; region?: string; problem?: string };

export default async function ComparePage({ searchParams }: PageProps<'/compare'>) {
  await requireUser();
  const [t, tErrors, brief, locale] = await Promise.all([getTranslations('compare'), getTranslations('errors'), getTranslations('checks.brief'), getLocale()]);
  const raw = await searchParams;
  const given = [raw[COMPARE_PARAM]].flat()[0];
  const specAsked = [raw.Spec].flat()[0];
  let ids: string[] = [];
  let refused: string | undefined;
  try {
    ids = given === undefined ? [] : parseCompareIds(given);
  } catch (error) {
    if (!(error instanceof PortalError)) throw error;
    refused = errorText(tErrors, error);
  }
  let spec: DeliverySpec | undefined;
  // An unknown spec is said beside the spec picker; the jobs are compared all the same.
  let specRefused: string | undefined;
  if (specAsked) {
    try {
      spec = requireSpec(specAsked);
    } catch (error) {
      specRefused = errorText(tErrors, toPortalError(error));
    }
  }
  const columns: Column[] = await Promise.all(
    ids.map((id) =>
      loadJob(id).then(
        ({ MediaInfoJob: job, Region: region }) => ({ id, job, region }),
        (error: unknown) => ({ id, problem: errorText(tErrors, toPortalError(error)) }),
      ),
    ),
  );
  const sections = columns.length > 0 ? compareJobs(columns.map((c) => c.job), locale as Locale) : [];
  const specs = getSpecs();
  const hrefWith = (specId?: string) => `/compare?${new URLSearchParams({ [COMPARE_PARAM]: ids.join(','), ...(specId ? { Spec: specId } : {}) })}`;
  const sectionTitle = (section: CompareSection) =>
    section.kind === 'file' ? t('sections.file') : t(section.kind === 'video' ? 'sections.video' : 'sections.audio', { n: (section.position ?? 0) + 1 });

  return (
    <>
      <h1>{t('heading')}</h1>
      <form className="compare-form" action="/compare" method="get">
        <div className="field">
          <label htmlFor="compare-ids">{t('idsLabel')}</label>
          <input id="compare-ids" name={COMPARE_PARAM} defaultValue={given ?? ''} size={70} autoComplete="off" spellCheck={false} aria-invalid={refused ? true : undefined} aria-describedby="compare-hint" />
          <p id="compare-hint" className={refused ? 'field-error' : 'muted'}>
            {refused ?? t('idsHint')}
          </p>
        </div>
        {spec && <input type="hidden" name="Spec" value={spec.id} />}
        <button type="submit" className="primary">
          {t('submit')}
        </button>
      </form>
      {columns.length > 0 && (
        <>
          {specs.length > 0 && (
            <nav aria-label={t('specPick')} className="spec-picker">
              <span>{t('specPick')}</span>
              <ul>
                {specs.map((s) => (
                  <li key={s.id}>
                    <Link href={hrefWith(s.id)} prefetch={false} aria-current={spec?.id === s.id ? 'true' : undefined} translate="no">
                      {s.name}
                    </Link>
                  </li>
                ))}
              </ul>
            </nav>
          )}
          {specRefused && (
            <p className="field-error" role="alert">
              {specRefused}
            </p>
          )}
          <p className="muted">{t('legend')}</p>
          <div className="table-scroll compare-scroll" tabIndex={0} role="region" aria-label={t('tableLabel')}>
            <table className="compare-table">
              <thead>
                <tr>
                  <td />
                  {columns.map((column) => (
                    <th scope="col" key={column.id}>
                      {column.job ? (
                        <>
                          <Link href={jobPageHref(column.id, column.region)} prefetch={false} translate="no" className="job-link">
                            {column.job.Name || summarizeJob(column.job).fileName}
                          </Link>
                          <span className="secondary">
                            <StatusBadge status={column.job.Status} />{' '}
                            <span className="mono muted" translate="no">
                              {column.id.slice(0, 8)}…
                            </span>
                          </span>
                        </>
                      ) : (
                        <>
                          <span className="mono" translate="no">
                            {column.id}
                          </span>
                          <span className="field-error">{column.problem}</span>
                        </>
                      )}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                <tr>
                  <th scope="row">{t('rows.checks')}</th>
                  {columns.map((column) => {
                    const findings = column.job?.Status === 'Success' ? checkJob(column.job) : undefined;
                    return (
                      <td key={column.id}>
                        {findings === undefined ? (
                          <span className="muted">—</span>
                        ) : findings.length > 0 ? (
                          <CheckBadges findings={findings} href={jobPageHref(column.id, column.region)} t={brief} />
                        ) : (
                          t('noFindings')
                        )}
                      </td>
                    );
                  })}
                </tr>
                {spec && (
                  <tr>
                    <th scope="row" translate="no">
                      {spec.name}
                    </th>
                    {columns.map((column) => {
                      const result = column.job?.Status === 'Success' ? evaluateSpec(column.job, spec) : undefined;
                      return (
                        <td key={column.id} className={result ? (result.Passed ? 'spec-pass' : 'spec-fail') : undefined}>
                          {result ? (
                            <Link href={`${jobPageHref(column.id, column.region)}${column.region ? '&' : '?'}Spec=${spec.id}#spec`} prefetch={false}>
                              <span aria-hidden="true">{result.Passed ? '✓ ' : '✕ '}</span>
                              {result.Passed ? t('specPasses') : t('specFails', { count: result.Rules.filter((r) => !r.Passed).length })}
                            </Link>
                          ) : (
                            <span className="muted">—</span>
                          )}
                        </td>
                      );
                    })}
                  </tr>
                )}
              </tbody>
              {sections.map((section) => (
                <tbody key={`${section.kind}-${section.position ?? 0}`}>
                  <tr className="compare-section">
                    <th scope="colgroup" colSpan={columns.length + 1}>
                      {sectionTitle(section)}
                    </th>
                  </tr>
                  {section.rows.map((row) => (
                    <tr key={row.key} className={row.differs ? 'differs' : undefined}>
                      <th scope="row">
                        {t(`rows.${row.label}`)}
                        {row.differs && (
                          <span className="differs-mark">
                            {' '}
                            <span aria-hidden="true">≠</span>
                            <span className="visually-hidden">{t('differs')}</span>
                          </span>
                        )}
                      </th>
                      {row.values.map((value, i) => (
                        <td key={columns[i]!.id}>{value === null ? <span className="muted">{columns[i]!.job ? t('missing') : '—'}</span> : <span translate="no">{value}</span>}</td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              ))}
            </table>
          </div>
        </>
      )}
    </>
  );
}
