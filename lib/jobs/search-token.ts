import 'server-only';
import { createHash, createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import { invalidInput } from '@/lib/errors';
import { getIceConfig } from '@/lib/ice/config';

// A search's continuation, sealed by the portal so a client can hand it back but not alter it:
// where the scan stopped (the last create time read, and how many jobs of that second were read),
// the window it covers, and the counts so far. It is bound to the search's filters, so it cannot be
// replayed under others. The key is derived from the ICE key secret, which every instance of one
// deployment shares and no client knows; rotating that key ends open searches (a clear 400).

export interface SearchPosition {
  /** The window the search covers, fixed at its first page (ms). */
  from: number;
  to: number;
  /** Where the scan stopped: the create time of the last job read, and how many of that second were read. */
  at?: string;
  readAtSecond: number;
  /** Jobs scanned and matches found on all pages so far. */
  scanned: number;
  matched: number;
  /** When the asked range was longer than SCAN_MAX_DAYS: where the window was cut (ms). */
  cutAt?: number;
}

const VERSION = 's1';
let key: Buffer | undefined;

function tokenKey(): Buffer {
  key ??= Buffer.from(hkdfSync('sha256', getIceConfig().accessKeySecret, 'ice-media-info-portal', 'search-token', 32));
  return key;
}

/** The filters a token is bound to, in a stable form. */
export function filtersKey(filters: object): string {
  const sorted = Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== undefined).sort(([a], [b]) => a.localeCompare(b)));
  return createHash('sha256').update(JSON.stringify(sorted)).digest('base64url');
}

const mac = (body: string, boundTo: string) => createHmac('sha256', tokenKey()).update(`${VERSION}.${boundTo}.${body}`).digest('base64url');

export function sealPosition(position: SearchPosition, boundTo: string): string {
  const body = Buffer.from(JSON.stringify(position)).toString('base64url');
  return `${VERSION}.${body}.${mac(body, boundTo)}`;
}

export function openPosition(token: string, boundTo: string): SearchPosition {
  const [version, body, tag, extra] = token.split('.');
  const refused = () => invalidInput('NextPageToken', 'is not a search page this portal made for these filters; start the search again');
  if (version !== VERSION || !body || !tag || extra !== undefined) throw refused();
  const expected = Buffer.from(mac(body, boundTo));
  const given = Buffer.from(tag);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) throw refused();
  try {
    const position = JSON.parse(Buffer.from(body, 'base64url').toString()) as SearchPosition;
    if (typeof position.from !== 'number' || typeof position.to !== 'number' || typeof position.scanned !== 'number') throw refused();
    return position;
  } catch {
    throw refused();
  }
}
