import { PortalError } from '@/lib/errors';
import { exportApiUrl, selectionExportApiUrl } from '@/lib/api-client/urls';
import { EXPORT_PARAMS, exportFileName } from '@/lib/jobs/export-query';
import { SEARCH_PARAMS } from '@/lib/jobs/list-query';
import { parseExportQuery } from '@/lib/jobs/parse-export-query';

// The export's URL: the list's filters under the list's names, a Format, and none of the paging names.

function fieldOf(search: string): string | undefined {
  try {
    parseExportQuery(new URLSearchParams(search));
  } catch (error) {
    expect(error).toBeInstanceOf(PortalError);
    expect((error as PortalError).status).toBe(400);
    return (error as PortalError).field;
  }
  throw new Error(`expected a 400 for ${search}`);
}

describe('parseExportQuery', () => {
  it('reads the filters with the list parser (times to UTC, unknown names dropped) and the format', () => {
    expect(parseExportQuery(new URLSearchParams('Status=Fail&StartOfCreateTime=2024-07-01T08:00:00%2B08:00&OrderBy=CreateTimeAsc&Format=ndjson&Action=x'))).toEqual({
      filters: { Status: 'Fail', StartOfCreateTime: '2024-07-01T00:00:00Z', OrderBy: 'CreateTimeAsc' },
      search: {},
      format: 'ndjson',
    });
  });

  it("reads the list's search filters too, so an export holds what a search shows", () => {
    expect(parseExportQuery(new URLSearchParams('Search=ep-12&VideoCodec=hevc&MinHeight=1080&HasAudio=false&Format=csv')).search).toEqual({ Search: 'ep-12', VideoCodec: 'hevc', MinHeight: 1080, HasAudio: false });
  });

  it.each([
    ['Status=Fail', 'Format'],
    ['Format=', 'Format'],
    ['Format=xlsx', 'Format'],
    ['Format=CSV', 'Format'],
    ['Format=csv&Format=ndjson', 'Format'],
    ['Format=csv&Status=Nope', 'Status'],
    ['Format=csv&StartOfCreateTime=yesterday', 'StartOfCreateTime'],
    ['Format=csv&StartOfCreateTime=2024-07-02T00:00:00Z&EndOfCreateTime=2024-07-01T00:00:00Z', 'EndOfCreateTime'],
    ['Format=csv&JobId=%3Cscript%3E', 'JobId'],
    ['Format=csv&PageSize=10', 'PageSize'],
    ['Format=csv&NextPageToken=abc', 'NextPageToken'],
    ['Format=csv&Trail=abc', 'Trail'],
    ['Format=csv&MinHeight=tall', 'MinHeight'],
    ['Format=csv&HasAudio=yes', 'HasAudio'],
  ])('refuses %s with a 400 naming %s', (search, field) => {
    expect(fieldOf(search)).toBe(field);
  });
});

describe('an export of a selection (JobIds)', () => {
  it('exports exactly the jobs given, each once, and takes no filters with them', () => {
    expect(parseExportQuery(new URLSearchParams('JobIds=a1,b2,a1&Format=csv'))).toEqual({ filters: {}, search: {}, format: 'csv', jobIds: ['a1', 'b2'] });
    expect(fieldOf('JobIds=a1&Status=Fail&Format=csv')).toBe('JobIds');
    expect(fieldOf('JobIds=&Format=csv')).toBe('JobIds');
    expect(fieldOf(`JobIds=${Array.from({ length: 101 }, (_, i) => `j${i}`).join(',')}&Format=csv`)).toBe('JobIds');
    expect(fieldOf('JobIds=a%20b&Format=csv')).toBe('JobIds');
  });

  it('is what the list asks for when jobs are selected, while the list’s own selection never reaches a filter export', () => {
    expect(selectionExportApiUrl(['a1', 'b2'], 'ndjson')).toBe('/api/jobs/export?JobIds=a1%2Cb2&Format=ndjson');
    expect(exportApiUrl('Status=Fail&Select=a1,b2', 'csv')).toBe('/api/jobs/export?Status=Fail&Format=csv');
  });
});

describe('exportApiUrl', () => {
  it("carries the list's filters and the format, and drops the list's paging", () => {
    const url = exportApiUrl('Status=Fail&PageSize=50&NextPageToken=t2&Trail=t1&OrderBy=CreateTimeAsc&Search=clip', 'csv');
    expect(url).toBe('/api/jobs/export?Status=Fail&OrderBy=CreateTimeAsc&Search=clip&Format=csv');
    expect(parseExportQuery(new URL(url, 'http://x').searchParams)).toEqual({ filters: { Status: 'Fail', OrderBy: 'CreateTimeAsc' }, search: { Search: 'clip' }, format: 'csv' });
  });

  it('audits the filters, the search filters and Format by value', () => {
    expect(EXPORT_PARAMS).toEqual(['Region', 'StartOfCreateTime', 'EndOfCreateTime', 'JobId', 'Status', 'OrderBy', 'Since', ...SEARCH_PARAMS, 'JobIds', 'Format']);
  });
});

describe('exportFileName', () => {
  it('says what the file holds: status, JobId when given, and the create-time window', () => {
    const window = { from: '2024-06-01T00:00:00Z', to: '2024-07-01T12:30:00Z' };
    expect(exportFileName({}, window, 'csv')).toBe('media-info-jobs_all_20240601T000000Z_20240701T123000Z.csv');
    expect(exportFileName({ Status: 'Fail', JobId: 'abc_1' }, window, 'ndjson')).toBe('media-info-jobs_Fail_abc_1_20240601T000000Z_20240701T123000Z.ndjson');
    expect(exportFileName({}, window, 'csv', true)).toBe('media-info-jobs_all_search_20240601T000000Z_20240701T123000Z.csv');
  });
});
