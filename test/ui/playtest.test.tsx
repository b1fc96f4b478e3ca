/**
 * What a newcomer's playtest found, each rendered as the player met it: panes that hid lines at the
 * minimum size, keys the hot-seat hand-over ignored, save names cut off, dialogs worded for the wrong
 * moment, a silent Enter in the set-up, and one order named two ways.
 */
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { ACTOR_NAMES } from '../../src/model/actors/index.ts';
import { intelLine, orderLabel, postureLabel, seenOrderText, weekEventLines } from '../../src/analysis/render.ts';
import { legalOn, newGame, step } from '../../src/engine/game.ts';
import { observe } from '../../src/engine/observe.ts';
import type { GameState } from '../../src/engine/state.ts';
import type { Side } from '../../src/model/actions.ts';
import { loadEvidence } from '../../src/model/evidence.ts';
import { orderRungName, RUNGS } from '../../src/model/ladder.ts';
import { EMPTY_SIGNAL, ordersOf, parsePortfolio, portfolioIds, seenOrder } from '../../src/model/portfolio.ts';
import { QUANTITIES, type QuantityId } from '../../src/model/quantities.ts';
import { getPolicy } from '../../src/policies/index.ts';
import { playGame } from '../../src/policies/play.ts';
import { loadScenario } from '../../src/scenario/loader.ts';
import { parseSave, replaySave, saveText } from '../../src/engine/save.ts';
import { resumedText, saveOf } from '../../src/ui/session.ts';
import { QuitConfirm } from '../../src/ui/screens/Overlays.tsx';
import { type Pane, situationColumns, tabLine, TurnScreen } from '../../src/ui/screens/TurnScreen.tsx';
import { gaugeLine, joinHints } from '../../src/ui/text.ts';
import { press, render, resize } from '../helpers/ink.ts';
import { renderApp } from '../helpers/app.tsx';
import { renderTurn } from '../helpers/turn-screen.tsx';
import { renderSetup } from '../helpers/setup-screen.tsx';

const tower = loadScenario('tower-22');
const october = loadScenario('october-2023');
const KEY = { enter: '\r', down: '\x1b[B', pgdn: '\x1b[6~' };
const noop = () => {};
const PANES: readonly Pane[] = ['briefing', 'situation', 'orders', 'goals', 'log'];

function fits(frame: string | undefined, cols: number, rows: number) {
  const lines = (frame ?? '').split('\n');
  expect(lines.length).toBeLessThanOrEqual(rows);
  for (const l of lines) expect(l.length, l).toBeLessThanOrEqual(cols);
}

/** A week of every front busy: both militia reads for Iran, counts that wrap at 60 columns. */
const busy = (): GameState => step(newGame(tower, { seed: '7' }), ordersOf('us.calibrated-strikes+us.warn', 'iran.unleash')).state;

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

describe('the briefing pane at the minimum size', () => {
  for (const side of ['us', 'iran'] as const)
    it(`${side} at 60×16: ↓ reaches every event and every intelligence read of the week, with a row saying what is hidden`, async () => {
      const [cols, rows] = [60, 16];
      const state = busy();
      const obs = observe(state, side);
      const view = renderTurn(state, side, { cols, rows });
      const body = (f: string) =>
        f
          .split('\n')
          .slice(2, rows - 3)
          .map((l) => l.trimEnd())
          .filter((l) => !/more: ↑↓/.test(l));
      const frames = [view.lastFrame()!];
      for (let i = 0; i < 60; i++) {
        await press(view.stdin, KEY.down);
        if (view.lastFrame() === frames.at(-1)) break;
        frames.push(view.lastFrame()!);
      }
      view.unmount();
      for (const f of frames) fits(f, cols, rows);
      expect(frames.length, 'the week overflows 60×16, so the pane must scroll').toBeGreaterThan(1);
      expect(frames[0]).toMatch(/↓ \d+ more: ↑↓ PgUp PgDn/);
      expect(frames[0]).not.toContain('press l for the log');
      const lines = body(frames[0]!);
      for (const f of frames.slice(1)) lines.push(body(f).at(-1)!);
      const text = lines.join(' ').replace(/\s+/g, ' ');
      const flat = (t: string) => t.replace(/\s+/g, ' ');
      // The events as the briefing words them: beside the count lines, the attacks on US forces are not counted again,
      // and the player's own side is off the record (its machine's moves get no line).
      const events = weekEventLines(obs.events, obs.history.at(-1)!, { attacksCounted: true, offRecord: [side] });
      expect(events.length).toBeGreaterThan(2);
      for (const e of events) expect(text).toContain(flat(e));
      expect(obs.intel.length).toBeGreaterThan(0);
      for (const i of obs.intel) expect(text).toContain(flat(intelLine(i)));
    });
});

