// Plans: what is inside a file (its kind, streams, codecs, sizes, rates, bitrates, duration range),
// drawn before it is written out as ICE fields (write.ts).
import type { Random, Weighted } from '../random';
import {
  AUDIO_IN,
  BROADCAST_FORMATS,
  CONTAINERS,
  FPS,
  HDR_SIZES,
  LEGACY_SIZES,
  LIVE_SIZES,
  PHONE_ROTATIONS,
  PHONE_SIZES,
  PORTRAIT_SIZES,
  SCREEN_SIZES,
  STREAM_LANGS,
  TRACK_LANGUAGES,
  VIDEO_CODECS,
  VIDEO_IN,
  WEB_RATES,
  WEB_SIZES,
  type AudioCodec,
  type Container,
  type FrameRate,
  type VideoCodec,
} from './catalogue';
import { formatFps } from './fields';

export interface VideoPlan {
  codec: VideoCodec;
  profile?: string;
  level: string;
  width: number;
  height: number;
  sar: readonly [number, number];
  pixFmt: string;
  /** r_frame_rate: the nominal (or, for interlaced video, the field) rate. */
  rate: FrameRate;
  /** avg_frame_rate: frames actually stored per second. */
  avgFps: number;
  /** Coded as fields: `rate` is then the field rate, twice avgFps. */
  interlaced?: boolean;
  rotate?: number;
  hasBFrames: number;
  kbps: number;
  fourcc?: string;
  timeBase?: string;
  lang?: string;
}

export interface AudioPlan {
  codec: AudioCodec;
  sampleRate: number;
  channels: number;
  kbps: number;
  lang?: string;
}

export interface Plan {
  video?: VideoPlan;
  audio: AudioPlan[];
  /** Subtitle and data streams: ICE lists none of them, but they use up stream indexes. */
  hiddenStreams: number;
  seconds: readonly [min: number, max: number];
  startTime: number;
}

type PlanKind =
  | 'web'
  | 'phone'
  | 'portrait'
  | 'screen'
  | 'legacy'
  | 'hdr'
  | 'broadcast'
  | 'multitrack'
  | 'live'
  | 'webm'
  | 'music'
  | 'podcast';

const PLANS_BY_CONTAINER: Record<Container, Weighted<PlanKind>> = {
  mp4: [
    ['web', 40], ['phone', 14], ['portrait', 10], ['hdr', 8], ['screen', 7], ['legacy', 6], ['live', 10], ['multitrack', 1], ['webm', 3],
  ],
  mov: [['phone', 55], ['web', 25], ['screen', 12], ['hdr', 8]],
  mkv: [['web', 40], ['hdr', 35], ['multitrack', 6], ['webm', 15]],
  webm: [['webm', 80], ['screen', 20]],
  ts: [['broadcast', 60], ['live', 32], ['multitrack', 8]],
  flv: [['live', 1]],
  m3u8: [['live', 70], ['web', 30]],
  m4a: [['podcast', 70], ['music', 30]],
  mp3: [['music', 60], ['podcast', 40]],
  wav: [['music', 50], ['podcast', 50]],
  aac: [['podcast', 60], ['music', 40]],
};

/** File names that give away their origin, so an IMG_1234.MOV is an actual phone clip. */
const NAME_HINTS: readonly (readonly [RegExp, PlanKind])[] = [
  [/^(IMG_\d{4}\.|VID_\d{8}_|PXL_\d{8}_|\d{8}_\d{6}\.)/i, 'phone'],
  [/screen ?record|^screen-\d/i, 'screen'],
  [/hdr|hlg|2160p|uhd|10bit|dolby ?vision/i, 'hdr'],
  [/^\d{4}(-\d{2}){5}/, 'live'],
];

/** What is inside a file of this container and name: its kind first (a telling name decides), then its streams. */
export function planMedia(container: Container, fileName: string, rng: Random): Plan {
  return planBuilders[choosePlanKind(container, fileName, rng)](rng, container, fileName);
}

function choosePlanKind(container: Container, fileName: string, rng: Random): PlanKind {
  const audioOnly = VIDEO_IN[container] === undefined;
  if (!audioOnly) {
    for (const [pattern, kind] of NAME_HINTS) if (pattern.test(fileName)) return kind;
  }
  return rng.weighted(PLANS_BY_CONTAINER[container]);
}

