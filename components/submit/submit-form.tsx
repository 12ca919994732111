'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { reasonText } from '@/components/ui/error-text';
import { useErrorText } from '@/components/ui/use-error-text';
import { useHydrated } from '@/components/ui/use-time-zone';
import { ApiError } from '@/lib/api-client/fetch-json';
import { refusedField, useFieldErrors } from './use-field-errors';
import { submitProbe } from '@/lib/api-client/submit';
import { jobPageHref } from '@/lib/jobs/list-query';
import { compactIfJson } from '@/lib/jobs/pretty-json';
import type { SubmitPrefill } from '@/lib/submit/rerun-prefill';
import type { SubmitBody } from '@/lib/submit/submit-input';
import { inferInputType, MAX_NAME, MAX_PIPELINE_ID, MAX_USER_DATA, scheduleConfigOf, type InputType } from '@/lib/submit/submit-limits';

interface Props {
  csrfToken: string;
  prefill: SubmitPrefill;
  /** The regions to choose from when the portal reads several (the default first). */
  regions: string[];
}

const FIELD_IDS: Record<string, string> = {
  'Input.Media': 'submit-media',
  'Input.Type': 'submit-type',
  Input: 'submit-media',
  Name: 'submit-name',
  UserData: 'submit-user-data',
  'ScheduleConfig.PipelineId': 'submit-pipeline',
  'ScheduleConfig.Priority': 'submit-priority',
  ScheduleConfig: 'submit-pipeline',
  Region: 'submit-region',
};

/**
 * One probe: sent as typed (the API checks it and names the field at fault, shown beside it in the
 * reader's language). Probe now waits for ICE's answer and opens the finished job; Submit opens the
 * new job's page, which follows it until it is final. ICE's refusal of a value lands at its field too.
 */