describe('the situation pane at the minimum size', () => {
  /**
   * Every line of the column beside the ladder, read by pressing ↓ until the pane stops moving: the first
   * frame's lines, then the one line each press brings in. Checks each frame as it goes.
   */
  async function readSituation(view: ReturnType<typeof renderTurn>, cols: number, rows: number): Promise<string[]> {
    const start = situationColumns(Math.max(30, cols - 1)).ladder + 2;
    const column = (f: string) =>
      f
        .split('\n')
        .slice(2, rows - 3)
        .map((l) => l.slice(start).trimEnd())
        .filter((l) => !/more: ↑↓/.test(l));
    await press(view.stdin, '2');
    const frames = [view.lastFrame()!];
    for (let i = 0; i < 40; i++) {
      await press(view.stdin, KEY.down);
      if (view.lastFrame() === frames.at(-1)) break;
      frames.push(view.lastFrame()!);
    }
    for (const f of frames) {
      fits(f, cols, rows);
      // The ladder stays whole while the column beside it scrolls.
      expect(f).toContain('10 Regional war');
      expect(f).toContain('0 Accommodation');
    }
    expect(frames.length, 'the pane overflows at this size, so it must scroll').toBeGreaterThan(1);
    expect(frames[0]).toMatch(/↓ \d+ more: ↑↓ PgUp PgDn/);
    expect(frames.at(-1)).toMatch(/↑ \d+ more: ↑↓ PgUp PgDn/);
    const lines = column(frames[0]!);
    for (const f of frames.slice(1)) lines.push(column(f).at(-1)!);
    return lines;
  }

  for (const side of ['us', 'iran'] as const)
    for (const [cols, rows] of [
      [60, 16],
      [60, 20],
    ] as const)
      it(`${side} at ${cols}×${rows}: ↓ reaches every line, and each bar keeps its value beside its label`, async () => {
        const state = busy();
        const obs = observe(state, side);
        const view = renderTurn(state, side, { cols, rows });
        const lines = await readSituation(view, cols, rows);
        view.unmount();
        const text = lines.join(' ').replace(/\s+/g, ' ');
        // Each quantity the side sees: its whole name, its bar and its value on one line.
        const seen = Object.entries(obs.pressures).filter(([, v]) => v !== undefined) as [QuantityId, number][];
        expect(seen.length).toBeGreaterThanOrEqual(4);
        for (const [id, v] of seen) {
          const name = QUANTITIES[id].name;
          expect(
            lines.some((l) => l.startsWith(name) && l.endsWith(` ${v.toFixed(2)}`) && /[█·]{3,}/.test(l)),
            name,
          ).toBe(true);
        }
        expect(text).toContain(`Record's read: ${obs.posture.meta.label}`);
        expect(text).toMatch(/So far: \d+ attacks on US · \d+ killed · \d+ injured/);
        if (side === 'iran') {
          for (const p of obs.partners!) expect(text).toContain(`${ACTOR_NAMES[p.actor]}: ${postureLabel(p.actor, p.posture)}`);
          expect(text).toContain('Syrian militias:');
          expect(text).toContain('Iraqi militias (KH, Nujaba):');
        }
      });

  it('PgDn and End reach the last line too, and the footer says the pane scrolls', async () => {
    const view = renderTurn(busy(), 'iran', { cols: 60, rows: 16 });
    await press(view.stdin, '2');
    expect(view.lastFrame()!.split('\n').at(-1)).toContain('↑↓ PgUp PgDn scroll');
    expect(view.lastFrame()).not.toContain("Record's read:");
    await press(view.stdin, KEY.pgdn, KEY.pgdn, KEY.pgdn);
    expect(view.lastFrame()).toContain("Record's read:");
    await press(view.stdin, '\x1b[H');
    expect(view.lastFrame()).not.toContain("Record's read:");
    await press(view.stdin, '\x1b[F');
    expect(view.lastFrame()).toContain("Record's read:");
    view.unmount();
  });

  it('gaugeLine narrows the bar, then shortens the label; the value is never cut', () => {
    expect(gaugeLine('US pressure at home', 0.01, 29, 19)).toBe('US pressure at home ···· 0.01');
    expect(gaugeLine('US pressure at home', 0.5, 24, 19)).toBe('US pressure at… ██· 0.50');
    fc.assert(
      fc.property(
        fc.constantFrom(...Object.values(QUANTITIES).map((q) => q.name)),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.integer({ min: 12, max: 60 }),
        (label, v, width) => {
          const line = gaugeLine(label, v, width, 19);
          expect(line.length).toBeLessThanOrEqual(width);
          expect(line.endsWith(` ${v.toFixed(2)}`)).toBe(true);
          const shown = line.split(/ [█·]+ /)[0]!.trimEnd();
          expect(shown === label || (shown.endsWith('…') && label.startsWith(shown.slice(0, -1)))).toBe(true);
        },
      ),
    );
  });
});