interface VideoSpec {
  codec: VideoCodec;
  profile?: string;
  width: number;
  height: number;
  sar?: readonly [number, number];
  pixFmt?: string;
  rate: FrameRate;
  avgFps?: number;
  interlaced?: boolean;
  rotate?: number;
  /** Bits per pixel per frame for H.264; other codecs scale it by their efficiency. */
  bpp: readonly [number, number];
  hasBFrames?: number;
  fourcc?: string;
  timeBase?: string;
  lang?: string;
}

function videoPlan(rng: Random, { bpp: bppRange, ...spec }: VideoSpec): VideoPlan {
  const avgFps = spec.avgFps ?? spec.rate.num / spec.rate.den;
  const bpp = between(rng, bppRange[0], bppRange[1]) * VIDEO_CODECS[spec.codec].bitsFactor;
  return {
    ...spec,
    sar: spec.sar ?? [1, 1],
    pixFmt: spec.pixFmt ?? 'yuv420p',
    avgFps,
    level: levelFor(spec.codec, spec.width, spec.height, avgFps, rng),
    kbps: (spec.width * spec.height * avgFps * bpp) / 1000,
    hasBFrames: spec.hasBFrames ?? bFramesFor(spec.codec, spec.profile, rng),
  };
}

/** Pixel-count ceilings: QVGA, SD (720x576), 720p, 1080p (1920x1088), 1440p, anything above. */
const PIXEL_TIERS = [110_000, 414_720, 921_600, 2_088_960, 3_686_400, Infinity] as const;

/** ffprobe's level numbers: H.264 as 10×level, HEVC as 30×level, AV1 as seq_level_idx, VP9 unknown. */
function levelFor(codec: VideoCodec, width: number, height: number, fps: number, rng: Random): string {
  const pixels = width * height;
  const fast = fps > 31;
  const tier = PIXEL_TIERS.findIndex((limit) => pixels <= limit);
  switch (codec) {
    case 'h264':
      return String([21, 30, fast ? 32 : 31, fast ? 42 : rng.pick([40, 40, 41]), fast ? 51 : 50, fast ? 52 : 51][tier]);
    case 'hevc':
      return String([60, 90, 93, fast ? 123 : 120, 150, fast ? 153 : 150][tier]);
    case 'av1':
      return String([1, 4, 5, fast ? 9 : 8, 12, fast ? 13 : 12][tier]);
    case 'vp9':
      return '-99';
  }
}

function bFramesFor(codec: VideoCodec, profile: string | undefined, rng: Random): number {
  if (codec === 'av1' || codec === 'vp9' || profile?.includes('Baseline')) return 0;
  return rng.weighted([
    [2, 70],
    [1, 20],
    [0, 10],
  ]);
}

function pickVideoCodec(rng: Random, container: Container, preferred: Weighted<VideoCodec>): VideoCodec {
  const allowed = VIDEO_IN[container] ?? ['h264'];
  const usable = preferred.filter(([codec]) => allowed.includes(codec));
  return usable.length > 0 ? rng.weighted(usable) : (allowed[0] ?? 'h264');
}

const PROFILES: Record<VideoCodec, { sdr: string; hdr: string }> = {
  h264: { sdr: 'High', hdr: 'High 10' },
  hevc: { sdr: 'Main', hdr: 'Main 10' },
  av1: { sdr: 'Main', hdr: 'Main' },
  vp9: { sdr: 'Profile 0', hdr: 'Profile 2' },
};

interface AudioSpec {
  codecs: Weighted<AudioCodec>;
  sampleRate?: number;
  channels?: number;
  lang?: string;
  /** Spoken word, where HE-AAC and low bitrates are the norm. */
  speech?: boolean;
}

