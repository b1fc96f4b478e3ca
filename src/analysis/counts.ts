/**
 * A week's counts, labelled with what each includes. The briefing and the situation pane print them from
 * the turn a side observed, `brink run` and `brink replay` from the turn's record, so none of them can word
 * a week differently: strikes in Yemen (against the Houthis) are counted apart from the US strikes in
 * Iraq and Syria, and the attacks are split by front.
 */
import { IRAN_OWN_FORCES, plural, type OffRecord } from './render.ts';
import { turnLog } from './turn-log.ts';
import { attacksOnUsForces } from '../engine/history.ts';
import type { GameState, Tally } from '../engine/state.ts';
import type { Side } from '../model/actions.ts';

export interface Count {
  readonly label: string;
  readonly value: number;
}

/** What the week's counts read: public, so the same in a side's observed turn (engine/observe.ts PublicTurn) and the turn's record. */
export type WeekTally = Pick<
  Tally,
  | 'attacksOnUS'
  | 'attacksOnUSIraq'
  | 'attacksOnUSSyria'
  | 'attacksOnUSJordan'
  | 'iranDirectAttacks'
  | 'usStrikes'
  | 'strikesOnIran'
  | 'usStrikesYemen'
  | 'houthiAttacks'
  | 'usKilled'
  | 'usInjured'
>;

/** The game's running totals as the situation pane gives them: every attack on US forces (Iran's own fire included), deaths, injuries. */
export function soFarText(weeks: readonly Pick<WeekTally, 'attacksOnUS' | 'iranDirectAttacks' | 'usKilled' | 'usInjured'>[]): string {
  let attacks = 0;
  let killed = 0;
  let injured = 0;
  for (const t of weeks) {
    attacks += attacksOnUsForces(t);
    killed += t.usKilled;
    injured += t.usInjured;
  }
  return `So far: ${plural(attacks, 'attack')} on US · ${killed} killed · ${injured} injured`;
}

/** The attacks on US forces, by front (and by Iran's own forces, in a week they fired), then the other public counts of the week. */
export function weekCounts(t: WeekTally): { attacks: Count[]; strikes: Count[]; other: Count[] } {
  return {
    attacks: [
      { label: 'Iraq', value: t.attacksOnUSIraq },
      { label: 'Syria', value: t.attacksOnUSSyria },
      { label: 'Jordan', value: t.attacksOnUSJordan },
      ...(t.iranDirectAttacks > 0 ? [{ label: IRAN_OWN_FORCES, value: t.iranDirectAttacks }] : []),
    ],
    strikes: [
      { label: 'US strikes outside Yemen', value: t.usStrikes },
      // Strikes inside Iran are among them; said apart, since the record has none (R-USA-03).
      ...(t.strikesOnIran > 0 ? [{ label: STRIKES_INSIDE_IRAN, value: t.strikesOnIran }] : []),
      { label: 'in Yemen', value: t.usStrikesYemen },
    ],
    other: [
      { label: 'Houthi attacks', value: t.houthiAttacks },
      { label: 'US killed', value: t.usKilled },
      { label: 'injured', value: t.usInjured },
    ],
  };
}

/** The part of the strikes outside Yemen that hit Iran itself: a count of its own on the strikes line. */
export const STRIKES_INSIDE_IRAN = 'of them inside Iran';

const list = (cs: readonly Count[]) => cs.map((c) => `${c.label} ${c.value}`).join(' · ');

/** The week's counts as three short lines; the situation pane, the briefing, `brink run` and `brink replay` print these. */
export function weekCountLines(t: WeekTally): [string, string, string] {
  const { attacks, strikes, other } = weekCounts(t);
  return [`Attacks on US forces ${attacksOnUsForces(t)}: ${list(attacks)}`, list(strikes), list(other)];
}

/**
 * The game's last week as `side` saw it: both orders, the counts and the events it could see (the log's
 * sentences, analysis/turn-log.ts). The briefing shows a week only once the next turn starts, so without
 * this the final order's result would reach the player only as the verdict.
 */
export function lastWeekLines(state: GameState, side: Side, offRecord: OffRecord = []): { date: string; lines: string[] } | undefined {
  // The count line is printed beside the events: the attacks line does not count the attacks again.
  // The week's counts are public (WeekTally): the record's read as the side observed them, without observing again.
  const log = turnLog(state, side, { attacksCounted: true, offRecord }).at(-1);
  const week = state.history.at(-1);
  if (!log || !week) return undefined;
  return {
    date: log.date,
    lines: [log.own, log.other, ...weekCountLines(week), log.warChance, ...log.events.map((e) => `• ${e}`)],
  };
}