describe('the evidence at the minimum size', () => {
  it("↓ scrolls the evidence under its title to each cited fact's last words; e closes it and ↑↓ choose again", async () => {
    const state = step(newGame(october, { seed: '42' }), ordersOf('us.calibrated-strikes', 'iran.hold-course')).state;
    const view = renderTurn(state, 'us', { cols: 60, rows: 16 });
    await press(view.stdin, '3', 'e');
    const frames = [view.lastFrame()!];
    expect(frames[0]).toMatch(/↓ \d+ more: ↑↓ PgUp PgDn/);
    for (let i = 0; i < 60; i++) {
      await press(view.stdin, KEY.down);
      if (view.lastFrame() === frames.at(-1)) break;
      frames.push(view.lastFrame()!);
    }
    for (const f of frames) {
      fits(f, 60, 16);
      expect(f).toContain('Evidence for "Calibrated strikes on militias"');
    }
    const all = frames.join('\n');
    const action = legalOn(state, 'us', 'force').find((a) => a.id === 'us.calibrated-strikes')!;
    for (const id of action.cites) {
      const fact = loadEvidence().facts.get(id)!;
      expect(all).toContain(`${id} · `);
      expect(all, id).toContain(fact.text.split(/\s+/).slice(-2).join(' '));
    }
    await press(view.stdin, 'e', KEY.down);
    expect(view.lastFrame()).toContain('› [6] Kill a militia');
    view.unmount();
  });
});

