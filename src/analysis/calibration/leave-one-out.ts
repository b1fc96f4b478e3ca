/**
 * Out of sample: leave one record figure out, calibrate on the others, and ask the resulting posterior
 * to predict the figure it never saw (a posterior predictive backtest of that one figure, conditioned
 * on the record's shocks like every backtest). The record's quantile in that prediction shows whether
 * the model predicts what it was not fitted to, or only what it was.
 */
import type { ParamId } from '../../model/params.ts';
import { runBacktest, type BacktestRow, type BacktestScenario } from '../backtest/backtest.ts';
import { posteriorDistribution } from '../uncertainty/distribution.ts';
import { calibrate, type CalibrateSettings } from './calibrate.ts';
import { CALIBRATION_FIGURES } from './figures.ts';

/**
 * The reduced budget a leave-one-out run uses by default: one calibration per figure, so each is a
 * quarter of the shipped one (population 50 instead of 100, 3 generations instead of 6, 3 games a
 * scenario instead of 4). Its posteriors are rougher; the check asks where the record falls, not for
 * the last digit.
 */
export const LEAVE_ONE_OUT_BUDGET = { populationSize: 50, generations: 3, gamesPerScenario: 3 } as const;

export interface LeaveOneOutRow {
  readonly left: string;
  /** The figures the calibration without it was fitted on. */
  readonly fittedOn: readonly string[];
  /** Simulations the calibration without the figure ran. */
  readonly simulations: number;
  /** The left-out figure predicted by that posterior. */
  readonly prediction: BacktestRow;
}

export async function leaveOneOut(
  settings: CalibrateSettings,
  options: {
    readonly workers: number;
    /** Games per scenario of each prediction. */
    readonly runs: number;
    readonly seed: string;
    /** Only these figures (tests); all calibration figures by default. */
    readonly figures?: readonly string[];
    readonly progress?: (figure: string, index: number, total: number) => void;
  },
): Promise<LeaveOneOutRow[]> {
  const figures = CALIBRATION_FIGURES.filter((f) => !options.figures || options.figures.includes(f.id));
  const rows: LeaveOneOutRow[] = [];
  for (const [i, f] of figures.entries()) {
    options.progress?.(f.id, i, figures.length);
    const { posterior, state } = await calibrate(
      { ...settings, exclude: [...settings.exclude, f.id] },
      { workers: options.workers, command: `leave-one-out without ${f.id}` },
    );
    const dist = posteriorDistribution({ params: posterior.params as ParamId[], particles: posterior.particles });
    const bt = runBacktest({
      runs: options.runs,
      seed: options.seed,
      uncertainty: dist,
      scenarios: [f.scenario as BacktestScenario],
      figures: [f.id],
    });
    rows.push({ left: f.id, fittedOn: posterior.figures.map((x) => x.id), simulations: state.simulations, prediction: bt.rows[0]! });
  }
  return rows;
}
