import { readFileSync } from 'node:fs';
import english from '@/messages/en.json';
import { formatBytes } from '@/lib/format/bytes';
import { formatDuration, formatElapsed } from '@/lib/format/duration';
import { formatTime } from '@/lib/format/time';
import { CJK_FONT_FROM, needsCjkFont, withLatin } from '@/lib/i18n/cjk-text';
import { LOCAL_RANGE, OUTPUT } from '@/scripts/cjk-font-css';

// A list row with no character the CJK web font draws is laid out without it (the `latin` rows of
// components/job-list/jobs-table.tsx). That is only the same to the eye if needsCjkFont is true for
// every character the font claims, and if an English row's own words never need it.

it('finds a character the CJK font draws in a string, an array or an object, and none in Latin text', () => {
  expect(needsCjkFont('keynote_final-v2.mp4 · 1920×1080 · 29.97 fps — h264 / aac…')).toBe(false);
  expect(needsCjkFont(String.fromCodePoint(CJK_FONT_FROM - 1))).toBe(false);
  expect(needsCjkFont(String.fromCodePoint(CJK_FONT_FROM))).toBe(true);
  expect(needsCjkFont('发布会.mp4')).toBe(true);
  // Beyond U+FFFF: a rare ideograph and an emoji, each two UTF-16 units.
  expect(needsCjkFont('𠀀')).toBe(true);
  expect(needsCjkFont('launch 🚀')).toBe(true);
  expect(needsCjkFont({ JobId: 'abc', failure: { code: 'X', message: 'ok' }, checks: [{ id: 'vfr' }] })).toBe(false);
  expect(needsCjkFont({ JobId: 'abc', failure: { code: 'X', message: '文件不存在' } })).toBe(true);
  expect(needsCjkFont({ checks: [{ params: { name: 'カメラ' } }] })).toBe(true);
  expect(needsCjkFont([1, null, undefined, true])).toBe(false);
});

it('flags the first character of every range the committed CJK font claims', () => {
  const css = readFileSync(OUTPUT, 'utf8');
  const ranges = [...css.matchAll(/unicode-range: ([^;]+);/g)].flatMap(([, range]) => range!.split(','));
  expect(ranges.length).toBeGreaterThan(90);
  for (const part of [...ranges, ...LOCAL_RANGE.split(',')]) {
    const first = parseInt(part.trim().slice(2).split('-')[0]!, 16);
    expect([part, needsCjkFont(String.fromCodePoint(first))]).toEqual([part, true]);
  }
});

it('needs no CJK font for any English word of the portal, nor for English sizes and durations', () => {
  expect(needsCjkFont(english)).toBe(false);
  expect(needsCjkFont([formatBytes(123_456_789, 'en'), formatElapsed(3_723_000, 'en'), formatElapsed(850, 'en')])).toBe(false);
});

// globals.css lays the list's times, durations and sizes out without the CJK font on every page, by
// column: only right while the portal writes them as digits and SI units in Chinese too.
it('writes the list’s times, durations and sizes without a CJK character in both languages', () => {
  for (const locale of ['en', 'zh-CN'] as const) {
    for (const timeZone of ['UTC', 'local'] as const) {
      const times = ['2026-12-06T07:32:33Z', '2026-01-01T23:59:59Z', '1999-06-30T12:00:00Z'].map((iso) => formatTime(iso, { timeZone, locale, withZone: false }));
      expect([locale, timeZone, times.filter(needsCjkFont)]).toEqual([locale, timeZone, []]);
    }
    const sizes = [0, 999, 123_456, 29_300_000, 4.2e12].map((bytes) => formatBytes(bytes, locale));
    expect([locale, sizes.filter(needsCjkFont)]).toEqual([locale, []]);
  }
  expect(['105.963', '5963.5', '0.04'].map(formatDuration).filter(needsCjkFont)).toEqual([]);
});

it('marks an element of data latin only when it has no CJK character', () => {
  expect(withLatin('keynote.mp4', 'job-link')).toBe('job-link latin');
  expect(withLatin('发布会.mp4', 'job-link')).toBe('job-link');
  expect(withLatin('mp4 · 1920×1080')).toBe('latin');
  expect(withLatin('素材')).toBeUndefined();
});
