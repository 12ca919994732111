import type { User } from '@/lib/auth/access';
import type { RefusedBecause } from './api-gate';
import { log } from '@/lib/log/logger';
import { TokenBuckets } from './token-buckets';

// What an audit line may carry about a request, so that a caller cannot make it large or frequent:
// the route's known parameters (values cut to MAX_VALUE_CHARS, all of them to MAX_PARAMS_CHARS), a
// count of everything else, and at most UNAUTHENTICATED_LINES_PER_MINUTE lines a minute for requests
// that carried no credentials at all (a flood of junk must not become a flood of logs), with a count
// of those skipped. A refused cookie or token is always logged, with the reason: that is an incident.

const MAX_VALUE_CHARS = 200;
const MAX_PARAMS_CHARS = 1024;
const UNAUTHENTICATED_LINES_PER_MINUTE = 60;

export interface AuditedParams {
  params: Record<string, string>;
  /** Parameters not audited: unknown names, repeats, and known ones past the size cap. */
  otherParams?: number;
}

export function auditedParams(search: URLSearchParams, known: readonly string[]): AuditedParams {
  const params: Record<string, string> = {};
  let size = 0;
  let other = 0;
  for (const [name, raw] of search) {
    const value = raw.slice(0, MAX_VALUE_CHARS);
    if (!known.includes(name) || Object.hasOwn(params, name) || size + name.length + value.length > MAX_PARAMS_CHARS) {
      other += 1;
      continue;
    }
    params[name] = value;
    size += name.length + value.length;
  }
  return other > 0 ? { params, otherParams: other } : { params };
}

/** Decides which lines of a kind a caller can provoke at will are written, per process. */
export class LineSampler {
  private readonly buckets: TokenBuckets;
  private skipped = 0;

  constructor(perMinute: number) {
    this.buckets = new TokenBuckets(perMinute);
  }

  /** undefined: skip this line; otherwise write it, with the number skipped since the last one. */
  admit(nowMs = Date.now()): { skippedBefore?: number } | undefined {
    if (this.buckets.take('lines', nowMs) > 0) {
      this.skipped += 1;
      return undefined;
    }
    const skippedBefore = this.skipped;
    this.skipped = 0;
    return skippedBefore > 0 ? { skippedBefore } : {};
  }
}

export interface AuditEvent {
  requestId: string;
  clientRequestId?: string;
  /** Undefined when nobody could be identified (a 401). */
  user?: User;
  /** The route's pattern, e.g. /api/jobs/[jobId] or /jobs. */
  route: string;
  path: string;
  search: URLSearchParams;
  /** The route's own parameter names: audited by value; any other is only counted. */
  knownParams: readonly string[];
  status: number;
  /** For a 401: no credentials, or which check refused them. */
  anonymous?: RefusedBecause;
  /** The API token the request carried, by id (never its secret). */
  tokenId?: string;
  iceRequestId?: string;
  startedMs: number;
}

const unauthenticatedLines = new LineSampler(UNAUTHENTICATED_LINES_PER_MINUTE);

/** One line per read of ICE data, from the API and from pages alike. */
export function writeAuditLine(event: AuditEvent): void {
  const sampled = event.status === 401 && event.anonymous === 'no_credentials' ? unauthenticatedLines.admit() : {};
  if (!sampled) return;
  log('info', 'audit', {
    requestId: event.requestId,
    clientRequestId: event.clientRequestId,
    user: event.user ? (event.user.email ?? event.user.sub) : null,
    ...(event.tokenId ? { token: event.tokenId } : {}),
    route: event.route,
    path: event.path.slice(0, 200),
    ...auditedParams(event.search, event.knownParams),
    status: event.status,
    ...(event.anonymous ? { refused: event.anonymous } : {}),
    iceRequestId: event.iceRequestId,
    ms: Date.now() - event.startedMs,
    ...sampled,
  });
}
