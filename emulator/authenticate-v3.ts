// Checks one signature-V3 (ACS3-HMAC-SHA256) RPC request in the same order and with the same answers as
// signature 1.0: authorization and required headers, version and action, date window, key, STS token,
// signed-header coverage, signature, body hash, then nonce replay.
import { IceApiError, missingParameter } from './api-error';
import {
  checkSecurityToken,
  checkTimestamp,
  checkVersionAndAction,
  nonceUsed,
  signatureMismatch,
  unknownAccessKey,
  type AuthContext,
} from './authenticate';
import { signaturesEqual } from './signature';
import { computeSignatureV3, sha256Hex, signedHeaderNames, stringToSignV3, V3_ALGORITHM, type V3Request } from './signature-v3';

export interface V3Call {
  method: string;
  path: string;
  query: Readonly<Record<string, string>>;
  /** Header values by lower-case name. */
  headers: Readonly<Record<string, string>>;
  body: Buffer;
}

/** Headers whose absence is reported, in this order; action and version name the call in V3. */
const REQUIRED_HEADERS = ['x-acs-action', 'x-acs-version', 'x-acs-date', 'x-acs-signature-nonce', 'x-acs-content-sha256'] as const;

const incompleteSignature = (why: string) =>
  new IceApiError(400, 'IncompleteSignature', `The request signature does not conform to Aliyun standards: ${why}`);

export function isV3Authorization(authorization: string | undefined): boolean {
  return authorization !== undefined && authorization.startsWith('ACS3-');
}

interface Authorization {
  accessKeyId: string;
  signedHeaders: string[];
  signature: string;
}

/** `ACS3-HMAC-SHA256 Credential=<id>,SignedHeaders=<a;b>,Signature=<hex>`. */
function parseAuthorization(value: string): Authorization {
  const space = value.indexOf(' ');
  const algorithm = space < 0 ? value : value.slice(0, space);
  if (algorithm !== V3_ALGORITHM) {
    throw new IceApiError(400, 'InvalidSignatureMethod', `Specified signature method is not supported: use ${V3_ALGORITHM}.`);
  }
  const fields = new Map<string, string>();
  for (const part of value.slice(space + 1).split(',')) {
    const eq = part.indexOf('=');
    if (eq > 0) fields.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
  }
  const accessKeyId = fields.get('Credential');
  const signedHeaders = fields.get('SignedHeaders');
  const signature = fields.get('Signature');
  if (!accessKeyId) throw incompleteSignature('the Authorization header has no Credential.');
  if (!signedHeaders) throw incompleteSignature('the Authorization header has no SignedHeaders.');
  if (!signature) throw incompleteSignature('the Authorization header has no Signature.');
  return { accessKeyId, signedHeaders: signedHeaders.split(';'), signature };
}

/** Returns the action the call names. */
export function authenticateV3(call: V3Call, ctx: AuthContext): string {
  const auth = parseAuthorization(call.headers.authorization ?? '');
  for (const name of REQUIRED_HEADERS) {
    if (!call.headers[name]) throw missingParameter(name);
  }
  const action = call.headers['x-acs-action']!;
  checkVersionAndAction(call.headers['x-acs-version']!, action, ctx.knownActions);
  checkTimestamp(call.headers['x-acs-date']!, ctx.nowMs);

  const { credentials } = ctx;
  if (auth.accessKeyId !== credentials.accessKeyId) throw unknownAccessKey();
  checkSecurityToken(call.headers['x-acs-security-token'], credentials, 'x-acs-security-token');

  // Whatever the server reads must be signed, or a proxy could change the action, date, nonce or body.
  const signed = new Set(signedHeaderNames(auth.signedHeaders));
  for (const name of Object.keys(call.headers)) {
    if ((name === 'host' || name === 'content-type' || name.startsWith('x-acs-')) && !signed.has(name)) {
      throw incompleteSignature(`the header "${name}" must be signed.`);
    }
  }

  const request: V3Request = {
    method: call.method,
    path: call.path,
    query: call.query,
    headers: call.headers,
    signedHeaders: auth.signedHeaders,
    payloadHash: call.headers['x-acs-content-sha256']!,
  };
  if (!signaturesEqual(auth.signature, computeSignatureV3(request, credentials.accessKeySecret))) {
    throw signatureMismatch(stringToSignV3(request));
  }
  // The signature covers the declared hash; this ties the declaration to the body actually received.
  if (!signaturesEqual(request.payloadHash, sha256Hex(call.body))) {
    throw new IceApiError(400, 'SignatureDoesNotMatch', 'Specified x-acs-content-sha256 is not matched with the SHA-256 of the request body.');
  }
  if (!ctx.nonces.remember(call.headers['x-acs-signature-nonce']!, ctx.nowMs)) throw nonceUsed();
  return action;
}
