/**
 * One quantile rule for every band (src/analysis/quantile.ts): counts get observed values, whole
 * numbers inside the sample's range; values that are not whole are interpolated.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bandQuantile, interpolatedQuantile, observedQuantile } from '../../src/analysis/quantile.ts';
import { judgeFigure } from '../../src/analysis/record/judge.ts';
import { IntHistogram } from '../../src/batch/stats.ts';

const ascending = (xs: readonly number[]) => [...xs].sort((a, b) => a - b);
const counts = fc.array(fc.integer({ min: 0, max: 300 }), { minLength: 1, maxLength: 80 });

describe('bands of counts', () => {
  it('are whole numbers of the sample, within [min, max], with p5 ≤ p50 ≤ p95', () => {
    fc.assert(
      fc.property(counts, (xs) => {
        const s = ascending(xs);
        const [p5, p50, p95] = [0.05, 0.5, 0.95].map((q) => bandQuantile(s, q)) as [number, number, number];
        for (const p of [p5, p50, p95]) {
          expect(Number.isInteger(p)).toBe(true);
          expect(s).toContain(p);
          expect(p).toBeGreaterThanOrEqual(s[0]!);
          expect(p).toBeLessThanOrEqual(s[s.length - 1]!);
        }
        expect(p5).toBeLessThanOrEqual(p50);
        expect(p50).toBeLessThanOrEqual(p95);
      }),
    );
  });

  it('weighted (a posterior, a histogram): a value of positive weight, monotone in q', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: -50, max: 50 }), fc.double({ min: 0, max: 5, noNaN: true })), { minLength: 1, maxLength: 40 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (pairs, a, b) => {
          fc.pre(pairs.some(([, w]) => w > 0));
          const sorted = [...pairs].sort((x, y) => x[0] - y[0]);
          const values = sorted.map(([v]) => v);
          const weights = sorted.map(([, w]) => w);
          const [lo, hi] = a <= b ? [a, b] : [b, a];
          const qlo = observedQuantile(values, lo, weights);
          const qhi = observedQuantile(values, hi, weights);
          expect(Number.isInteger(qlo) && Number.isInteger(qhi)).toBe(true);
          expect(sorted.some(([v, w]) => v === qlo && w > 0)).toBe(true);
          expect(qlo).toBeLessThanOrEqual(qhi);
        },
      ),
    );
  });

  it("a histogram's percentiles are the same rule on its games' values", () => {
    fc.assert(
      fc.property(counts, fc.constantFrom(0, 0.05, 0.5, 0.95, 1), (xs, q) => {
        const h = new IntHistogram();
        for (const x of xs) h.add(x);
        expect(h.quantile(q)).toBe(bandQuantile(ascending(xs), q));
      }),
    );
  });

  it('values that are not whole (a rate per week) are interpolated, as before', () => {
    expect(bandQuantile([0.5, 1.5], 0.5)).toBe(1);
    expect(bandQuantile([0, 1 / 3, 2 / 3, 4 / 3], 0.5)).toBe(interpolatedQuantile([0, 1 / 3, 2 / 3, 4 / 3], 0.5));
    // Counts would have been interpolated too: the median of 1, 2, 3, 4 games' values is now one of them.
    expect(bandQuantile([1, 2, 3, 4], 0.5)).toBe(2);
  });
});

describe("the backtest's figures", () => {
  it("a count figure's median and 5–95 % band are values some game had", () => {
    // 20 games: 0 to 19 attacks. Interpolated, the band would read 0.95–18.05 and the median 9.5.
    const values = Array.from({ length: 20 }, (_, i) => i);
    const j = judgeFigure('point', [3, 3], values);
    expect([j.band[0], j.median, j.band[1]]).toEqual([0, 9, 18]);
  });

  it('a rate figure (attacks per week) keeps its interpolated band', () => {
    const values = Array.from({ length: 20 }, (_, i) => i / 3);
    const j = judgeFigure('range', [0.7, 0.93], values);
    expect(j.median).toBeCloseTo(9.5 / 3, 12);
    expect(j.band[0]).toBeCloseTo(0.95 / 3, 12);
  });
});
