import { prettyIfJson } from '@/lib/jobs/pretty-json';
import type { MediaInfoJob } from '@/lib/ice/schemas';

/** How the job was submitted. UserData is anything a user typed: always text, never markup. */
export function JobFacts({ job }: { job: MediaInfoJob }) {
  const userData = job.UserData ? prettyIfJson(job.UserData) : undefined;
  const submitResult = job.SubmitResultJson && Object.keys(job.SubmitResultJson).length > 0 ? JSON.stringify(job.SubmitResultJson, null, 2) : undefined;
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
        <dd>{userData ? <pre className="text" tabIndex={0} aria-label="UserData">
              {userData.text}
            </pre> : '—'}</dd>
        <dt>Submit result</dt>
        <dd>{submitResult ? <pre className="text" tabIndex={0} aria-label="Submit result">
              {submitResult}
            </pre> : '—'}</dd>
      </dl>
    </section>
  );
}
