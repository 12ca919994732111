import type { SearchFilters } from '@/lib/jobs/search-filters';

// The search filters as SQL over the index's columns (lib/index/job-row.ts), so the database returns
// the matching rows through its indexes instead of every row of the window. Each condition selects the
// jobs matchesSearch keeps or more, never fewer: the scan plan's `keep` still decides each row, so where
// SQL cannot say a filter exactly (a spec's rules, a grouped message, a height ICE wrote as 0) it says
// only what is sure (the status) and leaves the rest to `keep`.

/** `%`, `_` and `\` match literally in a LIKE pattern. */
const likeLiteral = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * The WHERE conditions for `search` (`param` adds a value and answers its placeholder), and whether they
 * select exactly the jobs matchesSearch keeps, so that a count of the rows is the count of matches.
 */
export function searchConditions(search: SearchFilters | undefined, param: (value: unknown) => string): { where: string[]; exact: boolean } {
  if (!search) return { where: [], exact: true };
  const where: string[] = [];
  // search_text holds the haystack lower-cased (JS's toLowerCase, as matchesSearch does); the trigram index answers LIKE.
  if (search.Search !== undefined) where.push(`search_text LIKE ${param(`%${likeLiteral(search.Search.toLowerCase())}%`)}`);
  if (search.VideoCodec !== undefined) where.push(`video_codecs @> ARRAY[${param(search.VideoCodec.toLowerCase())}]::text[]`);
  if (search.AudioCodec !== undefined) where.push(`audio_codecs @> ARRAY[${param(search.AudioCodec.toLowerCase())}]::text[]`);
  if (search.Container !== undefined) where.push(`format_names @> ARRAY[${param(search.Container.toLowerCase())}]::text[]`);
  if (search.MinHeight !== undefined) where.push(`height >= ${param(search.MinHeight)}`);
  // A row keeps no height of 0 or below, which matchesSearch reads as a height under any maximum.
  if (search.MaxHeight !== undefined) where.push(`(height IS NULL OR height <= ${param(search.MaxHeight)})`);
  if (search.HasAudio !== undefined) where.push(search.HasAudio ? 'audio_streams > 0' : 'audio_streams = 0');
  if (search.HasVideo !== undefined) where.push(search.HasVideo ? 'video_streams > 0' : 'video_streams = 0');
  if (search.Check !== undefined) where.push(`check_ids @> ARRAY[${param(search.Check)}]::text[]`);
  if (search.Spec !== undefined) where.push(`status = 'Success'`);
  if (search.ErrorCode !== undefined || search.ErrorMessage !== undefined) where.push(`status = 'Fail'`);
  // matchesSearch reads a failure without a code as '—'.
  if (search.ErrorCode !== undefined) where.push(search.ErrorCode === '—' ? 'error_code IS NULL' : `error_code = ${param(search.ErrorCode)}`);
  // Said only in part: a line break in the needle could match across the texts search_text joins;
  // MaxHeight keeps rows without a height; a spec's rules, a grouped message and a frame rate are left to `keep`.
  const exact = !search.Search?.includes('\n') && search.MaxHeight === undefined && search.Spec === undefined && search.ErrorMessage === undefined && search.FrameRate === undefined;
  return { where, exact };
}