describe('the header and footers at 60 and 80 columns', () => {
  const turnAt = (state: GameState, side: Side, versus: string, cols: number, rows = 20) => renderTurn(state, side, { versus, cols, rows });

  it('the score is always in the header: the date goes first, then the opponent', () => {
    const state = busy();
    for (const side of ['us', 'iran'] as const) {
      const score = /score [\d.]+/.exec(turnAt(state, side, 'Historical bot', 80).lastFrame()!)![0];
      for (const versus of ['Historical bot', 'Always kill a militia commander + strike Houthi launchers bot'])
        for (const cols of [60, 80]) {
          const header = turnAt(state, side, versus, cols).lastFrame()!.split('\n')[0]!;
          expect(header.length).toBeLessThanOrEqual(cols - 1);
          expect(header, `${side} ${versus} ${cols}`).toMatch(
            new RegExp(`^${side === 'us' ? 'United States' : 'Iran'} · turn .* · ${score}$`),
          );
        }
    }
    // The US's header, the longer: which parts go first.
    {
      const side = 'us';
      const score = /score [\d.]+/.exec(turnAt(state, side, 'Historical bot', 80).lastFrame()!)![0];
      const obs = observe(state, side);
      for (const [versus, cols, date, opponent] of [
        ['Historical bot', 80, true, true],
        ['Historical bot', 60, false, true],
        ['Always kill a militia commander + strike Houthi launchers bot', 80, true, false],
        ['Always kill a militia commander + strike Houthi launchers bot', 60, true, false],
      ] as const) {
        const header = turnAt(state, side, versus, cols).lastFrame()!.split('\n')[0]!;
        expect(header.length).toBeLessThanOrEqual(cols - 1);
        expect(header, `${side} ${versus} ${cols}`).toMatch(new RegExp(`${score}$`));
        expect(header.includes(obs.date), header).toBe(date);
        expect(header.includes(`vs ${versus}`), header).toBe(opponent);
        expect(header).not.toContain('…');
      }
    }
  });

  it('every rung name beside the tabs: whole at 60 columns, cut rather than the tabs squeezed at 80; at 80 every tab keeps its title', () => {
    for (const r of RUNGS)
      for (const pane of PANES) {
        for (const [width, side] of [
          [79, 'us'],
          [59, 'us'],
          [79, 'iran'],
          [59, 'iran'],
        ] as const) {
          const name = orderRungName(r.level, side);
          const { tabs, rung } = tabLine(pane, r.level, width, name);
          const row = `${tabs.map((t) => t.text).join('')} ${rung}`;
          expect(row.length, row).toBeLessThanOrEqual(width);
          if (width === 59) expect(row, `${width}: ${row}`).toMatch(new RegExp(`rung ${r.level}: ${name}$`));
          else expect(`rung ${r.level}: ${name}`.startsWith(rung.replace(/…$/, '')), row).toBe(true);
          if (width === 79) for (const title of ['Briefing', 'Situation', 'Orders', 'Goals', 'Log']) expect(row).toContain(title);
          // The current pane is always named, and marked (inverse) apart from the others.
          expect(tabs.filter((t) => t.on)).toHaveLength(1);
        }
      }
    // At 80 columns the tabs keep their padding whatever the rung: the longest name is cut instead.
    for (const [pane, level] of [
      ['briefing', 5],
      ['log', 3],
      ['situation', 6],
    ] as const)
      expect(
        tabLine(pane, level, 79, orderRungName(level, 'iran'))
          .tabs.map((t) => t.text)
          .join(''),
      ).toBe(' 1 Briefing  2 Situation  3 Orders  4 Goals  5 Log ');
  });

  it('the rung shows whole in the rendered header at 80 columns (rung 5, Calibrated strikes), on every pane', async () => {
    const state = step(newGame(october, { seed: '42' }), ordersOf('us.calibrated-strikes', 'iran.hold-course')).state;
    expect(observe(state, 'us').rung).toBe(5);
    const view = turnAt(state, 'us', 'Historical bot', 80, 24);
    for (const pane of ['1', '2', '3', '4', '5']) {
      await press(view.stdin, pane);
      expect(view.lastFrame()!.split('\n')[1]).toMatch(/rung 5: Calibrated strikes$/);
    }
    view.unmount();
  });

  it("an order's off-record * survives when its name is cut, at 60 columns", async () => {
    const state = busy();
    const view = turnAt(state, 'iran', 'Historical bot', 60);
    await press(view.stdin, '3');
    const f = view.lastFrame()!;
    view.unmount();
    const col = Math.floor((59 - 1) / 2);
    const offRecord = legalOn(state, 'iran', 'force').filter((a) => a.offRecord);
    expect(offRecord.some((a) => `  [${a.rung}] ${a.label} *`.length > col)).toBe(true);
    for (const a of offRecord) {
      const line = f.split('\n').find((l) => l.includes(`[${a.rung}] ${a.label.slice(0, 12)}`));
      expect(line, a.label).toBeDefined();
      expect(line!.slice(0, col).trimEnd(), a.label).toMatch(/ \*$/);
    }
  });

  it('no footer is cut at 60 columns: whole hints go, the least needed first, and "? help" stays', async () => {
    const view = turnAt(busy(), 'us', 'Historical bot', 60);
    for (const key of ['1', '2', '3', '4', '5']) {
      await press(view.stdin, key);
      const footer = view.lastFrame()!.split('\n').at(-1)!;
      expect(footer.length).toBeLessThanOrEqual(59);
      expect(footer, key).not.toContain('…');
      expect(footer, key).toContain('? help');
    }
    view.unmount();
    expect(
      joinHints(
        [
          ['aaaa', 3],
          ['bbbb', 1],
          ['cccc', 2],
        ],
        11,
      ),
    ).toBe('aaaa · cccc');
  });
});