function audioPlan(rng: Random, container: Container, spec: AudioSpec): AudioPlan {
  const allowed = AUDIO_IN[container];
  const usable = spec.codecs.filter(([codec]) => allowed.includes(codec));
  const codec = usable.length > 0 ? rng.weighted(usable) : (allowed[0] ?? 'aac');
  const channels = codec === 'mp3' ? Math.min(spec.channels ?? 2, 2) : (spec.channels ?? 2);
  const sampleRate = codec === 'opus' || codec === 'ac3' ? 48000 : (spec.sampleRate ?? rng.pick([44100, 48000]));
  const [nominal, exact] = audioBitrate(rng, codec, channels, sampleRate, spec.speech ?? false);
  // Constant-bitrate codecs report their nominal rate exactly; the others land near it.
  const kbps = exact ? nominal : nominal * between(rng, 0.96, 1.01);
  return { codec, sampleRate, channels, kbps, lang: spec.lang };
}

function audioBitrate(rng: Random, codec: AudioCodec, channels: number, sampleRate: number, speech: boolean): [number, boolean] {
  switch (codec) {
    case 'aac':
      if (channels === 6) return [rng.pick([384, 512]), false];
      if (speech) return [rng.pick([32, 48, 64, 96]), false]; // HE-AAC for the low ones
      return [channels === 1 ? rng.pick([64, 96]) : rng.pick([96, 128, 128, 160, 192, 256]), false];
    case 'opus':
      return [channels === 6 ? 256 : rng.pick([64, 96, 128, 160]), false];
    case 'mp3':
      return [speech ? rng.pick([64, 96, 128]) : rng.pick([128, 192, 256, 320, 320]), true];
    case 'ac3':
      return [channels === 6 ? rng.pick([384, 448, 640]) : rng.pick([192, 224]), true];
    case 'pcm_s16le':
      return [(sampleRate * 16 * channels) / 1000, true];
  }
}

/** Average rate of a variable-frame-rate recording: a little under nominal, never printed the same. */
function vfrAverage(rng: Random, nominal: FrameRate, low = 0.975, high = 0.998): number {
  const fps = nominal.num / nominal.den;
  let avg = fps * between(rng, low, high);
  if (formatFps(avg) === formatFps(fps)) avg -= 0.01;
  return avg;
}

