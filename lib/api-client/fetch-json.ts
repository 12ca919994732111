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

export async function fetchJson<T>(url: string, init?: RequestInit): Promise<T> {
  const response = await fetch(url, { ...init, headers: { accept: 'application/json', ...init?.headers } });
  const body = (await response.json().catch(() => undefined)) as
    | (T & { error?: { code?: string; message?: string; requestId?: string } })
    | undefined;
  if (!response.ok || body === undefined) {
    throw new ApiError(response.status, body?.error?.message ?? `The portal answered ${response.status}.`, body?.error?.code, body?.error?.requestId);
  }
  return body;
}
