/**
 * Events are data: every kind the engine logs carries IDs, counts and draws, never prose, and the one
 * renderer at the edge (src/analysis/render.ts) turns each kind into a sentence.
 */
import { describe, expect, it } from 'vitest';
import { renderEvent } from '../../src/analysis/render.ts';
import { EVENT_KINDS, type EventKind, type GameEvent } from '../../src/engine/events.ts';
import { newGame, step } from '../../src/engine/game.ts';
import { logOf } from '../../src/engine/history.ts';
import type { Decisions, GameState } from '../../src/engine/state.ts';
import type { Scenario } from '../../src/scenario/schema.ts';
import { scenario } from '../helpers/fixtures.ts';
import { ordersOf } from '../../src/model/portfolio.ts';

function play(s: GameState, orders: (turn: number) => Decisions): GameState {
  while (!s.over) s = step(s, orders(s.turn)).state;
  return s;
}

/** Games chosen so that, together, they log every kind of event. */
function sampleEvents(): GameEvent[] {
  const rafah = scenario('rafah');
  const certainRafah: Scenario = {
    ...rafah,
    injects: rafah.injects.map((i) => (i.kind === 'rafah-window' ? { ...i, chancePerTurn: 1 } : i)),
  };
  const games = [
    // The November truce, envoys, deliberations, strikes and deaths (lethality raised).
    play(newGame(scenario('october-2023'), { seed: 'kinds', params: { fatalityPerAttack: 0.3 } }), (t) =>
      ordersOf(t % 2 === 0 ? 'us.major-campaign' : 'us.warn', t === 1 ? 'iran.rein-in' : 'iran.hold-course'),
    ),
    // A Rafah decision and assault.
    play(newGame(certainRafah, { seed: 'kinds' }), () => ordersOf('us.hold', 'iran.public-threats')),
    // A direct exchange that becomes regional war (certain here: a limited exchange is war only with a chance, Q-15).
    play(newGame(scenario('tower-22'), { seed: 'kinds', params: { warFromDirectExchange: 1 } }), () =>
      ordersOf('us.strike-iran', 'iran.missile-strike'),
    ),
  ];
  return games.flatMap((g) => [...logOf(g)]);
}

describe('events as data', () => {
  const events = sampleEvents();

  it('the sample covers every kind of event the engine can log', () => {
    const seen = new Set<EventKind>(events.map((e) => e.kind));
    expect([...seen].sort()).toEqual([...EVENT_KINDS].sort());
  });

  it('the renderer gives every kind of event a sentence of its own', () => {
    for (const kind of EVENT_KINDS) {
      const e = events.find((x) => x.kind === kind)!;
      const text = renderEvent(e);
      expect(text.length, kind).toBeGreaterThan(10);
      expect(text, kind).not.toMatch(/undefined|NaN|\[object/);
    }
  });

  it("no event carries prose: every text field is an ID, except a scenario inject's own note", () => {
    const id = /^[A-Za-z0-9_.:-]+$/;
    for (const e of events) {
      for (const [k, v] of Object.entries(e)) {
        if (typeof v !== 'string' || k === 'note') continue;
        expect(v, `${e.kind}.${k}`).toMatch(id);
      }
    }
  });

  it("a strike that kills a militia commander says so in the turn's log, one past the roster says none was in reach; other strikes do neither", () => {
    const g = play(newGame(scenario('october-2023'), { seed: 'commander' }), (t) =>
      ordersOf(t % 2 === 0 ? 'us.leadership-strike' : 'us.calibrated-strikes', 'iran.hold-course'),
    );
    const strikes = logOf(g).filter((e) => e.kind === 'strike');
    const aimed = strikes.filter((e) => e.action === 'us.leadership-strike');
    const other = strikes.filter((e) => e.action !== 'us.leadership-strike');
    // The first strikes find a commander while any is left in reach (commandersInReach); the rest say none was.
    const reach = g.params.commandersInReach;
    expect(aimed.length).toBeGreaterThan(reach);
    expect(other.length).toBeGreaterThan(0);
    for (const e of aimed.slice(0, reach)) expect(renderEvent(e)).toMatch(/a militia commander is killed$/);
    for (const e of aimed.slice(reach)) expect(renderEvent(e)).toMatch(/no commander is left in reach, so they hit militia sites$/);
    for (const e of other) expect(renderEvent(e)).not.toMatch(/commander/);
    // One kill a commander strike that found one, as the score's count has it.
    expect(reach).toBe(g.history.reduce((n, h) => n + h.leadersKilled, 0));
  });
});

describe('a cause before its reactions', () => {
  it('a US strike package is logged before the vows, relapses and protests it sets off (tower-22, seed 11: the vow came first)', () => {
    const reactions = new Set(['STRUCK', 'RELAPSE_DRAW', 'COMMANDER_KILLED', 'HOMELAND_STRUCK']);
    let checked = 0;
    for (const seed of ['11', 'order-1', 'order-2']) {
      const g = play(newGame(scenario('tower-22'), { seed }), (t) =>
        ordersOf(t % 2 === 0 ? 'us.leadership-strike' : 'us.calibrated-strikes', t < 2 ? 'iran.rein-in' : 'iran.hold-course'),
      );
      for (const t of g.history) {
        t.events.forEach((e, i) => {
          if (e.kind !== 'posture' || !reactions.has(e.on)) return;
          checked++;
          const strike = t.events.findIndex((c) => c.kind === 'strike');
          expect(strike, `${renderEvent(e)} (turn ${t.turn + 1})`).toBeGreaterThanOrEqual(0);
          expect(strike, `${renderEvent(e)} (turn ${t.turn + 1})`).toBeLessThan(i);
        });
      }
    }
    expect(checked).toBeGreaterThan(5);
  });
});
