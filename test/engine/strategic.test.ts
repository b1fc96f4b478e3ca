/**
 * The strategic mechanisms of docs/strategy.md, each shown to act: the reply to a strike on Iran is a
 * real decision, a limited exchange need not be war, war risk follows what the sides do, force deters
 * with restraint and provokes in a lull, the calm can unravel, and the score lines read the objectives.
 */
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/scenario/loader.ts';
import { newGame, step } from '../../src/engine/game.ts';
import { scoreLines } from '../../src/engine/outcome.ts';
import type { GameState } from '../../src/engine/state.ts';
import { logOf, totalsOf } from '../../src/engine/history.ts';
import { chooseAction, getPolicy } from '../../src/policies/index.ts';
import { playGame } from '../../src/policies/play.ts';
import { ordersOf } from '../../src/model/portfolio.ts';
import { renderEvent } from '../../src/analysis/render.ts';

const tower = loadScenario('tower-22');
const october = loadScenario('october-2023');
const seeds = (n: number) => Array.from({ length: n }, (_, i) => `m${i}`);

function games(scenario = tower, us: string, iran: string, n: number, params?: Record<string, number>): GameState[] {
  return seeds(n).map((seed) =>
    playGame(scenario, { seed, us: getPolicy(us, 'us'), iran: getPolicy(iran, 'iran'), ...(params ? { params } : {}) }),
  );
}
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

describe("Iran's answer to a strike on its soil (R-IRN-09, R-IRN-03, Q-15)", () => {
  it('a strike leaves Iran deciding its reply next turn, whatever it ordered the same week', () => {
    for (const iranOrder of ['iran.rein-in', 'iran.hold-course', 'iran.public-threats']) {
      const s = step(newGame(tower, { seed: '1' }), ordersOf('us.strike-iran', iranOrder)).state;
      if (s.over) continue;
      expect(s.actors.iran.value).toBe('retaliating');
    }
  });

  it('the historical reply follows iranAnswersHomelandStrike: 1 → Iranian fire, 0 → none', () => {
    const fire = (x: number) =>
      mean(
        games(tower, 'always:us.strike-irgc', 'historical', 12, { iranAnswersHomelandStrike: x }).map((g) => totalsOf(g).iranDirectAttacks),
      );
    expect(fire(1)).toBeGreaterThan(0.5);
    expect(fire(0)).toBe(0);
  });

  it('a random US draws Iranian direct attacks', () => {
    expect(mean(games(october, 'random', 'historical', 20).map((g) => totalsOf(g).iranDirectAttacks))).toBeGreaterThan(0);
  });
});

describe('a limited direct exchange need not be war (Q-15)', () => {
  it('with warFromDirectExchange = 1 every exchange is war; at its floor many are not', () => {
    const exchange = (x: number) => {
      let exchanges = 0;
      let wars = 0;
      for (const seed of seeds(30)) {
        let s = newGame(tower, {
          seed,
          params: { warFromDirectExchange: x, warShockBase: 0, warHazardPerRung: 0, warHazardIranStrike: 0, warHazardIrgcStrike: 0 },
        });
        s = step(s, ordersOf('us.strike-irgc', 'iran.irgc-attack')).state;
        exchanges += 1;
        if (s.world.regionalWar) wars += 1;
      }
      return wars / exchanges;
    };
    expect(exchange(1)).toBe(1);
    const low = exchange(0.15);
    expect(low).toBeGreaterThan(0);
    expect(low).toBeLessThan(0.5);
  });
});

describe('war risk is a consequence of what the sides do (R-SYS-01, R-SYS-06)', () => {
  it("the residual shock is a small share of the historical game's war risk, and striking Iran multiplies it", () => {
    const war = (us: string, params?: Record<string, number>) =>
      mean(games(october, us, 'historical', 60, params).map((g) => (g.world.regionalWar ? 1 : 0)));
    const base = war('historical');
    const noResidual = war('historical', { warShockBase: 0 });
    expect(base - noResidual).toBeLessThanOrEqual(0.02);
    expect(war('always:us.strike-iran')).toBeGreaterThan(base + 0.5);
  });
});

