/**
 * What a third newcomer playtest at 80×24 found on the screens, each rendered as the player met it: a
 * count of one read as a plural ("1 attacks on US").
 */
import { describe, expect, it } from 'vitest';
import { plural } from '../../src/analysis/render.ts';
import { newGame, step } from '../../src/engine/game.ts';
import { attacksOnUsForces } from '../../src/engine/history.ts';
import { observe } from '../../src/engine/observe.ts';
import { ordersOf } from '../../src/model/portfolio.ts';
import { loadScenario } from '../../src/scenario/loader.ts';
import { situationInfo } from '../../src/ui/screens/TurnScreen.tsx';
import { press } from '../helpers/ink.ts';
import { renderTurn } from '../helpers/turn-screen.tsx';

const tower = loadScenario('tower-22');

describe('a count of one reads singular', () => {
  it('plural words 0, 1, 2 and a formatted figure', () => {
    expect(plural(0, 'attack')).toBe('0 attacks');
    expect(plural(1, 'attack')).toBe('1 attack');
    expect(plural(2, 'attack')).toBe('2 attacks');
    expect(plural(1, 'US death')).toBe('1 US death');
    expect(plural(3, 'day')).toBe('3 days');
    // A rate already formatted: what is printed decides the noun.
    expect(plural('1', 'attack')).toBe('1 attack');
    expect(plural('1.5', 'attack')).toBe('1.5 attacks');
  });

  it('the situation pane says "So far: 1 attack on US" after a week with one', async () => {
    // tower-22, seed one-25: the US holds, Iran reins its groups in, and one attack reaches US forces.
    const s = step(newGame(tower, { seed: 'one-25' }), ordersOf('us.hold', 'iran.rein-in')).state;
    expect(attacksOnUsForces(s.history[0]!)).toBe(1);
    const info = situationInfo(observe(s, 'us'), 60).join('\n');
    expect(info).toContain('So far: 1 attack on US ·');
    expect(info).not.toContain('1 attacks');
    const view = renderTurn(s, 'us');
    await press(view.stdin, '2');
    expect(view.lastFrame()).toContain('So far: 1 attack on US');
    view.unmount();
  });
});
