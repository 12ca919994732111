// ffprobe-like media information for the emulator's jobs, and the outcome of a submitted job. A probe
// reads as the files do: catalogue (what media can be), location (where the file is), plan (what is
// inside it), write (the plan as ICE's fields), outcome (what a submitted job ends as).
export { MEDIA_EXTENSIONS } from './catalogue';
export { compact } from './fields';
export { locateMedia, objectNameOf, type MediaLocation } from './location';
export { probeSubmittedInput, resourceNotFound, successResult, unsupportedFormat, type ProbeOutcome } from './outcome';
export { probeMedia } from './write';
