import Link from 'next/link';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { SEVERITY_SYMBOLS } from '@/components/checks/check-badges';
import { TimeText } from '@/components/ui/time-text';
import { CHECK_IDS, severityOf } from '@/lib/checks/media-checks';
import { formatElapsed } from '@/lib/format/duration';
import type { Locale } from '@/lib/i18n/locales';
import { HISTOGRAM_MS, type Insights, type TimeSummary } from '@/lib/insights/figures';
import { failureGroupChanges, jobsHref, mediaChanges, timelineSlots } from '@/lib/insights/insight-links';
import { jobPageHref, type ListQuery } from '@/lib/jobs/list-query';
import { BarList, type BarRow } from './bar-list';
import { STATUS_KEYS, TimelineChart, type StatusKey, type TimelineSlot } from './timeline-chart';

// The insights of a filter set, drawn on the server: what it covered, jobs over time by status, why
// jobs failed, how long probes took, and what media came in. Every count leads to the /jobs list of
// the jobs behind it (lib/insights/insight-links.ts). Charts are SVG with a table or a list beside them.

const MEDIA_KINDS = ['Containers', 'VideoCodecs', 'Resolutions', 'FrameRates', 'AudioCodecs'] as const;
/** Most bars a media chart shows; the rest are summed into "other". */
const MEDIA_ROWS = 8;

