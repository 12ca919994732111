import fc from 'fast-check';
import { PortalError } from '@/lib/errors';
import { LIST_JOBS_PARAMS, listJobsSearchParams } from '@/lib/ice/list-jobs-params';
import { parseListJobsQuery } from '@/lib/ice/schemas';

function fieldOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(PortalError);
    expect((error as PortalError).status).toBe(400);
    return (error as PortalError).field;
  }
  throw new Error('expected a 400');
}

describe('parseListJobsQuery', () => {
  it('keeps the API parameters and drops every other name, so nothing else can reach the signer', () => {
    const query = parseListJobsQuery(
      new URLSearchParams('Status=Fail&Action=DeleteEverything&AccessKeyId=x&Signature=y&PageSize=20&foo=bar'),
    );
    expect(query).toEqual({ Status: 'Fail', PageSize: 20 });
  });

  it('refuses a repeated parameter with a 400 naming it', () => {
    expect(fieldOf(() => parseListJobsQuery(new URLSearchParams('Status=Init&Status=Fail')))).toBe('Status');
    expect(fieldOf(() => parseListJobsQuery({ OrderBy: ['CreateTimeAsc', 'CreateTimeDesc'] }))).toBe('OrderBy');
  });

  it('treats empty values as absent', () => {
    expect(parseListJobsQuery({ Status: '', JobId: '', PageSize: '' })).toEqual({});
  });

  it('sends times with any offset on as UTC with a Z, in whole seconds', () => {
    const query = parseListJobsQuery({
      StartOfCreateTime: '2024-07-01T16:00:00+08:00',
      EndOfCreateTime: '2024-07-02T00:00:00.750-0200',
    });
    expect(query.StartOfCreateTime).toBe('2024-07-01T08:00:00Z');
    expect(query.EndOfCreateTime).toBe('2024-07-02T02:00:00Z');
  });

  it.each(['2024-07-01', '2024-07-01T08:00:00', 'yesterday', '2024-02-30T00:00:00Z'.replace('30', '3x')])(
    'refuses the time %s, naming StartOfCreateTime',
    (value) => {
      expect(fieldOf(() => parseListJobsQuery({ StartOfCreateTime: value }))).toBe('StartOfCreateTime');
    },
  );

  it('refuses an end before the start, naming EndOfCreateTime', () => {
    expect(
      fieldOf(() => parseListJobsQuery({ StartOfCreateTime: '2024-07-02T00:00:00Z', EndOfCreateTime: '2024-07-01T00:00:00Z' })),
    ).toBe('EndOfCreateTime');
  });

  it.each(['0', '101', '1.5', 'ten', '-1'])('refuses PageSize %s with a 400 naming PageSize', (size) => {
    expect(fieldOf(() => parseListJobsQuery({ PageSize: size }))).toBe('PageSize');
  });

  it('accepts PageSize 1 and 100 as numbers', () => {
    expect(parseListJobsQuery({ PageSize: '1' }).PageSize).toBe(1);
    expect(parseListJobsQuery({ PageSize: '100' }).PageSize).toBe(100);
  });

  it('refuses an unknown Status or OrderBy, naming it', () => {
    expect(fieldOf(() => parseListJobsQuery({ Status: 'success' }))).toBe('Status');
    expect(fieldOf(() => parseListJobsQuery({ OrderBy: 'Name' }))).toBe('OrderBy');
  });

  it('bounds JobId and NextPageToken in shape and length', () => {
    expect(fieldOf(() => parseListJobsQuery({ JobId: 'a'.repeat(65) }))).toBe('JobId');
    expect(fieldOf(() => parseListJobsQuery({ JobId: '<script>' }))).toBe('JobId');
    expect(fieldOf(() => parseListJobsQuery({ NextPageToken: 'x'.repeat(1025) }))).toBe('NextPageToken');
    expect(fieldOf(() => parseListJobsQuery({ NextPageToken: 'a b' }))).toBe('NextPageToken');
    expect(parseListJobsQuery({ JobId: 'ab4802364a2e49208c99efab82df0001' }).JobId).toBe('ab4802364a2e49208c99efab82df0001');
  });

  it('either parses or throws a 400 PortalError for any input whatever', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom(...LIST_JOBS_PARAMS, 'Action', 'x'), fc.oneof(fc.string(), fc.array(fc.string()))), (raw) => {
        try {
          const query = parseListJobsQuery(raw);
          expect(Object.keys(query).every((k) => (LIST_JOBS_PARAMS as readonly string[]).includes(k))).toBe(true);
        } catch (error) {
          expect(error).toBeInstanceOf(PortalError);
          expect((error as PortalError).status).toBe(400);
          expect((LIST_JOBS_PARAMS as readonly string[]).includes((error as PortalError).field!)).toBe(true);
        }
      }),
    );
  });

  it('round-trips through listJobsSearchParams', () => {
    const query = parseListJobsQuery({ Status: 'Init', PageSize: '50', OrderBy: 'CreateTimeAsc', StartOfCreateTime: '2024-01-01T00:00:00Z' });
    expect(parseListJobsQuery(listJobsSearchParams(query))).toEqual(query);
  });
});
