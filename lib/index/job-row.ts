import { checkJob } from '@/lib/checks/media-checks';
import type { MediaInfoJob } from '@/lib/ice/schemas';
import { failureReason } from '@/lib/jobs/failure-reason';
import { containerFamily } from '@/lib/jobs/job-summary';
import { searchHaystack } from '@/lib/jobs/search-filters';

// A job as a row of the index: ICE's job whole, and the columns the search filters, the list's order
// and the insights read, each derived by the same function the live scan uses (the container family,
// the checks, the failure code, the texts Search looks in), so the index and the scan cannot disagree.

export interface JobRow {
  region: string;
  job_id: string;
  status: string;
  created_at: string;
  finished_at: string | null;
  pipeline_id: string | null;
  trigger_source: string | null;
  input_type: string | null;
  input_media: string | null;
  name: string | null;
  /** The ffprobe family's first name (what the insights tally), and every name of it (what `Container=` matches). */
  container: string | null;
  format_names: string[];
  video_codecs: string[];
  audio_codecs: string[];
  height: number | null;
  video_streams: number;
  audio_streams: number;
  check_ids: string[];
  error_code: string | null;
  search_text: string;
  job: MediaInfoJob;
}

const distinctLower = (names: (string | undefined)[]) => [...new Set(names.filter((name): name is string => !!name).map((name) => name.toLowerCase()))];

export function jobRow(region: string, job: MediaInfoJob): JobRow {
  const info = job.MediaInfoProperty;
  const video = info?.VideoStreamInfoList ?? [];
  const audio = info?.AudioStreamInfoList ?? [];
  const rawHeight = Number(info?.FileBasicInfo?.Height || video[0]?.Height);
  return {
    region,
    job_id: job.JobId,
    status: job.Status ?? 'Init',
    // ICE's create time is the submit time, at second resolution.
    created_at: job.SubmitTime ?? new Date(0).toISOString(),
    finished_at: job.FinishTime || null,
    pipeline_id: job.ScheduleConfig?.PipelineId || null,
    trigger_source: job.TriggerSource || null,
    input_type: job.Input?.Type || null,
    input_media: job.Input?.Media || null,
    name: job.Name || null,
    container: containerFamily(info?.FileBasicInfo?.FormatName) ?? null,
    format_names: distinctLower((info?.FileBasicInfo?.FormatName ?? '').split(',').map((name) => name.trim())),
    video_codecs: distinctLower(video.map((s) => s.Codec_name)),
    audio_codecs: distinctLower(audio.map((s) => s.CodecName)),
    height: Number.isFinite(rawHeight) && rawHeight > 0 ? rawHeight : null,
    video_streams: video.length,
    audio_streams: audio.length,
    check_ids: job.Status === 'Success' ? checkJob(job).map((finding) => finding.Id) : [],
    error_code: failureReason(job).code ?? null,
    search_text: searchHaystack(job)
      .filter(Boolean)
      .join('\n')
      .toLowerCase(),
    job,
  };
}