describe('deterrence with restraint, provocation in a lull (R-SYS-05, R-USA-04, R-SYS-07)', () => {
  /** The state after one turn, with last week's record rewritten to a lull or to attacks. */
  function afterWeek(lull: boolean): GameState {
    const s = step(newGame(tower, { seed: '5' }), ordersOf('us.hold', 'iran.rein-in')).state;
    const last = s.history[s.history.length - 1]!;
    const week = lull
      ? { ...last, attacksOnUSIraq: 0, attacksOnUSJordan: 0, attacksOnUS: last.attacksOnUSSyria }
      : { ...last, attacksOnUSIraq: 4, attacksOnUS: last.attacksOnUS + 4 };
    return { ...s, history: [...s.history.slice(0, -1), week] };
  }
  it('a strike answering attacks adds deterrence; the same strike in a lull adds none and twice the grievance', () => {
    const hit = (s: GameState) => step(s, ordersOf('us.calibrated-strikes', 'iran.public-threats')).state;
    const [answering, unprovoked] = [afterWeek(false), afterWeek(true)];
    const a = hit(answering);
    const b = hit(unprovoked);
    expect(a.world.deterrence).toBeGreaterThan(b.world.deterrence);
    // both states share their actors (same seed, same first turn): only last week's record differs
    expect(b.actors.syrianMilitias.context.grievance).toBeGreaterThan(a.actors.syrianMilitias.context.grievance);
  });

  it('strikes on militias standing down can unravel the calm, more often the angrier they are', () => {
    const relapses = (x: number) => {
      let n = 0;
      for (const seed of seeds(40)) {
        let s = newGame(tower, { seed, params: { relapsePerGrievance: x } });
        s = {
          ...s,
          actors: { ...s.actors, iraqiMilitias: { value: 'standingDown', context: { ...s.actors.iraqiMilitias.context, grievance: 0.9 } } },
        };
        s = step(s, ordersOf('us.leadership-strike', 'iran.public-threats')).state;
        if (logOf(s).some((e) => e.kind === 'posture' && e.actor === 'iraqiMilitias' && e.rules.includes('R-SYS-07'))) n++;
      }
      return n;
    };
    expect(relapses(0)).toBe(0);
    expect(relapses(0.3)).toBeGreaterThan(4);
    expect(relapses(0.3)).toBeGreaterThan(relapses(0.03));
  });
});

describe('the machines narrate what the side actually ordered, not what the record did', () => {
  const said = (s: GameState, actor: 'us' | 'iran', turn: number) =>
    logOf(s)
      .filter((e) => e.kind === 'posture' && e.actor === actor && e.turn === turn)
      .map(renderEvent)
      .join(' | ');

  it('a US vow kept by striking Iran is not "sparing Iran", and what follows is no calm', () => {
    // tower-22 opens with the US vowing an answer to the deaths.
    let s = step(newGame(tower, { seed: '1', params: { iranAnswersHomelandStrike: 0 } }), ordersOf('us.strike-iran', 'iran.rein-in')).state;
    expect(said(s, 'us', 0)).toMatch(/striking Iran/);
    expect(said(s, 'us', 0)).not.toMatch(/sparing Iran/);
    if (s.over) return;
    s = step(s, ordersOf('us.strike-iran', 'iran.public-threats')).state;
    expect(said(s, 'us', 1)).not.toMatch(/protecting the calm/);
    const campaign = step(newGame(tower, { seed: '1' }), ordersOf('us.major-campaign', 'iran.rein-in')).state;
    expect(said(campaign, 'us', 0)).toMatch(/sparing Iran/);
  });

  it('a follow-up campaign is not "protecting the calm", and a large campaign answering attacks is not "measured"', () => {
    // tower-22: the vow is kept with a campaign, then a second campaign follows up.
    let s = step(newGame(tower, { seed: '1' }), ordersOf('us.major-campaign', 'iran.rein-in')).state;
    s = step(s, ordersOf('us.major-campaign', 'iran.quiet-message')).state;
    expect(said(s, 'us', 1)).toMatch(/follows up with strikes on the militias/);
    expect(said(s, 'us', 1)).not.toMatch(/moves to protecting the calm/);
    // october-2023: enough attacks go unanswered, then the US answers with a large campaign.
    const game = seeds(20)
      .map((seed) => {
        let g = newGame(october, { seed });
        for (let t = 0; t < 6 && g.actors.us.value !== 'responding'; t++) g = step(g, ordersOf('us.hold', 'iran.hold-course')).state;
        return g;
      })
      .find((g) => g.actors.us.value === 'responding' && !g.over)!;
    const answered = step(game, ordersOf('us.major-campaign', 'iran.hold-course')).state;
    const text = said(answered, 'us', game.turn);
    expect(text).toMatch(/answers the attacks with a large campaign/);
    expect(text).not.toMatch(/measured/);
  });

  it("Iran's posture after its reply says whether it fired", () => {
    const struck = step(newGame(tower, { seed: '2' }), ordersOf('us.strike-irgc', 'iran.rein-in')).state;
    expect(struck.actors.iran.value).toBe('retaliating');
    // A direct exchange may run into war (warFromDirectExchange): the first seed where it did not.
    const fired = seeds(20)
      .map((seed) => step({ ...struck, seed, rng: newGame(tower, { seed }).rng }, ordersOf('us.hold', 'iran.missile-strike')).state)
      .find((x) => !x.world.regionalWar);
    const passed = step(struck, ordersOf('us.hold', 'iran.quiet-message')).state;
    expect(said(fired!, 'iran', 1)).toMatch(/answers with its own fire/);
    expect(said(passed, 'iran', 1)).toMatch(/lets the strike pass/);
  });
});

