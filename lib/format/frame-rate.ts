import { MISSING, parseMediaNumber } from './numbers';

/** "25.0", "29.97" or a rational "30000/1001"; "0/0" and junk are unknown. */
export function parseFrameRate(value: string | null | undefined): number | undefined {
  if (typeof value !== 'string') return undefined;
  const rational = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(value);
  if (rational) {
    const den = Number(rational[2]);
    const rate = den === 0 ? undefined : Number(rational[1]) / den;
    return rate && Number.isFinite(rate) ? rate : undefined;
  }
  const rate = parseMediaNumber(value);
  return rate !== undefined && rate > 0 ? rate : undefined;
}

/**
 * The frame rate a stream plays at (its average, else its nominal rate), to two decimals: what the
 * insights count files by and the FrameRate search filter matches ("25", "29.97").
 */
export function frameRateKey(stream: { Avg_fps?: string; Fps?: string } | undefined): string | undefined {
  const rate = parseFrameRate(stream?.Avg_fps || stream?.Fps);
  return rate === undefined ? undefined : String(Math.round(rate * 100) / 100);
}

/** "25 fps", "29.97 fps", "23.976 fps": up to three decimals, trailing zeros dropped. */
export function formatFrameRate(value: string | null | undefined): string {
  const rate = parseFrameRate(value);
  return rate === undefined ? MISSING : `${Math.round(rate * 1000) / 1000} fps`;
}
