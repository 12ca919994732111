// Signature V3 (ACS3-HMAC-SHA256), which the official OpenAPI clients send by default: a canonical request
// over method, path, query, signed headers and the body's hash, hashed, then HMAC-SHA256 with the secret.
import { createHash, createHmac } from 'node:crypto';
import { percentEncode } from './signature';

export const V3_ALGORITHM = 'ACS3-HMAC-SHA256';

export interface V3Request {
  method: string;
  /** The path as sent, "/" for RPC. */
  path: string;
  /** Query parameters only: a form body is covered by the payload hash, not by the canonical query. */
  query: Readonly<Record<string, string>>;
  /** Header values by lower-case name. */
  headers: Readonly<Record<string, string>>;
  /** Lower-case names the client listed in SignedHeaders. */
  signedHeaders: readonly string[];
  /** Hex SHA-256 of the body, as the client declared it in x-acs-content-sha256. */
  payloadHash: string;
}

export const sha256Hex = (data: string | Buffer): string => createHash('sha256').update(data).digest('hex');

export function canonicalQueryV3(query: Readonly<Record<string, string>>): string {
  return Object.keys(query)
    .map((name) => [percentEncode(name), percentEncode(query[name] ?? '')] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, value]) => `${name}=${value}`)
    .join('&');
}

export function signedHeaderNames(names: readonly string[]): string[] {
  return [...new Set(names.map((name) => name.trim().toLowerCase()))].sort();
}

export function canonicalRequestV3(request: V3Request): string {
  const names = signedHeaderNames(request.signedHeaders);
  const headers = names.map((name) => `${name}:${(request.headers[name] ?? '').trim()}\n`).join('');
  return [
    request.method.toUpperCase(),
    request.path,
    canonicalQueryV3(request.query),
    headers,
    names.join(';'),
    request.payloadHash,
  ].join('\n');
}

export function stringToSignV3(request: V3Request): string {
  return `${V3_ALGORITHM}\n${sha256Hex(canonicalRequestV3(request))}`;
}

export function computeSignatureV3(request: V3Request, secret: string): string {
  return createHmac('sha256', secret).update(stringToSignV3(request)).digest('hex');
}
