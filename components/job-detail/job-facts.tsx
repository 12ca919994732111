import { formatBytes } from '@/lib/format/bytes';
import type { MediaInfoJob } from '@/lib/ice/schemas';
import { prettyIfJson } from '@/lib/jobs/pretty-json';

/** Past this, the page shows the start and points to the raw JSON: a 1 MB block would stall the page. */
const SHOWN_CHARS = 20_000;

function excerpt(text: string): { text: string; cut?: string } {
  return text.length <= SHOWN_CHARS ? { text } : { text: text.slice(0, SHOWN_CHARS), cut: formatBytes(text.length) };
}

/** How the job was submitted. UserData is anything a user typed: always text, never markup. */
export function JobFacts({ job }: { job: MediaInfoJob }) {
  const userData = job.UserData ? prettyIfJson(job.UserData) : undefined;
  const userText = userData ? excerpt(userData.text) : undefined;
  const submitResult =
    job.SubmitResultJson && Object.keys(job.SubmitResultJson).length > 0 ? excerpt(JSON.stringify(job.SubmitResultJson, null, 2)) : undefined;
  return (
    <section aria-labelledby="job-facts">
      <h2 id="job-facts">Job</h2>
      <dl className="facts">
        <dt>Trigger</dt>
        <dd>{job.TriggerSource ?? '—'}</dd>
        <dt>Input</dt>
        <dd>
          {job.Input ? (
            <>
              {job.Input.Type ?? '?'} · <code>{job.Input.Media}</code>
            </>
          ) : (
            '—'
          )}
        </dd>
        <dt>Pipeline</dt>
        <dd>{job.ScheduleConfig?.PipelineId ? <code>{job.ScheduleConfig.PipelineId}</code> : '—'}</dd>
        <dt>Priority</dt>
        <dd>{job.ScheduleConfig?.Priority ?? '—'}</dd>
        <dt>Asynchronous</dt>
        <dd>{job.Async === undefined ? '—' : job.Async ? 'yes' : 'no'}</dd>
        <dt>UserData{userData?.isJson ? ' (JSON)' : ''}</dt>
        <dd>{userText ? <Excerpt label="UserData" shown={userText} /> : '—'}</dd>
        <dt>Submit result</dt>
        <dd>{submitResult ? <Excerpt label="Submit result" shown={submitResult} /> : '—'}</dd>
      </dl>
    </section>
  );
}

function Excerpt({ label, shown }: { label: string; shown: { text: string; cut?: string } }) {
  return (
    <>
      <pre className="text" tabIndex={0} aria-label={label}>
        {shown.text}
      </pre>
      {shown.cut && <p className="muted">The first {SHOWN_CHARS.toLocaleString('en-US')} characters of {shown.cut}; the raw JSON below has all of it.</p>}
    </>
  );
}
