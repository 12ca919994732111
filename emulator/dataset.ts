// The emulator's seeded jobs. Job n of a dataset is a pure function of (seed, anchorMs, n): the store
// keeps only a header per job (id, create time, status) and rebuilds the whole job when a page needs
// it, so 100,000 jobs cost a few megabytes. The header has its own random stream, so it is cheap to
// draw at start-up and buildJob can draw it again without building anything else.
import type { JobInput, JobStatus, MediaInfoJob, MediaInfoProperty, ScheduleConfig, TriggerSource } from './ice-types';
import { compact, locateMedia, probeMedia, resourceNotFound, successResult, unsupportedFormat } from './probe';
import { createRandom, mixSeed, type Random, type Weighted } from './random';
import { withOddities } from './probe/oddities';

export interface JobHeader {
  n: number;
  JobId: string;
  createdAtMs: number;
  Status: JobStatus;
}

export interface DatasetOptions {
  seed: number;
  /** "Now" of the dataset: create times spread over about 90 days before it. */
  anchorMs: number;
}

/** Separate random streams per job: changing what a body draws never moves headers around. */
const SALT = { header: 0x68656164, body: 0x626f6479, jobId: 0x6a6f6269, pipeline: 0x70697065, oddity: 0x6f646469 } as const;

const SECOND = 1000;
const HOUR = 3600;
const DAY = 86_400;
const SPAN_DAYS = 90;
/** Init jobs are the ones still queued: submitted in the last few hours. */
const INIT_WINDOW_SECONDS = 3 * HOUR;

const STATUS_MIX: Weighted<JobStatus> = [
  ['Success', 85],
  ['Fail', 10],
  ['Init', 5],
];

/** Submissions by UTC hour: the team works on Beijing time (UTC+8), with a trickle of night batches. */
const HOURS_UTC: Weighted<number> = Array.from({ length: 24 }, (_, utcHour) => {
  const beijingHour = (utcHour + 8) % 24;
  const weight = beijingHour >= 9 && beijingHour < 19 ? 10 : beijingHour >= 19 ? 5 : beijingHour >= 7 ? 3 : 1;
  return [utcHour, weight] as const;
});

// ---------------------------------------------------------------------------------------------
// Header
// ---------------------------------------------------------------------------------------------

/** Id, create time and status of job n: a handful of draws, called once per job at start-up. */
export function jobHeader(options: DatasetOptions, n: number): JobHeader {
  const rng = createRandom(mixSeed(options.seed, n, SALT.header));
  const Status = rng.weighted(STATUS_MIX);
  const createdAtMs = Status === 'Init' ? recentCreateTime(rng, options.anchorMs) : spreadCreateTime(rng, options.anchorMs);
  return { n, JobId: rng.hex(24) + uniqueSuffix(options.seed, n), createdAtMs, Status };
}

/**
 * The last 8 hex digits are a bijection of n (for a seed), so two jobs of a dataset can never share an
 * id, however many there are; the 24 random ones before them keep ids looking like ICE's.
 */
function uniqueSuffix(seed: number, n: number): string {
  return fmix32((n ^ mixSeed(seed, SALT.jobId)) >>> 0).toString(16).padStart(8, '0');
}

/** MurmurHash3's finaliser: invertible, so distinct inputs give distinct outputs. */
function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Over the 90 days before the anchor, denser near it (usage grows), in working hours. */
/** Share of finished jobs from the last few hours, so the newest page mixes running and finished work. */
const RECENT_SHARE = 0.1;

function spreadCreateTime(rng: Random, anchorMs: number): number {
  const anchor = Math.floor(anchorMs / SECOND);
  if (rng.chance(RECENT_SHARE)) return (anchor - rng.int(5 * 60, 6 * HOUR)) * SECOND;
  const today = anchor - (((anchor % DAY) + DAY) % DAY);
  const daysBack = Math.floor(SPAN_DAYS * Math.pow(rng.next(), 1.25));
  let t = today - daysBack * DAY + rng.weighted(HOURS_UTC) * HOUR + rng.int(0, HOUR - 1);
  if (t > anchor) t -= DAY;
  return t * SECOND;
}

