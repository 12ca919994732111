import { useLocale, useTranslations } from 'next-intl';
import { formatBytes } from '@/lib/format/bytes';
import { MISSING } from '@/lib/format/numbers';
import type { MediaInfoJob } from '@/lib/ice/schemas';
import { prettyIfJson } from '@/lib/jobs/pretty-json';

/** Past this, the page shows the start and points to the raw JSON: a 1 MB block would stall the page. */
const SHOWN_CHARS = 20_000;

interface Shown {
  text: string;
  /** The whole text's length, when only its start is shown. */
  cutFrom?: number;
}

function excerpt(text: string): Shown {
  return text.length <= SHOWN_CHARS ? { text } : { text: text.slice(0, SHOWN_CHARS), cutFrom: text.length };
}

/** How the job was submitted. UserData is anything a user typed: always text, never markup. */
export function JobFacts({ job }: { job: MediaInfoJob }) {
  const t = useTranslations('job.facts');
  const userData = job.UserData ? prettyIfJson(job.UserData) : undefined;
  const userText = userData ? excerpt(userData.text) : undefined;
  const submitResult =
    job.SubmitResultJson && Object.keys(job.SubmitResultJson).length > 0 ? excerpt(JSON.stringify(job.SubmitResultJson, null, 2)) : undefined;
  return (
    <section aria-labelledby="job-facts">
      <h2 id="job-facts">{t('title')}</h2>
      <dl className="facts">
        <dt>{t('trigger')}</dt>
        <dd>{job.TriggerSource ?? MISSING}</dd>
        <dt>{t('input')}</dt>
        <dd>
          {job.Input ? (
            <>
              {job.Input.Type ?? '?'} · <code>{job.Input.Media}</code>
            </>
          ) : (
            MISSING
          )}
        </dd>
        <dt>{t('pipeline')}</dt>
        <dd>{job.ScheduleConfig?.PipelineId ? <code>{job.ScheduleConfig.PipelineId}</code> : MISSING}</dd>
        <dt>{t('priority')}</dt>
        <dd>{job.ScheduleConfig?.Priority ?? MISSING}</dd>
        <dt>{t('async')}</dt>
        <dd>{job.Async === undefined ? MISSING : job.Async ? t('yes') : t('no')}</dd>
        <dt>{userData?.isJson ? t('userDataJson') : t('userData')}</dt>
        <dd>{userText ? <Excerpt label={t('userData')} shown={userText} /> : MISSING}</dd>
        <dt>{t('submitResult')}</dt>
        <dd>{submitResult ? <Excerpt label={t('submitResult')} shown={submitResult} /> : MISSING}</dd>
      </dl>
    </section>
  );
}

function Excerpt({ label, shown }: { label: string; shown: Shown }) {
  const t = useTranslations('job.facts');
  const locale = useLocale();
  return (
    <>
      <pre className="text" tabIndex={0} aria-label={label}>
        {shown.text}
      </pre>
      {shown.cutFrom !== undefined && <p className="muted">{t('excerpt', { shown: SHOWN_CHARS, total: formatBytes(shown.cutFrom, locale) })}</p>}
    </>
  );
}
