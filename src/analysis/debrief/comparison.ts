/**
 * "What actually happened": for a historical scenario, the scenario's `actual` section plus a few
 * figures set beside this game's. The documented values are read from seeds/facts.yaml by fact ID,
 * so the debrief and the evidence can never disagree.
 */
import { factById } from '../../model/evidence.ts';
import { totalsOf } from '../../engine/history.ts';
import type { GameState, TurnRecord } from '../../engine/state.ts';
import type { Scenario } from '../../scenario/schema.ts';

export interface ComparisonFigure {
  readonly label: string;
  /** This game's value, formatted. */
  readonly game: string;
  /** The documented value, formatted, with its fact ID. */
  readonly actual: string;
}

export interface Comparison {
  readonly summary: string;
  readonly events: readonly { readonly date: string; readonly text: string; readonly cites: readonly string[] }[];
  readonly figures: readonly ComparisonFigure[];
}

/** A documented figure: fact ID and key in its `figures`. Throws if the evidence lacks it (a test walks them all). */
export function factFigure(id: string, key: string): number {
  const v = factById(id)?.figures?.[key];
  if (v === undefined) throw new Error(`seeds/facts.yaml: ${id} has no figure '${key}'`);
  return v;
}

const fmt = (x: number, digits = 1) => (Number.isInteger(x) ? String(x) : x.toFixed(digits));

function perWeek(records: readonly TurnRecord[], key: keyof TurnRecord, daysPerTurn: number): number {
  const days = records.length * daysPerTurn;
  if (days === 0) return 0;
  return (records.reduce((s, r) => s + (r[key] as number), 0) / days) * 7;
}

/** The figures worth setting side by side, per historical scenario (its window decides which facts apply). */
function figuresFor(state: GameState): ComparisonFigure[] {
  const h = state.history;
  const dpt = state.scenario.daysPerTurn;
  const t = totalsOf(state);
  const out: ComparisonFigure[] = [];
  const houthi = () => ({
    label: 'Houthi attacks per week',
    game: fmt(perWeek(h, 'houthiAttacks', dpt)),
    actual: `${fmt(factFigure('F-14', 'perWeekFrom1Nov'))}–${fmt(factFigure('F-14', 'perWeekFrom30Nov'))} (F-14), spells of ${fmt(factFigure('F-15', 'perWeek'))} (F-15)`,
  });
  switch (state.scenario.id) {
    case 'tower-22':
      // After the deaths: the halt. F-03 counts the weeks after 2 Feb, so the first turn (the week of the
      // deaths, before compliance) is left out of the per-week figures.
      out.push(
        { label: 'Attacks in Iraq after the first week', game: String(h.slice(1).reduce((s, r) => s + r.attacksOnUSIraq, 0)), actual: `${factFigure('F-03', 'iraqAttacks')} (F-03)` },
        { label: 'Attacks in Syria per week after the first week', game: fmt(perWeek(h.slice(1), 'attacksOnUSSyria', dpt)), actual: `${fmt(factFigure('F-03', 'syriaPerWeek'))} (F-03)` },
        { label: 'US strikes outside Yemen', game: String(t.usStrikes), actual: `dozens, at least ${factFigure('F-09', 'strikesMin')} on 2 Feb (F-09)` },
        { label: 'Strikes inside Iran', game: String(t.strikesOnIran), actual: `${factFigure('F-09', 'strikesInIran')} (F-09, R-USA-03)` },
        { label: 'US deaths after the scenario starts', game: String(t.usKilled), actual: '0 (F-04: a lull followed)' },
        houthi(),
      );
      break;
    case 'red-sea':
      out.push(
        houthi(),
        { label: 'Attacks on US forces per week', game: fmt(perWeek(h, 'attacksOnUS', dpt)), actual: `≈ ${fmt(factFigure('F-01', 'perWeek'))} (F-01)` },
        { label: 'US deaths', game: String(t.usKilled), actual: '0 before 28 Jan, then 3 (F-06)' },
      );
      break;
    default:
      out.push(
        { label: 'Attacks on US forces per week', game: fmt(perWeek(h, 'attacksOnUS', dpt)), actual: `≈ ${fmt(factFigure('F-01', 'perWeek'))} (F-01: ${factFigure('F-01', 'attacks')} in ${factFigure('F-01', 'days')} days)` },
        { label: 'Fatal attacks', game: `${t.fatalAttacks} in ${t.attacksOnUS} attacks`, actual: `${factFigure('F-06', 'fatalAttacks')} in ${factFigure('F-06', 'attacks')} (F-06)` },
        { label: 'US deaths', game: String(t.usKilled), actual: `${factFigure('F-06', 'killed')} (F-06)` },
        { label: 'US strikes outside Yemen', game: String(t.usStrikes), actual: `light before January (F-13), then dozens on 2 Feb (F-09)` },
        { label: 'Strikes inside Iran', game: String(t.strikesOnIran), actual: `${factFigure('F-09', 'strikesInIran')} (F-09, R-USA-03)` },
        houthi(),
      );
  }
  return out;
}

export function compare(state: GameState, scenario: Scenario): Comparison | undefined {
  if (!scenario.historical || !scenario.actual) return undefined;
  return {
    summary: scenario.actual.summary,
    events: scenario.actual.events.map((e) => ({ date: e.date, text: e.text, cites: e.cites })),
    figures: figuresFor(state),
  };
}
