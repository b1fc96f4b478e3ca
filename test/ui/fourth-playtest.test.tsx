/**
 * What a fourth newcomer playtest at 80×24 found: the header named the rung the crisis stands on as the
 * player's own act when the other side had put it there, and the tab row gave up its spacing for a long
 * rung name, so it shifted from turn to turn.
 */
import { describe, expect, it } from 'vitest';
import { newGame, step } from '../../src/engine/game.ts';
import type { GameState } from '../../src/engine/state.ts';
import type { Side } from '../../src/model/actions.ts';
import { ordersOf } from '../../src/model/portfolio.ts';
import { loadScenario } from '../../src/scenario/loader.ts';
import { press } from '../helpers/ink.ts';
import { renderTurn } from '../helpers/turn-screen.tsx';

const rafah = loadScenario('rafah');
const redSea = loadScenario('red-sea');
const TABS = ' 1 Briefing  2 Situation  3 Orders  4 Goals  5 Log ';

/** The tab row and the situation pane of `side` at 80×24. */
async function seen(state: GameState, side: Side): Promise<{ tabs: string; situation: string }> {
  const view = renderTurn(state, side, { cols: 80, rows: 24 });
  const tabs = view.lastFrame()!.split('\n')[1]!;
  await press(view.stdin, '2');
  const situation = view.lastFrame()!;
  view.unmount();
  return { tabs, situation };
}

describe('the rung the crisis stands on is named for what put it there', () => {
  it('rafah: the US strikes, Iran holds its course: Iran reads calibrated strikes, not its own stepped-up attacks', async () => {
    const state = step(newGame(rafah, { seed: 'abc' }), ordersOf('us.calibrated-strikes', 'iran.hold-course')).state;
    expect(state.world.rung).toBe(5);
    const iran = await seen(state, 'iran');
    expect(iran.tabs).toMatch(/rung 5: Calibrated strikes$/);
    expect(iran.situation).toContain('▶ 5 Calibrated strikes');
    expect(iran.tabs + iran.situation).not.toContain('Stepped-up');
    // The rungs the crisis is not on keep Iran's words, as its orders name them.
    expect(iran.situation).toContain('  3 Arming proxies');
    const us = await seen(state, 'us');
    expect(us.tabs).toMatch(/rung 5: Calibrated strikes$/);
  });

  it('the first turn of rafah (rung 5 from before the game) reads by the ladder, for Iran as for the US', async () => {
    const iran = await seen(newGame(rafah, { seed: 'abc' }), 'iran');
    expect(iran.tabs).toMatch(/rung 5: Calibrated strikes$/);
    expect(iran.situation).toContain('▶ 5 Calibrated strikes');
  });

  it('red-sea: the same for Iran after the US strikes', async () => {
    const state = step(newGame(redSea, { seed: 'abc' }), ordersOf('us.calibrated-strikes', 'iran.hold-course')).state;
    expect(state.world.rung).toBe(5);
    const iran = await seen(state, 'iran');
    expect(iran.tabs).toMatch(/rung 5: Calibrated strikes$/);
    expect(iran.situation).toContain('▶ 5 Calibrated strikes');
  });

  it("where Iran's own order put the crisis on rung 5, Iran reads it in its own words, in the header and on the ladder", async () => {
    const state = step(newGame(rafah, { seed: 'abc' }), ordersOf('us.hold', 'iran.unleash')).state;
    expect(state.world.rung).toBe(5);
    const iran = await seen(state, 'iran');
    // Cut at 80 columns rather than the tabs squeezed (the ladder has it whole).
    expect(iran.tabs).toBe(`${TABS} rung 5: Stepped-up proxy a…`);
    expect(iran.situation).toContain('▶ 5 Stepped-up proxy attacks');
  });
});

describe('the tab row at 80 columns', () => {
  it('keeps its spacing whatever the rung, turn after turn: a long rung name is cut instead', async () => {
    const start = newGame(rafah, { seed: 'abc' });
    const states = [
      start,
      step(start, ordersOf('us.hold', 'iran.hold-course')).state,
      step(start, ordersOf('us.leadership-strike', 'iran.hold-course')).state,
      step(start, ordersOf('us.interdict', 'iran.arm-houthis')).state,
    ];
    expect(states.map((s) => s.world.rung)).toEqual([5, 4, 6, expect.any(Number)]);
    for (const side of ['us', 'iran'] as const)
      for (const s of states) {
        const { tabs } = await seen(s, side);
        expect(tabs.startsWith(`${TABS} rung ${s.world.rung}: `), tabs).toBe(true);
        expect(tabs.length).toBeLessThanOrEqual(79);
      }
    const { tabs } = await seen(states[2]!, 'us');
    expect(tabs).toBe(`${TABS} rung 6: Lethal targeted ac…`);
  });
});
