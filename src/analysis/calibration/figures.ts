/**
 * The record figures `brink calibrate` matches: the figures of seeds/record.yaml other than the
 * `usual` outcomes (no war, no strike on Iran, which are the policy's, not a parameter's to fit). Each
 * is a window the record allows: a point figure is a window of width zero, a range its two readings, a
 * floor ("at least 170", "dozens") everything from the floor up; a simulation inside it is at distance
 * zero.
 *
 * A parameter set's value of a figure is its statistic averaged over the set's games, played
 * conditioned on the record's shocks like the backtest's: ABC compares the model's expectation under a
 * parameter set with the record.
 */
import type { GameState } from '../../engine/state.ts';
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
  return f.kind === 'floor' ? [f.record[0], Number.POSITIVE_INFINITY] : f.record;
}

export const CALIBRATION_FIGURES: readonly CalibrationFigure[] = loadRecord()
  .figures.filter((f) => f.kind !== 'usual')
  .map((f) => ({ id: f.id, figure: f, scenario: f.scenario, facts: f.facts, window: () => calibrationWindow(f), reason: f.reason }));

/** A parameter set's value of a figure: the mean of its statistic over the games that reached its window. */
export function figureStatistic(f: CalibrationFigure, games: readonly GameState[]): number {
  let sum = 0;
  let n = 0;
  for (const g of games) {
    const v = figureValue(f.figure, g);
    if (v === undefined) continue;
    sum += v;
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
