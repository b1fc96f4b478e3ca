/**
 * The odds of war a game ran. Each turn the ladder draws regional war with a chance the sides' deeds set
 * (engine/phases/ladder.ts: the rungs reached, strikes on Iran or its forces, a direct exchange, and a
 * small residual, R-SYS-06, R-SYS-01, Q-15). A game that ends without war still ran those odds; a game
 * that ends in one drew a chance that another game would not. Saying both is how a class sees that war
 * risk is a consequence of the orders, not a roll of fate, and that calm is no proof the orders were safe.
 */
import type { PublicTurn } from '../engine/observe.ts';
import type { GameState, TurnRecord } from '../engine/state.ts';
import { otherSide, type Side } from '../model/actions.ts';
import { DIRECT_CLASH, isDirectExchange, type SideRungs } from '../model/ladder.ts';
import { portfolioRung } from '../model/portfolio.ts';
import { chanceText } from './render.ts';

/** What the week's "Chance of war" is made of, in words: the help overlay says this. */
export const WAR_CHANCE_MEANING =
  "Each week's report gives the chance that the week's ladder turned into regional war: a small residual, more for every " +
  'rung above lethal targeted action (6) and for every strike on Iran or its forces, all growing as the Gaza war lasts, and ' +
  'the chance that a direct exchange of fire runs out of control: one side fires on the other directly and the other answers ' +
  'in kind, that week or the next (the week that fires first says so). No source puts a number on war risk: these are the ' +
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

/** Each side's rung in a turn record: both orders are known (`brink run`, `brink replay`). */
export const recordRungs = (t: Pick<TurnRecord, 'actions'>): SideRungs => ({
  us: portfolioRung(t.actions.us),
  iran: portfolioRung(t.actions.iran),
});

/** Each side's rung as `side` saw the week: its own order, and the levers of the other's it could see (direct fire is public). */
export function seenRungs(t: Pick<PublicTurn, 'ownOrder' | 'opponentOrder'>, side: Side): SideRungs {
  // A lever not seen counts as none (no action has the empty ID).
  const other = portfolioRung({ force: t.opponentOrder.force ?? '', signal: t.opponentOrder.signal ?? '' });
  const own = portfolioRung(t.ownOrder);
  return side === 'us' ? { us: own, iran: other } : { us: other, iran: own };
}

/** A week's direct fire, where the reader knows it: each side's rung that week and the week before. */
export interface WeekFire {
  readonly now: SideRungs;
  /** The week before (zeros before the first week). */
  readonly before: SideRungs;
  /** The chance that a direct exchange alone becomes war (params.warFromDirectExchange, Q-15). */
  readonly warFromDirectExchange: number;
}

const CAPITAL: Readonly<Record<Side, string>> = { us: 'Washington', iran: 'Tehran' };
const FIRED: Readonly<Record<Side, string>> = {
  us: 'Washington struck Iran or its forces directly',
  iran: "Iran's own forces fired on US forces",
};

/**
 * What direct fire did to the week's chance of war, in words, or nothing where neither side fired
 * directly. A side that fires directly adds only its rung to the week's chance; the large step is an
 * answer in kind, which makes an exchange (model/ladder.ts isDirectExchange). Without this a player who
 * fires missiles reads a small chance and takes direct fire for cheap.
 */
export function directFireText(f: WeekFire): string | undefined {
  const chance = `a ${chanceText(f.warFromDirectExchange)} chance of war (an assumption: no source puts a figure on it, Q-15)`;
  if (isDirectExchange(f.now, f.before))
    return `That week was a direct exchange of fire between the US and Iran, which alone carries ${chance}.`;
  const fired = (['us', 'iran'] as const).filter((s) => f.now[s] >= DIRECT_CLASH);
  if (fired.length !== 1) return undefined;
  const [by] = fired as [Side];
  const answer = CAPITAL[otherSide(by)];
  return `${FIRED[by]}: if ${answer} answers in kind the next week, that exchange alone carries ${chance}.`;
}

/** A week's chance of war as a count line reads it: the briefing, the last week, `brink run` and `brink replay`. */
export function weekWarChanceText(t: Pick<TurnRecord, 'warChance'>, fire?: WeekFire): string {
  const text = `Chance of war that week: ${chanceText(t.warChance)}`;
  const direct = fire && directFireText(fire);
  return direct ? `${text}. ${direct}` : text;
}

const NO_FIRE: SideRungs = { us: 0, iran: 0 };

/** The last week of a game and the week before it, both orders known: `brink run` and `brink replay`. */
export const lastWeekFire = (state: Pick<GameState, 'history' | 'params'>): WeekFire =>
  weekFire(state.history, state.history.length - 1, recordRungs, state.params.warFromDirectExchange);

/**
 * Week `i`'s chance of war as `side` saw it, with what direct fire did (its own order and the other's
 * public levers): the briefing, the log and the debrief's last week all say it so.
 */
export function seenWeekWarChanceText(history: readonly PublicTurn[], i: number, side: Side, warFromDirectExchange: number): string {
  return weekWarChanceText(
    history[i]!,
    weekFire(history, i, (t) => seenRungs(t, side), warFromDirectExchange),
  );
}

/** The week `i` of a history and the week before it, as WeekFire reads them. */
export function weekFire<T>(history: readonly T[], i: number, rungs: (t: T) => SideRungs, warFromDirectExchange: number): WeekFire {
  const before = history[i - 1];
  return { now: rungs(history[i]!), before: before === undefined ? NO_FIRE : rungs(before), warFromDirectExchange };
}
