// The emulator's jobs, kept sorted by (create time, insertion sequence) once overall and once per
// status, so a page with a time range and a status is two binary searches and a short walk, never a
// scan. Seeded jobs are held as small headers and rebuilt on demand; jobs submitted or added at run
// time are held whole.
import { randomBytes, createHash } from 'node:crypto';
import { buildJob, jobHeader, type DatasetOptions } from './dataset';
import type { JobInput, JobStatus, MediaInfoJob, ScheduleConfig } from './ice-types';
import type { PageCursor } from './page-token';
import { probeSubmittedInput } from './probe';

interface Entry {
  seq: number;
  createdAtMs: number;
  JobId: string;
  Status: JobStatus;
  /** A seeded job: rebuilt from the dataset by its number. */
  n?: number;
  /** A submitted or added job, held whole. */
  job?: MediaInfoJob;
}

export type JobOrder = 'CreateTimeAsc' | 'CreateTimeDesc';

export interface ListQuery {
  status?: JobStatus;
  jobId?: string;
  /** Inclusive bounds, at second resolution like every create time. */
  startMs?: number;
  endMs?: number;
  order: JobOrder;
  pageSize: number;
  after?: PageCursor;
}

export interface ListResult {
  jobs: MediaInfoJob[];
  next?: PageCursor;
}

export interface SubmitRequest {
  input: JobInput;
  name?: string;
  userData?: string;
  scheduleConfig?: ScheduleConfig;
  requestId: string;
  /** false for SubmitSyncMediaInfoJob's jobs. */
  async?: boolean;
}

export class JobStore {
  private readonly all: Entry[] = [];
  private readonly byStatus: Record<JobStatus, Entry[]> = { Init: [], Success: [], Fail: [] };
  private readonly byId = new Map<string, Entry>();
  /** Submitted jobs still in Init, in the order they become final. */
  private readonly pending: { entry: Entry; readyAtMs: number }[] = [];
  private nextSeq = 0;
  /** Recently rebuilt seeded jobs: pages are read again and again, and a rebuild costs ~40 µs. */
  private readonly built = new Map<number, MediaInfoJob>();

  constructor(private readonly dataset: DatasetOptions) {}

  static seeded(dataset: DatasetOptions, count: number): JobStore {
    const store = new JobStore(dataset);
    const headers = Array.from({ length: count }, (_, n) => jobHeader(dataset, n));
    headers.sort((a, b) => a.createdAtMs - b.createdAtMs || a.n - b.n);
    for (const header of headers) {
      const entry: Entry = { seq: store.nextSeq++, createdAtMs: header.createdAtMs, JobId: header.JobId, Status: header.Status, n: header.n };
      // Sorted input: appending keeps every list in order without a search per job.
      store.all.push(entry);
      store.byStatus[entry.Status].push(entry);
      store.byId.set(entry.JobId, entry);
    }
    return store;
  }

  get size(): number {
    return this.all.length;
  }

  /** Highest sequence given so far: a new crawl's snapshot. */
  get latestSeq(): number {
    return this.nextSeq - 1;
  }

  list(query: ListQuery, nowMs: number): ListResult {
    this.settle(nowMs);
    const snapshotSeq = query.after?.snapshotSeq ?? this.latestSeq;
    const inRange = (e: Entry) =>
      e.seq <= snapshotSeq &&
      (query.status === undefined || e.Status === query.status) &&
      (query.startMs === undefined || e.createdAtMs >= query.startMs) &&
      (query.endMs === undefined || e.createdAtMs <= query.endMs);

    if (query.jobId !== undefined) {
      const entry = this.byId.get(query.jobId);
      return { jobs: entry && inRange(entry) && !query.after ? [this.materialize(entry)] : [] };
    }

    const list = query.status ? this.byStatus[query.status] : this.all;
    const lo = lowerBound(list, query.startMs ?? -Infinity, -Infinity);
    const hi = lowerBound(list, query.endMs ?? Infinity, Infinity);
    const picked: Entry[] = [];
    const want = query.pageSize + 1; // one more than a page tells whether a next page exists
    if (query.order === 'CreateTimeAsc') {
      const from = query.after ? lowerBound(list, query.after.createdAtMs, query.after.seq + 0.5) : lo;
      for (let i = Math.max(from, lo); i < hi && picked.length < want; i++) {
        const e = list[i] as Entry;
        if (e.seq <= snapshotSeq) picked.push(e);
      }
    } else {
      const from = query.after ? lowerBound(list, query.after.createdAtMs, query.after.seq - 0.5) - 1 : hi - 1;
      for (let i = Math.min(from, hi - 1); i >= lo && picked.length < want; i--) {
        const e = list[i] as Entry;
        if (e.seq <= snapshotSeq) picked.push(e);
      }
    }
    const page = picked.slice(0, query.pageSize);
    const last = page[page.length - 1];
    return {
      jobs: page.map((e) => this.materialize(e)),
      next: picked.length > query.pageSize && last ? { createdAtMs: last.createdAtMs, seq: last.seq, snapshotSeq } : undefined,
    };
  }

