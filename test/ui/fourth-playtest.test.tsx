/**
 * What a fourth newcomer playtest at 80×24 found: the header named the rung the crisis stands on as the
 * player's own act when the other side had put it there, and the tab row gave up its spacing for a long
 * rung name, so it shifted from turn to turn; on the debrief Shift-Tab went forwards and Enter was
 * nowhere listed; ? did nothing on the confirmation; the help promised six debrief pages to a game with five.
 */
import { describe, expect, it, vi } from 'vitest';
import { buildDebrief } from '../../src/analysis/debrief/debrief.ts';
import { newGame, step } from '../../src/engine/game.ts';
import type { GameState } from '../../src/engine/state.ts';
import type { Side } from '../../src/model/actions.ts';
import { ordersOf } from '../../src/model/portfolio.ts';
import { getPolicy } from '../../src/policies/index.ts';
import { playGame } from '../../src/policies/play.ts';
import { loadScenario } from '../../src/scenario/loader.ts';
import { DebriefScreen } from '../../src/ui/screens/DebriefScreen.tsx';
import { helpLines } from '../../src/ui/screens/Overlays.tsx';
import { renderApp } from '../helpers/app.tsx';
import { press, render, resize } from '../helpers/ink.ts';
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

const KEY = { enter: '\r', tab: '\t', shiftTab: '\x1b[Z', right: '\x1b[C', left: '\x1b[D' };
const noop = () => {};
const finished = (scenario: typeof rafah) =>
  playGame(scenario, { seed: 'abc', us: getPolicy('historical', 'us'), iran: getPolicy('historical', 'iran') });

describe('the debrief keys', () => {
  const debrief = buildDebrief(finished(rafah), rafah);
  it('Shift-Tab goes back a page, as through the panes of a turn; Tab and Enter go on', async () => {
    const view = render(<DebriefScreen debrief={debrief} sides={['us', 'iran']} cols={120} rows={24} onQuit={noop} onHelp={noop} />);
    expect(view.lastFrame()).toContain('Verdict:');
    await press(view.stdin, '3');
    expect(view.lastFrame()).toContain('ladder (rung)');
    await press(view.stdin, KEY.shiftTab);
    expect(view.lastFrame()).not.toContain('ladder (rung)');
    expect(view.lastFrame()).toMatch(/\d{4}-\d{2}-\d{2} \(turn \d+\)|No single event moved/); // turning points
    await press(view.stdin, KEY.tab);
    expect(view.lastFrame()).toContain('ladder (rung)');
    await press(view.stdin, KEY.shiftTab, KEY.shiftTab, KEY.shiftTab);
    // From the verdict, back wraps to the last page, the questions.
    expect(view.lastFrame()).toContain('Questions for discussion');
    await press(view.stdin, KEY.enter);
    expect(view.lastFrame()).toContain('Verdict:');
    view.unmount();
  });

  it("the footer lists Enter and rafah's five pages; a historical scenario's debrief has six", () => {
    const footer = (d: typeof debrief) => {
      const view = render(<DebriefScreen debrief={d} sides={['us']} cols={80} rows={24} onQuit={noop} onHelp={noop} onSave={noop} />);
      const last = view.lastFrame()!.split('\n').at(-1)!;
      view.unmount();
      return last;
    };
    expect(footer(debrief)).toContain('← → Enter 1-5 pages');
    const tower = loadScenario('tower-22');
    expect(footer(buildDebrief(finished(tower), tower))).toContain('← → Enter 1-6 pages');
  });

  it("the help gives the debrief's real page count, and lists Enter", async () => {
    expect(helpLines(76, 5).map((l) => l.text)).toContain(
      `${'debrief'.padEnd(18)} ← → Tab Enter, 1-5: pages (4 beliefs vs truth); ↑↓ scroll`,
    );
    const setup = { scenario: rafah, side: 'us' as const, opponent: 'historical', seed: 'abc' };
    const view = renderApp({ scenarios: [rafah], preset: {}, resume: { setup, state: finished(rafah) } });
    resize(view, 80, 24);
    expect(view.lastFrame()).toContain('Verdict:');
    await press(view.stdin, '?');
    const help = view.lastFrame()!.replace(/[│\s]+/g, ' ');
    expect(help).toContain('debrief ← → Tab Enter, 1-5: pages (4 beliefs vs truth)');
    expect(help).not.toContain('1-6');
    view.unmount();
  });
});

describe('? on the confirmation', () => {
  it('opens the help, which closes back onto the order to confirm; the footer lists it', async () => {
    const view = renderApp({ scenarios: [rafah], preset: { scenario: rafah, side: 'us', opponent: 'historical', seed: 'abc' } });
    resize(view, 80, 24);
    await press(view.stdin, '3', KEY.enter);
    expect(view.lastFrame()).toContain('Confirm your order');
    expect(view.lastFrame()!.split('\n').at(-1)).toBe('Enter/y confirm · Esc/n back (undo) · ? help');
    await press(view.stdin, '?');
    expect(view.lastFrame()).toContain('Any key closes this help');
    // Mid-game too, the help counts the pages rafah's debrief will have.
    expect(view.lastFrame()).toContain('← → Tab Enter, 1-5: pages');
    await press(view.stdin, 'x');
    expect(view.lastFrame()).toContain('Confirm your order');
    await press(view.stdin, 'y');
    expect(view.lastFrame()).toContain('turn 2/10');
    view.unmount();
  });
});

describe('quitting', () => {
  it('leaves no quit question in the last frame (the debrief is printed after it)', async () => {
    const onExit = vi.fn();
    const view = renderApp({ scenarios: [rafah], preset: { scenario: rafah, side: 'us', opponent: 'historical', seed: 'abc' }, onExit });
    resize(view, 80, 24);
    await press(view.stdin, 'q');
    expect(view.lastFrame()).toContain('Quit Brink?');
    await press(view.stdin, 'y');
    expect(onExit).toHaveBeenCalledTimes(1);
    expect(view.lastFrame()).not.toContain('Quit Brink?');
    expect(view.lastFrame()!.trim()).toBe('');
    view.unmount();
  });
});
