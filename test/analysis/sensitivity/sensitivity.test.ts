import { describe, expect, it } from 'vitest';
import { renderBars } from '../../../src/analysis/sensitivity/bars.ts';
import { morrisDesign, morrisIndices } from '../../../src/analysis/sensitivity/morris.ts';
import { saltelliDesign, sobolIndices } from '../../../src/analysis/sensitivity/sobol.ts';

/** Ishigami (a = 7, b = 0.1) on [−π, π]³: the standard test with analytic Sobol indices. */
const ishigami = (u: readonly number[]) => {
  const [x1, x2, x3] = u.map((v) => -Math.PI + 2 * Math.PI * v) as [number, number, number];
  return Math.sin(x1) + 7 * Math.sin(x2) ** 2 + 0.1 * x3 ** 4 * Math.sin(x1);
};
// Analytic values (Ishigami & Homma 1990; Sobol' & Levitan 1999).
const FIRST = [0.3139, 0.4424, 0];
const TOTAL = [0.5576, 0.4424, 0.2437];

describe('Sobol indices by the Saltelli design', () => {
  const design = saltelliDesign(3, 20_000, 'ishigami');
  const result = sobolIndices(design, design.points.map(ishigami), 100, 'ishigami');

  it('recovers the Ishigami first-order and total indices within 0.04', () => {
    result.forEach((r, i) => {
      expect(Math.abs(r.first - FIRST[i]!), `S${i + 1} = ${r.first}`).toBeLessThan(0.04);
      expect(Math.abs(r.total - TOTAL[i]!), `ST${i + 1} = ${r.total}`).toBeLessThan(0.04);
    });
  });

  it('the bootstrap intervals are narrow and hold the true values (widened by the stated 0.02)', () => {
    result.forEach((r, i) => {
      expect(r.firstCi[0] - 0.02).toBeLessThanOrEqual(FIRST[i]!);
      expect(r.firstCi[1] + 0.02).toBeGreaterThanOrEqual(FIRST[i]!);
      expect(r.totalCi[0] - 0.02).toBeLessThanOrEqual(TOTAL[i]!);
      expect(r.totalCi[1] + 0.02).toBeGreaterThanOrEqual(TOTAL[i]!);
      expect(r.totalCi[1] - r.totalCi[0]).toBeLessThan(0.1);
    });
  });

  it('x3 acts only through its interaction with x1: zero alone, a quarter in total', () => {
    expect(result[2]!.total - result[2]!.first).toBeGreaterThan(0.15);
    expect(result[1]!.total - result[1]!.first).toBeLessThan(0.05);
  });

  it('the design is seeded: the same seed, the same points', () => {
    expect(saltelliDesign(3, 5, 'x').points).toEqual(saltelliDesign(3, 5, 'x').points);
    expect(saltelliDesign(3, 5, 'x').points).not.toEqual(saltelliDesign(3, 5, 'y').points);
    expect(saltelliDesign(3, 5, 'x').points.length).toBe(5 * 5);
  });

  it('refuses outputs that do not match the design', () => {
    expect(() => sobolIndices(saltelliDesign(2, 4, 'x'), [1, 2, 3])).toThrow(/expected 16 outputs/);
  });
});

describe('Morris screening', () => {
  // Inputs 0 and 1 matter (0 linearly and most), 2 and 3 only together, the other six not at all.
  const f = (x: readonly number[]) => 10 * x[0]! + 4 * x[1]! ** 2 + 6 * x[2]! * x[3]! + 0.01 * x[4]!;
  const design = morrisDesign(10, 30, 'screen');
  const idx = morrisIndices(design, design.points.map(f));

  it('ranks the inputs that matter first and the idle ones at zero', () => {
    const order = [...idx].sort((a, b) => b.muStar - a.muStar).map((r) => r.input);
    expect(order.slice(0, 4).sort()).toEqual([0, 1, 2, 3]);
    expect(order[0]).toBe(0);
    expect(idx[0]!.muStar).toBeCloseTo(10, 9);
    for (const i of [5, 6, 7, 8, 9]) expect(idx[i]!.muStar).toBe(0);
    expect(idx[4]!.muStar).toBeCloseTo(0.01, 9);
  });

  it('σ separates a linear input from non-linear and interacting ones', () => {
    expect(idx[0]!.sigma).toBeCloseTo(0, 9);
    expect(idx[1]!.sigma).toBeGreaterThan(0.5);
    expect(idx[2]!.sigma).toBeGreaterThan(0.5);
  });

  it('every point lies on the grid inside the unit cube, one input moving per step', () => {
    for (const p of design.points) for (const v of p) expect(v >= 0 && v <= 1).toBe(true);
    for (let t = 0; t < 30; t++) {
      for (let j = 0; j < 10; j++) {
        const a = design.points[t * 11 + j]!;
        const b = design.points[t * 11 + j + 1]!;
        expect(a.filter((v, i) => v !== b[i]).length).toBe(1);
      }
    }
  });
});

describe('terminal bar chart', () => {
  it('scales bars to the largest value and draws intervals', () => {
    const text = renderBars(
      [
        { label: 'a', value: 1, lo: 0.5, hi: 1 },
        { label: 'bb', value: 0.5, note: 'assumption' },
      ],
      { width: 10 },
    );
    const [a, b] = text.split('\n');
    // The bar fills all ten cells; the interval 0.5–1 is marked over it from cell 5 to cell 9.
    expect(a).toBe('a  │█████├███┤│ 1.00 [0.50–1.00]');
    expect(renderBars([{ label: 'c', value: 0.2, lo: 0.4, hi: 0.8 }], { width: 10, max: 1 })).toBe('c │██  ├──┤  │ 0.20 [0.40–0.80]');
    expect(b).toBe('bb │█████     │ 0.50  assumption');
  });
});