  get(jobId: string, nowMs: number): MediaInfoJob | undefined {
    this.settle(nowMs);
    const entry = this.byId.get(jobId);
    return entry && this.materialize(entry);
  }

  /** A new job in Init that turns final once `delayMs` has passed (settled lazily on the next read). */
  submit(request: SubmitRequest, nowMs: number, delayMs: number): MediaInfoJob {
    const createdAtMs = Math.floor(nowMs / 1000) * 1000;
    const job: MediaInfoJob = {
      JobId: randomBytes(16).toString('hex'),
      Name: request.name,
      TriggerSource: 'API',
      Input: request.input,
      Async: request.async ?? true,
      UserData: request.userData,
      ScheduleConfig: request.scheduleConfig,
      Status: 'Init',
      SubmitTime: isoFromEpochMs(createdAtMs),
      RequestId: request.requestId,
    };
    const entry = this.insert(job, createdAtMs);
    const readyAtMs = nowMs + delayMs;
    const at = this.pending.findIndex((p) => p.readyAtMs > readyAtMs);
    this.pending.splice(at === -1 ? this.pending.length : at, 0, { entry, readyAtMs });
    return job;
  }

  /** Adds a whole job as given (fixtures for tests and benchmarks); false when the JobId is taken. */
  add(job: MediaInfoJob): boolean {
    if (this.byId.has(job.JobId)) return false;
    const submitted = job.SubmitTime ? Date.parse(job.SubmitTime) : Number.NaN;
    this.insert(job, Number.isNaN(submitted) ? Math.floor(Date.now() / 1000) * 1000 : submitted);
    return true;
  }

  statusCounts(): Record<JobStatus, number> {
    return { Init: this.byStatus.Init.length, Success: this.byStatus.Success.length, Fail: this.byStatus.Fail.length };
  }

  private insert(job: MediaInfoJob, createdAtMs: number): Entry {
    const entry: Entry = { seq: this.nextSeq++, createdAtMs, JobId: job.JobId, Status: job.Status, job };
    insertSorted(this.all, entry);
    insertSorted(this.byStatus[entry.Status], entry);
    this.byId.set(entry.JobId, entry);
    return entry;
  }

  private settle(nowMs: number): void {
    while (this.pending.length > 0 && (this.pending[0]?.readyAtMs ?? Infinity) <= nowMs) {
      const { entry, readyAtMs } = this.pending.shift()!;
      const job = entry.job!;
      const outcome = probeSubmittedInput(job.Input!);
      job.Status = outcome.Status;
      job.FinishTime = isoFromEpochMs(readyAtMs);
      job.SubmitResultJson = outcome.SubmitResultJson;
      if (outcome.Status === 'Success') job.MediaInfoProperty = outcome.MediaInfoProperty;
      this.move(entry, outcome.Status);
    }
  }

  private move(entry: Entry, status: JobStatus): void {
    const from = this.byStatus[entry.Status];
    const at = lowerBound(from, entry.createdAtMs, entry.seq);
    if (from[at] === entry) from.splice(at, 1);
    entry.Status = status;
    insertSorted(this.byStatus[status], entry);
  }

  private materialize(entry: Entry): MediaInfoJob {
    if (entry.job) return entry.job;
    const n = entry.n!;
    let job = this.built.get(n);
    if (job) {
      this.built.delete(n); // re-insert: Map order is the LRU order
    } else {
      job = { ...buildJob(this.dataset, n), RequestId: requestIdFor(entry.JobId) };
      if (this.built.size >= BUILT_CACHE_SIZE) this.built.delete(this.built.keys().next().value!);
    }
    this.built.set(n, job);
    return job;
  }
}

const BUILT_CACHE_SIZE = 10_000;

/** First index whose (createdAtMs, seq) is not below the given key. */
function lowerBound(list: readonly Entry[], createdAtMs: number, seq: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const e = list[mid] as Entry;
    if (e.createdAtMs < createdAtMs || (e.createdAtMs === createdAtMs && e.seq < seq)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function insertSorted(list: Entry[], entry: Entry): void {
  list.splice(lowerBound(list, entry.createdAtMs, entry.seq), 0, entry);
}

/** ICE's time format (UTC, second resolution) of an epoch time in milliseconds; the milliseconds are cut. */
function isoFromEpochMs(epochMs: number): string {
  return new Date(epochMs).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** A seeded job's own RequestId (the submit call that created it), stable across restarts. */
function requestIdFor(jobId: string): string {
  const h = createHash('md5').update(jobId).digest('hex').toUpperCase();
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}
