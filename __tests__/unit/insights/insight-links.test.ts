import { failureGroupChanges, jobsHref, mediaChanges, timelineSlots } from '@/lib/insights/insight-links';
import { insightsHref } from '@/lib/jobs/list-query';
import { parseListQuery } from '@/lib/jobs/parse-list-query';

const params = (href: string) => Object.fromEntries(new URL(href, 'http://portal').searchParams);

it('cuts the window into UTC slots, empty ones included, the first and last cut to the window itself', () => {
  const slots = timelineSlots({ StartOfCreateTime: '2026-12-01T22:30:00Z', EndOfCreateTime: '2026-12-02T01:15:00Z' }, 'hour');
  expect(slots.map((slot) => slot.window)).toEqual([
    { StartOfCreateTime: '2026-12-01T22:30:00Z', EndOfCreateTime: '2026-12-01T22:59:59Z' },
    { StartOfCreateTime: '2026-12-01T23:00:00Z', EndOfCreateTime: '2026-12-01T23:59:59Z' },
    { StartOfCreateTime: '2026-12-02T00:00:00Z', EndOfCreateTime: '2026-12-02T00:59:59Z' },
    { StartOfCreateTime: '2026-12-02T01:00:00Z', EndOfCreateTime: '2026-12-02T01:15:00Z' },
  ]);
  expect(slots[0]!.start).toBe(Date.parse('2026-12-01T22:00:00Z'));
  expect(timelineSlots({ StartOfCreateTime: '2026-11-28T19:10:00Z', EndOfCreateTime: '2026-12-05T19:10:00Z' }, 'day')).toHaveLength(8);
});

it('leads to /jobs with the insights’ filters, their window pinned, and the figure’s own filters on top', () => {
  const query = parseListQuery(new URLSearchParams({ Since: '7d', Search: 'promo', Region: 'cn-shanghai' }));
  const window = { StartOfCreateTime: '2026-11-28T19:10:00Z', EndOfCreateTime: '2026-12-05T19:10:00Z' };
  expect(params(jobsHref(query, window, { Status: 'Fail' }))).toEqual({ Region: 'cn-shanghai', Status: 'Fail', ...window, Search: 'promo' });
  expect(new URL(jobsHref(query, window), 'http://portal').pathname).toBe('/jobs');
  expect(failureGroupChanges({ Code: 'InvalidMedia.ProbeFailed', Message: 'moov atom not found; <url>' })).toEqual({ Status: 'Fail', ErrorCode: 'InvalidMedia.ProbeFailed', ErrorMessage: 'moov atom not found; <url>' });
  expect(failureGroupChanges({ Code: '—', Message: '' })).toEqual({ Status: 'Fail', ErrorCode: '—' });
  expect(mediaChanges('Resolutions', 'HD')).toEqual({ HasVideo: true, MinHeight: 720, MaxHeight: 1079 });
  expect(mediaChanges('VideoOnly', '')).toEqual({ HasVideo: true, HasAudio: false });
  expect(mediaChanges('FrameRates', '29.97')).toEqual({ HasVideo: true, FrameRate: '29.97' });
});

it('opens the insights of a list without its paging, page size and selection', () => {
  const query = parseListQuery(new URLSearchParams({ Status: 'Fail', Since: '30d', PageSize: '50', OrderBy: 'CreateTimeAsc', Select: 'a'.repeat(32) }));
  expect(insightsHref(query)).toBe('/insights?Since=30d&Status=Fail&OrderBy=CreateTimeAsc');
});
