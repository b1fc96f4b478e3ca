/**
 * Terminal charts for the batch reports: plain text, so they print anywhere (pipes, CI logs, a
 * projector). They render numbers computed elsewhere; no statistics are made here.
 */
import { scoreText } from '../analysis/render.ts';
import { SCORE_NAMES, type MetricName, type ScoreName } from './record.ts';
import type { IntHistogram } from './stats.ts';

const BLOCKS = ' ▏▎▍▌▋▊▉█';

function bar(value: number, max: number, width: number): string {
  if (max <= 0) return '';
  const eighths = Math.round((value / max) * width * 8);
  return '█'.repeat(Math.floor(eighths / 8)) + (eighths % 8 ? BLOCKS[eighths % 8] : '');
}

/** A horizontal histogram of an integer histogram, in at most `maxRows` equal-width bins. */
export function histogramChart(title: string, h: IntHistogram, { maxRows = 16, width = 40 } = {}): string {
  const lines = [title];
  if (h.n === 0) return `${title}\n  (no games)`;
  const lo = h.counts.findIndex((c) => c > 0);
  const hi = h.max();
  const binWidth = Math.max(1, Math.ceil((hi - lo + 1) / maxRows));
  const bins: { from: number; to: number; count: number }[] = [];
  for (let from = lo; from <= hi; from += binWidth) {
    let count = 0;
    for (let v = from; v < from + binWidth && v <= hi; v++) count += h.counts[v] ?? 0;
    bins.push({ from, to: Math.min(hi, from + binWidth - 1), count });
  }
  const peak = Math.max(...bins.map((b) => b.count));
  const labelWidth = String(hi).length * 2 + 1;
  for (const b of bins) {
    const label = (b.from === b.to ? String(b.from) : `${b.from}-${b.to}`).padStart(labelWidth);
    const pct = ((b.count / h.n) * 100).toFixed(1).padStart(5);
    lines.push(`  ${label} │${bar(b.count, peak, width).padEnd(width)} ${pct}%`);
  }
  return lines.join('\n');
}

export interface FanPoint {
  readonly p5: number;
  readonly p50: number;
  readonly p95: number;
}

/**
 * A fan chart of a per-turn series on a small integer scale (the ladder's rungs): one column per turn,
 * ● the median, ░ the 5–95 % band.
 */
export function fanChart(
  title: string,
  points: readonly FanPoint[],
  { min = 0, max = 10, rowLabel = (v: number) => String(v) } = {},
): string {
  const lines = [title];
  const labelWidth = Math.max(...Array.from({ length: max - min + 1 }, (_, i) => rowLabel(min + i).length));
  for (let v = max; v >= min; v--) {
    let row = '';
    for (const p of points) {
      const median = Math.round(p.p50) === v;
      const inBand = v >= p.p5 && v <= p.p95;
      row += median ? '●' : inBand ? '░' : ' ';
      row += ' ';
    }
    lines.push(`  ${rowLabel(v).padStart(labelWidth)} │ ${row}`);
  }
  lines.push(`  ${' '.repeat(labelWidth)} └${'──'.repeat(points.length)}─`);
  const ticks = points
    .map((_, i) => ((i + 1) % 5 === 0 || i === 0 ? String(i + 1) : ''))
    .map((s, i) => (i === 0 ? s.padEnd(2) : s.padEnd(2)));
  lines.push(`  ${' '.repeat(labelWidth)}   ${ticks.join('').trimEnd()}   (turn; ● median, ░ 5–95 %)`);
  return lines.join('\n');
}

/** A tornado chart: one bar per row, left of the axis for negative swings, right for positive. */
export function tornadoChart(
  title: string,
  rows: readonly { label: string; low: number; high: number }[],
  width = 24,
  format: (x: number) => string = signedMeanText,
): string {
  const lines = [title];
  if (rows.length === 0) return `${title}\n  (nothing varied)`;
  const reach = Math.max(1e-12, ...rows.flatMap((r) => [Math.abs(r.low), Math.abs(r.high)]));
  const labelWidth = Math.max(...rows.map((r) => r.label.length));
  for (const r of rows) {
    const neg = Math.min(0, r.low, r.high);
    const pos = Math.max(0, r.low, r.high);
    const left = bar(-neg, reach, width);
    const right = bar(pos, reach, width);
    // The bars are drawn by sign, so the figures say which end of the range each one is.
    lines.push(
      `  ${r.label.padEnd(labelWidth)} ${left.padStart(width)}│${right.padEnd(width)} lowest ${format(r.low)} · highest ${format(r.high)}`,
    );
  }
  return lines.join('\n');
}

/**
 * A mean per game as every summary prints it (brink batch, brink compare, the report): two decimals,
 * always, so a column of means lines up ("3.00" beside "2.50", never "3" beside "2.5").
 */
export function meanText(x: number): string {
  const text = x.toFixed(2);
  return text === '-0.00' ? '0.00' : text; // a mean that rounds to zero has no sign
}

/** A difference of means, signed, as `meanText` prints the means: "+0.36", "-10.49", "+0.00". */
export function signedMeanText(x: number): string {
  const text = meanText(x);
  return text.startsWith('-') ? text : `+${text}`;
}

/**
 * A percentile or a single game's value of a metric: a score as players read it everywhere (scoreText,
 * one decimal), a count bare (the percentiles of counts are observed values, so whole numbers).
 */
export function metricValueText(name: MetricName | ScoreName, x: number): string {
  return (SCORE_NAMES as readonly string[]).includes(name) ? scoreText(x) : String(x);
}

/** A share of games as the summaries print it: "3.3 %". */
export function shareText(p: number): string {
  return `${(p * 100).toFixed(1)} %`;
}

/** A change in a share of games, in percentage points, signed: "+3.3", "-9.9". */
export function shareChange(d: number): string {
  return `${d >= 0 ? '+' : ''}${(d * 100).toFixed(1)}`;
}
