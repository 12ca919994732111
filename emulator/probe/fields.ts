// How ICE writes a media field: every number a string, in ffprobe's own formats (see write.ts for the
// units), and an absent field absent rather than undefined.

export function seconds(value: number): string {
  return value.toFixed(6);
}

export function kbps(value: number): string {
  return value.toFixed(3);
}

/** "25.0" for whole rates, "29.97" and "23.976" for NTSC ones, as ICE prints them. */
export function formatFps(fps: number): string {
  const rounded = Math.round(fps * 1000) / 1000;
  return Number.isInteger(rounded) ? rounded.toFixed(1) : String(rounded);
}

export function ratio(a: number, b: number, separator = '/'): string {
  const d = gcd(a, b);
  return `${a / d}${separator}${b / d}`;
}

function gcd(a: number, b: number): number {
  while (b !== 0) [a, b] = [b, a % b];
  return a;
}

/** Drops keys whose value is undefined, so an absent field is absent rather than `undefined`. */
export function compact<T extends object>(value: T): T {
  for (const key of Object.keys(value) as (keyof T)[]) {
    if (value[key] === undefined) delete value[key];
  }
  return value;
}
