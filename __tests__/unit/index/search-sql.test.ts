import { searchConditions } from '@/lib/index/search-sql';
import type { SearchFilters } from '@/lib/jobs/search-filters';

// Which search filters the index says exactly in SQL, so that a count of its rows is the count of
// matches (a search's Total). Whether the rows themselves equal the live scan's matches is tested
// against PostgreSQL (__tests__/integration/index-sync.test.ts); here, which filters may be counted.

const conditions = (search: SearchFilters) => {
  const params: unknown[] = [];
  return { ...searchConditions(search, (value) => `$${params.push(value)}`), params };
};

it.each<[string, SearchFilters]>([
  ['no search filter', {}],
  ['a substring', { Search: 'ep-12_final' }],
  ['codecs and a container', { VideoCodec: 'H264', AudioCodec: 'aac', Container: 'mp4' }],
  ['a lowest height', { MinHeight: 720 }],
  ['streams present or not', { HasAudio: false, HasVideo: true }],
  ['a check that finds something', { Check: 'vfr' }],
  ['an ICE error code', { ErrorCode: 'InvalidMedia.ProbeFailed' }],
  ['a failure without a code', { ErrorCode: '—' }],
])('counts %s exactly', (_, search) => {
  expect(conditions(search).exact).toBe(true);
});

it.each<[string, SearchFilters]>([
  ['a highest height (rows without a height are kept for matchesSearch to judge)', { MaxHeight: 1080 }],
  ['a delivery spec (its rules run in JavaScript)', { Spec: 'web-1080p', SpecResult: 'fail' }],
  ['a grouped error message', { ErrorMessage: 'moov atom not found' }],
  ['a frame rate (not a column)', { FrameRate: '25' }],
  ['a substring across a line break (the texts are joined by one)', { Search: 'a\nb' }],
  ['an exact filter beside an inexact one', { VideoCodec: 'h264', MaxHeight: 720 }],
])('leaves uncounted %s', (_, search) => {
  expect(conditions(search).exact).toBe(false);
});

it('says each value as a parameter, LIKE’s own characters taken literally, and a code-less failure as no code', () => {
  expect(conditions({ Search: '50%_off\\', ErrorCode: '—' })).toEqual({
    where: ['search_text LIKE $1', "status = 'Fail'", 'error_code IS NULL'],
    exact: true,
    params: ['%50\\%\\_off\\\\%'],
  });
  expect(conditions({ VideoCodec: 'HEVC' }).params).toEqual(['hevc']);
});
