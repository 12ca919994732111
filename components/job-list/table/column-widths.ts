// How wide the list's columns are. The table's layout is fixed (globals.css): the browser sizes it from
// these widths alone, never from what the cells hold, which keeps a page of 100 rows cheap to lay out.
// So nothing but these widths stops a column from being squeezed to nothing.

/** A length, or a share of the table's width. */
type Width = { rem: number } | { share: number };

const WIDTHS: Readonly<Record<string, Width>> = {
  select: { rem: 2.4 },
  status: { rem: 7.8 },
  reason: { share: 0.19 },
  media: { share: 0.2 },
  duration: { rem: 7.2 },
  size: { rem: 5.6 },
  submitted: { rem: 10.6 },
  finished: { rem: 10.6 },
  processing: { rem: 6.2 },
  trigger: { rem: 6 },
};

/** A page of failures has no media to show: the reason takes that room. */
const REASON_WITHOUT_MEDIA: Width = { share: 0.34 };

/** The job column has no width of its own: it takes what the others leave, and never less than this. */
export const JOB_MIN_REM = 14;

export interface ColumnLayout {
  /** Each shown column's CSS width; none for the job column. */
  widths: Record<string, string | undefined>;
  /**
   * The table's least width, so that the job column keeps JOB_MIN_REM: with more columns chosen than
   * the page holds, the table grows past it and scrolls sideways instead.
   */
  minWidth: string;
}

export function columnLayout(shown: readonly string[]): ColumnLayout {
  const widths: Record<string, string | undefined> = {};
  let rem = JOB_MIN_REM;
  let share = 0;
  for (const id of shown) {
    const width = id === 'reason' && !shown.includes('media') ? REASON_WITHOUT_MEDIA : WIDTHS[id];
    if (!width) continue;
    if ('rem' in width) {
      rem += width.rem;
      widths[id] = `${width.rem}rem`;
    } else {
      share += width.share;
      widths[id] = `${Math.round(width.share * 100)}%`;
    }
  }
  // The shares are of the whole table, so the lengths and the job column fill what they leave.
  return { widths, minWidth: `${(rem / (1 - share)).toFixed(2)}rem` };
}
