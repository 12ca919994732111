// Create-time filters: presets relative to now, and <input type="datetime-local"> values read in the
// viewer's chosen zone. Always sent as absolute UTC times, so a shared link shows the same list.
import type { TimeZoneChoice } from '@/lib/format/time';
import { iceTime } from '@/lib/ice/ice-time';

/** Named by id; their words are in the messages (filters.presets). */
export const TIME_PRESETS = [
  { id: '1h', ms: 3600_000 },
  { id: '24h', ms: 86_400_000 },
  { id: '7d', ms: 7 * 86_400_000 },
  { id: '30d', ms: 30 * 86_400_000 },
] as const;

export type TimePreset = (typeof TIME_PRESETS)[number]['id'];

export const isTimePreset = (value: unknown): value is TimePreset => TIME_PRESETS.some((preset) => preset.id === value);

/** How long a preset reaches back. */
export const presetMs = (preset: TimePreset) => TIME_PRESETS.find((p) => p.id === preset)!.ms;

/** The start of a preset, at a whole minute so a link made now and one a second later agree. */
export function presetStart(ms: number, nowMs: number = Date.now()): string {
  return iceTime(Math.floor((nowMs - ms) / 60_000) * 60_000);
}

/** A datetime-local value ("2024-07-01T08:30") for an ISO time, in the given zone. */
export function toInputValue(iso: string | undefined, zone: TimeZoneChoice): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  if (zone === 'UTC') return date.toISOString().slice(0, 16);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** The ISO UTC time for a datetime-local value read in the given zone; undefined when blank or invalid. */
export function fromInputValue(value: string, zone: TimeZoneChoice): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(value)) return undefined;
  const ms = zone === 'UTC' ? Date.parse(`${value.length === 16 ? `${value}:00` : value}Z`) : new Date(value).getTime();
  return Number.isNaN(ms) ? undefined : iceTime(ms);
}
