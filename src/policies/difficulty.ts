/**
 * Difficulty levels, defined by what the opponent wants rather than by how well it plays: each level
 * says how far the opponent weighs your score against its own objectives. The game is not zero-sum (a
 * war costs both sides), so a stronger opponent that only pursues its own aims can make your game
 * easier; a hard opponent is one that also counts hurting you as a gain. Measured from the human's side
 * with a panel of stand-ins (npm run strategy, docs/strategy.md).
 */
import type { Side } from '../model/actions.ts';
import { historical } from './historical.ts';
import type { Policy, PolicyFactory } from './policy.ts';
import { search, type SearchBudget } from './search.ts';

export interface DifficultyLevel {
  readonly id: 'easy' | 'normal' | 'hard';
  readonly label: string;
  /** The policy ID the level plays. */
  readonly policy: string;
  /** What the level means, for the set-up screen. */
  readonly note: string;
}

/** Easy searches less deeply as well: it is a forgiving partner, not a strong one. */
const EASY_BUDGET: SearchBudget = { iterations: 200, worlds: 8, horizon: 2, exploration: 0.4 };

export const EASY_HOSTILITY = -0.5;
export const HARD_HOSTILITY = 0.5;

export const DIFFICULTY_LEVELS: readonly DifficultyLevel[] = [
  { id: 'easy', label: 'Easy', policy: 'easy', note: 'pursues its own aims but values your score at half its own: a partner in calm' },
  { id: 'normal', label: 'Normal', policy: 'historical', note: 'does what the record says this side did' },
  { id: 'hard', label: 'Hard', policy: 'hard', note: 'searches ahead and counts hurting you at half the weight of its own aims' },
];

export const easy: PolicyFactory = (side: Side): Policy =>
  search(side, { id: 'easy', name: 'Easy', hostility: EASY_HOSTILITY, budget: EASY_BUDGET, description: DIFFICULTY_LEVELS[0]!.note });

export const hard: PolicyFactory = (side: Side): Policy =>
  search(side, { id: 'hard', name: 'Hard', hostility: HARD_HOSTILITY, description: DIFFICULTY_LEVELS[2]!.note });

export const normal: PolicyFactory = historical;
