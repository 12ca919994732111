import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { MediaInfoJob } from '@/lib/ice/schemas';
import { evaluateSpec, RULE_NAMES, type DeliverySpec } from '@/lib/specs/delivery-spec';
import { parseSpecsFile } from '@/lib/specs/spec-config';

// Delivery specs: every rule on probe data as ICE sends it (numbers as strings, bitrates in kbit/s),
// passing, failing and unknown; and the specs file read with each problem at its place in the file.

jest.mock('server-only', () => ({}));

const job = (change: { file?: object; video?: object | null; audio?: object | null; Status?: string } = {}): MediaInfoJob =>
  ({
    JobId: '9a231c4dc157dc50abd800ce0569de57',
    Status: change.Status ?? 'Success',
    MediaInfoProperty: {
      FileBasicInfo: { FileName: 'promo.mp4', FormatName: 'mov,mp4,m4a,3gp,3g2,mj2', Duration: '95.000000', FileSize: '72000000', Bitrate: '6128.000', Width: '1920', Height: '1080', ...change.file },
      VideoStreamInfoList: change.video === null ? [] : [{ Codec_name: 'h264', Profile: 'High', Width: '1920', Height: '1080', PixFmt: 'yuv420p', Fps: '25.0', Avg_fps: '25.0', Bit_rate: '6000.000', ...change.video }],
      AudioStreamInfoList: change.audio === null ? [] : [{ CodecName: 'aac', SampleRate: '48000', Channels: '2', Bitrate: '128.000', ...change.audio }],
    },
  }) as MediaInfoJob;

const spec = (rules: DeliverySpec['rules']): DeliverySpec => ({ id: 'test', name: 'Test', rules });
const failing = (j: MediaInfoJob, rules: DeliverySpec['rules']) => evaluateSpec(j, spec(rules)).Rules.filter((r) => !r.Passed).map((r) => r.Rule);

it('passes a file that meets every rule, and says each with what it asks and what the file has', () => {
  const result = evaluateSpec(job(), spec({ containers: ['mp4'], videoCodecs: ['h264'], height: { min: 1080, max: 1080 }, videoBitrateKbps: { min: 3000, max: 12000 }, sampleRates: [48000] }));
  expect(result).toEqual({
    Id: 'test',
    Passed: true,
    Rules: [
      { Rule: 'containers', Passed: true, Expected: 'mp4', Actual: 'mov,mp4,m4a,3gp,3g2,mj2' },
      { Rule: 'videoCodecs', Passed: true, Expected: 'h264', Actual: 'h264' },
      { Rule: 'height', Passed: true, Expected: '1080', Actual: '1080' },
      { Rule: 'videoBitrateKbps', Passed: true, Expected: '3000–12000', Actual: '6000' },
      { Rule: 'sampleRates', Passed: true, Expected: '48000', Actual: '48000' },
    ],
  });
});

it('fails each rule on the value that breaks it', () => {
  expect(failing(job({ file: { FormatName: 'matroska,webm' } }), { containers: ['mp4', 'mov'] })).toEqual(['containers']);
  expect(failing(job({ video: { Codec_name: 'hevc', Profile: 'Main 10' } }), { videoCodecs: ['h264'], videoProfiles: ['high', 'main'] })).toEqual(['videoCodecs', 'videoProfiles']);
  expect(failing(job({ video: { Avg_fps: '29.31', Fps: '30.0' } }), { vfrAllowed: false, frameRate: { min: 23.9, max: 60 } })).toEqual(['vfrAllowed']);
  expect(failing(job({ video: { PixFmt: 'yuv422p10le' } }), { bitDepth: { max: 8 }, chroma: ['4:2:0'] })).toEqual(['bitDepth', 'chroma']);
  expect(failing(job({ audio: { CodecName: 'ac3', SampleRate: '44100', Channels: '6' } }), { audioCodecs: ['aac'], sampleRates: [48000], channels: { max: 2 } })).toEqual(['audioCodecs', 'sampleRates', 'channels']);
  expect(failing(job({ file: { Duration: '400.0', FileSize: '900000000' } }), { durationSeconds: { max: 180 }, sizeMB: { max: 500 } })).toEqual(['durationSeconds', 'sizeMB']);
  expect(failing(job({ video: { Bit_rate: undefined }, file: { Bitrate: '2128.000' } }), { videoBitrateKbps: { min: 3000 } })).toEqual(['videoBitrateKbps']);
  expect(failing(job({ video: { Avg_fps: '50.0', Fps: '50.0' } }), { frameRate: { min: 23.9, max: 30 }, vfrAllowed: false })).toEqual(['frameRate']);
  expect(failing(job({ video: { Height: '720', Width: '1280' } }), { height: { min: 1080 }, width: { min: 1920 } })).toEqual(['height', 'width']);
  expect(failing(job({ video: { PixFmt: 'yuv444p' } }), { chroma: ['4:2:0', '4:2:2'], bitDepth: { max: 8 } })).toEqual(['chroma']);
  // A variable frame rate where the spec allows it.
  expect(failing(job({ video: { Avg_fps: '29.31', Fps: '30.0' } }), { vfrAllowed: true })).toEqual([]);
});

