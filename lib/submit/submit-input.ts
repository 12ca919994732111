import { z } from 'zod';
import type { InputReason } from '@/lib/errors';
import { compactIfJson } from '@/lib/jobs/pretty-json';
import { inferInputType, INPUT_TYPES, MAX_BATCH_LINES, MAX_MEDIA, MAX_NAME, MAX_PIPELINE_ID, MAX_USER_DATA, type InputType } from './submit-limits';

// A probe as a person or a script asks for it, in ICE's names: one schema for POST /api/jobs and POST
// /api/jobs/batch, which the form sends its fields to as they are (the browser runs no zod: it checks
// only what submit-limits.ts says, and shows the API's refusals). A refusal names the field by its path
// (`Input.Media`, `ScheduleConfig.Priority`), with a stable reason the form words in the reader's
// language. Cases:
// - the input's Type may be left out: an oss:// or http(s) URL is an OSS input, 32 hexadecimal digits a
//   media asset id; anything else is refused here, before ICE is asked;
// - a Type that is given is sent as given, so ICE judges a URL sent as a media id (and its refusal
//   lands at Input.Media);
// - UserData counts as sent: JSON is sent compact (the form shows it pretty), so its limit is ICE's.

const JOB_ID = /^[0-9a-zA-Z-]{1,64}$/;
const REGION_ID = /^[a-z]{2,}(-[a-z0-9]+)+$/;

// zod keeps `params` on custom issues only: the reasons of the others come from their codes (reasonOf).
const refuse = (why: string) => ({ error: why });

const media = z
  .string(refuse('must be text'))
  .trim()
  .min(1, refuse('must not be empty'))
  .max(MAX_MEDIA, refuse(`must be at most ${MAX_MEDIA} characters`));

const shared = {
  Name: z
    .string(refuse('must be text'))
    .trim()
    .max(MAX_NAME, refuse(`must be at most ${MAX_NAME} characters`))
    .optional(),
  UserData: z
    .string(refuse('must be text'))
    .transform(compactIfJson)
    .pipe(z.string().max(MAX_USER_DATA, refuse(`must be at most ${MAX_USER_DATA} characters`)))
    .optional(),
  ScheduleConfig: z
    .strictObject(
      {
        PipelineId: z
          .string(refuse('must be text'))
          .trim()
          .max(MAX_PIPELINE_ID, refuse(`must be at most ${MAX_PIPELINE_ID} characters`))
          .regex(/^[\w-]*$/, refuse('must be letters, digits, - or _'))
          .optional(),
        Priority: z
          .custom<number>((v) => Number.isInteger(v) && (v as number) >= 1 && (v as number) <= 10, { error: 'must be a whole number from 1 to 10', params: { reason: 'whole_number', min: 1, max: 10 } })
          .optional(),
      },
      refuse('must be an object with PipelineId and Priority'),
    )
    .optional(),
  Region: z.string(refuse('must be text')).regex(REGION_ID, refuse('must be a region id such as cn-shanghai')).optional(),
};

export const submitBodySchema = z
  .strictObject(
    {
      Input: z.strictObject(
        {
          Type: z.enum(INPUT_TYPES, refuse(`must be one of ${INPUT_TYPES.join(', ')}`)).optional(),
          Media: media,
        },
        refuse('must be an object with Type and Media'),
      ),
      ...shared,
      /** The inline probe (SubmitSyncMediaInfoJob) instead of a job that finishes later. */
      Sync: z.boolean(refuse('must be true or false')).optional(),
      /** The job this one runs again: the new job is linked from its page. */
      RerunOf: z.string(refuse('must be a JobId')).regex(JOB_ID, refuse('must be a JobId')).optional(),
    },
    refuse('must be a JSON object with Input and the optional Name, UserData, ScheduleConfig, Sync'),
  )
  .superRefine((body, ctx) => {
    if (body.Input.Type === undefined && inferInputType(body.Input.Media) === undefined) ctx.addIssue(mediaNotRead(['Input', 'Media']));
  })
  .transform(({ Input, ...rest }) => ({ ...rest, Input: { Type: Input.Type ?? inferInputType(Input.Media)!, Media: Input.Media } }));