function recentCreateTime(rng: Random, anchorMs: number): number {
  return (Math.floor(anchorMs / SECOND) - rng.int(5, INIT_WINDOW_SECONDS)) * SECOND;
}

// ---------------------------------------------------------------------------------------------
// Full job
// ---------------------------------------------------------------------------------------------

type Failure = 'notFound' | 'accessDenied' | 'unsupported' | 'corrupt' | 'timeout' | 'internal';

const FAILURES: Weighted<Failure> = [
  ['notFound', 30],
  ['accessDenied', 15],
  ['unsupported', 20],
  ['corrupt', 15],
  ['timeout', 10],
  ['internal', 10],
];

const TRIGGER_SOURCES: Weighted<TriggerSource> = [
  ['API', 60],
  ['WorkFlow', 25],
  ['Console', 15],
];

/** Job n of the dataset, in full. Its JobId, Status and SubmitTime are those of jobHeader(options, n). */
export function buildJob(options: DatasetOptions, n: number): MediaInfoJob {
  const header = jobHeader(options, n);
  const rng = createRandom(mixSeed(options.seed, n, SALT.body));
  const failure = header.Status === 'Fail' ? rng.weighted(FAILURES) : undefined;
  const input = drawInput(rng, header.createdAtMs, failure);
  const outcome = drawOutcome(rng, header.Status, input, failure);
  const submit = Math.floor(header.createdAtMs / SECOND);
  const finish = Math.min(submit + processingSeconds(rng, failure), Math.floor(options.anchorMs / SECOND));

  return compact<MediaInfoJob>({
    Name: drawName(rng, input, header.createdAtMs),
    TriggerSource: rng.weighted(TRIGGER_SOURCES),
    JobId: header.JobId,
    Input: input,
    Async: rng.chance(0.92),
    UserData: drawUserData(rng),
    ScheduleConfig: drawScheduleConfig(rng, options.seed),
    Status: header.Status,
    SubmitResultJson: outcome.SubmitResultJson,
    // The rare faults of real uploads, from a stream of their own (emulator/probe/oddities.ts).
    MediaInfoProperty: header.Status === 'Success' && outcome.MediaInfoProperty ? withOddities(outcome.MediaInfoProperty, createRandom(mixSeed(options.seed, n, SALT.oddity))) : outcome.MediaInfoProperty,
    SubmitTime: isoFromEpochSeconds(submit),
    FinishTime: header.Status === 'Init' ? undefined : isoFromEpochSeconds(Math.max(submit, finish)),
  });
}

interface Outcome {
  SubmitResultJson?: Record<string, unknown>;
  MediaInfoProperty?: MediaInfoProperty;
}

function drawOutcome(rng: Random, status: JobStatus, input: JobInput, failure: Failure | undefined): Outcome {
  if (status === 'Init') return {};
  if (status === 'Success') return { SubmitResultJson: successResult(), MediaInfoProperty: probeMedia(input.Media, rng) };
  switch (failure ?? 'internal') {
    case 'notFound':
      return { SubmitResultJson: resourceNotFound(input) };
    case 'unsupported':
      return { SubmitResultJson: unsupportedFormat(input.Media) };
    case 'accessDenied':
      return {
        SubmitResultJson: {
          Code: 'Forbidden.AccessDenied',
          Message:
            `You have no right to access this object because of bucket acl: ${input.Media}. ` +
            'Grant the service role AliyunICEDefaultRole read access to the bucket.',
        },
      };
    case 'corrupt':
      // The file is there but truncated (an upload cut short): ICE knows where and how big it is.
      return {
        SubmitResultJson: {
          Code: 'InvalidMedia.ProbeFailed',
          Message:
            `[mov,mp4,m4a,3gp,3g2,mj2 @ 0x${rng.hex(12)}] moov atom not found; ` +
            `${input.Media}: Invalid data found when processing input`,
        },
        MediaInfoProperty: { FileBasicInfo: partialFileInfo(rng, input, true) },
      };
    case 'timeout':
      return {
        SubmitResultJson: { Code: 'ProbeTimeout', Message: `Probing ${input.Media} did not finish within 600 seconds.` },
        MediaInfoProperty: { FileBasicInfo: partialFileInfo(rng, input, false) },
      };
    case 'internal':
      return {
        SubmitResultJson: {
          Code: 'InternalError',
          Message: 'The request processing has failed due to some unknown error, exception or failure.',
        },
      };
  }
}