describe("the brake waits on Washington's answer to the deaths (R-IRN-01, R-IRN-04, R-SYS-07)", () => {
  // Iran has just seen Americans die and moved to brake; the US's orders of the next turn are its answer.
  const afterDeaths = (seed = '1', params?: Record<string, number>): GameState => {
    const s = newGame(october, { seed, ...(params ? { params } : {}) });
    const iran = s.actors.iran;
    return { ...s, actors: { ...s.actors, iran: { value: 'braking', context: { ...iran.context, answerAwaited: true } } } };
  };
  const answer = (usOrder: string, params?: Record<string, number>) =>
    step(afterDeaths('1', params), ordersOf(usOrder, 'iran.rein-in')).state.actors.iran;

  it('a vow or strikes on the attackers or on Iran answer the deaths; holding fire, talks or strikes in Yemen do not', () => {
    for (const order of ['us.hold+us.warn', 'us.calibrated-strikes', 'us.major-campaign+us.strike-houthis', 'us.strike-irgc']) {
      const iran = answer(order);
      expect([order, iran.context.answerWithheld, iran.context.answerAwaited]).toEqual([order, false, false]);
    }
    for (const order of ['us.hold', 'us.hold+us.offer-drawdown', 'us.show-of-force', 'us.hold+us.strike-houthis']) {
      const iran = answer(order);
      expect([order, iran.value, iran.context.answerWithheld]).toEqual([order, 'restraining', true]);
    }
  });

  it('an unanswered brake holds with the chance iranBrakesUnanswered: the historical bot lifts it at 0 and keeps it at 1', () => {
    const next = (x: number) => {
      const s = step(afterDeaths('1', { iranBrakesUnanswered: x }), ordersOf('us.hold', 'iran.rein-in')).state;
      return chooseAction(s, 'iran', getPolicy('historical', 'iran')).force;
    };
    expect(next(0)).toBe('iran.hold-course');
    expect(next(1)).toBe('iran.quiet-message');
    // Answered, the brake holds whatever the parameter says.
    const answered = step(afterDeaths('1', { iranBrakesUnanswered: 0 }), ordersOf('us.hold+us.warn', 'iran.rein-in')).state;
    expect(chooseAction(answered, 'iran', getPolicy('historical', 'iran')).force).toBe('iran.quiet-message');
  });

  it('the historical US always answers, so the parameter never changes its games; a dove that never does pays in attacks', () => {
    const attacks = (us: string, x: number) =>
      games(october, us, 'historical', 24, { iranBrakesUnanswered: x }).map((g) => totalsOf(g).attacksOnUS);
    expect(attacks('historical', 0)).toEqual(attacks('historical', 1));
    const [lifted, kept] = [attacks('dove', 0), attacks('dove', 1)];
    expect(mean(lifted)).toBeGreaterThan(mean(kept) + 5);
  });
});

