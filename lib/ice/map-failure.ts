// Turns whatever a call to ICE ended with (an ICE error body, a timeout, a socket error, an HTML page
// pop-core could not parse, a non-Error rejection) into one PortalError. The only place that decides
// what users see and which failures are worth a retry. pop-core's own messages are never used: they
// carry the signed URL, AccessKeyId and Signature included.
import { isNativeError } from 'node:util/types';
import { PortalError } from '@/lib/errors';

/** Parameters a user can set; an ICE complaint naming one of them is the user's to fix. */
const USER_FIELDS = [
  'StartOfCreateTime',
  'EndOfCreateTime',
  'NextPageToken',
  'PageSize',
  'OrderBy',
  'Status',
  'JobId',
  // A submit's nested fields before their parents: the message names the most precise one.
  'Input.Type',
  'Input.Media',
  'ScheduleConfig.PipelineId',
  'ScheduleConfig.Priority',
  'Input',
  'UserData',
  'ScheduleConfig',
  'Name',
];

const MISCONFIGURED =
  /^(SignatureDoesNotMatch|IncompleteSignature|InvalidAccessKeyId|InvalidTimeStamp|SignatureNonceUsed|InvalidSecurityToken|MissingSecurityToken|Forbidden|NoPermission|InvalidVersion|InvalidAction|InvalidSignature|UnsupportedHTTPMethod|InvalidApi|InvalidRegionId|InvalidProduct)/;

const MESSAGES = {
  misconfigured: 'The portal could not use its ICE credentials or permissions. An operator needs to fix this; quote the request id.',
  throttled: 'ICE is limiting requests right now. Wait a few seconds and try again.',
  unavailable: 'ICE is temporarily unavailable. Try again shortly.',
  failed: 'ICE failed to answer this request. Try again shortly; if it persists, quote the request id.',
  unreadable: 'ICE sent an answer the portal could not read. Try again shortly.',
  unreachable: 'The portal could not reach ICE. Try again shortly.',
  timeout: 'ICE did not answer in time. Try again shortly.',
  notFound: 'No media-info job with this JobId exists in this account and region.',
};

export interface IceErrorBody {
  Code: string;
  Message?: string;
  RequestId?: string;
}

/** An ICE error body with the HTTP status it came with. */
export function mapIceErrorBody(body: IceErrorBody, httpStatus: number | undefined): PortalError {
  const iceCode = body.Code;
  const details = { iceCode, requestId: body.RequestId };
  if (/^(MissingParameter|InvalidParameter)/.test(iceCode)) {
    const field = USER_FIELDS.find((name) => new RegExp(`\\b${name.replace('.', '\\.')}\\b`).test(`${iceCode} ${body.Message ?? ''}`));
    // ICE's own words say what it expected: they go to the field, cut short (they may echo the value).
    const said = (body.Message ?? '').slice(0, 300);
    if (field) {
      return new PortalError('invalid_input', 400, `ICE refused ${field}: ${said || 'check the value and try again.'}`, {
        ...details,
        field,
        params: { field, why: said, reason: 'ice_refused', said },
      });
    }
    return new PortalError('portal_misconfigured', 502, MESSAGES.misconfigured, details);
  }
  if (MISCONFIGURED.test(iceCode) || httpStatus === 401 || httpStatus === 403) {
    return new PortalError('portal_misconfigured', 502, MESSAGES.misconfigured, details);
  }
  if (/NotFound$/.test(iceCode) || httpStatus === 404) return new PortalError('job_not_found', 404, MESSAGES.notFound, details);
  if (/^Throttling/.test(iceCode) || httpStatus === 429) {
    return new PortalError('upstream_throttled', 429, MESSAGES.throttled, { ...details, retryAfterSeconds: 2 });
  }
  if (iceCode === 'ServiceUnavailable' || httpStatus === 503) {
    return new PortalError('upstream_unavailable', 503, MESSAGES.unavailable, { ...details, retryAfterSeconds: 5 });
  }
  return new PortalError('upstream_unavailable', 502, MESSAGES.failed, details);
}

/** A success-shaped call whose HTTP status still says it failed, or whose body is not the documented shape. */
export const unreadableAnswer = (requestId?: string) =>
  new PortalError('upstream_bad_response', 502, MESSAGES.unreadable, { requestId });

export const timedOut = () => new PortalError('upstream_timeout', 504, MESSAGES.timeout);

export const cancelled = () => new PortalError('aborted', 499, 'The request was cancelled.');

/** Anything pop-core, httpx or the socket rejected with. */
export function mapCallFailure(error: unknown): PortalError {
  if (error instanceof PortalError) return error;
  const e = error as { code?: unknown; data?: unknown; name?: unknown; entry?: { response?: { statusCode?: number } } } | null;
  if (e && typeof e === 'object' && isErrorBody(e.data)) return mapIceErrorBody(e.data, e.entry?.response?.statusCode);
  // json-bigint throws a plain object for HTML and cut-off JSON; isNativeError also sees Errors from other realms.
  if (!isNativeError(error)) return unreadableAnswer();
  if (error.name === 'AbortError') return cancelled();
  if (error.name === 'RequestTimeoutError' || /ReadTimeout|ConnectTimeout/.test(error.name + error.message)) return timedOut();
  if (typeof e?.code === 'string' && /^(ECONN|ENOTFOUND|EAI_AGAIN|EHOSTUNREACH|ENETUNREACH|EPIPE|ETIMEDOUT|UND_ERR)/.test(e.code)) {
    return new PortalError('upstream_unavailable', 502, MESSAGES.unreachable);
  }
  if (/socket hang up|aborted/i.test(error.message)) return new PortalError('upstream_unavailable', 502, MESSAGES.unreachable);
  return unreadableAnswer();
}

function isErrorBody(value: unknown): value is IceErrorBody {
  return !!value && typeof value === 'object' && typeof (value as { Code?: unknown }).Code === 'string';
}

/** Reads are retried on these; input, not-found and misconfiguration never change on a retry. */
export function isRetryable(error: PortalError): boolean {
  return ['upstream_throttled', 'upstream_unavailable', 'upstream_bad_response', 'upstream_timeout'].includes(error.code);
}
