/**
 * The record figures `brink calibrate` matches: every figure of seeds/record.yaml. Each is a window the
 * record allows: a point figure is a window of width zero, a range its two readings, a floor ("at least
 * 170", "dozens") everything from the floor up; a simulation inside it is at distance zero.
 *
 * A `usual` outcome (no regional war, no strike on Iran) is matched as the backtest judges it: the share
 * of a parameter set's games that depart from the record must stay within what the figure allows (1 −
 * `share`: a war in at most one game in ten). The record's 19 weeks without a war (F-19) are evidence
 * about the war hazards (R-SYS-06), whose priors alone put a war in more than one game in ten of the
 * record's path; the strikes on Iran are the policy's, and no parameter set moves them.
 *
 * A parameter set's value of a figure is its statistic averaged over the set's games, played
 * conditioned on the record's shocks like the backtest's: ABC compares the model's expectation under a
 * parameter set with the record.
 */
import type { GameState } from '../../engine/state.ts';
import { reproduces } from '../record/judge.ts';
import { figureValue } from '../record/statistics.ts';
import { loadRecord, type RecordFigure } from '../record/table.ts';

export interface CalibrationFigure {
  readonly id: string;
  readonly figure: RecordFigure;
  readonly scenario: string;
  readonly facts: readonly string[];
  /** The window the record allows: [lo, hi] (hi is Infinity for a floor). */
  readonly window: () => readonly [number, number];
  /** Why this window. */
  readonly reason: string;
}

export function calibrationWindow(f: RecordFigure): readonly [number, number] {
  if (f.kind === 'usual') return [0, 1 - (f.share ?? 1)];
  return f.kind === 'floor' ? [f.record[0], Number.POSITIVE_INFINITY] : f.record;
}

export const CALIBRATION_FIGURES: readonly CalibrationFigure[] = loadRecord().figures.map((f) => ({
  id: f.id,
  figure: f,
  scenario: f.scenario,
  facts: f.facts,
  window: () => calibrationWindow(f),
  reason: f.reason,
}));

/**
 * A parameter set's value of a figure: the mean of its statistic over the games that reached its window;
 * for a `usual` outcome, the share of those games that depart from the record.
 */
export function figureStatistic(f: CalibrationFigure, games: readonly GameState[]): number {
  let sum = 0;
  let n = 0;
  for (const g of games) {
    const v = figureValue(f.figure, g);
    if (v === undefined) continue;
    sum += f.figure.kind === 'usual' ? (reproduces(f.figure.record, v) ? 0 : 1) : v;
    n++;
  }
  return n > 0 ? sum / n : 0;
}

/** Signed distance of a simulated value from a figure's window. */
export function figureResidual(window: readonly [number, number], simulated: number): number {
  const [lo, hi] = window;
  if (simulated < lo) return simulated - lo;
  if (simulated > hi) return simulated - hi;
  return 0;
}
