/**
 * The statistics a batch reports, all computed from exact integer accumulators so that the result does
 * not depend on the order games finish in (and so not on the number of workers): integer histograms for
 * counts (percentiles read from them), integer sums for paired differences. The 95 % intervals: Wilson
 * for a proportion, Student t for a mean (t with n − 1 degrees of freedom, not z: with a few dozen games
 * z is too narrow), and Newcombe's paired interval for the difference of two proportions measured on the
 * same pairs of games.
 */
import { observedQuantile } from '../analysis/quantile.ts';
import { t95 } from './student-t.ts';

/** z for a two-sided 95 % interval. */
export const Z95 = 1.959963984540054;

/** Rounds to 6 decimals: enough for any reader, and it keeps the JSON short. */
export function round6(x: number): number {
  return Math.round(x * 1e6) / 1e6 + 0; // `+ 0` turns -0 into 0
}

/**
 * Wilson score interval for k successes in n trials: unlike the normal approximation it stays inside
 * [0, 1] and is sensible at k = 0 and k = n, which rare outcomes (regional war) need.
 */
export function wilson(k: number, n: number, z = Z95): [number, number] {
  if (n === 0) return [0, 1];
  const p = k / n;
  const z2 = z * z;
  const denom = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denom;
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / denom;
  return [Math.max(0, centre - half), Math.min(1, centre + half)];
}

/**
 * An exact histogram of non-negative integers: a dense array of counts, so its memory is bounded by
 * the largest value seen, never by the number of games.
 */
export class IntHistogram {
  counts: number[] = [];
  n = 0;
  sum = 0;

  add(value: number, times = 1): void {
    if (!Number.isInteger(value) || value < 0) throw new RangeError(`histogram value must be a non-negative integer, got ${value}`);
    while (this.counts.length <= value) this.counts.push(0);
    this.counts[value]! += times;
    this.n += times;
    this.sum += value * times;
  }

  merge(other: IntHistogram): void {
    this.mergeCounts(other.counts);
  }

  /** Adds a histogram sent as its counts (from a worker). */
  mergeCounts(counts: readonly number[]): void {
    for (let v = 0; v < counts.length; v++) if (counts[v]) this.add(v, counts[v]);
  }

  mean(): number {
    return this.n === 0 ? 0 : this.sum / this.n;
  }

  /**
   * Nearest-rank percentile: the smallest value with at least ⌈q·n⌉ observations at or below it, so
   * always a value some game had (the weighted quantile every count band uses, analysis/quantile.ts).
   */
  quantile(q: number): number {
    if (this.n === 0) return 0;
    return observedQuantile(
      this.counts.map((_, v) => v),
      q,
      this.counts,
    );
  }

  max(): number {
    for (let v = this.counts.length - 1; v >= 0; v--) if (this.counts[v]) return v;
    return 0;
  }

  toJSON(): { counts: number[] } {
    return { counts: this.counts };
  }
}

export interface Summary {
  readonly mean: number;
  readonly p5: number;
  readonly p50: number;
  readonly p95: number;
}

/** Mean and percentiles of a histogram whose integers are `scale` times the real values. */
export function summarise(h: IntHistogram, scale = 1): Summary {
  return {
    mean: round6(h.mean() / scale),
    p5: round6(h.quantile(0.05) / scale),
    p50: round6(h.quantile(0.5) / scale),
    p95: round6(h.quantile(0.95) / scale),
  };
}

/** How a 95 % interval of a difference was computed (brink.compare/1's `interval`). */
export type IntervalMethod = 't' | 'newcombe';

export interface DiffResult<M extends IntervalMethod = IntervalMethod> {
  readonly mean: number;
  readonly ci95: [number, number];
  readonly sd: number;
  readonly interval: M;
}

/** A binary outcome over n pairs of games: in how many pairs both arms had it, only A, only B, neither. */
export interface PairedCells {
  readonly both: number;
  readonly aOnly: number;
  readonly bOnly: number;
  readonly neither: number;
}

/**
 * Newcombe's (1998) interval for the difference B − A of two proportions measured on the same pairs
 * (Statistics in Medicine 17:2635–2650, his method 10, the "square-and-add" Wilson score interval): each
 * arm's share gets its Wilson interval, and the two distances are combined with the correlation of the
 * pairs (the phi coefficient, with Newcombe's correction: a positive ad − bc is reduced by n/2, and to 0
 * if that takes it below 0). Unlike the normal interval of the mean difference it never leaves [−1, 1],
 * and it is not [0, 0] when no pair differed: with n pairs in which neither arm ever had the outcome it
 * is ±z²/(n + z²), which narrows as the games grow. No pairs: [−1, 1], all it can say.
 */
