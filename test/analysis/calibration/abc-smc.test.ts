import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import {
  initialState,
  marginal,
  run,
  step,
  type AbcSettings,
  type AbcState,
  type Simulator,
} from '../../../src/analysis/calibration/abc-smc.ts';

/**
 * A toy model with known parameters: 40 draws from Normal(μ, σ), μ = −5 + 10·u0, σ = 0.5 + 2.5·u1, and
 * a third parameter u2 the data never see. Summaries: the sample mean and standard deviation.
 */
const toMu = (u: number) => -5 + 10 * u;
const toSigma = (u: number) => 0.5 + 2.5 * u;

function data(mu: number, sigma: number, seed: string): { mean: number; sd: number } {
  const next = seedrandom.alea(seed);
  const xs = Array.from(
    { length: 40 },
    () => mu + sigma * Math.sqrt(-2 * Math.log(Math.max(next(), 1e-300))) * Math.cos(2 * Math.PI * next()),
  );
  const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
  const sd = Math.sqrt(xs.reduce((s, x) => s + (x - mean) ** 2, 0) / (xs.length - 1));
  return { mean, sd };
}

function toySimulator(observed: { mean: number; sd: number }): Simulator {
  return async (proposals) =>
    proposals.map((p) => {
      const d = data(toMu(p.u[0]!), toSigma(p.u[1]!), p.seed);
      return [d.mean - observed.mean, d.sd - observed.sd];
    });
}

const settings = (seed: string, batchSize = 64): AbcSettings => ({
  populationSize: 300,
  generations: 8,
  quantile: 0.5,
  batchSize,
  minAcceptance: 0.01,
  seed,
});

describe('ABC-SMC on a toy model with known parameters', () => {
  it('recovers μ and σ: the truth lies in the 90 % posterior interval in at least 15 of 20 data sets (a correct 90 % interval misses that often with chance about 1 %), and the unseen parameter stays wide', async () => {
    let coveredMu = 0;
    let coveredSigma = 0;
    for (let r = 0; r < 20; r++) {
      const rng = seedrandom.alea(`truth:${r}`);
      const truth = [rng(), rng()];
      const observed = data(toMu(truth[0]!), toSigma(truth[1]!), `observed:${r}`);
      const out = await run(initialState(3, settings(`toy:${r}`)), toySimulator(observed));
      const mu = marginal(out.population, 0);
      const sigma = marginal(out.population, 1);
      const unseen = marginal(out.population, 2);
      if (truth[0]! >= mu.lo && truth[0]! <= mu.hi) coveredMu++;
      if (truth[1]! >= sigma.lo && truth[1]! <= sigma.hi) coveredSigma++;
      // μ is pinned to within a quarter of its prior range (σ/√40 alone gives 0.16 at σ = 3; the tolerance adds a little); the unseen parameter is not.
      expect(mu.hi - mu.lo).toBeLessThan(0.25);
      expect(unseen.hi - unseen.lo).toBeGreaterThan(0.6); // two thirds of its prior's 0.9: duplicated particles thin it a little
      // Tolerances fall from one generation to the next.
      const eps = out.history.slice(1).map((h) => h.epsilon);
      for (let i = 1; i < eps.length; i++) expect(eps[i]!).toBeLessThanOrEqual(eps[i - 1]!);
    }
    expect(coveredMu).toBeGreaterThanOrEqual(15);
    expect(coveredSigma).toBeGreaterThanOrEqual(15);
  });

  it('the result does not depend on the batch size, and a stopped run resumes from its saved JSON to the same answer', async () => {
    const observed = data(1, 1.2, 'obs');
    const sim = toySimulator(observed);
    const small = { ...settings('resume', 7), populationSize: 60, generations: 3 };
    const a = await run(initialState(3, small), sim);
    const b = await run(initialState(3, { ...small, batchSize: 100 }), sim);
    expect(b.population).toEqual(a.population);
    expect(b.history.map((h) => h.epsilon)).toEqual(a.history.map((h) => h.epsilon));
    let s: AbcState = initialState(3, small);
    for (let i = 0; i < 15; i++) s = await step(s, sim);
    expect(s.done).toBe(false);
    const resumed = await run(JSON.parse(JSON.stringify(s)) as AbcState, sim);
    expect(resumed.population).toEqual(a.population);
  });

  it('weights are normalised and the kept particles all lie within the final tolerance', async () => {
    const out = await run(initialState(2, { ...settings('w'), populationSize: 100, generations: 3 }), toySimulator(data(0, 1, 'o')));
    expect(out.population.reduce((s, p) => s + p.weight, 0)).toBeCloseTo(1, 12);
    const last = out.history[out.history.length - 1]!;
    for (const p of out.population) expect(p.distance).toBeLessThanOrEqual(last.epsilon);
  });

  it('more sweeps a generation leave fewer copies unmoved, keep every particle within the tolerance, and resume mid-sweep to the same answer', async () => {
    const observed = data(0.5, 1.5, 'sweeps');
    const sim = toySimulator(observed);
    const base = { ...settings('sweeps', 25), populationSize: 200, generations: 5 };
    const one = await run(initialState(3, base), sim);
    const three = await run(initialState(3, { ...base, moves: 3 }), sim);
    // Each generation of three sweeps proposes three moves a particle and reports them all.
    expect(three.history.slice(1).every((h) => h.proposals === 600)).toBe(true);
    expect(three.simulations).toBe(200 + 5 * 600);
    // Copies made by resampling that never moved are what a single sweep leaves; three sweeps leave fewer.
    const distinctOne = one.history.at(-1)!.ess;
    const distinctThree = three.history.at(-1)!.ess;
    expect(distinctThree).toBeGreaterThan(distinctOne * 1.2);
    const last = three.history.at(-1)!;
    for (const p of three.population) expect(p.distance).toBeLessThanOrEqual(last.epsilon);
    // Stopped inside the second sweep of generation 1 (200 prior draws, 8 batches of 25 in its first sweep).
    let s: AbcState = initialState(3, { ...base, moves: 3 });
    for (let i = 0; i < 8 + 8 + 3; i++) s = await step(s, sim);
    expect(s.current.generation).toBe(1);
    expect(s.current.sweep).toBe(1);
    const resumed = await run(JSON.parse(JSON.stringify(s)) as AbcState, sim);
    expect(resumed.population).toEqual(three.population);
  });
});
