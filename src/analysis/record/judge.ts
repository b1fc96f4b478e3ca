/**
 * Where the record falls in a simulated distribution, and whether that passes. For each figure:
 *
 *   - its 5–95 % simulated band and the record's quantile (the mid-rank P(X < x) + ½ P(X = x), so that
 *     a discrete count such as 0 attacks gets an honest quantile rather than 0 or 1);
 *   - a point or range figure is outside its 90 % band when the simulated values lie almost all on one
 *     side of it: P(X ≤ hi) < 5 % or P(X ≥ lo) < 5 % (and outside its 1–99 % range at 1 %);
 *   - a floor ("at least", "dozens") is one-sided: it holds when P(X ≥ floor) ≥ 5 %, and a floor below
 *     that fails outright (it is not one of the misses allowed to chance);
 *   - a `usual` figure (no war, no strike on Iran) holds when at least `share` of the games reproduce it.
 *
 * The backtest passes when every floor and usual figure holds, at most one point or range figure lies
 * outside its 90 % band (a correct model misses one now and then among many), and none outside 1–99 %.
 */
import { bandQuantile } from '../quantile.ts';
import type { FigureKind } from './table.ts';

export type FigureStatus = 'inside' | 'outside-90' | 'outside-98' | 'fails';

export interface Judged {
  readonly median: number;
  readonly band: readonly [number, number];
  /** The record's quantile: one number, or two for a range's ends. */
  readonly quantile: readonly [number, number];
  /** P(X ≤ record's upper end) and P(X ≥ record's lower end). */
  readonly below: number;
  readonly above: number;
  /** Share of games that reproduce the record exactly (lo ≤ X ≤ hi). */
  readonly exact: number;
  readonly status: FigureStatus;
  /** Why it is not inside, in a line; empty when inside. */
  readonly failures: readonly string[];
}

/** The q-quantile of sorted values, linear interpolation (R type 7): what a band of values that are not whole shows. */
export { interpolatedQuantile as quantile } from '../quantile.ts';

/** Mid-rank quantile of x among the values: P(X < x) + ½ P(X = x). */
export function midRank(values: readonly number[], x: number): number {
  let less = 0;
  let equal = 0;
  for (const v of values) {
    if (v < x) less++;
    else if (v === x) equal++;
  }
  return (less + equal / 2) / values.length;
}

const pct = (p: number) => `${(100 * p).toFixed(p < 0.01 && p > 0 ? 1 : 0)} %`;

/**
 * Whether one game's value reproduces the record's reading (inside [lo, hi]; a `usual` outcome's reading
 * is a single value). The backtest counts the share that do; the calibration, the share that do not.
 */
export function reproduces(record: readonly [number, number], value: number): boolean {
  return value >= record[0] && value <= record[1];
}

/** Whether one game's value agrees with a figure of the record: at or above a floor, else `reproduces`. */
export function meetsRecord(f: { readonly kind: FigureKind; readonly record: readonly [number, number] }, value: number): boolean {
  return f.kind === 'floor' ? value >= f.record[0] : reproduces(f.record, value);
}

export function judgeFigure(kind: FigureKind, record: readonly [number, number], values: readonly number[], share?: number): Judged {
  const sorted = [...values].sort((a, b) => a - b);
  const n = sorted.length;
  const [lo, hi] = record;
  const below = n === 0 ? 0 : sorted.filter((v) => v <= hi).length / n;
  const above = n === 0 ? 0 : sorted.filter((v) => v >= lo).length / n;
  const exact = n === 0 ? 0 : sorted.filter((v) => reproduces(record, v)).length / n;
  const failures: string[] = [];
  let status: FigureStatus = 'inside';
  if (n === 0) {
    status = 'fails';
    failures.push('no game gave a measure');
  } else if (kind === 'usual') {
    if (exact < (share ?? 1)) {
      status = 'fails';
      failures.push(`${pct(exact)} of games reproduce the record, fewer than the ${pct(share ?? 1)} required`);
    }
  } else if (kind === 'floor') {
    if (above < 0.05) {
      status = 'fails';
      failures.push(`P(simulated ≥ ${lo}) = ${pct(above)}, below 5 %: the floor is out of the model's reach`);
    }
  } else {
    const tail = Math.min(below, above);
    const side = below < above ? `P(simulated ≤ ${hi}) = ${pct(below)}` : `P(simulated ≥ ${lo}) = ${pct(above)}`;
    if (tail < 0.01) {
      status = 'outside-98';
      failures.push(`the record lies outside the simulated 1–99 % range: ${side}`);
    } else if (tail < 0.05) {
      status = 'outside-90';
      failures.push(`the record lies outside the simulated 5–95 % band: ${side}`);
    }
  }
  return {
    // A count's median and band are games' values (whole numbers); a rate's are interpolated.
    median: bandQuantile(sorted, 0.5),
    band: [bandQuantile(sorted, 0.05), bandQuantile(sorted, 0.95)],
    quantile: [midRank(sorted, lo), midRank(sorted, hi)],
    below,
    above,
    exact,
    status,
    failures,
  };
}

/** How a figure of this kind is judged, in a sentence (the rules of judgeFigure and overallFailures). */
export function judgeRuleText(kind: FigureKind, share?: number): string {
  switch (kind) {
    case 'floor':
      return 'a floor: it holds when at least 5 % of the games reach it (P(simulated ≥ floor) ≥ 5 %); below that it fails outright, never a miss allowed to chance';
    case 'usual':
      return `a usual outcome: it holds when at least ${pct(share ?? 1)} of the games reproduce the record exactly`;
    case 'range':
    case 'point': {
      const what = kind === 'range' ? "the record's range" : 'the record';
      return `a ${kind}: a PASS unless the games lie almost all on one side of ${what}: a MISS (outside the 5–95 % band) when P(simulated ≤ ${kind === 'range' ? 'its upper end' : 'it'}) or P(simulated ≥ ${kind === 'range' ? 'its lower end' : 'it'}) is under 5 %, a FAIL (outside the 1–99 % range) under 1 %; the backtest allows one MISS among its figures, no FAIL`;
    }
  }
}

/** The pass rule over all figures (see the head of this file); returns the reasons it fails. */
export function overallFailures(rows: readonly { readonly id: string; readonly status: FigureStatus }[]): string[] {
  const out: string[] = [];
  const fails = rows.filter((r) => r.status === 'fails');
  const wide = rows.filter((r) => r.status === 'outside-98');
  const misses = rows.filter((r) => r.status === 'outside-90' || r.status === 'outside-98');
  if (fails.length > 0) out.push(`${fails.map((r) => r.id).join(', ')} fail${fails.length === 1 ? 's' : ''}`);
  if (wide.length > 0) out.push(`${wide.map((r) => r.id).join(', ')} outside the 1–99 % range`);
  if (misses.length > 1) out.push(`${misses.length} figures outside their 5–95 % band (at most one may be)`);
  return out;
}
