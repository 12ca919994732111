import type { Locale } from '@/lib/i18n/locales';
import { MISSING, parseMediaNumber } from './numbers';

// SI symbols read the same in both languages (a Chinese storage console shows "1.23 GB" too); the
// number is laid out for the reader's language.
const UNITS = ['B', 'kB', 'MB', 'GB', 'TB', 'PB'];

const numberFormats = new Map<Locale, Intl.NumberFormat>();
const threeDigits = (locale: Locale) => {
  let format = numberFormats.get(locale);
  if (!format) numberFormats.set(locale, (format = new Intl.NumberFormat(locale, { maximumSignificantDigits: 3 })));
  return format;
};

/** Decimal SI units with three significant digits: "1.23 GB", as storage consoles show sizes. */
export function formatBytes(value: string | number | null | undefined, locale: Locale): string {
  const bytes = parseMediaNumber(value);
  if (bytes === undefined || bytes < 0) return MISSING;
  if (bytes < 1000) return `${threeDigits(locale).format(Math.round(bytes))} B`;
  let unit = 0;
  let scaled = bytes;
  while (scaled >= 1000 && unit < UNITS.length - 1) {
    scaled /= 1000;
    unit += 1;
  }
  // 999,999 B rounds to 1000 kB at three digits: move up a unit instead.
  if (Number(scaled.toPrecision(3)) >= 1000 && unit < UNITS.length - 1) {
    scaled /= 1000;
    unit += 1;
  }
  return `${threeDigits(locale).format(Number(scaled.toPrecision(3)))} ${UNITS[unit]}`;
}
