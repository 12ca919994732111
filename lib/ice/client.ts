import 'server-only';
import RPCClient from '@alicloud/pop-core';
import { createHash } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { log } from '@/lib/log/logger';
import { registerSecrets } from '@/lib/log/redact';
import { appStore } from '@/lib/store/app-store';
import { memoryStore } from '@/lib/store/memory';
import type { Store } from '@/lib/store/store';
import { Coalescer } from './coalesce';
import { getIceConfig, type IceConfig } from './config';
import { invalidInput, PortalError } from '@/lib/errors';
import { finishedJobs } from './finished-jobs';
import { cancelled, isRetryable, mapCallFailure, mapIceErrorBody, timedOut, unreadableAnswer } from './map-failure';
import {
  getJobResponseSchema,
  listJobsResponseSchema,
  parseJobId,
  submitJobInputSchema,
  type GetJobResponse,
  type ListJobsQuery,
  type ListJobsResponse,
  type SubmitJobInput,
} from './schemas';
import { Semaphore } from './semaphore';
import { signedCaller } from './signed-call';
import { SHARED_READS, sharedRead } from './shared-reads';

// The only door to ICE: signs with pop-core (signed-call.ts sends and reads), bounds every call by a
// deadline and the caller's AbortSignal, retries reads on transient failures, caps and coalesces
// upstream calls (in this process, and across instances through the store), serves finished jobs it
// has seen without a call, and turns every outcome into typed data or a PortalError.

export const ICE_API_VERSION = '2020-11-09';

/** Retries of reads (never of submits). Delays are "full jitter": uniform in [0, min(max, base * 2^n)]. */
export const RETRY_POLICY = {
  /** Attempts in all, the first included. */
  maxAttempts: 3,
  baseDelayMs: 100,
  maxDelayMs: 1000,
};

/** A successful read is served again to identical reads for this long (see coalesce.ts, shared-reads.ts). */
export const READ_REUSE_MS = SHARED_READS.reuseMs;

export interface CallOptions {
  /** Cancels the call, e.g. when the browser tab that asked for it is closed. */
  signal?: AbortSignal;
  /** Never an answer another instance shared: readiness must prove that this process reaches ICE. */
  ownCall?: boolean;
  /**
   * A page of a scan's token chain (a search, an export):
   * - nobody will repeat it: shared with the same read in flight (another scan's, not a list's), but
   *   neither kept for reuse nor written to the shared store; a fast scan would otherwise hold its last
   *   second of pages, several thousand jobs, in memory;
   * - it is background work: it waits for one of scanSlots() of the process's ICE slots, and behind
   *   every interactive read for a slot, so a list page or a job never queues behind a scan; its
   *   ICE_TIMEOUT_MS starts once it has its scan slot, so a queue of scans does not time them out.
   */
  scan?: boolean;
}

/** Of the process's ICE_MAX_CONCURRENCY slots, those scans may hold at once: half, at least one. */
export const scanSlots = (maxConcurrency: number) => Math.max(1, Math.floor(maxConcurrency / 2));

export interface IceClient {
  listMediaInfoJobs(query: ListJobsQuery, options?: CallOptions): Promise<ListJobsResponse>;
  getMediaInfoJob(jobId: string, options?: CallOptions): Promise<GetJobResponse>;
  submitMediaInfoJob(input: SubmitJobInput, options?: CallOptions): Promise<GetJobResponse>;
  /** The probe while the caller waits: the finished job (Success or Fail), within ICE_SYNC_TIMEOUT_MS. */
  submitSyncMediaInfoJob(input: SubmitJobInput, options?: CallOptions): Promise<GetJobResponse>;
}

type Params = Record<string, string | number | boolean | object | undefined>;

/** What pop-core takes for success in a body's Code; any other (non-empty) Code is a failure. */
const SUCCESS_CODES = new Set<unknown>([200, '200', 'OK', 'Success', 'success']);

/**
 * `store` holds what is shared across calls (and instances, when it is Redis): answers reused for a
 * moment and finished jobs. A client of its own store by default, so tests start from nothing.
 */
