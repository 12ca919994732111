// The media checks' ids, apart from the checks themselves: what the filter bar offers in the browser,
// without the code of every check (lib/checks/media-checks.ts).
export const CHECK_IDS = [
  'zero-duration',
  'no-video',
  'no-audio',
  'vfr',
  'rotated',
  'non-square-pixels',
  'odd-dimensions',
  'av-duration-mismatch',
  'av-start-offset',
  'high-bit-depth',
  'chroma-444-or-422',
  'multiple-video-streams',
  'many-audio-streams',
  'surround-audio',
  'unusual-sample-rate',
  'low-bitrate',
  'extension-mismatch',
] as const;
export type CheckId = (typeof CHECK_IDS)[number];
