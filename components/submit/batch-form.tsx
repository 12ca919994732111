'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useRef, useState, type FormEvent } from 'react';
import { errorText, reasonText } from '@/components/ui/error-text';
import { useErrorText } from '@/components/ui/use-error-text';
import { useHydrated } from '@/components/ui/use-time-zone';
import { ApiError } from '@/lib/api-client/fetch-json';
import { refusedField, useFieldErrors } from './use-field-errors';
import { submitBatchOfProbes } from '@/lib/api-client/submit';
import { jobPageHref } from '@/lib/jobs/list-query';
import type { BatchBody } from '@/lib/submit/submit-input';
import { MAX_BATCH_LINES, MAX_NAME, scheduleConfigOf, type BatchAnswer } from '@/lib/submit/submit-limits';

const FIELD_IDS: Record<string, string> = {
  Inputs: 'batch-inputs',
  Name: 'batch-name',
  UserData: 'batch-user-data',
  'ScheduleConfig.PipelineId': 'batch-pipeline',
  'ScheduleConfig.Priority': 'batch-priority',
  ScheduleConfig: 'batch-pipeline',
  Region: 'batch-region',
};

/**
 * Many probes at once: one input a line, the same settings for all. The server submits them a few at a
 * time and answers each line on its own; the table shows every line's job or why it failed, and the
 * batch opens as a list afterwards.
 */
