// The browser's side of /api: JSON on success, and the portal's { error } body as a thrown ApiError.
// The message is the API's English; pages show the error in the reader's language from its code and
// parameters (components/ui/error-text.ts).

export interface ApiErrorDetails {
  code?: string;
  requestId?: string;
  /** The values the API's message was built from (field, waitSeconds...). */
  params?: Record<string, string | number>;
  /** For a download that ended badly: how many jobs arrived before it did. */
  jobsBefore?: number;
}

export class ApiError extends Error {
  readonly code?: string;
  readonly requestId?: string;
  readonly params?: Record<string, string | number>;
  readonly jobsBefore?: number;

  constructor(
    readonly status: number,
    message: string,
    details: ApiErrorDetails = {},
  ) {
    super(message);
    this.name = 'ApiError';
    this.code = details.code;
    this.requestId = details.requestId;
    this.params = details.params;
    this.jobsBefore = details.jobsBefore;
  }
}

export interface ApiErrorBody {
  error?: { code?: string; message?: string; requestId?: string; params?: Record<string, string | number> };
}

/** The portal's { error } body (or just the status, when there is none) as an ApiError. */
export function apiErrorOf(status: number, body: ApiErrorBody | undefined, jobsBefore?: number): ApiError {
  const error = body?.error;
  return new ApiError(status, error?.message ?? `The portal answered ${status}.`, { code: error?.code, requestId: error?.requestId, params: error?.params, jobsBefore });
}

export async function fetchJson<T>(url: string, init?: RequestInit): Promise<T> {
  const response = await fetch(url, { ...init, headers: { accept: 'application/json', ...init?.headers } });
  // Something deleted: nothing to read.
  if (response.status === 204) return undefined as T;
  const body = (await response.json().catch(() => undefined)) as (T & ApiErrorBody) | undefined;
  if (!response.ok || body === undefined) throw apiErrorOf(response.status, body);
  return body;
}
