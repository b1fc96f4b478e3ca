/**
 * `brink calibrate`: ABC-SMC (abc-smc.ts) of every prior-bearing parameter against the record figures
 * (figures.ts), with the historical bots on the historical scenarios. The scenarios fix the shocks the
 * record reveals (the Gaza truce window in october-2023; the deaths of 28 Jan as tower-22's start), so
 * the figures are the model's responses on the path the record took.
 *
 * The result is a posterior file (posterior-file.ts) of weighted parameter sets, with the settings and
 * seed that made it and the command that regenerates it. The run saves its state after every batch of
 * simulations, so a stopped run resumes where it was, to the same answer.
 */
import { existsSync, readFileSync } from 'node:fs';
import type { ParamId } from '../../model/params.ts';
import { PRIORS } from '../../model/priors.ts';
import { distributionHash, drawnParams, paramsFromQuantiles, priorDistribution } from '../uncertainty/distribution.ts';
import { EvalPool } from '../uncertainty/eval-pool.ts';
import { initialState, step, type AbcSettings, type AbcState } from './abc-smc.ts';
import { CALIBRATION_FIGURES, figureResidual, type CalibrationFigure } from './figures.ts';
import { POSTERIOR_FORMAT, type PosteriorFile } from './posterior-file.ts';

export interface CalibrateSettings extends AbcSettings {
  /** Required here (AbcSettings defaults it to 1): the posterior file records every setting. */
  readonly moves: number;
  /** Games per scenario behind each simulated figure. */
  readonly gamesPerScenario: number;
  /** Figures to leave out (leave-one-figure-out check). */
  readonly exclude: readonly string[];
  /** Calibrate only these parameters (the rest stay at their point values); default: every drawn one. */
  readonly params?: readonly ParamId[];
  /** A synthetic record (figure ID → value) in place of the documented windows: the recovery test. */
  readonly record?: Readonly<Record<string, number>>;
}

export const SHIPPED_SETTINGS: CalibrateSettings = {
  populationSize: 2000,
  generations: 6,
  // Three sweeps a generation: with one, late generations take 4–8 % of the moves and most of the
  // population are copies, and two calibration seeds disagreed on the posterior medians by 0.10 prior
  // quantiles on average; with three, by 0.05 (docs/uncertainty.md, "The sampler").
  moves: 3,
  quantile: 0.5,
  batchSize: 50,
  minAcceptance: 0.02,
  seed: 'calibrate-1',
  gamesPerScenario: 8,
  exclude: [],
};

export function calibrationParams(): ParamId[] {
  return drawnParams(PRIORS);
}

export function figuresUsed(settings: Pick<CalibrateSettings, 'exclude'>) {
  return CALIBRATION_FIGURES.filter((f) => !settings.exclude.includes(f.id));
}

/** The window a figure must hit: the record's, or a synthetic record's single value. */
export function windowOf(f: CalibrationFigure, settings: Pick<CalibrateSettings, 'record'>): readonly [number, number] {
  const v = settings.record?.[f.id];
  return v === undefined ? f.window() : [v, v];
}

export interface CalibrateRun {
  readonly state: AbcState;
  readonly posterior: PosteriorFile;
}

/**
 * Runs (or resumes, from `statePath` when it holds a run with the same settings) and returns the final
 * state and posterior. `save` is called with each intermediate state (write it to `statePath`).
 */
export async function calibrate(
  settings: CalibrateSettings,
  options: {
    workers: number;
    command: string;
    statePath?: string;
    save?: (state: AbcState) => void;
    progress?: (state: AbcState, simulationsDone: number) => void;
  },
): Promise<CalibrateRun> {
  const ids = settings.params ? [...settings.params] : calibrationParams();
  const figures = figuresUsed(settings);
  const windows = figures.map((f) => windowOf(f, settings));
  let state: AbcState = initialState(ids.length, settings);
  if (options.statePath && existsSync(options.statePath)) {
    const saved = JSON.parse(readFileSync(options.statePath, 'utf8')) as AbcState & { figures?: string[] };
    if (JSON.stringify(saved.settings) === JSON.stringify(settings) && saved.dim === ids.length) state = saved;
  }
  const pool = new EvalPool(options.workers);
  try {
    while (!state.done) {
      state = await step(state, async (proposals) => {
        const values = await pool.run(
          proposals.map((p) => ({
            measure: 'figures' as const,
            scenario: '',
            us: 'historical',
            iran: 'historical',
            params: paramsFromQuantiles(ids, p.u),
            games: settings.gamesPerScenario,
            seed: p.seed,
            figures: figures.map((f) => f.id),
          })),
          (done) => options.progress?.(state, done),
        );
        return values.map((v) => windows.map((w, i) => figureResidual(w, v[i]!)));
      });
      options.save?.(state);
      options.progress?.(state, 0);
    }
  } finally {
    await pool.close();
  }
  return { state, posterior: posteriorOf(state, settings, ids, options.command) };
}

/**
 * The record figures a calibration matched, as its posterior file records them: what each measures
 * (its label and the scenario's turns) and the window it was held to. A file whose figures differ from
 * today's was fitted to another record (test/analysis/calibration/shipped.test.ts).
 */
export function writtenFigures(settings: CalibrateSettings) {
  // A floor's window has no upper end: written as null (JSON has no Infinity).
  return figuresUsed(settings).map((f) => ({
    id: f.id,
    facts: [...f.facts],
    scenario: f.scenario,
    label: f.figure.label,
    turns: [...f.figure.turns],
    kind: f.figure.kind,
    window: windowOf(f, settings).map((x) => (Number.isFinite(x) ? x : null)),
    observed: windowOf(f, settings)[0],
    reason: f.reason,
  }));
}

export function posteriorOf(state: AbcState, settings: CalibrateSettings, ids: readonly ParamId[], command: string): PosteriorFile {
  return {
    schema: POSTERIOR_FORMAT,
    command,
    settings: { ...settings },
    seed: settings.seed,
    priors: distributionHash(priorDistribution()),
    figures: writtenFigures(settings),
    params: [...ids],
    particles: state.population.map((p) => ({
      values: ids.map((id) => round(paramsFromQuantiles(ids, p.u)[id]!)),
      weight: round(p.weight),
      distance: round(p.distance),
    })),
    generations: state.history.map((h) => ({ ...h })),
    simulations: state.simulations,
  };
}

const round = (x: number) => Number(x.toPrecision(10));

export { shifts, type ParamShift } from './shifts.ts';
