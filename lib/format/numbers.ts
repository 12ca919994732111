// ICE sends every media number as a string that may be missing, empty or junk ("0.f" in its own
// documentation). These helpers never throw: anything unreadable becomes MISSING on screen.

export const MISSING = '—';

/** Longer than any number ICE writes (a byte count, a duration with microseconds); past it, unreadable. */
const MAX_NUMBER_CHARS = 64;
// Each part can match in one way only (the fraction's digits follow a dot), so a long run of digits
// followed by junk fails in one pass: "\d+\.?\d*" could split the run between its two groups in n ways,
// and took seconds for 30,000 digits.
const DECIMAL = /^[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[-+]?\d+)?$/i;

/** A finite number, or undefined for missing, empty or unreadable values (including "0.f", "N/A"). */
export function parseMediaNumber(value: string | number | null | undefined): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  if (trimmed.length > MAX_NUMBER_CHARS || !DECIMAL.test(trimmed)) return undefined;
  const parsed = Number(trimmed);
  return Number.isFinite(parsed) ? parsed : undefined;
}
