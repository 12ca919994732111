import { ApiError } from '@/lib/api-client/fetch-json';
import { lineCounter, readExport } from '@/lib/api-client/read-export';
import { EXPORT_WRITERS } from '@/lib/jobs/export-formats';

// The browser's reading of an export: progress counts jobs, not line breaks, and a file is only
// handed over when it is whole.

const encode = (text: string) => new TextEncoder().encode(text);

/** A response whose body sends these chunks, then ends cleanly or breaks off. */
function answer(chunks: string[], headers: Record<string, string>, { breakOff = false, status = 200 } = {}): Response {
  let i = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (i < chunks.length) controller.enqueue(encode(chunks[i++]!));
      else if (breakOff) controller.error(new TypeError('terminated'));
      else controller.close();
    },
  });
  return new Response(body, { status, headers });
}

const CSV = { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': 'attachment; filename="media-info-jobs_all_a_b.csv"', 'x-scan-window': '2024-06-01T00:00:00Z/2024-07-01T00:00:00Z' };
const NDJSON = { 'content-type': 'application/x-ndjson', 'content-disposition': 'attachment; filename="media-info-jobs_Fail_a_b.ndjson"' };

function serve(response: Response) {
  return jest.spyOn(globalThis, 'fetch').mockResolvedValue(response);
}

afterEach(() => jest.restoreAllMocks());

describe('lineCounter', () => {
  it('counts CSV rows, not line breaks inside quoted cells, across chunk boundaries', () => {
    const count = lineCounter(true);
    count(encode('\uFEFFJobId,Name\nj1,"two\nlines, ""quoted'));
    expect(count(encode('"""\nj2,plain\n'))).toBe(3);
  });

  it('counts every NDJSON line: JSON quotes are not CSV quotes', () => {
    expect(lineCounter(false)(encode('{"Name":"a\\"b"}\n{"Name":"\\""}\n'))).toBe(2);
  });
});

describe('readExport', () => {
  it('reports progress in jobs and hands over a whole CSV with its name and window', async () => {
    serve(answer(['\uFEFFJobId,Name\nj1,a\n', 'j2,"b\nc"\nj3,d\n'], CSV));
    const progress: number[] = [];
    const file = await readExport('/api/jobs/export?Format=csv', { onProgress: (jobs) => progress.push(jobs) });
    expect(progress).toEqual([1, 3]);
    expect(file).toMatchObject({ fileName: 'media-info-jobs_all_a_b.csv', jobs: 3, stopped: false, window: '2024-06-01T00:00:00Z/2024-07-01T00:00:00Z' });
    expect(new Uint8Array(await file.blob.arrayBuffer()).slice(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]));
  });

  it("tells a CSV a bound stopped by its note row, which is not a job", async () => {
    serve(answer(['\uFEFFJobId,Name\nj1,a\n"# stopped at SCAN_MAX_JOBS after 1 jobs, narrow",\n'], CSV));
    expect(await readExport('/x')).toMatchObject({ jobs: 1, stopped: true });
  });

  it('refuses a CSV that broke off, saying how far it got', async () => {
    serve(answer(['\uFEFFJobId,Name\nj1,a\nj2,b\n'], CSV, { breakOff: true }));
    const error = await readExport('/x').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ code: 'export_incomplete', message: expect.stringMatching(/broke off after 2 jobs.*Nothing was saved/) });
  });

  it('hands over an NDJSON that ends with its summary line, and says when a bound stopped it', async () => {
    // The summary line as the portal's writer makes it.
    const end = (stopped?: { reason: 'max_days'; at: string }) => EXPORT_WRITERS.ndjson.end({ scannedJobs: 2, exportedJobs: 2, from: 'f', to: 't', ...(stopped ? { stopped } : {}) });
    serve(answer(['{"JobId":"a"}\n{"JobId":"b"}\n', end({ reason: 'max_days', at: 'f' })], NDJSON));
    expect(await readExport('/x')).toMatchObject({ fileName: 'media-info-jobs_Fail_a_b.ndjson', jobs: 2, stopped: true });
    jest.restoreAllMocks();
    serve(answer(['{"JobId":"a"}\n{"JobId":"b"}\n', end()], NDJSON));
    expect(await readExport('/x')).toMatchObject({ jobs: 2, stopped: false });
  });

  it("refuses an NDJSON that ends with an error line, with ICE's request id", async () => {
    serve(answer(['{"JobId":"a"}\n{"error":{"code":"upstream_unavailable","message":"ICE failed.","requestId":"R-9"}}\n'], NDJSON));
    await expect(readExport('/x')).rejects.toMatchObject({ code: 'upstream_unavailable', requestId: 'R-9', message: 'ICE failed. The export stopped after 1 jobs; nothing was saved.' });
  });

  it('refuses an NDJSON without its summary line', async () => {
    serve(answer(['{"JobId":"a"}\n{"JobId":"b","error":{"message":"x"}}\n'], NDJSON));
    await expect(readExport('/x')).rejects.toMatchObject({ code: 'export_incomplete' });
  });

  it("turns a refusal before the download into the portal's error", async () => {
    serve(new Response(JSON.stringify({ error: { code: 'invalid_input', message: 'Format: must be csv or ndjson', field: 'Format' } }), { status: 400, headers: { 'content-type': 'application/json' } }));
    await expect(readExport('/x')).rejects.toMatchObject({ status: 400, code: 'invalid_input', message: 'Format: must be csv or ndjson' });
  });
});