function partialFileInfo(rng: Random, input: JobInput, withSize: boolean) {
  const location = locateMedia(input.Media, rng);
  return compact({
    MediaId: location.mediaId,
    FileName: location.fileName,
    FileStatus: 'Normal',
    FileType: 'source_file',
    FileSize: withSize ? String(rng.int(1_000, 50_000_000)) : undefined,
    FileUrl: location.fileUrl,
    Region: location.region,
  });
}

const SUCCESS_DELAYS: Weighted<readonly [number, number]> = [
  [[1, 8], 80],
  [[9, 120], 15],
  [[121, 900], 5],
];

/** Seconds from submit to finish: most probes take seconds, some wait in a busy queue. */
function processingSeconds(rng: Random, failure: Failure | undefined): number {
  switch (failure) {
    case undefined: {
      const [low, high] = rng.weighted(SUCCESS_DELAYS);
      return rng.int(low, high);
    }
    case 'timeout':
      return 600 + rng.int(0, 15);
    case 'internal':
      return rng.int(1, 300);
    default:
      return rng.int(0, 5);
  }
}

// ---------------------------------------------------------------------------------------------
// Inputs: realistic buckets and paths
// ---------------------------------------------------------------------------------------------

interface Place {
  bucket: string;
  key: string;
}

type PlaceTemplate = (rng: Random, at: Date) => Place;

const COURSES = ['高等数学', '线性代数', 'Python 入门', 'Machine Learning 101', '大学物理（上）'] as const;
const TOPICS = ['函数与极限', '导数的应用', '矩阵运算', '概率论基础', 'Lecture Notes', 'Q&A 答疑'] as const;
const CAMPAIGNS = ['2024 Spring Sale', 'Q3 Brand Film', '双十一 预热', 'Product Launch (EU)'] as const;
const CUTS = ['Final Cut', 'Teaser 15s', 'Hero Video (1080p)', 'Product Demo - 中文字幕', "Director's Cut"] as const;
const TITLES = ['the_long_voyage', 'blue_planet_s01e03', 'city_lights_trailer', '山海经_第1集', 'night-market'] as const;
const CHANNELS = ['CCTV-13', 'Dragon-TV', 'Phoenix-InfoNews', 'BBC-One-HD', 'NHK-G', 'ARD-HD'] as const;
const SHOWS = ['tech-talk', 'morning-brief', '声音博物馆', 'founders'] as const;
const SONGS = ['Artist - Song', '周杰伦 - 晴天', 'Daft Punk - Get Lucky', 'Ludovico Einaudi - Nuvole Bianche'] as const;
const LIVE_APPS = ['live', 'sports', 'edu', 'ecommerce'] as const;
const LIVE_STREAMS = ['room_1024', 'match-0412', 'class_3b', 'sale-night', 'anchor_88'] as const;

