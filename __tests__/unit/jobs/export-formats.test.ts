import { PortalError } from '@/lib/errors';
import { mediaInfoJobSchema, type MediaInfoJob } from '@/lib/ice/schemas';
import { EXPORT_COLUMNS, exportRecord } from '@/lib/jobs/export-columns';
import { EXPORT_WRITERS } from '@/lib/jobs/export-formats';
import { parseCsv } from '../../support/csv';

// The export's text: what a spreadsheet user gets per column, what Excel must not run, and how each
// format says that it ended, stopped or failed.

const job = (fields: Record<string, unknown>): MediaInfoJob => mediaInfoJobSchema.parse({ JobId: 'j0', Status: 'Success', ...fields });

const probed = job({
  JobId: '88c6ca184c0e47098a5b665e2a12ab30',
  Name: '会议录像 第1集',
  TriggerSource: 'API',
  Input: { Type: 'OSS', Media: 'oss://bucket/dir/talk.mp4' },
  ScheduleConfig: { PipelineId: 'pipe-1', Priority: 5 },
  SubmitTime: '2024-07-01T08:00:00Z',
  FinishTime: '2024-07-01T08:00:12.5Z',
  SubmitResultJson: { Code: 'Success', Message: 'ok' },
  MediaInfoProperty: {
    FileBasicInfo: { FileName: 'talk.mp4', FormatName: 'mov,mp4,m4a,3gp,3g2,mj2', Duration: '3723.456', FileSize: '1234567890', Bitrate: '2652.7', Width: '1920', Height: '1080' },
    VideoStreamInfoList: [{ Codec_name: 'h264', Fps: '30000/1001', Width: '1920', Height: '1080' }, { Codec_name: 'mjpeg' }],
    AudioStreamInfoList: [{ CodecName: 'aac' }, { CodecName: 'aac' }, { CodecName: 'ac3' }],
  },
});

const failed = job({
  JobId: 'f1',
  Status: 'Fail',
  Input: { Type: 'Media', Media: '****20b48fb04483915d4f2cd8ac****' },
  SubmitTime: '2024-07-01T08:00:00Z',
  FinishTime: '2024-07-01T08:00:01Z',
  SubmitResultJson: { Code: 'InvalidParameter.ResourceNotFound', Message: 'The specified media does not exist.' },
});

const csv = EXPORT_WRITERS.csv;
const ndjson = EXPORT_WRITERS.ndjson;
const cellsOf = (line: string) => {
  const rows = parseCsv(line);
  expect(rows).toHaveLength(1);
  return rows[0]!;
};

describe('exportRecord', () => {
  it('flattens a probed job into plain units, with the main video stream and UTC times', () => {
    expect(exportRecord(probed)).toEqual({
      JobId: '88c6ca184c0e47098a5b665e2a12ab30',
      Name: '会议录像 第1集',
      Status: 'Success',
      TriggerSource: 'API',
      'SubmitTime (UTC)': '2024-07-01 08:00:00',
      'FinishTime (UTC)': '2024-07-01 08:00:12',
      'Processing (s)': 12.5,
      'Input type': 'OSS',
      Input: 'oss://bucket/dir/talk.mp4',
      Pipeline: 'pipe-1',
      Container: 'mp4',
      'Duration (s)': 3723.456,
      'Size (bytes)': 1234567890,
      'Bitrate (kbit/s)': 2652.7,
      Resolution: '1920×1080',
      'Video codec': 'h264',
      'Frame rate (fps)': 29.97,
      'Audio codecs': 'aac ×2, ac3',
      'Video streams': 2,
      'Audio streams': 3,
      'Failure code': undefined,
      'Failure message': undefined,
    });
  });

  it('gives a failed job its code and message, and leaves what ICE did not probe empty', () => {
    const record = exportRecord(failed);
    expect(record).toMatchObject({ Input: '****20b48fb04483915d4f2cd8ac****', 'Failure code': 'InvalidParameter.ResourceNotFound', 'Failure message': 'The specified media does not exist.' });
    for (const column of ['Container', 'Duration (s)', 'Resolution', 'Video codec', 'Audio codecs', 'Video streams', 'Audio streams'] as const) {
      expect(record[column]).toBeUndefined();
    }
  });
});

