import type { MediaInfoJob } from '@/lib/ice/schemas';

/**
 * Every job /api/jobs answers for `params`, page by page through its NextPageToken (ICE's own paging,
 * or a search's): the independent computation the figures, checks and specs tests compare against.
 */
export async function crawlJobs<T = MediaInfoJob>(portalUrl: string, params: Record<string, string>): Promise<T[]> {
  const jobs: T[] = [];
  let token: string | undefined;
  do {
    const answer = await fetch(`${portalUrl}/api/jobs?${new URLSearchParams({ ...params, PageSize: '100', ...(token ? { NextPageToken: token } : {}) })}`);
    if (!answer.ok) throw new Error(`/api/jobs answered ${answer.status}: ${await answer.text()}`);
    const page = (await answer.json()) as { Jobs: T[]; NextPageToken?: string };
    jobs.push(...page.Jobs);
    token = page.NextPageToken;
  } while (token);
  return jobs;
}
