/**
 * The newcomer's screens, rendered: the briefing and the situation pane print the same labelled counts
 * for many seeded turns; the goals come from the engine's score lines; keys split one by one; the
 * debrief scrolls; one name per quantity.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { beliefSummary, buildDebrief, formatDebrief } from '../../src/analysis/debrief/debrief.ts';
import { scoreGroups } from '../../src/analysis/score-groups.ts';
import { intelSubject, scoreLineLabel } from '../../src/analysis/render.ts';
import { INTEL_SOURCES } from '../../src/model/intel.ts';
import { turnLog } from '../../src/analysis/turn-log.ts';
import { newGame } from '../../src/engine/game.ts';
import { observe } from '../../src/engine/observe.ts';
import { scoreLines, outcome } from '../../src/engine/outcome.ts';
import type { GameState } from '../../src/engine/state.ts';
import { QUANTITIES } from '../../src/model/quantities.ts';
import { getPolicy } from '../../src/policies/index.ts';
import { playGame } from '../../src/policies/play.ts';
import { loadScenario } from '../../src/scenario/loader.ts';
import { breakdownLines, OTHER, scoreView } from '../../src/ui/goals.ts';
import { keysOf, NONE, splitKeys } from '../../src/ui/keys.ts';
import { DebriefScreen } from '../../src/ui/screens/DebriefScreen.tsx';
import { helpLines } from '../../src/ui/screens/Overlays.tsx';
import { OPPONENT_LEVELS } from '../../src/ui/session.ts';
import { scrollBy, windowOf } from '../../src/ui/scroll.ts';
import { press, render } from '../helpers/ink.ts';
import { renderTurn } from '../helpers/turn-screen.tsx';
import { renderSetup } from '../helpers/setup-screen.tsx';

const noop = () => {};
/** Every state of a game, turn by turn (the game replayed with the same bots and seed). */
function statesOf(scenarioId: string, seed: string, us: string, iran: string): GameState[] {
  const states: GameState[] = [];
  playGame(loadScenario(scenarioId), { seed, us: getPolicy(us, 'us'), iran: getPolicy(iran, 'iran'), onTurn: (s) => states.push(s) });
  return states.filter((s) => s.over === null);
}

