/**
 * The odds of war a game ran: each turn record carries the chance its ladder became war, the week's
 * counts say it, and the debrief adds the weeks up ("no war came, but these were the odds the orders
 * ran"). The chance is the engine's own (the one a war event draws against), never a second formula.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lastWeekLines } from '../../src/analysis/counts.ts';
import { buildDebrief, formatDebrief } from '../../src/analysis/debrief/debrief.ts';
import { NOTABLE_WAR_ODDS } from '../../src/analysis/debrief/questions.ts';
import { chanceText } from '../../src/analysis/render.ts';
import {
  directFireText,
  lastWeekFire,
  recordRungs,
  seenRungs,
  WAR_CHANCE_MEANING,
  weekFire,
  warOdds,
  warOddsLine,
  weekWarChanceText,
} from '../../src/analysis/war-odds.ts';
import { isDirectExchange } from '../../src/model/ladder.ts';
import { helpLines } from '../../src/ui/screens/Overlays.tsx';
import { formatTurn } from '../../src/cli/format.ts';
import { newGame, step } from '../../src/engine/game.ts';
import { observe } from '../../src/engine/observe.ts';
import type { Decisions, GameState } from '../../src/engine/state.ts';
import { ordersOf } from '../../src/model/portfolio.ts';
import { BUILTIN_POLICIES } from '../../src/policies/index.ts';
import { playGame } from '../../src/policies/play.ts';
import { loadScenario } from '../../src/scenario/loader.ts';
import { storyHtml } from '../../src/report/story.ts';

/** The war hazard reduced to a flat shock and the strikes on Iran (no rung or duration term). */
const FLAT = { warShockBase: 0.01, warHazardPerRung: 0, warDurationHazard: 0, warHazardIrgcStrike: 0, warHazardIranStrike: 0.2 };

function played(orders: Decisions, turns: number, params: Record<string, number> = FLAT, seed = 'odds'): GameState {
  let s = newGame(loadScenario('october-2023'), { seed, params });
  for (let t = 0; t < turns && !s.over; t++) s = step(s, orders).state;
  return s;
}

describe('the chance of war on the turn record', () => {
  it('is the war hazard the orders set: the residual shock alone, plus the hazard of a strike on Iran', () => {
    const held = played(ordersOf('us.hold', 'iran.hold-course'), 1).history[0]!;
    expect(held.warChance).toBeCloseTo(0.01, 12);
    const struck = played(ordersOf('us.strike-iran', 'iran.hold-course'), 1, { ...FLAT, iranAnswersHomelandStrike: 0 }).history[0]!;
    expect(struck.strikesOnIran).toBeGreaterThan(0);
    expect(struck.warChance).toBeCloseTo(0.21, 12);
  });

  it('grows with the rung reached and the length of the Gaza war at the point values', () => {
    const calm = played(ordersOf('us.hold', 'iran.hold-course'), 1, {}).history[0]!;
    const campaign = played(ordersOf('us.major-campaign', 'iran.hold-course'), 1, {}).history[0]!;
    expect(campaign.rung).toBeGreaterThan(calm.rung);
    expect(campaign.warChance).toBeGreaterThan(calm.warChance);
    const early = played(ordersOf('us.major-campaign', 'iran.hold-course'), 1, { warShockBase: 0 }).history[0]!;
    const late = played(ordersOf('us.major-campaign', 'iran.hold-course'), 4, { warShockBase: 0 }).history[3]!;
    expect(late.rung).toBe(early.rung);
    expect(late.warChance).toBeGreaterThan(early.warChance);
  });

  it('is the chance a war event draws against, and is public to both sides', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000 }), fc.constantFrom('tower-22', 'october-2023', 'red-sea'), (n, id) => {
        const s = playGame(loadScenario(id), {
          seed: `odds:${n}`,
          us: BUILTIN_POLICIES.get('random', 'us'),
          iran: BUILTIN_POLICIES.get('random', 'iran'),
        });
        for (const h of s.history) {
          expect(h.warChance).toBeGreaterThanOrEqual(0);
          expect(h.warChance).toBeLessThanOrEqual(1);
          const war = h.events.find((e) => e.kind === 'war');
          if (war?.draw) expect(war.draw.p).toBe(h.warChance);
        }
        for (const side of ['us', 'iran'] as const) {
          expect(observe(s, side).history.map((t) => t.warChance)).toEqual(s.history.map((h) => h.warChance));
        }
        const odds = warOdds(s.history, s.world.regionalWar);
        const chances = s.history.map((h) => h.warChance);
        expect(odds.chance).toBeGreaterThanOrEqual(Math.max(0, ...chances) - 1e-12);
        expect(odds.chance).toBeLessThanOrEqual(chances.reduce((a, b) => a + b, 0) + 1e-12);
        expect(odds.came?.turn).toBe(s.world.regionalWar ? s.history.at(-1)!.turn : undefined);
      }),
      { numRuns: 25 },
    );
  });
});

