import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { IntHistogram, PairedDiff, meanWithCi, wilson } from '../../src/batch/stats.ts';

/**
 * The Wilson interval's bounds are the two roots in p of (p̂ − p)² = z² p (1 − p) / n, i.e. of
 * (1 + z²/n) p² − (2p̂ + z²/n) p + p̂² = 0: computed here by the quadratic formula, independently of
 * the closed form the code uses.
 */
function wilsonByQuadratic(k: number, n: number): [number, number] {
  const z = 1.959963984540054;
  const ph = k / n;
  const a = 1 + (z * z) / n;
  const b = -(2 * ph + (z * z) / n);
  const c = ph * ph;
  const disc = Math.sqrt(b * b - 4 * a * c);
  return [(-b - disc) / (2 * a), (-b + disc) / (2 * a)];
}

describe('Wilson intervals', () => {
  it('match published values for 0/10, 5/10 and 50/100', () => {
    // Reference values (e.g. Newcombe 1998, Table I; any Wilson calculator), to 4 decimals.
    const cases: [number, number, number, number][] = [
      [0, 10, 0, 0.2775],
      [5, 10, 0.2366, 0.7634],
      [50, 100, 0.4038, 0.5962],
      [10, 10, 0.7225, 1],
    ];
    for (const [k, n, lo, hi] of cases) {
      const [l, h] = wilson(k, n);
      expect(l).toBeCloseTo(lo, 4);
      expect(h).toBeCloseTo(hi, 4);
    }
  });

  it('agree with the roots of the defining quadratic for all k ≤ n', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5000 }).chain((n) => fc.tuple(fc.integer({ min: 0, max: n }), fc.constant(n))),
        ([k, n]) => {
          const [l, h] = wilson(k, n);
          const [rl, rh] = wilsonByQuadratic(k, n);
          expect(l).toBeCloseTo(Math.max(0, rl), 9);
          expect(h).toBeCloseTo(Math.min(1, rh), 9);
          expect(l).toBeLessThanOrEqual(k / n + 1e-12);
          expect(h).toBeGreaterThanOrEqual(k / n - 1e-12);
        },
      ),
    );
  });
});

describe('IntHistogram', () => {
  const sortedNearestRank = (xs: number[], q: number) => {
    const s = [...xs].sort((a, b) => a - b);
    return s[Math.max(1, Math.ceil(q * s.length)) - 1]!;
  };

  it('gives the nearest-rank percentiles and mean of the values it was fed', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 300 }), { minLength: 1, maxLength: 400 }),
        fc.constantFrom(0.05, 0.5, 0.95, 0.01, 1),
        (xs, q) => {
          const h = new IntHistogram();
          for (const x of xs) h.add(x);
          expect(h.quantile(q)).toBe(sortedNearestRank(xs, q));
          expect(h.mean()).toBeCloseTo(xs.reduce((a, b) => a + b, 0) / xs.length, 9);
          expect(h.n).toBe(xs.length);
        },
      ),
    );
  });

  it('merging two histograms equals feeding both samples to one', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(50)), fc.array(fc.nat(80)), (xs, ys) => {
        const a = new IntHistogram();
        const b = new IntHistogram();
        const all = new IntHistogram();
        xs.forEach((x) => {
          a.add(x);
          all.add(x);
        });
        ys.forEach((y) => {
          b.add(y);
          all.add(y);
        });
        a.mergeCounts(b.counts);
        expect(a.n).toBe(all.n);
        expect(a.sum).toBe(all.sum);
        expect(a.counts.slice(0, all.counts.length)).toEqual(all.counts);
      }),
    );
  });

  it('refuses values it cannot hold exactly', () => {
    expect(() => new IntHistogram().add(-1)).toThrow(RangeError);
    expect(() => new IntHistogram().add(1.5)).toThrow(RangeError);
  });

  it('meanWithCi matches the textbook mean ± 1.96·s/√n', () => {
    const xs = [3, 7, 7, 10, 12, 0, 5];
    const h = new IntHistogram();
    xs.forEach((x) => h.add(x));
    const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
    const sd = Math.sqrt(xs.reduce((s, x) => s + (x - mean) ** 2, 0) / (xs.length - 1));
    const r = meanWithCi(h);
    expect(r.mean).toBeCloseTo(mean, 6);
    expect(r.ci95[0]).toBeCloseTo(mean - (1.959963984540054 * sd) / Math.sqrt(xs.length), 5);
    expect(r.ci95[1]).toBeCloseTo(mean + (1.959963984540054 * sd) / Math.sqrt(xs.length), 5);
  });
});

describe('PairedDiff', () => {
  it('is exactly zero for identical arms', () => {
    const d = new PairedDiff();
    for (let i = 0; i < 100; i++) d.add(0);
    expect(d.result()).toEqual({ mean: 0, ci95: [0, 0], sd: 0 });
  });

  it('gives the mean difference and a normal interval around it', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -50, max: 50 }), { minLength: 2, maxLength: 300 }), (ds) => {
        const d = new PairedDiff();
        ds.forEach((x) => d.add(x));
        const mean = ds.reduce((a, b) => a + b, 0) / ds.length;
        const sd = Math.sqrt(ds.reduce((s, x) => s + (x - mean) ** 2, 0) / (ds.length - 1));
        const r = d.result();
        expect(r.mean).toBeCloseTo(mean, 5);
        expect(r.sd).toBeCloseTo(sd, 5);
        expect(r.ci95[1] - r.ci95[0]).toBeCloseTo((2 * 1.959963984540054 * sd) / Math.sqrt(ds.length), 4);
      }),
    );
  });
});
