/**
 * What a second newcomer playtest at 80×24 found, each rendered as the player met it: the debrief's
 * turning points with fewer causes than the printed debrief, wrapped lines that lost their indent, a
 * resumed finished game, counts that hid the opening week, the quit questions, a doubled "resolving"
 * line, the help and the opponent menu, the sparkline's quiet weeks, and a week's totals given twice.
 */
import { describe, expect, it, vi } from 'vitest';
import { buildDebrief, formatDebrief, turningPointCauses } from '../../src/analysis/debrief/debrief.ts';
import { chooseAction, getPolicy } from '../../src/policies/index.ts';
import { playGame } from '../../src/policies/play.ts';
import { loadScenario } from '../../src/scenario/loader.ts';
import { lastWeekLines, weekCountLines } from '../../src/analysis/counts.ts';
import { helpLines } from '../../src/ui/screens/Overlays.tsx';
import { OPPONENT_LEVELS } from '../../src/ui/session.ts';
import { sparkline } from '../../src/ui/text.ts';
import { DebriefScreen } from '../../src/ui/screens/DebriefScreen.tsx';
import { situationColumns, situationLines } from '../../src/ui/screens/TurnScreen.tsx';
import { turnLog } from '../../src/analysis/turn-log.ts';
import { legalOn, newGame, step } from '../../src/engine/game.ts';
import { attacksOnUsForces } from '../../src/engine/history.ts';
import { ordersOf } from '../../src/model/portfolio.ts';
import { observe } from '../../src/engine/observe.ts';
import { renderApp } from '../helpers/app.tsx';
import { press, render, resize } from '../helpers/ink.ts';
import { renderSetup } from '../helpers/setup-screen.tsx';
import { renderTurn } from '../helpers/turn-screen.tsx';

const october = loadScenario('october-2023');
const KEY = { esc: '\x1b', enter: '\r', down: '\x1b[B', pgdn: '\x1b[6~', home: '\x1b[H', end: '\x1b[F' };
const noop = () => {};
/** A text with its line breaks and runs of spaces as single spaces: a wrapped sentence read as one. */
const flat = (s: string) => s.replace(/\s+/g, ' ');

/** Every line of the debrief page `page` at `cols`×`rows`, paged through with PgDn (the rows between the tabs and the footer). */
async function debriefPage(debrief: ReturnType<typeof buildDebrief>, page: string, cols = 80, rows = 24): Promise<string[]> {
  const view = render(<DebriefScreen debrief={debrief} sides={['us']} cols={cols} rows={rows} onQuit={noop} onHelp={noop} />);
  await press(view.stdin, page);
  const lines: string[] = [];
  for (let i = 0; i < 40; i++) {
    const frame = view.lastFrame()!;
    for (const l of frame.split('\n')) expect(l.length, l).toBeLessThanOrEqual(cols);
    const range = /(\d+)–(\d+) of (\d+)/.exec(frame);
    if (!range) {
      // The whole page on one screen: the rows under the tabs, down to the status row.
      lines.push(...frame.split('\n').slice(2, rows - 2));
      break;
    }
    // Only the rows not seen yet (the last page overlaps the one before).
    const [from, to, total] = range.slice(1).map(Number) as [number, number, number];
    const body = frame.split('\n').slice(2, 2 + to - from + 1);
    lines.push(...body.slice(lines.length - from + 1));
    if (to === total) break;
    await press(view.stdin, KEY.pgdn);
  }
  view.unmount();
  return lines.map((l) => l.trimEnd());
}

