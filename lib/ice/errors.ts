// The one error type between ICE and the portal: a stable code, a message safe to show anyone, the
// HTTP status the portal answers with, and the ICE RequestId users can quote to operators.

export type IceErrorCode =
  | 'invalid_input'
  | 'job_not_found'
  | 'portal_misconfigured'
  | 'upstream_throttled'
  | 'upstream_unavailable'
  | 'upstream_bad_response'
  | 'upstream_timeout'
  | 'aborted'
  | 'internal_error';

export interface IceErrorDetails {
  /** The request parameter at fault, under the API's own name. */
  field?: string;
  /** ICE's RequestId, when ICE answered. */
  requestId?: string;
  /** ICE's own error code, for operators' logs. */
  iceCode?: string;
  /** Seconds a client should wait before trying again (Retry-After). */
  retryAfterSeconds?: number;
}

export class IceError extends Error {
  readonly field?: string;
  readonly requestId?: string;
  readonly iceCode?: string;
  readonly retryAfterSeconds?: number;

  constructor(
    readonly code: IceErrorCode,
    readonly status: number,
    message: string,
    details: IceErrorDetails = {},
  ) {
    super(message);
    this.name = 'IceError';
    this.field = details.field;
    this.requestId = details.requestId;
    this.iceCode = details.iceCode;
    this.retryAfterSeconds = details.retryAfterSeconds;
  }

  /** What a JSON client or a page may show: never more than this. */
  toJSON(): { code: IceErrorCode; message: string; field?: string; requestId?: string } {
    return {
      code: this.code,
      message: this.message,
      ...(this.field ? { field: this.field } : {}),
      ...(this.requestId ? { requestId: this.requestId } : {}),
    };
  }
}

export const invalidInput = (field: string, why: string) =>
  new IceError('invalid_input', 400, `${field}: ${why}`, { field });
