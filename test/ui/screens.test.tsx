/** Component tests: every screen rendered with ink-testing-library, driven by keys. */
import { describe, expect, it, vi } from 'vitest';
import { chanceText, intelSubject } from '../../src/analysis/render.ts';
import { warOddsLine } from '../../src/analysis/war-odds.ts';
import { buildDebrief, decisionLine, formatDebrief } from '../../src/analysis/debrief/debrief.ts';
import { newGame, step } from '../../src/engine/game.ts';
import { observe } from '../../src/engine/observe.ts';
import type { GameState } from '../../src/engine/state.ts';
import { loadScenario } from '../../src/scenario/loader.ts';
import { playGame } from '../../src/policies/play.ts';
import { getPolicy } from '../../src/policies/index.ts';
import { renderApp } from '../helpers/app.tsx';
import { DebriefScreen } from '../../src/ui/screens/DebriefScreen.tsx';
import { Handover } from '../../src/ui/screens/Handover.tsx';
import { HelpOverlay, QuitConfirm } from '../../src/ui/screens/Overlays.tsx';
import { moveSelection } from '../../src/ui/screens/Menu.tsx';
import { colorEnabled } from '../../src/ui/theme.ts';
import { resolveOpponent } from '../../src/ui/session.ts';
import { lastWeekLines, weekCountLines } from '../../src/analysis/counts.ts';
import { turnLog } from '../../src/analysis/turn-log.ts';
import { fitWhole, sparkline, wrap, wrapAtSeparators, wrapDocument } from '../../src/ui/text.ts';
import { briefingLines, logLines } from '../../src/ui/screens/TurnScreen.tsx';
import { seenRungs, weekFire, weekWarChanceText } from '../../src/analysis/war-odds.ts';
import { scoreView } from '../../src/ui/goals.ts';
import fc from 'fast-check';
import { press, render, resize } from '../helpers/ink.ts';
import { renderTurn as renderTurnOf } from '../helpers/turn-screen.tsx';
import { ordersOf } from '../../src/model/portfolio.ts';
import { renderSetup } from '../helpers/setup-screen.tsx';

const tower = loadScenario('tower-22');

/** A tower-22 game as the US against the historical bot, seed 3, from its first turn. */
function renderTowerGame() {
  return renderApp({ scenarios: [tower], preset: { scenario: tower, side: 'us', opponent: 'historical', seed: '3' } });
}
const october = loadScenario('october-2023');
const KEY = { enter: '\r', esc: '\x1b', down: '\x1b[B', up: '\x1b[A', tab: '\t', right: '\x1b[C' };

// Renders and key presses run inside React's act() (test/helpers/ink.ts): no sleeps.
const noop = () => {};
function fits(frame: string | undefined, cols = 80, rows = 24) {
  const lines = (frame ?? '').split('\n');
  expect(lines.length).toBeLessThanOrEqual(rows);
  for (const l of lines) expect(l.length).toBeLessThanOrEqual(cols);
}

