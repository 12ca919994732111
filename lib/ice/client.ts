import 'server-only';
import RPCClient from '@alicloud/pop-core';
import { setTimeout as sleep } from 'node:timers/promises';
import { log } from '@/lib/log/logger';
import { registerSecrets } from '@/lib/log/redact';
import { Coalescer } from './coalesce';
import { getIceConfig, type IceConfig } from './config';
import { PortalError } from '@/lib/errors';
import { cancelled, isRetryable, mapCallFailure, mapIceErrorBody, timedOut, unreadableAnswer } from './map-failure';
import { toPlainJson } from './plain-json';
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

// The only door to ICE: signs with pop-core, bounds every call by a deadline and the caller's
// AbortSignal, retries reads on transient failures, caps and coalesces upstream calls, and turns
// every outcome into typed data or an PortalError.

export const ICE_API_VERSION = '2020-11-09';

/** Retries of reads (never of submits). Delays are "full jitter": uniform in [0, min(max, base * 2^n)]. */
export const RETRY_POLICY = {
  /** Attempts in all, the first included. */
  maxAttempts: 3,
  baseDelayMs: 100,
  maxDelayMs: 1000,
};

/** A successful read is served again to identical reads for this long (see coalesce.ts). */
export const READ_REUSE_MS = 1000;

export interface CallOptions {
  /** Cancels the call, e.g. when the browser tab that asked for it is closed. */
  signal?: AbortSignal;
}

export interface IceClient {
  listMediaInfoJobs(query: ListJobsQuery, options?: CallOptions): Promise<ListJobsResponse>;
  getMediaInfoJob(jobId: string, options?: CallOptions): Promise<GetJobResponse>;
  submitMediaInfoJob(input: SubmitJobInput, options?: CallOptions): Promise<GetJobResponse>;
}

type Params = Record<string, string | number | boolean | object | undefined>;

interface PopCoreEntry {
  response: { statusCode: number };
}

export function createIceClient(config: IceConfig): IceClient {
  registerSecrets([config.accessKeyId, config.accessKeySecret, config.securityToken]);
  // verbose: pop-core then resolves with [body, entry], the only way to see the HTTP status of a success.
  const rpc = new RPCClient(
    {
      endpoint: config.endpoint,
      apiVersion: ICE_API_VERSION,
      accessKeyId: config.accessKeyId,
      accessKeySecret: config.accessKeySecret,
      ...(config.securityToken ? { securityToken: config.securityToken } : {}),
    },
    // @ts-expect-error pop-core's typings omit the constructor's second (verbose) argument
    true,
  );
  const slots = new Semaphore(config.maxConcurrency);
  const reads = new Coalescer<unknown>(READ_REUSE_MS);

  async function attempt(action: string, params: Record<string, string>, signal: AbortSignal, deadlineAt: number) {
    const release = await slots.acquire(signal);
    const started = Date.now();
    try {
      const [raw, entry] = (await rpc.request(action, params, {
        timeout: Math.max(1, deadlineAt - Date.now()),
        // httpx hands these options to http.request: the only way to give pop-core an AbortSignal.
        beforeRequest: (options: object) => ({ ...options, signal }),
      })) as [unknown, PopCoreEntry];
      const body = toPlainJson(raw) as Record<string, unknown>;
      const requestId = typeof body?.RequestId === 'string' ? body.RequestId : undefined;
      const status = entry.response.statusCode;
      if (status >= 400) {
        throw typeof body?.Code === 'string' ? mapIceErrorBody(body as { Code: string }, status) : unreadableAnswer(requestId);
      }
      log('info', 'ice_call', { action, requestId, status, ms: Date.now() - started });
      return body;
    } finally {
      release();
    }
  }

  async function call(action: string, params: Params, retry: boolean, signal?: AbortSignal): Promise<unknown> {
    const deadline = AbortSignal.timeout(config.timeoutMs);
    const deadlineAt = Date.now() + config.timeoutMs;
    const combined = signal ? AbortSignal.any([signal, deadline]) : deadline;
    const wire = toWireParams(params);
    const stopped = () => (deadline.aborted ? timedOut() : cancelled());
    for (let attemptNo = 1; ; attemptNo++) {
      try {
        return await attempt(action, wire, combined, deadlineAt);
      } catch (raw) {
        const error = combined.aborted ? stopped() : mapCallFailure(raw);
        log(error.code === 'aborted' ? 'info' : 'warn', 'ice_call_failed', {
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
  }

  /** A read: retried, shared with identical reads in flight, and reused for READ_REUSE_MS after success. */
  function read<T>(action: string, params: Params, parse: (body: unknown) => T, signal?: AbortSignal): Promise<T> {
    const wire = toWireParams(params);
    const key = `${action}?${JSON.stringify(wire, Object.keys(wire).sort())}`;
    return reads
      .run(key, async (shared) => parse(await call(action, params, true, shared)), signal)
      .catch((error: unknown) => {
        throw error instanceof PortalError ? error : signal?.aborted ? cancelled() : mapCallFailure(error);
      }) as Promise<T>;
  }

  return {
    listMediaInfoJobs: (query, options = {}) =>
      read('ListMediaInfoJobs', { ...query }, parseWith(listJobsResponseSchema), options.signal),

    getMediaInfoJob: async (jobId, options = {}) =>
      read('GetMediaInfoJob', { JobId: parseJobId(jobId) }, parseWith(getJobResponseSchema), options.signal),

    async submitMediaInfoJob(input, options = {}) {
      const valid = submitJobInputSchema.parse(input);
      const body = await call('SubmitMediaInfoJob', { ...valid }, false, options.signal);
      return parseWith(getJobResponseSchema)(body);
    },
  };
}

function parseWith<T>(schema: { safeParse(v: unknown): { success: true; data: T } | { success: false } }) {
  return (body: unknown): T => {
    const result = schema.safeParse(body);
    if (result.success) return result.data;
    const requestId = (body as { RequestId?: unknown } | null)?.RequestId;
    throw unreadableAnswer(typeof requestId === 'string' ? requestId : undefined);
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

let processClient: IceClient | undefined;

/** The process's client, configured from the environment on first use. */
export function iceClient(): IceClient {
  processClient ??= createIceClient(getIceConfig());
  return processClient;
}