describe('save messages are read whole', () => {
  const message = 'Saved before the first turn to brink-tower-22-class_3_b__-us-vs-normal.save.json';

  for (const [cols, rows] of [
    [80, 24],
    [60, 16],
  ] as const)
    it(`the whole file name shows after s, at ${cols}×${rows}, on the turn screen and the debrief`, async () => {
      const onSave = vi.fn(() => ({ ok: true, message }));
      const view = renderApp({
        scenarios: [tower],
        preset: { scenario: tower, side: 'us', opponent: 'historical', seed: 'class 3/b:é' },
        onSave,
      });
      resize(view, cols, rows);
      await press(view.stdin, 's');
      expect(onSave).toHaveBeenCalledOnce();
      expect(view.lastFrame()).toContain('brink-tower-22-class_3_b__-us-vs-normal.save.json');
      fits(view.lastFrame(), cols, rows);
      for (let t = 0; t < 4; t++) await press(view.stdin, '3', KEY.enter, 'y');
      expect(view.lastFrame()).toContain('Verdict:');
      await press(view.stdin, 's');
      expect(onSave).toHaveBeenCalledTimes(2);
      expect(view.lastFrame()).toContain('brink-tower-22-class_3_b__-us-vs-normal.save.json');
      fits(view.lastFrame(), cols, rows);
      view.unmount();
    });

  it('the turn screen wraps the status and gives the rows it takes from the pane', () => {
    const state = busy();
    for (const cols of [80, 60]) {
      const view = render(
        <TurnScreen
          state={state}
          side="us"
          versus="Historical bot"
          briefing=""
          status={message}
          cols={cols}
          rows={cols === 80 ? 24 : 16}
          onChoose={noop}
          onSave={noop}
          onHelp={noop}
          onQuit={noop}
        />,
      );
      const f = view.lastFrame()!;
      view.unmount();
      fits(f, cols, cols === 80 ? 24 : 16);
      expect(f).toContain('brink-tower-22-class_3_b__-us-vs-normal.save.json');
      expect(f.replace(/\s+/g, ' ')).toContain(message);
      expect(f.split('\n').at(-1)).toContain('? help');
    }
  });
});

describe('a hot-seat save made after the US sealed its order', () => {
  const setup = { scenario: tower, side: 'both' as const, opponent: 'historical', seed: '3' };
  const order = parsePortfolio('us.major-campaign+us.strike-houthis', 'us');

  it('holds no trace of the order, only that the US had sealed one', () => {
    const state = newGame(tower, { seed: '3' });
    const text = saveText(saveOf(state, setup, { us: order }));
    expect(text).not.toContain('us.major-campaign');
    expect(text).not.toContain('strike-houthis');
    const parsed = parseSave(text, 'hotseat.json');
    if (parsed.kind !== 'current') throw new Error('expected a current save');
    expect(parsed.save.sealed).toEqual(['us']);
    // Against a bot, a human's order is never sealed: the bot chooses with the human.
    expect(saveOf(state, { side: 'us', opponent: 'hawk' }, { us: order }).sealed).toEqual([]);
    expect(saveOf(state, setup, {}).sealed).toEqual([]);
  });

  it('resumes at the US choice, saying in one line that the sealed order was not saved and stays secret, and plays on', async () => {
    const played = step(newGame(tower, { seed: '3' }), ordersOf('us.hold', 'iran.rein-in')).state;
    const parsed = parseSave(saveText(saveOf(played, setup, { us: order })), 'hotseat.json');
    if (parsed.kind !== 'current') throw new Error('expected a current save');
    const { save } = parsed;
    const view = renderApp({
      scenarios: [tower],
      preset: {},
      resume: { setup, state: replaySave(save, tower).state, sealed: save.sealed },
    });
    resize(view, 80, 24);
    const message = 'Resumed at turn 2: the sealed US order was not saved, so it stays secret.';
    expect(resumedText(played, save.sealed)).toBe(message);
    let frame = view.lastFrame()!;
    expect(frame).toContain('Turn 2: United States to play');
    expect(frame).not.toContain('orders given (sealed)');
    // One line, whole, at 80 columns.
    expect(frame.split('\n').some((l) => l.trim() === message)).toBe(true);
    await press(view.stdin, KEY.enter);
    expect(view.lastFrame()).toContain('United States · turn 2/4');
    await press(view.stdin, '3', KEY.enter, 'y');
    frame = view.lastFrame()!;
    expect(frame).toContain('Turn 2: Iran to play');
    expect(frame).toContain('United States: force and signal orders given (sealed).');
    view.unmount();
    // A save with nothing sealed says only where the game goes on.
    expect(resumedText(played, [])).toBe('Resumed at turn 2.');
  });
});

