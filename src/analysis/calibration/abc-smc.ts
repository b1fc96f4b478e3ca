/**
 * Approximate Bayesian computation by sequential Monte Carlo (ABC-SMC: Toni et al. 2009, with the
 * adaptive tolerances and kernel of Beaumont et al. 2009 and Del Moral et al. 2012).
 *
 * It works on the unit cube: every parameter is the quantile u of its prior, so the prior is uniform on
 * [0, 1]^k and any prior (uniform, log-uniform, beta) is handled by the caller's quantile map.
 *   Generation 0: N draws from the prior, all kept; each residual's scale is fixed from their spread.
 *   Generation t: the tolerance ε_t is a quantile (α) of the previous generation's distances. Proposals
 *   pick a parent by weight and move it with a Gaussian kernel (per coordinate, twice the weighted
 *   variance); a proposal is kept when its distance is at most ε_t; weights are prior / Σ w_j K(u | u_j).
 *
 * Deterministic and resumable: proposal i of generation t draws only from its own stream
 * (`seed:g<t>:p<i>`) and is simulated with that seed; proposals are accepted in index order until N are
 * kept. So the result does not depend on how many proposals are simulated at once or on how many
 * workers run them, and a run stopped at any point resumes from its saved state to the same answer.
 *
 * The simulator returns residuals (simulated − observed, or a floor's shortfall), not raw statistics:
 * the distance is the Euclidean norm of the residuals divided by their scales.
 */
import seedrandom from 'seedrandom';

export interface AbcSettings {
  /** Particles kept per generation (N). */
  readonly populationSize: number;
  /** Generations after the prior's (generation 0). */
  readonly generations: number;
  /** ε_t is this quantile of the previous generation's distances. */
  readonly quantile: number;
  /** Proposals handed to the simulator at once (does not change the result). */
  readonly batchSize: number;
  /** Stop early when a generation keeps fewer than this share of its proposals. */
  readonly minAcceptance: number;
  readonly seed: string;
}

export interface AbcParticle {
  readonly u: readonly number[];
  readonly weight: number;
  readonly distance: number;
}

export interface AbcGenerationSummary {
  readonly generation: number;
  readonly epsilon: number;
  readonly proposals: number;
  readonly acceptance: number;
  /** Effective sample size of the weights: 1 / Σ w². */
  readonly ess: number;
}

export interface AbcState {
  readonly format: 'brink.abc-state/1';
  readonly settings: AbcSettings;
  readonly dim: number;
  /** Scale of each residual, fixed from generation 0 (median absolute deviation, or 1 if none). */
  readonly scales: readonly number[] | null;
  /** The last completed generation's population (empty before generation 0 completes). */
  readonly population: readonly AbcParticle[];
  readonly history: readonly AbcGenerationSummary[];
  /** The generation being built. */
  readonly current: {
    readonly generation: number;
    readonly epsilon: number;
    readonly nextIndex: number;
    readonly accepted: readonly { readonly index: number; readonly u: readonly number[]; readonly residuals: readonly number[] }[];
    /** Generation 0 keeps everything and scores it once the scales are known. */
  };
  readonly done: boolean;
  readonly simulations: number;
}

export interface Proposal {
  readonly index: number;
  readonly u: readonly number[];
  /** Seed for the simulation of this proposal. */
  readonly seed: string;
}

export type Simulator = (proposals: readonly Proposal[]) => Promise<readonly (readonly number[])[]>;

export function initialState(dim: number, settings: AbcSettings): AbcState {
  if (dim < 1) throw new RangeError('ABC needs at least one parameter');
  if (settings.populationSize < 2) throw new RangeError('ABC needs a population of at least two');
  if (!(settings.quantile > 0 && settings.quantile < 1)) throw new RangeError('the tolerance quantile must lie in (0, 1)');
  return {
    format: 'brink.abc-state/1', settings, dim, scales: null, population: [], history: [],
    current: { generation: 0, epsilon: Number.MAX_VALUE, nextIndex: 0, accepted: [] }, // MAX_VALUE, not Infinity: the state is saved as JSON
    done: false, simulations: 0,
  };
}

function streamFor(seed: string, generation: number, index: number): () => number {
  return seedrandom.alea(`${seed}:g${generation}:p${index}`);
}