describe('the odds of war as the game says them', () => {
  it('adds the weeks up as the chance that any of them became war, and names the riskiest', () => {
    const history = [
      { turn: 0, date: '2024-01-28', warChance: 0.1 },
      { turn: 1, date: '2024-02-04', warChance: 0.2 },
      { turn: 2, date: '2024-02-11', warChance: 0.2 },
    ];
    const odds = warOdds(history, false);
    expect(odds.chance).toBeCloseTo(1 - 0.9 * 0.8 * 0.8, 12);
    expect(odds.riskiest).toEqual({ turn: 1, date: '2024-02-04', chance: 0.2 });
    expect(odds.came).toBeUndefined();
    expect(warOddsLine(odds)).toBe(
      'Chance of war: 42 % over the 3 weeks played; the riskiest was the week from 2024-02-04 (turn 2), at 20 %. No war came, but these were the odds the orders ran.',
    );
    const war = warOdds(history, true);
    expect(warOddsLine(war)).toBe(
      'Chance of war: 42 % over the 3 weeks played. War came in the week from 2024-02-11 (turn 3), when the chance was 20 %.',
    );
    expect(warOddsLine(warOdds([{ turn: 0, date: '2024-01-28', warChance: 0 }], false))).toBe('Chance of war: none in any week played.');
  });

  it("is in the week's lines (briefing's last week, brink run) and in the debrief, text and HTML", () => {
    const s = played(ordersOf('us.strike-iran', 'iran.hold-course'), 2, { ...FLAT, iranAnswersHomelandStrike: 0, warShockBase: 0 });
    expect(s.world.regionalWar).toBe(false);
    const week = s.history.at(-1)!;
    expect(weekWarChanceText(week)).toBe('Chance of war that week: 20 %');
    expect(formatTurn(week, week.events)).toContain('Chance of war that week: 20 %');
    // The US struck Iran and Iran did not answer: the week says what an answer in kind would add.
    const struck =
      'Chance of war that week: 20 %. Washington struck Iran or its forces directly: if Tehran answers in kind the next ' +
      'week, that exchange alone carries a 35 % chance of war (an assumption: no source puts a figure on it, Q-15).';
    expect(formatTurn(week, week.events, [], lastWeekFire(s))).toContain(struck);
    expect(lastWeekLines(s, 'us')!.lines).toContain(struck);
    expect(lastWeekLines(s, 'iran')!.lines).toContain(struck);
    const d = buildDebrief(s, loadScenario('october-2023'));
    expect(d.timeline).toHaveLength(2);
    for (const r of d.timeline) expect(r.warChance).toBeCloseTo(0.2, 12);
    const line = 'Chance of war: 36 % over the 2 weeks played; the riskiest was the week from 2023-10-17 (turn 1), at 20 %.';
    expect(formatDebrief(d)).toContain(line);
    expect(storyHtml(d, { id: 'g', heading: 'A game', why: 'a test' })).toContain(line);
  });

  it('is explained in the help, and says it is an assumption, with the command that shows it', () => {
    const help = helpLines(76).map((l) => l.text.trim());
    const at = help.indexOf('Chance of war');
    expect(at).toBeGreaterThan(0);
    const text = help.slice(at + 1, help.indexOf('', at + 1)).join(' ');
    expect(text).toBe(WAR_CHANCE_MEANING);
    expect(text).toContain('brink explain warHazardPerRung');
  });

  it('asks a question where no war came but the orders ran notable odds of one, and not where they did not', () => {
    const sc = loadScenario('october-2023');
    const game = (us: string) =>
      playGame(sc, { seed: '1', us: BUILTIN_POLICIES.get(us, 'us'), iran: BUILTIN_POLICIES.get('historical', 'iran') });
    const asked = (s: GameState) => buildDebrief(s, sc).questions.find((q) => q.startsWith('No war came, but the orders ran'));
    const hawk = game('hawk');
    const odds = warOdds(hawk.history, hawk.world.regionalWar);
    expect(hawk.world.regionalWar).toBe(false);
    expect(odds.chance).toBeGreaterThanOrEqual(NOTABLE_WAR_ODDS);
    const q = asked(hawk);
    expect(q).toContain(`a ${chanceText(odds.chance)} chance of one over the game, the most in turn ${odds.riskiest!.turn + 1}`);
    expect(q).toContain(`rung ${hawk.history[odds.riskiest!.turn]!.rung}`);
    const record = game('historical');
    expect(warOdds(record.history, false).chance).toBeLessThan(NOTABLE_WAR_ODDS);
    expect(asked(record)).toBeUndefined();
    // A game that ended in war asks about the war itself, not about odds it ran.
    const war = played(ordersOf('us.strike-iran', 'iran.hold-course'), 4, { ...FLAT, warHazardIranStrike: 1 });
    expect(war.world.regionalWar).toBe(true);
    expect(asked(war)).toBeUndefined();
  });
});