describe('SetupScreen', () => {
  it('walks scenario (with briefing) → side → opponent → seed and reports the choice', async () => {
    const onDone = vi.fn();
    const { lastFrame, stdin } = renderSetup({ scenarios: [october, tower], preset: {}, onDone });
    expect(lastFrame()).toContain('Choose a scenario');
    expect(lastFrame()).toContain(october.title);
    await press(stdin, KEY.down);
    expect(lastFrame()).toContain('28 January 2024'); // tower-22's briefing shows for the highlighted scenario
    fits(lastFrame());
    await press(stdin, KEY.enter);
    expect(lastFrame()).toContain('Play as');
    await press(stdin, KEY.down, KEY.enter);
    expect(lastFrame()).toContain('Opponent');
    await press(stdin, KEY.down, KEY.down, KEY.enter);
    expect(lastFrame()).toContain('Seed: 1');
    // The keys are said once, in the footer.
    expect(lastFrame()!.match(/Enter: start the game/g)).toHaveLength(1);
    await press(stdin, '\x7f', 'c', 'l', 'a', 's', 's', '7');
    expect(lastFrame()).toContain('Seed: class7');
    await press(stdin, KEY.enter);
    expect(onDone).toHaveBeenCalledWith({ scenario: tower, side: 'iran', opponent: 'hard', seed: 'class7' });
  });

  it('a seed typed over the one offered replaces it; Backspace edits the offered one', async () => {
    const typed = vi.fn();
    const over = renderSetup({
      scenarios: [tower],
      preset: { scenario: tower, side: 'us', opponent: 'historical' },
      defaultSeed: '12',
      onDone: typed,
    });
    expect(over.lastFrame()).toContain('Seed: 12');
    await press(over.stdin, '7', '4');
    expect(over.lastFrame()).toContain('Seed: 74');
    await press(over.stdin, KEY.enter);
    expect(typed).toHaveBeenCalledWith(expect.objectContaining({ seed: '74' }));
    const edited = vi.fn();
    const edit = renderSetup({
      scenarios: [tower],
      preset: { scenario: tower, side: 'us', opponent: 'historical', seed: 'class1' },
      onDone: edited,
    });
    await press(edit.stdin, '\x7f', '2');
    expect(edit.lastFrame()).toContain('Seed: class2');
    await press(edit.stdin, KEY.enter);
    expect(edited).toHaveBeenCalledWith(expect.objectContaining({ seed: 'class2' }));
  });

  it('offers Normal (the historical bot) first: Enter through every step plays the standard game, also after Esc', async () => {
    const onDone = vi.fn();
    const { lastFrame, stdin } = renderSetup({ scenarios: [tower], preset: {}, onDone });
    await press(stdin, KEY.enter, KEY.enter);
    expect(lastFrame()).toContain('Opponent');
    expect(lastFrame()).toMatch(/› Normal/);
    // Hard chosen, then Esc from the seed back to the opponent: Normal is highlighted again.
    await press(stdin, KEY.down, KEY.enter);
    expect(lastFrame()).toContain('Seed: 1');
    await press(stdin, KEY.esc);
    expect(lastFrame()).toMatch(/› Normal/);
    await press(stdin, KEY.enter, KEY.enter);
    expect(onDone).toHaveBeenCalledWith({ scenario: tower, side: 'us', opponent: 'historical', seed: '1' });
  });

  it("starts the opponent menu on the bot the scenario's defaults name for the other side", async () => {
    // A level's bot: its level is highlighted, and Enter plays it.
    const hardIran = { ...tower, defaults: { iranPolicy: 'hard' } };
    const onDone = vi.fn();
    const asUs = renderSetup({ scenarios: [hardIran], preset: { scenario: hardIran, side: 'us' }, onDone });
    expect(asUs.lastFrame()).toMatch(/› Hard/);
    await press(asUs.stdin, KEY.enter, KEY.enter);
    expect(onDone).toHaveBeenCalledWith({ scenario: hardIran, side: 'us', opponent: 'hard', seed: '1' });
    asUs.unmount();
    // Iran's human faces the US bot: this scenario names none, so Normal.
    const asIran = renderSetup({ scenarios: [hardIran], preset: { scenario: hardIran, side: 'iran' } });
    expect(asIran.lastFrame()).toMatch(/› Normal/);
    asIran.unmount();
    // A bot that is no level is offered first, as the scenario's, beside the levels.
    const doveUs = { ...tower, defaults: { usPolicy: 'dove' } };
    const onDove = vi.fn();
    const dove = renderSetup({ scenarios: [doveUs], preset: { scenario: doveUs, side: 'iran' }, onDone: onDove });
    const frame = dove.lastFrame()!;
    expect(frame).toMatch(/› Dove +this scenario's opponent/);
    expect(frame).toContain(getPolicy('dove', 'us').description);
    for (const l of ['Easy', 'Normal', 'Hard']) expect(frame).toContain(l);
    await press(dove.stdin, KEY.enter, KEY.enter);
    expect(onDove).toHaveBeenCalledWith({ scenario: doveUs, side: 'iran', opponent: 'dove', seed: '1' });
    dove.unmount();
  });

  it('skips what the flags pre-filled and goes back with Esc', async () => {
    const onDone = vi.fn();
    const { lastFrame, stdin } = renderSetup({
      scenarios: [tower],
      preset: { scenario: tower, side: 'both' },
      defaultSeed: '9',
      onDone,
    });
    expect(lastFrame()).toContain('Seed: 9'); // hot-seat needs no opponent
    await press(stdin, KEY.enter);
    expect(onDone).toHaveBeenCalledWith(expect.objectContaining({ side: 'both', seed: '9' }));
  });
});

describe('TurnScreen', () => {
  const state = step(newGame(tower, { seed: '3' }), ordersOf('us.major-campaign', 'iran.rein-in')).state;
  const renderTurn = (side: 'us' | 'iran', onChoose = vi.fn(), cols = 80, rows = 24) => ({
    onChoose,
    ...renderTurnOf(state, side, { versus: 'Historical bot', briefing: tower.briefing, cols, rows, onChoose }),
  });

  it('briefs with what the side saw last week and its (fallible) intelligence', async () => {
    const { lastFrame } = renderTurn('us');
    const obs = observe(state, 'us');
    expect(lastFrame()).toContain('turn 2/4');
    expect(lastFrame()).toContain('Intelligence (estimates; they can be wrong)');
    expect(lastFrame()).toContain(intelSubject(obs.intel[0]!));
    fits(lastFrame());
  });

  it("hides what the other side cannot see: the US is not told Iran's private order", async () => {
    const { lastFrame } = renderTurn('us');
    expect(lastFrame()).toContain("The other side's order: not visible to you");
    expect(lastFrame()).not.toContain('Rein the militias in');
  });

  it('shows the ladder, attacks by front with a sparkline, casualties and pressures', async () => {
    const { lastFrame, stdin } = renderTurn('iran');
    await press(stdin, '2');
    const f = lastFrame()!;
    expect(f).toContain('10 Regional war');
    expect(f).toMatch(/▶\s*\d+ /);
    expect(f).toMatch(/Attacks on US forces \d+: Iraq \d+/);
    expect(f).toMatch(/Attacks on US by week: [▁▂▃▄▅▆▇█]/);
    expect(f).toContain('US killed');
    expect(f).toContain('Tehran fears war'); // Iran's pressures, not the US's credibility
    expect(f).not.toContain('US credibility');
    fits(f);
  });

  it("the situation at 80×24 shows Iran's partners and its own posture in full, blank rows kept", async () => {
    const { lastFrame, stdin } = renderTurn('iran');
    await press(stdin, '2');
    const f = lastFrame()!;
    for (const line of ['Hezbollah:', 'Houthis:', "Record's read:"]) expect(f).toContain(line);
    // The militias as Iran's envoys report them: an estimate, with its confidence.
    expect(f).toMatch(/Iraqi militias \(KH, Nujaba\): [^\n]*\((high|medium|low)\)/);
    expect(f).not.toMatch(/… \d+ more/);
    fits(f);
    // The same after weeks that bring reads of both militias (the Syrian read needs an active front).
    for (const iranOrder of ['iran.hold-course', 'iran.unleash', 'iran.missile-strike']) {
      const busy = step(newGame(tower, { seed: '7' }), ordersOf('us.hold', iranOrder)).state;
      expect(observe(busy, 'iran').intel.filter((i) => i.subject.about === 'posture' && i.subject.actor !== 'us')).toHaveLength(2);
      const screen = renderTurnOf(busy, 'iran', { cols: 80, rows: 24 });
      await press(screen.stdin, '2');
      const g = screen.lastFrame()!;
      for (const line of ['Hezbollah:', 'Houthis:', "Record's read:"]) expect(g, iranOrder).toContain(line);
      expect(g, iranOrder).not.toMatch(/… \d+ more/);
      fits(g);
    }
  });

  it("orders a portfolio from two lists, force and signal, each starting on last turn's choice; evidence; confirm with undo", async () => {
    const { lastFrame, stdin, onChoose } = renderTurn('us');
    await press(stdin, '3');
    // Last turn the US ordered a large campaign and no signal: both lists start there.
    expect(lastFrame()).toContain('Force (Space: switch list)');
    expect(lastFrame()).toContain('Signal beside it');
    expect(lastFrame()).toContain('› [7] Large strike campaign');
    expect(lastFrame()).toContain('• [0] No signal');
    fits(lastFrame());
    await press(stdin, KEY.up);
    expect(lastFrame()).toContain('› [6] Kill a militia commander');
    await press(stdin, ' ', KEY.down, KEY.down);
    expect(lastFrame()).toContain('• [6] Kill a militia commander');
    expect(lastFrame()).toContain('› [1] Warn publicly');
    expect(lastFrame()).toContain('Evidence: R-USA-02, R-USA-03, T-10');
    expect(lastFrame()).toContain('your order acts at rung 6');
    await press(stdin, 'e');
    expect(lastFrame()).toContain('Evidence for "Warn publicly"');
    expect(lastFrame()).toContain('R-USA-02 · ');
    fits(lastFrame());
    await press(stdin, 'e', KEY.enter);
    expect(lastFrame()).toContain('Confirm your order');
    expect(lastFrame()).toContain('Force: Kill a militia commander');
    expect(lastFrame()).toContain('Signal: Warn publicly');
    fits(lastFrame());
    await press(stdin, KEY.esc);
    expect(lastFrame()).not.toContain('Confirm your order');
    expect(onChoose).not.toHaveBeenCalled();
    await press(stdin, KEY.down, KEY.down, KEY.enter, 'y');
    expect(onChoose).toHaveBeenCalledWith({ force: 'us.leadership-strike', signal: 'us.strike-houthis' });
  });

  it("starts each list on the side's own order of the turn before, signal included", async () => {
    const before = step(
      newGame(tower, { seed: '3' }),
      ordersOf('us.calibrated-strikes+us.interdict', 'iran.rein-in+iran.back-talks'),
    ).state;
    for (const [side, force, signal] of [
      ['us', '[5] Calibrated strikes on militias', '[3] Sanctions and arms interdiction'],
      ['iran', '[1] Rein the militias in (envoys)', '[0] Back the withdrawal talks'],
    ] as const) {
      const onChoose = vi.fn();
      const view = renderTurnOf(before, side, { onChoose });
      await press(view.stdin, '3');
      expect(view.lastFrame()).toContain(`› ${force}`);
      expect(view.lastFrame()).toContain(`• ${signal}`);
      // Enter at once sends last turn's portfolio again.
      await press(view.stdin, KEY.enter, 'y');
      expect(onChoose).toHaveBeenCalledWith(before.history[0]!.actions[side]);
    }
  });

  it('hot seat: the hand-over says whose orders are in, sealed, and that both levers are pending for the next player', () => {
    const { lastFrame } = render(<Handover to="iran" turn={3} given={['us']} onReady={noop} onQuit={noop} />);
    expect(lastFrame()).toContain('United States: force and signal orders given (sealed).');
    expect(lastFrame()).toContain('Iran: force and signal orders pending.');
  });

  it('fits a smaller terminal', async () => {
    const { lastFrame, stdin } = renderTurn('us', vi.fn(), 60, 18);
    await press(stdin, '3');
    fits(lastFrame(), 60, 18);
    await press(stdin, '2');
    fits(lastFrame(), 60, 18);
  });
});

describe('Handover, help and quit', () => {
  it('hand-over names who plays and waits for Enter', async () => {
    const onReady = vi.fn();
    const { lastFrame, stdin } = render(<Handover to="iran" turn={2} onReady={onReady} onQuit={noop} />);
    expect(lastFrame()).toContain('Turn 2: Iran to play');
    expect(lastFrame()).toContain('United States, look away');
    await press(stdin, KEY.enter);
    expect(onReady).toHaveBeenCalledOnce();
  });

  it('help lists the keys and closes on any key; quit asks y/n', async () => {
    const onClose = vi.fn();
    const help = render(<HelpOverlay onClose={onClose} />);
    expect(help.lastFrame()).toContain('quit (asks first)');
    await press(help.stdin, 'x');
    expect(onClose).toHaveBeenCalled();
    const yes = vi.fn();
    const no = vi.fn();
    const quit = render(<QuitConfirm via="q" saved={false} everSaved stage="playing" onSave={noop} onQuit={yes} onNo={no} />);
    expect(quit.lastFrame()).toContain('will be lost');
    await press(quit.stdin, 'n');
    expect(no).toHaveBeenCalled();
    await press(quit.stdin, 'y');
    expect(yes).toHaveBeenCalled();
  });
});

describe('DebriefScreen', () => {
  const final = playGame(tower, { seed: '3', us: getPolicy('historical', 'us'), iran: getPolicy('historical', 'iran') });
  const debrief = buildDebrief(final, tower);

  it("says on the verdict page what decided the game, in the text debrief's line", () => {
    const { lastFrame } = render(<DebriefScreen debrief={debrief} sides={['us']} cols={120} rows={60} onQuit={noop} onHelp={noop} />);
    // The line wraps on screen: read the page's rows as one text.
    const page = lastFrame()!
      .split('\n')
      .map((l) => l.trim())
      .join(' ');
    expect(page).toContain(decisionLine(debrief));
  });

  it('pages through verdict, turning points, timeline, beliefs vs truth, the record and questions, all from buildDebrief', async () => {
    const { lastFrame, stdin } = render(<DebriefScreen debrief={debrief} sides={['us']} cols={80} rows={24} onQuit={noop} onHelp={noop} />);
    expect(lastFrame()).toContain(`Verdict: ${debrief.verdict.title}`);
    expect(lastFrame()).toContain(`Scores: US ${debrief.scores.us} · Iran ${debrief.scores.iran}`);
    expect(lastFrame()).toContain('(you)');
    fits(lastFrame());
    await press(stdin, '2');
    if (debrief.turningPoints.length > 0) expect(lastFrame()).toContain(debrief.turningPoints[0]!.text.slice(0, 30));
    // A turning point's causes follow it; its own headline is not repeated as one of them.
    for (const tp of debrief.turningPoints) expect(lastFrame()).not.toContain(`↳ ${tp.text.slice(0, 30)}`);
    await press(stdin, '3');
    for (const row of debrief.timeline) expect(lastFrame()).toContain(row.date);
    // Each week's chance of war in its own column, and the odds the weeks add up to under the totals.
    expect(lastFrame()).toContain('war %');
    for (const row of debrief.timeline) expect(lastFrame()).toMatch(new RegExp(`${row.date}.* ${chanceText(row.warChance)}`));
    expect(lastFrame()!.replace(/\s+/g, ' ')).toContain(warOddsLine(debrief.warOdds));
    fits(lastFrame());
    await press(stdin, '4');
    expect(lastFrame()).toContain('What the United States believed, and what was true');
    fits(lastFrame());
    await press(stdin, '5');
    expect(lastFrame()).toContain('What actually happened');
    fits(lastFrame());
    // The record page is longer than the screen: page down through it to the record's events.
    const record = [lastFrame()!];
    for (let i = 0; i < 10 && !record.join('\n').includes(debrief.comparison!.events[0]!.date); i++) {
      await press(stdin, '\x1b[6~');
      record.push(lastFrame()!);
      fits(lastFrame());
    }
    expect(record.join('\n')).toContain(debrief.comparison!.events[0]!.date);
    await press(stdin, '6');
    expect(lastFrame()).toContain('Questions for discussion');
    fits(lastFrame());
  });
});

describe('the briefing in the week the Gaza truce begins', () => {
  it('tells it once: the inject, not Israel agreeing the pause beside it, with the fronts slowing their tempo', () => {
    const oct = loadScenario('october-2023');
    let truceWeek: GameState | undefined;
    playGame(oct, {
      seed: '1',
      us: getPolicy('historical', 'us'),
      iran: getPolicy('historical', 'iran'),
      onTurn: (s, events) => {
        if (events.some((e) => e.kind === 'inject' && e.inject === 'truce-start')) truceWeek = s;
      },
    });
    for (const side of ['us', 'iran'] as const) {
      const frame = renderTurnOf(truceWeek!, side, { cols: 200, rows: 60 }).lastFrame()!;
      expect(frame.match(/A truce begins in Gaza/g)).toHaveLength(1);
      expect(frame).not.toContain('Israel agrees a pause in Gaza');
      expect(frame).toContain('Hezbollah slows its fire across the border for the Gaza truce');
    }
  });
});

describe("the debrief screen's totals", () => {
  it("read as the text debrief's do (brink run, brink play), Iran's own fire counted and said", async () => {
    // Iran's forces fire on US forces in the first week, beside the militias' attacks.
    const s = step(newGame(tower, { seed: 'counts-1' }), ordersOf('us.hold', 'iran.irgc-attack')).state;
    const d = buildDebrief(s, tower);
    const totals = formatDebrief(d)
      .split('\n')
      .find((l) => l.startsWith('Totals: '))!;
    expect(totals).toContain("(1 by Iran's own forces)");
    const { lastFrame, stdin } = render(<DebriefScreen debrief={d} sides={['us']} cols={200} rows={60} onQuit={noop} onHelp={noop} />);
    await press(stdin, '3');
    expect(lastFrame()).toContain(totals);
  });
});

describe('the last week on the verdict page', () => {
  // The game ends on its last turn, so no briefing ever shows that week: the verdict page does.
  it('shows the final week as the side saw it: orders, the counts the briefing would print, the events it could see', () => {
    const final = playGame(tower, { seed: '5', us: getPolicy('hawk', 'us'), iran: getPolicy('historical', 'iran') });
    const debrief = buildDebrief(final, tower);
    const last = final.history.at(-1)!;
    for (const side of ['us', 'iran'] as const) {
      const week = lastWeekLines(final, side)!;
      expect(week.date).toBe(last.date);
      const { lastFrame } = render(
        <DebriefScreen debrief={debrief} sides={[side]} lastWeek={[{ side, ...week }]} cols={200} rows={60} onQuit={noop} onHelp={noop} />,
      );
      const frame = lastFrame()!;
      expect(frame).toContain(`The last week (from ${last.date}):`);
      for (const line of weekCountLines(observe(final, side).history.at(-1)!)) expect(frame).toContain(line);
      // Its events as the verdict page words them, beside the count lines (the attacks not counted again).
      const log = turnLog(final, side, { attacksCounted: true }).at(-1)!;
      expect(frame).toContain(log.own);
      expect(frame).toContain(log.other);
      for (const e of log.events) expect(frame).toContain(e);
      // Under the verdict, before the score lines.
      expect(frame.indexOf('The last week')).toBeGreaterThan(frame.indexOf('Verdict:'));
      expect(frame.indexOf('The last week')).toBeLessThan(frame.indexOf('Starting score'));
    }
  });

  it('the game hands it over: a played game ends on a verdict page with its last week', async () => {
    const { lastFrame, stdin } = renderTowerGame();
    for (let t = 0; t < 4; t++) await press(stdin, '3', KEY.enter, 'y');
    expect(lastFrame()).toContain('Verdict:');
    expect(lastFrame()).toMatch(/The last week \(from 2024-02-18\):\n {2}United States \(you\): /);
  });
});

describe('App', () => {
  it('plays a pre-set game to the debrief, the bot answering each turn', async () => {
    const onSave = vi.fn(() => ({ ok: true, message: 'Saved' }));
    const { lastFrame, stdin } = renderApp({
      scenarios: [tower],
      preset: { scenario: tower, side: 'us', opponent: 'historical', seed: '3' },
      onSave,
    });
    expect(lastFrame()).toContain('turn 1/4');
    await press(stdin, 's');
    expect(onSave).toHaveBeenCalledOnce();
    expect(lastFrame()).toContain('Saved');
    for (let t = 0; t < 4; t++) await press(stdin, '3', KEY.down, KEY.enter, 'y');
    expect(lastFrame()).toContain('Verdict:');
    await press(stdin, '?');
    expect(lastFrame()).toContain('Any key closes this help');
    await press(stdin, 'x', 'q');
    expect(lastFrame()).toContain('Quit Brink?');
  });

  it('in hot-seat hands over between the players and plays both orders', async () => {
    const { lastFrame, stdin } = renderApp({ scenarios: [tower], preset: { scenario: tower, side: 'both', seed: '3' } });
    expect(lastFrame()).toContain('United States to play');
    await press(stdin, KEY.enter, '3', KEY.enter, 'y');
    expect(lastFrame()).toContain('Iran to play');
    await press(stdin, KEY.enter);
    expect(lastFrame()).toContain('Iran · turn 1/4');
    await press(stdin, '3', KEY.enter, 'y');
    expect(lastFrame()).toContain('United States to play');
    expect(lastFrame()).toContain('Turn 2');
  });
});

describe('helpers', () => {
  it('NO_COLOR switches colour off', () => {
    expect(colorEnabled({ NO_COLOR: '1' })).toBe(false);
    expect(colorEnabled({})).toBe(true);
  });
  it('opponent names map to bots', () => {
    expect(resolveOpponent('easy')).toBe('easy');
    expect(resolveOpponent('normal')).toBe('historical');
    expect(resolveOpponent('hard')).toBe('hard');
    expect(resolveOpponent('search')).toBe('search');
    expect(resolveOpponent('hawk')).toBe('hawk');
    expect(resolveOpponent('nobody')).toBeUndefined();
  });
  it('↑ at the top of a list stays there: it never wraps to the last, most escalatory order', () => {
    expect(moveSelection(0, 10, { upArrow: true }, '')).toBe(0);
    expect(moveSelection(9, 10, { downArrow: true }, '')).toBe(9);
    expect(moveSelection(3, 10, { upArrow: true }, '')).toBe(2);
    expect(moveSelection(3, 10, {}, 'j')).toBe(4);
  });
  it('wrapDocument fits the terminal, keeps every word in order, and keeps indentation', () => {
    const word = fc.stringMatching(/^[a-z0-9]{1,12}$/);
    const line = fc.tuple(fc.integer({ min: 0, max: 6 }), fc.array(word, { maxLength: 30 })).map(([n, ws]) => ' '.repeat(n) + ws.join(' '));
    fc.assert(
      fc.property(fc.array(line, { maxLength: 8 }), fc.integer({ min: 40, max: 120 }), (lines, width) => {
        const text = lines.join('\n');
        const out = wrapDocument(text, width);
        for (const l of out.split('\n')) expect(l.length).toBeLessThanOrEqual(width);
        expect(out.split(/\s+/).filter(Boolean)).toEqual(text.split(/\s+/).filter(Boolean));
      }),
    );
    expect(wrapDocument(`  ${'word '.repeat(30).trim()}`, 40).split('\n')[1]).toMatch(/^ {4}word/);
  });
  it('wrapAtSeparators breaks between figures, never inside one, and loses nothing', () => {
    expect(wrapAtSeparators('Attacks on US forces 7: Iraq 3 · Syria 4 · Jordan 0', 50)).toEqual([
      'Attacks on US forces 7: Iraq 3 · Syria 4 ·',
      'Jordan 0',
    ]);
    const figure = fc.stringMatching(/^[A-Za-z]{1,10} \d{1,3}$/);
    fc.assert(
      fc.property(fc.array(figure, { minLength: 2, maxLength: 8 }), fc.integer({ min: 20, max: 60 }), (figs, width) => {
        const line = figs.join(' · ');
        const out = wrapAtSeparators(line, width);
        for (const l of out) expect(l.length).toBeLessThanOrEqual(width);
        expect(out.join(' ')).toBe(line);
        // Every figure sits whole on one line.
        for (const f of figs) expect(out.some((l) => l.includes(f))).toBe(true);
      }),
    );
  });
  it('wrapAtSeparators with trailing: false leaves no separator at a break, and loses nothing', () => {
    const figure = fc.stringMatching(/^[A-Za-z]{1,10} \d{1,3}$/);
    fc.assert(
      fc.property(fc.array(figure, { minLength: 2, maxLength: 8 }), fc.integer({ min: 20, max: 60 }), (figs, width) => {
        const line = figs.join(' · ');
        const out = wrapAtSeparators(line, width, { trailing: false });
        for (const l of out) expect(l.length).toBeLessThanOrEqual(width);
        for (const l of out) expect(l).not.toMatch(/ ·$/);
        expect(out.join(' · ')).toBe(line);
      }),
    );
  });
  it('fitWhole never cuts an item: it leaves out whole items and counts them', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.string({ minLength: 1 }), { minLength: 1, maxLength: 4 }), { maxLength: 12 }),
        fc.integer({ min: 1, max: 20 }),
        (items, max) => {
          const out = fitWhole(items, max, (n) => `MORE ${n}`);
          expect(out.length).toBeLessThanOrEqual(max);
          const total = items.reduce((n, it) => n + it.length, 0);
          if (total <= max) {
            expect(out).toEqual(items.flat());
          } else {
            const left = Number(out[out.length - 1]!.replace('MORE ', ''));
            const kept = items.slice(0, items.length - left);
            // What is shown is exactly the first items, whole, then the count of the rest.
            expect(out.slice(0, -1)).toEqual(kept.flat());
          }
        },
      ),
    );
  });
  it('wrap respects the width and sparkline scales to the maximum', () => {
    for (const l of wrap(tower.briefing, 30)) expect(l.length).toBeLessThanOrEqual(30);
    expect(sparkline([0, 4, 8])).toBe('·▅█');
  });
  it('wrap never breaks a figure from its "%": no line starts with one, and the words are kept in order', () => {
    const word = fc.oneof(
      fc.stringMatching(/^[a-z]{1,9}$/),
      fc.integer({ min: 0, max: 100 }).map((n) => `${n} %`),
      fc.constantFrom('(3.6 %)', '35 %,', '0.1 %.'),
    );
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 40 }), fc.integer({ min: 10, max: 40 }), (ws, width) => {
        const text = ws.join(' ');
        const lines = wrap(text, width);
        for (const l of lines) {
          expect(l.startsWith('%')).toBe(false);
          expect(l.length).toBeLessThanOrEqual(width);
        }
        expect(lines.join(' ')).toBe(text);
      }),
    );
    // The case a playtest saw in the log pane: "35" at the end of a line, "%" starting the next.
    expect(wrap('that exchange alone carries a 35 % chance of war', 31)).toEqual(['that exchange alone carries a', '35 % chance of war']);
  });
});

