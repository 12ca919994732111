// A team's delivery specification: what it accepts, as rules on what ICE's probe gives. The schema
// reads the specs file (MEDIA_SPECS_FILE, lib/specs/spec-config.ts reads and checks it at start);
// evaluateSpec says, for one job, every rule passed or failed with the value found. Pure, client-safe.
import { z } from 'zod';
import { bitDepthOf, hasFinding, movingVideoStreams } from '@/lib/checks/media-checks';
import { parseFrameRate } from '@/lib/format/frame-rate';
import { parseMediaNumber } from '@/lib/format/numbers';
import type { MediaInfoJob } from '@/lib/ice/schemas';

export const SPEC_ID = /^[a-z0-9][a-z0-9-]{0,39}$/;

const range = z
  .strictObject({ min: z.number().nonnegative().optional(), max: z.number().nonnegative().optional() })
  .refine((r) => r.min !== undefined || r.max !== undefined, { error: 'needs min, max or both' })
  .refine((r) => r.min === undefined || r.max === undefined || r.min <= r.max, { error: 'min must not be above max' });
const names = z.array(z.string().trim().min(1).max(40)).min(1, { error: 'must list at least one name' });

export const specRulesSchema = z.strictObject({
  /** Container names as ffprobe's family lists them (mp4, mov, matroska, webm, mpegts, mxf...): any member matches. */
  containers: names.optional(),
  videoCodecs: names.optional(),
  videoProfiles: names.optional(),
  /** The displayed size (a rotation of 90° or 270° swaps width and height), pixels. */
  width: range.optional(),
  height: range.optional(),
  /** The main video's average frame rate, fps. */
  frameRate: range.optional(),
  /** Whether a variable frame rate (the vfr check) is accepted. */
  vfrAllowed: z.boolean().optional(),
  videoBitrateKbps: range.optional(),
  bitDepth: range.optional(),
  chroma: z.array(z.enum(['4:2:0', '4:2:2', '4:4:4'])).min(1).optional(),
  audioRequired: z.boolean().optional(),
  /** The rules on audio apply to every audio stream; a file without one passes them (audioRequired says whether it must have one). */
  audioCodecs: names.optional(),
  sampleRates: z.array(z.number().int().positive()).min(1).optional(),
  channels: range.optional(),
  durationSeconds: range.optional(),
  sizeMB: range.optional(),
});
export type SpecRules = z.output<typeof specRulesSchema>;
export type RuleName = keyof SpecRules;
export const RULE_NAMES = Object.keys(specRulesSchema.shape) as RuleName[];

export const deliverySpecSchema = z.strictObject({
  id: z.string().regex(SPEC_ID, { error: 'must be lowercase letters, digits and dashes, at most 40' }),
  name: z.string().trim().min(1).max(80),
  description: z.string().max(500).optional(),
  rules: specRulesSchema.refine((rules) => Object.keys(rules).length > 0, { error: 'must have at least one rule' }),
});
export type DeliverySpec = z.output<typeof deliverySpecSchema>;

export const specsFileSchema = z.strictObject({
  specs: z
    .array(deliverySpecSchema)
    .min(1, { error: 'must list at least one spec' })
    .refine((specs) => new Set(specs.map((s) => s.id)).size === specs.length, { error: 'must not use a spec id twice' }),
});

export interface RuleResult {
  Rule: RuleName;
  Passed: boolean;
  /** What the rule asks, as the file says it ("1080–2160", "h264, hevc", "yes"). */
  Expected: string;
  /** What the file has ("1920", "hevc", "none"), or null when the probe does not say. */
  Actual: string | null;
}

export interface SpecResult {
  Id: string;
  Passed: boolean;
  Rules: RuleResult[];
  /** Set for a job without a successful probe: no rule was judged (Rules is empty, Passed false). */
  NotJudged?: 'no_successful_probe';
}

const num = parseMediaNumber;
const lower = (text: string | undefined) => (text ?? '').trim().toLowerCase();
const rangeText = (r: { min?: number; max?: number }) => (r.min !== undefined && r.max !== undefined ? (r.min === r.max ? `${r.min}` : `${r.min}–${r.max}`) : r.min !== undefined ? `≥ ${r.min}` : `≤ ${r.max}`);
const within = (value: number, r: { min?: number; max?: number }) => (r.min === undefined || value >= r.min) && (r.max === undefined || value <= r.max);
const round = (value: number) => Math.round(value * 1000) / 1000;

/** The chroma subsampling a pixel format says, when it says one. */
function chromaOf(pixFmt: string): '4:2:0' | '4:2:2' | '4:4:4' | undefined {
  if (/^(?:gbrp|rgb|bgr|argb|rgba|bgra|yuvj?444|yuva444)/.test(pixFmt)) return '4:4:4';
  if (/^(?:yuvj?422|yuva422|p21|y21|nv16)/.test(pixFmt)) return '4:2:2';
  if (/^(?:yuvj?420|yuva420|nv12|nv21|p01)/.test(pixFmt)) return '4:2:0';
  return undefined;
}

/**
 * Every rule of the spec on one job, in the spec's order, and whether all passed. A job without a
 * successful probe is not judged (a failed or running job is no delivery that fails a spec).
 */
