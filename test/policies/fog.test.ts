import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { newGame, step } from '../../src/engine/game.ts';
import { observe } from '../../src/engine/observe.ts';
import type { GameState } from '../../src/engine/state.ts';
import { BUILTIN_POLICIES, chooseAction, getPolicy } from '../../src/policies/index.ts';
import { scenario } from '../helpers/fixtures.ts';
import { ordersOf, parsePortfolio } from '../../src/model/portfolio.ts';

const SIMPLE = ['historical', 'hawk', 'dove', 'tit-for-tat', 'random'];

/** The same game with Iran's private side changed: its guidance, its partners' postures, its own posture. */
function withIranSecretsChanged(s: GameState): GameState {
  const copy = structuredClone(s) as { -readonly [K in keyof GameState]: GameState[K] } & GameState;
  return {
    ...copy,
    world: { ...copy.world, directive: { iraq: 'surge', syria: 'surge', lebanon: 'surge', yemen: 'surge' }, iranWarFear: 0.99 },
    actors: {
      ...copy.actors,
      iran: { ...copy.actors.iran, value: 'escalating' },
      iraqiMilitias: { ...copy.actors.iraqiMilitias, value: 'surging' },
      syrianMilitias: { ...copy.actors.syrianMilitias, value: 'surging' },
    },
  };
}

describe('fog of war', () => {
  it("the US observation holds none of Iran's private information", () => {
    let s = newGame(scenario('october-2023'), { seed: 'fog' });
    s = step(s, ordersOf('us.warn', 'iran.rein-in')).state;
    const us = observe(s, 'us');
    expect(us.directive).toBeUndefined();
    expect(us.partners).toBeUndefined();
    expect(us.pressures.iranWarFear).toBeUndefined();
    expect(us.history[0]!.opponentOrder).toEqual({ force: null, signal: null }); // reining in is done in private
    expect(us.events.some((e) => e.visibility === 'iran')).toBe(false);
    // The observation keeps the game state for its lazy parts, but out of a bot's reach.
    expect(Object.values(us)).not.toContain(s);
    expect('state' in us).toBe(false);
    expect(JSON.stringify(us)).not.toContain('"directive"');
    const iran = observe(s, 'iran');
    expect(iran.directive?.iraq).toBe('halt');
    expect(iran.history[0]!.opponentOrder).toEqual({ force: null, signal: 'us.warn' }); // holding fire shows nothing
    expect(iran.pressures.deterrence).toBeUndefined();
    // Iran knows Hezbollah's and the Houthis' postures; the militias' come only through its envoys' reads
    // (intelligence, which can be wrong), never as a second, exact copy beside them.
    expect(iran.partners?.map((p) => p.actor)).toEqual(['hezbollah', 'houthis']);
    expect(iran.intel.some((i) => i.subject.about === 'posture' && i.subject.actor === 'iraqiMilitias')).toBe(true);
  });

  it('US bots choose the same whatever Iran keeps private', () => {
    fc.assert(
      fc.property(fc.constantFrom(...SIMPLE), fc.string({ maxLength: 8 }), fc.nat(6), (policyId, seed, turns) => {
        let s = newGame(scenario('october-2023'), { seed });
        for (let i = 0; i < turns && !s.over; i++) s = step(s, ordersOf('us.warn', 'iran.hold-course')).state;
        fc.pre(!s.over);
        const policy = getPolicy(policyId, 'us');
        const twin = withIranSecretsChanged(s);
        expect(observe(twin, 'us').history).toEqual(observe(s, 'us').history);
        expect(chooseAction(twin, 'us', policy)).toEqual(chooseAction(s, 'us', policy));
      }),
      { numRuns: 100 },
    );
  });

  it('each bot is deterministic given the state, and picks a legal action', () => {
    for (const id of SIMPLE) {
      for (const side of ['us', 'iran'] as const) {
        let s = newGame(scenario('tower-22'), { seed: `bot-${id}` });
        while (!s.over) {
          const a = chooseAction(s, side, getPolicy(id, side));
          expect(chooseAction(s, side, getPolicy(id, side))).toEqual(a);
          expect(observe(s, side).legal).toContain(a.force);
          expect(observe(s, side).legal).toContain(a.signal);
          const other = side === 'us' ? parsePortfolio('iran.hold-course', 'iran') : parsePortfolio('us.hold', 'us');
          s = step(s, side === 'us' ? { us: a, iran: other } : { us: other, iran: a }).state;
        }
      }
    }
  });

  it('a bot that simulates ahead is handed sampled worlds, never the real state, seed or draws', () => {
    const seen: GameState[] = [];
    const registry = BUILTIN_POLICIES.with([
      [
        'spy',
        () => ({
          id: 'spy',
          name: 'Spy',
          description: 'keeps the worlds it is given (test)',
          choose(obs, rng, worlds) {
            seen.push(worlds!.sample(rng), worlds!.sample(rng));
            return obs.legal[0]!;
          },
        }),
      ],
    ]);
    let s = newGame(scenario('october-2023'), { seed: 'secret' });
    s = step(s, ordersOf('us.warn', 'iran.rein-in')).state;
    chooseAction(s, 'us', getPolicy('spy', 'us', registry));
    expect(seen).toHaveLength(2);
    for (const w of seen) {
      expect(w).not.toBe(s);
      expect(w.seed).not.toBe(s.seed);
      expect(JSON.stringify(w.rng)).not.toBe(JSON.stringify(s.rng));
      // What the US can see stays as it is: the record of the turn played.
      expect(w.history).toEqual(s.history);
    }
    expect(seen[0]!.seed).not.toBe(seen[1]!.seed);
  });
});
