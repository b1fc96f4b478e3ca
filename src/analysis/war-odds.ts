/**
 * The odds of war a game ran. Each turn the ladder draws regional war with a chance the sides' deeds set
 * (engine/phases/ladder.ts: the rungs reached, strikes on Iran or its forces, a direct exchange, and a
 * small residual, R-SYS-06, R-SYS-01, Q-15). A game that ends without war still ran those odds; a game
 * that ends in one drew a chance that another game would not. Saying both is how a class sees that war
 * risk is a consequence of the orders, not a roll of fate, and that calm is no proof the orders were safe.
 */
import type { TurnRecord } from '../engine/state.ts';
import { chanceText } from './render.ts';

/** What the week's "Chance of war" is made of, in words: the help overlay says this. */
export const WAR_CHANCE_MEANING =
  "Each week's report gives the chance that the week's ladder turned into regional war: a small residual, more for every " +
  'rung above lethal targeted action (6) and for every strike on Iran or its forces, all growing as the Gaza war lasts, and ' +
  'the chance that a direct exchange of fire runs out of control. No source puts a number on war risk: these are the ' +
  "model's assumptions (brink explain warHazardPerRung). The debrief adds the weeks up: the odds your orders ran, " +
  'whether or not war came.';

/** A week and the chance its ladder became war. */
export interface WarWeek {
  readonly turn: number;
  readonly date: string;
  readonly chance: number;
}

export interface WarOdds {
  /** The chance that war came at some turn played: 1 − the product of the weeks' chances of none. */
  readonly chance: number;
  readonly weeks: number;
  /** The week with the highest chance (the first, on a tie); absent when no week had any. */
  readonly riskiest?: WarWeek;
  /** The week war came, when it did (always the last week played). */
  readonly came?: WarWeek;
}

export function warOdds(history: readonly Pick<TurnRecord, 'turn' | 'date' | 'warChance'>[], war: boolean): WarOdds {
  let none = 1;
  let riskiest: WarWeek | undefined;
  for (const h of history) {
    none *= 1 - h.warChance;
    if (h.warChance > 0 && (!riskiest || h.warChance > riskiest.chance)) riskiest = { turn: h.turn, date: h.date, chance: h.warChance };
  }
  const last = history.at(-1);
  return {
    chance: 1 - none,
    weeks: history.length,
    ...(riskiest ? { riskiest } : {}),
    ...(war && last ? { came: { turn: last.turn, date: last.date, chance: last.warChance } } : {}),
  };
}

const week = (w: WarWeek) => `the week from ${w.date} (turn ${w.turn + 1})`;

/** The odds as a debrief line: the text debrief, the debrief screen's timeline and the HTML story print this one. */
export function warOddsLine(o: WarOdds): string {
  const over = `${chanceText(o.chance)} over ${o.weeks === 1 ? 'the one week played' : `the ${o.weeks} weeks played`}`;
  if (o.came) {
    return `Chance of war: ${over}. War came in ${week(o.came)}, when the chance was ${chanceText(o.came.chance)}.`;
  }
  if (!o.riskiest) return `Chance of war: none in any week played.`;
  return (
    `Chance of war: ${over}; the riskiest was ${week(o.riskiest)}, at ${chanceText(o.riskiest.chance)}. ` +
    'No war came, but these were the odds the orders ran.'
  );
}

/** A week's chance of war as a count line reads it: the briefing, the last week, `brink run` and `brink replay`. */
export function weekWarChanceText(t: Pick<TurnRecord, 'warChance'>): string {
  return `Chance of war that week: ${chanceText(t.warChance)}`;
}