export function evaluateSpec(job: MediaInfoJob, spec: DeliverySpec): SpecResult {
  const probed = job.Status === 'Success' && job.MediaInfoProperty ? job.MediaInfoProperty : undefined;
  if (!probed) return { Id: spec.id, Passed: false, Rules: [], NotJudged: 'no_successful_probe' };
  const file = probed.FileBasicInfo ?? {};
  // The picture a spec judges: the first stream that moves, not an audio file's cover art.
  const video = movingVideoStreams(probed.VideoStreamInfoList ?? [])[0];
  const audios = probed.AudioStreamInfoList ?? [];
  const rotate = Math.abs(num(video?.Rotate) ?? 0) % 180 === 90;
  const [width, height] = [num(video?.Width ?? file.Width), num(video?.Height ?? file.Height)];
  const shown = rotate ? [height, width] : [width, height];
  const results: RuleResult[] = [];
  const rule = (Rule: RuleName, Expected: string, Actual: string | number | null | undefined, Passed: boolean) =>
    results.push({ Rule, Expected, Actual: Actual === undefined || Actual === null ? null : String(Actual), Passed });
  /** A rule on a number: unknown fails. */
  const measured = (Rule: RuleName, r: { min?: number; max?: number }, value: number | undefined) => rule(Rule, rangeText(r), value === undefined ? null : round(value), value !== undefined && within(value, r));
  /** A rule on one of the audio streams' values: all must pass; no audio passes. */
  const everyAudio = (Rule: RuleName, Expected: string, values: (string | number | undefined)[], ok: (value: string | number) => boolean) => {
    const known = values.filter((value): value is string | number => value !== undefined && value !== '');
    rule(Rule, Expected, audios.length === 0 ? 'none' : [...new Set(known)].join(', ') || null, audios.length === 0 || (known.length === values.length && known.every(ok)));
  };
  const r = spec.rules;
  for (const name of Object.keys(r) as RuleName[]) {
    switch (name) {
      case 'containers': {
        const family = lower(file.FormatName).split(',').filter(Boolean);
        rule(name, r.containers!.join(', '), file.FormatName, family.some((member) => r.containers!.some((c) => lower(c) === member)));
        break;
      }
      case 'videoCodecs':
        rule(name, r.videoCodecs!.join(', '), video?.Codec_name, !!video && r.videoCodecs!.some((c) => lower(c) === lower(video.Codec_name)));
        break;
      case 'videoProfiles':
        rule(name, r.videoProfiles!.join(', '), video?.Profile, !!video && r.videoProfiles!.some((p) => lower(p) === lower(video.Profile)));
        break;
      case 'width':
        measured(name, r.width!, shown[0]);
        break;
      case 'height':
        measured(name, r.height!, shown[1]);
        break;
      case 'frameRate':
        measured(name, r.frameRate!, parseFrameRate(video?.Avg_fps) ?? parseFrameRate(video?.Fps));
        break;
      case 'vfrAllowed': {
        const vfr = hasFinding(job, 'vfr');
        rule(name, r.vfrAllowed ? 'yes' : 'no', video ? (vfr ? 'vfr' : 'cfr') : null, !!video && (r.vfrAllowed! || !vfr));
        break;
      }
      case 'videoBitrateKbps': {
        const own = num(video?.Bit_rate);
        const total = num(file.Bitrate);
        const audioKbps = audios.reduce((sum, a) => sum + (num(a.Bitrate) ?? 0), 0);
        measured(name, r.videoBitrateKbps!, own && own > 0 ? own : total && total > 0 ? total - audioKbps : undefined);
        break;
      }
      case 'bitDepth':
        measured(name, r.bitDepth!, bitDepthOf(lower(video?.PixFmt)));
        break;
      case 'chroma': {
        const chroma = chromaOf(lower(video?.PixFmt));
        rule(name, r.chroma!.join(', '), chroma ?? video?.PixFmt, chroma !== undefined && r.chroma!.includes(chroma));
        break;
      }
      case 'audioRequired':
        rule(name, r.audioRequired ? 'yes' : 'no', audios.length, !r.audioRequired || audios.length > 0);
        break;
      case 'audioCodecs':
        everyAudio(name, r.audioCodecs!.join(', '), audios.map((a) => a.CodecName), (codec) => r.audioCodecs!.some((c) => lower(c) === lower(String(codec))));
        break;
      case 'sampleRates':
        everyAudio(name, r.sampleRates!.join(', '), audios.map((a) => num(a.SampleRate)), (rate) => r.sampleRates!.includes(Number(rate)));
        break;
      case 'channels':
        everyAudio(name, rangeText(r.channels!), audios.map((a) => num(a.Channels)), (channels) => within(Number(channels), r.channels!));
        break;
      case 'durationSeconds':
        measured(name, r.durationSeconds!, num(file.Duration));
        break;
      case 'sizeMB': {
        const bytes = num(file.FileSize);
        measured(name, r.sizeMB!, bytes === undefined ? undefined : bytes / 1_000_000);
        break;
      }
    }
  }
  return { Id: spec.id, Passed: results.every((result) => result.Passed), Rules: results };
}
