import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { IntHistogram, PairedDiff, Z95, meanWithCi, newcombePaired, wilson, type PairedCells } from '../../src/batch/stats.ts';
import { t95 } from '../../src/batch/student-t.ts';

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

  it('meanWithCi matches the textbook mean ± t(0.975, n − 1)·s/√n', () => {
    const xs = [3, 7, 7, 10, 12, 0, 5];
    const h = new IntHistogram();
    xs.forEach((x) => h.add(x));
    const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
    const sd = Math.sqrt(xs.reduce((s, x) => s + (x - mean) ** 2, 0) / (xs.length - 1));
    // t(0.975, 6) from a t table; z = 1.96 would make the interval a fifth too narrow with 7 values.
    const t6 = 2.446911851;
    const r = meanWithCi(h);
    expect(r.mean).toBeCloseTo(mean, 6);
    expect(r.ci95[0]).toBeCloseTo(mean - (t6 * sd) / Math.sqrt(xs.length), 5);
    expect(r.ci95[1]).toBeCloseTo(mean + (t6 * sd) / Math.sqrt(xs.length), 5);
  });

  it('meanWithCi cuts the interval of a rare count at 0 (a count is never negative), and a score at its ceiling', () => {
    // 8 deaths in 100 games, in two attacks that killed 4 each: mean 0.08, t interval 0.08 ± 0.11.
    const h = new IntHistogram();
    h.add(0, 98);
    h.add(4, 2);
    const sd = Math.sqrt((98 * 0.08 ** 2 + 2 * 3.92 ** 2) / 99);
    const half = (1.984216952 * sd) / 10;
    expect(0.08 - half).toBeLessThan(0);
    const r = meanWithCi(h);
    expect(r.mean).toBe(0.08);
    expect(r.ci95[0]).toBe(0);
    expect(r.ci95[1]).toBeCloseTo(0.08 + half, 5);
    // Scores kept as tenths: 99.9 and 100 twice, and 95.0 once; the t interval reaches past 100.
    const s = new IntHistogram();
    s.add(999, 1);
    s.add(1000, 2);
    s.add(950, 1);
    const capped = meanWithCi(s, 10, 100);
    expect(meanWithCi(s, 10).ci95[1]).toBeGreaterThan(100);
    expect(capped.ci95[1]).toBe(100);
    expect(capped.ci95[0]).toBe(meanWithCi(s, 10).ci95[0]);
  });
});

describe('PairedDiff', () => {
  it('is exactly zero for identical arms', () => {
    const d = new PairedDiff();
    for (let i = 0; i < 100; i++) d.add(0);
    expect(d.result()).toEqual({ mean: 0, ci95: [0, 0], sd: 0, interval: 't' });
  });

  it('gives the mean difference and a Student t interval around it', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -50, max: 50 }), { minLength: 2, maxLength: 300 }), (ds) => {
        const d = new PairedDiff();
        ds.forEach((x) => d.add(x));
        const mean = ds.reduce((a, b) => a + b, 0) / ds.length;
        const sd = Math.sqrt(ds.reduce((s, x) => s + (x - mean) ** 2, 0) / (ds.length - 1));
        const r = d.result();
        expect(r.interval).toBe('t');
        expect(r.mean).toBeCloseTo(mean, 5);
        expect(r.sd).toBeCloseTo(sd, 5);
        expect(r.ci95[1] - r.ci95[0]).toBeCloseTo((2 * t95(ds.length) * sd) / Math.sqrt(ds.length), 4);
      }),
    );
  });

  it('uses t with 15 degrees of freedom for 16 pairs (a table value), not z', () => {
    // 16 pairs, differences 8 × +1 and 8 × −1: mean 0, sd √(16/15).
    const d = new PairedDiff();
    for (let i = 0; i < 8; i++) {
      d.add(1);
      d.add(-1);
    }
    const half = (2.131449546 * Math.sqrt(16 / 15)) / 4;
    expect(d.result().ci95[1]).toBeCloseTo(half, 6);
    expect(d.result().ci95[0]).toBeCloseTo(-half, 6);
  });

  it('reads the four cells of a binary outcome from its sums and arm A count, and refuses other sums', () => {
    const d = new PairedDiff();
    const pairs: [number, number][] = [
      [1, 1],
      [1, 0],
      [0, 1],
      [0, 1],
      [0, 0],
      [0, 0],
      [0, 0],
    ];
    for (const [a, b] of pairs) d.add(b - a);
    expect(d.cells(2)).toEqual({ both: 1, aOnly: 1, bOnly: 2, neither: 3 });
    const r = d.binaryResult(2);
    expect(r.interval).toBe('newcombe');
    expect(r.mean).toBeCloseTo(1 / 7, 6);
    expect(() => d.cells(0)).toThrow(RangeError);
    const metric = new PairedDiff();
    metric.add(3);
    expect(() => metric.cells(0)).toThrow(RangeError);
  });
});

/**
 * Newcombe's method 10, written out again from the paper's definition for the test: Wilson limits by the
 * roots of their quadratic (not the closed form the code uses), and phi with its n/2 correction.
 */
