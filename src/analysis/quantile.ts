/**
 * Quantiles, with one rule for every band Brink shows. A count (attacks, deaths, injured, strikes, a
 * rung, a war that happened or not) has a band of observed values: the weighted nearest-rank quantile,
 * which is always one of the values, so "injured 1.5–19" cannot appear. Values that are not whole
 * (a rate per week, a parameter) are interpolated between order statistics, as they always were.
 * The batch's integer histograms, the backtest's figures and the posterior's parameter intervals all
 * read their quantiles here.
 */

/**
 * The weighted nearest-rank q-quantile of values sorted ascending: the first value at which the
 * running weight is above zero and reaches q of the total. Always one of the values. Without weights,
 * every value weighs 1, and the result is the ⌈q·n⌉-th value (the first for q = 0).
 */
export function observedQuantile(sorted: readonly number[], q: number, weights?: readonly number[]): number {
  if (sorted.length === 0) return Number.NaN;
  const weight = (i: number) => (weights ? weights[i]! : 1);
  let total = 0;
  for (let i = 0; i < sorted.length; i++) total += weight(i);
  // Compared as sums, not as shares of the total: integer weights (a histogram's counts) stay exact.
  const target = q * total;
  let running = 0;
  for (let i = 0; i < sorted.length; i++) {
    running += weight(i);
    if (running > 0 && running >= target) return sorted[i]!;
  }
  return sorted[sorted.length - 1]!;
}

/** The q-quantile of values sorted ascending, interpolated between order statistics (R type 7). */
export function interpolatedQuantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}

/**
 * The q-quantile a band shows, of values sorted ascending: an observed value when every value is a
 * whole number (a count), else interpolated.
 */
export function bandQuantile(sorted: readonly number[], q: number): number {
  return sorted.every(Number.isInteger) ? observedQuantile(sorted, q) : interpolatedQuantile(sorted, q);
}
