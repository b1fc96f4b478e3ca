/**
 * Strikes inside Iran are counted among the US strikes outside Yemen, but the record's strikes hit Iraq
 * and Syria only (F-09, D-15, R-USA-03). The week's strike line and the debrief's comparison with the
 * record say how many hit Iran, so a player who struck Iran does not read their count as the record's kind.
 */
import { describe, expect, it } from 'vitest';
import { STRIKES_INSIDE_IRAN, weekCountLines } from '../../src/analysis/counts.ts';
import { compare } from '../../src/analysis/debrief/comparison.ts';
import { newGame, step } from '../../src/engine/game.ts';
import { observe } from '../../src/engine/observe.ts';
import type { Decisions, GameState } from '../../src/engine/state.ts';
import { ordersOf } from '../../src/model/portfolio.ts';
import { loadScenario } from '../../src/scenario/loader.ts';
import { turnLog } from '../../src/analysis/turn-log.ts';

/** Tower 22 with no chance of war, so the game reaches the week of 2 Feb whatever the US strikes. */
function played(orders: Decisions, turns: number): GameState {
  let s = newGame(loadScenario('tower-22'), {
    seed: 'inside-iran',
    params: { warShockBase: 0, warHazardIranStrike: 0, warHazardIrgcStrike: 0, iranAnswersHomelandStrike: 0 },
  });
  for (let t = 0; t < turns && !s.over; t++) s = step(s, orders).state;
  return s;
}

describe('strikes inside Iran', () => {
  it("are said apart on the week's strike line, as both sides see it", () => {
    const s = played(ordersOf('us.strike-iran', 'iran.hold-course'), 1);
    for (const side of ['us', 'iran'] as const) {
      const week = observe(s, side).history.at(-1)!;
      expect(week.strikesOnIran).toBeGreaterThan(0);
      const strikes = weekCountLines(week)[1];
      expect(strikes).toContain(`${STRIKES_INSIDE_IRAN} ${week.strikesOnIran}`);
      expect(strikes).toContain(`US strikes outside Yemen ${week.usStrikes}`);
    }
    const held = played(ordersOf('us.major-campaign', 'iran.hold-course'), 1);
    expect(weekCountLines(observe(held, 'us').history.at(-1)!)[1]).not.toContain(STRIKES_INSIDE_IRAN);
  });

  it("are named beside the record's count of the 2 Feb strikes, which hit none in Iran", () => {
    const scenario = loadScenario('tower-22');
    const figure = (s: GameState) => compare(s, scenario)!.figures.find((f) => f.id === 'us-response-after-deaths')!;
    const iran = figure(played(ordersOf('us.strike-iran', 'iran.hold-course'), 2));
    expect(iran.game).toMatch(/^\d+ \((\d+) of them inside Iran, where the record has none\)$/);
    const [whole, inside] = /^(\d+) \((\d+)/.exec(iran.game)!.slice(1).map(Number);
    expect(inside).toBe(whole);
    expect(figure(played(ordersOf('us.major-campaign', 'iran.hold-course'), 2)).game).toMatch(/^\d+$/);
  });
});

describe("Iran's own fire on US forces", () => {
  it('gets a line of its own in the week, for both sides, and names what was fired', () => {
    let s = newGame(loadScenario('october-2023'), {
      seed: 'iran-fire',
      params: { warShockBase: 0, warHazardPerRung: 0 },
    });
    s = step(s, ordersOf('us.hold', 'iran.missile-strike')).state;
    for (const side of ['us', 'iran'] as const) {
      const lines = turnLog(s, side, { offRecord: [side] }).at(-1)!.events;
      expect(lines).toContain("Iran's own forces fire on US forces (Missiles from Iran)");
    }
    // Iran's other orders stay on the orders' own line, not the events.
    const quiet = step(newGame(loadScenario('october-2023'), { seed: 'iran-fire' }), ordersOf('us.hold', 'iran.hold-course')).state;
    expect(
      turnLog(quiet, 'us')
        .at(-1)!
        .events.some((l) => l.includes('Iran orders')),
    ).toBe(false);
  });
});