/** A client of one region: the configuration's `region` and `endpoint` (its other regions are ignored). */
export function createIceClient(config: Omit<IceConfig, 'regions'>, store: Store = memoryStore()): IceClient {
  registerSecrets([config.accessKeyId, config.accessKeySecret, config.securityToken]);
  const rpc = new RPCClient({
    endpoint: config.endpoint,
    apiVersion: ICE_API_VERSION,
    accessKeyId: config.accessKeyId,
    accessKeySecret: config.accessKeySecret,
    ...(config.securityToken ? { securityToken: config.securityToken } : {}),
  });
  const signedCall = signedCaller(rpc, config.endpoint);
  const slots = new Semaphore(config.maxConcurrency);
  const scanGate = new Semaphore(scanSlots(config.maxConcurrency));
  const reads = new Coalescer<unknown>(READ_REUSE_MS);
  // Portals of different ICE accounts or endpoints may share one Redis: they must not share answers.
  const keyspace = `ice:${createHash('sha256').update(`${config.endpoint}\n${config.accessKeyId}`).digest('base64url').slice(0, 16)}`;
  const parseJob = parseWith(getJobResponseSchema);
  const finished = finishedJobs(store, keyspace, parseJob, config.finishedJobTtlMs);

  async function attempt(action: string, params: Record<string, string>, signal: AbortSignal, background: boolean) {
    const release = await slots.acquire({ signal, background });
    const started = Date.now();
    try {
      const { status, body } = await signedCall(action, params, signal);
      const requestId = typeof body.RequestId === 'string' ? body.RequestId : undefined;
      // A failure as pop-core judged one (a Code it does not take for success, even on a 200) or as
      // HTTP says; ICE's own error body maps by its Code, anything else is unreadable.
      if ((body.Code && !SUCCESS_CODES.has(body.Code)) || status >= 400) {
        throw typeof body.Code === 'string' ? mapIceErrorBody(body as { Code: string }, status) : unreadableAnswer(requestId);
      }
      log('info', 'ice_call', { region: config.region, action, requestId, status, ms: Date.now() - started });
      return body;
    } finally {
      release();
    }
  }

  async function call(action: string, params: Params, retry: boolean, signal?: AbortSignal, background = false, timeoutMs = config.timeoutMs): Promise<unknown> {
    const wire = toWireParams(params);
    const deadlineAt = Date.now() + timeoutMs;
    const deadline = deadlineSignal(timeoutMs, signal);
    const combined = deadline.signal;
    const stopped = () => (deadline.expired() ? timedOut() : cancelled());
    try {
      for (let attemptNo = 1; ; attemptNo++) {
        try {
          return await attempt(action, wire, combined, background);
        } catch (raw) {
          const error = combined.aborted ? stopped() : mapCallFailure(raw);
          log(error.code === 'aborted' ? 'info' : 'warn', 'ice_call_failed', {
            region: config.region,
            action,
            attempt: attemptNo,
            code: error.code,
            iceCode: error.iceCode,
            requestId: error.requestId,
            status: error.status,
          });
          const delay = Math.random() * Math.min(RETRY_POLICY.maxDelayMs, RETRY_POLICY.baseDelayMs * 2 ** attemptNo);
          if (!retry || !isRetryable(error) || attemptNo >= RETRY_POLICY.maxAttempts || Date.now() + delay >= deadlineAt) {
            throw error;
          }
          await sleep(delay, undefined, { signal: combined }).catch(() => {
            throw stopped();
          });
        }
      }
    } finally {
      deadline.release();
    }
  }

  /**
   * A read: retried; shared with identical reads in flight and reused for READ_REUSE_MS after success,
   * in this process (Coalescer) and across instances (sharedRead). `kept` answers before any of that
   * (finished jobs).
   */
  function read<T>(action: string, params: Params, parse: (body: unknown) => T, options: CallOptions, kept?: KeptAnswers<T>): Promise<T> {
    const wire = toWireParams(params);
    const key = `${action}?${JSON.stringify(wire, Object.keys(wire).sort())}`;
    const { signal, ownCall, scan } = options;
    const answer = async (shared: AbortSignal) => {
      const found = await kept?.find();
      if (found) {
        log('info', 'ice_answer_kept', { action, requestId: requestIdOf(found) });
        return found;
      }
      const fetch = scan
        ? async () => {
            const release = await scanGate.acquire({ signal: shared });
            try {
              return await call(action, params, true, shared, true);
            } finally {
              release();
            }
          }
        : () => call(action, params, true, shared);
      const { value, fetched } = ownCall || scan ? await fetch().then((body) => ({ value: parse(body), fetched: body })) : await sharedRead(store, `${keyspace}:${key}`, fetch, parse, shared);
      if (fetched === undefined) log('info', 'ice_answer_shared', { action, requestId: requestIdOf(value) });
      else await kept?.keep(fetched, value);
      return value;
    };
    return reads
      .run(ownCall ? `own:${key}` : scan ? `scan:${key}` : key, answer, signal, { reuse: !scan })
      .catch((error: unknown) => {
        throw error instanceof PortalError ? error : signal?.aborted ? cancelled() : mapCallFailure(error);
      }) as Promise<T>;
  }

  return {
    listMediaInfoJobs: (query, options = {}) => read('ListMediaInfoJobs', { ...query }, parseWith(listJobsResponseSchema), options),

    getMediaInfoJob: async (jobId, options = {}) => {
      const id = parseJobId(jobId);
      return read('GetMediaInfoJob', { JobId: id }, parseJob, options, {
        find: () => finished.get(id),
        keep: (body, answer) => finished.keep(id, body, answer),
      });
    },

    // Submits are never retried: a call that failed on the way back may have made a job.
    async submitMediaInfoJob(input, options = {}) {
      const valid = submitJobInputSchema.parse(input);
      return parseJob(await call('SubmitMediaInfoJob', { ...valid }, false, options.signal));
    },

    async submitSyncMediaInfoJob(input, options = {}) {
      const valid = submitJobInputSchema.parse(input);
      return parseJob(await call('SubmitSyncMediaInfoJob', { ...valid }, false, options.signal, false, config.syncTimeoutMs ?? 30_000));
    },
  };
}

