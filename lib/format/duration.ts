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

/** Processing times: "850 ms", "12.4 s", "3 min 05 s", "2 h 03 min". */
export function formatElapsed(ms: number | null | undefined): string {
  if (ms === undefined || ms === null || !Number.isFinite(ms) || ms < 0) return MISSING;
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(Math.floor(ms / 100) / 10).toFixed(1)} s`;
  const seconds = Math.floor(ms / 1000);
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min ${pad(seconds % 60)} s`;
  return `${Math.floor(seconds / 3600)} h ${pad(Math.floor(seconds / 60) % 60)} min`;
}