describe('score lines read the objectives (§6)', () => {
  it('striking Iran costs the US its O-USA-02 line; rung-turns above 6 cost escalation', () => {
    const g = games(tower, 'always:us.strike-iran', 'historical', 1, {
      warFromDirectExchange: 0.15,
      warHazardIranStrike: 0,
      warShockBase: 0,
    })[0]!;
    const us = scoreLines(g).us;
    expect(us.find((l) => l.term === 'iran-struck')!.points).toBe(-g.params.scoreUsIranStruck);
    expect(us.find((l) => l.term === 'escalation')!.points).toBeLessThan(0);
  });

  it('deterrence at the end counts only where a lull holds in its last week (O-USA-03)', () => {
    // october-2023 ends a week after the 2 Feb strikes: some games are quiet in Iraq and Jordan by then, some not.
    const ended = [...games(october, 'historical', 'historical', 16), ...games(october, 'always:us.major-campaign', 'historical', 16)];
    const seen = { lull: 0, attacks: 0 };
    for (const g of ended) {
      const last = g.history[g.history.length - 1]!;
      const line = scoreLines(g).us.find((l) => l.term === 'deterrence')!;
      expect(g.world.deterrence).toBeGreaterThan(0);
      if (last.attacksOnUSIraq + last.attacksOnUSJordan === 0 && !g.world.regionalWar) {
        seen.lull += 1;
        expect(line.happened).toBe(true);
        expect(line.points).toBeCloseTo(g.params.scoreUsDeterrence * g.world.deterrence, 12);
      } else {
        seen.attacks += 1;
        expect(line.happened).toBe(false);
        expect(line.points).toBe(0);
      }
    }
    expect(seen.lull).toBeGreaterThan(0);
    expect(seen.attacks).toBeGreaterThan(0);
  });

  it('a regional war earns no deterrence credit, even where its last week had no militia attack', () => {
    // The hawk's wars in october-2023: some end in a week with no attack in Iraq or Jordan (the militias
    // are not what ends the game).
    const wars = games(october, 'hawk', 'historical', 40).filter((g) => g.world.regionalWar);
    const quietWars = wars.filter((g) => {
      const last = g.history[g.history.length - 1]!;
      return last.attacksOnUSIraq + last.attacksOnUSJordan === 0;
    });
    expect(quietWars.length).toBeGreaterThan(0);
    for (const g of quietWars) {
      const line = scoreLines(g).us.find((l) => l.term === 'deterrence')!;
      expect(g.world.deterrence).toBeGreaterThan(0);
      expect(line.happened).toBe(false);
      expect(line.points).toBe(0);
    }
  });

  it('Iran gains from pressure only while no American has died (R-IRN-02), and loses per death', () => {
    const pressure = (g: GameState) => scoreLines(g).iran.find((l) => l.term === 'pressure')!.points;
    // tower-22 starts after three deaths: pressure is worth nothing there, whatever Iran does
    for (const g of games(tower, 'historical', 'always:iran.hold-course', 5)) expect(pressure(g)).toBe(0);
    const oct = games(october, 'historical', 'always:iran.hold-course', 5);
    expect(Math.max(...oct.map(pressure))).toBeGreaterThan(0);
    for (const g of oct) {
      const deaths = scoreLines(g).iran.find((l) => l.term === 'deaths-by-partners')!;
      expect(deaths.points).toBe(-g.params.scoreIranPerUsDeath * totalsOf(g).usKilled);
    }
  });

  it("Iran's pressure pays only below the war threshold: a week its own forces fire on US forces counts nothing (R-IRN-11, R-IRN-15)", () => {
    const pressure = (g: GameState) => scoreLines(g).iran.find((l) => l.term === 'pressure')!.points;
    // No deaths and no war, so only the week's own fire can take the pressure away.
    const params = { fatalityPerAttack: 0, warShockBase: 0, warHazardPerRung: 0, warFromDirectExchange: 0.15 };
    const week = (iran: string) => {
      const s = step(newGame(october, { seed: '4', params }), ordersOf('us.hold', iran)).state;
      expect(s.world.regionalWar).toBe(false);
      expect(s.history[0]!.attacksOnUS).toBeGreaterThan(0);
      return s;
    };
    expect(pressure(week('iran.hold-course'))).toBeGreaterThan(0);
    for (const direct of ['iran.irgc-attack', 'iran.missile-strike']) {
      const s = week(direct);
      expect(s.history[0]!.iranDirectAttacks).toBe(1);
      expect(pressure(s)).toBe(0);
    }
  });

  it('a bot sees the reply as its own choice: the historical bot, told to answer, fires from Iran', () => {
    let s = newGame(tower, { seed: '3', params: { iranAnswersHomelandStrike: 1 } });
    s = step(s, ordersOf('us.strike-iran', 'iran.rein-in')).state;
    if (!s.over) expect(chooseAction(s, 'iran', getPolicy('historical', 'iran')).force).toBe('iran.missile-strike');
  });
});