describe('the turning points at 80 columns', () => {
  // The playtest's game: october-2023, seed 1, the US holding every turn (Enter), Iran on the record.
  const final = playGame(october, { seed: '1', us: getPolicy('always:us.hold+us.none', 'us'), iran: getPolicy('historical', 'iran') });
  const debrief = buildDebrief(final, october, { humans: ['us'] });

  it("show every cause the printed debrief shows, the deaths' chance among them, each wrapped under its own words", async () => {
    const causes = debrief.turningPoints.flatMap(turningPointCauses);
    // The game holds what the playtest missed: rules, a chance drawn, a posture moved.
    expect(causes.some((c) => c.startsWith('↳ chance: a 0.6 % chance came up (draw 0.0010)'))).toBe(true);
    expect(causes.some((c) => c.startsWith('↳ rule: '))).toBe(true);
    expect(causes.some((c) => c.startsWith('↳ posture: '))).toBe(true);
    const text = formatDebrief(debrief);
    for (const c of causes) expect(text).toContain(c);
    const lines = await debriefPage(debrief, '2');
    const page = flat(lines.join('\n'));
    for (const c of causes) expect(page).toContain(flat(c));
    // A headline opens at the left edge; its causes hang three columns in, and a wrapped cause's lines
    // two further, under its words; no line falls back to the left edge.
    const headline = /^\d{4}-\d{2}-\d{2} \(turn \d+\) /;
    let hangAt = 0;
    for (const l of lines.filter((x) => x.trim() !== '')) {
      const indent = /^ */.exec(l)![0].length;
      if (headline.test(l)) hangAt = headline.exec(l)![0].length;
      else if (l.startsWith('   ↳ ') || l.startsWith('   concepts: ')) hangAt = l.startsWith('   ↳ ') ? 5 : 3;
      else expect(indent, l).toBe(hangAt);
    }
  });
});

describe('resuming a finished game', () => {
  const tower = loadScenario('tower-22');
  const setup = { scenario: tower, side: 'us' as const, opponent: 'historical', seed: '3' };

  it('says the game is finished and shows its debrief, not a turn past the last', () => {
    const final = playGame(tower, { seed: '3', us: getPolicy('historical', 'us'), iran: getPolicy('historical', 'iran') });
    const view = renderApp({ scenarios: [tower], preset: {}, resume: { setup, state: final } });
    const frame = view.lastFrame()!;
    expect(frame).toContain('Verdict:');
    expect(frame).toContain('This game is finished: its debrief is shown.');
    expect(frame).not.toMatch(/Resumed at turn/);
    view.unmount();
    // A game under way still says the turn it goes on from.
    const started = renderApp({ scenarios: [tower], preset: {}, resume: { setup, state: newGame(tower, { seed: '3' }) } });
    expect(started.lastFrame()).toContain('Resumed at turn 1.');
    started.unmount();
  });
});

/** The situation pane's column beside the ladder at 80 columns, read as one text (a line there wraps between the rungs). */
const besideLadder = (frame: string) =>
  flat(
    frame
      .split('\n')
      .slice(2)
      .map((l) => l.slice(situationColumns(79).ladder + 2))
      .join('\n'),
  );

describe('a scenario that opens on deaths', () => {
  const tower = loadScenario('tower-22');

  it('says the counts start after the opening week, whose deaths (from the observation) they leave out', async () => {
    const start = newGame(tower, { seed: '1' });
    const opening = observe(start, 'us').opening.usKilled;
    expect(opening).toBe(3);
    for (const side of ['us', 'iran'] as const) {
      const view = renderTurn(start, side, { cols: 80, rows: 24 });
      await press(view.stdin, '2');
      const situation = besideLadder(view.lastFrame()!);
      expect(situation).toContain('So far: 0 attacks on US · 0 killed · 0 injured');
      expect(situation).toMatch(
        new RegExp(`So far: 0 attacks on US · 0 killed · 0 injured \\(the opening week's ${opening} US deaths are not counted\\)`),
      );
      await press(view.stdin, '4');
      // The pane from its top and from its end: the rules' costs and gains come last, below the objectives.
      const top = flat(view.lastFrame()!);
      await press(view.stdin, KEY.end);
      const goals = `${top} ${flat(view.lastFrame()!)}`;
      const deaths = side === 'us' ? '0 US deaths' : "0 Americans killed by Iran's partners";
      expect(goals).toContain(`${deaths} since the game began (the opening week's ${opening} US deaths are not counted)`);
      view.unmount();
    }
    // A scenario that opens on none says "So far", with no note; its opening is read, not the scenario's name.
    const quiet = newGame(october, { seed: '1' });
    expect(observe(quiet, 'us').opening.usKilled).toBe(0);
    const view = renderTurn(quiet, 'us', { cols: 80, rows: 24 });
    await press(view.stdin, '2');
    expect(view.lastFrame()).toContain('So far: 0 attacks on US · 0 killed · 0 injured');
    expect(view.lastFrame()).not.toContain('opening week');
    await press(view.stdin, '4');
    expect(view.lastFrame()).not.toContain('opening week');
    view.unmount();
    // Another scenario given an opening week with deaths says so too.
    const opened = { ...quiet, scenario: { ...quiet.scenario, opening: { usKilled: 1 } } };
    const other = renderTurn(opened, 'us', { cols: 80, rows: 24 });
    await press(other.stdin, '2');
    expect(besideLadder(other.lastFrame()!)).toContain("(the opening week's 1 US death is not counted)");
    other.unmount();
  });
});