export function BatchForm({ csrfToken, regions }: { csrfToken: string; regions: string[] }) {
  const t = useTranslations('submit');
  const tErrors = useTranslations('errors');
  const describe = useErrorText();
  const hydrated = useHydrated();
  const [lines, setLines] = useState('');
  const [name, setName] = useState('');
  const [userData, setUserData] = useState('');
  const [pipelineId, setPipelineId] = useState('');
  const [priority, setPriority] = useState('');
  const [region, setRegion] = useState(regions[0] ?? '');
  const [busy, setBusy] = useState(false);
  const { setErrors: setFieldErrors, fieldProps, fieldError } = useFieldErrors();
  const [error, setError] = useState<unknown>();
  const [answer, setAnswer] = useState<BatchAnswer>();
  const sending = useRef(false);

  const inputs = lines.split('\n').map((line) => line.trim()).filter(Boolean);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (sending.current) return;
    const request: BatchBody = {
      Inputs: inputs,
      ...(name.trim() ? { Name: name } : {}),
      ...(userData.trim() ? { UserData: userData } : {}),
      ...scheduleConfigOf(pipelineId, priority),
      ...(regions.length > 1 && region ? { Region: region } : {}),
    };
    // Before a round trip: lines there are, and not too many. The API checks the rest.
    const problem: Record<string, string | number> | undefined =
      inputs.length === 0 ? { reason: 'required' } : inputs.length > MAX_BATCH_LINES ? { reason: 'too_many_lines', max: MAX_BATCH_LINES } : undefined;
    if (problem) {
      setFieldErrors({ Inputs: reasonText(tErrors, { params: problem }) });
      document.getElementById('batch-inputs')?.focus();
      return;
    }
    sending.current = true;
    setBusy(true);
    setFieldErrors({});
    setError(undefined);
    setAnswer(undefined);
    try {
      setAnswer(await submitBatchOfProbes(request, csrfToken));
    } catch (failure) {
      const field = refusedField(failure, FIELD_IDS);
      if (field) setFieldErrors({ [field]: reasonText(tErrors, failure as ApiError, (failure as ApiError).message) });
      else setError(failure);
    } finally {
      sending.current = false;
      setBusy(false);
    }
  };

  return (
    <>
      <form className="submit-form" onSubmit={onSubmit} aria-labelledby="submit-heading" noValidate>
        <div className="field wide">
          <label htmlFor="batch-inputs">{t('batch.inputs')}</label>
          <textarea
            {...fieldProps('batch-inputs', ['Inputs'], 'batch-inputs-hint')}
            value={lines}
            onChange={(event) => setLines(event.target.value)}
            rows={8}
            spellCheck={false}
            translate="no"
            placeholder={t('batch.inputsPlaceholder')}
          />
          <p id="batch-inputs-hint" className={inputs.length > MAX_BATCH_LINES ? 'field-error hint' : 'muted hint'}>
            {t('batch.inputsHint', { count: inputs.length, max: MAX_BATCH_LINES })}
          </p>
          {fieldError('batch-inputs', ['Inputs'])}
        </div>
        <div className="field">
          <label htmlFor="batch-name">{t('name')}</label>
          <input {...fieldProps('batch-name', ['Name'], 'batch-name-hint')} value={name} onChange={(event) => setName(event.target.value)} maxLength={MAX_NAME} autoComplete="off" />
          <p id="batch-name-hint" className="muted hint">
            {t('batch.nameHint')}
          </p>
          {fieldError('batch-name', ['Name'])}
        </div>
        <div className="field">
          <label htmlFor="batch-pipeline">{t('pipeline')}</label>
          <input {...fieldProps('batch-pipeline', ['ScheduleConfig.PipelineId'])} value={pipelineId} onChange={(event) => setPipelineId(event.target.value)} autoComplete="off" spellCheck={false} translate="no" />
          {fieldError('batch-pipeline', ['ScheduleConfig.PipelineId'])}
        </div>
        <div className="field">
          <label htmlFor="batch-priority">{t('priority')}</label>
          <input {...fieldProps('batch-priority', ['ScheduleConfig.Priority'])} type="number" inputMode="numeric" min={1} max={10} step={1} value={priority} onChange={(event) => setPriority(event.target.value)} />
          {fieldError('batch-priority', ['ScheduleConfig.Priority'])}
        </div>
        {regions.length > 1 && (
          <div className="field">
            <label htmlFor="batch-region">{t('region')}</label>
            <select {...fieldProps('batch-region', ['Region'])} value={region} onChange={(event) => setRegion(event.target.value)}>
              {regions.map((each) => (
                <option key={each} value={each}>
                  {each}
                </option>
              ))}
            </select>
          </div>
        )}
        <div className="field wide">
          <label htmlFor="batch-user-data">{t('userData')}</label>
          <textarea {...fieldProps('batch-user-data', ['UserData'], 'batch-user-data-hint')} value={userData} onChange={(event) => setUserData(event.target.value)} rows={3} spellCheck={false} translate="no" />
          <p id="batch-user-data-hint" className="muted hint">
            {t.rich('batch.userDataHint', { code: (chunks) => <code translate="no">{chunks}</code> })}
          </p>
          {fieldError('batch-user-data', ['UserData'])}
        </div>
        <div className="submit-actions wide">
          <button type="submit" className="primary" disabled={!hydrated || busy}>
            {busy ? t('batch.submitting', { count: inputs.length }) : t('batch.submit', { count: inputs.length })}
          </button>
        </div>
        <div className="wide" role="status" aria-live="polite">
          {answer && <p>{t('batch.summary', { submitted: answer.Submitted, failed: answer.Failed })}</p>}
        </div>
        {error !== undefined && (
          <p className="field-error wide" role="alert">
            {describe(error)}
          </p>
        )}
      </form>
      {answer && (
        <section aria-labelledby="batch-results-heading">
          <h2 id="batch-results-heading">{t('batch.results')}</h2>
          <p>
            <Link href={answer.ListUrl}>{t('batch.openList')}</Link>{' '}
            <code className="muted" translate="no">
              {answer.BatchId}
            </code>
          </p>
          <div className="table-scroll">
            <table className="batch-results">
              <thead>
                <tr>
                  <th scope="col">{t('batch.line')}</th>
                  <th scope="col">{t('input')}</th>
                  <th scope="col">{t('batch.result')}</th>
                </tr>
              </thead>
              <tbody>
                {answer.Results.map((result) => (
                  <tr key={result.Line}>
                    <td>{result.Line}</td>
                    <td translate="no" className="batch-input">
                      {result.Input}
                    </td>
                    <td>
                      {result.JobId ? (
                        <>
                          <Link href={jobPageHref(result.JobId, regions.length > 1 ? answer.Region : undefined)} translate="no">
                            {result.JobId}
                          </Link>
                          {result.Deduplicated && <span className="muted"> {t('batch.duplicate')}</span>}
                        </>
                      ) : (
                        <span className="field-error">{result.Error ? errorText(tErrors, { ...result.Error, field: result.Error.field }, result.Error.message) : ''}</span>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}
    </>
  );
}