export async function InsightsReport({ insights, query }: { insights: Insights; query: ListQuery }) {
  const [t, tStatus, tChecks, format, locale] = await Promise.all([getTranslations('insights'), getTranslations('insights.statuses'), getTranslations('checks.brief'), getFormatter(), getLocale()]);
  const n = (value: number) => format.number(value);
  const share = (part: number, whole: number) => format.number(whole > 0 ? part / whole : 0, { style: 'percent', maximumFractionDigits: 1 });
  const elapsed = (ms: number) => formatElapsed(ms, locale as Locale);
  const window = insights.Window;
  const to = (changes: Parameters<typeof jobsHref>[2]) => jobsHref(query, window, changes);
  const slotLabel = (start: number) =>
    format.dateTime(new Date(start), insights.Bucket === 'hour' ? { timeZone: 'UTC', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' } : { timeZone: 'UTC', month: 'short', day: 'numeric', weekday: 'short' });
  const statusLabel = Object.fromEntries(STATUS_KEYS.map((key) => [key, tStatus(key)])) as Record<StatusKey, string>;

  const counts = new Map(insights.Timeline.map((slot) => [Date.parse(slot.Start), slot.ByStatus]));
  const slots: TimelineSlot[] = timelineSlots(window, insights.Bucket).map(({ start, window: slotWindow }) => ({
    start,
    label: slotLabel(start),
    counts: counts.get(start) ?? { Success: 0, Fail: 0, Init: 0, Other: 0 },
    hrefs: Object.fromEntries(STATUS_KEYS.map((key) => [key, jobsHref(query, slotWindow, key === 'Other' ? {} : { Status: key })])) as Record<StatusKey, string>,
  }));
  const busySlots = slots.filter((slot) => STATUS_KEYS.some((key) => slot.counts[key] > 0));

  const mediaRows = (kind: (typeof MEDIA_KINDS)[number]): BarRow[] => {
    const entries = Object.entries(insights.Media[kind]).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    const shown = kind === 'Resolutions' ? entries.filter(([, count]) => count > 0) : entries.slice(0, MEDIA_ROWS);
    const rest = entries.slice(shown.length).reduce((sum, [, count]) => sum + count, 0);
    const rows: BarRow[] = shown.map(([key, count]) => {
      const changes = mediaChanges(kind, key);
      return { key, label: kind === 'FrameRates' ? t('fps', { fps: Number(key) }) : key, data: kind !== 'FrameRates', count, href: changes && to(changes) };
    });
    if (kind !== 'Resolutions' && rest > 0) rows.push({ key: '…', label: t('otherValues', { count: entries.length - shown.length }), count: rest });
    return rows;
  };
  const onlyRows: BarRow[] = [
    { key: 'AudioOnly', label: t('audioOnly'), count: insights.Media.AudioOnly, href: to(mediaChanges('AudioOnly', '')!) },
    { key: 'VideoOnly', label: t('videoOnly'), count: insights.Media.VideoOnly, href: to(mediaChanges('VideoOnly', '')!) },
  ];
  const time = insights.ProcessingTime;
  const timeRows: [string, string, TimeSummary][] = [
    ...(time.Overall ? [['overall', t('overall'), time.Overall] as [string, string, TimeSummary]] : []),
    ...Object.entries(time.ByPipeline).map(([key, summary]) => [`p-${key}`, t('pipeline', { id: key }), summary] as [string, string, TimeSummary]),
    ...Object.entries(time.ByTrigger).map(([key, summary]) => [`t-${key}`, t('trigger', { source: key }), summary] as [string, string, TimeSummary]),
  ];
  const histogramRows: BarRow[] = time.Histogram.map((bin, i) => ({
    key: String(i),
    label: bin.UpToMs === null ? t('over', { time: elapsed(HISTOGRAM_MS[HISTOGRAM_MS.length - 1]!) }) : t('upTo', { time: elapsed(bin.UpToMs) }),
    count: bin.Count,
  }));
  const countText = (count: number) => n(count);
  const checkRows: BarRow[] = CHECK_IDS.filter((id) => insights.Checks[id]).map((id) => ({
    key: id,
    label: `${SEVERITY_SYMBOLS[severityOf(id)]} ${tChecks(`titles.${id}`)}`,
    count: insights.Checks[id]!,
    note: share(insights.Checks[id]!, insights.ByStatus.Success),
    href: to({ Check: id }),
  }));

  const source = insights.Source;
  return (
    <>
      <section className="panel insights-coverage" aria-labelledby="coverage-title">
        <h2 id="coverage-title" className="visually-hidden">
          {t('coverageTitle')}
        </h2>
        <p>
          {source?.Kind === 'index'
            ? t.rich('coveredIndex', { total: insights.Total, scanned: insights.ScannedJobs, time: () => <TimeText iso={source.SyncedAt} relative /> })
            : t('covered', { total: insights.Total, scanned: insights.ScannedJobs })}{' '}
          {insights.Stopped ? (
            <strong className="stopped-note">{t(insights.Stopped.Reason === 'max_jobs' ? 'stoppedMaxJobs' : 'stoppedMaxDays', { at: slotLabel(Date.parse(insights.Stopped.At)) })}</strong>
          ) : (
            t('complete')
          )}
        </p>
        <dl className="insights-headline">
          <div>
            <dt>{t('total')}</dt>
            <dd>
              <Link href={to({})} prefetch={false}>
                {n(insights.Total)}
              </Link>
            </dd>
          </div>
          {(['Success', 'Fail', 'Init'] as const).map((status) => (
            <div key={status}>
              <dt>{statusLabel[status]}</dt>
              <dd>
                <Link href={to({ Status: status })} prefetch={false}>
                  {n(insights.ByStatus[status])}
                </Link>{' '}
                <span className="muted">{share(insights.ByStatus[status], insights.Total)}</span>
              </dd>
            </div>
          ))}
        </dl>
      </section>

      <section className="insights-section" aria-labelledby="timeline-title">
        <h2 id="timeline-title">{t(insights.Bucket === 'hour' ? 'timelineHourly' : 'timelineDaily')}</h2>
        <ul className="chart-legend" aria-label={t('legend')}>
          {STATUS_KEYS.map((key) => (
            <li key={key}>
              <span className={`legend-swatch swatch-${key.toLowerCase()}`} aria-hidden="true" />
              {statusLabel[key]}
            </li>
          ))}
        </ul>
        <div className="chart-scroll" tabIndex={0} role="region" aria-label={t('timelineScroll')}>
          <TimelineChart
            slots={slots}
            titleId="timeline-title"
            statusLabel={statusLabel}
            barLabel={(slot, status) => t('barLabel', { slot: slot.label, status: statusLabel[status], count: slot.counts[status] })}
            count={n}
          />
        </div>
        <details className="chart-table">
          <summary>{t('asTable')}</summary>
          {busySlots.length === 0 ? (
            <p className="muted">{t('noJobs')}</p>
          ) : (
            <table>
              <caption className="visually-hidden">{t(insights.Bucket === 'hour' ? 'timelineHourly' : 'timelineDaily')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t(insights.Bucket === 'hour' ? 'hourUtc' : 'dayUtc')}</th>
                  {STATUS_KEYS.map((key) => (
                    <th scope="col" key={key} className="number">
                      {statusLabel[key]}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {busySlots.map((slot) => (
                  <tr key={slot.start}>
                    <th scope="row">{slot.label}</th>
                    {STATUS_KEYS.map((key) => (
                      <td key={key} className="number">
                        {slot.counts[key] > 0 ? (
                          <Link href={slot.hrefs[key]} prefetch={false} aria-label={t('barLabel', { slot: slot.label, status: statusLabel[key], count: slot.counts[key] })}>
                            {n(slot.counts[key])}
                          </Link>
                        ) : (
                          <span className="muted">0</span>
                        )}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </details>
      </section>

      <section className="insights-section" aria-labelledby="failures-title">
        <h2 id="failures-title">{t('failuresTitle')}</h2>
        {insights.Failures.length === 0 ? (
          <p className="muted">{t('noFailures')}</p>
        ) : (
          <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="failures-title">
            <table className="failure-groups">
              <thead>
                <tr>
                  <th scope="col">{t('failureReason')}</th>
                  <th scope="col" className="number">
                    {t('jobs')}
                  </th>
                  <th scope="col">{t('seen')}</th>
                  <th scope="col">{t('examples')}</th>
                </tr>
              </thead>
              <tbody>
                {insights.Failures.map((group) => (
                  <tr key={`${group.Code}\n${group.Message}`}>
                    <td>
                      <code translate="no">{group.Code}</code>
                      <div className="failure-message" translate="no">
                        {group.Message || '—'}
                      </div>
                    </td>
                    <td className="number">
                      <Link href={to(failureGroupChanges(group))} prefetch={false} aria-label={t('groupLink', { count: group.Count, code: group.Code })}>
                        {n(group.Count)}
                      </Link>
                      <div className="muted">{share(group.Count, insights.ByStatus.Fail)}</div>
                    </td>
                    <td>
                      <div>
                        <TimeText iso={group.FirstSeen} />
                      </div>
                      <div>
                        <TimeText iso={group.LastSeen} />
                      </div>
                    </td>
                    <td>
                      <ul className="plain-list">
                        {group.Examples.map((jobId) => (
                          <li key={jobId}>
                            <Link href={jobPageHref(jobId, query.region)} prefetch={false} className="job-id" translate="no">
                              {jobId.slice(0, 8)}…
                            </Link>
                          </li>
                        ))}
                      </ul>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section className="insights-section" aria-labelledby="times-title">
        <h2 id="times-title">{t('timesTitle')}</h2>
        {timeRows.length === 0 ? (
          <p className="muted">{t('noTimes')}</p>
        ) : (
          <>
            <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="times-title">
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t('of')}</th>
                    <th scope="col" className="number">
                      {t('jobs')}
                    </th>
                    <th scope="col" className="number">
                      p50
                    </th>
                    <th scope="col" className="number">
                      p90
                    </th>
                    <th scope="col" className="number">
                      p99
                    </th>
                    <th scope="col" className="number">
                      {t('max')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {timeRows.map(([key, label, summary]) => (
                    <tr key={key}>
                      <th scope="row" translate={key === 'overall' ? undefined : 'no'}>
                        {label}
                      </th>
                      <td className="number">{n(summary.Count)}</td>
                      <td className="number">{elapsed(summary.P50)}</td>
                      <td className="number">{elapsed(summary.P90)}</td>
                      <td className="number">{elapsed(summary.P99)}</td>
                      <td className="number">{elapsed(summary.Max)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <div className="insights-grid">
              <div>
                <h3>{t('histogram')}</h3>
                <BarList rows={histogramRows} label={t('histogram')} countText={countText} />
              </div>
              <div>
                <h3>{t('slowest')}</h3>
                <ol className="plain-list">
                  {time.Slowest.map((job) => (
                    <li key={job.JobId}>
                      <Link href={jobPageHref(job.JobId, query.region)} prefetch={false} className="job-id" translate="no">
                        {job.JobId.slice(0, 8)}…
                      </Link>{' '}
                      {elapsed(job.Ms)}
                    </li>
                  ))}
                </ol>
              </div>
            </div>
          </>
        )}
      </section>

      <section className="insights-section" aria-labelledby="checks-title">
        <h2 id="checks-title">{t('checksTitle')}</h2>
        {checkRows.length === 0 ? <p className="muted">{t('noChecks')}</p> : <BarList rows={checkRows} label={t('checksTitle')} countText={countText} />}
      </section>

      <section className="insights-section" aria-labelledby="media-title">
        <h2 id="media-title">{t('mediaTitle')}</h2>
        <div className="insights-grid media-grid">
          {MEDIA_KINDS.map((kind) => {
            const rows = mediaRows(kind);
            return (
              <div key={kind}>
                <h3>{t(`media.${kind}`)}</h3>
                {rows.length === 0 ? <p className="muted">{t('noMedia')}</p> : <BarList rows={rows} label={t(`media.${kind}`)} countText={countText} />}
              </div>
            );
          })}
          <div>
            <h3>{t('media.Streams')}</h3>
            <BarList rows={onlyRows} label={t('media.Streams')} countText={countText} />
          </div>
        </div>
      </section>
    </>
  );
}
