/**
 * The statistics a batch reports, all computed from exact integer accumulators so that the result does
 * not depend on the order games finish in (and so not on the number of workers): integer histograms for
 * counts (percentiles read from them), integer sums for paired differences, Wilson intervals for
 * proportions.
 */
import { observedQuantile } from '../analysis/quantile.ts';

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

/**
 * Paired differences (B − A on the same seed), from exact integer sums: mean and a normal 95 %
 * interval. Identical arms give sums of zero, hence exactly zero and [0, 0].
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

  result(scale = 1): { mean: number; ci95: [number, number]; sd: number } {
    if (this.n === 0) return { mean: 0, ci95: [0, 0], sd: 0 };
    const mean = this.sum / this.n;
    const variance = this.n > 1 ? Math.max(0, (this.sumSq - this.n * mean * mean) / (this.n - 1)) : 0;
    const sd = Math.sqrt(variance);
    const half = (Z95 * sd) / Math.sqrt(this.n);
    return {
      mean: round6(mean / scale),
      ci95: [round6((mean - half) / scale), round6((mean + half) / scale)],
      sd: round6(sd / scale),
    };
  }
}

/** Mean of a histogram (values are `scale` × real) with a normal 95 % interval for the mean. */
export function meanWithCi(h: IntHistogram, scale = 1): { mean: number; ci95: [number, number] } {
  if (h.n === 0) return { mean: 0, ci95: [0, 0] };
  const mean = h.sum / h.n;
  let ss = 0;
  for (let v = 0; v < h.counts.length; v++) if (h.counts[v]) ss += h.counts[v]! * (v - mean) * (v - mean);
  const sd = h.n > 1 ? Math.sqrt(ss / (h.n - 1)) : 0;
  const half = (Z95 * sd) / Math.sqrt(h.n);
  return { mean: round6(mean / scale), ci95: [round6((mean - half) / scale), round6((mean + half) / scale)] };
}
