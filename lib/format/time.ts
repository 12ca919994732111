import { MISSING } from './numbers';

/** UTC, or the zone of whoever runs the code (the viewer's browser): the viewer's choice for every time. */
export type TimeZoneChoice = 'local' | 'UTC';

export interface TimeFormat {
  timeZone: TimeZoneChoice;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: TimeZoneChoice): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-CA', {
      ...(timeZone === 'UTC' ? { timeZone: 'UTC' } : {}),
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
      timeZoneName: 'short',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** "2022-01-12 08:49:41 UTC": sortable, unambiguous, the same shape in every zone. */
export function formatTime(iso: string | null | undefined, { timeZone }: TimeFormat): string {
  const ms = typeof iso === 'string' ? Date.parse(iso) : Number.NaN;
  if (Number.isNaN(ms)) return MISSING;
  const parts = Object.fromEntries(formatterFor(timeZone).formatToParts(ms).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}:${parts.second} ${parts.timeZoneName}`;
}

/** Milliseconds from start to end, or undefined when either is missing or invalid, or end precedes start. */
export function elapsedBetween(startIso: string | null | undefined, endIso: string | null | undefined): number | undefined {
  const start = typeof startIso === 'string' ? Date.parse(startIso) : Number.NaN;
  const end = typeof endIso === 'string' ? Date.parse(endIso) : Number.NaN;
  if (Number.isNaN(start) || Number.isNaN(end) || end < start) return undefined;
  return end - start;
}
