// One list row per job: what a media engineer scans for, in human units where they read the same in
// every language; sizes and processing times stay numbers, laid out in the reader's language by the
// table. Pure, so the server render and the client's live refresh show exactly the same thing.
import { formatDuration } from '@/lib/format/duration';
import { formatFrameRate } from '@/lib/format/frame-rate';
import { MISSING, parseMediaNumber } from '@/lib/format/numbers';
import { formatResolution } from '@/lib/format/resolution';
import { elapsedBetween } from '@/lib/format/time';
import type { Finding } from '@/lib/checks/media-checks';
import type { MediaInfoJob } from '@/lib/ice/schemas';
import { failureReason, type FailureReason } from './failure-reason';

export interface JobRow {
  JobId: string;
  Name?: string;
  Status: string;
  TriggerSource?: string;
  fileName: string;
  container: string;
  duration: string;
  resolution: string;
  /** The main video stream's average frame rate ("29.97 fps"). */
  frameRate: string;
  videoCodecs: string;
  audioCodecs: string;
  /** Bytes, when ICE reported a readable size. */
  sizeBytes?: number;
  SubmitTime?: string;
  FinishTime?: string;
  /** Milliseconds from submit to finish, when both are known. */
  processingMs?: number;
  /** For a failed job: ICE's code and message. */
  failure?: FailureReason;
  /** What is unusual about a probed file (lib/checks/media-checks.ts), most severe first. */
  checks?: Finding[];
}

/**
 * A job as the list shows it. `check` (lib/checks/media-checks.ts checkJob) adds the checks' findings;
 * passed where a row shows them, so the export's summaries and the browser's first load go without.
 */
export function summarizeJob(job: MediaInfoJob, check?: (job: MediaInfoJob) => Finding[]): JobRow {
  const info = job.MediaInfoProperty;
  const file = info?.FileBasicInfo;
  const video = info?.VideoStreamInfoList ?? [];
  const fileName = file?.FileName || lastPathSegment(job.Input?.Media) || MISSING;
  const firstVideo = video[0];
  const elapsed = elapsedBetween(job.SubmitTime, job.FinishTime);
  return {
    JobId: job.JobId,
    Name: job.Name,
    Status: job.Status,
    TriggerSource: job.TriggerSource,
    fileName,
    container: containerName(file?.FormatName, fileName),
    duration: file?.Duration ? formatDuration(file.Duration) : MISSING,
    resolution: formatResolution(file?.Width || firstVideo?.Width, file?.Height || firstVideo?.Height),
    frameRate: formatFrameRate(firstVideo?.Avg_fps || firstVideo?.Fps),
    videoCodecs: countedNames(video.map((s) => s.Codec_name)),
    audioCodecs: countedNames((info?.AudioStreamInfoList ?? []).map((s) => s.CodecName)),
    sizeBytes: parseMediaNumber(file?.FileSize),
    SubmitTime: job.SubmitTime,
    FinishTime: job.FinishTime,
    processingMs: elapsed,
    ...(job.Status === 'Fail' ? { failure: failureReason(job) } : {}),
    ...(job.Status === 'Success' && check ? { checks: check(job) } : {}),
  };
}

/** ffprobe names a demuxer family ("mov,mp4,m4a,3gp,3g2,mj2"); the file's own extension picks one. */
export function containerName(formatName: string | undefined, fileName: string): string {
  if (!formatName) return MISSING;
  const names = formatName.split(',').map((n) => n.trim()).filter(Boolean);
  const extension = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase();
  return (extension && names.includes(extension) ? extension : names[0]) ?? MISSING;
}

/** The family's first name ("mov" for "mov,mp4,m4a,…"): one name a family, which the Container filter matches exactly. */
export function containerFamily(formatName: string | undefined): string | undefined {
  return formatName?.split(',')[0]?.trim() || undefined;
}

/** "aac ×12, ac3": thirty audio tracks must not make a column thirty names wide. */
export function countedNames(names: (string | undefined)[]): string {
  const counts = new Map<string, number>();
  for (const name of names) if (name) counts.set(name, (counts.get(name) ?? 0) + 1);
  if (counts.size === 0) return MISSING;
  return [...counts].map(([name, n]) => (n > 1 ? `${name} ×${n}` : name)).join(', ');
}

function lastPathSegment(media: string | undefined): string | undefined {
  if (!media) return undefined;
  // Cut at the first ? or #, by search rather than /[?#].*$/: "." stops at a line break, and a name with
  // many ?s before one would be scanned again from each of them.
  const query = media.search(/[?#]/);
  const path = query === -1 ? media : media.slice(0, query);
  const segment = path.slice(path.lastIndexOf('/') + 1);
  try {
    // http(s) inputs arrive percent-encoded ("Director's%20Cut.mov"); people read the decoded name.
    return decodeURIComponent(segment) || undefined;
  } catch {
    return segment || undefined;
  }
}
