import fc from 'fast-check';
import { formatBitrate } from '@/lib/format/bitrate';
import { formatBytes } from '@/lib/format/bytes';
import { formatChannels } from '@/lib/format/channels';
import { formatDuration, formatElapsed } from '@/lib/format/duration';
import { formatFrameRate, parseFrameRate } from '@/lib/format/frame-rate';
import { MISSING, parseMediaNumber } from '@/lib/format/numbers';
import { describeRotation, formatAspectRatio, formatResolution } from '@/lib/format/resolution';
import { elapsedBetween, formatTime, formatWithIntl, zoneName } from '@/lib/format/time';
import { LOCALES } from '@/lib/i18n/locales';

describe('parseMediaNumber', () => {
  it.each([['403.039999', 403.039999], ['31737', 31737], [' 12 ', 12], ['-1.5', -1.5], ['1e3', 1000]])('reads %j as %d', (raw, n) => {
    expect(parseMediaNumber(raw)).toBe(n);
  });
  it.each(['', '0.f', 'N/A', 'abc', '1,5', 'Infinity', 'NaN'])('treats %j as missing', (raw) => {
    expect(parseMediaNumber(raw)).toBeUndefined();
  });
  it('refuses a value longer than any number at once, however it ends', () => {
    // 30,000 digits and a letter took seconds with a pattern that could split the digits two ways.
    const started = performance.now();
    for (const raw of ['1'.repeat(30_000) + 'x', '1'.repeat(30_000), `.${'1'.repeat(30_000)}e`, `${'1'.repeat(65)}`]) expect(parseMediaNumber(raw)).toBeUndefined();
    expect(performance.now() - started).toBeLessThan(100);
    expect(parseMediaNumber('1'.repeat(64))).toBe(Number('1'.repeat(64)));
  });
  it('round-trips any finite double written as a string', () => {
    fc.assert(fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (n) => expect(parseMediaNumber(String(n))).toBe(n === 0 ? 0 : n)));
  });
});

describe('formatBytes', () => {
  it.each([
    ['1234567890', '1.23 GB'],
    ['31737', '31.7 kB'],
    ['999', '999 B'],
    ['999999', '1 MB'],
    ['1000', '1 kB'],
    ['0', '0 B'],
    ['', MISSING],
    [undefined, MISSING],
  ])('shows %j as %s', (raw, shown) => expect(formatBytes(raw, 'en')).toBe(shown));
  it('lays the number out for the language, with the same SI symbols', () => {
    expect(formatBytes('1234567890', 'zh-CN')).toBe('1.23 GB');
    expect(formatBytes('999', 'zh-CN')).toBe('999 B');
  });
  it('never throws and always returns a string', () => {
    fc.assert(fc.property(fc.string(), (s) => expect(typeof formatBytes(s, 'en')).toBe('string')));
  });
});

describe('durations', () => {
  it.each([
    ['3723.456', '01:02:03.456'],
    ['403.039999', '00:06:43.040'],
    ['0', '00:00:00.000'],
    ['59.9996', '00:01:00.000'],
    ['0.f', MISSING],
  ])('formats %j as %s', (raw, shown) => expect(formatDuration(raw)).toBe(shown));
  it.each([
    [850, '850 ms', '850毫秒'],
    [12_400, '12.4 sec', '12.4秒'],
    [185_000, '3 min 05 sec', '3分钟05秒'],
    [7_380_000, '2 hr 03 min', '2小时03分钟'],
    [-1, MISSING, MISSING],
  ])('formats %d ms of processing as %s in English and %s in Chinese', (ms, en, zh) => {
    expect(formatElapsed(ms, 'en')).toBe(en);
    expect(formatElapsed(ms, 'zh-CN')).toBe(zh);
  });
});

describe('formatBitrate (ICE sends kbit/s)', () => {
  it.each([
    ['888.563', '888.6 kb/s'],
    ['4500', '4.5 Mb/s'],
    ['128', '128 kb/s'],
    ['96.25', '96.25 kb/s'],
    ['0.f', MISSING],
    ['0', MISSING],
  ])('formats %j as %s', (raw, shown) => expect(formatBitrate(raw)).toBe(shown));
});

