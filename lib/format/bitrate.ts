import { MISSING, parseMediaNumber } from './numbers';

/**
 * ICE reports bitrates in kbit/s with decimals ("888.563" for a 848x478 stream in its documentation).
 * Shown as "888.6 kb/s" below 1 Mb/s and "4.5 Mb/s" above: one decimal is what people compare.
 */
export function formatBitrate(kbps: string | number | null | undefined): string {
  const value = parseMediaNumber(kbps);
  if (value === undefined || value <= 0) return MISSING;
  if (value >= 1000) return `${trim(value / 1000)} Mb/s`;
  return `${trim(value)} kb/s`;
}

function trim(value: number): string {
  return value >= 100 ? String(Math.round(value * 10) / 10) : String(Math.round(value * 100) / 100);
}
