/**
 * What a game gives for a record figure: its statistic over the figure's window of turns, and the
 * record's shocks a conditioned game fixes. Pure functions of the finished state, so the backtest, the
 * calibration workers and the debrief compute a figure the same way.
 */
import type { GameState, RecordShocks, TurnRecord } from '../../engine/state.ts';
import { loadRecord, type RecordFigure, type StatisticId } from './table.ts';

type Counted = 'attacksOnUS' | 'attacksOnUSIraq' | 'attacksOnUSSyria' | 'houthiAttacks' | 'usStrikes' | 'strikesOnIran';
const COUNTED: ReadonlySet<StatisticId> = new Set<Counted>([
  'attacksOnUS',
  'attacksOnUSIraq',
  'attacksOnUSSyria',
  'houthiAttacks',
  'usStrikes',
  'strikesOnIran',
]);

/**
 * One game's value of a figure; undefined when the game never reached the window (a war ended it
 * first), so a per-week figure is never divided by nothing.
 */
export function figureValue(f: Pick<RecordFigure, 'statistic' | 'per' | 'turns'>, state: GameState): number | undefined {
  switch (f.statistic) {
    case 'regionalWar':
      return state.world.regionalWar ? 1 : 0;
    case 'iraqQuietDays': {
      // Days from the scenario's start to the end of the last turn with an attack in Iraq.
      let last = -1;
      state.history.forEach((r, i) => {
        if (r.attacksOnUSIraq > 0) last = i;
      });
      return (last + 1) * state.scenario.daysPerTurn;
    }
    default: {
      if (!COUNTED.has(f.statistic)) throw new Error(`no statistic '${f.statistic}'`);
      const key = f.statistic as Counted;
      const records: readonly TurnRecord[] = state.history.slice(f.turns[0], f.turns[1] + 1);
      if (records.length === 0) return undefined;
      const total = records.reduce((s, r) => s + r[key], 0);
      return f.per === 'week' ? (total / (records.length * state.scenario.daysPerTurn)) * 7 : total;
    }
  }
}

/** The shocks a game of this scenario fixes when conditioned on the record (none for other scenarios). */
export function recordShocks(scenarioId: string): RecordShocks | undefined {
  const s = loadRecord().shocks.firstFatal;
  if (!s.scenarios.includes(scenarioId)) return undefined;
  return { firstFatal: { date: s.date, place: s.place, killed: s.killed, cites: s.cites } };
}

/** The figures of one scenario, in table order. */
export function figuresOf(scenarioId: string): readonly RecordFigure[] {
  return loadRecord().figures.filter((f) => f.scenario === scenarioId);
}

/**
 * One game's value of a figure as the debrief writes it: the number, except where a figure measured to
 * the last attack (iraqQuietDays) found none, which reads "no attack" rather than a day count of 0.
 */
export function gameValueText(f: Pick<RecordFigure, 'statistic'>, state: GameState, value: number): string {
  if (f.statistic === 'iraqQuietDays' && state.history.every((r) => r.attacksOnUSIraq === 0)) return 'no attack';
  return fmt(value);
}

const fmt = (x: number) => (Number.isInteger(x) ? String(x) : x.toFixed(2).replace(/0$/, ''));

/** How the record's reading is written: "at least 170", "0.7–0.93", "0". */
export function recordText(f: Pick<RecordFigure, 'kind' | 'record'>): string {
  switch (f.kind) {
    case 'floor':
      return `at least ${fmt(f.record[0])}`;
    case 'range':
      return `${fmt(f.record[0])}–${fmt(f.record[1])}`;
    default:
      return fmt(f.record[0]);
  }
}

export { fmt as formatFigureValue };
