import { z } from 'zod';
import type { MediaInfoJob } from '@/lib/ice/schemas';
import { CHECK_IDS, hasFinding } from '@/lib/checks/media-checks';
import { evaluateSpec, SPEC_ID, type DeliverySpec } from '@/lib/specs/delivery-spec';
import { frameRateKey } from '@/lib/format/frame-rate';
import { failureReason, normaliseMessage } from './failure-reason';

// The portal's own filters, past what ICE can filter: a free-text search and the media properties a
// media engineer asks for. The schema reads them from a URL; matchesSearch applies them to one job, the
// same for the list, the API and the export. Names follow ICE's PascalCase style.

const MAX_HEIGHT = 100_000;
/** Longest ErrorMessage filter: a grouped ICE message, which is far shorter. */
export const MAX_ERROR_MESSAGE = 1000;
const height = z.coerce
  .number({ error: `must be a whole number of pixels from 1 to ${MAX_HEIGHT}` })
  .int({ error: `must be a whole number of pixels from 1 to ${MAX_HEIGHT}` })
  .min(1, { error: `must be a whole number of pixels from 1 to ${MAX_HEIGHT}` })
  .max(MAX_HEIGHT, { error: `must be a whole number of pixels from 1 to ${MAX_HEIGHT}` });
const yesNo = z.enum(['true', 'false'], { error: 'must be true or false' }).transform((v) => v === 'true');
const word = (what: string) => z.string().trim().min(1).max(32, { error: `must be at most 32 characters` }).regex(/^[\w.,-]+$/, { error: `must be a ${what} name such as h264` });

export const searchFiltersSchema = z
  .object({
    Search: z.string().trim().min(1).max(200, { error: 'must be at most 200 characters' }).optional(),
    VideoCodec: word('codec').optional(),
    AudioCodec: word('codec').optional(),
    Container: word('container').optional(),
    MinHeight: height.optional(),
    MaxHeight: height.optional(),
    HasAudio: yesNo.optional(),
    HasVideo: yesNo.optional(),
    // A failure group of the insights: ICE's code, and the message as grouped (normaliseMessage).
    ErrorCode: z.string().trim().min(1).max(64, { error: 'must be at most 64 characters' }).optional(),
    // A media check that finds something in the file (lib/checks/media-checks.ts).
    Check: z.enum(CHECK_IDS, { error: `must be one of ${CHECK_IDS.join(', ')}` }).optional(),
    // A delivery spec (MEDIA_SPECS_FILE) the file passes or fails; which specs exist is checked on the
    // server (parse-list-query.ts), where the file is read.
    Spec: z.string().regex(SPEC_ID, { error: 'must be a spec id such as web-1080p' }).optional(),
    SpecResult: z.enum(['pass', 'fail'], { error: 'must be one of pass, fail' }).optional(),
    ErrorMessage: z.string().trim().min(1).max(MAX_ERROR_MESSAGE, { error: `must be at most ${MAX_ERROR_MESSAGE} characters` }).optional(),
    // The main video stream's frame rate as the insights count it (lib/format/frame-rate.ts frameRateKey).
    FrameRate: z
      .string()
      .trim()
      .refine((value) => /^\d{1,4}(\.\d{1,3})?$/.test(value) && Number(value) > 0 && Number(value) <= 1000, { error: 'must be a frame rate such as 25 or 29.97', params: { reason: 'frame_rate' } })
      .transform((value) => String(Math.round(Number(value) * 100) / 100))
      .optional(),
  })
  .refine((f) => f.SpecResult === undefined || f.Spec !== undefined, { error: 'needs a Spec to pass or fail', path: ['SpecResult'] })
  .refine((f) => f.MinHeight === undefined || f.MaxHeight === undefined || f.MaxHeight >= f.MinHeight, {
    error: 'must not be below MinHeight',
    path: ['MaxHeight'],
    params: { reason: 'below_min_height' },
  });

