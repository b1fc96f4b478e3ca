/**
 * A bot chooses one side's order (a portfolio, model/portfolio.ts) from what that side observes: written once against the game API,
 * used alike by `brink run`, the batch runner, the terminal game's opponent and replays.
 */
import type { Side } from '../model/actions.ts';
import type { Observation } from '../engine/observe.ts';
import type { Stream } from '../engine/rng.ts';
import type { WorldSampler } from '../engine/determinize.ts';

export interface Policy {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  /**
   * `rng` is this side's bot stream for this turn. `worlds` samples whole game states consistent with
   * the observation, for bots that simulate ahead: no bot is ever handed the real state.
   *
   * The answer is an order ID: a portfolio `force+signal` (model/portfolio.ts), or one action, the other
   * lever then empty (a policy written for one lever a turn still plays).
   */
  choose(obs: Observation, rng: Stream, worlds?: WorldSampler): string;
}

export type PolicyFactory = (side: Side) => Policy;