export type SubmitBody = z.input<typeof submitBodySchema>;
export type SubmitRequest = z.output<typeof submitBodySchema>;

export const batchBodySchema = z.strictObject(
  {
    Inputs: z
      .array(z.string(refuse('must hold text lines')), refuse('must be a list of inputs'))
      .transform((lines) => lines.map((line) => line.trim()).filter(Boolean))
      .pipe(
        z
          .array(z.string())
          .min(1, refuse('must hold at least one input'))
          .max(MAX_BATCH_LINES, refuse(`must hold at most ${MAX_BATCH_LINES} inputs`)),
      ),
    ...shared,
  },
  refuse('must be a JSON object with Inputs and the optional Name, UserData, ScheduleConfig'),
);

export type BatchBody = z.input<typeof batchBodySchema>;
export type BatchRequest = z.output<typeof batchBodySchema>;

function mediaNotRead(path: PropertyKey[]) {
  return {
    code: 'custom' as const,
    path,
    message: 'must be an oss://bucket/object or http(s) URL, or a media asset id (32 hexadecimal digits)',
    params: { reason: 'media_input' },
  };
}

/** One line of a batch as ICE's Input, or why it cannot be one. */
export function batchLineInput(line: string): { Type: InputType; Media: string } | { field: string; why: string; params: InputReason } {
  if (line.length > MAX_MEDIA) return { field: 'Input.Media', why: `must be at most ${MAX_MEDIA} characters`, params: { reason: 'too_long', max: MAX_MEDIA } };
  const type = inferInputType(line);
  return type ? { Type: type, Media: line } : { field: 'Input.Media', why: mediaNotRead([]).message, params: { reason: 'media_input' } };
}

export interface FieldRefusal {
  /** The field by its path, e.g. Input.Media; `body` when the body is not an object at all. */
  field: string;
  why: string;
  params: InputReason;
}

/** The first problem of a body, by field path, or the parsed request. */
export function checkBody<S extends z.ZodType>(schema: S, body: unknown): { ok: true; value: z.output<S> } | ({ ok: false } & FieldRefusal) {
  const result = schema.safeParse(body);
  if (result.success) return { ok: true, value: result.data };
  const issue = result.error.issues[0]!;
  if (issue.code === 'unrecognized_keys') {
    return { ok: false, field: [...issue.path, issue.keys[0] ?? ''].join('.'), why: 'is not a field of a submit', params: { reason: 'not_a_field' } };
  }
  if (issue.code === 'invalid_type' && issue.path.length > 0 && valueAt(body, issue.path) === undefined) {
    return { ok: false, field: issue.path.join('.'), why: 'is required', params: { reason: 'required' } };
  }
  return { ok: false, field: issue.path.length > 0 ? issue.path.join('.') : 'body', why: issue.message, params: reasonOf(issue) };
}

function valueAt(body: unknown, path: PropertyKey[]): unknown {
  return path.reduce<unknown>((value, key) => (typeof value === 'object' && value !== null ? (value as Record<PropertyKey, unknown>)[key] : undefined), body);
}

function reasonOf(issue: z.core.$ZodIssue): InputReason {
  if (issue.path.at(-1) === 'Sync') return { reason: 'one_of', allowed: 'true, false' };
  switch (issue.code) {
    case 'too_small':
      return { reason: 'required' };
    case 'too_big':
      return issue.origin === 'array' ? { reason: 'too_many_lines', max: Number(issue.maximum) } : { reason: 'too_long', max: Number(issue.maximum) };
    case 'invalid_value':
      return { reason: 'one_of', allowed: issue.values.map(String).join(', ') };
    case 'custom':
      return (issue.params as InputReason | undefined) ?? { reason: 'characters' };
    default:
      return { reason: 'characters' };
  }
}
