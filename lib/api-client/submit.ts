// The browser's submits: POST /api/jobs and /api/jobs/batch with the page's CSRF token. Never retried
// here: a call that failed on its way back may have started a job (the server answers a repeat within a
// minute with the first JobId anyway).
import type { BatchBody, SubmitBody } from '@/lib/submit/submit-input';
import type { BatchAnswer, SubmitAnswer } from '@/lib/submit/submit-limits';
import { fetchJson } from './fetch-json';

export const SUBMIT_API_URL = '/api/jobs';
export const BATCH_API_URL = '/api/jobs/batch';

const post = <T>(url: string, body: unknown, csrfToken: string, signal?: AbortSignal) =>
  fetchJson<T>(url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-csrf-token': csrfToken }, body: JSON.stringify(body), signal });

export const submitProbe = (body: SubmitBody, csrfToken: string, signal?: AbortSignal) => post<SubmitAnswer>(SUBMIT_API_URL, body, csrfToken, signal);

export const submitBatchOfProbes = (body: BatchBody, csrfToken: string, signal?: AbortSignal) => post<BatchAnswer>(BATCH_API_URL, body, csrfToken, signal);
