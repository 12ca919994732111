import { createHash, createHmac } from 'node:crypto';
import { type AuthContext, authenticate, NonceCache } from '@/emulator/authenticate';
import { authenticateV3, isV3Authorization, type V3Call } from '@/emulator/authenticate-v3';
import { IceApiError } from '@/emulator/api-error';
import { computeSignature } from '@/emulator/signature';
import { canonicalQueryV3, canonicalRequestV3, computeSignatureV3, stringToSignV3, type V3Request } from '@/emulator/signature-v3';

const EMPTY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';
const SECRET = 'emulator-demo-key-secret';
const NOW = Date.parse('2026-11-25T10:00:00Z');

/** The spec's steps written out again here, so the emulator's signer is checked against an independent one. */
function specSign(call: { method: string; path: string; query: Record<string, string>; headers: Record<string, string> }, payloadHash: string, secret: string) {
  const rfc3986 = (s: string) => encodeURIComponent(s).replace(/[!'()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());
  const query = Object.entries(call.query)
    .map(([k, v]) => `${rfc3986(k)}=${rfc3986(v)}`)
    .sort()
    .join('&');
  const lower = Object.entries(call.headers).map(([k, v]) => [k.toLowerCase(), v.trim()] as const);
  lower.sort(([a], [b]) => (a < b ? -1 : 1));
  const canonicalHeaders = lower.map(([k, v]) => `${k}:${v}\n`).join('');
  const signedHeaders = lower.map(([k]) => k).join(';');
  const canonicalRequest = `${call.method}\n${call.path}\n${query}\n${canonicalHeaders}\n${signedHeaders}\n${payloadHash}`;
  const stringToSign = `ACS3-HMAC-SHA256\n${createHash('sha256').update(canonicalRequest).digest('hex')}`;
  return { stringToSign, signedHeaders, signature: createHmac('sha256', secret).update(stringToSign).digest('hex') };
}

describe('signature V3 (ACS3-HMAC-SHA256)', () => {
  // Alibaba Cloud's published V3 worked example (ECS RunInstances); also reproduced once with Python's hashlib.
  const published: V3Request = {
    method: 'POST',
    path: '/',
    query: { ImageId: 'win2019_1809_x64_dtc_zh-cn_40G_alibase_20230811.vhd', RegionId: 'cn-shanghai' },
    headers: {
      host: 'ecs.cn-shanghai.aliyuncs.com',
      'x-acs-action': 'RunInstances',
      'x-acs-version': '2014-05-26',
      'x-acs-date': '2023-10-26T10:22:32Z',
      'x-acs-signature-nonce': '3156853299f313e23d1673dc12e1703d',
      'x-acs-content-sha256': EMPTY_SHA256,
    },
    signedHeaders: ['host', 'x-acs-action', 'x-acs-content-sha256', 'x-acs-date', 'x-acs-signature-nonce', 'x-acs-version'],
    payloadHash: EMPTY_SHA256,
  };

  it('reproduces the published string to sign and signature', () => {
    expect(stringToSignV3(published)).toBe('ACS3-HMAC-SHA256\n7ea06492da5221eba5297e897ce16e55f964061054b7695beedaac1145b1e259');
    expect(computeSignatureV3(published, 'YourAccessKeySecret')).toBe('06563a9e1b43f5dfe96b81484da74bceab24a1d853912eee15083a6f0f3283c0');
  });

  it('reproduces a hand-computed ICE vector: a form body with CJK object names and a signed content-type', () => {
    // Computed once with Python (urllib.parse.quote, hashlib, hmac) from the spec's steps.
    const body =
      'Input=%7B%22Type%22%3A%22OSS%22%2C%22Media%22%3A%22oss%3A%2F%2Fbucket%2F%E8%A7%86%E9%A2%91%2F%E6%A0%B7%E7%89%87%2001.mp4%22%7D&Name=%E6%A0%B7%E7%89%87';
    const bodyHash = createHash('sha256').update(body).digest('hex');
    expect(bodyHash).toBe('5d62f63346a740082aa1b7852dd5b58195a01a34298dad4b70f0f054a4a2ab92');
    const request: V3Request = {
      method: 'POST',
      path: '/',
      query: { Status: 'Success', PageSize: '5' },
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        host: '127.0.0.1:9100',
        'x-acs-action': 'SubmitMediaInfoJob',
        'x-acs-version': '2020-11-09',
        'x-acs-date': '2026-11-25T10:00:00Z',
        'x-acs-signature-nonce': 'fixed-nonce-1',
        'x-acs-content-sha256': bodyHash,
      },
      signedHeaders: ['x-acs-version', 'host', 'x-acs-action', 'x-acs-content-sha256', 'x-acs-date', 'x-acs-signature-nonce', 'content-type'],
      payloadHash: bodyHash,
    };
    expect(stringToSignV3(request)).toBe('ACS3-HMAC-SHA256\n6f87b15c69deefc058e363a2b68c17320500ccd978fe9b6cf52e0198a95893ad');
    expect(computeSignatureV3(request, SECRET)).toBe('e77d9be862e6883437c4e9adeb8b32376e9c9540f96bd6ff849f30b337e0e549');
  });

  it('agrees with the spec steps on RFC 3986 encoding, CJK, mixed-case header names and padded values', () => {
    const call = {
      method: 'GET',
      path: '/',
      query: { 'b key': "a b*c~d!'()", A: '视频/样片.mp4', a: '', Z: '+=&' },
      headers: { Host: 'example.test', 'X-Acs-Action': '  ListMediaInfoJobs ', 'x-acs-date': '2026-11-25T10:00:00Z' },
    };
    const expected = specSign(call, EMPTY_SHA256, SECRET);
    const request: V3Request = {
      method: call.method,
      path: call.path,
      query: call.query,
      headers: Object.fromEntries(Object.entries(call.headers).map(([k, v]) => [k.toLowerCase(), v])),
      signedHeaders: expected.signedHeaders.split(';').reverse(),
      payloadHash: EMPTY_SHA256,
    };
    expect(stringToSignV3(request)).toBe(expected.stringToSign);
    expect(computeSignatureV3(request, SECRET)).toBe(expected.signature);
  });

  it('encodes names and values per RFC 3986 and sorts by name', () => {
    expect(canonicalQueryV3({ b: '2', B: "x y*'", a: '' })).toBe('B=x%20y%2A%27&a=&b=2');
  });

  it('lays out the canonical request as method, path, query, headers, a blank line, names and the hash', () => {
    expect(
      canonicalRequestV3({ method: 'get', path: '/', query: {}, headers: { host: ' h ' }, signedHeaders: ['Host'], payloadHash: 'p' }),
    ).toBe('GET\n/\n\nhost:h\n\nhost\np');
  });
});

describe('authenticateV3', () => {
  const credentials = { accessKeyId: 'emulator-demo-key-id', accessKeySecret: SECRET };
  const ctx = (over: Partial<AuthContext> = {}): AuthContext => ({
    credentials,
    knownActions: new Set(['ListMediaInfoJobs', 'SubmitMediaInfoJob']),
    nowMs: NOW,
    nonces: new NonceCache(),
    ...over,
  });

  let nonce = 0;
  /** A call signed by the spec steps above, with `edit` applied to the headers before signing. */
  function signedCall(opts: { body?: string; query?: Record<string, string>; edit?: (h: Record<string, string>) => void; secret?: string; keyId?: string } = {}): V3Call {
    const body = Buffer.from(opts.body ?? '');
    const headers: Record<string, string> = {
      host: '127.0.0.1:9100',
      'x-acs-action': 'ListMediaInfoJobs',
      'x-acs-version': '2020-11-09',
      'x-acs-date': '2026-11-25T10:00:00Z',
      'x-acs-signature-nonce': `nonce-${++nonce}`,
      'x-acs-content-sha256': createHash('sha256').update(body).digest('hex'),
      ...(opts.body ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
    };
    opts.edit?.(headers);
    const query = opts.query ?? { PageSize: '5' };
    const method = opts.body ? 'POST' : 'GET';
    const { signature, signedHeaders } = specSign({ method, path: '/', query, headers }, headers['x-acs-content-sha256'] ?? '', opts.secret ?? SECRET);
    headers.authorization = `ACS3-HMAC-SHA256 Credential=${opts.keyId ?? credentials.accessKeyId},SignedHeaders=${signedHeaders},Signature=${signature}`;
    return { method, path: '/', query, headers, body };
  }

  function refusal(call: V3Call, context = ctx()): IceApiError {
    try {
      authenticateV3(call, context);
    } catch (error) {
      if (error instanceof IceApiError) return error;
      throw error;
    }
    throw new Error('the call was accepted but a refusal was expected');
  }

  it('accepts a correctly signed GET and POST with a form body and returns the action from x-acs-action', () => {
    expect(authenticateV3(signedCall(), ctx())).toBe('ListMediaInfoJobs');
    const post = signedCall({ body: 'Name=%E6%A0%B7%E7%89%87', edit: (h) => (h['x-acs-action'] = 'SubmitMediaInfoJob') });
    expect(authenticateV3(post, ctx())).toBe('SubmitMediaInfoJob');
  });

  it('tells V3 from V1 by the Authorization header', () => {
    expect(isV3Authorization('ACS3-HMAC-SHA256 Credential=a,SignedHeaders=host,Signature=b')).toBe(true);
    expect(isV3Authorization(undefined)).toBe(false);
  });

  it('refuses a wrong secret with SignatureDoesNotMatch echoing the server string to sign', () => {
    const call = signedCall({ secret: 'wrong-secret' });
    const error = refusal(call);
    expect(error.code).toBe('SignatureDoesNotMatch');
    const expected = specSign({ method: 'GET', path: '/', query: call.query, headers: Object.fromEntries(Object.entries(call.headers).filter(([k]) => k !== 'authorization')) }, call.headers['x-acs-content-sha256']!, SECRET);
    expect(error.message).toBe(`Specified signature is not matched with our calculation. server string to sign is:${expected.stringToSign}`);
  });

  it('refuses a query changed after signing', () => {
    const call = signedCall();
    expect(refusal({ ...call, query: { PageSize: '100' } }).code).toBe('SignatureDoesNotMatch');
  });

  it('refuses an unknown key id with InvalidAccessKeyId.NotFound (404)', () => {
    const error = refusal(signedCall({ keyId: 'someone-else' }));
    expect([error.code, error.httpStatus]).toEqual(['InvalidAccessKeyId.NotFound', 404]);
  });

  it.each([
    ['missing', (h: Record<string, string>) => delete h['x-acs-date'], 'MissingParameter', 'x-acs-date'],
    ['malformed', (h: Record<string, string>) => (h['x-acs-date'] = 'Wed, 25 Nov 2026 10:00:00 GMT'), 'InvalidTimeStamp.Format', ''],
    ['expired', (h: Record<string, string>) => (h['x-acs-date'] = '2026-11-25T09:44:59Z'), 'InvalidTimeStamp.Expired', ''],
  ])('refuses a %s x-acs-date', (_, edit, code, named) => {
    const error = refusal(signedCall({ edit }));
    expect(error.code).toBe(code);
    expect(error.message).toContain(named);
  });

  it('accepts a date 15 minutes off', () => {
    expect(authenticateV3(signedCall({ edit: (h) => (h['x-acs-date'] = '2026-11-25T09:45:00Z') }), ctx())).toBe('ListMediaInfoJobs');
  });

  it('refuses a reused nonce with SignatureNonceUsed, even when the rest of the call is new', () => {
    const context = ctx();
    authenticateV3(signedCall({ edit: (h) => (h['x-acs-signature-nonce'] = 'same') }), context);
    const again = signedCall({ query: { PageSize: '7' }, edit: (h) => (h['x-acs-signature-nonce'] = 'same') });
    expect(refusal(again, context).code).toBe('SignatureNonceUsed');
  });

  it('checks x-acs-security-token only when a token is configured', () => {
    const withToken = ctx({ credentials: { ...credentials, securityToken: 'sts-token' } });
    expect(refusal(signedCall(), withToken).message).toContain('x-acs-security-token');
    expect(refusal(signedCall({ edit: (h) => (h['x-acs-security-token'] = 'other') }), withToken).code).toBe(
      'InvalidSecurityToken.MismatchWithAccessKey',
    );
    expect(authenticateV3(signedCall({ edit: (h) => (h['x-acs-security-token'] = 'sts-token') }), withToken)).toBe('ListMediaInfoJobs');
    expect(authenticateV3(signedCall({ edit: (h) => (h['x-acs-security-token'] = 'anything') }), ctx())).toBe('ListMediaInfoJobs');
  });

  it('refuses a body whose SHA-256 does not match x-acs-content-sha256', () => {
    const call = signedCall({ body: 'Name=a' });
    const error = refusal({ ...call, body: Buffer.from('Name=b') });
    expect(error.code).toBe('SignatureDoesNotMatch');
    expect(error.message).toContain('x-acs-content-sha256');
  });

  it('refuses an x-acs header left out of SignedHeaders', () => {
    const call = signedCall();
    const error = refusal({ ...call, headers: { ...call.headers, 'x-acs-extra': 'unsigned' } });
    expect(error.code).toBe('IncompleteSignature');
    expect(error.message).toContain('x-acs-extra');
  });

  it('refuses another algorithm and a malformed Authorization header', () => {
    const call = signedCall();
    const rsa = { ...call, headers: { ...call.headers, authorization: call.headers.authorization!.replace('ACS3-HMAC-SHA256', 'ACS3-RSA-SHA256') } };
    expect(refusal(rsa).code).toBe('InvalidSignatureMethod');
    const bare = { ...call, headers: { ...call.headers, authorization: 'ACS3-HMAC-SHA256 Credential=emulator-demo-key-id' } };
    expect(refusal(bare).code).toBe('IncompleteSignature');
  });

  it('refuses an unknown action and another version as V1 does', () => {
    expect(refusal(signedCall({ edit: (h) => (h['x-acs-action'] = 'DeleteEverything') })).code).toBe('InvalidAction.NotFound');
    expect(refusal(signedCall({ edit: (h) => (h['x-acs-version'] = '2014-05-26') })).code).toBe('InvalidVersion');
  });

  it('leaves signature 1.0 working', () => {
    const params = {
      Action: 'ListMediaInfoJobs',
      Version: '2020-11-09',
      AccessKeyId: credentials.accessKeyId,
      SignatureMethod: 'HMAC-SHA1',
      SignatureVersion: '1.0',
      SignatureNonce: 'v1-nonce',
      Timestamp: '2026-11-25T10:00:00Z',
    };
    expect(() => authenticate('GET', { ...params, Signature: computeSignature('GET', params, SECRET) }, ctx())).not.toThrow();
  });
});
