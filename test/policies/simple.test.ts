import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { newGame } from '../../src/engine/game.ts';
import { observe, type Observation, type PublicTurn } from '../../src/engine/observe.ts';
import { botStream } from '../../src/engine/rng.ts';
import type { Side } from '../../src/model/actions.ts';
import { EMPTY_FORCE, EMPTY_SIGNAL, parsePortfolio } from '../../src/model/portfolio.ts';
import { chooseAction } from '../../src/policies/index.ts';
import { hawk, titForTat } from '../../src/policies/simple.ts';
import { parseScenario, SCENARIO_DIR } from '../../src/scenario/loader.ts';
import { scenario, SHIPPED } from '../helpers/fixtures.ts';

/** The force a bot orders on the first turn of a scenario, against nothing yet. */
function firstForce(id: string, side: Side, bot: typeof hawk) {
  return chooseAction(newGame(scenario(id), { seed: '1' }), side, bot(side)).force;
}

/**
 * The same first-turn observation with another history or opening: a bot reads `side`, `legal`,
 * `history` and `opening`, so only these are replaced.
 */
function seen(base: Observation, history: readonly PublicTurn[], openingKilled: number): Observation {
  return Object.create(base, { history: { value: history }, opening: { value: { usKilled: openingKilled } } }) as Observation;
}

function turnWith(usKilled: number, attacksOnUS: number): PublicTurn {
  return {
    turn: 1,
    date: '2024-01-28',
    rung: 6,
    warChance: 0,
    attacksOnUS,
    attacksOnUSIraq: attacksOnUS,
    attacksOnUSSyria: 0,
    attacksOnUSJordan: 0,
    iranDirectAttacks: 0,
    usKilled,
    usInjured: 0,
    usStrikes: 0,
    strikesOnIran: 0,
    usStrikesYemen: 0,
    houthiAttacks: 0,
    hezbollahFireDays: 0,
    opponentOrder: { force: null, signal: null },
    ownOrder: { force: EMPTY_FORCE.us, signal: EMPTY_SIGNAL.us },
  };
}

describe('the archetypes read the opening week as the turn before', () => {
  it('tower-22 opens on three US deaths, public to both sides; the other scenarios on none', () => {
    const state = newGame(scenario('tower-22'), { seed: '1' });
    expect(observe(state, 'us').opening.usKilled).toBe(3);
    expect(observe(state, 'iran').opening.usKilled).toBe(3);
    for (const id of ['october-2023', 'red-sea', 'rafah'])
      expect(observe(newGame(scenario(id), { seed: '1' }), 'us').opening.usKilled).toBe(0);
  });

  it('in tower-22 the US hawk answers the opening deaths with strikes on Iranian forces, tit-for-tat with a campaign', () => {
    expect(firstForce('tower-22', 'us', hawk)).toBe('us.strike-irgc');
    expect(firstForce('tower-22', 'us', titForTat)).toBe('us.major-campaign');
  });

  it("where the opening holds no death, the first turn is as before: a show of force, holding fire (rafah's opening says so)", () => {
    for (const id of ['october-2023', 'red-sea', 'rafah']) {
      expect(firstForce(id, 'us', hawk), id).toBe('us.show-of-force');
      expect(firstForce(id, 'us', titForTat), id).toBe('us.hold');
    }
    // tower-22 without its opening: the deaths are then unknown to the bots, and they open as elsewhere.
    const text = readFileSync(`${SCENARIO_DIR}/tower-22.yaml`, 'utf8').replace(/\nopening:\n( {2}.*\n)+/, '\n');
    const bare = parseScenario(text, 'tower-22-bare.yaml');
    expect(bare.opening).toBeUndefined();
    const state = newGame(bare, { seed: '1' });
    expect(chooseAction(state, 'us', hawk('us')).force).toBe('us.show-of-force');
    expect(chooseAction(state, 'us', titForTat('us')).force).toBe('us.hold');
  });

  it("Iran's archetypes answer US strikes, and the opening deaths alone change none of their first orders", () => {
    for (const id of SHIPPED) {
      expect(firstForce(id, 'iran', hawk), id).toBe('iran.hold-course');
      expect(firstForce(id, 'iran', titForTat), id).toBe('iran.hold-course');
    }
  });

  it('an opening death gets exactly the answer the same death would get last turn, for any count and any attacks', () => {
    const base = observe(newGame(scenario('tower-22'), { seed: '1' }), 'us');
    const rng = botStream({ seed: 'x', turn: 0 }, 'us');
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 50 }), fc.integer({ min: 0, max: 30 }), (killed, attacks) => {
        for (const bot of [hawk, titForTat]) {
          const policy = bot('us');
          const opening = parsePortfolio(policy.choose(seen(base, [], killed), rng), 'us');
          const lastTurn = parsePortfolio(policy.choose(seen(base, [turnWith(killed, attacks)], 0), rng), 'us');
          expect(opening).toEqual(lastTurn);
        }
      }),
      { numRuns: 60 },
    );
  });
});
