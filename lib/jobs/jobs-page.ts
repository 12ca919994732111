import { checkJob } from '@/lib/checks/media-checks';
import { summarizeJob, type JobRow } from './job-summary';
import { isFiltered, liveQueryOf, pagerLinks, withListPageSize, type ListQuery, type PagerLinks } from './list-query';
import { isSearchAnswer, type JobsPageAnswer } from './reads';
import type { SearchPage } from './search';

// One page of the list as the table shows it, made from what ICE (or a search) answered: rows, the
// pager's links, the query the first page refreshes with, and a search's progress.

export interface JobsPage {
  rows: JobRow[];
  pager: PagerLinks;
  /** The query string the first page refreshes with; undefined past the first page. */
  liveQuery?: string;
  filtered: boolean;
  /** When ICE answered: the page's "now" for what it says about time (a job's "possibly stuck" age). */
  readAtMs: number;
  /** For a search: how far the scan has come, over which window, and whether a bound stopped it. */
  search?: Omit<SearchPage, 'Jobs' | 'NextPageToken'>;
}

export function jobsPageOf(query: ListQuery, answer: JobsPageAnswer, readAtMs: number): JobsPage {
  // The live refresh asks for the list's page size; links keep the URL's own.
  const base = { liveQuery: liveQueryOf(withListPageSize(query)), filtered: isFiltered(query), rows: answer.Jobs.map((job) => summarizeJob(job, checkJob)), pager: pagerLinks(query, answer.NextPageToken), readAtMs };
  if (!isSearchAnswer(answer)) return base;
  const { Jobs: _jobs, NextPageToken: _token, ...progress } = answer;
  return { ...base, search: progress };
}
