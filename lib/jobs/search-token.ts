import 'server-only';
import { createHash, createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import { invalidInput } from '@/lib/errors';
import { getIceConfig } from '@/lib/ice/config';

// A search's continuation, sealed by the portal so a client can hand it back but not alter it:
// where the scan stopped (the last create time read, and how many jobs of that second were read),
// the window it covers, and the counts so far. It is bound to the search's filters, so it cannot be
// replayed under others, and it expires after TOKEN_TTL_MS. The key is derived from the ICE key
// secret, which every instance of one deployment shares and no client knows; rotating that key ends
// open searches (a clear 400). A seal that checks is not the whole check: a token made with a leaked
// key (the emulator's demo secret is public) must still hold a window and counts within the bounds.

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
  /** The job index took the search on whole (scan-plan.ts widenForIndex): no bounds, and only the index answers its pages. */
  wide?: true;
  /** Which source answered the first page, and so answers the rest. */
  source?: 'ice' | 'index';
  /** The exact number of matches in the window, counted by the job index at the first page. */
  total?: number;
  /** When the token stops being accepted (ms); set when it is sealed. */
  expiresAt?: number;
}

/** Long enough to page through a search at leisure, short enough that a copied token does not live on. */
export const TOKEN_TTL_MS = 3600_000;
const DAY_MS = 86_400_000;
const VERSION = 's2';
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

export function sealPosition(position: SearchPosition, boundTo: string, nowMs = Date.now()): string {
  const body = Buffer.from(JSON.stringify({ ...position, expiresAt: nowMs + TOKEN_TTL_MS })).toString('base64url');
  return `${VERSION}.${body}.${mac(body, boundTo)}`;
}

export interface TokenBounds {
  /** SCAN_MAX_DAYS and SCAN_MAX_JOBS: no window longer, no count larger. */
  maxDays: number;
  maxJobs: number;
  nowMs?: number;
}

const count = (value: unknown, max: number): value is number => Number.isSafeInteger(value) && (value as number) >= 0 && (value as number) <= max;
/** A time a Date can hold (±100,000,000 days), so no forged window makes a time that cannot be written. */
const instant = (value: unknown): value is number => Number.isSafeInteger(value) && Math.abs(value as number) <= 8.64e15;

/**
 * Whether the fields hold what sealPosition writes, within the bounds a search can reach. A wide
 * search has none, but its pages are read from the index only, never by a walk of ICE.
 */
function withinBounds(p: Partial<Record<keyof SearchPosition, unknown>>, bounds: TokenBounds): boolean {
  if (p.wide !== undefined && (p.wide !== true || p.source !== 'index')) return false;
  if (p.source !== undefined && p.source !== 'ice' && p.source !== 'index') return false;
  const { maxDays, maxJobs } = p.wide ? { maxDays: Infinity, maxJobs: Number.MAX_SAFE_INTEGER } : bounds;
  if (p.total !== undefined && !count(p.total, Number.MAX_SAFE_INTEGER)) return false;
  if (!instant(p.from) || !instant(p.to) || p.from > p.to || p.to - p.from > maxDays * DAY_MS) return false;
  if (!count(p.scanned, maxJobs) || !count(p.matched, p.scanned) || !count(p.readAtSecond, p.scanned)) return false;
  if (p.at !== undefined && (typeof p.at !== 'string' || Number.isNaN(Date.parse(p.at)))) return false;
  return p.cutAt === undefined || instant(p.cutAt);
}

export function openPosition(token: string, boundTo: string, bounds: TokenBounds): SearchPosition {
  const [version, body, tag, extra] = token.split('.');
  const refused = () => invalidInput('NextPageToken', 'is not a search page this portal made for these filters; start the search again', { reason: 'not_ours' });
  if (version !== VERSION || !body || !tag || extra !== undefined) throw refused();
  const expected = Buffer.from(mac(body, boundTo));
  const given = Buffer.from(tag);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) throw refused();
  let position: Partial<Record<keyof SearchPosition, unknown>>;
  try {
    position = JSON.parse(Buffer.from(body, 'base64url').toString()) as typeof position;
  } catch {
    throw refused();
  }
  if (!position || typeof position !== 'object' || !withinBounds(position, bounds) || !instant(position.expiresAt)) throw refused();
  if (position.expiresAt <= (bounds.nowMs ?? Date.now())) {
    throw invalidInput('NextPageToken', 'has expired (a search page is good for an hour); start the search again', { reason: 'expired' });
  }
  return position as unknown as SearchPosition;
}
