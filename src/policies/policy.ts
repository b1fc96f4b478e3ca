/**
 * A bot chooses one side's action from what that side observes: written once against the game API,
 * used alike by `brink run`, the batch runner, the terminal game's opponent and replays.
 */
import type { Side } from '../model/actions.ts';
import type { Observation } from '../engine/observe.ts';
import type { Stream } from '../engine/rng.ts';
import type { GameState } from '../engine/state.ts';

export interface Policy {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  /** `rng` is this side's bot stream for this turn; `state` is for search bots that simulate ahead. */
  choose(obs: Observation, rng: Stream, state?: GameState): string;
}

export type PolicyFactory = (side: Side) => Policy;
