import { PortalError } from '@/lib/errors';
import { parseListQuery } from '@/lib/jobs/parse-list-query';

// Every refusal of the list's URL carries a reason a page can word in the reader's language, beside
// the English the API sends; a refusal without one would leave English on a Chinese page.
const refusal = (raw: Record<string, string> | URLSearchParams) => {
  try {
    parseListQuery(raw);
  } catch (error) {
    expect(error).toBeInstanceOf(PortalError);
    return (error as PortalError).params;
  }
  throw new Error('accepted');
};

it.each<[Record<string, string> | URLSearchParams, Record<string, unknown>]>([
  [{ Status: 'Done' }, { field: 'Status', reason: 'one_of', allowed: 'Init, Success, Fail' }],
  [{ OrderBy: 'Name' }, { field: 'OrderBy', reason: 'one_of', allowed: 'CreateTimeDesc, CreateTimeAsc' }],
  [{ PageSize: '500' }, { field: 'PageSize', reason: 'whole_number', min: 1, max: 100 }],
  [{ PageSize: 'ten' }, { field: 'PageSize', reason: 'whole_number', min: 1, max: 100 }],
  [{ StartOfCreateTime: 'yesterday' }, { field: 'StartOfCreateTime', reason: 'time' }],
  [{ StartOfCreateTime: '2024-07-02T00:00:00Z', EndOfCreateTime: '2024-07-01T00:00:00Z' }, { field: 'EndOfCreateTime', reason: 'end_before_start' }],
  [{ JobId: 'a b' }, { field: 'JobId', reason: 'characters' }],
  [{ JobId: 'a'.repeat(65) }, { field: 'JobId', reason: 'too_long', max: 64 }],
  [{ NextPageToken: 'not a token' }, { field: 'NextPageToken', reason: 'not_ours' }],
  [{ Search: 'x'.repeat(201) }, { field: 'Search', reason: 'too_long', max: 200 }],
  [{ VideoCodec: 'h264;drop' }, { field: 'VideoCodec', reason: 'characters' }],
  [{ MinHeight: '0' }, { field: 'MinHeight', reason: 'whole_number', min: 1, max: 100000 }],
  [{ MinHeight: '1080', MaxHeight: '720' }, { field: 'MaxHeight', reason: 'below_min_height' }],
  [{ FrameRate: 'fast' }, { field: 'FrameRate', reason: 'frame_rate' }],
  [{ FrameRate: '0' }, { field: 'FrameRate', reason: 'frame_rate' }],
  [{ FrameRate: '30000/1001' }, { field: 'FrameRate', reason: 'frame_rate' }],
  [{ HasAudio: 'maybe' }, { field: 'HasAudio', reason: 'one_of', allowed: 'true, false' }],
  [{ Since: '2w' }, { field: 'Since', reason: 'one_of', allowed: '1h, 24h, 7d, 30d' }],
  [{ Since: '7d', StartOfCreateTime: '2024-07-01T00:00:00Z' }, { field: 'Since', reason: 'since_with_start' }],
  [{ Trail: 'a b' }, { field: 'Trail', reason: 'not_ours' }],
  [{ Select: 'a b' }, { field: 'Select', reason: 'characters' }],
  [new URLSearchParams('Status=Fail&Status=Init'), { field: 'Status', reason: 'repeated' }],
])('refuses %j with the reason %j', (raw, expected) => {
  expect(refusal(raw)).toMatchObject(expected);
});
