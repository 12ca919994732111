import { PortalError } from '@/lib/errors';
import type { CallOptions } from '@/lib/ice/client';
import type { ListJobsQuery, ListJobsResponse, MediaInfoJob } from '@/lib/ice/schemas';
import { BATCH_CHARS, exportJobs, type ExportEnd } from '@/lib/jobs/export';
import type { ExportFormat } from '@/lib/jobs/export-query';
import { BUDGET_PAGES, CONCURRENCY, scanJobs } from '@/lib/jobs/scan';
import { parseCsv } from '../../support/csv';

// The export's stream against an in-process ICE with one job a minute: it pulls from the scan only as
// fast as it is read, ends each format honestly, and stops upstream calls when the reader goes away.
// (The same behaviour through the real portal and the emulator: __tests__/integration/export.test.ts.)

const MINUTE = 60_000;
const NOW = Date.parse('2024-07-01T00:00:00Z');
const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');

/** Jobs job0, job1, ... created at NOW, NOW - 1 min, ...; pages of PageSize by offset; failures on demand. */
function fakeIce(count: number, failFromCall = Infinity) {
  const calls: AbortSignal[] = [];
  return {
    calls,
    async listMediaInfoJobs(query: ListJobsQuery, options: CallOptions = {}): Promise<ListJobsResponse> {
      calls.push(options.signal!);
      if (options.signal?.aborted) throw new PortalError('aborted', 499, 'cancelled');
      if (calls.length >= failFromCall) throw new PortalError('upstream_unavailable', 502, 'ICE failed.', { requestId: 'ICE-REQ-1' });
      await new Promise((r) => setTimeout(r, 1));
      const newest = Math.max(0, Math.ceil((NOW - Date.parse(query.EndOfCreateTime!)) / MINUTE));
      const oldest = Math.min(count - 1, Math.floor((NOW - Date.parse(query.StartOfCreateTime!)) / MINUTE));
      const ids = Array.from({ length: Math.max(0, oldest - newest + 1) }, (_, k) => newest + k);
      if (query.OrderBy === 'CreateTimeAsc') ids.reverse();
      const offset = Number(query.NextPageToken ?? 0);
      const page = ids.slice(offset, offset + query.PageSize!);
      const more = offset + page.length < ids.length;
      return {
        RequestId: `R${calls.length}`,
        Jobs: page.map((i): MediaInfoJob => ({ JobId: `job${i}`, Name: i === 3 ? '=1+1' : `clip ${i}`, Status: 'Success', SubmitTime: iso(NOW - i * MINUTE) })),
        NextPageToken: more ? String(offset + page.length) : undefined,
      };
    },
  };
}

const days = (n: number) => ({ StartOfCreateTime: iso(NOW - n * 86_400_000), EndOfCreateTime: iso(NOW) });

async function start(format: ExportFormat, client: ReturnType<typeof fakeIce>, options: { maxJobs?: number; signal?: AbortSignal; keep?: (job: MediaInfoJob) => boolean; days?: number } = {}) {
  const ends: ExportEnd[] = [];
  const stream = await exportJobs({
    format,
    jobs: (signal) => scanJobs({ filters: days(options.days ?? 3), client, maxDays: 31, maxJobs: options.maxJobs ?? 50_000, nowMs: NOW, signal }),
    keep: options.keep,
    signal: options.signal,
    onEnd: (end) => ends.push(end),
  });
  return { stream, ends };
}

async function readAll(stream: ReadableStream<Uint8Array>): Promise<string> {
  return new TextDecoder('utf-8', { ignoreBOM: true }).decode(await new Response(stream).arrayBuffer());
}

const settle = () => new Promise((r) => setTimeout(r, 50));

