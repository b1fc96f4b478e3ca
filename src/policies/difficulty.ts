/**
 * Difficulty levels, defined by what the opponent wants and what it allows itself, rather than by how
 * well it plays. The game is not zero-sum (a war costs both sides), so a stronger opponent that only
 * pursues its own aims can make your game easier; each level says how the opponent weighs your score
 * against its own objectives. Measured from the human's side with a panel of stand-ins
 * (npm run strategy section 4, docs/strategy.md §2.2 and §4.2).
 *
 *  - Easy: a partner in calm. It uses no force (its force lever stays at the side's most restrained
 *    order: the US holds, Iran orders its groups to stand down), says nothing above a warning or a
 *    threat, and among those orders searches for what serves your score as much as its own.
 *  - Normal: the record (the historical bot).
 *  - Hard: the full search, counting a point you lose as three quarters of a point of its own. At half a
 *    point (measured, docs/strategy.md §4.2) Iran's own gain from restraint still outweighed hurting you,
 *    and a US human did better against Hard than against the record in october-2023 and red-sea.
 */
import type { ActionDef, Side, Track } from '../model/actions.ts';
import { historical } from './historical.ts';
import type { Policy, PolicyFactory } from './policy.ts';
import { type OrderFilter, search, type SearchBudget } from './search.ts';

export interface DifficultyLevel {
  readonly id: 'easy' | 'normal' | 'hard';
  readonly label: string;
  /** The policy ID the level plays. */
  readonly policy: string;
  /** What the level is, in a few words: the set-up's menu shows it beside the level's name. */
  readonly summary: string;
  /** What the level means in full (its summary first), for the set-up screen and the bot's description. */
  readonly note: string;
}

/** A level from its summary and, where it has more to say, the rest: the note is the two together. */
const level = (l: Omit<DifficultyLevel, 'note'>, more?: string): DifficultyLevel => ({
  ...l,
  note: more ? `${l.summary}: ${more}` : l.summary,
});

/** Your score against its own: −1 counts your score as much as its own; +0.75 counts your loss at three quarters. */
export const EASY_HOSTILITY = -1;
export const HARD_HOSTILITY = 0.75;

/** The highest rung of Easy's signals: a warning (US) or public threats (Iran), nothing that strikes or arms. */
export const EASY_SIGNAL_RUNG = 1;

/**
 * Easy's own orders: the side's lowest-rung force action (the US holds; Iran stands its groups down)
 * beside any signal up to EASY_SIGNAL_RUNG. Defined on rungs, so a new action falls in or out by its rung.
 */
export const easyOrders: OrderFilter = (track: Track, legal: readonly ActionDef[]) => {
  if (track === 'signal') return legal.filter((a) => a.rung <= EASY_SIGNAL_RUNG);
  const lowest = Math.min(...legal.map((a) => a.rung));
  return legal.filter((a) => a.rung === lowest);
};

/** Easy chooses among a handful of portfolios (≈ 3), so a quarter of the full budget settles it. */
const EASY_BUDGET: SearchBudget = { iterations: 300, worlds: 12, horizon: 3, exploration: 0.4 };

export const DIFFICULTY_LEVELS: readonly DifficultyLevel[] = [
  level(
    { id: 'easy', label: 'Easy', policy: 'easy', summary: 'a partner in calm' },
    'uses no force (the US holds, Iran stands its groups down) and weighs your score as much as its own',
  ),
  level(
    { id: 'normal', label: 'Normal', policy: 'historical', summary: 'plays as the record says' },
    'the historical bot: in each posture it takes the actions the four reports describe for its side',
  ),
  level(
    { id: 'hard', label: 'Hard', policy: 'hard', summary: 'searches ahead to beat you' },
    'it also plays against you, and each point you lose is worth three quarters of one of its own to it',
  ),
];

export const easy: PolicyFactory = (side: Side): Policy =>
  search(side, {
    id: 'easy',
    name: 'Easy',
    hostility: EASY_HOSTILITY,
    orders: easyOrders,
    budget: EASY_BUDGET,
    description: DIFFICULTY_LEVELS[0]!.note,
  });

export const hard: PolicyFactory = (side: Side): Policy =>
  search(side, { id: 'hard', name: 'Hard', hostility: HARD_HOSTILITY, description: DIFFICULTY_LEVELS[2]!.note });

export const normal: PolicyFactory = historical;