const PLACES: Weighted<PlaceTemplate> = [
  [(rng, at) => ({ bucket: 'ugc-uploads-prod', key: `uploads/${ymd(at, '/')}/${uuid(rng)}.${rng.weighted(UGC_EXTENSIONS)}` }), 28],
  [(rng, at) => ({ bucket: 'app-user-content', key: `users/${rng.int(100000, 999999)}/${phoneFileName(rng, at)}` }), 15],
  [(rng, at) => ({ bucket: 'live-record-archive', key: liveRecordKey(rng, at) }), 12],
  [(rng, at) => ({ bucket: 'newsroom-ingest', key: broadcastKey(rng, at) }), 6],
  [(rng) => ({ bucket: 'edu-courseware', key: `courses/${rng.pick(COURSES)}/第${rng.int(1, 32)}讲 ${rng.pick(TOPICS)}.mp4` }), 8],
  [(rng) => ({ bucket: 'mkt-assets-2024', key: campaignKey(rng) }), 7],
  [(rng) => ({ bucket: 'ott-mezzanine', key: mezzanineKey(rng) }), 6],
  [(rng) => ({ bucket: 'podcast-studio', key: audioKey(rng) }), 8],
  [(rng) => ({ bucket: 'vod-source', key: hlsKey(rng) }), 5],
  [(rng, at) => ({ bucket: 'team-shared-drive', key: screenRecordingKey(rng, at) }), 5],
];

const UGC_EXTENSIONS: Weighted<string> = [
  ['mp4', 70],
  ['mov', 12],
  ['webm', 8],
  ['mkv', 7],
  ['flv', 3],
];

/** Files ICE cannot probe, that users still submit. */
const NON_MEDIA_KEYS: readonly ((rng: Random, at: Date) => string)[] = [
  (rng, at) => `uploads/${ymd(at, '/')}/${uuid(rng)}.${rng.pick(['pdf', 'txt', 'jpg', 'png', 'docx', 'zip', 'psd'])}`,
  (_, at) => `docs/报价单 ${at.getUTCFullYear()}.pdf`,
  (rng) => `subtitles/episode-${pad(rng.int(1, 40), 2)}.srt`,
  (rng) => `campaigns/${rng.pick(CAMPAIGNS)}/cover.jpg`,
  () => 'exports/README.txt',
];

/** Buckets of other accounts or old projects that ICE's service role was never granted. */
const FOREIGN_BUCKETS = ['partner-share-cn', 'legacy-archive-2019', 'client-delivery-ext'] as const;

function drawInput(rng: Random, createdAtMs: number, failure: Failure | undefined): JobInput {
  const at = new Date(createdAtMs);
  if (failure === 'unsupported') {
    return { Type: 'OSS', Media: `oss://ugc-uploads-prod/${rng.pick(NON_MEDIA_KEYS)(rng, at)}` };
  }
  const mediaAsset = failure !== 'accessDenied' && failure !== 'corrupt' && rng.chance(0.15);
  if (mediaAsset) return { Type: 'Media', Media: rng.hex(32) };

  const place = rng.weighted(PLACES)(rng, at);
  if (failure === 'corrupt') place.key = place.key.replace(/\.[^./]+$/, '.mp4');
  const bucket = failure === 'accessDenied' ? rng.pick(FOREIGN_BUCKETS) : place.bucket;
  // ICE also takes the object's HTTP URL; then the key arrives percent-encoded.
  if (rng.chance(0.05)) {
    const region = rng.pick(['cn-shanghai', 'cn-beijing', 'cn-hangzhou']);
    const encodedKey = place.key.split('/').map(encodeURIComponent).join('/');
    return { Type: 'OSS', Media: `https://${bucket}.oss-${region}.aliyuncs.com/${encodedKey}` };
  }
  return { Type: 'OSS', Media: `oss://${bucket}/${place.key}` };
}

function phoneFileName(rng: Random, at: Date): string {
  const shot = new Date(at.getTime() - rng.int(0, 3 * DAY) * SECOND);
  switch (rng.int(0, 3)) {
    case 0:
      return `IMG_${rng.int(1000, 9999)}.MOV`;
    case 1:
      return `VID_${ymd(shot)}_${hms(shot)}.mp4`;
    case 2:
      return `PXL_${ymd(shot)}_${hms(shot)}${pad(rng.int(0, 999), 3)}.mp4`;
    default:
      return `${ymd(shot)}_${hms(shot)}.mp4`;
  }
}

