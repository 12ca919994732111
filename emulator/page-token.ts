// NextPageToken: opaque to clients, but it carries the keyset cursor, the crawl's snapshot and a digest
// of the filters it was issued for, sealed with an HMAC so an edited token is refused, not obeyed.
import { createHash, createHmac, randomBytes } from 'node:crypto';
import { invalidParameter } from './api-error';
import { signaturesEqual } from './signature';

export interface PageCursor {
  /** Create time (ms) and insertion sequence of the last job on the page just served. */
  createdAtMs: number;
  seq: number;
  /** Highest sequence that existed when the crawl began: later jobs are not part of this crawl. */
  snapshotSeq: number;
}

export class PageTokenCodec {
  constructor(private readonly key: Buffer = randomBytes(32)) {}

  encode(cursor: PageCursor, filterKey: string): string {
    const body = Buffer.from(
      JSON.stringify([cursor.createdAtMs, cursor.seq, cursor.snapshotSeq, digest(filterKey)]),
    ).toString('base64url');
    return `${body}.${this.seal(body)}`;
  }

  /** Throws InvalidParameter naming NextPageToken for anything but an untouched token of this query. */
  decode(token: string, filterKey: string): PageCursor {
    const [body, seal, extra] = token.split('.');
    if (!body || !seal || extra !== undefined || !signaturesEqual(seal, this.seal(body))) {
      throw invalidParameter('NextPageToken', 'the token is malformed, altered or was issued by another server.');
    }
    const [createdAtMs, seq, snapshotSeq, filters] = JSON.parse(Buffer.from(body, 'base64url').toString()) as [
      number,
      number,
      number,
      string,
    ];
    if (filters !== digest(filterKey)) {
      throw invalidParameter('NextPageToken', 'the token was issued for other filters; start again from the first page.');
    }
    return { createdAtMs, seq, snapshotSeq };
  }

  private seal(body: string): string {
    return createHmac('sha256', this.key).update(body).digest('base64url').slice(0, 22);
  }
}

function digest(filterKey: string): string {
  return createHash('sha256').update(filterKey).digest('base64url').slice(0, 12);
}