describe('frame rates', () => {
  it.each([
    ['25.0', '25 fps'],
    ['29.97', '29.97 fps'],
    ['30000/1001', '29.97 fps'],
    ['24000/1001', '23.976 fps'],
    ['0/0', MISSING],
    ['', MISSING],
  ])('formats %j as %s', (raw, shown) => expect(formatFrameRate(raw)).toBe(shown));
  it('parses rationals', () => expect(parseFrameRate('60000/1001')).toBeCloseTo(59.94, 2));
});

describe('geometry', () => {
  it('shows resolution, aspect ratio and rotation, or nothing when unknown', () => {
    expect(formatResolution('1920', '1080')).toBe('1920×1080');
    expect(formatResolution('', '1080')).toBe(MISSING);
    expect(formatAspectRatio('16:9')).toBe('16:9');
    expect(formatAspectRatio('0:1')).toBe(MISSING);
    expect(describeRotation('90')).toBe('90°');
    expect(describeRotation('-90')).toBe('270°');
    expect(describeRotation('0')).toBeUndefined();
    expect(describeRotation(undefined)).toBeUndefined();
  });
  it('shows channels with their layout', () => {
    expect(formatChannels('2', 'stereo')).toBe('2 (stereo)');
    expect(formatChannels('6', '5.1(side)')).toBe('6 (5.1(side))');
    expect(formatChannels('1', '')).toBe('1');
    expect(formatChannels(undefined, undefined)).toBe(MISSING);
  });
});

describe('times', () => {
  it('shows a UTC time in a sortable form', () => {
    expect(formatTime('2022-01-12T08:49:41Z', { timeZone: 'UTC', locale: 'en' })).toBe('2022-01-12 08:49:41 UTC');
    expect(formatTime('not a time', { timeZone: 'UTC', locale: 'en' })).toBe(MISSING);
  });
  it('leaves the zone out when a table names it once in its header', () => {
    for (const timeZone of ['UTC', 'local'] as const) {
      for (const locale of LOCALES) {
        const full = formatTime('2022-01-12T08:49:41Z', { timeZone, locale });
        expect(`${formatTime('2022-01-12T08:49:41Z', { timeZone, locale, withZone: false })} ${zoneName({ timeZone, locale }, Date.parse('2022-01-12T08:49:41Z'))}`).toBe(full);
      }
    }
    expect(formatTime('2022-01-12T08:49:41Z', { timeZone: 'UTC', locale: 'zh-CN', withZone: false })).toBe('2022/01/12 08:49:41');
    expect(zoneName({ timeZone: 'UTC', locale: 'en' })).toBe('UTC');
  });
  it('keeps year-month-day order in Chinese, with its own separator', () => {
    expect(formatTime('2022-01-12T08:49:41Z', { timeZone: 'UTC', locale: 'zh-CN' })).toBe('2022/01/12 08:49:41 UTC');
  });
  it.each(LOCALES)('lays out UTC times in %s exactly as Intl does, from 1970 to 2999 and at the edges of a day', (locale) => {
    const times = [0, Date.UTC(1999, 11, 31, 23, 59, 59), Date.UTC(2000, 1, 29), Date.UTC(2024, 0, 1, 0, 0, 0, 999), Date.UTC(2999, 11, 31, 23, 59, 59)];
    for (let i = 0; i < 2000; i++) times.push(Math.floor(((i * 7919) % 2000) / 2000 * Date.UTC(3000, 0, 1)) + i * 997);
    const differ = times.filter((ms) => formatTime(new Date(ms).toISOString(), { timeZone: 'UTC', locale }) !== formatWithIntl(ms, { timeZone: 'UTC', locale }));
    expect(differ.map((ms) => new Date(ms).toISOString())).toEqual([]);
  });
  it('lays out a year past 9999 through Intl rather than cutting it', () => {
    expect(formatTime('+010000-01-01T00:00:00Z', { timeZone: 'UTC', locale: 'en' })).toBe(formatWithIntl(Date.UTC(10000, 0, 1), { timeZone: 'UTC', locale: 'en' }));
  });
  it('measures elapsed time only when both ends are valid and in order', () => {
    expect(elapsedBetween('2022-01-12T08:49:41Z', '2022-01-12T08:50:41Z')).toBe(60_000);
    expect(elapsedBetween('2022-01-12T08:50:41Z', '2022-01-12T08:49:41Z')).toBeUndefined();
    expect(elapsedBetween(undefined, '2022-01-12T08:49:41Z')).toBeUndefined();
  });
});
