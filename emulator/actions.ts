// The four ICE operations the emulator serves, each validating its parameters as the real service
// does (names in errors, enums, bounds) before touching the store.
import { setTimeout as sleep } from 'node:timers/promises';
import { IceApiError, invalidParameter, missingParameter } from './api-error';
import type { JobInput, JobStatus, ScheduleConfig } from './ice-types';
import { JobStore, type JobOrder, type SubmitRequest } from './job-store';
import type { PageTokenCodec } from './page-token';

export interface ActionContext {
  store: JobStore;
  tokens: PageTokenCodec;
  nowMs: number;
  requestId: string;
  /** How long a submitted job stays in Init. */
  jobDelayMs: number;
  /** How long SubmitSyncMediaInfoJob takes to answer (the probe). */
  syncProbeMs: number;
}

type Params = Readonly<Record<string, string>>;
export type ActionHandler = (params: Params, ctx: ActionContext) => Record<string, unknown> | Promise<Record<string, unknown>>;

const STATUSES: readonly JobStatus[] = ['Init', 'Success', 'Fail'];
const ORDERS: readonly JobOrder[] = ['CreateTimeDesc', 'CreateTimeAsc'];
const UTC_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;
const JOB_ID = /^[0-9a-zA-Z-]{1,64}$/;
const MAX_PAGE_SIZE = 100;
const MAX_USER_DATA = 1024;
/** ICE's media asset ids are 32 lowercase hex digits. */
const MEDIA_ID = /^[0-9a-f]{32}$/;

export const actions: Readonly<Record<string, ActionHandler>> = {
  ListMediaInfoJobs(params, ctx) {
    const status = oneOf(params, 'Status', STATUSES);
    const order = oneOf(params, 'OrderBy', ORDERS) ?? 'CreateTimeDesc';
    const jobId = optional(params, 'JobId');
    if (jobId !== undefined && !JOB_ID.test(jobId)) throw invalidParameter('JobId', 'expected up to 64 letters, digits or dashes.');
    const startMs = utcTime(params, 'StartOfCreateTime');
    const endMs = utcTime(params, 'EndOfCreateTime');
    if (startMs !== undefined && endMs !== undefined && endMs < startMs) {
      throw invalidParameter('EndOfCreateTime', 'must not be earlier than StartOfCreateTime.');
    }
    const pageSize = pageSizeOf(params);
    // The token is bound to every filter but PageSize, which a client may change between pages.
    const filterKey = JSON.stringify([status, order, jobId, startMs, endMs]);
    const token = optional(params, 'NextPageToken');
    const after = token === undefined ? undefined : ctx.tokens.decode(token, filterKey);

    const page = ctx.store.list({ status, jobId, startMs, endMs, order, pageSize, after }, ctx.nowMs);
    return {
      RequestId: ctx.requestId,
      Jobs: page.jobs,
      ...(page.next ? { NextPageToken: ctx.tokens.encode(page.next, filterKey) } : {}),
    };
  },

  GetMediaInfoJob(params, ctx) {
    const jobId = optional(params, 'JobId');
    if (jobId === undefined) throw missingParameter('JobId');
    const job = JOB_ID.test(jobId) ? ctx.store.get(jobId, ctx.nowMs) : undefined;
    if (!job) throw new IceApiError(404, 'ResourceNotFound', `The specified media info job "${jobId}" does not exist.`);
    return { RequestId: ctx.requestId, MediaInfoJob: job };
  },

  SubmitMediaInfoJob(params, ctx) {
    const job = ctx.store.submit(submitRequest(params, ctx), ctx.nowMs, ctx.jobDelayMs);
    return { RequestId: ctx.requestId, MediaInfoJob: job };
  },

  // The probe runs while the caller waits: the job is created at once (a caller that gives up still
  // leaves it listed, as ICE would), answered once it is final, Success or Fail alike, with HTTP 200.
  async SubmitSyncMediaInfoJob(params, ctx) {
    const submitted = ctx.store.submit({ ...submitRequest(params, ctx), async: false }, ctx.nowMs, ctx.syncProbeMs);
    await sleep(ctx.syncProbeMs);
    return { RequestId: ctx.requestId, MediaInfoJob: ctx.store.get(submitted.JobId, ctx.nowMs + ctx.syncProbeMs) };
  },
};

