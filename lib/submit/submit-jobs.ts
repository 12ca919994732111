import 'server-only';
import { createHash, randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { invalidInput, probeSlow, rateLimited, toPortalError } from '@/lib/errors';
import { iceClient } from '@/lib/ice/client';
import { getIceConfig } from '@/lib/ice/config';
import { log } from '@/lib/log/logger';
import { appStore } from '@/lib/store/app-store';
import type { z } from 'zod';
import { userKey, type User } from '@/lib/auth/access';
import { jsonOrUndefined } from '@/lib/jobs/pretty-json';
import { recordRerun } from './rerun-links';
import { getSubmitConfig } from './submit-config';
import { batchLineInput, checkBody, type BatchRequest, type SubmitRequest } from './submit-input';
import type { BatchAnswer, BatchLineResult, SubmitAnswer } from './submit-limits';

// Starting probes at ICE for a person who may (the route checked): one job, or a batch of lines. Cases:
// - every submit spends one of the person's SUBMIT_RATE_LIMIT_PER_MINUTE, a budget apart from reads;
// - never retried (lib/ice/client.ts): a call that failed on the way back may have made a job;
// - the same input from the same person within DEDUPE_MS answers the first call's JobId instead of
//   starting a second job, across instances through the store: the first call holds a claim while it
//   runs and leaves its JobId behind; a second one waits for that JobId (or, if the first failed,
//   submits itself);
// - a probe-now that ICE does not answer in time is a 504 naming the list where the job will show;
// - each submit writes a `submit` log line with the person, the input and the new JobId;
// - a batch runs BATCH_CONCURRENCY lines at a time; a line that fails is that line's error only; its
//   jobs carry the batch id in UserData, so the batch opens afterwards as a search.

export const DEDUPE_MS = 60_000;
export const BATCH_CONCURRENCY = 4;
const CLAIM_POLL_MS = 150;

export interface SubmitContext {
  requestId: string;
  /** Whose submit it is (lib/auth/access.ts userKey): their budget, their duplicates. */
  userKey: string;
  /** For the log line: who they are, and the API token they came with. */
  who: string;
  tokenId?: string;
  signal?: AbortSignal;
}

/** The route's view of a submit: who, with which request id and signal. */
export function submitContextOf(user: User, requestId: string, signal: AbortSignal, tokenId?: string): SubmitContext {
  return { requestId, userKey: userKey(user), who: user.email ?? user.sub, signal, ...(tokenId ? { tokenId } : {}) };
}

/** A body read against its schema, or a 400 naming the field at fault by its path. */
export function requireBody<S extends z.ZodType>(schema: S, body: unknown): z.output<S> {
  const checked = checkBody(schema, body);
  if (!checked.ok) throw invalidInput(checked.field, checked.why, checked.params);
  return checked.value;
}

export async function submitJob(request: SubmitRequest, context: SubmitContext, batchId?: string): Promise<SubmitAnswer> {
  const region = request.Region ?? getIceConfig().region;
  const ice = iceClient(region); // an unknown Region is a 400 before any budget is spent
  const wait = await appStore().rateLimiter('submit', getSubmitConfig().perMinute).take(context.userKey);
  if (wait > 0) throw rateLimited(wait);

  const input = { Input: request.Input, Name: request.Name, UserData: request.UserData, ScheduleConfig: request.ScheduleConfig };
  const key = `submit:${createHash('sha256').update(JSON.stringify([context.userKey, region, request.Input.Type, request.Input.Media])).digest('base64url')}`;
  const store = appStore();
  const claimDeadline = Date.now() + (request.Sync ? (getIceConfig().syncTimeoutMs ?? 30_000) : getIceConfig().timeoutMs) + 1000;
  for (;;) {
    const earlier = await store.get(`${key}:job`);
    if (earlier) return duplicateOf(earlier, region, request, context);
    if (await store.setIfAbsent(`${key}:claim`, context.requestId, DEDUPE_MS)) break;
    // Another call of this person's with this input is running: its JobId comes, or its claim goes.
    if (Date.now() > claimDeadline) throw probeSlow(Math.round((claimDeadline - Date.now() + 1000) / 1000), listUrlOf(request.Input.Media, new Date()));
    await sleep(CLAIM_POLL_MS, undefined, { signal: context.signal });
  }

  const startedAt = new Date();
  let answer;
  try {
    answer = request.Sync ? await ice.submitSyncMediaInfoJob(input, { signal: context.signal }) : await ice.submitMediaInfoJob(input, { signal: context.signal });
  } catch (error) {
    await store.delete(`${key}:claim`);
    const failure = toPortalError(error);
    if (request.Sync && failure.code === 'upstream_timeout') throw probeSlow(Math.round((getIceConfig().syncTimeoutMs ?? 30_000) / 1000), listUrlOf(request.Input.Media, startedAt));
    throw failure;
  }
  const { JobId } = answer.MediaInfoJob;
  await store.set(`${key}:job`, JobId, { ttlMs: DEDUPE_MS });
  log('info', 'submit', {
    requestId: context.requestId,
    user: context.who,
    ...(context.tokenId ? { token: context.tokenId } : {}),
    region,
    jobId: JobId,
    iceRequestId: answer.RequestId,
    input: request.Input.Media.slice(0, 200),
    sync: request.Sync === true,
    ...(request.RerunOf ? { rerunOf: request.RerunOf } : {}),
    ...(batchId ? { batch: batchId } : {}),
  });
  if (request.RerunOf) await recordRerun(request.RerunOf, JobId, context.who);
  return { JobId, RequestId: answer.RequestId, Region: region, ...(request.Sync ? { MediaInfoJob: answer.MediaInfoJob } : {}) };
}

async function duplicateOf(jobId: string, region: string, request: SubmitRequest, context: SubmitContext): Promise<SubmitAnswer> {
  log('info', 'submit_duplicate', { requestId: context.requestId, user: context.who, region, jobId });
  if (!request.Sync) return { JobId: jobId, Region: region, Deduplicated: true };
  const { MediaInfoJob } = await iceClient(region).getMediaInfoJob(jobId, { signal: context.signal });
  return { JobId: jobId, Region: region, Deduplicated: true, MediaInfoJob };
}

/** The list of the jobs whose texts hold `text`, created from a minute before `since` (clocks differ). */
function searchFrom(text: string, since: Date): string {
  const start = new Date(Math.floor(since.getTime() / 1000) * 1000 - 60_000).toISOString().replace('.000Z', 'Z');
  return `/jobs?${new URLSearchParams({ Search: text, StartOfCreateTime: start })}`;
}

/** Where a job submitted at `since` with this input shows: a search for its object's name from then on. */
export function listUrlOf(media: string, since: Date): string {
  return searchFrom(media.slice(media.lastIndexOf('/') + 1).slice(-200) || media.slice(0, 200), since);
}

export async function submitBatch(request: BatchRequest, context: SubmitContext): Promise<BatchAnswer> {
  const region = request.Region ?? getIceConfig().region;
  iceClient(region);
  const batchId = `batch-${randomBytes(6).toString('hex')}`;
  const userData = batchUserData(request.UserData, batchId);
  const startedAt = new Date();
  const results: BatchLineResult[] = request.Inputs.map((line, i) => ({ Line: i + 1, Input: line }));
  let next = 0;
  const worker = async () => {
    while (next < results.length && !context.signal?.aborted) {
      const result = results[next++]!;
      const input = batchLineInput(result.Input);
      if ('field' in input) {
        result.Error = invalidInput(input.field, input.why, input.params).toJSON();
        continue;
      }
      try {
        const answer = await submitJob({ Input: input, Name: request.Name, UserData: userData, ScheduleConfig: request.ScheduleConfig, Region: region }, context, batchId);
        result.JobId = answer.JobId;
        if (answer.Deduplicated) result.Deduplicated = true;
      } catch (error) {
        result.Error = toPortalError(error).toJSON();
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(BATCH_CONCURRENCY, results.length) }, worker));
  const submitted = results.filter((r) => r.JobId).length;
  return {
    BatchId: batchId,
    Region: region,
    ListUrl: searchFrom(batchId, startedAt),
    Submitted: submitted,
    Failed: results.length - submitted,
    Results: results,
  };
}

/** The batch's UserData: the person's JSON object with PortalBatch added, or just the batch id. */
function batchUserData(given: string | undefined, batchId: string): string {
  let base: Record<string, unknown> = {};
  if (given !== undefined && given.trim() !== '') {
    const parsed = jsonOrUndefined(given);
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      throw invalidInput('UserData', 'must be a JSON object in a batch: the batch id is added to it', { reason: 'batch_user_data' });
    }
    base = parsed as Record<string, unknown>;
  }
  const text = JSON.stringify({ ...base, PortalBatch: batchId });
  if (text.length > 1024) throw invalidInput('UserData', 'must leave room for the batch id (1024 characters in all)', { reason: 'too_long', max: 1024 - 40 });
  return text;
}
