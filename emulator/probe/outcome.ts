// Outcome of a submitted job (probeSubmittedInput), decided from the input alone, so that submitting
// the same input twice gives the same job:
//   1. The object name (the OSS key of `oss://bucket/key`, the path of an http(s) URL, or the media id
//      of a Media input) contains `missing`, `nonexistent` or `does-not-exist`, in any case
//      → Fail, SubmitResultJson { Code: "InvalidParameter.ResourceNotFound", Message: "The specified
//      object does not exist: oss://…" }.
//   2. Else, the object name ends in an extension that is not a media one
//      → Fail, SubmitResultJson { Code: "InvalidMedia.UnsupportedFormat", Message: "Unsupported media
//      format: …: Invalid data found when processing input" } (ffprobe's own wording).
//      Media extensions, any case: mp4 m4v 3gp mov mkv webm ts mts m2ts flv m3u8 m4a mp3 wav aac.
//   3. Else Success, with probe data. A name without an extension (a media id, or an OSS object such as
//      `uploads/raw-1234`) succeeds too: ffprobe sniffs the content, so its container is drawn.
import type { JobInput, MediaInfoProperty } from '../ice-types';
import { createRandom, hashString } from '../random';
import { EXTENSIONS } from './catalogue';
import { extensionOf, objectNameOf } from './location';
import { probeMedia } from './write';

export type ProbeOutcome =
  | { Status: 'Success'; MediaInfoProperty: MediaInfoProperty; SubmitResultJson: Record<string, unknown> }
  | { Status: 'Fail'; SubmitResultJson: Record<string, unknown> };

const NOT_FOUND_MARKERS = /missing|nonexistent|does-not-exist/i;

/** The outcome of a submitted job, from its input alone (rules at the top of this file). */
export function probeSubmittedInput(input: JobInput): ProbeOutcome {
  const objectName = objectNameOf(input.Media);
  if (NOT_FOUND_MARKERS.test(objectName)) return { Status: 'Fail', SubmitResultJson: resourceNotFound(input) };
  const extension = extensionOf(objectName);
  if (extension !== '' && !(extension in EXTENSIONS)) return { Status: 'Fail', SubmitResultJson: unsupportedFormat(input.Media) };
  const rng = createRandom(hashString(`${input.Type}:${input.Media}`));
  return { Status: 'Success', MediaInfoProperty: probeMedia(input.Media, rng), SubmitResultJson: successResult() };
}

export function successResult(): Record<string, unknown> {
  return { Code: 'Success', Message: 'ok' };
}

export function resourceNotFound(input: JobInput): Record<string, unknown> {
  return input.Type === 'Media'
    ? { Code: 'InvalidParameter.ResourceNotFound', Message: `The specified media asset does not exist: ${input.Media}` }
    : { Code: 'InvalidParameter.ResourceNotFound', Message: `The specified object does not exist: ${input.Media}` };
}

export function unsupportedFormat(media: string): Record<string, unknown> {
  return {
    Code: 'InvalidMedia.UnsupportedFormat',
    Message: `Unsupported media format: ${media}: Invalid data found when processing input`,
  };
}
