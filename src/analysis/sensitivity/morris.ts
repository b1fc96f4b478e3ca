/**
 * Morris elementary-effects screening (Morris 1991, with Campolongo's μ*): r random one-at-a-time
 * trajectories through a p-level grid on the unit cube. Each step moves one input by Δ = p / (2(p − 1))
 * and records the change of the output divided by Δ. Per input: μ* (mean absolute effect: how much it
 * matters), μ (mean signed effect: its direction), σ (spread of the effects: non-linearity or
 * interactions). r(k + 1) model runs screen k inputs: cheap enough for every parameter of Brink.
 *
 * The design and the analysis are separate, so the caller can run the points however it likes (in
 * worker threads, in batches of games) and in any order.
 */
import seedrandom from 'seedrandom';

export interface MorrisDesign {
  readonly k: number;
  readonly levels: number;
  readonly delta: number;
  /** r trajectories of k + 1 points each, row-major: points[t * (k + 1) + j]. */
  readonly points: readonly (readonly number[])[];
  /** For each trajectory, the input changed at step j (j = 0 … k − 1) and the sign of the move. */
  readonly moves: readonly (readonly { readonly input: number; readonly sign: 1 | -1 }[])[];
}

export interface MorrisIndex {
  readonly input: number;
  readonly muStar: number;
  readonly mu: number;
  readonly sigma: number;
}

/** Why a Morris design cannot be built, or undefined: what morrisDesign refuses (the CLI checks its flags against it). */
export function morrisProblem(k: number, trajectories: number, levels = 4): string | undefined {
  if (k < 1 || !(trajectories >= 2)) return 'Morris needs at least one input and two trajectories';
  if (levels < 2 || levels % 2 !== 0) return 'Morris needs an even number of levels';
  return undefined;
}

export function morrisDesign(k: number, trajectories: number, seed: string, levels = 4): MorrisDesign {
  const problem = morrisProblem(k, trajectories, levels);
  if (problem) throw new RangeError(problem);
  const rng = seedrandom.alea(`morris:${seed}`);
  const delta = levels / (2 * (levels - 1));
  // Start levels are those from which +Δ stays inside [0, 1]: 0, 1/(p−1), …, up to 1 − Δ.
  const starts = Array.from({ length: levels / 2 }, (_, i) => i / (levels - 1));
  const points: number[][] = [];
  const moves: { input: number; sign: 1 | -1 }[][] = [];
  for (let t = 0; t < trajectories; t++) {
    let x = Array.from({ length: k }, () => starts[Math.floor(rng() * starts.length)]!);
    // Half the inputs start at the top and step down, so both directions are sampled.
    const down = Array.from({ length: k }, () => rng() < 0.5);
    x = x.map((v, i) => (down[i] ? v + delta : v));
    const order = shuffle(
      Array.from({ length: k }, (_, i) => i),
      rng,
    );
    points.push([...x]);
    const m: { input: number; sign: 1 | -1 }[] = [];
    for (const i of order) {
      const sign: 1 | -1 = down[i] ? -1 : 1;
      x[i] = x[i]! + sign * delta;
      points.push([...x]);
      m.push({ input: i, sign });
    }
    moves.push(m);
  }
  return { k, levels, delta, points, moves };
}

function shuffle<T>(a: T[], rng: () => number): T[] {
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return a;
}

/** μ*, μ and σ per input, from the outputs at the design's points (same order). */
export function morrisIndices(design: MorrisDesign, outputs: readonly number[]): MorrisIndex[] {
  const { k, delta } = design;
  if (outputs.length !== design.points.length)
    throw new RangeError(`Morris expected ${design.points.length} outputs, got ${outputs.length}`);
  const effects: number[][] = Array.from({ length: k }, () => []);
  design.moves.forEach((m, t) => {
    const base = t * (k + 1);
    m.forEach(({ input, sign }, j) => {
      effects[input]!.push((outputs[base + j + 1]! - outputs[base + j]!) / (sign * delta));
    });
  });
  return effects.map((e, input) => {
    const mu = mean(e);
    const muStar = mean(e.map(Math.abs));
    const sigma = Math.sqrt(e.reduce((s, v) => s + (v - mu) ** 2, 0) / Math.max(1, e.length - 1));
    return { input, muStar, mu, sigma };
  });
}

function mean(a: readonly number[]): number {
  return a.length === 0 ? 0 : a.reduce((s, v) => s + v, 0) / a.length;
}
