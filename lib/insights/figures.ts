// What happened across a set of jobs, tallied as a scan reads them (one pass, a job at a time, so the
// figures can be shown while the scan runs): counts by status, a timeline, failures grouped by ICE's
// code and by message, processing times, and the media that came in. Pure: no I/O, no clock. The
// names are the API's (ICE's PascalCase style), for GET /api/insights and the page alike.
import { frameRateKey } from '@/lib/format/frame-rate';
import { elapsedBetween } from '@/lib/format/time';
import type { MediaInfoJob } from '@/lib/ice/schemas';
import { checkJob } from '@/lib/checks/media-checks';
import { containerFamily } from '@/lib/jobs/job-summary';
import { failureReason, normaliseMessage } from '@/lib/jobs/failure-reason';

export type Bucket = 'hour' | 'day';
const BUCKET_MS: Record<Bucket, number> = { hour: 3_600_000, day: 86_400_000 };
/** Example jobs kept per failure group and slowest jobs overall. */
const EXAMPLES = 3;
const SLOWEST = 5;
/** Upper bounds of the processing-time histogram's bins, in ms; the last bin is open. */
export const HISTOGRAM_MS = [1_000, 5_000, 15_000, 60_000, 300_000, 900_000, 3_600_000];

export type StatusCounts = Record<'Success' | 'Fail' | 'Init' | 'Other', number>;

export interface TimeSummary {
  Count: number;
  P50: number;
  P90: number;
  P99: number;
  Max: number;
}

export interface FailureGroup {
  Code: string;
  /** The message with ids, paths, URLs and numbers replaced by placeholders, so alike failures group. */
  Message: string;
  Count: number;
  /** Of all failed jobs, 0..1. */
  Share: number;
  FirstSeen: string;
  LastSeen: string;
  Examples: string[];
}

export interface Figures {
  Total: number;
  ByStatus: StatusCounts;
  Timeline: { Start: string; ByStatus: StatusCounts }[];
  Failures: FailureGroup[];
  ProcessingTime: {
    Overall?: TimeSummary;
    ByPipeline: Record<string, TimeSummary>;
    ByTrigger: Record<string, TimeSummary>;
    Slowest: { JobId: string; Ms: number }[];
    Histogram: { UpToMs: number | null; Count: number }[];
  };
  Media: {
    Containers: Record<string, number>;
    VideoCodecs: Record<string, number>;
    Resolutions: Record<'SD' | 'HD' | 'FHD' | 'UHD+', number>;
    FrameRates: Record<string, number>;
    AudioCodecs: Record<string, number>;
    AudioOnly: number;
    VideoOnly: number;
  };
  /** Jobs each media check finds something in (lib/checks/media-checks.ts), by check id. */
  Checks: Record<string, number>;
}

/** The figures of one filter set as GET /api/insights answers them: the tally and what it covered. */
export interface Insights extends Figures {
  Bucket: Bucket;
  ScannedJobs: number;
  Window: { StartOfCreateTime: string; EndOfCreateTime: string; Defaulted: boolean };
  Stopped?: { Reason: 'max_jobs' | 'max_days'; At: string };
  /** Which source the jobs came from: ICE's pages, or the job index and when it last synced. */
  Source: { Kind: 'ice' } | { Kind: 'index'; SyncedAt: string };
  /** When the figures were computed: now, or earlier when they were kept. */
  ComputedAt: string;
}

/** A line of the streamed figures: the figures so far while the scan runs. */
export type InsightsLine = (Insights & { Partial?: true }) | { error: { code?: string; message?: string; requestId?: string; params?: Record<string, string | number> } };

const noStatus = (): StatusCounts => ({ Success: 0, Fail: 0, Init: 0, Other: 0 });
const statusKey = (status: string | undefined): keyof StatusCounts => (status === 'Success' || status === 'Fail' || status === 'Init' ? status : 'Other');
const add = (counts: Record<string, number>, key: string | undefined) => {
  if (key) counts[key] = (counts[key] ?? 0) + 1;
};

/** The resolution class of a height, as broadcast uses them: SD below 720, HD, FHD (1080), UHD and above (2160+). */
export function resolutionClass(height: number): 'SD' | 'HD' | 'FHD' | 'UHD+' {
  return height >= 2160 ? 'UHD+' : height >= 1080 ? 'FHD' : height >= 720 ? 'HD' : 'SD';
}

