/**
 * "What actually happened": for a historical scenario, the scenario's `actual` section plus this game's
 * value of each record figure of seeds/record.yaml for the scenario, set beside the record's reading.
 * The figures, their windows and statistics come from that one table (shared with the backtest and
 * calibration), so the debrief and the evidence can never disagree.
 */
import type { GameState } from '../../engine/state.ts';
import type { Scenario } from '../../scenario/schema.ts';
import { figureValue, figuresOf, formatFigureValue, recordText } from '../record/statistics.ts';
import { meetsRecord } from '../record/judge.ts';

export interface ComparisonFigure {
  readonly id: string;
  readonly label: string;
  /** This game's value, formatted ('–' when the game ended before the figure's window). */
  readonly game: string;
  /** The record's reading, formatted, with its fact IDs. */
  readonly actual: string;
  /** Whether this game's value reproduces the record's reading (absent when the game ended before its window). */
  readonly matches?: boolean;
}

export interface Comparison {
  readonly summary: string;
  readonly events: readonly { readonly date: string; readonly text: string; readonly cites: readonly string[] }[];
  readonly figures: readonly ComparisonFigure[];
}

export function compare(state: GameState, scenario: Scenario): Comparison | undefined {
  if (!scenario.historical || !scenario.actual) return undefined;
  return {
    summary: scenario.actual.summary,
    events: scenario.actual.events.map((e) => ({ date: e.date, text: e.text, cites: e.cites })),
    figures: figuresOf(scenario.id).map((f) => {
      const v = figureValue(f, state);
      return {
        id: f.id,
        label: f.label,
        game: v === undefined ? '–' : formatFigureValue(v),
        actual: `${recordText(f)} ${f.unit} (${f.facts.join(', ')})`,
        ...(v === undefined ? {} : { matches: meetsRecord(f, v) }),
      };
    }),
  };
}