/** The input checks both submit calls share. */
function submitRequest(params: Params, ctx: ActionContext): SubmitRequest {
  const rawInput = optional(params, 'Input');
  if (rawInput === undefined) throw missingParameter('Input');
  const input = jobInput(rawInput);
  const userData = optional(params, 'UserData');
  if (userData !== undefined && userData.length > MAX_USER_DATA) {
    throw invalidParameter('UserData', `must be at most ${MAX_USER_DATA} characters.`);
  }
  const rawSchedule = optional(params, 'ScheduleConfig');
  return {
    input,
    name: optional(params, 'Name'),
    userData,
    scheduleConfig: rawSchedule === undefined ? undefined : scheduleConfig(rawSchedule),
    requestId: ctx.requestId,
  };
}

/** An empty value counts as absent, as with ICE's gateway. */
function optional(params: Params, name: string): string | undefined {
  const value = params[name];
  return value === undefined || value === '' ? undefined : value;
}

function oneOf<T extends string>(params: Params, name: string, allowed: readonly T[]): T | undefined {
  const value = optional(params, name);
  if (value === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(value)) throw invalidParameter(name, `expected one of ${allowed.join(', ')}.`);
  return value as T;
}

function utcTime(params: Params, name: string): number | undefined {
  const value = optional(params, name);
  if (value === undefined) return undefined;
  const ms = UTC_TIME.test(value) ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(ms)) throw invalidParameter(name, 'expected a UTC time as yyyy-MM-ddTHH:mm:ssZ.');
  return ms;
}

function pageSizeOf(params: Params): number {
  const value = optional(params, 'PageSize');
  if (value === undefined) return 10;
  const size = /^\d{1,4}$/.test(value) ? Number(value) : Number.NaN;
  if (!(size >= 1 && size <= MAX_PAGE_SIZE)) throw invalidParameter('PageSize', `expected an integer from 1 to ${MAX_PAGE_SIZE}.`);
  return size;
}

function parseJsonObject(name: string, raw: string): Record<string, unknown> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw invalidParameter(name, 'expected a JSON object.');
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw invalidParameter(name, 'expected a JSON object.');
  return parsed as Record<string, unknown>;
}

function jobInput(raw: string): JobInput {
  const { Type, Media } = parseJsonObject('Input', raw);
  if (Type !== 'OSS' && Type !== 'Media') throw invalidParameter('Input.Type', 'expected OSS or Media.');
  if (typeof Media !== 'string' || Media.length === 0 || Media.length > 2048) {
    throw invalidParameter('Input.Media', 'expected a non-empty string of at most 2048 characters.');
  }
  if (Type === 'OSS' && !/^(oss|https?):\/\/[^/\s]+\/\S/.test(Media)) {
    throw invalidParameter('Input.Media', 'expected an OSS object URL such as oss://bucket/path/to/video.mp4.');
  }
  if (Type === 'Media' && !MEDIA_ID.test(Media)) {
    throw invalidParameter('Input.Media', 'expected a media asset id of 32 hexadecimal digits.');
  }
  return { Type, Media };
}

function scheduleConfig(raw: string): ScheduleConfig {
  const { PipelineId, Priority } = parseJsonObject('ScheduleConfig', raw);
  if (PipelineId !== undefined && typeof PipelineId !== 'string') throw invalidParameter('ScheduleConfig.PipelineId', 'expected a string.');
  if (Priority !== undefined && !(Number.isInteger(Priority) && (Priority as number) >= 1 && (Priority as number) <= 10)) {
    throw invalidParameter('ScheduleConfig.Priority', 'expected an integer from 1 to 10.');
  }
  return { PipelineId, Priority: Priority as number | undefined };
}
