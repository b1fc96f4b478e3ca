import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { t95, tCdf, tPdf, tQuantile } from '../../src/batch/student-t.ts';
import { Z95 } from '../../src/batch/stats.ts';

describe('Student t quantile', () => {
  it('matches published table values', () => {
    // Two-sided 95 % (p = 0.975) and a few others, from any t table (e.g. Abramowitz & Stegun 26.10), to 9 decimals.
    const cases: [number, number, number][] = [
      [0.975, 1, 12.706204736],
      [0.975, 2, 4.30265273],
      [0.975, 15, 2.131449546],
      [0.975, 29, 2.045229642],
      [0.975, 30, 2.042272456],
      [0.995, 10, 3.169272673],
      [0.95, 5, 2.015048373],
    ];
    for (const [p, df, t] of cases) {
      expect(tQuantile(p, df), `t(${p}, ${df})`).toBeCloseTo(t, 9);
      expect(tQuantile(1 - p, df), `t(${1 - p}, ${df})`).toBeCloseTo(-t, 9);
    }
    expect(tQuantile(0.975, 1000)).toBeCloseTo(1.962339, 6);
    expect(t95(16)).toBeCloseTo(2.131449546, 9);
  });

  it('converges to z as the degrees of freedom grow', () => {
    expect(tQuantile(0.975, 1e6)).toBeGreaterThan(Z95);
    expect(tQuantile(0.975, 1e6) - Z95).toBeLessThan(1e-5);
    // The first-order correction z + (z³ + z)/(4ν) is within O(ν⁻²) of t.
    for (const df of [1e3, 1e4, 1e5]) {
      const approx = Z95 + (Z95 ** 3 + Z95) / (4 * df);
      expect(Math.abs(tQuantile(0.975, df) - approx)).toBeLessThan(5 / df ** 2);
    }
  });

  it('has the exact quantile 0 at p = ½, ±∞ at 0 and 1, and refuses what is not a probability or a df', () => {
    expect(tQuantile(0.5, 7)).toBe(0);
    expect(tQuantile(0, 7)).toBe(Number.NEGATIVE_INFINITY);
    expect(tQuantile(1, 7)).toBe(Number.POSITIVE_INFINITY);
    expect(() => tQuantile(1.5, 7)).toThrow(RangeError);
    expect(() => tQuantile(0.975, 0)).toThrow(RangeError);
    expect(() => tQuantile(0.975, Number.NaN)).toThrow(RangeError);
  });

  it('is above z, falls as the degrees of freedom grow, and inverts the distribution function', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5000 }), fc.double({ min: 0.5005, max: 0.9995, noNaN: true }), (df, p) => {
        const t = tQuantile(p, df);
        const z = tQuantile(p, 1e9);
        expect(t).toBeGreaterThan(z - 1e-9);
        expect(tQuantile(p, df + 1)).toBeLessThan(t);
        expect(tCdf(t, df)).toBeCloseTo(p, 12);
        expect(tQuantile(1 - p, df)).toBeCloseTo(-t, 9);
      }),
    );
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100_000 }), (df) => {
        expect(t95(df + 1)).toBeGreaterThan(Z95);
        expect(t95(df + 2)).toBeLessThan(t95(df + 1));
      }),
    );
  });
});

describe('Student t distribution function', () => {
  it('matches the closed forms for 1, 2 and 3 degrees of freedom', () => {
    // 1: the Cauchy distribution; 2: ½ + t / (2√(2 + t²)); 3: ½ + (θ + sin θ cos θ)/π with θ = atan(t/√3).
    const cdf3 = (t: number) => {
      const th = Math.atan(t / Math.sqrt(3));
      return 0.5 + (th + Math.sin(th) * Math.cos(th)) / Math.PI;
    };
    fc.assert(
      fc.property(fc.double({ min: -200, max: 200, noNaN: true }), (t) => {
        expect(tCdf(t, 1)).toBeCloseTo(0.5 + Math.atan(t) / Math.PI, 12);
        expect(tCdf(t, 2)).toBeCloseTo(0.5 + t / (2 * Math.sqrt(2 + t * t)), 12);
        expect(tCdf(t, 3)).toBeCloseTo(cdf3(t), 12);
      }),
    );
  });

  it('is a density that integrates to the distribution function', () => {
    // Simpson's rule of the density from 0 to t equals CDF(t) − ½.
    for (const df of [1, 4, 29, 500]) {
      for (const t of [0.5, 2, 4]) {
        const steps = 2000;
        const h = t / steps;
        let s = tPdf(0, df) + tPdf(t, df);
        for (let i = 1; i < steps; i++) s += (i % 2 ? 4 : 2) * tPdf(i * h, df);
        expect((s * h) / 3).toBeCloseTo(tCdf(t, df) - 0.5, 10);
      }
    }
  });
});
