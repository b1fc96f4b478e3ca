/**
 * "What actually happened": for a historical scenario, the scenario's `actual` section plus this game's
 * value of each record figure of seeds/record.yaml for the scenario, set beside the record's reading.
 * The figures, their windows and statistics come from that one table (shared with the backtest and
 * calibration), so the debrief and the evidence can never disagree.
 */
import { dateAfter } from '../../engine/dates.ts';
import { logOf } from '../../engine/history.ts';
import type { GameState } from '../../engine/state.ts';
import type { Scenario } from '../../scenario/schema.ts';
import { figureValue, figuresOf, gameValueText, recordText } from '../record/statistics.ts';
import { meetsRecord } from '../record/judge.ts';
import type { RecordFigure } from '../record/table.ts';

export interface ComparisonFigure {
  readonly id: string;
  readonly label: string;
  /** This game's value, formatted ('–' when the game ended before the figure's window; 'no attack' for a figure timed by an attack that never came). */
  readonly game: string;
  /** The record's reading, formatted, with its fact IDs. */
  readonly actual: string;
  /** Whether this game's value reproduces the record's reading (absent when the game did not play its whole window). */
  readonly matches?: boolean;
  /**
   * The game stopped (quit, or ended by a war) before the end of the figure's window: `game` is its value
   * up to the comparison's `through` date, set beside a record of the whole window, and is not judged.
   */
  readonly partial?: boolean;
}

/** How far a game that stopped before the scenario's last turn reaches: the comparison holds up to `through`. */
export interface ComparisonReach {
  /** The last day the game covers (the war's day, or the end of the last turn played). */
  readonly through: string;
  readonly turnsPlayed: number;
  readonly turns: number;
  readonly why: 'unfinished' | 'war';
}

export interface Comparison {
  readonly summary: string;
  readonly events: readonly { readonly date: string; readonly text: string; readonly cites: readonly string[] }[];
  readonly figures: readonly ComparisonFigure[];
  /** Present when the game stopped before the scenario's last turn: every figure past it is partial. */
  readonly reach?: ComparisonReach;
}

/** Where a game stopped short of its scenario's last turn, or undefined when it played them all. */
export function reachOf(state: GameState): ComparisonReach | undefined {
  const s = state.scenario;
  const played = state.history.length;
  if (played >= s.turns) return undefined;
  const war = logOf(state).find((e) => e.kind === 'war');
  return {
    through: dateAfter(s.start, war ? war.day : played * s.daysPerTurn - 1),
    turnsPlayed: played,
    turns: s.turns,
    why: war ? 'war' : 'unfinished',
  };
}

/**
 * The record's strikes hit Iraq and Syria, none in Iran (F-09, D-15): a count of US strikes that includes
 * strikes inside Iran says how many, so that the game's figure is not read as the record's kind of strike.
 */
function insideIran(f: RecordFigure, state: GameState): string {
  if (f.statistic !== 'usStrikes') return '';
  const n = figureValue({ ...f, statistic: 'strikesOnIran' }, state) ?? 0;
  return n > 0 ? ` (${n} of them inside Iran, where the record has none)` : '';
}

export function compare(state: GameState, scenario: Scenario): Comparison | undefined {
  if (!scenario.historical || !scenario.actual) return undefined;
  const reach = reachOf(state);
  return {
    summary: scenario.actual.summary,
    events: scenario.actual.events.map((e) => ({ date: e.date, text: e.text, cites: e.cites })),
    figures: figuresOf(scenario.id).map((f) => {
      const v = figureValue(f, state);
      const base = { id: f.id, label: f.label, actual: `${recordText(f)} ${f.unit} (${f.facts.join(', ')})` };
      if (v === undefined) return { ...base, game: '–' };
      // A war is a war whenever it came; any other figure is whole only once its window has been played.
      const whole = f.statistic === 'regionalWar' ? state.over !== null : state.history.length > f.turns[1];
      const game = gameValueText(f, state, v) + insideIran(f, state);
      if (!whole && reach) return { ...base, game: `${game} by ${reach.through}`, partial: true };
      return { ...base, game, matches: meetsRecord(f, v) };
    }),
    ...(reach ? { reach } : {}),
  };
}

/** The comparison's reach in a sentence, for a game that stopped short ("The game was quit on …"). */
export function reachText(r: ComparisonReach): string {
  const stopped = r.why === 'war' ? `War ended this game on ${r.through}` : `This game stands on ${r.through}, unfinished`;
  return (
    `${stopped}, after ${r.turnsPlayed} of ${r.turns} turns: the comparison is partial. ` +
    `A figure shown "by ${r.through}" counts only the weeks played, against the record's whole window, and is not judged.`
  );
}