const planBuilders: Record<PlanKind, (rng: Random, c: Container, fileName: string) => Plan> = {
  web(rng, c) {
    const codec = pickVideoCodec(rng, c, [['h264', 80], ['hevc', 15], ['av1', 5]]);
    const [width, height] = rng.weighted(WEB_SIZES);
    const profile = codec === 'h264' ? rng.weighted([['High', 75], ['Main', 25]] as const) : PROFILES[codec].sdr;
    const trackCount = rng.weighted([[0, 8], [1, 85], [2, 5], [3, 2]] as const);
    // A second or third track is a dub or a 5.1 mix.
    const audio = Array.from({ length: trackCount }, (_, i) =>
      i === 0
        ? audioPlan(rng, c, { codecs: [['aac', 90], ['mp3', 5], ['opus', 5]], channels: 2, lang: drawLang(rng) })
        : audioPlan(rng, c, { codecs: [['aac', 60], ['ac3', 40]], channels: rng.pick([2, 6]), lang: drawLang(rng) }),
    );
    return {
      video: videoPlan(rng, {
        codec,
        profile,
        width,
        height,
        rate: rng.weighted(WEB_RATES),
        bpp: [0.05, 0.12],
        lang: drawLang(rng),
        rotate: rotationField(c),
      }),
      audio,
      hiddenStreams: c === 'mkv' ? rng.int(0, 2) : 0,
      seconds: [15, 1800],
      startTime: c === 'm3u8' ? mpegtsStart(rng) : 0,
    };
  },

  phone(rng, c) {
    const apple = c === 'mov';
    const codec = pickVideoCodec(rng, c, apple ? [['hevc', 65], ['h264', 35]] : [['h264', 70], ['hevc', 30]]);
    // iPhones shoot HDR (HLG / Dolby Vision) as 10-bit HEVC; Android H.264 is often full-range yuvj420p.
    const tenBit = apple && codec === 'hevc' && rng.chance(0.25);
    const pixFmt = tenBit ? 'yuv420p10le' : codec === 'h264' && !apple && rng.chance(0.6) ? 'yuvj420p' : 'yuv420p';
    const h264Profile = rng.weighted([['High', 85], ['Baseline', 15]] as const);
    const [width, height] = rng.weighted(PHONE_SIZES);
    const nominal = rng.weighted([[FPS.f30, 75], [FPS.f60, 15], [FPS.f24, 5], [FPS.f25, 5]] as const);
    const hasAudio = rng.chance(0.97);
    const channels = rng.chance(0.3) ? 1 : 2;
    return {
      video: videoPlan(rng, {
        codec,
        profile: tenBit ? PROFILES[codec].hdr : codec === 'h264' ? h264Profile : 'Main',
        width,
        height,
        pixFmt,
        rate: nominal,
        // Phones drop or stretch frames in low light: the average drifts below the nominal rate.
        avgFps: rng.chance(0.7) ? vfrAverage(rng, nominal) : undefined,
        rotate: rng.weighted(PHONE_ROTATIONS),
        bpp: [0.2, 0.3],
        hasBFrames: codec === 'h264' ? 0 : rng.pick([0, 2]),
        fourcc: codec === 'hevc' ? 'hvc1' : undefined,
        timeBase: apple ? '1/600' : '1/90000',
        lang: 'und',
      }),
      audio: hasAudio ? [audioPlan(rng, c, { codecs: [['aac', 1]], sampleRate: apple ? 44100 : 48000, channels, lang: 'und' })] : [],
      hiddenStreams: apple ? rng.int(0, 2) : 0, // QuickTime metadata tracks
      seconds: [2, 300],
      startTime: 0,
    };
  },

  portrait(rng, c) {
    const [width, height] = rng.weighted(PORTRAIT_SIZES);
    return {
      video: videoPlan(rng, {
        codec: 'h264',
        profile: 'High',
        width,
        height,
        rate: rng.weighted([[FPS.f30, 60], [FPS.f25, 25], [FPS.f60, 15]] as const),
        bpp: [0.08, 0.15],
        rotate: 0,
        lang: drawLang(rng),
      }),
      audio: [audioPlan(rng, c, { codecs: [['aac', 1]], sampleRate: 44100, channels: 2, lang: drawLang(rng) })],
      hiddenStreams: 0,
      seconds: [8, 180],
      startTime: 0,
    };
  },

  screen(rng, c) {
    const codec = pickVideoCodec(rng, c, [['h264', 90], ['vp9', 10]]);
    const [width, height] = rng.weighted(SCREEN_SIZES);
    const nominal = rng.weighted([[FPS.f60, 60], [FPS.f30, 40]] as const);
    return {
      video: videoPlan(rng, {
        codec,
        profile: PROFILES[codec].sdr,
        width,
        height,
        rate: nominal,
        // Screen recorders only emit a frame when the screen changes: heavily variable frame rate.
        avgFps: vfrAverage(rng, nominal, 0.25, 0.8),
        bpp: [0.03, 0.08],
        rotate: rotationField(c),
      }),
      audio: rng.chance(0.4) ? [audioPlan(rng, c, { codecs: [['aac', 80], ['opus', 20]], sampleRate: 48000, channels: 2 })] : [],
      hiddenStreams: 0,
      seconds: [10, 3600],
      startTime: 0,
    };
  },

  legacy(rng, c) {
    const [width, height] = rng.weighted(LEGACY_SIZES);
    return {
      video: videoPlan(rng, {
        codec: 'h264',
        profile: rng.pick(['Baseline', 'Constrained Baseline', 'Main']),
        width,
        height,
        sar: width === 352 ? [12, 11] : [1, 1], // CIF is anamorphic 4:3
        rate: rng.weighted([[FPS.f15, 30], [FPS.f25, 35], [FPS.f2997, 35]] as const),
        bpp: [0.08, 0.15],
        rotate: rotationField(c),
      }),
      audio: [audioPlan(rng, c, { codecs: [['aac', 1]], sampleRate: rng.pick([22050, 44100]), channels: 1, speech: true })],
      hiddenStreams: 0,
      seconds: [10, 600],
      startTime: 0,
    };
  },

  hdr(rng, c, fileName) {
    const preferred: Weighted<VideoCodec> = /av1/i.test(fileName) ? [['av1', 1]] : [['hevc', 65], ['av1', 20], ['vp9', 15]];
    const codec = pickVideoCodec(rng, c, preferred);
    const [width, height] = rng.weighted(HDR_SIZES);
    // A 5.1 or stereo original, then stereo dubs.
    const audio = Array.from({ length: rng.int(1, 3) }, (_, i) =>
      audioPlan(rng, c, {
        codecs: [['ac3', 40], ['aac', 40], ['opus', 20]],
        channels: i === 0 ? rng.pick([2, 6, 6]) : 2,
        lang: i === 0 ? 'eng' : rng.pick(['chi', 'jpn', 'fra', '']),
      }),
    );
    return {
      video: videoPlan(rng, {
        codec,
        profile: PROFILES[codec].hdr,
        width,
        height,
        pixFmt: 'yuv420p10le',
        rate: rng.weighted([[FPS.f23976, 50], [FPS.f24, 15], [FPS.f25, 15], [FPS.f5994, 20]] as const),
        bpp: [0.09, 0.16],
        fourcc: codec === 'hevc' ? rng.pick(['hvc1', 'hev1']) : undefined,
        rotate: rotationField(c),
        lang: drawLang(rng),
      }),
      audio,
      hiddenStreams: c === 'mkv' ? rng.int(0, 6) : 0,
      seconds: [30, 7200],
      startTime: 0,
    };
  },

  broadcast(rng, c) {
    const format = rng.weighted(BROADCAST_FORMATS);
    const [width, height] = format.size;
    // Programme sound in stereo, then a 5.1 mix or a second language.
    const audio = Array.from({ length: rng.weighted([[1, 40], [2, 45], [3, 15]] as const) }, (_, i) =>
      audioPlan(rng, c, {
        codecs: i === 0 ? [['aac', 60], ['mp3', 20], ['ac3', 20]] : [['ac3', 60], ['aac', 40]],
        sampleRate: 48000,
        channels: i === 0 ? 2 : rng.pick([2, 6]),
        lang: i === 0 ? rng.pick(['chi', 'eng', '']) : rng.pick(['eng', 'chi', 'und']),
      }),
    );
    const codec = pickVideoCodec(rng, c, [['h264', 85], ['hevc', 15]]);
    return {
      video: videoPlan(rng, {
        codec,
        profile: codec === 'hevc' || width <= 720 ? 'Main' : 'High',
        width,
        height,
        sar: format.sar,
        rate: format.fieldRate,
        avgFps: format.frameFps,
        interlaced: format.interlaced,
        bpp: [0.2, 0.35],
        hasBFrames: 2,
      }),
      audio,
      hiddenStreams: rng.int(0, 2), // teletext, SCTE-35
      seconds: [300, 7200],
      // A recorded feed keeps the broadcaster's clock: start times far from zero.
      startTime: rng.chance(0.5) ? rng.int(600, 86_000) + rng.int(0, 999_999) / 1e6 : 1.4,
    };
  },

  multitrack(rng, c) {
    // A broadcast feed or a film release with dozens of dubs: 30+ streams in one file.
    const broadcast = c === 'ts';
    const format = broadcast ? rng.weighted(BROADCAST_FORMATS) : undefined;
    const audio = TRACK_LANGUAGES.slice(0, rng.int(30, TRACK_LANGUAGES.length)).map((lang, i) =>
      audioPlan(rng, c, {
        codecs: i < 2 ? [['ac3', 1]] : [['aac', 70], ['opus', 30]],
        sampleRate: 48000,
        channels: i < 2 ? 6 : 2,
        lang: rng.chance(0.05) ? '' : lang,
      }),
    );
    return {
      video: videoPlan(rng, {
        codec: 'h264',
        profile: 'High',
        width: format?.size[0] ?? 1920,
        height: format?.size[1] ?? 1080,
        sar: format?.sar,
        rate: format?.fieldRate ?? FPS.f23976,
        avgFps: format?.frameFps,
        interlaced: format?.interlaced,
        bpp: [0.1, 0.2],
        lang: broadcast ? undefined : 'eng',
      }),
      audio,
      hiddenStreams: broadcast ? rng.int(1, 3) : rng.int(10, 20), // teletext / subtitles
      seconds: [1800, 9000],
      startTime: broadcast ? 1.4 : 0,
    };
  },

  live(rng, c) {
    const [width, height] = rng.weighted(LIVE_SIZES);
    const nominal = rng.weighted([[FPS.f25, 40], [FPS.f30, 45], [FPS.f2997, 10], [FPS.f15, 5]] as const);
    const codec = pickVideoCodec(rng, c, [['h264', 95], ['hevc', 5]]);
    const h264Profile = rng.weighted([['High', 60], ['Main', 30], ['Baseline', 10]] as const);
    const hasAudio = rng.chance(0.95);
    return {
      video: videoPlan(rng, {
        codec,
        profile: codec === 'h264' ? h264Profile : PROFILES[codec].sdr,
        width,
        height,
        rate: nominal,
        // Pushed from OBS or a phone over a shaky uplink: dropped frames show in the average.
        avgFps: rng.chance(0.25) ? vfrAverage(rng, nominal, 0.9, 0.99) : undefined,
        bpp: [0.06, 0.12],
        rotate: rotationField(c),
      }),
      audio: hasAudio ? [audioPlan(rng, c, { codecs: [['aac', 90], ['mp3', 10]], sampleRate: 44100, lang: drawLang(rng) })] : [],
      hiddenStreams: 0,
      seconds: [60, 14_400],
      startTime: c === 'ts' || c === 'm3u8' ? mpegtsStart(rng) : c === 'flv' ? rng.pick([0, 0.033, 0.04]) : 0,
    };
  },

  webm(rng, c) {
    const codec = pickVideoCodec(rng, c, [['vp9', 80], ['av1', 20]]);
    const tenBit = codec === 'vp9' && rng.chance(0.15);
    const [width, height] = rng.weighted(WEB_SIZES);
    const hasAudio = rng.chance(0.85);
    return {
      video: videoPlan(rng, {
        codec,
        profile: tenBit ? PROFILES[codec].hdr : PROFILES[codec].sdr,
        width,
        height,
        pixFmt: tenBit ? 'yuv420p10le' : 'yuv420p',
        rate: rng.weighted(WEB_RATES),
        bpp: [0.05, 0.1],
        rotate: rotationField(c),
        lang: rng.pick(['eng', 'und', '']),
      }),
      audio: hasAudio ? [audioPlan(rng, c, { codecs: [['opus', 1]], channels: 2, lang: rng.pick(['eng', 'und', '']) })] : [],
      hiddenStreams: 0,
      seconds: [10, 1200],
      startTime: rng.pick([0, 0, 0.007]), // Opus pre-skip shifts the first packet
    };
  },

  music(rng, c) {
    const sampleRate = rng.weighted([[44100, 80], [48000, 20]] as const);
    return {
      audio: [audioPlan(rng, c, { codecs: ANY_AUDIO, sampleRate, channels: 2, lang: drawLang(rng) })],
      hiddenStreams: 0,
      seconds: [120, 420],
      startTime: 0,
    };
  },

  podcast(rng, c) {
    const sampleRate = rng.pick([44100, 48000]);
    return {
      audio: [audioPlan(rng, c, { codecs: ANY_AUDIO, sampleRate, channels: rng.pick([1, 2]), speech: true, lang: drawLang(rng) })],
      hiddenStreams: 0,
      seconds: [600, 7200],
      startTime: 0,
    };
  },
};

/** Audio-only files: the container alone decides the codec. */
const ANY_AUDIO: Weighted<AudioCodec> = [
  ['aac', 1],
  ['mp3', 1],
  ['pcm_s16le', 1],
];

/** MPEG-TS timestamps start at 1.4 s (ffmpeg's muxer delay) plus a little jitter. */
function mpegtsStart(rng: Random): number {
  return 1.4 + rng.int(0, 80_000) / 1e6;
}

/** Only ISO-BMFF carries a display matrix; elsewhere ICE has no rotation to report. */
function rotationField(container: Container): number | undefined {
  return CONTAINERS[container].family === 'isobmff' ? 0 : undefined;
}

function drawLang(rng: Random): string | undefined {
  return rng.weighted(STREAM_LANGS);
}

function between(rng: Random, low: number, high: number): number {
  return low + rng.next() * (high - low);
}
