// Prints figures with their targets and PASS or MISS; the benchmarks are measurements, not tests.

export interface Figure {
  name: string;
  value: number;
  unit: string;
  target?: { atLeast?: number; atMost?: number };
}

export function verdict(figure: Figure): 'PASS' | 'MISS' | '' {
  const { target, value } = figure;
  if (!target) return '';
  const ok = (target.atLeast === undefined || value >= target.atLeast) && (target.atMost === undefined || value <= target.atMost);
  return ok ? 'PASS' : 'MISS';
}

function describeTarget(figure: Figure): string {
  if (!figure.target) return '';
  const parts = [];
  if (figure.target.atLeast !== undefined) parts.push(`>= ${figure.target.atLeast}`);
  if (figure.target.atMost !== undefined) parts.push(`<= ${figure.target.atMost}`);
  return `target ${parts.join(' and ')}`;
}

const show = (n: number) => (Math.abs(n) >= 100 ? n.toFixed(0) : Math.abs(n) >= 10 ? n.toFixed(1) : n.toFixed(2));

/** Prints a titled table; true when no figure missed its target. */
export function report(title: string, figures: Figure[]): boolean {
  console.log(`\n${title}`);
  for (const figure of figures) {
    const value = `${show(figure.value)} ${figure.unit}`.trim();
    console.log(`  ${figure.name.padEnd(62)} ${value.padStart(14)}  ${describeTarget(figure).padEnd(20)} ${verdict(figure)}`);
  }
  return figures.every((f) => verdict(f) !== 'MISS');
}