describe('CSV', () => {
  it('starts with a UTF-8 BOM and one header row naming every column', () => {
    const begin = csv.begin();
    expect(begin.startsWith('\uFEFF')).toBe(true);
    expect(cellsOf(begin.slice(1))).toEqual([...EXPORT_COLUMNS]);
  });

  it('writes one row per job, its cells in the header order', () => {
    const cells = cellsOf(csv.job(probed));
    expect(cells).toHaveLength(EXPORT_COLUMNS.length);
    expect(cells[0]).toBe(probed.JobId);
    expect(cells[1]).toBe('会议录像 第1集');
    expect(cells[EXPORT_COLUMNS.indexOf('Audio codecs')]).toBe('aac ×2, ac3');
    expect(cells[EXPORT_COLUMNS.indexOf('Processing (s)')]).toBe('12.5');
  });

  it.each([
    ['=HYPERLINK("http://evil.example","click")'],
    ['-1'],
    ['+1'],
    ['@SUM(A1:A9)'],
    ['\tcmd'],
    ['\rcmd'],
    ['＝1+1'],
  ])('neutralises a Name that begins a formula (%j) with a leading quote', (name) => {
    const line = csv.job(job({ Name: name }));
    expect(cellsOf(line)[1]).toBe(`'${name}`);
  });

  it('leaves numbers the portal produced alone, even negative ones', () => {
    const line = csv.job(job({ MediaInfoProperty: { FileBasicInfo: { Duration: '-0.5' } } }));
    expect(cellsOf(line)[EXPORT_COLUMNS.indexOf('Duration (s)')]).toBe('-0.5');
  });

  it('quotes cells with commas, quotes and line breaks so a row stays a row', () => {
    const line = csv.job(job({ Name: 'a, "b"\nc' }));
    expect(line).toBe(`j0,"a, ""b""\nc",Success${','.repeat(EXPORT_COLUMNS.length - 3)}\n`);
  });

  it('ends with nothing after a complete scan, and with a note row naming the bound when one stopped it', () => {
    expect(csv.end({ scannedJobs: 3, exportedJobs: 3, from: '2024-07-01T00:00:00Z', to: '2024-07-02T00:00:00Z' })).toBe('');
    const note = csv.end({ scannedJobs: 100, exportedJobs: 100, from: '2024-07-01T00:00:00Z', to: '2024-07-02T00:00:00Z', stopped: { reason: 'max_jobs', at: '2024-07-01T12:00:00Z' } });
    expect(note).toMatch(/^"# stopped at SCAN_MAX_JOBS after reading 100 jobs \(created 2024-07-01T12:00:00Z reached\); this file is not the whole filter set, narrow the filters to export the rest",+\n$/);
    const days = csv.end({ scannedJobs: 7, exportedJobs: 2, from: '2024-06-01T00:00:00Z', to: '2024-07-01T00:00:00Z', stopped: { reason: 'max_days', at: '2024-06-01T00:00:00Z' } });
    expect(days).toContain('# stopped at SCAN_MAX_DAYS: only jobs created 2024-06-01T00:00:00Z to 2024-07-01T00:00:00Z');
  });

  it('has no failure text: a failed CSV must break, not end', () => {
    expect(csv.fail(new PortalError('upstream_unavailable', 502, 'ICE failed.'))).toBeUndefined();
  });
});

describe('NDJSON', () => {
  it('writes each job as ICE sent it, one per line, then the summary or the error as the last line', () => {
    expect(ndjson.begin()).toBe('');
    expect(JSON.parse(ndjson.job(probed))).toEqual(JSON.parse(JSON.stringify(probed)));
    expect(ndjson.job(job({ Name: 'a\nb' })).split('\n')).toHaveLength(2);
    const summary = { scannedJobs: 2, exportedJobs: 2, from: '2024-07-01T00:00:00Z', to: '2024-07-02T00:00:00Z' };
    expect(JSON.parse(ndjson.end(summary))).toEqual({
      Summary: { ScannedJobs: 2, ExportedJobs: 2, Window: { StartOfCreateTime: '2024-07-01T00:00:00Z', EndOfCreateTime: '2024-07-02T00:00:00Z' }, Source: { Kind: 'ice' } },
      summary,
    });
    // The index's answer says when it synced; the first spelling stays as it was.
    const fromIndex = JSON.parse(ndjson.end({ ...summary, source: { kind: 'index', syncedAt: '2024-07-02T00:00:05.000Z' } }));
    expect(fromIndex.Summary.Source).toEqual({ Kind: 'index', SyncedAt: '2024-07-02T00:00:05.000Z' });
    expect(fromIndex.summary).toEqual(summary);
    const stopped = { ...summary, stopped: { reason: 'max_jobs' as const, at: '2024-07-01T12:00:00Z' } };
    expect(JSON.parse(ndjson.end(stopped)).Summary.Stopped).toEqual({ Reason: 'max_jobs', At: '2024-07-01T12:00:00Z' });
    const error = new PortalError('upstream_unavailable', 502, 'ICE failed.', { requestId: 'R-1', iceCode: 'InternalError' });
    expect(JSON.parse(ndjson.fail(error)!)).toEqual({ error: { code: 'upstream_unavailable', message: 'ICE failed.', requestId: 'R-1' } });
  });
});
