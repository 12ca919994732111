import { scaleLinear } from '@visx/scale';
import { Bar } from '@visx/shape';

// A list of labelled counts as horizontal bars (the media mix, the processing-time histogram): each row
// is text (label and count, readable without the bar) with the bar beside it in SVG from visx; a row
// with an href is a link to the jobs it counts.

export interface BarRow {
  key: string;
  label: string;
  count: number;
  /** Shown after the count: a share, say. */
  note?: string;
  href?: string;
  /** Said on hover: the full name behind a short label. */
  title?: string;
  /** The label is data (a codec's name), shown as it is in every language. */
  data?: boolean;
}

const BAR_WIDTH = 200;
const BAR_HEIGHT = 12;

export function BarList({ rows, label, countText }: { rows: BarRow[]; label: string; countText: (n: number) => string }) {
  const most = Math.max(1, ...rows.map((r) => r.count));
  const width = scaleLinear<number>({ domain: [0, most], range: [0, BAR_WIDTH] });
  return (
    <ul className="bar-list" aria-label={label}>
      {rows.map((row) => {
        const content = (
          <>
            <span className="bar-label" title={row.title} translate={row.data ? 'no' : undefined}>
              {row.label}
            </span>
            <svg className="bar-svg" viewBox={`0 0 ${BAR_WIDTH} ${BAR_HEIGHT}`} preserveAspectRatio="none" aria-hidden="true" focusable="false">
              <Bar x={0} y={0} width={Math.max(row.count > 0 ? 2 : 0, width(row.count))} height={BAR_HEIGHT} className="bar-fill" />
            </svg>
            <span className="bar-count">
              {countText(row.count)}
              {row.note && <span className="muted"> {row.note}</span>}
            </span>
          </>
        );
        return (
          <li key={row.key}>
            {row.href ? (
              <a className="bar-row" href={row.href}>
                {content}
              </a>
            ) : (
              <span className="bar-row">{content}</span>
            )}
          </li>
        );
      })}
    </ul>
  );
}
