import 'server-only';
import { z } from 'zod';
import { log } from '@/lib/log/logger';
import { appStore } from '@/lib/store/app-store';
import { jsonOrUndefined } from '@/lib/jobs/pretty-json';

// Which jobs ran a job again from the portal: ICE keeps no such link, so the portal keeps it in its
// store (memory, or Redis for every instance) under the old job's id, at most MAX_RERUNS a job. A link
// that cannot be written or read (Redis away) is logged and left out: it never fails a submit or a page.

const RECORDS = 'reruns';
const MAX_RERUNS = 50;
const storedSchema = z.object({ At: z.string(), By: z.string() });

export interface RerunLink {
  JobId: string;
  At: string;
  By: string;
}

export async function recordRerun(oldJobId: string, newJobId: string, by: string): Promise<void> {
  try {
    await appStore().records(RECORDS).put(oldJobId, newJobId, JSON.stringify({ At: new Date().toISOString(), By: by }), MAX_RERUNS);
  } catch (error) {
    log('warn', 'rerun_link_unwritten', { jobId: oldJobId, rerun: newJobId, message: (error as Error).message });
  }
}

/** The job's re-runs, newest first. */
export async function rerunsOf(jobId: string): Promise<RerunLink[]> {
  let records: Record<string, string>;
  try {
    records = await appStore().records(RECORDS).all(jobId);
  } catch (error) {
    log('warn', 'rerun_links_unread', { jobId, message: (error as Error).message });
    return [];
  }
  const links: RerunLink[] = [];
  for (const [JobId, text] of Object.entries(records)) {
    const parsed = storedSchema.safeParse(jsonOrUndefined(text));
    if (parsed.success) links.push({ JobId, ...parsed.data });
  }
  return links.sort((a, b) => b.At.localeCompare(a.At));
}