/** A standard normal from two uniforms (Box–Muller). */
function normal(next: () => number): number {
  const a = Math.max(next(), 1e-300);
  return Math.sqrt(-2 * Math.log(a)) * Math.cos(2 * Math.PI * next());
}

/** Standard normal distribution function (Abramowitz–Stegun 7.1.26 on erf, error below 1.5e-7). */
function phi(x: number): number {
  const z = Math.abs(x) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * z);
  const erf = 1 - ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.exp(-z * z);
  return x >= 0 ? 0.5 * (1 + erf) : 0.5 * (1 - erf);
}

/** The share of a Gaussian around `centre` that falls inside [0, 1]: the truncated kernel's normaliser. */
function truncMass(centre: number, sd: number): number {
  return Math.max(1e-300, phi((1 - centre) / sd) - phi(-centre / sd));
}

/** Per-coordinate kernel width: √(2 × weighted variance), floored so a collapsed coordinate still moves. */
export function kernelSd(population: readonly AbcParticle[], dim: number): number[] {
  const out: number[] = [];
  for (let j = 0; j < dim; j++) {
    let m = 0;
    for (const p of population) m += p.weight * p.u[j]!;
    let v = 0;
    for (const p of population) v += p.weight * (p.u[j]! - m) ** 2;
    out.push(Math.max(Math.sqrt(2 * v), 1e-3));
  }
  return out;
}

/** Proposal i of the current generation: from the prior (generation 0) or a perturbed parent. */
export function propose(state: AbcState, index: number, sd: readonly number[] | null): Proposal {
  const g = state.current.generation;
  const next = streamFor(state.settings.seed, g, index);
  let u: number[];
  if (g === 0) u = Array.from({ length: state.dim }, () => next());
  else {
    // A Gaussian truncated to [0, 1) per coordinate: in many dimensions an untruncated move would
    // almost always leave the cube somewhere, and nearly every proposal would be wasted.
    const parent = pickByWeight(state.population, next());
    u = parent.u.map((v, j) => {
      for (let tries = 0; tries < 1000; tries++) {
        const x = v + sd![j]! * normal(next);
        if (x >= 0 && x < 1) return x;
      }
      return v;
    });
  }
  return { index, u, seed: `${state.settings.seed}:g${g}:p${index}` };
}

function pickByWeight(population: readonly AbcParticle[], x: number): AbcParticle {
  let acc = 0;
  for (const p of population) {
    acc += p.weight;
    if (x < acc) return p;
  }
  return population[population.length - 1]!;
}

export function distance(residuals: readonly number[], scales: readonly number[]): number {
  let s = 0;
  residuals.forEach((r, i) => { s += (r / scales[i]!) ** 2; });
  return Math.sqrt(s);
}

function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** Median absolute deviation of each residual over generation 0, or its mean absolute size, or 1. */
function scalesFrom(rows: readonly (readonly number[])[]): number[] {
  const k = rows[0]?.length ?? 0;
  return Array.from({ length: k }, (_, i) => {
    const col = rows.map((r) => r[i]!);
    const med = median(col);
    const mad = median(col.map((v) => Math.abs(v - med)));
    if (mad > 0) return mad;
    const meanAbs = col.reduce((s, v) => s + Math.abs(v - med), 0) / col.length;
    return meanAbs > 0 ? meanAbs : 1;
  });
}

function weightedQuantile(values: readonly number[], q: number): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.floor(q * s.length)))]!;
}

function ess(population: readonly AbcParticle[]): number {
  return 1 / population.reduce((s, p) => s + p.weight ** 2, 0);
}

