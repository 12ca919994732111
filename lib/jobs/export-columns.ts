// One CSV row per job: what a spreadsheet user sorts, sums and filters on. The list's own summary
// (job-summary.ts) and lib/format's parsers give the values, so a file and the screen agree; numbers
// stay numbers in plain units (seconds, bytes, kbit/s), times are UTC in the form spreadsheets read as
// a date. Absent values are empty cells, never the screen's "—".
import { parseFrameRate } from '@/lib/format/frame-rate';
import { MISSING, parseMediaNumber } from '@/lib/format/numbers';
import { elapsedBetween, formatTime } from '@/lib/format/time';
import type { MediaInfoJob } from '@/lib/ice/schemas';
import { failureReason } from './failure-reason';
import { summarizeJob } from './job-summary';

export const EXPORT_COLUMNS = [
  'JobId',
  'Name',
  'Status',
  'TriggerSource',
  'SubmitTime (UTC)',
  'FinishTime (UTC)',
  'Processing (s)',
  'Input type',
  'Input',
  'Pipeline',
  'Container',
  'Duration (s)',
  'Size (bytes)',
  'Bitrate (kbit/s)',
  'Resolution',
  'Video codec',
  'Frame rate (fps)',
  'Audio codecs',
  'Video streams',
  'Audio streams',
  'Failure code',
  'Failure message',
] as const;

/** Strings are people's (or ICE's) text and get neutralised against formulas; numbers are the portal's own. */
export type ExportCell = string | number | undefined;
export type ExportRecord = Record<(typeof EXPORT_COLUMNS)[number], ExportCell>;

export function exportRecord(job: MediaInfoJob): ExportRecord {
  const summary = summarizeJob(job);
  const info = job.MediaInfoProperty;
  const file = info?.FileBasicInfo;
  const video = info?.VideoStreamInfoList ?? [];
  const audio = info?.AudioStreamInfoList ?? [];
  const mainVideo = video[0];
  const elapsed = elapsedBetween(job.SubmitTime, job.FinishTime);
  const failure = failureReason(job);
  const frameRate = parseFrameRate(mainVideo?.Fps);
  return {
    JobId: job.JobId,
    Name: job.Name,
    Status: job.Status,
    TriggerSource: job.TriggerSource,
    'SubmitTime (UTC)': utc(job.SubmitTime),
    'FinishTime (UTC)': utc(job.FinishTime),
    'Processing (s)': elapsed === undefined ? undefined : elapsed / 1000,
    'Input type': job.Input?.Type,
    Input: job.Input?.Media,
    Pipeline: job.ScheduleConfig?.PipelineId,
    Container: present(summary.container),
    'Duration (s)': parseMediaNumber(file?.Duration),
    'Size (bytes)': parseMediaNumber(file?.FileSize),
    'Bitrate (kbit/s)': parseMediaNumber(file?.Bitrate),
    Resolution: present(summary.resolution),
    'Video codec': mainVideo?.Codec_name,
    'Frame rate (fps)': frameRate === undefined ? undefined : Math.round(frameRate * 1000) / 1000,
    'Audio codecs': present(summary.audioCodecs),
    'Video streams': info ? video.length : undefined,
    'Audio streams': info ? audio.length : undefined,
    'Failure code': failure.code,
    'Failure message': failure.message,
  };
}

const present = (text: string) => (text === MISSING ? undefined : text);

/** "2024-07-01 08:00:00": the UTC time without its zone name, which would make a spreadsheet read text. */
const utc = (iso: string | undefined) => present(formatTime(iso, { timeZone: 'UTC', locale: 'en' }).replace(/ UTC$/, ''));