describe("direct fire in the week's chance of war", () => {
  const fire = (now: [number, number], before: [number, number] = [0, 0]) =>
    directFireText({ now: { us: now[0], iran: now[1] }, before: { us: before[0], iran: before[1] }, warFromDirectExchange: 0.35 });

  it('says what an answer in kind would add where one side fired directly, and that an exchange carries its own chance', () => {
    expect(fire([7, 6])).toBeUndefined();
    expect(fire([0, 9])).toBe(
      "Iran's own forces fired on US forces: if Washington answers in kind the next week, that exchange alone carries a 35 % " +
        'chance of war (an assumption: no source puts a figure on it, Q-15).',
    );
    expect(fire([8, 0])).toContain('Washington struck Iran or its forces directly: if Tehran answers in kind the next week');
    // The same side firing two weeks running is no exchange; an answer the week after is one.
    expect(fire([8, 0], [9, 0])).toContain('if Tehran answers in kind');
    for (const [now, before] of [
      [
        [8, 9],
        [0, 0],
      ],
      [
        [0, 8],
        [9, 0],
      ],
      [
        [8, 0],
        [0, 8],
      ],
    ] as [[number, number], [number, number]][]) {
      expect(fire(now, before)).toBe(
        'That week was a direct exchange of fire between the US and Iran, which alone carries a 35 % chance of war (an ' +
          'assumption: no source puts a figure on it, Q-15).',
      );
    }
  });

  it('calls a week an exchange exactly when the engine drew war on one, and both sides read the same direct fire', () => {
    // Every other term of the hazard at zero: a week's chance is the exchange's or nothing.
    const ONLY_EXCHANGE = { warShockBase: 0, warHazardPerRung: 0, warHazardIrgcStrike: 0, warHazardIranStrike: 0 };
    let exchanges = 0;
    let oneSided = 0;
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000 }), fc.constantFrom('tower-22', 'october-2023', 'red-sea'), (n, id) => {
        const s = playGame(loadScenario(id), {
          seed: `fire:${n}`,
          params: ONLY_EXCHANGE,
          us: BUILTIN_POLICIES.get('random', 'us'),
          iran: BUILTIN_POLICIES.get('random', 'iran'),
        });
        const p = s.params.warFromDirectExchange;
        s.history.forEach((h, i) => {
          const f = weekFire(s.history, i, recordRungs, p);
          const exchange = isDirectExchange(f.now, f.before);
          expect(h.warChance).toBeCloseTo(exchange ? p : 0, 12);
          const text = directFireText(f);
          expect(text?.startsWith('That week was a direct exchange') ?? false).toBe(exchange);
          if (exchange) exchanges++;
          else if (text) oneSided++;
        });
        for (const side of ['us', 'iran'] as const) {
          const seen = observe(s, side).history;
          seen.forEach((_, i) => {
            expect(directFireText(weekFire(seen, i, (t) => seenRungs(t, side), p))).toBe(
              directFireText(weekFire(s.history, i, recordRungs, p)),
            );
          });
        }
      }),
      { numRuns: 30 },
    );
    // Random bots fire directly often enough that both kinds of week were checked.
    expect(exchanges).toBeGreaterThan(0);
    expect(oneSided).toBeGreaterThan(0);
  });
});