describe("the situation pane's opening aside where the pane is short", () => {
  const aside = "(the opening week's 3 US deaths are not counted)";

  it('goes after the blank rows, and only when the lines without the blanks still do not fit', () => {
    const info = ['a', aside, '', 'b', '', 'c'];
    const at = (height: number) => situationLines(info, 80, height, [aside]);
    expect(at(6)).toEqual(info);
    // The blanks gone, the aside fits: it stays.
    expect(at(5)).toEqual(['a', aside, 'b', 'c']);
    expect(at(4)).toEqual(['a', aside, 'b', 'c']);
    // Only where it does not fit does it go, so that the rest stays on the first screen.
    expect(at(3)).toEqual(['a', 'b', 'c']);
    // Where nothing helps the pane scrolls, with the aside.
    expect(at(2)).toEqual(['a', aside, 'b', 'c']);
  });

  it("stays on Iran's screen at 80 columns wherever the blank rows going make room for it", async () => {
    const start = newGame(loadScenario('tower-22'), { seed: '1' });
    /** The column beside the ladder on Iran's situation pane at 80 columns and `rows` rows. */
    const seen = async (rows: number) => {
      const view = renderTurn(start, 'iran', { cols: 80, rows });
      await press(view.stdin, '2');
      const frame = view.lastFrame()!;
      view.unmount();
      return besideLadder(frame);
    };
    for (const rows of [18, 19, 20]) {
      const text = await seen(rows);
      // The pane is short of its blank rows (the gauges follow the totals at once) and does not scroll.
      expect(text, `${rows} rows`).toMatch(/injured \(the opening week's 3 US deaths are not counted\) Tehran fears war/);
      expect(text, `${rows} rows`).not.toMatch(/more: ↑↓/);
      expect(text, `${rows} rows`).toContain("Record's read:");
    }
    // One row fewer, the aside goes and Iran's partners and posture stay on the first screen.
    const text = await seen(17);
    expect(text).not.toContain('opening week');
    expect(text).not.toMatch(/more: ↑↓/);
    expect(text).toContain('Hezbollah: ');
    expect(text).toContain("Record's read:");
  });
});

describe('the quit question, one for q and Ctrl-C', () => {
  const tower = loadScenario('tower-22');
  const preset = { scenario: tower, side: 'us' as const, opponent: 'historical', seed: '3' };

  it('q offers "s: save, then quit", which saves and quits; a game never saved says so', async () => {
    const onSave = vi.fn(() => ({ ok: true, message: 'Saved to x.save.json' }));
    const onExit = vi.fn();
    const view = renderApp({ scenarios: [tower], preset, onSave, onExit });
    // One turn played (Enter on the orders, y to confirm), never saved.
    await press(view.stdin, KEY.enter, KEY.enter, 'y');
    expect(view.lastFrame()).toContain('turn 2/4');
    await press(view.stdin, 'q');
    let frame = view.lastFrame()!;
    expect(frame).toContain('Quit Brink?');
    expect(frame).toContain('This game has not been saved.');
    expect(frame).not.toContain('since the last save');
    expect(frame).toContain('s: save, then quit · y: quit without saving · n or Esc: keep playing');
    expect(frame).not.toContain('Ctrl-C again');
    // Ctrl-C asks the same question, with its own title and the second Ctrl-C.
    await press(view.stdin, KEY.esc, '\x03');
    frame = view.lastFrame()!;
    expect(frame).toContain('Ctrl-C: quit Brink?');
    expect(frame).toContain('This game has not been saved.');
    expect(frame).toContain('s: save, then quit · y: quit without saving · n or Esc: keep playing');
    expect(frame).toContain('Ctrl-C again: quit at once.');
    await press(view.stdin, 'n', 'q', 's');
    expect(onSave).toHaveBeenCalledOnce();
    expect(onExit).toHaveBeenCalledWith(expect.objectContaining({ interrupted: false }));
    view.unmount();
  });

  it('on a finished game already saved, neither question offers to save it, and s does nothing', async () => {
    const final = playGame(tower, { seed: '3', us: getPolicy('historical', 'us'), iran: getPolicy('historical', 'iran') });
    const onSave = vi.fn(() => ({ ok: true, message: 'Saved the finished game to x.save.json' }));
    const view = renderApp({ scenarios: [tower], preset: {}, resume: { setup: preset, state: final }, onSave });
    for (const ask of ['q', '\x03']) {
      await press(view.stdin, ask);
      const frame = view.lastFrame()!;
      expect(frame).toContain('The game is saved.');
      expect(frame).not.toContain('s: save');
      expect(frame).toContain('y: quit · n or Esc: back to the final report');
      await press(view.stdin, 's');
      expect(onSave).not.toHaveBeenCalled();
      await press(view.stdin, 'n');
      expect(view.lastFrame()).toContain('Verdict:');
    }
    view.unmount();
  });
});

describe('wrapped lines at 80 columns', () => {
  it("hang under their text: the last week's bullets, a figure's name on the record page", async () => {
    const final = playGame(october, { seed: '1', us: getPolicy('always:us.hold+us.none', 'us'), iran: getPolicy('historical', 'iran') });
    const debrief = buildDebrief(final, october, { humans: ['us'] });
    const lastWeek = [{ side: 'us' as const, ...lastWeekLines(final, 'us')! }];
    const view = render(
      <DebriefScreen debrief={debrief} sides={['us']} lastWeek={lastWeek} cols={80} rows={24} onQuit={noop} onHelp={noop} />,
    );
    const verdict = view.lastFrame()!.split('\n');
    const bullet = verdict.findIndex((l) => l.startsWith('  • This week:'));
    expect(bullet).toBeGreaterThan(0);
    // The bullet is longer than a line here: its second line hangs under its words, past "• ".
    expect(verdict[bullet + 1]).toMatch(/^ {4}\S/);
    view.unmount();
    const record = await debriefPage(debrief, '5');
    const row = record.findIndex((l) => l.startsWith('Regional war (1 = the game ended'));
    expect(row).toBeGreaterThan(0);
    expect(record[row + 1]).toBe('  in one)');
  });

  it('the set-up keeps each choice whole, and the game header keeps Normal: beside the date at 80 columns, in its place at 60', async () => {
    const setup = renderSetup({ scenarios: [october], preset: { scenario: october, side: 'us', opponent: 'historical' } });
    resize(setup, 80, 24);
    const chosen = setup.lastFrame()!.split('\n').slice(1, 3);
    expect(chosen).toEqual([
      // No "·" left dangling at the break: the next choice starts the next line.
      'Scenario: Harassment season: October 2023 to February 2024',
      'Side: United States · Opponent: Normal (historical bot)',
    ]);
    setup.unmount();
    const view = renderApp({ scenarios: [october], preset: { scenario: october, side: 'us', opponent: 'historical', seed: '1' } });
    resize(view, 80, 24);
    const header = view.lastFrame()!.split('\n')[0]!;
    // In full ("vs Normal (historical bot)") it would not fit beside the date: the level's name stands in.
    expect(header).toMatch(
      new RegExp(`^United States · turn 1/16 · ${observe(newGame(october, { seed: '1' }), 'us').date} · vs Normal · score [\\d.]+$`),
    );
    // At 60 columns the date goes, and the level stays by its short name: the player's chosen level
    // outranks the date (the full name does not fit even without it).
    resize(view, 60, 24);
    expect(view.lastFrame()!.split('\n')[0]).toMatch(/^United States · turn 1\/16 · vs Normal · score [\d.]+$/);
    view.unmount();
  });
});

describe('while the turn resolves', () => {
  it('says so once, with the keys kept', async () => {
    const tower = loadScenario('tower-22');
    // A long settle: the "resolving" frame stays while the test reads it.
    const view = renderApp({
      scenarios: [tower],
      preset: { scenario: tower, side: 'us', opponent: 'historical', seed: '3' },
      settleMs: 60_000,
    });
    await press(view.stdin, KEY.enter, KEY.enter, 'y');
    const frame = view.lastFrame()!;
    expect(frame.match(/Resolving the turn…/g)).toHaveLength(1);
    expect(frame).toContain('Resolving the turn… (keys you press now are kept)');
    view.unmount();
  });
});

describe('the weekly sparkline', () => {
  it('draws a week with none apart from a week with one, and the help says what the dot means', () => {
    expect(sparkline([0, 1, 20])).toBe('·▁█');
    expect(sparkline([0, 0])).toBe('··');
    expect(sparkline([3, 3])).toBe('██');
    expect(
      helpLines(76)
        .map((l) => l.text)
        .join('\n'),
    ).toContain('·▁▃█        a count per week');
  });
});

describe('help, order lists and the opponent menu', () => {
  it('the help lists l on its own line, apart from the numbered panes', () => {
    const help = helpLines(76).map((l) => l.text);
    expect(help).toContain(`${'Tab ← →, 1 2 3 4 5'.padEnd(18)} switch pane: briefing, situation, orders, goals, log`);
    expect(help.some((l) => /^l {17} the log of past turns/.test(l))).toBe(true);
    expect(help.join('\n')).not.toContain('l log');
  });

  it('Home and End jump to the first and last order of the list in focus', async () => {
    const tower = loadScenario('tower-22');
    const state = newGame(tower, { seed: '3' });
    const forces = legalOn(state, 'us', 'force');
    const signals = legalOn(state, 'us', 'signal');
    const onChoose = vi.fn();
    const view = renderTurn(state, 'us', { onChoose });
    await press(view.stdin, '3', KEY.end, ' ', KEY.end, KEY.enter, 'y');
    expect(onChoose).toHaveBeenLastCalledWith({ force: forces.at(-1)!.id, signal: signals.at(-1)!.id });
    view.unmount();
    const again = renderTurn(state, 'us', { onChoose });
    await press(again.stdin, '3', KEY.end, KEY.home, ' ', KEY.end, KEY.home, KEY.enter, 'y');
    expect(onChoose).toHaveBeenLastCalledWith({ force: forces[0]!.id, signal: signals[0]!.id });
    again.unmount();
  });

  it('the opponent menu says what each level is, from its definition, not "Easy (easy bot)"', () => {
    const view = renderSetup({ scenarios: [october], preset: { scenario: october, side: 'us' } });
    const frame = view.lastFrame()!;
    for (const l of OPPONENT_LEVELS) {
      expect(frame).toContain(`${l.label.padEnd(7)} ${l.summary}`);
      expect(l.note.startsWith(l.summary)).toBe(true);
    }
    expect(frame).not.toMatch(/\(\w+ bot\)/);
    view.unmount();
  });
});

describe("a week's totals, once per screen", () => {
  it('the briefing counts the attacks on US forces in its count line only; its event line keeps the Houthis and Lebanon; the log counts them', async () => {
    const tower = loadScenario('tower-22');
    const state = step(newGame(tower, { seed: '7' }), ordersOf('us.hold', 'iran.unleash')).state;
    const week = observe(state, 'us').history.at(-1)!;
    expect(attacksOnUsForces(week)).toBeGreaterThan(0);
    expect(week.houthiAttacks).toBeGreaterThan(0);
    const view = renderTurn(state, 'us', { cols: 200, rows: 60 });
    const frame = view.lastFrame()!;
    view.unmount();
    expect(frame).toContain(weekCountLines(week)[0]);
    expect(frame.match(/[Aa]ttacks? on US forces/g)).toHaveLength(1);
    expect(frame).toMatch(/• This week: \d+ Houthi attacks? on shipping/);
    // The log has no count line beside its events: there the event line counts them.
    expect(turnLog(state, 'us').at(-1)!.events.join('\n')).toContain(`This week: ${attacksOnUsForces(week)} attacks on US forces`);
  });
});

describe("the briefing's bullets at 80 columns", () => {
  it('hang under their words when they wrap', () => {
    // The playtest's second turn: the US holding, Iran on the record.
    const state = step(newGame(october, { seed: '1' }), {
      us: ordersOf('us.hold', 'iran.none').us,
      iran: chooseAction(newGame(october, { seed: '1' }), 'iran', getPolicy('historical', 'iran')),
    }).state;
    const view = renderTurn(state, 'us', { cols: 80, rows: 40 });
    const lines = view.lastFrame()!.split('\n');
    view.unmount();
    const bullet = lines.findIndex((l) => l.startsWith('• This week:'));
    expect(bullet).toBeGreaterThan(0);
    expect(lines[bullet]!.length).toBeGreaterThan(70);
    expect(lines[bullet + 1]).toMatch(/^ {2}\S/);
  });
});
