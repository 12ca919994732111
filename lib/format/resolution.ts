import { MISSING, parseMediaNumber } from './numbers';

export function formatResolution(width: string | number | null | undefined, height: string | number | null | undefined): string {
  const w = parseMediaNumber(width);
  const h = parseMediaNumber(height);
  return w && h && w > 0 && h > 0 ? `${w}×${h}` : MISSING;
}

/** "16:9" as sent; ffprobe's "0:1" means unknown. */
export function formatAspectRatio(ratio: string | null | undefined): string {
  const match = typeof ratio === 'string' ? /^\s*(\d+)\s*:\s*(\d+)\s*$/.exec(ratio) : null;
  if (!match || Number(match[1]) === 0 || Number(match[2]) === 0) return MISSING;
  return `${Number(match[1])}:${Number(match[2])}`;
}

/** "90°" for a rotated stream; undefined when there is no rotation to mention. */
export function describeRotation(rotate: string | null | undefined): string | undefined {
  const degrees = parseMediaNumber(rotate);
  if (degrees === undefined) return undefined;
  const normalised = ((Math.round(degrees) % 360) + 360) % 360;
  return normalised === 0 ? undefined : `${normalised}°`;
}
