// The browser's side of /api: JSON on success, and the portal's { error } body as a thrown ApiError.

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly code?: string,
    readonly requestId?: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export interface ApiErrorBody {
  error?: { code?: string; message?: string; requestId?: string };
}

/** The portal's { error } body (or just the status, when there is none) as an ApiError. */
export function apiErrorOf(status: number, body: ApiErrorBody | undefined): ApiError {
  return new ApiError(status, body?.error?.message ?? `The portal answered ${status}.`, body?.error?.code, body?.error?.requestId);
}

export async function fetchJson<T>(url: string, init?: RequestInit): Promise<T> {
  const response = await fetch(url, { ...init, headers: { accept: 'application/json', ...init?.headers } });
  const body = (await response.json().catch(() => undefined)) as (T & ApiErrorBody) | undefined;
  if (!response.ok || body === undefined) throw apiErrorOf(response.status, body);
  return body;
}
