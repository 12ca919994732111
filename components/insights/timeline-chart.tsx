import { AxisBottom, AxisLeft } from '@visx/axis';
import { Group } from '@visx/group';
import { scaleBand, scaleLinear } from '@visx/scale';
import { BarStack } from '@visx/shape';
import type { StatusCounts } from '@/lib/insights/figures';

// Jobs over time, stacked by status: SVG drawn on the server (visx's shapes and scales, no client code),
// each part of a bar a link to the /jobs list of that slot and status. The links are for the pointer
// (out of the tab order: a week by the hour would be 700 stops); the table beside the chart has the
// same links for the keyboard and screen readers.

export const STATUS_KEYS = ['Success', 'Fail', 'Init', 'Other'] as const;
export type StatusKey = (typeof STATUS_KEYS)[number];

export interface TimelineSlot {
  /** The slot's start, ms. */
  start: number;
  label: string;
  counts: StatusCounts;
  /** /jobs for this slot and a status. */
  hrefs: Record<StatusKey, string>;
}

const WIDTH = 720;
const HEIGHT = 220;
const MARGIN = { top: 8, right: 8, bottom: 28, left: 44 };

export function TimelineChart({ slots, titleId, statusLabel, barLabel, count }: {
  slots: TimelineSlot[];
  titleId: string;
  statusLabel: Record<StatusKey, string>;
  /** "3 Dec 14:00, failed: 5" in the reader's language. */
  barLabel: (slot: TimelineSlot, status: StatusKey) => string;
  /** A count on the axis in the reader's locale ("1,200"). */
  count: (value: number) => string;
}) {
  const innerWidth = WIDTH - MARGIN.left - MARGIN.right;
  const innerHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const most = Math.max(1, ...slots.map((s) => STATUS_KEYS.reduce((sum, key) => sum + s.counts[key], 0)));
  const x = scaleBand<number>({ domain: slots.map((s) => s.start), range: [0, innerWidth], padding: 0.15 });
  const y = scaleLinear<number>({ domain: [0, most], range: [innerHeight, 0], nice: true });
  const every = Math.max(1, Math.ceil(slots.length / 8));
  const labels = new Map(slots.map((s) => [s.start, s.label]));
  const data = slots.map((s) => ({ start: s.start, ...s.counts }));
  return (
    <svg className="chart" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="group" aria-labelledby={titleId}>
      <Group top={MARGIN.top} left={MARGIN.left}>
        <BarStack data={data} keys={[...STATUS_KEYS]} x={(d) => d.start} xScale={x} yScale={y} color={(key) => `var(--chart-${key.toLowerCase()})`}>
          {(stacks) =>
            stacks.map((stack) =>
              stack.bars.map((bar) => {
                const slot = slots[bar.index]!;
                if (bar.height <= 0) return null;
                return (
                  <a key={`${stack.key}-${bar.index}`} href={slot.hrefs[stack.key]} tabIndex={-1} aria-label={barLabel(slot, stack.key)}>
                    <rect x={bar.x} y={bar.y} width={bar.width} height={bar.height} fill={bar.color} className="chart-bar">
                      <title>{barLabel(slot, stack.key)}</title>
                    </rect>
                  </a>
                );
              }),
            )
          }
        </BarStack>
        <AxisLeft scale={y} numTicks={4} tickFormat={(v) => count(Number(v))} stroke="currentColor" tickStroke="currentColor" tickLabelProps={{ fill: 'currentColor', fontSize: 11 }} />
        <AxisBottom
          top={innerHeight}
          scale={x}
          tickValues={slots.filter((_, i) => i % every === 0).map((s) => s.start)}
          tickFormat={(v) => labels.get(v) ?? ''}
          stroke="currentColor"
          tickStroke="currentColor"
          tickLabelProps={{ fill: 'currentColor', fontSize: 11 }}
        />
      </Group>
      <desc>{STATUS_KEYS.map((key) => statusLabel[key]).join(', ')}</desc>
    </svg>
  );
}
