/**
 * A US player ordering a leadership strike sees how many commanders its intelligence can still find
 * (commandersInReach, F-10, F-11): after them the strike hits militia sites and kills nobody. The engine
 * and the orders pane count them with the same function.
 */
import { describe, expect, it } from 'vitest';
import { orderNote } from '../../src/analysis/render.ts';
import { newGame, step } from '../../src/engine/game.ts';
import { observe } from '../../src/engine/observe.ts';
import type { GameState } from '../../src/engine/state.ts';
import { actionById } from '../../src/model/actions.ts';
import { ordersOf } from '../../src/model/portfolio.ts';
import { loadScenario } from '../../src/scenario/loader.ts';
import { press } from '../helpers/ink.ts';
import { renderTurn } from '../helpers/turn-screen.tsx';

const KEY = { down: '\x1b[B', home: '\x1b[H' };
const october = loadScenario('october-2023');
const strike = ordersOf('us.leadership-strike', 'iran.hold-course');

/** The US orders pane at 80×24 with "Kill a militia commander" chosen. */
async function ordersPane(state: GameState): Promise<string> {
  const view = renderTurn(state, 'us', { cols: 80, rows: 24 });
  const chosen = () => /› \[\d+\] Kill a militia commander/.test(view.lastFrame()!);
  await press(view.stdin, '3', KEY.home);
  for (let i = 0; i < 12 && !chosen(); i++) await press(view.stdin, KEY.down);
  expect(chosen()).toBe(true);
  const frame = view.lastFrame()!;
  view.unmount();
  return frame;
}

describe('commanders still in reach', () => {
  it('the US sees how many are left, and Iran is not told; each strike that kills one takes one off', () => {
    let g = newGame(october, { seed: 'reach', params: { commandersInReach: 2 } });
    expect(observe(g, 'us').commandersLeft).toBe(2);
    expect(observe(g, 'iran').commandersLeft).toBeUndefined();
    g = step(g, strike).state;
    expect(observe(g, 'us').commandersLeft).toBe(1);
    g = step(step(g, strike).state, strike).state;
    expect(observe(g, 'us').commandersLeft).toBe(0);
    expect(g.actors.iraqiMilitias.context.leadersKilled).toBe(2);
  });

  it('the note is for the leadership strike only, and says what happens when none is left', () => {
    const leadership = actionById('us.leadership-strike')!;
    expect(orderNote(leadership, 3)).toBe(
      '3 commanders still in reach (F-10, F-11); after them this strike hits militia sites and kills nobody',
    );
    expect(orderNote(leadership, 1)).toMatch(/^1 commander still in reach .*after that one/);
    expect(orderNote(leadership, 0)).toMatch(/^No commander is left in reach/);
    expect(orderNote(actionById('us.calibrated-strikes')!, 3)).toBeUndefined();
    expect(orderNote(leadership, undefined)).toBeUndefined();
  });

  it('the orders pane shows it under the strike, at 80×24, before and after the roster is spent', async () => {
    const fresh = newGame(october, { seed: 'reach', params: { commandersInReach: 2 } });
    expect(await ordersPane(fresh)).toContain('2 commanders still in reach (F-10, F-11)');
    const spent = step(step(fresh, strike).state, strike).state;
    expect(await ordersPane(spent)).toContain('No commander is left in reach (F-10, F-11)');
  });
});
