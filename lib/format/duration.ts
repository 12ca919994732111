import type { Locale } from '@/lib/i18n/locales';
import { MISSING, parseMediaNumber } from './numbers';

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** Media durations as editors read them: "01:02:03.456", hours always shown. */
export function formatDuration(seconds: string | number | null | undefined): string {
  const value = parseMediaNumber(seconds);
  if (value === undefined || value < 0) return MISSING;
  const totalMs = Math.round(value * 1000);
  const ms = totalMs % 1000;
  const totalSeconds = Math.floor(totalMs / 1000);
  return `${pad(Math.floor(totalSeconds / 3600))}:${pad(Math.floor(totalSeconds / 60) % 60)}:${pad(totalSeconds % 60)}.${pad(ms, 3)}`;
}

type ElapsedUnit = 'millisecond' | 'second' | 'minute' | 'hour';

const unitFormats = new Map<string, Intl.NumberFormat>();
const listFormats = new Map<Locale, Intl.ListFormat>();

/** "12.4 sec" / "12.4秒": the language's own short unit words, from the runtime's CLDR data. */
function inUnit(locale: Locale, unit: ElapsedUnit, value: number, options: Intl.NumberFormatOptions = {}): string {
  const key = `${locale}|${unit}|${JSON.stringify(options)}`;
  let format = unitFormats.get(key);
  if (!format) unitFormats.set(key, (format = new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'short', ...options })));
  return format.format(value);
}

/** "3 min 05 sec" / "3分钟05秒": two units joined as the language joins them. */
function both(locale: Locale, first: string, second: string): string {
  let format = listFormats.get(locale);
  if (!format) listFormats.set(locale, (format = new Intl.ListFormat(locale, { type: 'unit', style: 'narrow' })));
  return format.format([first, second]);
}

const TWO_DIGITS = { minimumIntegerDigits: 2 };

/** Processing times: "850 ms", "12.4 sec", "3 min 05 sec", "2 hr 03 min"; in Chinese "850毫秒", "3分钟05秒". */
export function formatElapsed(ms: number | null | undefined, locale: Locale): string {
  if (ms === undefined || ms === null || !Number.isFinite(ms) || ms < 0) return MISSING;
  if (ms < 1000) return inUnit(locale, 'millisecond', Math.round(ms));
  if (ms < 60_000) return inUnit(locale, 'second', Math.floor(ms / 100) / 10, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const seconds = Math.floor(ms / 1000);
  if (seconds < 3600) return both(locale, inUnit(locale, 'minute', Math.floor(seconds / 60)), inUnit(locale, 'second', seconds % 60, TWO_DIGITS));
  return both(locale, inUnit(locale, 'hour', Math.floor(seconds / 3600)), inUnit(locale, 'minute', Math.floor(seconds / 60) % 60, TWO_DIGITS));
}
