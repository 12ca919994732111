// Checks one signature-1.0 RPC request the way ICE's gateway does, in the gateway's order: common
// parameters, version and action, timestamp window, key, STS token, signature, then nonce replay. The
// checks and answers that V3 (authenticate-v3.ts) shares live here too, so both answer alike.
import { IceApiError, missingParameter } from './api-error';
import { computeSignature, signaturesEqual, stringToSign } from './signature';

export const API_VERSION = '2020-11-09';
export const TIMESTAMP_WINDOW_MS = 15 * 60 * 1000;

export interface Credentials {
  accessKeyId: string;
  accessKeySecret: string;
  securityToken?: string;
}

/** Common parameters every signed RPC call carries, in the order their absence is reported. */
const REQUIRED_COMMON = [
  'Action',
  'Version',
  'AccessKeyId',
  'Signature',
  'SignatureMethod',
  'SignatureVersion',
  'SignatureNonce',
  'Timestamp',
] as const;

const TIMESTAMP_FORMAT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;

/** Remembers nonces for as long as a timestamp is accepted; older ones cannot be replayed anyway. */
export class NonceCache {
  private readonly expiries = new Map<string, number>();

  /** Records the nonce; false when it was seen within the window. */
  remember(nonce: string, nowMs: number): boolean {
    this.prune(nowMs);
    if (this.expiries.has(nonce)) return false;
    this.expiries.set(nonce, nowMs + 2 * TIMESTAMP_WINDOW_MS);
    return true;
  }

  // Map keeps insertion order and expiries grow with it, so pruning stops at the first live entry.
  private prune(nowMs: number): void {
    for (const [nonce, expiry] of this.expiries) {
      if (expiry > nowMs) break;
      this.expiries.delete(nonce);
    }
  }
}

export interface AuthContext {
  credentials: Credentials;
  knownActions: ReadonlySet<string>;
  nowMs: number;
  nonces: NonceCache;
}

export function checkVersionAndAction(version: string, action: string, knownActions: ReadonlySet<string>): void {
  if (version !== API_VERSION) {
    throw new IceApiError(400, 'InvalidVersion', `Specified parameter Version is not valid: ICE speaks ${API_VERSION}.`);
  }
  if (!knownActions.has(action)) {
    throw new IceApiError(404, 'InvalidAction.NotFound', 'Specified api is not found, please check your url and method.');
  }
}

export const unknownAccessKey = () => new IceApiError(404, 'InvalidAccessKeyId.NotFound', 'Specified access key is not found.');

/** Compares the STS token when one is configured; `name` is where this signature version carries it. */
export function checkSecurityToken(given: string | undefined, credentials: Credentials, name: string): void {
  if (credentials.securityToken === undefined) return;
  if (!given) throw missingParameter(name);
  if (!signaturesEqual(given, credentials.securityToken)) {
    throw new IceApiError(400, 'InvalidSecurityToken.MismatchWithAccessKey', 'Specified SecurityToken mismatch with the AccessKey.');
  }
}

export const signatureMismatch = (serverStringToSign: string) =>
  // ICE really echoes its string to sign (for V1 the AccessKeyId included): clients must not pass this on.
  new IceApiError(
    400,
    'SignatureDoesNotMatch',
    `Specified signature is not matched with our calculation. server string to sign is:${serverStringToSign}`,
  );

export const nonceUsed = () => new IceApiError(400, 'SignatureNonceUsed', 'Specified signature nonce was used already.');

export function authenticate(method: string, params: Readonly<Record<string, string>>, ctx: AuthContext): void {
  for (const name of REQUIRED_COMMON) {
    if (!params[name]) throw missingParameter(name);
  }
  checkVersionAndAction(params.Version ?? '', params.Action ?? '', ctx.knownActions);
  if (params.Format !== undefined && params.Format.toUpperCase() !== 'JSON') {
    throw new IceApiError(400, 'InvalidParameter', 'Specified parameter Format is not valid: the emulator answers JSON only.');
  }
  if (params.SignatureMethod !== 'HMAC-SHA1') {
    throw new IceApiError(400, 'InvalidSignatureMethod', 'Specified signature method is not supported: use HMAC-SHA1.');
  }
  if (params.SignatureVersion !== '1.0') {
    throw new IceApiError(400, 'InvalidSignatureVersion', 'Specified signature version is not supported: use 1.0.');
  }
  checkTimestamp(params.Timestamp ?? '', ctx.nowMs);

  const { credentials } = ctx;
  if (params.AccessKeyId !== credentials.accessKeyId) throw unknownAccessKey();
  checkSecurityToken(params.SecurityToken, credentials, 'SecurityToken');

  const expected = computeSignature(method, params, credentials.accessKeySecret);
  if (!signaturesEqual(params.Signature ?? '', expected)) throw signatureMismatch(stringToSign(method, params));
  if (!ctx.nonces.remember(params.SignatureNonce ?? '', ctx.nowMs)) throw nonceUsed();
}

export function checkTimestamp(timestamp: string, nowMs: number): void {
  const at = TIMESTAMP_FORMAT.test(timestamp) ? Date.parse(timestamp) : Number.NaN;
  if (Number.isNaN(at)) {
    throw new IceApiError(400, 'InvalidTimeStamp.Format', 'Specified time stamp is not in the format YYYY-MM-DDThh:mm:ssZ.');
  }
  if (Math.abs(nowMs - at) > TIMESTAMP_WINDOW_MS) {
    throw new IceApiError(400, 'InvalidTimeStamp.Expired', 'Specified time stamp or date header is expired.');
  }
}
