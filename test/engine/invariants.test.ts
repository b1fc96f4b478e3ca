import fc from 'fast-check';
import { peakRungOf, totalsOf } from '../../src/engine/history.ts';
import type { GameEvent } from '../../src/engine/events.ts';
import { describe, expect, it } from 'vitest';
import { ACTORS, ACTOR_IDS } from '../../src/model/actors/index.ts';
import { ACTIONS, actionById, actionsOn } from '../../src/model/actions.ts';
import { MAX_RUNG, MIN_RUNG } from '../../src/model/ladder.ts';
import { isLegalPortfolio, isOver, legalActions, newGame, step } from '../../src/engine/game.ts';
import { outcome } from '../../src/engine/outcome.ts';
import { TALLY_KEYS, emptyTally, type GameState } from '../../src/engine/state.ts';
import { SHIPPED, scenario } from '../helpers/fixtures.ts';
import { ordersOf, parsePortfolio, portfolioId, portfolioIds } from '../../src/model/portfolio.ts';

// Random games draw from every portfolio: any force action beside any signal.
const usIds = portfolioIds('us');
const iranIds = portfolioIds('iran');

/**
 * What must hold after every turn, checked on what the turn added (its record and its events) plus the
 * state's current values, so a game costs time in proportion to its length. Returns the violations
 * (plain comparisons, one assertion a turn: thousands of games stay fast).
 */
function violations(s: GameState, events: readonly GameEvent[]): string[] {
  const out: string[] = [];
  const check = (ok: boolean, what: string) => {
    if (!ok) out.push(what);
  };
  const w = s.world;
  for (const key of ['deterrence', 'usDomesticPressure', 'iranWarFear', 'axisGains', 'shippingDisruption'] as const) {
    check(w[key] >= 0 && w[key] <= 1, `world.${key} = ${w[key]}`);
  }
  check(w.rung >= MIN_RUNG && w.rung <= MAX_RUNG, `rung ${w.rung}`);
  check(peakRungOf(s) >= w.rung, 'peak below the rung');
  const last = s.history[s.history.length - 1]!;
  for (const k of TALLY_KEYS) check(last[k] >= 0 && Number.isInteger(last[k]), `turn ${last.turn} ${k} = ${last[k]}`);
  for (const id of ACTOR_IDS) {
    check(ACTORS[id].isState(s.actors[id].value), `${id} in unknown posture ${s.actors[id].value}`);
    for (const [k, v] of Object.entries(s.actors[id].context)) {
      if (typeof v === 'number') check(v >= 0, `${id}.${k} = ${v}`);
    }
  }
  const m = s.actors.iraqiMilitias.context;
  for (const v of [m.grievance, m.capability, s.actors.iraqiGovernment.context.withdrawalMomentum])
    check(v >= 0 && v <= 1, `0..1 value ${v}`);
  check(events === last.events, "the events returned are the turn record's");
  for (const e of events) {
    check(e.turn === last.turn, `event of turn ${e.turn} logged in turn ${last.turn}`);
    if (e.draw) check(e.draw.p >= 0 && e.draw.p <= 1 && e.draw.u >= 0 && e.draw.u < 1, `${e.kind} draw ${e.draw.u} vs ${e.draw.p}`);
  }
  return out;
}

describe('invariants over random games', () => {
  it('no negative counts, pressures and chances in [0, 1], the ladder in range, the game ends within its horizon', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...SHIPPED),
        fc.string({ maxLength: 10 }),
        fc.array(fc.tuple(fc.nat(), fc.nat()), { minLength: 104, maxLength: 104 }),
        (id, seed, picks) => {
          const sc = scenario(id);
          let s = newGame(sc, { seed });
          let turns = 0;
          while (!isOver(s)) {
            const [a, b] = picks[turns]!;
            const r = step(s, ordersOf(usIds[a % usIds.length]!, iranIds[b % iranIds.length]!));
            s = r.state;
            turns++;
            const bad = violations(s, r.events);
            if (bad.length > 0) expect(bad, `${id} seed ${JSON.stringify(seed)} turn ${turns}`).toEqual([]);
            expect(turns).toBeLessThanOrEqual(sc.turns);
          }
          expect(s.turn).toBeLessThanOrEqual(sc.turns);
          // Totals derived from the history equal the sum of what every turn added.
          const totals = totalsOf(s);
          for (const k of TALLY_KEYS) expect(totals[k]).toBe(s.history.reduce((n, t) => n + t[k], 0));
          expect(s.over!.reason === 'regional-war' || s.turn === sc.turns).toBe(true);
          expect(legalActions(s, 'us')).toEqual([]);
          const o = outcome(s);
          for (const side of ['us', 'iran'] as const) {
            expect(o.scores[side]).toBeGreaterThanOrEqual(0);
            expect(o.scores[side]).toBeLessThanOrEqual(100);
          }
          if (s.world.regionalWar) expect(o.verdict.id).toBe('regional-war');
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('a fresh tally has every count, at zero, in TALLY_KEYS order (totals are reported in that order)', () => {
    expect(Object.entries(emptyTally())).toEqual(TALLY_KEYS.map((k) => [k, 0]));
  });

  it('a portfolio is legal exactly when its force lever holds a legal force action and its signal lever a legal signal', () => {
    const s = newGame(scenario('october-2023'), { seed: 'legal' });
    for (const side of ['us', 'iran'] as const) {
      const ids = ACTIONS.filter((a) => a.side === side).map((a) => a.id);
      fc.assert(
        fc.property(fc.constantFrom(...ids), fc.constantFrom(...ids), (force, signal) => {
          const p = { force, signal };
          const ok = actionById(force)!.track === 'force' && actionById(signal)!.track === 'signal';
          expect(isLegalPortfolio(s, side, p)).toBe(ok);
          const other = side === 'us' ? parsePortfolio('iran.hold-course', 'iran') : parsePortfolio('us.hold', 'us');
          const orders = side === 'us' ? { us: p, iran: other } : { us: other, iran: p };
          if (ok) {
            // Every legal portfolio is one of the side's portfolio IDs, and the engine plays it.
            expect(portfolioIds(side)).toContain(portfolioId(p));
            expect(step(s, orders).state.history[0]!.actions[side]).toEqual(p);
          } else expect(() => step(s, orders)).toThrow(/is a (force|signal) action, not a (force|signal) action/);
        }),
        { numRuns: 200 },
      );
      expect(portfolioIds(side)).toHaveLength(actionsOn(side, 'force').length * actionsOn(side, 'signal').length);
    }
  });

  it('refuses moves after the end and unknown actions', () => {
    let s = newGame(scenario('tower-22'), { seed: 'x' });
    const iran = parsePortfolio('iran.hold-course', 'iran');
    expect(() => step(s, { us: { force: 'us.nope', signal: 'us.none' }, iran })).toThrow(/unknown action/);
    expect(() => step(s, { us: iran, iran })).toThrow(/'iran.hold-course' is not an action of us/);
    expect(() => step(s, { us: 'us.hold' as never, iran })).toThrow(/an order is a portfolio/);
    while (!isOver(s)) s = step(s, ordersOf('us.hold', 'iran.public-threats')).state;
    expect(() => step(s, ordersOf('us.hold', 'iran.public-threats'))).toThrow(/over/);
  });
});
