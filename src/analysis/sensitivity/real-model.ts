/**
 * Sensitivity of Brink's outcomes to what we do not know: Morris screening of every prior-bearing
 * parameter, then Sobol indices (Saltelli design) for the top few, on the outcomes of measures.ts. Each
 * design point is a parameter set (prior quantiles mapped through the priors) played for a few games;
 * the regional-war rate is pooled over those games. Game noise adds to every index's uncertainty, which
 * the bootstrap intervals include.
 */
import { PARAM_SPECS, type ParamId } from '../../model/params.ts';
import { PRIORS } from '../../model/priors.ts';
import { drawnParams, paramsFromQuantiles } from '../uncertainty/distribution.ts';
import type { EvalPool } from '../uncertainty/eval-pool.ts';
import { SENSITIVITY_OUTCOMES, type SensitivityOutcome } from '../uncertainty/measures.ts';
import { morrisDesign, morrisIndices } from './morris.ts';
import { saltelliDesign, sobolIndices } from './sobol.ts';

export interface SensitivitySettings {
  readonly scenario: string;
  readonly us: string;
  readonly iran: string;
  readonly trajectories: number;
  /** Parameters Sobol analyses (the top by Morris μ*, pooled over the outcomes). */
  readonly top: number;
  /** Rows of the Saltelli matrices. */
  readonly sobolN: number;
  readonly games: number;
  readonly seed: string;
}

export interface ScreenRow {
  readonly id: ParamId;
  readonly cited: boolean;
  /** μ* per outcome, divided by the outcome's spread so outcomes compare. */
  readonly muStar: Readonly<Record<SensitivityOutcome, number>>;
  readonly sigma: Readonly<Record<SensitivityOutcome, number>>;
  /** The largest normalised μ* over the outcomes: the ranking. */
  readonly rank: number;
}

export interface SobolRow {
  readonly id: ParamId;
  readonly cited: boolean;
  readonly first: number;
  readonly total: number;
  readonly firstCi: readonly [number, number];
  readonly totalCi: readonly [number, number];
}

export interface SensitivityResult {
  readonly settings: SensitivitySettings;
  readonly screen: readonly ScreenRow[];
  readonly sobol: Readonly<Record<SensitivityOutcome, readonly SobolRow[]>>;
  readonly runs: { readonly morris: number; readonly sobol: number; readonly games: number };
}

const cited = (id: ParamId) => PARAM_SPECS[id].assumption === undefined;

function sd(values: readonly number[]): number {
  const m = values.reduce((s, v) => s + v, 0) / values.length;
  return Math.sqrt(values.reduce((s, v) => s + (v - m) ** 2, 0) / Math.max(1, values.length - 1)) || 1;
}

export async function sensitivity(
  settings: SensitivitySettings,
  pool: EvalPool,
  progress: (phase: string, done: number, total: number) => void = () => {},
): Promise<SensitivityResult> {
  const ids = drawnParams(PRIORS);
  // Every design point plays the same seeds (common random numbers): differences come from the parameters.
  const task = (params: Record<string, number>) => ({
    measure: 'outcomes' as const,
    scenario: settings.scenario,
    us: settings.us,
    iran: settings.iran,
    params,
    games: settings.games,
    seed: settings.seed,
  });
  // Morris on every parameter.
  const morris = morrisDesign(ids.length, settings.trajectories, settings.seed);
  const mOut = await pool.run(
    morris.points.map((u) => task(paramsFromQuantiles(ids, u))),
    (d) => progress('Morris screening', d, morris.points.length),
  );
  const perOutcome = SENSITIVITY_OUTCOMES.map((_, o) => {
    const y = mOut.map((v) => v[o]!);
    const scale = sd(y);
    return morrisIndices(morris, y).map((r) => ({ muStar: r.muStar / scale, sigma: r.sigma / scale }));
  });
  const screen: ScreenRow[] = ids
    .map((id, i) => {
      const muStar = {} as Record<SensitivityOutcome, number>;
      const sigma = {} as Record<SensitivityOutcome, number>;
      SENSITIVITY_OUTCOMES.forEach((name, o) => {
        muStar[name] = perOutcome[o]![i]!.muStar;
        sigma[name] = perOutcome[o]![i]!.sigma;
      });
      return { id, cited: cited(id), muStar, sigma, rank: Math.max(...Object.values(muStar)) };
    })
    .sort((a, b) => b.rank - a.rank);
  // Sobol on the top parameters; the others stay at their point values.
  const top = screen.slice(0, settings.top).map((r) => r.id);
  const design = saltelliDesign(top.length, settings.sobolN, settings.seed);
  const sOut = await pool.run(
    design.points.map((u) => task(paramsFromQuantiles(top, u))),
    (d) => progress('Sobol indices', d, design.points.length),
  );
  const sobol = {} as Record<SensitivityOutcome, SobolRow[]>;
  SENSITIVITY_OUTCOMES.forEach((name, o) => {
    sobol[name] = sobolIndices(
      design,
      sOut.map((v) => v[o]!),
      200,
      `${settings.seed}/${name}`,
    )
      .map((r) => ({
        id: top[r.input]!,
        cited: cited(top[r.input]!),
        first: r.first,
        total: r.total,
        firstCi: r.firstCi,
        totalCi: r.totalCi,
      }))
      .sort((a, b) => b.total - a.total);
  });
  const runs = {
    morris: morris.points.length,
    sobol: design.points.length,
    games: (morris.points.length + design.points.length) * settings.games,
  };
  return { settings, screen, sobol, runs };
}