function newcombeReference(c: PairedCells): [number, number] {
  const n = c.both + c.aOnly + c.bOnly + c.neither;
  const [a, b, cc, d] = [c.both, c.bOnly, c.aOnly, c.neither];
  const p1 = (a + b) / n;
  const p2 = (a + cc) / n;
  const [l1, u1] = wilsonByQuadratic(a + b, n).map((x) => Math.min(1, Math.max(0, x))) as [number, number];
  const [l2, u2] = wilsonByQuadratic(a + cc, n).map((x) => Math.min(1, Math.max(0, x))) as [number, number];
  const prod = (a + b) * (cc + d) * (a + cc) * (b + d);
  const ad = a * d - b * cc;
  let numerator = 0;
  if (ad > n / 2) numerator = ad - n / 2;
  else if (ad < 0) numerator = ad;
  const phi = prod === 0 ? 0 : numerator / Math.sqrt(prod);
  const delta = Math.sqrt(Math.max(0, (p1 - l1) ** 2 - 2 * phi * (p1 - l1) * (u2 - p2) + (u2 - p2) ** 2));
  const eps = Math.sqrt(Math.max(0, (p2 - l2) ** 2 - 2 * phi * (p2 - l2) * (u1 - p1) + (u1 - p1) ** 2));
  return [p1 - p2 - delta, p1 - p2 + eps];
}

const cellsArb = fc
  .tuple(fc.nat(400), fc.nat(60), fc.nat(60), fc.nat(400))
  .filter(([a, b, c, d]) => a + b + c + d > 0)
  .map(([both, aOnly, bOnly, neither]): PairedCells => ({ both, aOnly, bOnly, neither }));

describe("Newcombe's paired interval", () => {
  it('matches the published worked example: complete response before and after consolidation therapy', () => {
    // Cavo et al. (2012), as worked in Fagerland, Lydersen & Laake, Statistical Analysis of Contingency
    // Tables (2017), ch. 8: 59 pairs with a response both times, 80 with none, 6 and 16 with it only once
    // (one way and the other); p1 − p2 = (6 − 16)/161, and the Newcombe square-and-add
    // interval for the difference is −0.0621 (95 % CI −0.1186 to −0.0046).
    const [lo, hi] = newcombePaired({ both: 59, bOnly: 6, aOnly: 16, neither: 80 });
    expect((6 - 16) / 161).toBeCloseTo(-0.0621, 4);
    expect(lo).toBeCloseTo(-0.1186, 4);
    expect(hi).toBeCloseTo(-0.0046, 4);
  });

  it('agrees with the definition written out independently', () => {
    fc.assert(
      fc.property(cellsArb, (c) => {
        const [lo, hi] = newcombePaired(c);
        const [rl, rh] = newcombeReference(c);
        expect(lo).toBeCloseTo(Math.max(-1, rl), 9);
        expect(hi).toBeCloseTo(Math.min(1, rh), 9);
      }),
    );
  });

  it('contains the point difference, stays inside [−1, 1], and swapping A and B negates it', () => {
    fc.assert(
      fc.property(cellsArb, (c) => {
        const n = c.both + c.aOnly + c.bOnly + c.neither;
        const diff = (c.bOnly - c.aOnly) / n;
        const [lo, hi] = newcombePaired(c);
        expect(lo).toBeGreaterThanOrEqual(-1);
        expect(hi).toBeLessThanOrEqual(1);
        expect(lo).toBeLessThanOrEqual(diff + 1e-12);
        expect(hi).toBeGreaterThanOrEqual(diff - 1e-12);
        const [slo, shi] = newcombePaired({ ...c, aOnly: c.bOnly, bOnly: c.aOnly });
        expect(slo).toBe(-hi);
        expect(shi).toBe(-lo);
      }),
    );
  });

  it('is centred on 0 when no pair differs, and is a real interval that narrows as the games grow', () => {
    fc.assert(
      fc.property(fc.nat(300), fc.integer({ min: 1, max: 300 }), (both, neither) => {
        const [lo, hi] = newcombePaired({ both, aOnly: 0, bOnly: 0, neither });
        expect(lo).toBe(-hi);
        expect(hi).toBeGreaterThan(0);
        const [, hi2] = newcombePaired({ both: 2 * both, aOnly: 0, bOnly: 0, neither: 2 * neither });
        expect(hi2).toBeLessThan(hi);
      }),
    );
    // Neither arm ever had it: the Wilson upper limit of 0 of n, z²/(n + z²), either way.
    for (const n of [16, 48, 1000]) {
      const [lo, hi] = newcombePaired({ both: 0, aOnly: 0, bOnly: 0, neither: n });
      expect(hi).toBeCloseTo((Z95 * Z95) / (n + Z95 * Z95), 12);
      expect(lo).toBeCloseTo(-hi, 12);
    }
  });

  it('says all it can with no pairs: [−1, 1]', () => {
    expect(newcombePaired({ both: 0, aOnly: 0, bOnly: 0, neither: 0 })).toEqual([-1, 1]);
  });
});