describe('one name for the opponent, one format for a score', () => {
  it('the header keeps its words from turn to turn: the opponent is named the same way whatever the score', async () => {
    // tower-22 seed 7 opens on a score of 100.0, one character wider than the turns after it: the header
    // said "vs Normal" on turn 1 and "vs Normal (historical bot)" from turn 2.
    const view = renderApp({ scenarios: [tower], preset: { scenario: tower, side: 'us', opponent: 'historical', seed: '7' } });
    resize(view, 80, 24);
    const { lastFrame, stdin } = view;
    const names: string[] = [];
    const scores: string[] = [];
    for (let t = 0; t < 4; t++) {
      const header = lastFrame()!.split('\n')[0]!;
      names.push(/ · vs (.*) · score /.exec(header)![1]!);
      scores.push(/score (\S+)$/.exec(header)![1]!);
      await press(stdin, '3', KEY.enter, 'y');
    }
    expect(new Set(scores.map((x) => x.length)).size).toBeGreaterThan(1);
    expect(new Set(names)).toEqual(new Set([names[0]]));
  });

  it('the header names the opponent by its level as the set-up does, and gives every score with one decimal', async () => {
    const setup = renderSetup({ scenarios: [tower], preset: { scenario: tower, side: 'us', opponent: 'historical' } });
    expect(setup.lastFrame()).toContain('Opponent: Normal (historical bot)');
    setup.unmount();
    const { lastFrame, stdin } = renderTowerGame();
    const scores: string[] = [];
    for (let t = 0; t < 4; t++) {
      const header = lastFrame()!.split('\n')[0]!;
      expect(header).toContain('vs Normal (historical bot)');
      expect(header).toMatch(/ · score \d+\.\d$/);
      scores.push(/score (\S+)$/.exec(header)![1]!);
      await press(stdin, '4');
      expect(lastFrame()).toMatch(/Your score: \d+\.\d of 100/);
      await press(stdin, '3', KEY.enter, 'y');
    }
    expect(lastFrame()).toMatch(/Scores: US \d+\.\d · Iran \d+\.\d ·/);
    expect(lastFrame()).toMatch(/United States: \d+\.\d \(you\)/);
    // Some score of the game is a whole number, which used to lose its decimal.
    expect(scores.some((s) => s.endsWith('.0'))).toBe(true);
  });
});