describe('exportJobs', () => {
  it('writes every job of the scan as CSV rows under one header, the BOM first', async () => {
    const { stream, ends } = await start('csv', fakeIce(1000));
    const text = await readAll(stream);
    expect(text.startsWith('\uFEFFJobId,Name,')).toBe(true);
    const rows = parseCsv(text.slice(1));
    expect(rows).toHaveLength(1001);
    expect(rows.slice(1).map((r) => r[0])).toEqual(Array.from({ length: 1000 }, (_, i) => `job${i}`));
    expect(rows[4]![1]).toBe("'=1+1");
    expect(ends).toEqual([{ outcome: 'complete', jobs: 1000, summary: expect.objectContaining({ scannedJobs: 1000 }) }]);
  });

  it('reads upstream only as fast as the download is read', async () => {
    // 200 pages over 14 days, far more than a stalled download may hold.
    const client = fakeIce(20_000);
    const { stream } = await start('ndjson', client, { days: 14 });
    const reader = stream.getReader();
    await reader.read();
    // Wait until the calls stop (a loaded machine may need more than one pause), then for a while longer.
    let whileStalled = -1;
    for (let i = 0; i < 100 && client.calls.length !== whileStalled; i++) {
      whileStalled = client.calls.length;
      await settle();
    }
    await settle();
    await settle();
    // The chunk read and one queued (BATCH_CHARS each, some 15 of these small pages), the scan's shared
    // read-ahead, the slice being read 2 more, and the calls in flight: nowhere near the 200 pages there are.
    const pageChars = 100 * (JSON.stringify({ JobId: 'job10000', Name: 'clip 10000', Status: 'Success', SubmitTime: iso(NOW) }).length + 1);
    expect(client.calls.length).toBe(whileStalled);
    expect(whileStalled).toBeLessThanOrEqual(2 * Math.ceil(BATCH_CHARS / pageChars) + BUDGET_PAGES + 2 + CONCURRENCY);
    expect(whileStalled).toBeLessThan(100);
    await reader.cancel();
  });

  it('stops every upstream call when the reader cancels, and says so once', async () => {
    const client = fakeIce(4000);
    const { stream, ends } = await start('csv', client);
    const reader = stream.getReader();
    await reader.read();
    await reader.cancel();
    await settle();
    const atCancel = client.calls.length;
    expect(client.calls.every((signal) => signal.aborted)).toBe(true);
    await settle();
    expect(client.calls.length).toBe(atCancel);
    expect(ends).toEqual([{ outcome: 'cancelled', jobs: expect.any(Number) }]);
  });

  it("stops when the caller's signal aborts (the request closed)", async () => {
    const client = fakeIce(4000);
    const request = new AbortController();
    const { stream, ends } = await start('ndjson', client, { signal: request.signal });
    const reader = stream.getReader();
    await reader.read();
    request.abort();
    let rest = '';
    for (let read = await reader.read(); !read.done; read = await reader.read()) rest += new TextDecoder().decode(read.value);
    expect(JSON.parse(rest.trimEnd().split('\n').at(-1)!)).toMatchObject({ error: { code: 'aborted' } });
    expect(client.calls.every((signal) => signal.aborted)).toBe(true);
    expect(client.calls.length).toBeLessThan(40);
    expect(ends[0]?.outcome).toBe('cancelled');
  });

  it('throws before any byte when ICE fails on the first page, so the route can answer with a status', async () => {
    await expect(start('csv', fakeIce(1000, 1))).rejects.toMatchObject({ code: 'upstream_unavailable', status: 502 });
  });

  it('ends NDJSON with an error line when ICE fails for good mid-way', async () => {
    const { stream, ends } = await start('ndjson', fakeIce(4000, 8));
    const lines = (await readAll(stream)).trimEnd().split('\n');
    expect(lines.length).toBeGreaterThan(100);
    expect(JSON.parse(lines.at(-1)!)).toEqual({ error: { code: 'upstream_unavailable', message: 'ICE failed.', requestId: 'ICE-REQ-1' } });
    expect(lines.slice(0, -1).every((line) => 'JobId' in JSON.parse(line))).toBe(true);
    expect(ends).toEqual([expect.objectContaining({ outcome: 'failed', jobs: lines.length - 1 })]);
  });

  it('errors the CSV stream when ICE fails for good mid-way, so the download breaks instead of ending short', async () => {
    const { stream, ends } = await start('csv', fakeIce(4000, 8));
    await expect(readAll(stream)).rejects.toMatchObject({ name: 'AbortError', message: 'ICE failed.' });
    expect(ends).toEqual([expect.objectContaining({ outcome: 'failed', error: expect.objectContaining({ code: 'upstream_unavailable' }) })]);
  });

  it('says where a bound stopped it: the NDJSON summary line, the CSV note row', async () => {
    const ndjson = (await readAll((await start('ndjson', fakeIce(1000), { maxJobs: 150 })).stream)).trimEnd().split('\n');
    expect(ndjson).toHaveLength(151);
    expect(JSON.parse(ndjson[150]!)).toEqual({
      Summary: {
        ScannedJobs: 150,
        ExportedJobs: 150,
        Window: { StartOfCreateTime: days(3).StartOfCreateTime, EndOfCreateTime: days(3).EndOfCreateTime },
        Stopped: { Reason: 'max_jobs', At: iso(NOW - 149 * MINUTE) },
        Source: { Kind: 'ice' },
      },
      summary: { scannedJobs: 150, exportedJobs: 150, from: days(3).StartOfCreateTime, to: days(3).EndOfCreateTime, stopped: { reason: 'max_jobs', at: iso(NOW - 149 * MINUTE) } },
    });
    const csv = parseCsv((await readAll((await start('csv', fakeIce(1000), { maxJobs: 150 })).stream)).slice(1));
    expect(csv).toHaveLength(152);
    expect(csv[151]![0]).toMatch(/^# stopped at SCAN_MAX_JOBS after reading 150 jobs/);
  });

  it('writes only the jobs a search keeps, and its summary counts both the scanned and the written', async () => {
    const { stream, ends } = await start('ndjson', fakeIce(1000), { keep: (job) => job.JobId.endsWith('7') });
    const lines = (await readAll(stream)).trimEnd().split('\n').map((line) => JSON.parse(line) as { JobId?: string; summary?: unknown });
    expect(lines.slice(0, -1).map((line) => line.JobId)).toEqual(Array.from({ length: 100 }, (_, i) => `job${i * 10 + 7}`));
    expect(lines.at(-1)).toEqual({ Summary: expect.objectContaining({ ScannedJobs: 1000, ExportedJobs: 100 }), summary: expect.objectContaining({ scannedJobs: 1000, exportedJobs: 100 }) });
    expect(ends[0]).toMatchObject({ outcome: 'complete', jobs: 100 });
  });
});
