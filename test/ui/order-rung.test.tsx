/**
 * An order's rung is named in the words of the side that gave it: Iran unleashing its partners acts at
 * rung 5, which the shared ladder calls "Calibrated strikes", the US's act there. The orders pane, the
 * confirmation, the debrief's chain of causes and `brink explain` all name it with orderRungName.
 */
import { describe, expect, it } from 'vitest';
import { causalChain } from '../../src/analysis/debrief/chain.ts';
import { explain } from '../../src/analysis/explain/explain.ts';
import { newGame, step } from '../../src/engine/game.ts';
import { logOf } from '../../src/engine/history.ts';
import type { Side } from '../../src/model/actions.ts';
import { orderRungName, rungName } from '../../src/model/ladder.ts';
import { ordersOf } from '../../src/model/portfolio.ts';
import { loadScenario } from '../../src/scenario/loader.ts';
import { press } from '../helpers/ink.ts';
import { renderTurn } from '../helpers/turn-screen.tsx';

const KEY = { enter: '\r', down: '\x1b[B', home: '\x1b[H' };
const tower = loadScenario('tower-22');

/** The orders pane of `side` at 80×24 with the force `label` chosen (from the top, ↓ until it is), and the confirmation of that order. */
async function ordered(side: Side, label: string): Promise<{ orders: string; confirm: string }> {
  const view = renderTurn(newGame(tower, { seed: '1' }), side, { cols: 80, rows: 24 });
  const chosen = () => new RegExp(`› \\[\\d+\\] ${label}`).test(view.lastFrame()!);
  await press(view.stdin, '3', KEY.home);
  for (let i = 0; i < 12 && !chosen(); i++) await press(view.stdin, KEY.down);
  expect(chosen(), label).toBe(true);
  const orders = view.lastFrame()!;
  await press(view.stdin, KEY.enter);
  const confirm = view.lastFrame()!;
  view.unmount();
  return { orders, confirm };
}

describe("an order's rung, named for the side that gave it", () => {
  it("the ladder keeps its names; an order at a rung named for the other side's act reads its own side's", () => {
    expect(rungName(5)).toBe('Calibrated strikes');
    expect(orderRungName(5, 'us')).toBe('Calibrated strikes');
    expect(orderRungName(5, 'iran')).toBe('Stepped-up proxy attacks');
    expect(orderRungName(3, 'us')).toBe('Sanctions & interdiction');
    expect(orderRungName(3, 'iran')).toBe('Arming proxies');
    // A rung that names no one side's act reads the same for both.
    for (const level of [0, 1, 4, 6, 8, 9])
      for (const side of ['us', 'iran'] as const) expect(orderRungName(level, side)).toBe(rungName(level));
  });

  it("Iran's orders pane and confirmation name Unleash the militias' rung by Iran's act; the US's calibrated strikes keep the ladder's name", async () => {
    const iran = await ordered('iran', 'Unleash the militias');
    expect(iran.orders).toContain('your order acts at rung 5: Stepped-up proxy attacks');
    expect(iran.confirm).toContain('Together: rung 5, Stepped-up proxy attacks');
    // Nowhere does Iran's order read as the US's act (the crisis stands at rung 6 in tower-22).
    for (const frame of [iran.orders, iran.confirm]) expect(frame).not.toContain('Calibrated strikes');
    const us = await ordered('us', 'Calibrated strikes on militias');
    expect(us.orders).toContain('your order acts at rung 5: Calibrated strikes');
    expect(us.confirm).toContain('Together: rung 5, Calibrated strikes');
  });

  it("the situation pane's ladder reads in the words of the side to move, as its orders do", async () => {
    const ladderOf = async (side: Side) => {
      const view = renderTurn(newGame(tower, { seed: '1' }), side, { cols: 80, rows: 24 });
      await press(view.stdin, '2');
      const frame = view.lastFrame()!;
      view.unmount();
      return frame;
    };
    const iran = await ladderOf('iran');
    expect(iran).toMatch(/ 5 Stepped-up proxy attacks/);
    expect(iran).toMatch(/ 3 Arming proxies/);
    expect(iran).not.toContain('Calibrated strikes');
    const us = await ladderOf('us');
    expect(us).toMatch(/ 5 Calibrated strikes/);
    expect(us).toMatch(/ 3 Sanctions & interdiction/);
    expect(us).not.toContain('Stepped-up proxy attacks');
  });

  it("the debrief's chain of causes and brink explain name it the same", () => {
    const state = step(newGame(tower, { seed: '1' }), ordersOf('us.hold', 'iran.unleash')).state;
    const index = logOf(state).findIndex((e) => e.kind === 'action' && e.actor === 'iran' && e.action === 'iran.unleash');
    expect(index).toBeGreaterThanOrEqual(0);
    expect(causalChain(state, index)[0]).toBe('Iran chose "Unleash the militias" (rung 5, Stepped-up proxy attacks)');
    expect(explain('iran.unleash').text).toContain('\n  rung 5 Stepped-up proxy attacks\n');
    expect(explain('us.calibrated-strikes').text).toContain('\n  rung 5 Calibrated strikes\n');
  });
});