describe('the scenario stays to be reread', () => {
  it("after the first turn the briefing pane ends on the scenario's paragraph, under a heading", () => {
    let state = newGame(tower, { seed: '1' });
    const first = briefingLines(observe(state, 'us'), tower.briefing, scoreView(state, 'us'), [], 76).map((l) => l.text);
    expect(first).not.toContain('The scenario:');
    state = step(state, ordersOf('us.hold', 'iran.hold-course')).state;
    const later = briefingLines(observe(state, 'us'), tower.briefing, scoreView(state, 'us'), [], 76).map((l) => l.text);
    const at = later.indexOf('The scenario:');
    expect(at).toBeGreaterThan(0);
    expect(later.slice(at + 1).join(' ')).toBe(wrap(tower.briefing, 76).join(' '));
    for (const l of later) expect(l.length).toBeLessThanOrEqual(76);
  });
});

describe("the log's chance of war", () => {
  it('gives each past week the chance of war the briefing gave it that week', () => {
    let state = newGame(tower, { seed: '2' });
    const orders = [
      ordersOf('us.hold', 'iran.hold-course'),
      ordersOf('us.strike-irgc', 'iran.hold-course'),
      ordersOf('us.hold', 'iran.hold-course'),
    ];
    for (const o of orders) state = step(state, o).state;
    const text = logLines(state, 'us', [], 400).map((l) => l.text.trim());
    const seen = observe(state, 'us').history;
    const said = seen.map((t, i) =>
      weekWarChanceText(
        t,
        weekFire(seen, i, (r) => seenRungs(r, 'us'), state.params.warFromDirectExchange),
      ),
    );
    // Newest first, one line a week.
    expect(text.filter((l) => l.startsWith('Chance of war that week'))).toEqual([...said].reverse());
    expect(said[1]).toContain('Washington struck Iran or its forces directly');
  });
});