describe('the hot-seat hand-over', () => {
  it('s saves the game but not the sealed US order, ? opens the help, and the quit question promises only what works', async () => {
    const onSave = vi.fn(() => ({ ok: true, message: 'Saved before the first turn to brink-tower-22-3-hotseat.save.json' }));
    const view = renderApp({ scenarios: [tower], preset: { scenario: tower, side: 'both', seed: '3' }, onSave });
    resize(view, 80, 24);
    await press(view.stdin, KEY.enter, '3', KEY.enter, 'y');
    expect(view.lastFrame()).toContain('Turn 1: Iran to play');
    expect(view.lastFrame()).toContain('Enter: ready · s save · ? help · q quit');
    await press(view.stdin, 's');
    expect(onSave).toHaveBeenCalledOnce();
    // The save is told the order the US gave, to mark it sealed (session.ts saveOf); Iran's is still to come.
    const [, , pending] = onSave.mock.calls[0]! as unknown as [unknown, unknown, { us?: unknown; iran?: unknown }];
    expect(pending.us).toEqual({ force: 'us.hold', signal: 'us.none' });
    expect(pending.iran).toBeUndefined();
    expect(view.lastFrame()).toContain('brink-tower-22-3-hotseat.save.json');
    expect(view.lastFrame()).toContain('Turn 1: Iran to play');
    // Quitting keeps the save, not the sealed order (no save holds one): said, and saving again is not offered.
    await press(view.stdin, 'q');
    expect(view.lastFrame()).toContain('The game is saved, but not the sealed US order.');
    expect(view.lastFrame()).not.toContain('s: save, then quit');
    await press(view.stdin, 'n', '?');
    expect(view.lastFrame()).toContain('Any key closes this help');
    expect(view.lastFrame()).not.toContain('Iran to play');
    await press(view.stdin, 'x');
    expect(view.lastFrame()).toContain('Turn 1: Iran to play');
    // Iran's turn, then the US's hand-over: nothing saved since, so quitting warns, and s saves from here.
    await press(view.stdin, KEY.enter, '3', KEY.enter, 'y');
    expect(view.lastFrame()).toContain('Turn 2: United States to play');
    expect(view.lastFrame()).not.toContain('hotseat.save.json');
    await press(view.stdin, 'q');
    expect(view.lastFrame()).toContain('Progress since the last save will be lost.');
    expect(view.lastFrame()).toContain('s: save, then quit');
    await press(view.stdin, 'n', 's');
    expect(onSave).toHaveBeenCalledTimes(2);
    view.unmount();
  });
});

