// ICE sends every media number as a string that may be missing, empty or junk ("0.f" in its own
// documentation). These helpers never throw: anything unreadable becomes MISSING on screen.

export const MISSING = '—';

/** A finite number, or undefined for missing, empty or unreadable values (including "0.f", "N/A"). */
export function parseMediaNumber(value: string | number | null | undefined): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(trimmed)) return undefined;
  const parsed = Number(trimmed);
  return Number.isFinite(parsed) ? parsed : undefined;
}
