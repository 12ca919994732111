import { execFileSync } from 'node:child_process';
import fc from 'fast-check';
import { REPO_ROOT } from '@/harness/repo-root';
import { fromInputValue, presetStart, TIME_PRESETS, toInputValue } from '@/lib/jobs/time-range';

describe('presetStart', () => {
  const now = Date.parse('2024-07-01T12:34:56.789Z');

  it.each([
    ['1h', '2024-07-01T11:34:00Z'],
    ['24h', '2024-06-30T12:34:00Z'],
    ['7d', '2024-06-24T12:34:00Z'],
    ['30d', '2024-06-01T12:34:00Z'],
  ])('starts the %s preset that long before now, at the whole minute, in UTC: %s', (id, start) => {
    const preset = TIME_PRESETS.find((p) => p.id === id)!;
    expect(presetStart(preset.ms, now)).toBe(start);
  });

  it('gives the same start, so the same link, anywhere within one minute', () => {
    const hour = TIME_PRESETS[0].ms;
    expect(presetStart(hour, Date.parse('2024-07-01T12:34:00.000Z'))).toBe(presetStart(hour, Date.parse('2024-07-01T12:34:59.999Z')));
    expect(presetStart(hour, Date.parse('2024-07-01T12:35:00.000Z'))).not.toBe(presetStart(hour, Date.parse('2024-07-01T12:34:59.999Z')));
  });
});

describe('toInputValue and fromInputValue in UTC', () => {
  it.each([
    ['2024-07-01T08:30:45Z', '2024-07-01T08:30'],
    ['2024-07-01T16:30:00+08:00', '2024-07-01T08:30'],
    ['2024-12-31T23:59:59.999Z', '2024-12-31T23:59'],
  ])('shows %s as the datetime-local value %s', (iso, value) => {
    expect(toInputValue(iso, 'UTC')).toBe(value);
  });

  it.each([undefined, '', 'yesterday', '2024-13-01T00:00:00Z'])('shows an empty field for %j', (iso) => {
    expect(toInputValue(iso, 'UTC')).toBe('');
  });

  it.each([
    ['2024-07-01T08:30', '2024-07-01T08:30:00Z'],
    ['2024-07-01T08:30:15', '2024-07-01T08:30:15Z'],
  ])('reads %s as %s', (value, iso) => {
    expect(fromInputValue(value, 'UTC')).toBe(iso);
  });

  it.each(['', '2024-07-01', '2024-07-01 08:30', '2024-07-01T08:30Z', '2024-07-01T08:30:00.500', '2024-13-01T08:30', '2024-07-01T24:30'])(
    'reads %j as no time at all',
    (value) => {
      expect(fromInputValue(value, 'UTC')).toBeUndefined();
    },
  );

  it('round-trips any whole-minute time through the field', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.parse('2000-01-01T00:00:00Z') / 60_000, max: Date.parse('2099-12-31T23:59:00Z') / 60_000 }), (minutes) => {
        const iso = new Date(minutes * 60_000).toISOString().replace('.000Z', 'Z');
        expect(fromInputValue(toInputValue(iso, 'UTC'), 'UTC')).toBe(iso);
      }),
    );
  });
});

describe("toInputValue and fromInputValue in the viewer's zone", () => {
  // The zone of a running Node process cannot be changed from inside jest, and this machine runs in
  // UTC, where 'local' and 'UTC' agree: so the module runs in a child with TZ set.
  function inZone(timeZone: string): Record<string, unknown> {
    const script = `const m = require('./lib/jobs/time-range.ts');
console.log(JSON.stringify({
  summerOut: m.toInputValue('2024-07-01T02:05:00Z', 'local'),
  summerIn: m.fromInputValue('2024-06-30T19:05', 'local'),
  winterIn: m.fromInputValue('2024-01-15T12:00', 'local'),
  utcOut: m.toInputValue('2024-07-01T02:05:00Z', 'UTC'),
}));`;
    const out = execFileSync(process.execPath, ['--import', 'tsx', '-e', script], { cwd: REPO_ROOT, env: { ...process.env, TZ: timeZone }, encoding: 'utf8' });
    return JSON.parse(out) as Record<string, unknown>;
  }

  it('shows and reads wall-clock time in Los Angeles, with its daylight saving time by date', () => {
    expect(inZone('America/Los_Angeles')).toEqual({
      summerOut: '2024-06-30T19:05', // UTC-7 in July: the day before
      summerIn: '2024-07-01T02:05:00Z',
      winterIn: '2024-01-15T20:00:00Z', // UTC-8 in January
      utcOut: '2024-07-01T02:05', // the UTC choice ignores the machine's zone
    });
  });

  it('shows and reads wall-clock time in Shanghai', () => {
    expect(inZone('Asia/Shanghai')).toEqual({
      summerOut: '2024-07-01T10:05',
      summerIn: '2024-06-30T11:05:00Z',
      winterIn: '2024-01-15T04:00:00Z',
      utcOut: '2024-07-01T02:05',
    });
  });
});
