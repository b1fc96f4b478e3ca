/** Games scripted as the terminal game plays them: a human side's orders as given, the other side's from its bot. */
import { newGame, step } from '../../src/engine/game.ts';
import type { GameState } from '../../src/engine/state.ts';
import type { Side } from '../../src/model/actions.ts';
import { parsePortfolio } from '../../src/model/portfolio.ts';
import { chooseAction, getPolicy } from '../../src/policies/index.ts';
import { scenario } from './fixtures.ts';

/** A game whose `humans` sides play the given orders turn by turn, the other side its bot; stops when the orders run out (a quit). */
export function scripted(id: string, seed: string, orders: readonly Partial<Record<Side, string>>[], bot = 'historical'): GameState {
  let state = newGame(scenario(id), { seed });
  for (const turn of orders) {
    if (state.over) break;
    const choose = (side: Side) => {
      const given = turn[side];
      return given ? parsePortfolio(given, side) : chooseAction(state, side, getPolicy(bot, side));
    };
    state = step(state, { us: choose('us'), iran: choose('iran') }).state;
  }
  return state;
}

/**
 * The fourth playtest's red-sea game as Iran: broad pressure, then the halt ordered in turn 4, IRGC fire and
 * missiles while it held, then "keep up the pressure" from turn 7 (the other side plays its bot).
 */
export const PLAYTEST_IRAN_RED_SEA: readonly Partial<Record<Side, string>>[] = [
  'iran.escalate-fronts+iran.arm-houthis',
  'iran.unleash+iran.arm-houthis',
  'iran.hold-course+iran.public-threats',
  'iran.rein-in+iran.back-talks',
  'iran.irgc-attack+iran.back-talks',
  'iran.missile-strike+iran.back-talks',
  ...Array<string>(7).fill('iran.hold-course+iran.arm-houthis'),
].map((iran) => ({ iran }));