/** Closes the current generation: scores, weights, the next tolerance. */
function completeGeneration(state: AbcState): AbcState {
  const { settings, current } = state;
  const kept = [...current.accepted].sort((a, b) => a.index - b.index).slice(0, settings.populationSize);
  const g = current.generation;
  const scales = state.scales ?? scalesFrom(kept.map((k) => k.residuals));
  let population: AbcParticle[];
  if (g === 0) {
    population = kept.map((k) => ({ u: k.u, weight: 1 / kept.length, distance: distance(k.residuals, scales) }));
  } else {
    const sd = kernelSd(state.population, state.dim);
    const raw = kept.map((k) => {
      // Σ_j w_j K(u | u_j), with K the truncated Gaussian; computed in logs relative to the largest term.
      const logs = state.population.map((p) => {
        let logK = 0;
        for (let j = 0; j < state.dim; j++) logK += -0.5 * ((k.u[j]! - p.u[j]!) / sd[j]!) ** 2 - Math.log(truncMass(p.u[j]!, sd[j]!));
        return Math.log(p.weight) + logK;
      });
      const top = Math.max(...logs);
      const denom = Math.exp(top) * logs.reduce((s, l) => s + Math.exp(l - top), 0);
      return { u: k.u, weight: 1 / Math.max(denom, 1e-300), distance: distance(k.residuals, scales) };
    });
    const total = raw.reduce((s, p) => s + p.weight, 0);
    population = raw.map((p) => ({ ...p, weight: p.weight / total }));
  }
  const proposals = current.nextIndex;
  const acceptance = kept.length / Math.max(1, proposals);
  const summary: AbcGenerationSummary = { generation: g, epsilon: current.epsilon, proposals, acceptance, ess: ess(population) };
  const done = g >= settings.generations || (g > 0 && acceptance < settings.minAcceptance);
  const epsilon = weightedQuantile(population.map((p) => p.distance), settings.quantile);
  return {
    ...state, scales, population, history: [...state.history, summary], done,
    current: { generation: g + 1, epsilon, nextIndex: 0, accepted: [] },
  };
}

/**
 * Runs one batch of proposals through the simulator and folds in the results: the unit of progress and
 * of saving. Returns the new state (a completed generation when enough were kept).
 */
export async function step(state: AbcState, simulate: Simulator): Promise<AbcState> {
  if (state.done) return state;
  const { settings, current } = state;
  const sd = current.generation === 0 ? null : kernelSd(state.population, state.dim);
  const proposals: Proposal[] = [];
  let index = current.nextIndex;
  const need = settings.populationSize - current.accepted.length;
  // Propose only as many as could still be needed: the result never depends on the batch size.
  const budget = current.generation === 0 ? Math.min(settings.batchSize, need) : settings.batchSize;
  while (proposals.length < budget) proposals.push(propose(state, index++, sd));
  const residuals = await simulate(proposals);
  if (residuals.length !== proposals.length) throw new Error(`the simulator returned ${residuals.length} results for ${proposals.length} proposals`);
  const accepted = [...current.accepted];
  let nextIndex = current.nextIndex;
  for (let i = 0; i < proposals.length; i++) {
    const p = proposals[i]!;
    const r = residuals[i]!;
    nextIndex = p.index + 1;
    const keep = current.generation === 0 || distance(r, state.scales!) <= current.epsilon;
    if (keep) accepted.push({ index: p.index, u: p.u, residuals: r });
    if (accepted.length >= settings.populationSize) break;
  }
  // Proposals after the N-th acceptance are discarded: nextIndex stops at the last one examined.
  const next: AbcState = { ...state, simulations: state.simulations + proposals.length, current: { ...current, nextIndex, accepted } };
  return accepted.length >= settings.populationSize ? completeGeneration(next) : next;
}

/** Runs to the end, reporting after every batch (for progress and for saving the state to resume). */
export async function run(state: AbcState, simulate: Simulator, onStep: (s: AbcState) => void | Promise<void> = () => {}): Promise<AbcState> {
  let s = state;
  while (!s.done) {
    s = await step(s, simulate);
    await onStep(s);
  }
  return s;
}

/** Weighted mean and central interval of coordinate j of a population. */
export function marginal(population: readonly AbcParticle[], j: number, level = 0.9): { mean: number; lo: number; hi: number } {
  const sorted = [...population].sort((a, b) => a.u[j]! - b.u[j]!);
  const total = sorted.reduce((s, p) => s + p.weight, 0);
  let mean = 0;
  for (const p of sorted) mean += (p.weight / total) * p.u[j]!;
  const at = (q: number) => {
    let acc = 0;
    for (const p of sorted) {
      acc += p.weight / total;
      if (acc >= q) return p.u[j]!;
    }
    return sorted[sorted.length - 1]!.u[j]!;
  };
  return { mean, lo: at((1 - level) / 2), hi: at(1 - (1 - level) / 2) };
}