export function SubmitForm({ csrfToken, prefill, regions }: Props) {
  const t = useTranslations('submit');
  const tErrors = useTranslations('errors');
  const describe = useErrorText();
  const router = useRouter();
  const hydrated = useHydrated();
  const [media, setMedia] = useState(prefill.media ?? '');
  const [type, setType] = useState<InputType | ''>(prefill.type ?? '');
  const [name, setName] = useState(prefill.name ?? '');
  const [userData, setUserData] = useState(prefill.userData ?? '');
  const [pipelineId, setPipelineId] = useState(prefill.pipelineId ?? '');
  const [priority, setPriority] = useState(prefill.priority === undefined ? '' : String(prefill.priority));
  const [region, setRegion] = useState(prefill.region ?? regions[0] ?? '');
  const [busy, setBusy] = useState<'sync' | 'async'>();
  const [seconds, setSeconds] = useState(0);
  const { setErrors: setFieldErrors, fieldProps, fieldError } = useFieldErrors();
  const [error, setError] = useState<unknown>();
  const sending = useRef(false);

  useEffect(() => {
    if (busy !== 'sync') return;
    const started = Date.now();
    const timer = setInterval(() => setSeconds(Math.floor((Date.now() - started) / 1000)), 1000);
    return () => clearInterval(timer);
  }, [busy]);

  const body = (sync: boolean): SubmitBody => ({
    Input: { ...(type ? { Type: type } : {}), Media: media },
    ...(name.trim() ? { Name: name } : {}),
    ...(userData.trim() ? { UserData: userData } : {}),
    ...scheduleConfigOf(pipelineId, priority),
    ...(regions.length > 1 && region ? { Region: region } : {}),
    ...(prefill.rerunOf ? { RerunOf: prefill.rerunOf } : {}),
    ...(sync ? { Sync: true } : {}),
  });

  const send = async (sync: boolean) => {
    if (sending.current) return; // a double click starts one probe
    const request = body(sync);
    // The one check worth making before a round trip: the input is there and reads as one. The API
    // checks everything else, and its refusal lands at the field all the same.
    const missing = media.trim() === '' ? { reason: 'required' } : !type && !inferInputType(media) ? { reason: 'media_input' } : undefined;
    if (missing) {
      setError(undefined);
      setFieldErrors({ 'Input.Media': reasonText(tErrors, { params: missing }) });
      document.getElementById('submit-media')?.focus();
      return;
    }
    sending.current = true;
    setBusy(sync ? 'sync' : 'async');
    setSeconds(0);
    setFieldErrors({});
    setError(undefined);
    try {
      const answer = await submitProbe(request, csrfToken);
      router.push(jobPageHref(answer.JobId, regions.length > 1 ? answer.Region : undefined));
    } catch (failure) {
      const field = refusedField(failure, FIELD_IDS);
      if (field) {
        setFieldErrors({ [field]: reasonText(tErrors, failure as ApiError, (failure as ApiError).message) });
        document.getElementById(FIELD_IDS[field]!)?.focus();
      } else {
        setError(failure);
      }
      sending.current = false;
      setBusy(undefined);
    }
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    void send(submitter?.value !== 'async');
  };

  const inferred = inferInputType(media);
  const sentUserData = compactIfJson(userData);
  const slow = error instanceof ApiError && error.code === 'probe_slow' ? String(error.params?.listUrl ?? '') : '';

  return (
    <form className="submit-form" onSubmit={onSubmit} aria-labelledby="submit-heading" noValidate>
      <div className="field wide">
        <label htmlFor="submit-media">{t('input')}</label>
        <input
          {...fieldProps('submit-media', ['Input.Media', 'Input'], 'submit-media-hint')}
          value={media}
          onChange={(event) => setMedia(event.target.value)}
          required
          autoComplete="off"
          spellCheck={false}
          placeholder={t('inputPlaceholder')}
          translate="no"
        />
        <p id="submit-media-hint" className="muted hint">
          {t.rich('inputHint', { code: (chunks) => <code translate="no">{chunks}</code> })}
        </p>
        {fieldError('submit-media', ['Input.Media', 'Input'])}
      </div>
      <div className="field">
        <label htmlFor="submit-type">{t('type')}</label>
        <select {...fieldProps('submit-type', ['Input.Type'])} value={type} onChange={(event) => setType(event.target.value as InputType | '')}>
          <option value="">{inferred ? t('typeAuto', { type: t(`typeShort.${inferred}`) }) : t('typeAutoUnknown')}</option>
          <option value="OSS">{t('types.OSS')}</option>
          <option value="Media">{t('types.Media')}</option>
        </select>
        {fieldError('submit-type', ['Input.Type'])}
      </div>
      <div className="field">
        <label htmlFor="submit-name">{t('name')}</label>
        <input {...fieldProps('submit-name', ['Name'], 'submit-name-hint')} value={name} onChange={(event) => setName(event.target.value)} maxLength={MAX_NAME} autoComplete="off" />
        <p id="submit-name-hint" className="muted hint">
          {t('nameHint')}
        </p>
        {fieldError('submit-name', ['Name'])}
      </div>
      <div className="field">
        <label htmlFor="submit-pipeline">{t('pipeline')}</label>
        <input
          {...fieldProps('submit-pipeline', ['ScheduleConfig.PipelineId', 'ScheduleConfig'], 'submit-pipeline-hint')}
          value={pipelineId}
          onChange={(event) => setPipelineId(event.target.value)}
          maxLength={MAX_PIPELINE_ID}
          autoComplete="off"
          spellCheck={false}
          translate="no"
        />
        <p id="submit-pipeline-hint" className="muted hint">
          {t('pipelineHint')}
        </p>
        {fieldError('submit-pipeline', ['ScheduleConfig.PipelineId', 'ScheduleConfig'])}
      </div>
      <div className="field">
        <label htmlFor="submit-priority">{t('priority')}</label>
        <input
          {...fieldProps('submit-priority', ['ScheduleConfig.Priority'], 'submit-priority-hint')}
          type="number"
          inputMode="numeric"
          min={1}
          max={10}
          step={1}
          value={priority}
          onChange={(event) => setPriority(event.target.value)}
        />
        <p id="submit-priority-hint" className="muted hint">
          {t('priorityHint')}
        </p>
        {fieldError('submit-priority', ['ScheduleConfig.Priority'])}
      </div>
      {regions.length > 1 && (
        <div className="field">
          <label htmlFor="submit-region">{t('region')}</label>
          <select {...fieldProps('submit-region', ['Region'])} value={region} onChange={(event) => setRegion(event.target.value)}>
            {regions.map((each) => (
              <option key={each} value={each}>
                {each}
              </option>
            ))}
          </select>
          {fieldError('submit-region', ['Region'])}
        </div>
      )}
      <div className="field wide">
        <label htmlFor="submit-user-data">{t('userData')}</label>
        <textarea
          {...fieldProps('submit-user-data', ['UserData'], 'submit-user-data-hint')}
          value={userData}
          onChange={(event) => setUserData(event.target.value)}
          rows={Math.min(10, Math.max(3, userData.split('\n').length))}
          spellCheck={false}
          translate="no"
        />
        <p id="submit-user-data-hint" className={sentUserData.length > MAX_USER_DATA ? 'field-error hint' : 'muted hint'}>
          {t('userDataHint', { count: sentUserData.length, max: MAX_USER_DATA })}
        </p>
        {fieldError('submit-user-data', ['UserData'])}
      </div>
      <div className="submit-actions wide">
        <button type="submit" name="mode" value="sync" className="primary" disabled={!hydrated || busy !== undefined}>
          {busy === 'sync' ? t('probing', { seconds }) : t('probeNow')}
        </button>
        <button type="submit" name="mode" value="async" disabled={!hydrated || busy !== undefined}>
          {busy === 'async' ? t('submitting') : t('submit')}
        </button>
        <p className="muted hint">{t('buttonsHint')}</p>
      </div>
      <div className="wide" role="status" aria-live="polite">
        {busy === 'sync' && <p className="muted">{t('probingHint')}</p>}
      </div>
      {error !== undefined && (
        <div className="wide" role="alert">
          <p className="field-error">{describe(error)}</p>
          {slow && (
            <p>
              <Link href={slow}>{t('findInList')}</Link>
            </p>
          )}
        </div>
      )}
    </form>
  );
}