export type SearchFilters = z.output<typeof searchFiltersSchema>;

const lower = (text: string | undefined) => (text ?? '').toLowerCase();

/** The main video stream's height: the file's own, else the first video stream's. */
function heightOf(job: MediaInfoJob): number | undefined {
  const info = job.MediaInfoProperty;
  const raw = info?.FileBasicInfo?.Height || info?.VideoStreamInfoList?.[0]?.Height;
  const value = Number(raw);
  return raw && Number.isFinite(value) ? value : undefined;
}

/**
 * Whether one job passes every portal filter that is set. A job ICE has not probed yet has no media.
 * `spec` is the spec `Spec` names (the caller reads the specs file): a job fails the filter without it.
 */
export function matchesSearch(job: MediaInfoJob, filters: SearchFilters, spec?: DeliverySpec): boolean {
  const info = job.MediaInfoProperty;
  const video = info?.VideoStreamInfoList ?? [];
  const audio = info?.AudioStreamInfoList ?? [];
  if (filters.Search !== undefined) {
    const needle = filters.Search.toLowerCase();
    if (!searchHaystack(job).some((text) => lower(text).includes(needle))) return false;
  }
  if (filters.VideoCodec !== undefined && !video.some((s) => lower(s.Codec_name) === filters.VideoCodec!.toLowerCase())) return false;
  if (filters.AudioCodec !== undefined && !audio.some((s) => lower(s.CodecName) === filters.AudioCodec!.toLowerCase())) return false;
  if (filters.Container !== undefined) {
    // ffprobe names a demuxer family ("mov,mp4,m4a,3gp,3g2,mj2"): any member matches.
    const names = lower(info?.FileBasicInfo?.FormatName).split(',').map((n) => n.trim());
    if (!names.includes(filters.Container.toLowerCase())) return false;
  }
  if (filters.MinHeight !== undefined || filters.MaxHeight !== undefined) {
    const h = heightOf(job);
    if (h === undefined || (filters.MinHeight !== undefined && h < filters.MinHeight) || (filters.MaxHeight !== undefined && h > filters.MaxHeight)) return false;
  }
  if (filters.FrameRate !== undefined && frameRateKey(video[0]) !== filters.FrameRate) return false;
  if (filters.HasAudio !== undefined && (info !== undefined && audio.length > 0) !== filters.HasAudio) return false;
  if (filters.HasVideo !== undefined && (info !== undefined && video.length > 0) !== filters.HasVideo) return false;
  if (filters.Check !== undefined && !hasFinding(job, filters.Check)) return false;
  // Without SpecResult, the jobs that fail: the question a spec is asked most. Only a successful probe is
  // judged: a job that failed or is still running is not a delivery that fails the spec.
  if (filters.Spec !== undefined && (!spec || job.Status !== 'Success' || evaluateSpec(job, spec).Passed !== (filters.SpecResult === 'pass'))) return false;
  if (filters.ErrorCode !== undefined || filters.ErrorMessage !== undefined) {
    if (job.Status !== 'Fail') return false;
    const { code = '—', message = '' } = failureReason(job);
    if (filters.ErrorCode !== undefined && code !== filters.ErrorCode) return false;
    if (filters.ErrorMessage !== undefined && normaliseMessage(message) !== normaliseMessage(filters.ErrorMessage)) return false;
  }
  return true;
}

/** The texts `Search` looks in: the name, the input (and its decoded form), the file name, UserData. */
export function searchHaystack(job: MediaInfoJob): (string | undefined)[] {
  return [job.Name, job.Input?.Media, safeDecode(job.Input?.Media), job.MediaInfoProperty?.FileBasicInfo?.FileName, job.UserData];
}

/** http(s) inputs arrive percent-encoded; a search for "Director's Cut" must find them. */
function safeDecode(text: string | undefined): string | undefined {
  if (!text) return undefined;
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}
