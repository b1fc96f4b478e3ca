/**
 * Sobol sensitivity indices by Saltelli's design: two independent N × k sample matrices A and B on the
 * unit cube, and k matrices AB_i (A with column i taken from B). From the N(k + 2) outputs:
 *   first order S_i  = mean(f(B) · (f(AB_i) − f(A))) / V          (Saltelli et al. 2010)
 *   total       ST_i = mean((f(A) − f(AB_i))²) / (2V)              (Jansen 1999)
 * with V the variance of f over A and B together. S_i is the share of the output's variance that input
 * i explains alone; ST_i adds everything it explains through interactions. Bootstrap over the N rows
 * gives intervals that state the estimates' precision.
 */
import seedrandom from 'seedrandom';

export interface SaltelliDesign {
  readonly k: number;
  readonly n: number;
  /** Rows A (N), then B (N), then AB_1 … AB_k (N each): N(k + 2) points. */
  readonly points: readonly (readonly number[])[];
}

export interface SobolIndex {
  readonly input: number;
  readonly first: number;
  readonly total: number;
  /** Bootstrap percentile intervals (2.5 %–97.5 %). */
  readonly firstCi: readonly [number, number];
  readonly totalCi: readonly [number, number];
}

/** Why a Saltelli design cannot be built, or undefined: what saltelliDesign refuses (the CLI checks its flags against it). */
export function saltelliProblem(k: number, n: number): string | undefined {
  return k < 1 || !(n >= 2) ? 'Saltelli needs at least one input and two rows' : undefined;
}

export function saltelliDesign(k: number, n: number, seed: string): SaltelliDesign {
  const problem = saltelliProblem(k, n);
  if (problem) throw new RangeError(problem);
  const rng = seedrandom.alea(`saltelli:${seed}`);
  const a = Array.from({ length: n }, () => Array.from({ length: k }, () => rng()));
  const b = Array.from({ length: n }, () => Array.from({ length: k }, () => rng()));
  const points: number[][] = [...a, ...b];
  for (let i = 0; i < k; i++) for (let r = 0; r < n; r++) points.push(a[r]!.map((v, j) => (j === i ? b[r]![i]! : v)));
  return { k, n, points };
}

function estimate(k: number, n: number, y: readonly number[], rows: readonly number[]): { first: number[]; total: number[] } {
  const fa = (r: number) => y[r]!;
  const fb = (r: number) => y[n + r]!;
  const fab = (i: number, r: number) => y[(2 + i) * n + r]!;
  let sum = 0;
  let sum2 = 0;
  for (const r of rows) {
    sum += fa(r) + fb(r);
    sum2 += fa(r) ** 2 + fb(r) ** 2;
  }
  const m = rows.length * 2;
  const v = sum2 / m - (sum / m) ** 2;
  const first: number[] = [];
  const total: number[] = [];
  for (let i = 0; i < k; i++) {
    let s = 0;
    let t = 0;
    for (const r of rows) {
      s += fb(r) * (fab(i, r) - fa(r));
      t += (fa(r) - fab(i, r)) ** 2;
    }
    first.push(v > 0 ? s / rows.length / v : 0);
    total.push(v > 0 ? t / rows.length / (2 * v) : 0);
  }
  return { first, total };
}

export function sobolIndices(design: SaltelliDesign, outputs: readonly number[], bootstrap = 200, seed = 'bootstrap'): SobolIndex[] {
  const { k, n } = design;
  if (outputs.length !== design.points.length)
    throw new RangeError(`Sobol expected ${design.points.length} outputs, got ${outputs.length}`);
  const all = Array.from({ length: n }, (_, r) => r);
  const point = estimate(k, n, outputs, all);
  const rng = seedrandom.alea(`sobol-bootstrap:${seed}`);
  const firsts: number[][] = Array.from({ length: k }, () => []);
  const totals: number[][] = Array.from({ length: k }, () => []);
  for (let b = 0; b < bootstrap; b++) {
    const rows = all.map(() => Math.floor(rng() * n));
    const e = estimate(k, n, outputs, rows);
    for (let i = 0; i < k; i++) {
      firsts[i]!.push(e.first[i]!);
      totals[i]!.push(e.total[i]!);
    }
  }
  return point.first.map((first, i) => ({
    input: i,
    first,
    total: point.total[i]!,
    firstCi: percentiles(firsts[i]!),
    totalCi: percentiles(totals[i]!),
  }));
}

function percentiles(values: number[]): [number, number] {
  if (values.length === 0) return [Number.NaN, Number.NaN];
  const s = [...values].sort((x, y) => x - y);
  const at = (q: number) => s[Math.min(s.length - 1, Math.max(0, Math.round(q * (s.length - 1))))]!;
  return [at(0.025), at(0.975)];
}
