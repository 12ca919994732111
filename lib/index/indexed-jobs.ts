import type { MediaInfoJob } from '@/lib/ice/schemas';
import type { Queryable } from './index-db';
import { jobRow, type JobRow } from './job-row';

// Writing jobs into the index and reading one back. A job read again from ICE replaces its row whole
// (a job in Init turns final; nothing else of a job changes), so a pass that reads a job twice, or a
// resumed pass that reads again what it read before it stopped, leaves one row as ICE last said.

const COLUMNS = [
  'region',
  'job_id',
  'status',
  'created_at',
  'finished_at',
  'pipeline_id',
  'trigger_source',
  'input_type',
  'input_media',
  'name',
  'container',
  'format_names',
  'video_codecs',
  'audio_codecs',
  'height',
  'video_streams',
  'audio_streams',
  'check_ids',
  'error_code',
  'search_text',
  'job',
] as const satisfies readonly (keyof JobRow)[];

/** Writes the jobs of one region (each once: the last of a JobId given twice wins); how many were written. */
export async function upsertJobs(db: Queryable, region: string, jobs: readonly MediaInfoJob[], syncedAt = new Date()): Promise<number> {
  const rows = [...new Map(jobs.map((job) => [job.JobId, jobRow(region, job)])).values()];
  if (rows.length === 0) return 0;
  const width = COLUMNS.length + 1;
  const values = rows.map((_, r) => `(${Array.from({ length: width }, (_, c) => `$${r * width + c + 1}`).join(', ')})`).join(',\n');
  const params = rows.flatMap((row) => [...COLUMNS.map((column) => (column === 'job' ? JSON.stringify(row.job) : row[column])), syncedAt.toISOString()]);
  const updates = [...COLUMNS.filter((c) => c !== 'region' && c !== 'job_id'), 'synced_at'].map((c) => `${c} = EXCLUDED.${c}`).join(', ');
  await db.query(`INSERT INTO jobs (${COLUMNS.join(', ')}, synced_at) VALUES ${values} ON CONFLICT (region, job_id) DO UPDATE SET ${updates}`, params);
  return rows.length;
}

/** One job as the index holds it, or undefined. */
export async function indexedJob(db: Queryable, region: string, jobId: string): Promise<MediaInfoJob | undefined> {
  const [row] = await db.query<{ job: MediaInfoJob }>('SELECT job FROM jobs WHERE region = $1 AND job_id = $2', [region, jobId]);
  return row?.job;
}
