/**
 * A side played off the record (a person, or a bot other than the historical one) is told by what it
 * ordered, never by its machine's moves: the US and Iran machines read each position as the record did,
 * and only the record's policy acts on that reading (analysis/render.ts OffRecord). The playtest's lines
 * ("The United States steps back to protect what calm is left" in a week of strikes, "Iran fears another
 * death means war and moves to rein the militias in" beside a player's "Keep up the pressure") are the
 * record's reading told as a deed.
 */
import { describe, expect, it } from 'vitest';
import { buildDebrief, formatDebrief } from '../../src/analysis/debrief/debrief.ts';
import { renderEvent, toldTurningPoints } from '../../src/analysis/render.ts';
import { turnLog } from '../../src/analysis/turn-log.ts';
import { main } from '../../src/cli/main.ts';
import { logOf } from '../../src/engine/history.ts';
import type { GameEvent, GameState } from '../../src/engine/state.ts';
import { actionById, type Side } from '../../src/model/actions.ts';
import { getPolicy, offRecordSides } from '../../src/policies/index.ts';
import { playGame } from '../../src/policies/play.ts';
import { offRecordOf } from '../../src/ui/session.ts';
import { capture } from '../helpers/cli.ts';
import { scenario } from '../helpers/fixtures.ts';
import { PLAYTEST_IRAN_RED_SEA, scripted } from '../helpers/scripted.ts';

/** A move of a side's own machine (model/actors/us.ts, iran.ts). */
const sideMove = (e: GameEvent): boolean => e.kind === 'posture' && (e.actor === 'us' || e.actor === 'iran');
const movesOf = (state: GameState, side: Side) => logOf(state).filter((e) => sideMove(e) && e.actor === side);

const IRAN_ORDERS = PLAYTEST_IRAN_RED_SEA;

describe('who played a side off the record', () => {
  it('is every side whose commander is not the historical bot: a player, or another bot', () => {
    expect(offRecordSides({ us: 'historical', iran: 'historical' })).toEqual([]);
    expect(offRecordSides({ us: 'hard', iran: 'historical' })).toEqual(['us']);
    expect(offRecordOf({ side: 'iran', opponent: 'historical' })).toEqual(['iran']);
    expect(offRecordOf({ side: 'iran', opponent: 'hard' })).toEqual(['us', 'iran']);
    expect(offRecordOf({ side: 'both', opponent: null })).toEqual(['us', 'iran']);
  });
});

describe("an off-record side's machine is not told as its deeds", () => {
  // Iran played by a person against the Hawk bot (red-sea, seed 1): the US machine "steps back to
  // protect what calm is left" in a week the Hawk struck the militias, and the Iran machine
  // "lets its partners slow their tempo for the Gaza truce" in the week the player ordered pressure.
  const state = scripted('red-sea', '1', IRAN_ORDERS, 'hawk');
  const offRecord = offRecordOf({ side: 'iran', opponent: 'hawk' });

  it('the game holds the record-reading lines the playtest saw', () => {
    const stepsBack = movesOf(state, 'us').find((e) => renderEvent(e).includes('steps back to protect what calm is left'))!;
    expect(stepsBack).toBeDefined();
    expect(actionById(state.history[stepsBack.turn]!.actions.us.force)!.effects.strikes).toBeDefined();
    const easesOff = movesOf(state, 'iran').find((e) => renderEvent(e) === 'Iran lets its partners slow their tempo for the Gaza truce')!;
    expect(state.history[easesOff.turn]!.actions.iran.force).toBe('iran.unleash');
  });

  it("the player's log and week lines tell the orders and the world's answers, not either side's machine", () => {
    const log = turnLog(state, 'iran', { offRecord });
    const moves = new Set(logOf(state).filter(sideMove).map(renderEvent));
    expect(moves.size).toBeGreaterThan(3);
    for (const t of log) {
      for (const line of t.events) expect(moves.has(line), line).toBe(false);
      expect(t.own).toMatch(/^Iran \(you\): /);
    }
    // The strikes the Hawk ordered are told all the same.
    expect(log.flatMap((t) => t.events).some((l) => l.startsWith('The US carries out'))).toBe(true);
  });

  it('the debrief names no machine move as a turning point or in its questions, for a player or a bot off the record', () => {
    // Iran's tit-for-tat bot against the record's US (october-2023, seed 0): Iran's machine weighs enough
    // to be a turning point ("Iran orders restraint front by front") unless it is left out.
    const bots = playGame(scenario('october-2023'), {
      seed: '0',
      us: getPolicy('historical', 'us'),
      iran: getPolicy('tit-for-tat', 'iran'),
    });
    expect(toldTurningPoints(bots).some((tp) => sideMove(tp.event) && tp.event.actor === 'iran')).toBe(true);
    const games: [GameState, readonly Side[]][] = [
      [state, offRecord],
      [bots, ['iran']],
    ];
    for (const [s, off] of games) {
      const text = formatDebrief(buildDebrief(s, scenario(s.scenario.id), { offRecord: off }));
      const moves = logOf(s).filter((e) => sideMove(e) && (off as readonly string[]).includes(e.actor));
      expect(moves.length).toBeGreaterThan(0);
      for (const m of moves) expect(text, renderEvent(m)).not.toContain(renderEvent(m));
    }
  });

  it("a side the record's bot played keeps its machine's lines", () => {
    const s = playGame(scenario('october-2023'), { seed: '0', us: getPolicy('historical', 'us'), iran: getPolicy('tit-for-tat', 'iran') });
    const d = buildDebrief(s, scenario('october-2023'), { offRecord: ['iran'] });
    expect(d.turningPoints.some((tp) => tp.text.startsWith('The United States ') && !tp.text.startsWith('The United States orders'))).toBe(
      true,
    );
    const us = turnLog(s, 'us', { offRecord: ['iran'] }).flatMap((t) => t.events);
    expect(us.some((l) => movesOf(s, 'us').map(renderEvent).includes(l))).toBe(true);
  });
});

describe('brink run tells a bot other than the historical one by its orders', () => {
  const run = async (args: string[]) => {
    const c = capture();
    const code = await main(['run', ...args], c.io);
    expect(code).toBe(0);
    return c.out.join('\n');
  };
  /** A week's event line, or a turning point, told of the US or Iran machine. */
  const MACHINE_LINE = /^ {2}(• |\S+ \(turn \d+\) )(The United States (?!orders)|Iran (?!orders))/m;

  it('a fixed-order US and Iran: no line of either machine, every strike told', async () => {
    const args = [
      '--scenario',
      'red-sea',
      '--seed',
      '1',
      '--us-policy',
      'always:us.leadership-strike+us.strike-houthis',
      '--iran-policy',
      'always:iran.irgc-attack',
    ];
    const out = await run(args);
    // The machines moved: the US one "steps back" each week, in the weeks its commander strikes.
    const state = playGame(scenario('red-sea'), {
      seed: '1',
      us: getPolicy('always:us.leadership-strike+us.strike-houthis', 'us'),
      iran: getPolicy('always:iran.irgc-attack', 'iran'),
    });
    expect(movesOf(state, 'us').filter((e) => renderEvent(e).includes('steps back')).length).toBeGreaterThan(2);
    expect(out).not.toMatch(MACHINE_LINE);
    expect(out).toContain('The US carries out');
  });

  it("the historical bots' machines are told", async () => {
    expect(await run(['--scenario', 'red-sea', '--seed', '1'])).toMatch(MACHINE_LINE);
  });
});
