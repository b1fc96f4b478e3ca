/**
 * The record figures `brink calibrate` matches: the backtest's documented figures (src/backtest/checks.ts,
 * values read from seeds/facts.yaml), each with the window the evidence allows. A figure the record
 * states as a floor ("at least 170") or as a range of readings (F-14's 3.1–4.3 a week by start date) is
 * a window, and a simulation inside it is at distance zero; a point figure is a window of width zero.
 *
 * The simulated value of a figure is its statistic averaged over a parameter set's games (for a pooled
 * ratio, the pooled ratio): ABC compares the model's expectation under a parameter set with the record.
 */
import type { GameState } from '../../engine/state.ts';
import { factFigure } from '../debrief/comparison.ts';
import { CHECKS, type Check } from '../backtest/checks.ts';

export interface CalibrationFigure {
  readonly id: string;
  readonly check: Check;
  readonly scenario: string;
  readonly facts: readonly string[];
  /** The window the record allows: [lo, hi] (hi may be Infinity for a floor). */
  readonly window: () => readonly [number, number];
  /** Why this window. */
  readonly reason: string;
}

const check = (id: string): Check => {
  const c = CHECKS.find((k) => k.id === id);
  if (!c) throw new Error(`calibration figure refers to the backtest check '${id}', which does not exist`);
  return c;
};

function figure(id: string, window: () => readonly [number, number], reason: string): CalibrationFigure {
  const c = check(id);
  return { id, check: c, scenario: c.scenario, facts: c.facts, window, reason };
}

export const CALIBRATION_FIGURES: readonly CalibrationFigure[] = [
  figure('militia-tempo', () => [factFigure('F-01', 'perWeek'), 1.25 * factFigure('F-01', 'perWeek')],
    'F-01 is a floor (at least 170 attacks): at or above 10.1 a week, and not far above'),
  figure('fatal-attacks', () => [factFigure('F-06', 'fatalAttacks'), factFigure('F-06', 'fatalAttacks')],
    'one fatal attack in the window (F-06)'),
  figure('iraq-stops', () => [0, 0], 'no attack in Iraq after the halt took hold (F-03)'),
  figure('iraq-quiet-within-a-week', () => [0, factFigure('F-07', 'deathsToLastAttackDays') / 7],
    'the last attack came 7 days after the deaths (F-07)'),
  figure('syria-trickle', () => [factFigure('F-03', 'syriaPerWeek'), factFigure('F-03', 'syriaPerWeekAlt')],
    'two Syrian attacks in 15–20 days: 0.7–0.93 a week by the window (F-03)'),
  figure('us-retaliation', () => [factFigure('F-09', 'strikesMin'), 60],
    '"dozens" of strikes (F-09): at least 24, short of what would be called a hundred'),
  figure('houthi-tempo-red-sea', () => [factFigure('F-14', 'perWeekFrom1Nov'), factFigure('F-14', 'perWeekFrom30Nov')],
    'at least 48 attacks since November: 3.1–4.3 a week by the start date (F-14)'),
  figure('houthi-tempo-tower-22', () => [factFigure('F-14', 'perWeekFrom1Nov'), factFigure('F-15', 'perWeek')],
    'the Houthi tempo held through the Iraq halt: F-14 to F-15\'s spell'),
];

/** A parameter set's value of a figure: the mean of its statistic over the games (or the pooled ratio). */
export function figureStatistic(f: CalibrationFigure, games: readonly GameState[]): number {
  if (f.check.pooled) {
    let num = 0;
    let den = 0;
    for (const g of games) {
      const [a, b] = f.check.pooled(g);
      num += a;
      den += b;
    }
    return den > 0 ? num / den : 0;
  }
  let sum = 0;
  let n = 0;
  for (const g of games) {
    const v = f.check.statistic!(g);
    if (v === undefined) continue;
    sum += v;
    n++;
  }
  return n > 0 ? sum / n : 0;
}

/** Signed distance of a simulated value from a figure's window, relative to the window's scale. */
export function figureResidual(window: readonly [number, number], simulated: number): number {
  const [lo, hi] = window;
  if (simulated < lo) return simulated - lo;
  if (simulated > hi) return simulated - hi;
  return 0;
}