export function newcombePaired(c: PairedCells, z = Z95): [number, number] {
  const n = c.both + c.aOnly + c.bOnly + c.neither;
  if (n === 0) return [-1, 1];
  // Newcombe's table: a = both, b = B only, c = A only, d = neither; p1 is B's share, p2 is A's.
  const kB = c.both + c.bOnly;
  const kA = c.both + c.aOnly;
  const p1 = kB / n;
  const p2 = kA / n;
  const [l1, u1] = wilson(kB, n, z);
  const [l2, u2] = wilson(kA, n, z);
  const denom = kB * (n - kB) * kA * (n - kA);
  let phi = 0;
  if (denom > 0) {
    // ad − bc, the numerator of phi: above n/2 it loses n/2, from 0 to n/2 it counts as 0.
    const cross = c.both * c.neither - c.bOnly * c.aOnly;
    const corrected = cross > n / 2 ? cross - n / 2 : Math.min(cross, 0);
    phi = corrected / Math.sqrt(denom);
  }
  const diff = p1 - p2;
  // Written so that swapping the arms swaps `down` and `up` to the last bit (sums and products commute).
  const square = (x: number, y: number) => Math.sqrt(Math.max(0, x * x + y * y - 2 * phi * (x * y)));
  const down = square(p1 - l1, u2 - p2);
  const up = square(u1 - p1, p2 - l2);
  return [Math.max(-1, diff - down), Math.min(1, diff + up)];
}

/**
 * Paired differences (B − A on the same seed), from exact integer sums: mean, standard deviation and a
 * 95 % interval. For a metric the interval is Student t with n − 1 degrees of freedom; identical arms
 * give sums of zero, hence exactly zero and [0, 0]. For a binary outcome (differences −1, 0 or +1) the
 * sums and arm A's count are the four cells of the paired table exactly, and the interval is Newcombe's.
 */
export class PairedDiff {
  n = 0;
  sum = 0;
  sumSq = 0;

  merge(o: { n: number; sum: number; sumSq: number }): void {
    this.n += o.n;
    this.sum += o.sum;
    this.sumSq += o.sumSq;
  }

  data(): { n: number; sum: number; sumSq: number } {
    return { n: this.n, sum: this.sum, sumSq: this.sumSq };
  }

  add(d: number): void {
    if (!Number.isInteger(d)) throw new RangeError(`paired differences are accumulated as integers, got ${d}`);
    this.n += 1;
    this.sum += d;
    this.sumSq += d * d;
  }

  private moments(): { mean: number; sd: number } {
    const mean = this.sum / this.n;
    const variance = this.n > 1 ? Math.max(0, (this.sumSq - this.n * mean * mean) / (this.n - 1)) : 0;
    return { mean, sd: Math.sqrt(variance) };
  }

  /** The mean difference with its Student t interval (values are `scale` × real). One pair: no spread, the interval is the point. */
  result(scale = 1): DiffResult<'t'> {
    if (this.n === 0) return { mean: 0, ci95: [0, 0], sd: 0, interval: 't' };
    const { mean, sd } = this.moments();
    const half = this.n > 1 ? (t95(this.n) * sd) / Math.sqrt(this.n) : 0;
    return {
      mean: round6(mean / scale),
      ci95: [round6((mean - half) / scale), round6((mean + half) / scale)],
      sd: round6(sd / scale),
      interval: 't',
    };
  }

  /**
   * The four cells of a binary outcome's paired table, from these sums (of differences −1, 0, +1: the sum
   * is B only − A only, the sum of squares B only + A only) and the number of games in which arm A had it.
   */
  cells(countA: number): PairedCells {
    const aOnly = (this.sumSq - this.sum) / 2;
    const bOnly = (this.sumSq + this.sum) / 2;
    const both = countA - aOnly;
    const neither = this.n - both - aOnly - bOnly;
    if (![aOnly, bOnly, both, neither].every((x) => Number.isInteger(x) && x >= 0)) {
      throw new RangeError(
        `not the differences of a binary outcome: n ${this.n}, sum ${this.sum}, sum of squares ${this.sumSq}, count in A ${countA}`,
      );
    }
    return { both, aOnly, bOnly, neither };
  }

  /** The difference of a binary outcome's shares, B − A, with Newcombe's paired interval. */
  binaryResult(countA: number): DiffResult<'newcombe'> {
    if (this.n === 0) return { mean: 0, ci95: [-1, 1], sd: 0, interval: 'newcombe' };
    const { mean, sd } = this.moments();
    const [lo, hi] = newcombePaired(this.cells(countA));
    return { mean: round6(mean), ci95: [round6(lo), round6(hi)], sd: round6(sd), interval: 'newcombe' };
  }
}

/**
 * Mean of a histogram (values are `scale` × real) with a Student t 95 % interval for the mean, cut to
 * the values the quantity can take: at least 0 always (a histogram holds no negative value, so neither
 * can its mean), at most `max` (a score's 100). A rare count's t interval reaches below 0 (US deaths
 * 0.08 [-0.02, 0.18]); its mean cannot, so the interval ends at 0.
 */
export function meanWithCi(h: IntHistogram, scale = 1, max = Number.POSITIVE_INFINITY): { mean: number; ci95: [number, number] } {
  if (h.n === 0) return { mean: 0, ci95: [0, 0] };
  const mean = h.sum / h.n;
  let ss = 0;
  for (let v = 0; v < h.counts.length; v++) if (h.counts[v]) ss += h.counts[v]! * (v - mean) * (v - mean);
  const sd = h.n > 1 ? Math.sqrt(ss / (h.n - 1)) : 0;
  const half = h.n > 1 ? (t95(h.n) * sd) / Math.sqrt(h.n) : 0;
  return {
    mean: round6(mean / scale),
    ci95: [round6(Math.max(0, (mean - half) / scale)), round6(Math.min(max, (mean + half) / scale))],
  };
}
