import Link from 'next/link';
import { useTranslations } from 'next-intl';
import type { MediaInfoJob } from '@/lib/ice/schemas';
import { evaluateSpec, type DeliverySpec, type RuleResult } from '@/lib/specs/delivery-spec';

// The job's file against one of the team's delivery specs: a picker (a link per spec, so the choice is
// in the address and a shared link shows the same result), then every rule with what it asks, what the
// file has, and whether it holds. No spec file configured: nothing.

/** Words the rules write as values ("yes", "vfr", "none"), in the reader's language. */
const WORDS = new Set(['yes', 'no', 'vfr', 'cfr', 'none']);

export function JobSpec({ job, specs, chosen, hrefFor, refused }: { job: MediaInfoJob; specs: DeliverySpec[]; chosen?: DeliverySpec; hrefFor: (specId: string) => string; refused?: string }) {
  const t = useTranslations('specs');
  if (specs.length === 0) return null;
  const result = chosen ? evaluateSpec(job, chosen) : undefined;
  const word = (value: string | null) => (value === null ? <span className="muted">{t('unknown')}</span> : WORDS.has(value) ? t(`values.${value as 'yes'}`) : <span translate="no">{value}</span>);
  const failed = result?.Rules.filter((rule) => !rule.Passed).length ?? 0;
  return (
    <section id="spec" className="panel" aria-labelledby="spec-title">
      <h2 id="spec-title">{t('title')}</h2>
      <nav aria-label={t('pick')} className="spec-picker">
        <span>{t('pick')}</span>
        <ul>
          {specs.map((spec) => (
            <li key={spec.id}>
              <Link href={hrefFor(spec.id)} prefetch={false} aria-current={chosen?.id === spec.id ? 'true' : undefined} translate="no" scroll={false}>
                {spec.name}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {refused && <p className="field-error">{refused}</p>}
      {chosen && result && (
        <>
          <p className={result.Passed ? 'spec-verdict pass' : 'spec-verdict fail'} role="status">
            <span aria-hidden="true">{result.Passed ? '✓ ' : '✕ '}</span>
            {t.rich(result.Passed ? 'passed' : 'failed', { name: chosen.name, failed, total: result.Rules.length, spec: (chunks) => <span translate="no">{chunks}</span> })}
          </p>
          {chosen.description && (
            <p className="muted" translate="no">
              {chosen.description}
            </p>
          )}
          <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="spec-title">
            <table className="spec-rules">
              <thead>
                <tr>
                  <th scope="col">{t('rule')}</th>
                  <th scope="col">{t('expected')}</th>
                  <th scope="col">{t('actual')}</th>
                  <th scope="col">{t('result')}</th>
                </tr>
              </thead>
              <tbody>
                {result.Rules.map((rule: RuleResult) => (
                  <tr key={rule.Rule} className={rule.Passed ? undefined : 'rule-failed'}>
                    <th scope="row">{t(`rules.${rule.Rule}`)}</th>
                    <td>{word(rule.Expected)}</td>
                    <td>{word(rule.Actual)}</td>
                    <td>
                      <span aria-hidden="true">{rule.Passed ? '✓ ' : '✕ '}</span>
                      {rule.Passed ? t('pass') : t('fail')}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p>
            <Link href={`/jobs?${new URLSearchParams({ Spec: chosen.id, SpecResult: 'fail' })}`} prefetch={false}>
              {t('listFailing')}
            </Link>
          </p>
        </>
      )}
    </section>
  );
}