/** ApsaraVideo Live's recording layout: record/{App}/{Stream}/{start}_{end}.{format}. */
function liveRecordKey(rng: Random, at: Date): string {
  const end = new Date(at.getTime() - rng.int(10, 600) * SECOND);
  const start = new Date(end.getTime() - rng.int(60, 4 * HOUR) * SECOND);
  const stamp = (d: Date) => `${ymd(d, '-')}-${hms(d, '-')}`;
  const format = rng.weighted([['flv', 35], ['m3u8', 30], ['mp4', 25], ['ts', 10]] as const);
  return `record/${rng.pick(LIVE_APPS)}/${rng.pick(LIVE_STREAMS)}/${stamp(start)}_${stamp(end)}.${format}`;
}

function broadcastKey(rng: Random, at: Date): string {
  const channel = rng.pick(CHANNELS);
  return `broadcast/${channel}/${ymd(at, '-')}/${channel}_${pad(rng.int(0, 23), 2)}${pad(rng.pick([0, 30]), 2)}.ts`;
}

function campaignKey(rng: Random): string {
  return `campaigns/${rng.pick(CAMPAIGNS)}/${rng.pick(CUTS)} v${rng.int(1, 9)}.${rng.pick(['mov', 'mp4'])}`;
}

function hlsKey(rng: Random): string {
  return rng.chance(0.5)
    ? `vod/hls/${rng.hex(16)}/index.m3u8`
    : `transcode/${uuid(rng)}/${rng.pick(['480p', '720p', '1080p'])}/playlist.m3u8`;
}

function mezzanineKey(rng: Random): string {
  const title = rng.pick(TITLES);
  const [variant, extension] = rng.pick([
    ['2160p_HDR10', 'mkv'],
    ['2160p_HDR10', 'mp4'],
    ['UHD_HLG', 'mov'],
    ['AV1_10bit', 'mkv'],
    ['AV1_10bit', 'webm'],
    ['1080p_SDR', 'mp4'],
    ['multi-audio', 'mkv'],
  ] as const);
  return `titles/${title}/${title}_${variant}.${extension}`;
}

function audioKey(rng: Random): string {
  switch (rng.int(0, 3)) {
    case 0:
      return `podcast/${rng.pick(SHOWS)}/episode-${pad(rng.int(1, 240), 3)}.${rng.pick(['m4a', 'mp3'])}`;
    case 1:
      return `music/${rng.pick(SONGS)}.${rng.pick(['mp3', 'wav', 'm4a'])}`;
    case 2:
      return `voice-notes/${uuid(rng)}.aac`;
    default:
      return `asr/input/${uuid(rng)}.wav`;
  }
}

function screenRecordingKey(rng: Random, at: Date): string {
  switch (rng.int(0, 2)) {
    case 0:
      return `shared/recordings/Screen Recording ${ymd(at, '-')} at ${hms(at, '.')}.mov`;
    case 1:
      return `shared/recordings/screen-${ymd(at)}-${hms(at)}.webm`;
    default:
      return `shared/recordings/Screenrecorder-${ymd(at, '-')}-${hms(at, '-')}-${pad(rng.int(0, 999), 3)}.mp4`;
  }
}

// ---------------------------------------------------------------------------------------------
// Names, user data, scheduling
// ---------------------------------------------------------------------------------------------

function drawName(rng: Random, input: JobInput, createdAtMs: number): string | undefined {
  const base = input.Type === 'Media' ? `asset-${input.Media.slice(0, 8)}` : baseName(input.Media);
  switch (rng.weighted([['absent', 30], ['empty', 5], ['file', 30], ['dated', 15], ['cjk', 8], ['spaced', 10], ['doc', 2]] as const)) {
    case 'absent':
      return undefined;
    case 'empty':
      return '';
    case 'file':
      return base;
    case 'dated':
      return `mediainfo-${ymd(new Date(createdAtMs))}-${rng.int(1, 9999)}`;
    case 'cjk':
      return `素材分析-${base}`;
    case 'spaced':
      return `Probe – ${base} (retry ${rng.int(1, 3)})`;
    case 'doc':
      return 'job-name';
  }
}