it("judges the picture that moves, not an audio file's cover art", () => {
  const withCover = job({ video: { Codec_name: 'h264' } });
  withCover.MediaInfoProperty!.VideoStreamInfoList!.unshift({ Codec_name: 'mjpeg', Width: '600', Height: '600', PixFmt: 'yuvj444p' });
  expect(failing(withCover, { videoCodecs: ['h264'], height: { min: 1080 }, chroma: ['4:2:0'] })).toEqual([]);
  const coverOnly = job({ video: { Codec_name: 'png', Width: '600', Height: '600' } });
  expect(evaluateSpec(coverOnly, spec({ videoCodecs: ['h264'] })).Rules).toEqual([{ Rule: 'videoCodecs', Passed: false, Expected: 'h264', Actual: null }]);
});

it('compares the size as shown: a phone video turned 90° is portrait', () => {
  const rules = { width: { min: 540, max: 1080 }, height: { min: 960, max: 1920 } };
  expect(failing(job(), rules)).toEqual(['width']);
  const turned = evaluateSpec(job({ video: { Rotate: '-90' } }), spec(rules));
  expect(turned.Passed).toBe(true);
  expect(turned.Rules.map((r) => r.Actual)).toEqual(['1080', '1920']);
});

it('fails a rule the probe cannot answer, passes the audio rules of a file without audio unless audio is required', () => {
  const unknown = evaluateSpec(job({ video: { PixFmt: '' }, file: { Duration: 'N/A' } }), spec({ bitDepth: { max: 8 }, durationSeconds: { min: 1 } }));
  expect(unknown.Rules).toEqual([
    { Rule: 'bitDepth', Passed: false, Expected: '≤ 8', Actual: null },
    { Rule: 'durationSeconds', Passed: false, Expected: '≥ 1', Actual: null },
  ]);
  expect(failing(job({ audio: null }), { audioCodecs: ['aac'], sampleRates: [48000], channels: { min: 2 } })).toEqual([]);
  expect(evaluateSpec(job({ audio: null }), spec({ audioRequired: true, audioCodecs: ['aac'] })).Rules).toEqual([
    { Rule: 'audioRequired', Passed: false, Expected: 'yes', Actual: '0' },
    { Rule: 'audioCodecs', Passed: true, Expected: 'aac', Actual: 'none' },
  ]);
  // A job without a successful probe is not judged: no rule passes or fails.
  expect(evaluateSpec(job({ Status: 'Fail' }), spec({ containers: ['mp4'] }))).toEqual({ Id: 'test', Passed: false, Rules: [], NotJudged: 'no_successful_probe' });
});

it('reads the shipped example: three specs, every rule name used somewhere', () => {
  const file = path.join(__dirname, '../../../config/media-specs.example.json');
  const specs = parseSpecsFile(readFileSync(file, 'utf8'), file);
  expect(specs.map((s) => s.id)).toEqual(['web-1080p', 'broadcast-mezzanine', 'vertical-short']);
  expect(RULE_NAMES.filter((rule) => !specs.some((s) => rule in s.rules))).toEqual([]);
});

it('names each problem of a specs file with its line and column', () => {
  const text = `{
  "specs": [
    {
      "id": "web",
      "name": "Web",
      "rules": {
        "height": { "min": 1080, "max": 720 },
        "containers": [],
        "frameRates": { "min": 24 }
      }
    },
    { "id": "Web 2", "name": "Two", "rules": {} }
  ]
}`;
  expect(() => parseSpecsFile(text, 'specs.json')).toThrow(
    expect.objectContaining({
      problems: [
        'MEDIA_SPECS_FILE specs.json:8:9 specs[0].rules.containers: must list at least one name',
        'MEDIA_SPECS_FILE specs.json:7:9 specs[0].rules.height: min must not be above max',
        expect.stringMatching(/^MEDIA_SPECS_FILE specs\.json:6:7 specs\[0\]\.rules: .*frameRates/),
        expect.stringMatching(/^MEDIA_SPECS_FILE specs\.json:12:7 specs\[1\]\.id: must be lowercase letters/),
        'MEDIA_SPECS_FILE specs.json:12:37 specs[1].rules: must have at least one rule',
      ],
    }),
  );
  expect(() => parseSpecsFile('{ "specs": [ }', 'broken.json')).toThrow(expect.objectContaining({ problems: [expect.stringMatching(/^MEDIA_SPECS_FILE broken\.json:1:14 is not valid JSON/)] }));
});
