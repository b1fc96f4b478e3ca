/**
 * Approximate Bayesian computation by sequential Monte Carlo, in the replenishment form of Drovandi &
 * Pettitt (2011) with the adaptive tolerances of Del Moral et al. (2012): populations, decreasing
 * tolerances as quantiles of the distances, and a perturbation kernel, but with equal weights kept up
 * by an MCMC move instead of importance weights. (Importance weights Σ w K(u | u_j) collapse in the
 * ~80 dimensions of Brink's parameters: the effective sample size fell to one or two particles.)
 *
 * It works on the unit cube: every parameter is the quantile u of its prior, so the prior is uniform on
 * [0, 1]^k and any prior (uniform, log-uniform, beta) is handled by the caller's quantile map.
 *   Generation 0: N draws from the prior, all kept; each residual's scale is fixed from their spread.
 *   Generation t: the tolerance ε_t is a quantile (α) of the population's distances. Particles beyond
 *   it are replaced by copies of the survivors (resampled); then every particle proposes a move (a
 *   Gaussian random walk reflected at the cube's faces, per coordinate √2 × the population's spread);
 *   the move is taken when its distance is within ε_t. The prior is uniform and the walk symmetric, so
 *   this is a Metropolis–Hastings step that leaves the ABC posterior at ε_t invariant.
 *
 * Deterministic and resumable: move i of generation t draws only from its own stream (`seed:g<t>:p<i>`)
 * and is simulated with that seed, so the result does not depend on how many proposals are simulated
 * at once or on how many workers run them, and a run stopped at any point resumes from its saved state
 * to the same answer.
 *
 * The simulator returns residuals (simulated − observed, or a window's shortfall), not raw statistics:
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
  /** MCMC sweeps over the population per generation (default 1): more sweeps leave fewer copies unmoved. */
  readonly moves?: number;
  /** The walk's step per coordinate, in the population's standard deviations (default √2). */
  readonly kernelScale?: number;
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
  /** Share of the moves taken (generation 0: 1). */
  readonly acceptance: number;
  /** Distinct parameter sets in the population (equal weights: the effective sample size's upper bound). */
  readonly ess: number;
}

export interface AbcState {
  readonly format: 'brink.abc-state/2';
  readonly settings: AbcSettings;
  readonly dim: number;
  /** Scale of each residual, fixed from generation 0 (median absolute deviation, or 1 if none). */
  readonly scales: readonly number[] | null;
  /** The last completed generation's population (empty before generation 0 completes); equal weights. */
  readonly population: readonly AbcParticle[];
  readonly history: readonly AbcGenerationSummary[];
  /** The generation being built: its tolerance, its starting particles (survivors and their copies), the results so far. */
  readonly current: {
    readonly generation: number;
    readonly epsilon: number;
    /** Which MCMC sweep of the generation this is (0-based), and the moves taken in its earlier sweeps. */
    readonly sweep: number;
    readonly taken: number;
    readonly start: readonly AbcParticle[];
    readonly results: readonly { readonly index: number; readonly u: readonly number[]; readonly residuals: readonly number[] }[];
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

/** Why ABC cannot run with these settings, or undefined: what initialState refuses (the CLI checks its flags against it). */
/** ABC resamples and moves within its population: it needs two parameter sets at least. */
export const MIN_POPULATION = 2;

export function abcSettingsProblem(dim: number, settings: AbcSettings): string | undefined {
  if (dim < 1) return 'ABC needs at least one parameter';
  if (!(Number.isInteger(settings.populationSize) && settings.populationSize >= MIN_POPULATION))
    return 'ABC needs a population of at least two';
  if (!(settings.quantile > 0 && settings.quantile < 1)) return 'the tolerance quantile must lie in (0, 1)';
  return undefined;
}

export function initialState(dim: number, settings: AbcSettings): AbcState {
  const problem = abcSettingsProblem(dim, settings);
  if (problem) throw new RangeError(problem);
  return {
    format: 'brink.abc-state/2',
    settings,
    dim,
    scales: null,
    population: [],
    history: [],
    // MAX_VALUE, not Infinity: the state is saved as JSON.
    current: { generation: 0, epsilon: Number.MAX_VALUE, sweep: 0, taken: 0, start: [], results: [] },
    done: false,
    simulations: 0,
  };
}

/** Sweep 0 keeps the stream names of a one-sweep run; later sweeps add `:s<k>`. */
function streamName(seed: string, generation: number, index: number | string, sweep = 0): string {
  return `${seed}:g${generation}${sweep > 0 ? `:s${sweep}` : ''}:p${index}`;
}

function streamFor(seed: string, generation: number, index: number | string, sweep = 0): () => number {
  return seedrandom.alea(streamName(seed, generation, index, sweep));
}

/** A standard normal from two uniforms (Box–Muller). */
function normal(next: () => number): number {
  const a = Math.max(next(), 1e-300);
  return Math.sqrt(-2 * Math.log(a)) * Math.cos(2 * Math.PI * next());
}

/** Folds x back into [0, 1) by reflection at the faces: a symmetric walk on the cube. */
function reflect(x: number): number {
  let y = x % 2;
  if (y < 0) y += 2;
  if (y > 1) y = 2 - y;
  return Math.min(y, 1 - 1e-12);
}

/** Per-coordinate step: `scale` × the population's spread, floored so a collapsed coordinate still moves. */
export function kernelSd(population: readonly AbcParticle[], dim: number, scale = Math.SQRT2): number[] {
  const out: number[] = [];
  for (let j = 0; j < dim; j++) {
    let m = 0;
    for (const p of population) m += p.u[j]!;
    m /= population.length;
    let v = 0;
    for (const p of population) v += (p.u[j]! - m) ** 2;
    out.push(Math.max(scale * Math.sqrt(v / population.length), 1e-3));
  }
  return out;
}

/** Proposal i of the current generation: a prior draw (generation 0) or a move of starting particle i. */
export function propose(state: AbcState, index: number, sd: readonly number[] | null): Proposal {
  const g = state.current.generation;
  const sweep = state.current.sweep;
  const next = streamFor(state.settings.seed, g, index, sweep);
  const u =
    g === 0
      ? Array.from({ length: state.dim }, () => next())
      : state.current.start[index]!.u.map((v, j) => reflect(v + sd![j]! * normal(next)));
  return { index, u, seed: streamName(state.settings.seed, g, index, sweep) };
}

export function distance(residuals: readonly number[], scales: readonly number[]): number {
  let s = 0;
  residuals.forEach((r, i) => {
    s += (r / scales[i]!) ** 2;
  });
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

function quantileOf(values: readonly number[], q: number): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.floor(q * s.length)))]!;
}

