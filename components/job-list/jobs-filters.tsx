'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState, type FormEvent } from 'react';
import { useTimeZone } from '@/components/ui/use-time-zone';
import { JOB_ORDERS, JOB_STATUSES } from '@/lib/ice/list-jobs-params';
import { DEFAULT_PAGE_SIZE, listHref, withFilters, type ListFilters, type ListQuery } from '@/lib/jobs/list-query';
import { fromInputValue, presetStart, TIME_PRESETS, toInputValue } from '@/lib/jobs/time-range';

const PAGE_SIZES = [10, 20, 50, 100];
/** ICE job ids are 32 hex characters: a pasted one goes straight to the job. */
const FULL_JOB_ID = /^[0-9a-f]{32}$/i;

/**
 * The list's filters. The URL is the only state: every change navigates to the first page of the new
 * query, so reload, Back, bookmarks and shared links all show the same list.
 */
export function JobsFilters({ query }: { query: ListQuery }) {
  const t = useTranslations('filters');
  const router = useRouter();
  const zone = useTimeZone();
  const [jobId, setJobId] = useState(query.ice.JobId ?? '');
  const [start, setStart] = useState<string | null>(null);
  const [end, setEnd] = useState<string | null>(null);
  const [problem, setProblem] = useState<'incompleteDates' | 'endBeforeStart'>();

  const startValue = start ?? toInputValue(query.ice.StartOfCreateTime, zone);
  const endValue = end ?? toInputValue(query.ice.EndOfCreateTime, zone);

  const go = (changes: Partial<ListFilters>) => router.push(listHref(withFilters(query, changes)));

  const apply = (event: FormEvent) => {
    event.preventDefault();
    const from = startValue ? fromInputValue(startValue, zone) : undefined;
    const to = endValue ? fromInputValue(endValue, zone) : undefined;
    if ((startValue && !from) || (endValue && !to)) return setProblem('incompleteDates');
    if (from && to && to < from) return setProblem('endBeforeStart');
    setProblem(undefined);
    const id = jobId.trim();
    if (FULL_JOB_ID.test(id) && !query.ice.JobId) return router.push(`/jobs/${id}`);
    go({ JobId: id || undefined, StartOfCreateTime: from, EndOfCreateTime: to });
  };

  return (
    <form className="filters" role="search" aria-label={t('label')} onSubmit={apply}>
      <div className="field">
        <label htmlFor="f-status">{t('status')}</label>
        <select id="f-status" value={query.ice.Status ?? ''} onChange={(e) => go({ Status: (e.target.value || undefined) as ListFilters['Status'] })}>
          <option value="">{t('anyStatus')}</option>
          {JOB_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`statuses.${s}`)}
            </option>
          ))}
        </select>
      </div>

      <div className="field">
        <label htmlFor="f-jobid">{t('jobId')}</label>
        <input
          id="f-jobid"
          value={jobId}
          size={34}
          spellCheck={false}
          autoComplete="off"
          placeholder={t('jobIdPlaceholder')}
          onChange={(e) => setJobId(e.target.value)}
          onPaste={(e) => {
            const pasted = e.clipboardData.getData('text').trim();
            if (FULL_JOB_ID.test(pasted)) {
              e.preventDefault();
              router.push(`/jobs/${pasted}`);
            }
          }}
        />
      </div>

      <fieldset className="field" style={{ border: 0, padding: 0, margin: 0 }}>
        <legend className="label">{t('created', { zone })}</legend>
        <div className="presets">
          {TIME_PRESETS.map((p) => (
            <button key={p.id} type="button" className="small" onClick={() => go({ StartOfCreateTime: presetStart(p.ms), EndOfCreateTime: undefined })}>
              {t(`presets.${p.id}`)}
            </button>
          ))}
        </div>
        <div className="presets">
          <label className="visually-hidden" htmlFor="f-start">
            {t('createdFrom')}
          </label>
          <input id="f-start" type="datetime-local" value={startValue} onChange={(e) => setStart(e.target.value)} />
          <span aria-hidden="true">–</span>
          <label className="visually-hidden" htmlFor="f-end">
            {t('createdUntil')}
          </label>
          <input id="f-end" type="datetime-local" value={endValue} onChange={(e) => setEnd(e.target.value)} />
        </div>
      </fieldset>

      <div className="field">
        <label htmlFor="f-order">{t('order')}</label>
        <select id="f-order" value={query.ice.OrderBy ?? 'CreateTimeDesc'} onChange={(e) => go({ OrderBy: e.target.value as ListFilters['OrderBy'] })}>
          {JOB_ORDERS.map((o) => (
            <option key={o} value={o}>
              {t(`orders.${o}`)}
            </option>
          ))}
        </select>
      </div>

      <div className="field">
        <label htmlFor="f-size">{t('pageSize')}</label>
        <select id="f-size" value={query.ice.PageSize ?? DEFAULT_PAGE_SIZE} onChange={(e) => go({ PageSize: Number(e.target.value) })}>
          {PAGE_SIZES.map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
      </div>

      <div className="field" style={{ flexDirection: 'row', gap: '0.4rem' }}>
        <button type="submit" className="primary">
          {t('apply')}
        </button>
        <button type="button" onClick={() => router.push('/jobs')}>
          {t('clear')}
        </button>
      </div>
      {problem && (
        <p role="alert" className="muted" style={{ flexBasis: '100%', margin: 0 }}>
          {t(problem)}
        </p>
      )}
    </form>
  );
}
