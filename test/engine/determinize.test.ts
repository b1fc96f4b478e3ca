/**
 * The worlds a search bot imagines (engine/determinize.ts) must be worlds it could be in: what everyone
 * knows rules out a truce posture outside the Gaza truce and a posture of war before a war, the same
 * as it rules them out of a wrong intelligence read (engine/public-postures.ts).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sampleWorld } from '../../src/engine/determinize.ts';
import { newGame, step } from '../../src/engine/game.ts';
import { observe } from '../../src/engine/observe.ts';
import { truceInForce } from '../../src/engine/public-postures.ts';
import { Stream } from '../../src/engine/rng.ts';
import type { GameState } from '../../src/engine/state.ts';
import { ACTORS, type ActorId } from '../../src/model/actors/index.ts';
import type { Side } from '../../src/model/actions.ts';
import { chooseAction, getPolicy } from '../../src/policies/index.ts';
import { loadScenario } from '../../src/scenario/loader.ts';

const oct = loadScenario('october-2023');

/** The historical game's states, turn by turn, until it ends: the October game passes through the truce. */
function historicalStates(seed: string): GameState[] {
  const states: GameState[] = [];
  let s = newGame(oct, { seed });
  const us = getPolicy('historical', 'us');
  const iran = getPolicy('historical', 'iran');
  while (s.over === null) {
    states.push(s);
    s = step(s, { us: chooseAction(s, 'us', us), iran: chooseAction(s, 'iran', iran) }).state;
  }
  return states;
}

/** The actors whose posture a side's sampler may redraw. */
const REDRAWN: Record<Side, readonly ActorId[]> = { us: ['iran', 'iraqiMilitias', 'syrianMilitias'], iran: ['us'] };

describe('the worlds a search bot imagines', () => {
  const states = historicalStates('determinize-1');

  it('the October game passes through the truce and out of it (else the checks below would prove nothing)', () => {
    expect(states.some(truceInForce)).toBe(true);
    expect(states.some((s) => s.history.length > 0 && !truceInForce(s))).toBe(true);
  });

  it('never holds a truce posture outside the truce, nor a posture of war before a war', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: states.length - 1 }), fc.constantFrom<Side>('us', 'iran'), fc.string(), (turn, side, draw) => {
        const real = states[turn]!;
        const world = sampleWorld(real, side, observe(real, side), new Stream('bot.us', { seed: draw }));
        for (const actor of REDRAWN[side]) {
          const meta = ACTORS[actor].meta(world.actors[actor].value);
          expect(meta.atWar === true, `${actor} ${world.actors[actor].value}`).toBe(false);
          if (!truceInForce(real)) expect(meta.inTruce === true, `turn ${turn}: ${actor} ${world.actors[actor].value}`).toBe(false);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('does imagine the truce postures while the truce is in force', () => {
    const inTruce = states.filter((s) => s.history.length > 0 && truceInForce(s));
    const named = new Set<string>();
    for (const real of inTruce)
      for (let i = 0; i < 40; i++) {
        const world = sampleWorld(real, 'us', observe(real, 'us'), new Stream('bot.us', { seed: `truce${i}` }));
        for (const actor of REDRAWN.us) if (ACTORS[actor].meta(world.actors[actor].value).inTruce) named.add(actor);
      }
    expect(named.size).toBeGreaterThan(0);
  });
});