function baseName(media: string): string {
  const query = media.search(/[?#]/);
  const path = query === -1 ? media : media.slice(0, query);
  let name = path.slice(path.lastIndexOf('/') + 1);
  try {
    name = decodeURIComponent(name);
  } catch {
    // Keep it encoded: a name is still a name.
  }
  return name.replace(/\.[^.]+$/, '');
}

/**
 * What users put in UserData, including what breaks naive code: markup, quotes and commas, emoji,
 * newlines, JSON that is not JSON, and strings at ICE's 1024-character limit.
 */
const USER_DATA: Weighted<(rng: Random) => string | undefined> = [
  [() => undefined, 45],
  [(rng) => JSON.stringify({ source: 'cms', assetId: rng.int(100000, 999999), env: 'prod' }), 15],
  [(rng) => JSON.stringify({ callback: `https://hooks.example.com/ice?id=${rng.int(1, 99999)}&sig=${rng.hex(16)}`, retry: 3 }), 5],
  [() => '{"title":"He said \\"cut!\\", then left","tags":["a,b","c"]}', 4],
  [() => '<script>alert(1)</script>', 3],
  [() => '"><img src=x onerror=alert(document.cookie)>', 2],
  [() => '🎬 final cut ✅ — 客户确认版 👍🏽', 3],
  [() => '客户上传，请勿删除；联系人：张伟', 3],
  [() => 'line one\nline two\r\nline three\twith a tab', 3],
  [() => `a,b,c,"d,e",'f'`, 2],
  [() => '{"broken": json', 2],
  [() => 'user-data', 2],
  [() => '', 2],
  [(rng) => userDataAtLimit(rng), 4],
];

const USER_DATA_LIMIT = 1024;

function drawUserData(rng: Random): string | undefined {
  return rng.weighted(USER_DATA)(rng);
}

/** Exactly 1024 UTF-16 units (BMP only, so also 1024 characters by any count). */
function userDataAtLimit(rng: Random): string {
  if (rng.chance(0.5)) return '长'.repeat(USER_DATA_LIMIT);
  const trace = rng.hex(32);
  const skeleton = JSON.stringify({ trace, pad: '' });
  return JSON.stringify({ trace, pad: 'x'.repeat(USER_DATA_LIMIT - skeleton.length) });
}

/** A tenant runs a handful of pipelines; jobs share them. */
function drawScheduleConfig(rng: Random, seed: number): ScheduleConfig | undefined {
  if (rng.chance(0.25)) return undefined;
  const PipelineId = createRandom(mixSeed(seed, SALT.pipeline, rng.int(0, 3))).hex(32);
  const Priority = rng.chance(0.5) ? 5 : rng.int(1, 10);
  return { PipelineId, Priority };
}

// ---------------------------------------------------------------------------------------------
// Formatting
// ---------------------------------------------------------------------------------------------

/** ICE's time format: UTC, second resolution, no milliseconds. */
function isoFromEpochSeconds(epochSeconds: number): string {
  return new Date(epochSeconds * SECOND).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function ymd(d: Date, separator = ''): string {
  return [d.getUTCFullYear(), pad(d.getUTCMonth() + 1, 2), pad(d.getUTCDate(), 2)].join(separator);
}

function hms(d: Date, separator = ''): string {
  return [pad(d.getUTCHours(), 2), pad(d.getUTCMinutes(), 2), pad(d.getUTCSeconds(), 2)].join(separator);
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

function uuid(rng: Random): string {
  return `${rng.hex(8)}-${rng.hex(4)}-${rng.hex(4)}-${rng.hex(4)}-${rng.hex(12)}`;
}
