/**
 * The game's attacks on US forces are every attack on them, Iran's own fire with the militias'
 * (engine/history.ts attacksOnUsForces), wherever a total is printed: the debrief `brink run` and
 * `brink play` and `brink replay` print, the turn lines, the report. The score line beside them counts
 * the militias' attacks only (O-USA-02), and says so.
 */
import { describe, expect, it } from 'vitest';
import { buildDebrief, formatDebrief } from '../../../src/analysis/debrief/debrief.ts';
import { formatTurn } from '../../../src/cli/format.ts';
import { soFarText } from '../../../src/analysis/counts.ts';
import { newGame, step } from '../../../src/engine/game.ts';
import { totalsOf } from '../../../src/engine/history.ts';
import { ordersOf } from '../../../src/model/portfolio.ts';
import { storyHtml } from '../../../src/report/story.ts';
import { scenario } from '../../helpers/fixtures.ts';

// Iran's forces fire on US forces in the first week, beside the militias' attacks.
const state = step(newGame(scenario('tower-22'), { seed: 'counts-1' }), ordersOf('us.hold', 'iran.irgc-attack')).state;
const totals = totalsOf(state);
const all = totals.attacksOnUS + totals.iranDirectAttacks;
const expected = `Totals: ${all} attacks on US forces (${totals.iranDirectAttacks} by Iran's own forces), ${totals.usKilled} US killed`;

describe("the debrief's totals in a game where Iran's own forces fired", () => {
  it('is a game with both kinds of attack', () => {
    expect(totals.iranDirectAttacks).toBe(1);
    expect(totals.attacksOnUS).toBeGreaterThan(0);
  });

  it("count Iran's fire in the text debrief (brink run, brink play), and say how much of it there was", () => {
    const d = buildDebrief(state, scenario('tower-22'));
    expect(formatDebrief(d)).toContain(expected);
  });

  it("count it in the week's line of attacks", () => {
    const t = state.history[0]!;
    expect(formatTurn(t, t.events)).toContain(
      `Attacks on US forces ${all}: Iraq ${t.attacksOnUSIraq} · Syria ${t.attacksOnUSSyria} · Jordan ${t.attacksOnUSJordan} · Iran's own forces 1`,
    );
  });

  it('count it in the report', () => {
    const d = buildDebrief(state, scenario('tower-22'));
    expect(storyHtml(d, { id: 'g', heading: 'A game', why: '', replay: 'brink run' })).toContain(
      `${all} attacks on US forces (1 by Iran&#39;s own forces)`,
    );
  });

  it("name the score line for what it counts, the militias' attacks", () => {
    const d = buildDebrief(state, scenario('tower-22'));
    const line = d.breakdown.us.find((l) => l.term === 'attacks-on-us')!;
    expect(line.count).toBe(totals.attacksOnUS);
    expect(line.label).toBe(`${totals.attacksOnUS} militia attacks on US forces`);
  });
});

describe("the situation pane's running totals", () => {
  it('are the game totals the debrief gives, Iran’s own fire included', () => {
    const t = totalsOf(state);
    expect(soFarText(state.history)).toBe(
      `So far: ${t.attacksOnUS + t.iranDirectAttacks} attack${t.attacksOnUS + t.iranDirectAttacks === 1 ? '' : 's'} on US · ${t.usKilled} killed · ${t.usInjured} injured`,
    );
    expect(soFarText([])).toBe('So far: 0 attacks on US · 0 killed · 0 injured');
  });
});