describe('a save that could not be written', () => {
  it('shows why, and the quit question still offers to save: the game is not marked saved', async () => {
    const onSave = vi.fn(() => ({ ok: false, message: 'Could not save to /nowhere/x.save.json: no such directory' }));
    const view = renderApp({ scenarios: [tower], preset: { scenario: tower, side: 'us', opponent: 'historical', seed: '3' }, onSave });
    resize(view, 80, 24);
    await press(view.stdin, 's');
    expect(onSave).toHaveBeenCalledOnce();
    expect(view.lastFrame()).toContain('Could not save to /nowhere/x.save.json');
    await press(view.stdin, 'q');
    expect(view.lastFrame()).toContain('This game has not been saved.');
    expect(view.lastFrame()).toContain('s: save, then quit');
    view.unmount();
  });

  it('a written one is marked saved: the quit question says so', async () => {
    const onSave = vi.fn(() => ({ ok: true, message: 'Saved before the first turn to x.save.json' }));
    const view = renderApp({ scenarios: [tower], preset: { scenario: tower, side: 'us', opponent: 'historical', seed: '3' }, onSave });
    resize(view, 80, 24);
    await press(view.stdin, 's', 'q');
    expect(view.lastFrame()).toContain('The game is saved up to now.');
    view.unmount();
  });
});

describe('the quit questions fit the moment', () => {
  it('on a finished game, n goes back to the final report, not "keep playing"', async () => {
    const final = playGame(tower, { seed: '3', us: getPolicy('historical', 'us'), iran: getPolicy('historical', 'iran') });
    const view = renderApp({
      scenarios: [tower],
      preset: {},
      resume: { setup: { scenario: tower, side: 'us', opponent: 'historical', seed: '3' }, state: final },
      onSave: () => ({ ok: true, message: 'Saved the finished game to x.save.json' }),
    });
    expect(view.lastFrame()).toContain('Verdict:');
    await press(view.stdin, 'q');
    expect(view.lastFrame()).toContain('n or Esc: back to the final report');
    expect(view.lastFrame()).not.toContain('keep playing');
    await press(view.stdin, 'n');
    expect(view.lastFrame()).toContain('Verdict:');
    await press(view.stdin, '\x03');
    expect(view.lastFrame()).toContain('Ctrl-C: quit Brink?');
    expect(view.lastFrame()).toContain('n or Esc: back to the final report');
    expect(view.lastFrame()).not.toContain('keep playing');
    view.unmount();
  });

  it('each question says where n goes and offers s only where s saves', () => {
    const text = (el: Parameters<typeof render>[0]) => {
      const v = render(el);
      const f = v.lastFrame()!;
      v.unmount();
      return f;
    };
    const finished = text(<QuitConfirm via="q" saved={false} everSaved={false} stage="finished" onSave={noop} onQuit={noop} onNo={noop} />);
    expect(finished).toContain('The finished game is not saved.');
    expect(finished).toContain('s: save, then quit');
    expect(finished).toContain('back to the final report');
    const setup = text(<QuitConfirm via="q" saved={false} everSaved={false} stage="none" onSave={noop} onQuit={noop} onNo={noop} />);
    expect(setup).toContain('No game has started.');
    expect(setup).toContain('n or Esc: back to the set-up');
    expect(setup).not.toContain('s: save');
    // A finished game already saved has nothing to save: the question does not offer it.
    const saved = text(<QuitConfirm via="ctrl-c" saved everSaved stage="finished" onSave={noop} onQuit={noop} onNo={noop} />);
    expect(saved).toContain('The game is saved.');
    expect(saved).not.toContain('s: save');
  });
});

describe('the set-up seed', () => {
  it('Enter on an empty seed says a seed is needed, and the footer stops promising Enter', async () => {
    const onDone = vi.fn();
    const view = renderSetup({ scenarios: [tower], preset: { scenario: tower, side: 'us', opponent: 'historical' }, onDone });
    expect(view.lastFrame()).toContain('Enter: start the game');
    await press(view.stdin, '\x7f');
    expect(view.lastFrame()).not.toContain('Enter: start the game');
    await press(view.stdin, KEY.enter);
    expect(onDone).not.toHaveBeenCalled();
    expect(view.lastFrame()).toContain('A seed is needed to start');
    await press(view.stdin, '7');
    expect(view.lastFrame()).not.toContain('A seed is needed');
    await press(view.stdin, KEY.enter);
    expect(onDone).toHaveBeenCalledWith(expect.objectContaining({ seed: '7' }));
    view.unmount();
  });
});
