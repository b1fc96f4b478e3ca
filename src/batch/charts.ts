/**
 * Terminal charts for the batch reports: plain text, so they print anywhere (pipes, CI logs, a
 * projector). They render numbers computed elsewhere; no statistics are made here.
 */
import { fewestDecimals, scoreText } from '../analysis/render.ts';
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
 * always, so a column of means lines up ("3.00" beside "2.50", never "3" beside "2.5"); a row of a
 * comparison may ask for more (rowDecimals).
 */
export function meanText(x: number, decimals = 2): string {
  const text = x.toFixed(decimals);
  return Number(text) === 0 ? text.replace('-', '') : text; // a mean that rounds to zero has no sign
}

/** A difference of means, signed, as `meanText` prints the means: "+0.36", "-10.49", "+0.00". */
export function signedMeanText(x: number, decimals = 2): string {
  const text = meanText(x, decimals);
  return text.startsWith('-') ? text : `+${text}`;
}

/** The most decimals a row of a comparison is printed with, however small its figures. */
export const MAX_ROW_DECIMALS = 4;

/**
 * The decimals of a row of means read together, such as a comparison's A and B: two, as meanText prints
 * a mean, or more when the row's smallest mean that is not 0 is below 1, so that it keeps three
 * significant figures (up to MAX_ROW_DECIMALS). Rounded to two decimals, means of 0.055 and 0.075 read
 * "0.06" and "0.07" beside a difference of "+0.02"; to four, "0.0550", "0.0750", "+0.0200".
 */
export function rowDecimals(means: readonly number[]): number {
  const smallest = Math.min(...means.map((v) => Math.abs(v)).filter((v) => v > 0));
  if (!Number.isFinite(smallest) || smallest >= 1) return 2;
  // 1e-9: a mean such as 0.1 computed as 0.09999999999 still counts as 0.1.
  return Math.min(MAX_ROW_DECIMALS, Math.max(2, 2 - Math.floor(Math.log10(smallest) + 1e-9)));
}

/**
 * A comparison's row of means as brink compare and the report print it: A, B, B − A and its interval,
 * all to one number of decimals: those of rowDecimals, or one or two more where fewer would not let A and
 * B as printed subtract to B − A as printed (3.985 and 3.19 read "3.98" and "3.19" beside "-0.80"; to
 * three decimals, "3.985", "3.190", "-0.795"). Up to MAX_ROW_DECIMALS; a row that no number of decimals
 * can reconcile (thirds) keeps rowDecimals' and is off by one unit of its last decimal.
 */
export function pairedMeanTexts(m: {
  readonly a: { readonly mean: number };
  readonly b: { readonly mean: number };
  readonly diff: { readonly mean: number; readonly ci95: readonly [number, number] };
}): { a: string; b: string; diff: string; interval: [string, string] } {
  const texts = (d: number) => ({
    a: meanText(m.a.mean, d),
    b: meanText(m.b.mean, d),
    diff: signedMeanText(m.diff.mean, d),
    interval: [signedMeanText(m.diff.ci95[0], d), signedMeanText(m.diff.ci95[1], d)] as [string, string],
  });
  const subtracts = (t: ReturnType<typeof texts>, d: number) => Math.abs(Number(t.b) - Number(t.a) - Number(t.diff)) < 0.5 * 10 ** -d;
  const base = rowDecimals([m.a.mean, m.b.mean]);
  const reconciles = (d: number) => subtracts(texts(d), d);
  const d = fewestDecimals(base, MAX_ROW_DECIMALS, reconciles);
  // A row no decimals reconcile (thirds: 34.8333 beside 34.83 in the next row) keeps its own decimals.
  return texts(reconciles(d) ? d : base);
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