function distinct(population: readonly AbcParticle[]): number {
  return new Set(population.map((p) => p.u.join(','))).size;
}

/**
 * The next generation's start: ε is the α-quantile of the distances; particles beyond it are replaced
 * by copies of survivors, drawn from the generation's own resampling stream.
 */
function beginGeneration(state: AbcState, population: readonly AbcParticle[], generation: number): AbcState['current'] {
  const epsilon = quantileOf(
    population.map((p) => p.distance),
    state.settings.quantile,
  );
  const survivors = population.filter((p) => p.distance <= epsilon);
  const next = streamFor(state.settings.seed, generation, 'resample');
  const start = population.map((p) => (p.distance <= epsilon ? p : survivors[Math.floor(next() * survivors.length)]!));
  return { generation, epsilon, sweep: 0, taken: 0, start, results: [] };
}

/** Closes the current generation once every proposal has its result. */
function completeGeneration(state: AbcState): AbcState {
  const { settings, current } = state;
  const g = current.generation;
  const results = [...current.results].sort((a, b) => a.index - b.index);
  const scales = state.scales ?? scalesFrom(results.map((r) => r.residuals));
  const n = settings.populationSize;
  let population: AbcParticle[];
  let taken = 0;
  if (g === 0) {
    population = results.map((r) => ({ u: r.u, weight: 1 / n, distance: distance(r.residuals, scales) }));
    taken = n;
  } else {
    population = current.start.map((p, i) => {
      const r = results[i]!;
      const d = distance(r.residuals, scales);
      if (d <= current.epsilon) {
        taken++;
        return { u: r.u, weight: 1 / n, distance: d };
      }
      return p;
    });
  }
  const sweep = current.sweep;
  const moves = g === 0 ? 1 : (settings.moves ?? 1);
  if (sweep + 1 < moves) {
    // Another sweep at the same tolerance, from where this one left the particles.
    return {
      ...state,
      scales,
      current: {
        generation: g,
        epsilon: current.epsilon,
        sweep: sweep + 1,
        taken: current.taken + taken,
        start: population,
        results: [],
      },
    };
  }
  const acceptance = (current.taken + taken) / (n * moves);
  const summary: AbcGenerationSummary = {
    generation: g,
    epsilon: current.epsilon,
    proposals: n * moves,
    acceptance,
    ess: distinct(population),
  };
  const done = g >= settings.generations || (g > 0 && acceptance < settings.minAcceptance);
  const withScales = { ...state, scales };
  return {
    ...withScales,
    population,
    history: [...state.history, summary],
    done,
    current: done
      ? { generation: g + 1, epsilon: current.epsilon, sweep: 0, taken: 0, start: [], results: [] }
      : beginGeneration(withScales, population, g + 1),
  };
}

/**
 * Runs one batch of proposals through the simulator and folds in the results: the unit of progress and
 * of saving. Returns the new state (a completed generation when every proposal has its result).
 */
export async function step(state: AbcState, simulate: Simulator): Promise<AbcState> {
  if (state.done) return state;
  const { settings, current } = state;
  const sd = current.generation === 0 ? null : kernelSd(current.start, state.dim, settings.kernelScale);
  const from = current.results.length;
  const to = Math.min(settings.populationSize, from + settings.batchSize);
  const proposals: Proposal[] = [];
  for (let i = from; i < to; i++) proposals.push(propose(state, i, sd));
  const residuals = await simulate(proposals);
  if (residuals.length !== proposals.length)
    throw new Error(`the simulator returned ${residuals.length} results for ${proposals.length} proposals`);
  const results = [...current.results, ...proposals.map((p, i) => ({ index: p.index, u: p.u, residuals: residuals[i]! }))];
  const next: AbcState = { ...state, simulations: state.simulations + proposals.length, current: { ...current, results } };
  return results.length >= settings.populationSize ? completeGeneration(next) : next;
}

/** Runs to the end, reporting after every batch (for progress and for saving the state to resume). */
export async function run(
  state: AbcState,
  simulate: Simulator,
  onStep: (s: AbcState) => void | Promise<void> = () => {},
): Promise<AbcState> {
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
