/**
 * What a third newcomer playtest at 80×24 found on the screens, each rendered as the player met it: a
 * count of one read as a plural ("1 attacks on US"), the timeline's ladder drawing one block too many, a help that never said what "Record's read" is. Two findings were already fixed on main
 * and are pinned here: the header names the level chosen (not always "vs Normal"), and a save message
 * goes once the orders are sent.
 */
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { buildDebrief } from '../../src/analysis/debrief/debrief.ts';
import { plural } from '../../src/analysis/render.ts';
import { newGame, step } from '../../src/engine/game.ts';
import { attacksOnUsForces } from '../../src/engine/history.ts';
import { observe } from '../../src/engine/observe.ts';
import { MAX_RUNG } from '../../src/model/ladder.ts';
import { ordersOf } from '../../src/model/portfolio.ts';
import { getPolicy } from '../../src/policies/index.ts';
import { playGame } from '../../src/policies/play.ts';
import { loadScenario } from '../../src/scenario/loader.ts';
import { DebriefScreen } from '../../src/ui/screens/DebriefScreen.tsx';
import { HelpOverlay, helpLines } from '../../src/ui/screens/Overlays.tsx';
import { situationInfo } from '../../src/ui/screens/TurnScreen.tsx';
import { rungBar } from '../../src/ui/text.ts';
import { renderApp } from '../helpers/app.tsx';
import { press, render, resize } from '../helpers/ink.ts';
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

describe("the timeline's ladder bar", () => {
  const blocks = (s: string) => [...s].filter((c) => c === '█').length;

  it('draws as many blocks as the rung, for every rung from 0 to the top', () => {
    expect(rungBar(7)).toBe('███████');
    expect(rungBar(0)).toBe('');
    fc.assert(fc.property(fc.integer({ min: 0, max: MAX_RUNG }), (rung) => blocks(rungBar(rung)) === rung));
  });

  it("on the debrief page, each week's bar has the blocks of the rung printed beside it", async () => {
    const final = playGame(tower, { seed: '3', us: getPolicy('hawk', 'us'), iran: getPolicy('historical', 'iran') });
    const view = render(
      <DebriefScreen debrief={buildDebrief(final, tower)} sides={['us']} cols={80} rows={24} onQuit={() => {}} onHelp={() => {}} />,
    );
    await press(view.stdin, '3');
    const rows = view
      .lastFrame()!
      .split('\n')
      .map((l) => /^\d{4}-\d\d-\d\d\s+(█*) (\d+)\s/.exec(l))
      .filter((m) => m !== null);
    view.unmount();
    expect(rows.length).toBe(final.history.length);
    for (const m of rows) expect(m[1]!.length, m[0]).toBe(Number(m[2]));
    expect(rows.some((m) => Number(m[2]) > 0)).toBe(true);
  });
});

describe('the help explains the situation pane\'s "Record\'s read"', () => {
  const flat = (s: string) => s.replace(/\s+/g, ' ');

  it('under a heading in the words the screen uses', () => {
    const s = step(newGame(tower, { seed: '1' }), ordersOf('us.hold', 'iran.rein-in')).state;
    const shown = situationInfo(observe(s, 'us'), 60).at(-1)!;
    const label = shown.slice(0, shown.indexOf(':'));
    expect(label).toBe("Record's read");
    const help = helpLines(76);
    expect(help).toContainEqual({ text: label, bold: true });
    const text = flat(help.map((l) => l.text).join('\n'));
    expect(text).toContain(`The situation pane (2) ends on "${label}: …"`);
    expect(text).toContain('the posture the historical bot, the one Normal plays, would act from here');
    expect(text).toContain('not your stance and not an order');
  });

  it('which the overlay at 80×24 reaches by scrolling, each line within the box', async () => {
    const view = render(<HelpOverlay width={80} height={24} onClose={() => {}} />);
    let seen = '';
    for (let i = 0; i < 8; i++) {
      const frame = view.lastFrame()!;
      for (const l of frame.split('\n')) expect(l.length, l).toBeLessThanOrEqual(80);
      seen += `${frame}\n`;
      await press(view.stdin, '\x1b[6~');
    }
    view.unmount();
    expect(seen).toContain("│ Record's read");
    expect(flat(seen.replace(/[│╭╮╰╯─]/g, ' '))).toContain('not your stance and not an order');
  });
});

describe('already fixed on main, pinned', () => {
  const KEY = { enter: '\r' };

  for (const [opponent, label] of [
    ['easy', 'Easy'],
    ['historical', 'Normal'],
    ['hard', 'Hard'],
  ] as const)
    it(`the header names the level chosen: vs ${label}, at 80 and 60 columns`, () => {
      const view = renderApp({ scenarios: [tower], preset: { scenario: tower, side: 'us', opponent, seed: '3' } });
      for (const cols of [80, 60]) {
        resize(view, cols, 24);
        const header = view.lastFrame()!.split('\n')[0]!;
        expect(header).toContain(`vs ${label}`);
        if (label !== 'Normal') expect(header).not.toContain('Normal');
      }
      view.unmount();
    });

  for (const side of ['us', 'both'] as const)
    it(`a "Saved …" message goes once the orders are sent (${side === 'both' ? 'hot-seat' : 'one side'})`, async () => {
      const message = 'Saved before the first turn to brink-tower-22-3.save.json';
      const onSave = vi.fn(() => ({ ok: true, message }));
      const view = renderApp({ scenarios: [tower], preset: { scenario: tower, side, opponent: 'historical', seed: '3' }, onSave });
      if (side === 'both') await press(view.stdin, KEY.enter); // the hand-over to the US player
      await press(view.stdin, 's');
      expect(view.lastFrame()).toContain(message);
      // Orders: Enter opens the orders pane, Enter sends the highlighted order, y confirms it.
      await press(view.stdin, KEY.enter, KEY.enter, 'y');
      expect(view.lastFrame()).not.toContain('Saved');
      if (side === 'both') {
        // The US order sealed, the hand-over to Iran, whose order plays the turn.
        await press(view.stdin, KEY.enter, KEY.enter, KEY.enter, 'y');
        expect(view.lastFrame()).not.toContain('Saved');
      }
      expect(view.lastFrame()).toContain(side === 'both' ? 'Turn 2: United States to play' : 'turn 2/4');
      view.unmount();
    });
});
