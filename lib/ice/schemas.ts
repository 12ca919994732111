// Every boundary schema for ICE media-info jobs, defined once and shared by the route handlers, the
// pages and the tests. No secrets here and no 'server-only': client components reuse the enums.
import { z } from 'zod';
import { invalidInput, type InputReason } from '@/lib/errors';
import { JOB_ORDERS, JOB_STATUSES, MAX_PAGE_SIZE, type ListJobsParam } from './list-jobs-params';

// ---- request: ListMediaInfoJobs, under the API's own parameter names -------------------------------

const ISO_8601 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/i;

/** Any ISO 8601 time with an explicit offset, sent on as ICE wants it: UTC, whole seconds, `Z`. */
const utcTime = z
  .string()
  .max(40, { error: 'is too long for a time' })
  .refine((v) => ISO_8601.test(v) && !Number.isNaN(Date.parse(v)), {
    error: 'must be an ISO 8601 time with an offset, such as 2024-07-01T08:00:00Z or 2024-07-01T16:00:00+08:00',
    params: { reason: 'time' },
  })
  .transform((v) => new Date(Math.floor(Date.parse(v) / 1000) * 1000).toISOString().replace('.000Z', 'Z'));

export const jobIdSchema = z
  .string()
  .max(64, { error: 'must be at most 64 characters' })
  .regex(/^[A-Za-z0-9_-]+$/, { error: 'must contain only letters, digits, "-" and "_"' });

export const listJobsQuerySchema = z
  .object({
    StartOfCreateTime: utcTime.optional(),
    EndOfCreateTime: utcTime.optional(),
    JobId: jobIdSchema.optional(),
    Status: z.enum(JOB_STATUSES, { error: `must be one of ${JOB_STATUSES.join(', ')}` }).optional(),
    OrderBy: z.enum(JOB_ORDERS, { error: `must be one of ${JOB_ORDERS.join(', ')}` }).optional(),
    PageSize: z.coerce
      .number({ error: `must be a whole number from 1 to ${MAX_PAGE_SIZE}` })
      .int({ error: `must be a whole number from 1 to ${MAX_PAGE_SIZE}` })
      .min(1, { error: `must be a whole number from 1 to ${MAX_PAGE_SIZE}` })
      .max(MAX_PAGE_SIZE, { error: `must be a whole number from 1 to ${MAX_PAGE_SIZE}` })
      .optional(),
    NextPageToken: z
      .string()
      .max(1024, { error: 'is too long' })
      .regex(/^[A-Za-z0-9._~+/=-]+$/, { error: 'is not a page token this portal issued' })
      .optional(),
  })
  .refine((q) => !q.StartOfCreateTime || !q.EndOfCreateTime || q.EndOfCreateTime >= q.StartOfCreateTime, {
    error: 'must not be earlier than StartOfCreateTime',
    path: ['EndOfCreateTime'],
    params: { reason: 'end_before_start' },
  });

export type ListJobsQuery = z.output<typeof listJobsQuerySchema>;
// The zod-free list of names must be exactly the schema's keys: this line fails to compile otherwise.
const _sameNames: [ListJobsParam, keyof ListJobsQuery] extends [keyof ListJobsQuery, ListJobsParam] ? true : never = true;

export function parseJobId(raw: string): string {
  return parseOrThrow(z.object({ JobId: jobIdSchema }), { JobId: raw }).JobId;
}

/** The whole numbers parameters take: a refusal names the range whichever end it broke. */
const NUMBER_RANGES: Record<string, [number, number]> = { PageSize: [1, MAX_PAGE_SIZE], MinHeight: [1, 100_000], MaxHeight: [1, 100_000] };

/** Why zod refused a value, as a stable reason a page can word in its own language (lib/errors.ts InputReason). */
function reasonOf(field: string, issue: z.core.$ZodIssue): InputReason | undefined {
  const range = NUMBER_RANGES[field];
  if (range) return issue.code === 'custom' ? { reason: 'below_min_height' } : { reason: 'whole_number', min: range[0], max: range[1] };
  if (field === 'NextPageToken') return { reason: 'not_ours' };
  switch (issue.code) {
    case 'invalid_value':
      return { reason: 'one_of', allowed: issue.values.map(String).join(', ') };
    case 'too_big':
      return issue.origin === 'string' ? { reason: 'too_long', max: Number(issue.maximum) } : undefined;
    case 'invalid_format':
    case 'too_small':
      return { reason: 'characters' };
    case 'custom': {
      const params = issue.params as { reason?: string; min?: number; max?: number } | undefined;
      if (params?.reason === 'whole_number') return { reason: 'whole_number', min: Number(params.min), max: Number(params.max) };
      return params?.reason === 'time' || params?.reason === 'end_before_start' || params?.reason === 'frame_rate' ? { reason: params.reason } : undefined;
    }
    default:
      return undefined;
  }
}

/** The value, or a 400 naming the first parameter at fault, and why in words and as a reason. */
export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = String(issue?.path[0] ?? 'query');
  throw invalidInput(field, issue?.message ?? 'is invalid', issue ? reasonOf(field, issue) : undefined);
}

