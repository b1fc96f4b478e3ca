/**
 * What one parameter set produces: a few games played with it, reduced to numbers. The same functions
 * run in the main thread (tests) and in the evaluation workers (brink calibrate, brink sensitivity), so
 * a task is plain data (scenario, bots, parameters, seeds) and the measure is named, not passed.
 */
import { scoreLines, scoresOf, verdictOf } from '../../engine/outcome.ts';
import { totalsOf } from '../../engine/history.ts';
import type { GameState, RecordShocks } from '../../engine/state.ts';
import { getPolicy } from '../../policies/index.ts';
import { playGame } from '../../policies/play.ts';
import { loadScenario } from '../../scenario/loader.ts';
import type { Scenario } from '../../scenario/schema.ts';
import { CALIBRATION_FIGURES, figureStatistic } from '../calibration/figures.ts';
import { recordShocks } from '../record/statistics.ts';

/** Outcomes the sensitivity analysis explains: continuous ones, and the regional-war rate pooled per set. */
export const SENSITIVITY_OUTCOMES = ['attacksOnUS', 'usKilled', 'scoreUS', 'scoreIran', 'regionalWarRate'] as const;
export type SensitivityOutcome = (typeof SENSITIVITY_OUTCOMES)[number];

/**
 * The name `brink sensitivity` prints an outcome under: the one brink compare, batch and sweep give the
 * same measure. `regionalWarRate` (its key in brink.sensitivity/1, kept so existing files still read) is
 * their `regionalWar`: the share of a parameter set's games that end in a regional war.
 */
export const SENSITIVITY_OUTCOME_NAMES: Readonly<Record<SensitivityOutcome, string>> = {
  attacksOnUS: 'attacksOnUS',
  usKilled: 'usKilled',
  scoreUS: 'scoreUS',
  scoreIran: 'scoreIran',
  regionalWarRate: 'regionalWar',
};

export interface EvalTask {
  readonly measure: 'outcomes' | 'figures';
  /** Scenario ID (outcomes); figures play each figure's own scenario. */
  readonly scenario: string;
  readonly us: string;
  readonly iran: string;
  readonly params: Readonly<Record<string, number>>;
  /** Games per scenario. */
  readonly games: number;
  /** Game g of scenario s plays with seed `${seed}/${s}/${g}`. */
  readonly seed: string;
  /** For `figures`: which calibration figures, by ID (default all); only their scenarios are played. */
  readonly figures?: readonly string[];
}

const scenarios = new Map<string, Scenario>();
function scenarioOf(id: string): Scenario {
  let s = scenarios.get(id);
  if (!s) {
    s = loadScenario(id);
    scenarios.set(id, s);
  }
  return s;
}

/** The task's games of one scenario; `shocks` conditions them on the record's (figures do, outcomes do not). */
function play(task: EvalTask, scenarioId: string, shocks?: RecordShocks): GameState[] {
  const scenario = scenarioOf(scenarioId);
  const us = getPolicy(task.us, 'us');
  const iran = getPolicy(task.iran, 'iran');
  return Array.from({ length: task.games }, (_, g) =>
    playGame(scenario, { seed: `${task.seed}/${scenarioId}/${g}`, us, iran, params: task.params, ...(shocks ? { shocks } : {}) }),
  );
}

/** Means over the task's games, in SENSITIVITY_OUTCOMES order. */
export function measureOutcomes(task: EvalTask): number[] {
  const games = play(task, task.scenario);
  const sums = [0, 0, 0, 0, 0];
  for (const s of games) {
    const score = scoresOf(scoreLines(s));
    const totals = totalsOf(s);
    sums[0]! += totals.attacksOnUS;
    sums[1]! += totals.usKilled;
    sums[2]! += score.us;
    sums[3]! += score.iran;
    sums[4]! += verdictOf(s).id === 'regional-war' ? 1 : 0;
  }
  return sums.map((v) => v / games.length);
}

/** The simulated value of each calibration figure (task.figures order, or all), from the task's games, conditioned on the record's shocks. */
export function measureFigures(task: EvalTask): number[] {
  const byScenario = new Map<string, GameState[]>();
  const figures = task.figures ? task.figures.map((id) => CALIBRATION_FIGURES.find((f) => f.id === id)!) : CALIBRATION_FIGURES;
  return figures.map((f) => {
    let games = byScenario.get(f.scenario);
    if (!games) {
      games = play(task, f.scenario, recordShocks(f.scenario));
      byScenario.set(f.scenario, games);
    }
    return figureStatistic(f, games);
  });
}

export function measure(task: EvalTask): number[] {
  return task.measure === 'outcomes' ? measureOutcomes(task) : measureFigures(task);
}