/** Nearest-rank percentile of ascending `sorted` (p in 0..100). */
export function percentile(sorted: number[], p: number): number {
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

function summarise(values: number[]): TimeSummary {
  const sorted = [...values].sort((a, b) => a - b);
  return { Count: sorted.length, P50: percentile(sorted, 50), P90: percentile(sorted, 90), P99: percentile(sorted, 99), Max: sorted[sorted.length - 1]! };
}

/** Tallies jobs one at a time; `figures()` may be read at any point (while the scan runs, and at its end). */
export class InsightsTally {
  private total = 0;
  private readonly byStatus = noStatus();
  private readonly timeline = new Map<number, StatusCounts>();
  private readonly failures = new Map<string, Omit<FailureGroup, 'Share'>>();
  private readonly times: number[] = [];
  private readonly byPipeline = new Map<string, number[]>();
  private readonly byTrigger = new Map<string, number[]>();
  private slowest: { JobId: string; Ms: number }[] = [];
  private readonly histogram = HISTOGRAM_MS.map(() => 0).concat(0);
  private readonly media: Figures['Media'] = { Containers: {}, VideoCodecs: {}, Resolutions: { SD: 0, HD: 0, FHD: 0, 'UHD+': 0 }, FrameRates: {}, AudioCodecs: {}, AudioOnly: 0, VideoOnly: 0 };

  private readonly checks: Record<string, number> = {};

  constructor(private readonly bucket: Bucket) {}

  add(job: MediaInfoJob): void {
    this.total += 1;
    const status = statusKey(job.Status);
    this.byStatus[status] += 1;
    const submitted = job.SubmitTime ? Date.parse(job.SubmitTime) : Number.NaN;
    if (!Number.isNaN(submitted)) {
      const start = Math.floor(submitted / BUCKET_MS[this.bucket]) * BUCKET_MS[this.bucket];
      const slot = this.timeline.get(start) ?? noStatus();
      slot[status] += 1;
      this.timeline.set(start, slot);
    }
    if (job.Status === 'Fail') this.addFailure(job);
    this.addTime(job);
    this.addMedia(job);
    for (const finding of checkJob(job)) add(this.checks, finding.Id);
  }

  private addFailure(job: MediaInfoJob): void {
    const { code = '—', message = '' } = failureReason(job);
    const normalised = normaliseMessage(message);
    const key = `${code}\n${normalised}`;
    const seen = job.SubmitTime ?? '';
    const group = this.failures.get(key) ?? { Code: code, Message: normalised, Count: 0, FirstSeen: seen, LastSeen: seen, Examples: [] };
    group.Count += 1;
    if (seen && (!group.FirstSeen || seen < group.FirstSeen)) group.FirstSeen = seen;
    if (seen > group.LastSeen) group.LastSeen = seen;
    if (group.Examples.length < EXAMPLES) group.Examples.push(job.JobId);
    this.failures.set(key, group);
  }

  private addTime(job: MediaInfoJob): void {
    if (job.Status !== 'Success' && job.Status !== 'Fail') return;
    const ms = elapsedBetween(job.SubmitTime, job.FinishTime);
    if (ms === undefined) return;
    this.times.push(ms);
    const push = (map: Map<string, number[]>, key: string) => {
      const values = map.get(key);
      if (values) values.push(ms);
      else map.set(key, [ms]);
    };
    push(this.byPipeline, job.ScheduleConfig?.PipelineId || '—');
    push(this.byTrigger, job.TriggerSource || '—');
    const bin = HISTOGRAM_MS.findIndex((upTo) => ms <= upTo);
    this.histogram[bin === -1 ? HISTOGRAM_MS.length : bin]! += 1;
    if (this.slowest.length < SLOWEST || ms > this.slowest[this.slowest.length - 1]!.Ms) {
      this.slowest = [...this.slowest, { JobId: job.JobId, Ms: ms }].sort((a, b) => b.Ms - a.Ms).slice(0, SLOWEST);
    }
  }

  private addMedia(job: MediaInfoJob): void {
    const info = job.MediaInfoProperty;
    if (!info) return;
    const file = info.FileBasicInfo;
    const video = info.VideoStreamInfoList ?? [];
    const audio = info.AudioStreamInfoList ?? [];
    add(this.media.Containers, containerFamily(file?.FormatName));
    for (const name of new Set(video.map((s) => s.Codec_name))) add(this.media.VideoCodecs, name);
    for (const name of new Set(audio.map((s) => s.CodecName))) add(this.media.AudioCodecs, name);
    const height = Number(file?.Height || video[0]?.Height);
    if (video.length > 0 && height > 0) this.media.Resolutions[resolutionClass(height)] += 1;
    add(this.media.FrameRates, frameRateKey(video[0]));
    if (audio.length > 0 && video.length === 0) this.media.AudioOnly += 1;
    if (video.length > 0 && audio.length === 0) this.media.VideoOnly += 1;
  }

  figures(): Figures {
    const failed = this.byStatus.Fail;
    const summaries = (map: Map<string, number[]>) => Object.fromEntries([...map].map(([key, values]) => [key, summarise(values)]));
    return {
      Total: this.total,
      ByStatus: { ...this.byStatus },
      Timeline: [...this.timeline].sort(([a], [b]) => a - b).map(([start, counts]) => ({ Start: new Date(start).toISOString(), ByStatus: { ...counts } })),
      Failures: [...this.failures.values()]
        .map((group) => ({ ...group, Examples: [...group.Examples], Share: failed > 0 ? group.Count / failed : 0 }))
        .sort((a, b) => b.Count - a.Count || a.Code.localeCompare(b.Code)),
      ProcessingTime: {
        ...(this.times.length > 0 ? { Overall: summarise(this.times) } : {}),
        ByPipeline: summaries(this.byPipeline),
        ByTrigger: summaries(this.byTrigger),
        Slowest: [...this.slowest],
        Histogram: this.histogram.map((count, i) => ({ UpToMs: HISTOGRAM_MS[i] ?? null, Count: count })),
      },
      Media: structuredClone(this.media),
      Checks: { ...this.checks },
    };
  }
}
