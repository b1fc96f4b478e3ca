import fc from 'fast-check';
import { logOf, peakRungOf, totalsOf } from '../../src/engine/history.ts';
import { describe, expect, it } from 'vitest';
import { ACTORS, ACTOR_IDS } from '../../src/model/actors/index.ts';
import { actionsFor } from '../../src/model/actions.ts';
import { MAX_RUNG, MIN_RUNG } from '../../src/model/ladder.ts';
import { isOver, legalActions, newGame, step } from '../../src/engine/game.ts';
import { outcome } from '../../src/engine/outcome.ts';
import { TALLY_KEYS, type GameState } from '../../src/engine/state.ts';
import { SHIPPED, scenario } from '../helpers/fixtures.ts';

const usIds = actionsFor('us').map((a) => a.id);
const iranIds = actionsFor('iran').map((a) => a.id);

function checkState(s: GameState): void {
  const w = s.world;
  for (const key of ['deterrence', 'usDomesticPressure', 'iranWarFear', 'axisGains', 'shippingDisruption'] as const) {
    expect(w[key]).toBeGreaterThanOrEqual(0);
    expect(w[key]).toBeLessThanOrEqual(1);
  }
  expect(w.rung).toBeGreaterThanOrEqual(MIN_RUNG);
  expect(w.rung).toBeLessThanOrEqual(MAX_RUNG);
  expect(peakRungOf(s)).toBeGreaterThanOrEqual(w.rung);
  const totals = totalsOf(s);
  for (const k of TALLY_KEYS) {
    expect(totals[k]).toBeGreaterThanOrEqual(0);
    expect(Number.isInteger(totals[k])).toBe(true);
  }
  for (const t of s.history) for (const k of TALLY_KEYS) expect(t[k]).toBeGreaterThanOrEqual(0);
  for (const id of ACTOR_IDS) {
    expect(ACTORS[id].stateIds).toContain(s.actors[id].value);
    for (const [k, v] of Object.entries(s.actors[id].context)) {
      if (typeof v === 'number') expect(v, `${id}.${k}`).toBeGreaterThanOrEqual(0);
    }
  }
  const m = s.actors.iraqiMilitias.context;
  for (const v of [m.grievance, m.capability, s.actors.iraqiGovernment.context.withdrawalMomentum]) {
    expect(v).toBeGreaterThanOrEqual(0);
    expect(v).toBeLessThanOrEqual(1);
  }
  for (const e of logOf(s)) {
    if (e.draw) {
      expect(e.draw.p).toBeGreaterThanOrEqual(0);
      expect(e.draw.p).toBeLessThanOrEqual(1);
      expect(e.draw.u).toBeGreaterThanOrEqual(0);
      expect(e.draw.u).toBeLessThan(1);
    }
  }
}

describe('invariants over random games', () => {
  it('no negative counts, pressures and chances in [0, 1], the ladder in range, the game ends within its horizon', () => {
    fc.assert(
      fc.property(fc.constantFrom(...SHIPPED), fc.string({ maxLength: 10 }), fc.array(fc.tuple(fc.nat(), fc.nat()), { minLength: 104, maxLength: 104 }),
        (id, seed, picks) => {
          const sc = scenario(id);
          let s = newGame(sc, { seed });
          let turns = 0;
          while (!isOver(s)) {
            const [a, b] = picks[turns]!;
            s = step(s, { us: usIds[a % usIds.length]!, iran: iranIds[b % iranIds.length]! }).state;
            turns++;
            checkState(s);
            expect(turns).toBeLessThanOrEqual(sc.turns);
          }
          expect(s.turn).toBeLessThanOrEqual(sc.turns);
          expect(s.over!.reason === 'regional-war' || s.turn === sc.turns).toBe(true);
          expect(legalActions(s, 'us')).toEqual([]);
          const o = outcome(s);
          for (const side of ['us', 'iran'] as const) {
            expect(o.scores[side]).toBeGreaterThanOrEqual(0);
            expect(o.scores[side]).toBeLessThanOrEqual(100);
          }
          if (s.world.regionalWar) expect(o.verdict.id).toBe('regional-war');
        }),
      { numRuns: 2000 },
    );
  });

  it('refuses moves after the end and unknown actions', () => {
    let s = newGame(scenario('tower-22'), { seed: 'x' });
    expect(() => step(s, { us: 'us.nope', iran: 'iran.hold-course' })).toThrow(/unknown action/);
    expect(() => step(s, { us: 'iran.hold-course', iran: 'iran.hold-course' })).toThrow(/not a legal action for us/);
    while (!isOver(s)) s = step(s, { us: 'us.hold', iran: 'iran.public-threats' }).state;
    expect(() => step(s, { us: 'us.hold', iran: 'iran.public-threats' })).toThrow(/over/);
  });
});
