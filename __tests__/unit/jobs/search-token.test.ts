import { DEMO_CREDENTIALS } from '@/emulator/options';
import { PortalError } from '@/lib/errors';
import { filtersKey, openPosition, sealPosition, TOKEN_TTL_MS, type SearchPosition } from '@/lib/jobs/search-token';

// The emulator's demo secret is public: whoever knows a deployment's key can seal any fields, so the
// fields themselves must hold what a search can reach.
process.env.ALIBABA_CLOUD_ACCESS_KEY_ID = DEMO_CREDENTIALS.accessKeyId;
process.env.ALIBABA_CLOUD_ACCESS_KEY_SECRET = DEMO_CREDENTIALS.accessKeySecret;

const DAY = 86_400_000;
const NOW = Date.parse('2026-12-05T12:00:00Z');
const bounds = { maxDays: 31, maxJobs: 50_000, nowMs: NOW };
const boundTo = filtersKey({ Search: 'ep-12' });
const honest: SearchPosition = { from: NOW - 7 * DAY, to: NOW, at: '2026-12-04T10:00:00Z', readAtSecond: 2, scanned: 300, matched: 10 };
const refusal = (token: string) => {
  try {
    openPosition(token, boundTo, bounds);
  } catch (error) {
    expect(error).toBeInstanceOf(PortalError);
    expect(error).toMatchObject({ status: 400, field: 'NextPageToken' });
    return (error as PortalError).message;
  }
  throw new Error('the token was accepted');
};

it('opens what it sealed, for the same filters, within the hour', () => {
  expect(openPosition(sealPosition(honest, boundTo, NOW), boundTo, bounds)).toMatchObject(honest);
  expect(openPosition(sealPosition(honest, boundTo, NOW), boundTo, { ...bounds, nowMs: NOW + TOKEN_TTL_MS - 1 })).toMatchObject(honest);
});

it('refuses a token past its hour, saying so', () => {
  expect(() => openPosition(sealPosition(honest, boundTo, NOW), boundTo, { ...bounds, nowMs: NOW + TOKEN_TTL_MS })).toThrow(/has expired/);
});

it.each<[string, Record<string, unknown>]>([
  ['a negative count of jobs scanned', { scanned: -10_000_000 }],
  ['more jobs scanned than SCAN_MAX_JOBS', { scanned: 50_001 }],
  ['more matches than jobs scanned', { matched: 301 }],
  ['more jobs read in one second than scanned', { readAtSecond: 301 }],
  ['a fractional count', { scanned: 2.5 }],
  ['a window longer than SCAN_MAX_DAYS', { from: NOW - 366 * DAY }],
  ['a window that ends before it starts', { from: NOW, to: NOW - DAY }],
  ['a window of text', { from: 'yesterday' }],
  ['a position that is not a time', { at: 'somewhere' }],
  ['a wide mark that is not true', { wide: 'yes', source: 'index', from: NOW - 366 * DAY }],
  ['a wide search read from ICE', { wide: true, source: 'ice', from: NOW - 366 * DAY }],
  ['a source the portal does not have', { source: 'cache' }],
  ['a wide window starting before any time a Date holds', { wide: true, source: 'index', from: -9e15 }],
  ['a total that is not a count', { total: -1 }],
])('refuses a sealed token holding %s', (_, forged) => {
  expect(refusal(sealPosition({ ...honest, ...forged } as unknown as SearchPosition, boundTo, NOW))).toMatch(/start the search again/);
});

it("opens a search the job index took on whole, past the live scan's bounds, and keeps its exact total", () => {
  // Its pages are read from the index only (lib/index/index-scan.ts indexOnly), so no bound guards a walk of ICE.
  const wide: SearchPosition = { ...honest, from: NOW - 400 * DAY, scanned: 2_000_000, matched: 90_000, wide: true, source: 'index', total: 120_000 };
  expect(openPosition(sealPosition(wide, boundTo, NOW), boundTo, bounds)).toMatchObject(wide);
  const { wide: _wide, ...narrow } = wide;
  expect(refusal(sealPosition(narrow, boundTo, NOW))).toMatch(/start the search again/);
});

it('refuses a token of the earlier format, which had no expiry', () => {
  const [, body, tag] = sealPosition(honest, boundTo, NOW).split('.');
  expect(refusal(`s1.${body}.${tag}`)).toMatch(/is not a search page/);
});
