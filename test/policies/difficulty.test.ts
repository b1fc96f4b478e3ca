import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { actionById, otherSide, type Side } from '../../src/model/actions.ts';
import { parsePortfolio, portfolioRung } from '../../src/model/portfolio.ts';
import { loadScenario } from '../../src/scenario/loader.ts';
import { newGame } from '../../src/engine/game.ts';
import { outcome } from '../../src/engine/outcome.ts';
import { botStream } from '../../src/engine/rng.ts';
import { worldSampler } from '../../src/engine/determinize.ts';
import { getPolicy } from '../../src/policies/index.ts';
import { playGame } from '../../src/policies/play.ts';
import { evaluate, utilityFor } from '../../src/policies/search.ts';
import { DIFFICULTY_LEVELS, EASY_HOSTILITY, easyOrders, HARD_HOSTILITY } from '../../src/policies/difficulty.ts';

const tower = loadScenario('tower-22');
const SIDES: Side[] = ['us', 'iran'];
// Scores are 0–100 with one decimal, scaled to 0–1 for the search.
const score = fc.integer({ min: 0, max: 1000 }).map((t) => t / 1000);

describe('difficulty levels: what each opponent maximises', () => {
  it('Easy maximises its own score plus yours (your score counts as much as its own); it models you as playing for yours', () => {
    expect(EASY_HOSTILITY).toBe(-1);
    fc.assert(
      fc.property(fc.constantFrom(...SIDES), score, score, (bot, own, yours) => {
        const u = utilityFor(bot, EASY_HOSTILITY);
        const r = { [bot]: own, [otherSide(bot)]: yours } as Record<Side, number>;
        expect(u(r, bot)).toBeCloseTo(own + yours, 12);
        expect(u(r, otherSide(bot))).toBe(yours);
      }),
    );
  });

  it('Hard maximises its own score less three quarters of yours: a point you lose is worth 0.75 of its own', () => {
    expect(HARD_HOSTILITY).toBe(0.75);
    fc.assert(
      fc.property(fc.constantFrom(...SIDES), score, score, score, (bot, own, yours, more) => {
        const u = utilityFor(bot, HARD_HOSTILITY);
        const at = (y: number) => u({ [bot]: own, [otherSide(bot)]: y } as Record<Side, number>, bot);
        expect(at(yours)).toBeCloseTo(own - 0.75 * yours, 12);
        // Hurting you pays Hard, and helping you pays Easy, whatever the two scores are.
        if (more > yours) {
          expect(at(more)).toBeLessThan(at(yours));
          const easy = utilityFor(bot, EASY_HOSTILITY);
          expect(easy({ [bot]: own, [otherSide(bot)]: more } as Record<Side, number>, bot)).toBeGreaterThan(
            easy({ [bot]: own, [otherSide(bot)]: yours } as Record<Side, number>, bot),
          );
        }
      }),
    );
  });

  it("Easy's own orders: the side's most restrained force order beside signals no higher than a warning or a threat", () => {
    const s = newGame(tower, { seed: '1' });
    for (const side of SIDES) {
      const r = evaluate(
        worldSampler(s, side),
        side,
        botStream(s, side),
        { iterations: 30, worlds: 2, horizon: 1, exploration: 0.4 },
        EASY_HOSTILITY,
        easyOrders,
      );
      // The root holds exactly the filtered portfolios, and the budget is spent on them alone.
      const expected =
        side === 'us'
          ? ['us.hold+us.none', 'us.hold+us.offer-drawdown', 'us.hold+us.warn']
          : ['iran.stand-down-all+iran.none', 'iran.stand-down-all+iran.back-talks', 'iran.stand-down-all+iran.public-threats'];
      expect(r.stats.map((x) => x.action)).toEqual(expected);
      expect(r.stats.reduce((n, x) => n + x.visits, 0)).toBe(30);
    }
  });

  it('the Easy bot never uses force in a game, whatever the human does', () => {
    for (const side of SIDES) {
      const human = otherSide(side);
      const st = playGame(tower, {
        seed: 'easy',
        [side]: getPolicy('easy', side),
        [human]: getPolicy('hawk', human),
      } as unknown as Parameters<typeof playGame>[1]);
      for (const t of st.history) {
        const p = t.actions[side];
        expect(portfolioRung(p)).toBeLessThanOrEqual(1);
        expect(actionById(p.force)!.id).toBe(side === 'us' ? 'us.hold' : 'iran.stand-down-all');
        expect(parsePortfolio(`${p.force}+${p.signal}`, side)).toEqual(p);
      }
    }
  });

  // Measured for the note (docs/strategy.md §4.2) with the whole panel; here one stand-in, a few games.
  it('an Iranian human playing the record scores more against Easy than against the record (Normal) in tower-22', () => {
    let easy = 0;
    let normal = 0;
    for (let i = 0; i < 4; i++) {
      const seed = `d${i}`;
      const iran = getPolicy('historical', 'iran');
      easy += outcome(playGame(tower, { seed, us: getPolicy('easy', 'us'), iran })).scores.iran;
      normal += outcome(playGame(tower, { seed, us: getPolicy('historical', 'us'), iran })).scores.iran;
    }
    expect(easy).toBeGreaterThan(normal);
  });

  it('the set-up screen says what each level weighs', () => {
    const note = (id: string) => DIFFICULTY_LEVELS.find((l) => l.id === id)!.note;
    expect(note('easy')).toMatch(/no force/);
    expect(note('easy')).toMatch(/your score as much as its own/);
    expect(note('hard')).toMatch(/each point you lose is worth three quarters of one of its own to it/);
    expect(DIFFICULTY_LEVELS.map((l) => l.policy)).toEqual(['easy', 'historical', 'hard']);
  });
});
