import { PortalError } from '@/lib/errors';
import { isRetryable, mapCallFailure, mapIceErrorBody } from '@/lib/ice/map-failure';

describe('mapIceErrorBody', () => {
  it.each([
    ['MissingParameter', 'The input parameter "SecurityToken" that is mandatory', 400, 'portal_misconfigured', 502],
    ['SignatureDoesNotMatch', 'server string to sign is:GET&%2F&AccessKeyId%3Dabc', 400, 'portal_misconfigured', 502],
    ['InvalidAccessKeyId.NotFound', 'Specified access key is not found.', 404, 'portal_misconfigured', 502],
    ['InvalidAccessKeyId.Inactive', 'key is disabled', 400, 'portal_misconfigured', 502],
    ['InvalidTimeStamp.Expired', 'timestamp has expired', 400, 'portal_misconfigured', 502],
    ['SignatureNonceUsed', 'nonce was used', 400, 'portal_misconfigured', 502],
    ['Forbidden.RAM', 'not authorized', 403, 'portal_misconfigured', 502],
    ['NoPermission', 'User lacks ice:ListMediaInfoJobs', 403, 'portal_misconfigured', 502],
    ['ResourceNotFound', 'job 123 does not exist', 404, 'job_not_found', 404],
    ['Throttling.User', 'flow control', 400, 'upstream_throttled', 429],
    ['Throttling', 'flow control', 429, 'upstream_throttled', 429],
    ['InternalError', 'stack overflow in shard 7', 500, 'upstream_unavailable', 502],
    ['ServiceUnavailable', 'shard 7 is rebooting', 503, 'upstream_unavailable', 503],
  ])('maps %s to %s', (Code, Message, httpStatus, code, status) => {
    const error = mapIceErrorBody({ Code, Message, RequestId: 'REQ-1' }, httpStatus);
    expect(error).toMatchObject({ code, status, requestId: 'REQ-1', iceCode: Code });
    expect(error.message).not.toContain(Message);
  });

  it('names the user field ICE refused, the nested one when it names one, with its words as the reason', () => {
    expect(mapIceErrorBody({ Code: 'InvalidParameter', Message: 'Specified parameter NextPageToken is not valid' }, 400).field).toBe('NextPageToken');
    const nested = mapIceErrorBody({ Code: 'InvalidParameter', Message: 'Specified parameter Input.Media is not valid: expected a media asset id.' }, 400);
    expect(nested).toMatchObject({ code: 'invalid_input', status: 400, field: 'Input.Media', params: { field: 'Input.Media', reason: 'ice_refused', said: 'Specified parameter Input.Media is not valid: expected a media asset id.' } });
    expect(mapIceErrorBody({ Code: 'InvalidParameter', Message: 'Specified parameter ScheduleConfig.Priority is not valid' }, 400).field).toBe('ScheduleConfig.Priority');
    expect(mapIceErrorBody({ Code: 'InvalidParameter', Message: `Specified parameter Name is not valid: ${'x'.repeat(1000)}` }, 400).params?.said).toHaveLength(300);
  });

  it("keeps ICE's words out of what it says about a parameter that is not the user's", () => {
    const error = mapIceErrorBody({ Code: 'InvalidParameter', Message: 'Specified parameter SignatureMethod is not valid: AccessKeyId abc' }, 400);
    expect(error).toMatchObject({ code: 'portal_misconfigured', status: 502 });
    expect(JSON.stringify(error.toJSON())).not.toContain('abc');
  });

  it('asks for Retry-After on throttling and unavailability only', () => {
    expect(mapIceErrorBody({ Code: 'Throttling.User' }, 400).retryAfterSeconds).toBeGreaterThan(0);
    expect(mapIceErrorBody({ Code: 'ServiceUnavailable' }, 503).retryAfterSeconds).toBeGreaterThan(0);
    expect(mapIceErrorBody({ Code: 'InternalError' }, 500).retryAfterSeconds).toBeUndefined();
  });
});

describe('mapCallFailure', () => {
  it('reads a pop-core rejection by its body and status, never by its message (which holds the signed URL)', () => {
    const popCoreError = Object.assign(new Error('Denied, URL: http://x/?AccessKeyId=abc&Signature=def'), {
      code: 'Throttling.User',
      data: { Code: 'Throttling.User', RequestId: 'R' },
      entry: { response: { statusCode: 400 } },
    });
    const error = mapCallFailure(popCoreError);
    expect(error.code).toBe('upstream_throttled');
    expect(error.message).not.toContain('AccessKeyId');
  });

  it('handles the non-Error json-bigint throws for an HTML or cut-off body', () => {
    const thrown = { name: 'SyntaxError', message: "Unexpected '<'", at: 1, text: '<html>AccessKeyId=abc</html>' };
    expect(mapCallFailure(thrown)).toMatchObject({ code: 'upstream_bad_response', status: 502 });
    expect(mapCallFailure(undefined)).toMatchObject({ code: 'upstream_bad_response' });
    expect(mapCallFailure('a string')).toMatchObject({ code: 'upstream_bad_response' });
  });

  it('maps timeouts to 504 and refused connections to 502', () => {
    expect(mapCallFailure(Object.assign(new Error('ReadTimeout(3000)'), { name: 'RequestTimeoutError' }))).toMatchObject({ status: 504 });
    expect(mapCallFailure(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }))).toMatchObject({ status: 502 });
  });

  it('retries transient failures only', () => {
    const retryable = (e: PortalError) => isRetryable(e);
    expect(retryable(mapIceErrorBody({ Code: 'Throttling.User' }, 400))).toBe(true);
    expect(retryable(mapIceErrorBody({ Code: 'InternalError' }, 500))).toBe(true);
    expect(retryable(mapIceErrorBody({ Code: 'SignatureDoesNotMatch' }, 400))).toBe(false);
    expect(retryable(mapIceErrorBody({ Code: 'ResourceNotFound' }, 404))).toBe(false);
    expect(retryable(mapIceErrorBody({ Code: 'InvalidParameter', Message: 'PageSize' }, 400))).toBe(false);
  });
});
