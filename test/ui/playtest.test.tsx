/**
 * What a newcomer's playtest found, each rendered as the player met it: panes that hid lines at the
 * minimum size, keys the hot-seat hand-over ignored, save names cut off, dialogs worded for the wrong
 * moment, a silent Enter in the set-up, and one order named two ways.
 */
import { describe, expect, it } from 'vitest';
import { orderLabel, seenOrderText } from '../../src/analysis/render.ts';
import { newGame, step } from '../../src/engine/game.ts';
import { EMPTY_SIGNAL, ordersOf, parsePortfolio, portfolioIds, seenOrder } from '../../src/model/portfolio.ts';
import { loadScenario } from '../../src/scenario/loader.ts';
import { press } from '../helpers/ink.ts';
import { renderTurn } from '../helpers/turn-screen.tsx';

const tower = loadScenario('tower-22');

describe("one rendering of an order's name", () => {
  it('the other side\'s order, as seen, is named as the whole order is: "… + strike Houthi launchers" everywhere', () => {
    let both = 0;
    for (const side of ['us', 'iran'] as const)
      for (const id of portfolioIds(side)) {
        const p = parsePortfolio(id, side);
        const seen = seenOrder(p);
        if (seen.force === null) continue;
        // What was seen of it, named as the order with only those levers would be.
        const expected = orderLabel({ force: p.force, signal: seen.signal ?? EMPTY_SIGNAL[side] });
        expect(seenOrderText(seen), id).toBe(`"${expected}"`);
        if (seen.signal !== null) both++;
      }
    expect(both).toBeGreaterThan(10);
  });

  it("Iran's briefing and log name the US order as the US's own log does", async () => {
    const state = step(newGame(tower, { seed: '3' }), ordersOf('us.leadership-strike+us.strike-houthis', 'iran.rein-in')).state;
    const name = orderLabel(state.history[0]!.actions.us);
    expect(name).toBe('Kill a militia commander + strike Houthi launchers');
    const iran = renderTurn(state, 'iran', { cols: 120, rows: 30 });
    expect(iran.lastFrame()).toContain(`The other side's order: "${name}"`);
    await press(iran.stdin, 'l');
    expect(iran.lastFrame()).toContain(`United States: "${name}"`);
    iran.unmount();
    const us = renderTurn(state, 'us', { cols: 120, rows: 30 });
    await press(us.stdin, 'l');
    expect(us.lastFrame()).toContain(`United States (you): ${name}`);
    us.unmount();
  });
});
