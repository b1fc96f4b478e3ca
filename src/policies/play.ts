/** Plays a whole game with two bots: what `brink run` and each Monte Carlo game do. */
import { newGame, step } from '../engine/game.ts';
import type { GameEvent, GameState, RecordShocks } from '../engine/state.ts';
import type { Scenario } from '../scenario/schema.ts';
import { chooseAction, type Policy } from './index.ts';

export interface PlayOptions {
  readonly seed: string;
  readonly us: Policy;
  readonly iran: Policy;
  readonly params?: Readonly<Record<string, number>>;
  /** Shocks fixed from the record (the backtest and calibration condition on them). */
  readonly shocks?: RecordShocks;
  /** Called after every turn (the CLI prints, replay verifies). */
  readonly onTurn?: (state: GameState, events: readonly GameEvent[]) => void;
}

export function playGame(scenario: Scenario, options: PlayOptions): GameState {
  let state = newGame(scenario, {
    seed: options.seed,
    ...(options.params ? { params: options.params } : {}),
    ...(options.shocks ? { shocks: options.shocks } : {}),
  });
  while (state.over === null) {
    const decisions = { us: chooseAction(state, 'us', options.us), iran: chooseAction(state, 'iran', options.iran) };
    const result = step(state, decisions);
    state = result.state;
    options.onTurn?.(state, result.events);
  }
  return state;
}
