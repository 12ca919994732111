import fc from 'fast-check';
import { PortalError } from '@/lib/errors';
import { LIST_JOBS_PARAMS } from '@/lib/ice/list-jobs-params';
import { LIST_QUERY_PARAMS, listHref, listQuerySearchParams, MAX_TRAIL, pagerLinks, withFilters, type ListQuery } from '@/lib/jobs/list-query';
import { parseListQuery } from '@/lib/jobs/parse-list-query';

/** What ICE is asked for a URL's parameters. */
const parseListJobsQuery = (raw: Parameters<typeof parseListQuery>[0]) => parseListQuery(raw).ice;

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

describe('parseListQuery: what ICE is asked', () => {
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

  it('either parses or throws a 400 PortalError naming a list parameter, for any input whatever', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom(...LIST_QUERY_PARAMS, 'Action', 'x'), fc.oneof(fc.string(), fc.array(fc.string()))), (raw) => {
        try {
          const query = parseListQuery(raw);
          expect(Object.keys(query.ice).every((k) => (LIST_JOBS_PARAMS as readonly string[]).includes(k))).toBe(true);
        } catch (error) {
          expect(error).toBeInstanceOf(PortalError);
          expect((error as PortalError).status).toBe(400);
          expect((LIST_QUERY_PARAMS as readonly string[]).includes((error as PortalError).field!)).toBe(true);
        }
      }),
    );
  });

  it('round-trips through listQuerySearchParams, page trail included', () => {
    const query = parseListQuery({ Status: 'Init', PageSize: '50', OrderBy: 'CreateTimeAsc', StartOfCreateTime: '2024-01-01T00:00:00Z', NextPageToken: 't3', Trail: 't1,t2' });
    expect(query.trail).toEqual(['t1', 't2']);
    expect(parseListQuery(listQuerySearchParams(query))).toEqual(query);
  });
});

describe('the page trail', () => {
  it('is empty without one, and refuses one given twice or not made by the portal', () => {
    expect(parseListQuery({}).trail).toEqual([]);
    expect(fieldOf(() => parseListQuery(new URLSearchParams('Trail=a&Trail=b')))).toBe('Trail');
    expect(fieldOf(() => parseListQuery({ Trail: 'a,b c' }))).toBe('Trail');
    expect(fieldOf(() => parseListQuery({ Trail: Array.from({ length: MAX_TRAIL + 1 }, (_, i) => `t${i}`).join(',') }))).toBe('Trail');
  });

  it('is written into a link only past the first page', () => {
    expect(listHref({ ice: { Status: 'Fail' }, search: {}, trail: ['stale'] })).toBe('/jobs?Status=Fail');
    expect(listHref({ ice: { Status: 'Fail', NextPageToken: 't2' }, search: {}, trail: ['t1'] })).toBe('/jobs?Status=Fail&NextPageToken=t2&Trail=t1');
  });
});

describe('pagerLinks', () => {
  const at = (token?: string, trail: string[] = []): ListQuery => ({ ice: { Status: 'Fail', PageSize: 20, ...(token ? { NextPageToken: token } : {}) }, search: {}, trail });

  it('on the first page: no Previous, and Next carries the token with an empty trail', () => {
    expect(pagerLinks(at(), 'p2')).toEqual({ page: 1, previous: undefined, next: '/jobs?Status=Fail&PageSize=20&NextPageToken=p2' });
  });

  it('walks forward and back through the trail to the same URLs', () => {
    const second = pagerLinks(at('p2'), 'p3');
    expect(second).toEqual({ page: 2, previous: '/jobs?Status=Fail&PageSize=20', next: '/jobs?Status=Fail&PageSize=20&NextPageToken=p3&Trail=p2' });
    const third = pagerLinks(at('p3', ['p2']), undefined);
    expect(third).toEqual({ page: 3, previous: '/jobs?Status=Fail&PageSize=20&NextPageToken=p2', next: undefined });
  });

  it('caps the trail so a long crawl cannot outgrow a URL', () => {
    const long = Array.from({ length: MAX_TRAIL }, (_, i) => `t${i}`);
    const next = new URL(pagerLinks(at('now', long), 'later').next!, 'http://x');
    expect(next.searchParams.get('Trail')!.split(',')).toHaveLength(MAX_TRAIL);
    expect(next.searchParams.get('Trail')!.endsWith(',now')).toBe(true);
  });
});

describe('withFilters', () => {
  it('goes back to the first page with the change applied', () => {
    const onPageNine: ListQuery = { ice: { Status: 'Fail', PageSize: 20, NextPageToken: 'p9' }, search: { Search: 'ep-12' }, trail: ['p8'] };
    expect(withFilters(onPageNine, { Status: 'Init', VideoCodec: 'hevc' })).toEqual({
      ice: { Status: 'Init', PageSize: 20 },
      search: { Search: 'ep-12', VideoCodec: 'hevc' },
      trail: [],
    });
  });
});

describe('a relative window (Since)', () => {
  const NOW = Date.parse('2026-12-05T12:34:56Z');

  it('starts the window that long before now, on a whole minute, and says Since in its links', () => {
    const query = parseListQuery({ Since: '24h', Status: 'Fail' }, NOW);
    expect(query.ice.StartOfCreateTime).toBe('2026-12-04T12:34:00Z');
    expect(query.since).toBe('24h');
    expect(listHref(query)).toBe('/jobs?Since=24h&Status=Fail');
  });

  it('gives pages past the first the window resolved for the first, since ICE’s tokens hold to exact filters', () => {
    const first = parseListQuery({ Since: '7d' }, NOW);
    const next = pagerLinks(first, 'p2').next!;
    expect(next).toBe('/jobs?StartOfCreateTime=2026-11-28T12%3A34%3A00Z&NextPageToken=p2');
    const second = parseListQuery(new URL(next, 'http://x').searchParams, NOW + 60_000);
    expect(pagerLinks(second, undefined).previous).toBe('/jobs?StartOfCreateTime=2026-11-28T12%3A34%3A00Z');
  });

  it('refuses a period it does not know, or one given with a start of its own, naming Since', () => {
    expect(fieldOf(() => parseListQuery({ Since: '2w' }))).toBe('Since');
    expect(fieldOf(() => parseListQuery({ Since: '7d', StartOfCreateTime: '2024-01-01T00:00:00Z' }))).toBe('Since');
  });

  it('is replaced by a start of one’s own, and replaces one', () => {
    const relative = parseListQuery({ Since: '1h' }, NOW);
    expect(withFilters(relative, { StartOfCreateTime: '2026-12-01T00:00:00Z' })).toEqual({ ice: { StartOfCreateTime: '2026-12-01T00:00:00Z' }, search: {}, trail: [] });
    const absolute = parseListQuery({ StartOfCreateTime: '2026-12-01T00:00:00Z' });
    expect(listHref(withFilters(absolute, { since: '30d' }))).toBe('/jobs?Since=30d');
  });
});