// ---- responses: what ICE really sends ---------------------------------------------------------------

const absentIfNull = (v: unknown) => (v === null ? undefined : v);
/**
 * Media numbers and names: ICE sends strings, but a number must not break the page. A string, the
 * usual case, is settled by the union's first member without any transform: half the cost of a
 * preprocess in front of the union, on the hottest path of every ICE answer (dozens of fields a job).
 */
const text = z.union([z.string(), z.number().transform(String), z.boolean().transform(String), z.null().transform(() => undefined)]).optional();
const list = <T extends z.ZodType>(item: T) => z.preprocess(absentIfNull, z.array(item).optional());

export const fileBasicInfoSchema = z.looseObject({
  MediaId: text,
  FileName: text,
  FileStatus: text,
  FileType: text,
  FileSize: text,
  FileUrl: text,
  Region: text,
  FormatName: text,
  Duration: text,
  Bitrate: text,
  Width: text,
  Height: text,
});

export const audioStreamSchema = z.looseObject({
  Index: text,
  CodecName: text,
  CodecLongName: text,
  CodecTimeBase: text,
  CodecTagString: text,
  CodecTag: text,
  SampleFmt: text,
  SampleRate: text,
  Channels: text,
  ChannelLayout: text,
  Timebase: text,
  StartTime: text,
  Duration: text,
  Bitrate: text,
  Lang: text,
});

export const videoStreamSchema = z.looseObject({
  Index: text,
  Codec_name: text,
  Codec_long_name: text,
  Profile: text,
  Codec_time_base: text,
  Codec_tag_string: text,
  Codec_tag: text,
  Width: text,
  Height: text,
  Has_b_frames: text,
  Sar: text,
  Dar: text,
  PixFmt: text,
  Level: text,
  Fps: text,
  Avg_fps: text,
  Time_base: text,
  Start_time: text,
  Duration: text,
  Bit_rate: text,
  NumFrames: text,
  Lang: text,
  Rotate: text,
});

export const mediaInfoPropertySchema = z.looseObject({
  FileBasicInfo: z.preprocess(absentIfNull, fileBasicInfoSchema.optional()),
  AudioStreamInfoList: list(audioStreamSchema),
  VideoStreamInfoList: list(videoStreamSchema),
});

/** SubmitResultJson is documented as an object; a JSON string of one is taken too. */
const submitResult = z.preprocess((v) => {
  if (typeof v !== 'string') return absentIfNull(v);
  try {
    return JSON.parse(v);
  } catch {
    return { Message: v };
  }
}, z.record(z.string(), z.unknown()).optional());

export const mediaInfoJobSchema = z.looseObject({
  JobId: z.string().min(1),
  Name: text,
  TriggerSource: text,
  Input: z.preprocess(absentIfNull, z.looseObject({ Type: text, Media: text }).optional()),
  Async: z.preprocess(
    (v) => (v === 'true' ? true : v === 'false' ? false : absentIfNull(v)),
    z.boolean().optional(),
  ),
  UserData: text,
  ScheduleConfig: z.preprocess(
    absentIfNull,
    z.looseObject({ PipelineId: text, Priority: z.preprocess(absentIfNull, z.coerce.number().optional()) }).optional(),
  ),
  /** Init, Success or Fail today; an unknown future status is kept and shown as it is. */
  Status: z.string(),
  SubmitResultJson: submitResult,
  MediaInfoProperty: z.preprocess(absentIfNull, mediaInfoPropertySchema.optional()),
  SubmitTime: text,
  FinishTime: text,
  RequestId: text,
});

export const listJobsResponseSchema = z.object({
  RequestId: text,
  Jobs: z.preprocess((v) => v ?? [], z.array(mediaInfoJobSchema)),
  /** ICE may end with an absent or an empty token: both mean "no more pages". */
  NextPageToken: z.preprocess((v) => (v === '' || v === null ? undefined : v), z.string().optional()),
});

export const getJobResponseSchema = z.object({
  RequestId: text,
  MediaInfoJob: mediaInfoJobSchema,
});

export type MediaInfoJob = z.output<typeof mediaInfoJobSchema>;
export type MediaInfoProperty = z.output<typeof mediaInfoPropertySchema>;
export type FileBasicInfo = z.output<typeof fileBasicInfoSchema>;
export type AudioStreamInfo = z.output<typeof audioStreamSchema>;
export type VideoStreamInfo = z.output<typeof videoStreamSchema>;
export type ListJobsResponse = z.output<typeof listJobsResponseSchema>;
export type GetJobResponse = z.output<typeof getJobResponseSchema>;

/** Submit input, for the client call; the portal itself does not submit yet. */
export const submitJobInputSchema = z.object({
  Input: z.object({ Type: z.enum(['OSS', 'Media']), Media: z.string().min(1).max(2048) }),
  Name: z.string().max(128).optional(),
  UserData: z.string().max(1024).optional(),
  ScheduleConfig: z.object({ PipelineId: z.string().optional(), Priority: z.number().int().min(1).max(10).optional() }).optional(),
});
export type SubmitJobInput = z.input<typeof submitJobInputSchema>;