const COUNTS = [
  // Iran's own fire is named only in a week it happened (analysis/counts.ts); absent, it reads as 0.
  /Attacks on US forces (\d+): Iraq (\d+) · Syria (\d+) · Jordan (\d+)(?: · Iran's own forces (\d+))?/,
  // Strikes inside Iran likewise, only in a week the US struck there.
  /US strikes outside Yemen (\d+)(?: · of them inside Iran (\d+))? · in Yemen (\d+)/,
  /Houthi attacks (\d+) · US killed (\d+) · injured (\d+)/,
];
const countsIn = (frame: string) =>
  COUNTS.map(
    (re) =>
      re
        .exec(frame)
        ?.slice(1)
        .map((n) => Number(n ?? 0)) ?? null,
  );

describe("the briefing's intelligence", () => {
  it('names every source: a read, or a line saying which sent none this week and why', () => {
    let unread = 0;
    for (const [scenario, seed] of [
      ['october-2023', '4'],
      ['rafah', '5'],
    ] as const) {
      statesOf(scenario, seed, 'historical', 'historical').forEach((state, i) => {
        const side = i % 2 === 0 ? 'us' : 'iran';
        const obs = observe(state, side);
        const view = renderTurn(state, side, { cols: 200, rows: 60 });
        const frame = view.lastFrame()!;
        view.unmount();
        const none = /No report this week on ([^:]+):/.exec(frame)?.[1] ?? '';
        for (const source of INTEL_SOURCES[side]) {
          const name = intelSubject(source);
          const wasRead = obs.intel.some((r) => intelSubject(r) === name);
          expect(none.includes(name), `${scenario} turn ${state.turn} ${side}: ${name}`).toBe(!wasRead);
          if (wasRead) expect(frame).toContain(`• ${name}:`);
        }
        if (none) unread++;
      });
    }
    expect(unread).toBeGreaterThan(3);
    // Before the first turn no week has been read, whatever happened before the game opened.
    const first = renderTurn(newGame(loadScenario('tower-22'), { seed: '1' }), 'us', { cols: 200, rows: 60 });
    expect(first.lastFrame()).toContain('no week has been played yet');
    expect(first.lastFrame()).not.toContain('quiet and not struck last week');
    first.unmount();
  });
});

describe('briefing and situation agree', () => {
  it('print the same labelled counts of last week, equal to the observation, for many seeded turns', async () => {
    const cases: { state: GameState; side: 'us' | 'iran' }[] = [];
    for (const [scenario, seed, us, iran] of [
      ['tower-22', '1', 'random', 'random'],
      ['october-2023', '2', 'hawk', 'random'],
      ['red-sea', '3', 'historical', 'hawk'],
    ] as const) {
      const states = statesOf(scenario, seed, us, iran);
      states.forEach((state, i) => cases.push({ state, side: i % 2 === 0 ? 'us' : 'iran' }));
    }
    expect(cases.length).toBeGreaterThan(20);
    let withAttacks = 0;
    for (const { state, side } of cases) {
      const last = observe(state, side).history.at(-1)!;
      const expected = [
        [
          last.attacksOnUS + last.iranDirectAttacks,
          last.attacksOnUSIraq,
          last.attacksOnUSSyria,
          last.attacksOnUSJordan,
          last.iranDirectAttacks,
        ],
        [last.usStrikes, last.strikesOnIran, last.usStrikesYemen],
        [last.houthiAttacks, last.usKilled, last.usInjured],
      ];
      // Wide enough that no count line wraps, so the counts can be read back off the screen.
      const view = renderTurn(state, side, { cols: 160, rows: 40 });
      const briefing = view.lastFrame()!;
      expect(briefing).toContain('Last week (from');
      await press(view.stdin, '2');
      const situation = view.lastFrame()!;
      expect(situation).toContain('Attacks on US by week');
      view.unmount();
      expect(countsIn(briefing)).toEqual(expected);
      expect(countsIn(situation)).toEqual(expected);
      if (last.attacksOnUS > 0) {
        withAttacks++;
        expect(briefing).not.toContain('did nothing you could see');
      }
    }
    expect(withAttacks).toBeGreaterThan(5);
  });
});

describe('goals from the model', () => {
  it('the Goals pane shows every score line of the side and the score outcome() gives', async () => {
    const state = statesOf('tower-22', '4', 'historical', 'historical')[2]!;
    for (const side of ['us', 'iran'] as const) {
      const view = renderTurn(state, side, { cols: 120, rows: 40 });
      await press(view.stdin, '4');
      const f = view.lastFrame()!;
      view.unmount();
      expect(f).toContain(`Your score: ${outcome(state).scores[side]} of 100`);
      for (const line of scoreLines(state)[side]) expect(f).toContain(scoreLineLabel(line));
      expect(f, 'the rules group shows no pseudo-ID').not.toMatch(/\brules other/i);
      const v = scoreView(state, side);
      // Every score line is shown once: as the starting score or under an objective.
      expect([...v.start.lines, ...v.objectives.flatMap((o) => o.lines)]).toHaveLength(scoreLines(state)[side].length);
      // Goals are objectives (O-…): a rule's title (R-…) is never listed as one of the side's goals.
      for (const o of v.objectives) expect(o.id === OTHER || o.id.startsWith('O-'), o.id).toBe(true);
      for (const o of v.objectives)
        for (const l of o.lines) expect(o.id === OTHER ? l.cites.every((c) => !c.startsWith('O-')) : l.cites.includes(o.id)).toBe(true);
    }
  });
});

describe('the starting score', () => {
  it('is shown on its own line, not as the share of the objective its line cites', async () => {
    const state = statesOf('october-2023', '1', 'historical', 'historical')[3]!;
    for (const side of ['us', 'iran'] as const) {
      const base = scoreLines(state)[side].filter((l) => l.term === 'baseline');
      expect(base.length).toBeGreaterThan(0);
      const v = scoreView(state, side);
      expect(v.start.points).toBe(base.reduce((s, l) => s + l.points, 0));
      for (const o of v.objectives)
        expect(
          o.lines.some((l) => l.term === 'baseline'),
          o.id,
        ).toBe(false);
      const view = renderTurn(state, side, { cols: 100, rows: 40 });
      await press(view.stdin, '4');
      const rows = view.lastFrame()!.split('\n');
      view.unmount();
      const start = rows.findIndex((r) => r.includes('Starting score, before anything happens'));
      const firstObjective = rows.findIndex((r) => /^\s+[+-]\d+\.\d\s+O-/.test(r));
      expect(start, 'the starting score is listed').toBeGreaterThan(0);
      expect(rows[start]).toContain(`+${v.start.points.toFixed(1)}`);
      expect(start, 'before the objectives').toBeLessThan(firstObjective);
      // Each objective's figure is what its own lines add up to, without the starting score.
      for (const o of v.objectives) {
        const row = rows.find((r) => o.id !== OTHER && r.includes(` ${o.id} `));
        if (row)
          expect(Number(/([+-]\d+\.\d)/.exec(row)![1])).toBeCloseTo(
            o.lines.reduce((s, l) => s + l.points, 0),
            1,
          );
      }
    }
  });
});

describe('one breakdown of the score, in the Goals pane and in the debrief', () => {
  const state = statesOf('october-2023', '3', 'historical', 'historical').at(-1)!;
  const sc = loadScenario('october-2023');

  it("orders each side's lines the same way everywhere: the starting score apart, the objectives, the rules' costs and gains last", () => {
    for (const side of ['us', 'iran'] as const) {
      const groups = scoreGroups(scoreLines(state)[side]);
      expect(groups.objectives.findIndex((o) => o.id === OTHER)).toBeOneOf([-1, groups.objectives.length - 1]);
    }
    // Iran's rules' group (pressure on US forces) comes after O-IRN-04 (the fronts), though its line comes first.
    const iran = scoreView(state, 'iran').objectives.map((o) => o.id);
    expect(iran.indexOf(OTHER)).toBeGreaterThan(iran.indexOf('O-IRN-04'));
    // The text debrief lists the lines in that order too.
    const text = formatDebrief(buildDebrief(state, sc));
    const iranLine = text.split('\n').find((l) => l.startsWith('  Iran score: '))!;
    expect(iranLine.indexOf('Lebanon and Yemen fronts kept simmering')).toBeLessThan(iranLine.indexOf('Pressure on US forces'));
  });

  it("the debrief's score page shows the Goals pane's breakdown: the starting score apart, each objective with its lines", () => {
    const d = buildDebrief(state, sc);
    const { lastFrame } = render(<DebriefScreen debrief={d} sides={['us']} cols={100} rows={80} onQuit={() => {}} onHelp={() => {}} />);
    const frame = lastFrame()!;
    for (const side of ['us', 'iran'] as const) {
      const lines = breakdownLines(scoreGroups(d.breakdown[side]), 99, (l) => l.label).map((l) => l.text);
      let at = -1;
      for (const l of lines) {
        const next = frame.indexOf(l, at + 1);
        expect(next, l).toBeGreaterThan(at);
        at = next;
      }
    }
    expect(frame).not.toMatch(/Starting score \[O-/);
    expect(frame.match(/Starting score, before anything happens/g)).toHaveLength(2);
  });

  it('words the cost of escalation plainly: rungs above rung 6, summed over the turns', () => {
    const line = (count: number) => scoreLineLabel({ term: 'escalation', count, points: -count, cites: [] });
    expect(line(3)).toBe('Cost of escalation with Baghdad and at home (3 rungs above rung 6, summed over the turns)');
    expect(line(0)).toBe('Cost of escalation with Baghdad and at home (no US order above rung 6)');
    expect(line(1)).not.toMatch(/rung-turn/);
  });

  it('at 60×20 the Goals pane says its whole header, wrapped', async () => {
    const view = renderTurn(state, 'us', { cols: 60, rows: 20 });
    await press(view.stdin, '4');
    const frame = view.lastFrame()!;
    view.unmount();
    expect(frame.replace(/\s+/g, ' ')).toContain('as things stand (the debrief gives the final one)');
  });
});

describe('keys', () => {
  it('splitting a chunk loses nothing and keeps the order', () => {
    const key = fc.constantFrom(
      'a',
      'j',
      '3',
      'y',
      '\r',
      '\t',
      '\x7f',
      '\x1b[A',
      '\x1b[B',
      '\x1b[5~',
      '\x1b[6~',
      '\x1b[H',
      '\x1b[F',
      '\x1b[1;2A',
      'é',
      '😀',
    );
    fc.assert(
      fc.property(fc.array(key, { maxLength: 30 }), (keys) => {
        expect(splitKeys(keys.join(''))).toEqual(keys);
      }),
    );
  });
  it('names the keys the screens read', () => {
    const [three, j, enter, y, down, pgdn, ctrlC] = keysOf('3j\ry\x1b[B\x1b[6~\x03');
    expect(three!.input).toBe('3');
    expect(j!.input).toBe('j');
    expect(enter!.key.return).toBe(true);
    expect(y!.input).toBe('y');
    expect(down!.key.downArrow).toBe(true);
    expect(pgdn!.key.pageDown).toBe(true);
    expect(ctrlC!.key.ctrl && ctrlC!.input === 'c').toBe(true);
  });
});

describe('the debrief scrolls', () => {
  const final = playGame(loadScenario('october-2023'), { seed: '5', us: getPolicy('hawk', 'us'), iran: getPolicy('historical', 'iran') });
  const debrief = buildDebrief(final, loadScenario('october-2023'));

  it('shows every line of an overflowing page with ↓, PgDn and End, and none is cut to "… n more"', async () => {
    const view = render(<DebriefScreen debrief={debrief} sides={['us']} cols={80} rows={24} onQuit={noop} onHelp={noop} />);
    await press(view.stdin, '2');
    const first = view.lastFrame()!;
    const total = Number(/1–19 of (\d+)/.exec(first)![1]);
    expect(total).toBeGreaterThan(19);
    expect(first).not.toMatch(/… \d+ more/);
    const seen = new Set(first.split('\n').slice(2, 21));
    await press(view.stdin, '\x1b[6~');
    const paged = view.lastFrame()!;
    expect(paged).toMatch(/\n(?!1–)\d+–\d+ of/);
    for (const l of paged.split('\n').slice(2, 21)) seen.add(l);
    await press(view.stdin, '\x1b[F');
    const end = view.lastFrame()!;
    expect(end).toContain(`–${total} of ${total}`);
    for (const l of end.split('\n').slice(2, 21)) seen.add(l);
    for (const tp of debrief.turningPoints) expect([...seen].join('\n')).toContain(tp.date);
    await press(view.stdin, '\x1b[A');
    expect(view.lastFrame()).toContain(`–${total - 1} of ${total}`);
    view.unmount();
  });

  it('scrollBy stays within the lines and windowOf counts what is hidden', () => {
    fc.assert(
      fc.property(fc.nat(200), fc.integer({ min: 1, max: 60 }), fc.nat(300), (total, height, offset) => {
        for (const k of [{ downArrow: true }, { upArrow: true }, { pageDown: true }, { pageUp: true }, { home: true }, { end: true }]) {
          const next = scrollBy(offset, { ...NONE, ...k }, '', total, height)!;
          expect(next).toBeGreaterThanOrEqual(0);
          expect(next).toBeLessThanOrEqual(Math.max(0, total - height));
        }
        const lines = Array.from({ length: total }, (_, i) => i);
        const w = windowOf(lines, offset, height);
        expect(w.above + w.shown.length + w.below).toBe(total);
        expect(w.shown.length).toBeLessThanOrEqual(height);
      }),
    );
  });
});

describe('one name per quantity', () => {
  it('the situation pane, the score lines and the help legend use the names of src/model/quantities.ts', async () => {
    const state = statesOf('tower-22', '4', 'historical', 'historical')[1]!;
    const view = renderTurn(state, 'us');
    await press(view.stdin, '2');
    const f = view.lastFrame()!;
    expect(f).toContain('Attacks on US by week');
    view.unmount();
    for (const id of ['deterrence', 'usDomesticPressure', 'shippingDisruption', 'withdrawalMomentum'] as const)
      expect(f).toContain(QUANTITIES[id].name);
    expect(f).not.toContain('US credibility');
    const labels = scoreLines(state)
      .us.map((l) => scoreLineLabel(l))
      .join('\n');
    expect(labels).toContain(`${QUANTITIES.deterrence.name} at the end`);
    expect(labels).not.toMatch(/^Deterrence/m);
    const help = helpLines(76)
      .map((l) => l.text)
      .join('\n');
    for (const q of Object.values(QUANTITIES)) expect(help).toContain(`${q.name}:`);
  });
});

describe('the log of past turns (l) and what you believed vs what was true', () => {
  it('the log pane lists every past turn, newest first, with both orders as this side saw them and its intelligence', async () => {
    const states = statesOf('october-2023', '2', 'hawk', 'random');
    const state = states[3]!;
    const view = renderTurn(state, 'us');
    expect(view.lastFrame()).toContain('5 Log');
    await press(view.stdin, 'l');
    const top = view.lastFrame()!;
    const log = turnLog(state, 'us');
    expect(top).toContain(`Turn ${log.length} · ${log.at(-1)!.date}`);
    expect(top).toContain('United States (you):');
    // Scrolled to the end: the oldest turn, with the intelligence read before turn 2 on the way.
    const seen = [top];
    for (let i = 0; i < 20 && !seen.at(-1)!.includes(`Turn 1 · ${log[0]!.date}`); i++) {
      await press(view.stdin, '\x1b[6~');
      seen.push(view.lastFrame()!);
    }
    const all = seen.join('\n');
    expect(all).toContain(`Turn 1 · ${log[0]!.date}`);
    expect(all).toContain('Intelligence you had:');
    expect(all).toContain(log[1]!.intel[0]!.slice(0, 40));
    for (const f of seen) for (const line of f.split('\n')) expect(line.length).toBeLessThanOrEqual(80);
    view.unmount();
  });

  it("the debrief's page 4 sets each read beside the truth, turn by turn, and marks the wrong ones", async () => {
    const final = playGame(loadScenario('october-2023'), { seed: '2', us: getPolicy('random', 'us'), iran: getPolicy('random', 'iran') });
    const debrief = buildDebrief(final, loadScenario('october-2023'));
    const wrong = debrief.beliefs.us.flatMap((t) => t.items.map((b) => ({ t, b }))).find(({ b }) => !b.right);
    expect(wrong).toBeDefined();
    const view = render(<DebriefScreen debrief={debrief} sides={['us']} cols={80} rows={24} onQuit={noop} onHelp={noop} />);
    await press(view.stdin, '4');
    const frames = [view.lastFrame()!];
    expect(frames[0]).toContain('What the United States believed, and what was true');
    expect(frames[0]).toContain(`Your intelligence: ${beliefSummary(debrief.beliefs.us).slice(0, 30)}`);
    // Page down until the page stops moving: every line of the page has been on screen.
    for (let i = 0; i < 40; i++) {
      await press(view.stdin, '\x1b[6~');
      if (view.lastFrame() === frames.at(-1)) break;
      frames.push(view.lastFrame()!);
    }
    const all = frames.join('\n');
    expect(all).toContain(`${wrong!.t.date} (turn ${wrong!.t.turn + 1})`);
    expect(all).toMatch(new RegExp(`WRONG  ${wrong!.b.subject.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: you read`));
    view.unmount();
  });
});

describe('nothing cut off at 80 columns on the set-up screens', () => {
  it('each opponent level\'s note and the seed\'s explanation are wrapped whole, not cut with "…"', async () => {
    const tower = loadScenario('tower-22');
    const view = renderSetup({ scenarios: [tower], preset: { scenario: tower, side: 'us' } });
    const flat = (f: string) => f.replace(/\s+/g, ' ');
    // The menu starts on Normal: up to the first level, then down through every one.
    for (const _ of OPPONENT_LEVELS) await press(view.stdin, '\x1b[A');
    for (const [i, level] of OPPONENT_LEVELS.entries()) {
      const f = view.lastFrame()!;
      expect(f).toContain('Opponent');
      expect(f).not.toContain('…');
      expect(flat(f)).toContain(flat(level.note));
      if (i < OPPONENT_LEVELS.length - 1) await press(view.stdin, '\x1b[B');
    }
    await press(view.stdin, '\r');
    const seed = view.lastFrame()!;
    expect(seed).toContain('Seed: 1');
    expect(seed).not.toContain('…');
    expect(flat(seed)).toContain('Type a new one to replace it, or Backspace to edit it.');
    view.unmount();
  });
});

describe('the record page at 80 columns', () => {
  it("shows every figure's name whole, wrapped in its column, beside this game's value and the record", async () => {
    const tower = loadScenario('tower-22');
    const final = playGame(tower, { seed: '3', us: getPolicy('historical', 'us'), iran: getPolicy('historical', 'iran') });
    const debrief = buildDebrief(final, tower);
    const view = render(<DebriefScreen debrief={debrief} sides={['us']} cols={80} rows={40} onQuit={noop} onHelp={noop} />);
    await press(view.stdin, '5');
    const f = view.lastFrame()!;
    view.unmount();
    expect(f).toContain('What actually happened');
    const flat = f.replace(/\s+/g, ' ');
    for (const fig of debrief.comparison!.figures) {
      for (const word of fig.label.split(' ')) expect(flat).toContain(word);
      expect(f).toMatch(new RegExp(`^${fig.label.split(' ')[0]}\\b`, 'm'));
    }
    expect(f).not.toMatch(/\w…/);
  });
});