interface KeptAnswers<T> {
  find(): Promise<T | undefined>;
  keep(body: unknown, answer: T): Promise<void>;
}

/** ICE's RequestId of an answer kept or shared earlier: the call it came from, for operators. */
const requestIdOf = (answer: unknown) => (answer as { RequestId?: string }).RequestId;

function parseWith<T>(schema: { safeParse(v: unknown): { success: true; data: T } | { success: false } }) {
  return (body: unknown): T => {
    const result = schema.safeParse(body);
    if (result.success) return result.data;
    const requestId = (body as { RequestId?: unknown } | null)?.RequestId;
    throw unreadableAnswer(typeof requestId === 'string' ? requestId : undefined);
  };
}

/**
 * One signal for a call's deadline and its caller's signal, released when the call ends: cheaper per
 * call than AbortSignal.timeout with AbortSignal.any, whose signals outlive the call until collected.
 */
function deadlineSignal(timeoutMs: number, caller?: AbortSignal) {
  const controller = new AbortController();
  let expired = false;
  const timer = setTimeout(() => {
    expired = true;
    controller.abort();
  }, timeoutMs);
  const onCallerAbort = () => controller.abort();
  if (caller?.aborted) controller.abort();
  else caller?.addEventListener('abort', onCallerAbort, { once: true });
  return {
    signal: controller.signal,
    expired: () => expired,
    release: () => {
      clearTimeout(timer);
      caller?.removeEventListener('abort', onCallerAbort);
    },
  };
}

/** pop-core sends `undefined` as the string "undefined" and objects as "[object Object]": fix both here. */
function toWireParams(params: Params): Record<string, string> {
  const wire: Record<string, string> = {};
  for (const [name, value] of Object.entries(params)) {
    if (value === undefined) continue;
    wire[name] = typeof value === 'object' ? JSON.stringify(value) : String(value);
  }
  return wire;
}

const processClients = new Map<string, IceClient>();

/**
 * The process's client of `region` (the default region when not said), configured from the environment
 * on first use. A region the configuration does not list is a 400 naming Region: callers check it
 * (parse-list-query.ts), this is the last guard.
 */
export function iceClient(region?: string): IceClient {
  const config = getIceConfig();
  const wanted = config.regions.find((r) => r.region === (region ?? config.region));
  if (!wanted) throw invalidInput('Region', `must be one of ${config.regions.map((r) => r.region).join(', ')}`, { reason: 'one_of', allowed: config.regions.map((r) => r.region).join(', ') });
  let client = processClients.get(wanted.region);
  if (!client) processClients.set(wanted.region, (client = createIceClient({ ...config, ...wanted }, appStore())));
  return client;
}
