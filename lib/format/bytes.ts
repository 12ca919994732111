import { MISSING, parseMediaNumber } from './numbers';

const UNITS = ['B', 'kB', 'MB', 'GB', 'TB', 'PB'];

/** Decimal SI units with three significant digits: "1.23 GB", as storage consoles show sizes. */
export function formatBytes(value: string | number | null | undefined): string {
  const bytes = parseMediaNumber(value);
  if (bytes === undefined || bytes < 0) return MISSING;
  if (bytes < 1000) return `${Math.round(bytes)} B`;
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
  return `${Number(scaled.toPrecision(3))} ${UNITS[unit]}`;
}
