import { useLocale, useTranslations } from 'next-intl';
import { CollapsibleText } from '@/components/ui/collapsible-text';
import { useIceWords } from '@/components/ui/use-ice-words';
import { formatBytes } from '@/lib/format/bytes';
import { MISSING } from '@/lib/format/numbers';
import type { MediaInfoJob } from '@/lib/ice/schemas';
import { prettyIfJson } from '@/lib/jobs/pretty-json';

/** Past this, the page shows the start and points to the raw JSON: a 1 MB block would stall the page. */
const SHOWN_CHARS = 20_000;
/** Lines of UserData or the submit result shown before "Show all". */
const FOLDED_LINES = 8;

interface Shown {
  text: string;
  /** The whole text's length, when only its start is shown. */
  cutFrom?: number;
}

function excerpt(text: string): Shown {
  return text.length <= SHOWN_CHARS ? { text } : { text: text.slice(0, SHOWN_CHARS), cutFrom: text.length };
}

/**
 * How the job was submitted. UserData is anything a user typed: always text, never markup. A failed
 * job's code and message are in the box above (FailureReason): the submit result here holds only what
 * that box does not show.
 */
export function JobFacts({ job }: { job: MediaInfoJob }) {
  const t = useTranslations('job.facts');
  const words = useIceWords();
  const userData = job.UserData ? prettyIfJson(job.UserData) : undefined;
  const userText = userData ? excerpt(userData.text) : undefined;
  const failed = job.Status === 'Fail';
  const { Code: _code, Message: _message, ...rest } = job.SubmitResultJson ?? {};
  const shownResult = failed ? rest : (job.SubmitResultJson ?? {});
  const submitResult = Object.keys(shownResult).length > 0 ? excerpt(JSON.stringify(shownResult, null, 2)) : undefined;
  const resultLabel = failed ? t('submitResultRest') : t('submitResult');
  return (
    <section aria-labelledby="job-facts">
      <h2 id="job-facts">{t('title')}</h2>
      <dl className="facts">
        <dt>{t('trigger')}</dt>
        <dd>{job.TriggerSource ? <span title={job.TriggerSource}>{words.trigger(job.TriggerSource)}</span> : MISSING}</dd>
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
        {(submitResult || !failed) && (
          <>
            <dt>{resultLabel}</dt>
            <dd>{submitResult ? <Excerpt label={resultLabel} shown={submitResult} /> : MISSING}</dd>
          </>
        )}
      </dl>
    </section>
  );
}

function Excerpt({ label, shown }: { label: string; shown: Shown }) {
  const t = useTranslations('job.facts');
  const locale = useLocale();
  const lines = shown.text.split('\n').length;
  return (
    <>
      <CollapsibleText text={shown.text} label={label} lines={FOLDED_LINES} showAll={t('showAll', { lines })} showLess={t('showLess')} />
      {shown.cutFrom !== undefined && <p className="muted">{t('excerpt', { shown: SHOWN_CHARS, total: formatBytes(shown.cutFrom, locale) })}</p>}
    </>
  );
}
