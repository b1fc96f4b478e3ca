/**
 * The behavioural rules of DOMAIN.md §5 the model must encode, each checked on the machines or the
 * engine. A test per rule, named by its ID.
 */
import { describe, expect, it } from 'vitest';
import { ACTORS, activityOf } from '../../src/model/actors/index.ts';
import { complianceChance } from '../../src/model/actors/iraqi-militias.ts';
import { defaultParams } from '../../src/model/params.ts';
import type { Presser } from '../../src/model/runtime.ts';
import { logOf, totalsOf } from '../../src/engine/history.ts';
import { newGame, step } from '../../src/engine/game.ts';
import type { Decisions, GameState } from '../../src/engine/state.ts';
import { chooseAction, getPolicy } from '../../src/policies/index.ts';
import { playGame } from '../../src/policies/play.ts';
import type { Scenario } from '../../src/scenario/schema.ts';
import { scenario } from '../helpers/fixtures.ts';
import { ordersOf } from '../../src/model/portfolio.ts';
import { actionById } from '../../src/model/actions.ts';

const params = defaultParams();
const historical = { us: getPolicy('historical', 'us'), iran: getPolicy('historical', 'iran') };

/** Plays the decisions in order, stopping early if the game ends (a regional war can end any game). */
function run(s: GameState, decisions: readonly Decisions[]): GameState {
  for (const d of decisions) {
    if (s.over) break;
    s = step(s, d).state;
  }
  return s;
}
const pressing = (who: readonly Presser[], iranWarFear: number) => ({ pressers: new Set(who), iranWarFear });
const houthiRate = (snap: { value: string; context: object }) => activityOf('houthis', snap, { deterrence: 0 }, params).shipping;
/** A quiet week: the US holds fire, Iran threatens in public and keeps its per-front restraint (R-IRN-09). */
const quiet: Decisions = ordersOf('us.hold', 'iran.rein-in+iran.public-threats');
/** The same without restraint: Iran keeps up the pressure while it threatens. */
const keepingPressure: Decisions = ordersOf('us.hold', 'iran.hold-course+iran.public-threats');

describe('Iran', () => {
  it('R-IRN-01/02 fatality brake: a US death moves Iran from pressure to the brake, and the historical bot reins the militias in', () => {
    const s = ACTORS.iran.send(ACTORS.iran.initial(params), { type: 'US_KILLED', killed: 3 }).snapshot;
    expect(s.value).toBe('braking');
    const g = newGame(scenario('tower-22'), { seed: 'brake' });
    expect(chooseAction(g, 'iran', historical.iran).force).toBe('iran.rein-in');
  });

  it('R-IRN-05 per-front directive: Iraq halts, Syria scales back, Lebanon and Yemen go on', () => {
    let g = newGame(scenario('october-2023'), { seed: 'fronts' });
    g = run(g, [ordersOf('us.hold', 'iran.rein-in'), quiet]);
    expect(g.world.directive).toEqual({ iraq: 'halt', syria: 'reduce', lebanon: 'sustain', yemen: 'sustain' });
    expect(g.actors.syrianMilitias.value).toBe('scalingBack');
    expect(['resisting', 'standingDown']).toContain(g.actors.iraqiMilitias.value);
    expect(g.actors.hezbollah.value).toBe('borderFire');
    expect(g.actors.houthis.value).toBe('campaign');
  });

  it('R-IRN-08 withdrawal incentive: quiet weeks in Iraq move the talks, attacks set them back', () => {
    let g = newGame(scenario('rafah'), { seed: 'talks' });
    const before = g.actors.iraqiGovernment.context.withdrawalMomentum;
    g = run(g, [quiet, quiet, quiet]);
    const quietWeeks = g.history.filter((h) => h.attacksOnUSIraq === 0).length;
    expect(g.actors.iraqiGovernment.context.withdrawalMomentum).toBeCloseTo(
      before + quietWeeks * params.withdrawalPerQuietWeek - totalsOf(g).attacksOnUSIraq * params.withdrawalPerAttack,
      6,
    );
    const gov = ACTORS.iraqiGovernment;
    const after = gov.send(gov.initial(params, { withdrawalMomentum: 0.5 }), {
      type: 'WEEK_END',
      attacksOnUS: 5,
      attacksIraq: 5,
      houthiAttacks: 0,
      usKilled: 0,
      weeks: 1,
    }).snapshot;
    expect(after.context.withdrawalMomentum).toBeCloseTo(0.5 - 5 * params.withdrawalPerAttack, 9);
  });

  it('R-IRN-08, R-MIL-06: quiet moves the talks only while they live; a US offer, a commander killed or US deaths bring them alive', () => {
    const gov = ACTORS.iraqiGovernment;
    const quietWeek = { type: 'WEEK_END', attacksOnUS: 0, attacksIraq: 0, houthiAttacks: 0, usKilled: 0, weeks: 1 } as const;
    const weeks = (s: ReturnType<typeof gov.initial>, n: number) => {
      for (let i = 0; i < n; i++) s = gov.send(s, quietWeek).snapshot;
      return s;
    };
    // Nobody at the table: four quiet weeks move nothing, and Baghdad keeps watching.
    const idle = weeks(gov.initial(params), 4);
    expect(idle.context.withdrawalMomentum).toBe(0);
    expect(idle.value).toBe('watching');
    // Washington offers talks: from then on quiet weeks move them.
    const backed = weeks(gov.send(gov.initial(params), { type: 'TALKS', from: 'us' }).snapshot, 4);
    expect(backed.context.withdrawalMomentum).toBeCloseTo(params.withdrawalPerTalksOffer + 4 * params.withdrawalPerQuietWeek, 9);
    expect(backed.value).toBe('talksAdvancing');
    // Iran is not at the table (E-12): its backing opens no talks, and quiet then moves nothing ...
    const lobbied = weeks(gov.send(gov.initial(params), { type: 'TALKS', from: 'iran' }).snapshot, 4);
    expect(lobbied.context).toMatchObject({ withdrawalMomentum: 0, talksAlive: false });
    expect(lobbied.value).toBe('watching');
    // ... but it adds to talks under way, as much as a US offer does.
    const underWay = gov.send(gov.initial(params), { type: 'TALKS', from: 'us' }).snapshot;
    expect(gov.send(underWay, { type: 'TALKS', from: 'iran' }).snapshot.context.withdrawalMomentum).toBeCloseTo(
      2 * params.withdrawalPerTalksOffer,
      9,
    );
    const afterKilling = weeks(gov.send(gov.initial(params), { type: 'COMMANDER_KILLED' }).snapshot, 2);
    expect(afterKilling.context.withdrawalMomentum).toBeCloseTo(params.withdrawalPerLeaderKilled + 2 * params.withdrawalPerQuietWeek, 9);
    const afterDeaths = weeks(gov.send(gov.initial(params), { type: 'US_KILLED', killed: 3 }).snapshot, 2);
    expect(afterDeaths.context.withdrawalMomentum).toBeCloseTo(2 * params.withdrawalPerQuietWeek, 9);
    // In a game: Iran reining in from October, nobody backing talks, leaves the momentum at zero.
    let g = newGame(scenario('october-2023'), { seed: 'no-talks' });
    g = run(
      g,
      Array.from({ length: 6 }, () => ordersOf('us.hold', 'iran.rein-in')),
    );
    expect(g.actors.iraqiGovernment.context.withdrawalMomentum).toBe(0);
    // The dove's play from October, reining in and backing the talks, opens none either.
    let dove = newGame(scenario('october-2023'), { seed: 'no-talks' });
    dove = run(
      dove,
      Array.from({ length: 6 }, () => ordersOf('us.hold', 'iran.rein-in+iran.back-talks')),
    );
    expect(dove.actors.iraqiGovernment.context).toMatchObject({ withdrawalMomentum: 0, talksAlive: false });
  });

  it('R-IRN-14 truce compliance: the November pause cuts attacks in the week it covers', () => {
    const withTruce = scenario('october-2023');
    const without: Scenario = { ...withTruce, injects: [] };
    let a = 0;
    let b = 0;
    for (let i = 0; i < 120; i++) {
      const decisions = Array.from({ length: 7 }, () => ordersOf('us.warn', 'iran.hold-course'));
      const ga = run(newGame(withTruce, { seed: `t${i}` }), decisions).history[5];
      const gb = run(newGame(without, { seed: `t${i}` }), decisions).history[5];
      if (!ga || !gb) continue;
      a += ga.attacksOnUS;
      b += gb.attacksOnUS;
    }
    // The pause covers 24–30 Nov, 4 of turn 5's 7 days (17–23 Nov is turn 4): expect well under the untruced week.
    expect(a).toBeLessThan(b * 0.8);
  });

  it('R-IRN-12 Rafah pledge: an assault turns up Hezbollah and the Houthis and Iran backs them', () => {
    const base = scenario('rafah');
    const certain: Scenario = { ...base, injects: base.injects.map((i) => (i.kind === 'rafah-window' ? { ...i, chancePerTurn: 1 } : i)) };
    let g = newGame(certain, { seed: 'rafah' });
    g = run(g, [quiet, quiet, quiet]);
    expect(g.actors.israel.value).toBe('rafahAssault');
    expect(g.actors.hezbollah.value).toBe('intensified');
    expect(g.actors.houthis.value).toBe('intensified');
    expect(g.actors.iran.value).toBe('escalating');
    expect(chooseAction(g, 'iran', historical.iran).force).toBe('iran.escalate-fronts');
    expect(houthiRate(g.actors.houthis)).toBeGreaterThan(houthiRate({ ...g.actors.houthis, value: 'campaign' }));
  });

  it('R-IRN-13 envoys: a directive carried in person arrives sooner than by message, and makes compliance likelier', () => {
    const lagOf = (iranAction: string, seed: string) => {
      const g = step(newGame(scenario('october-2023'), { seed }), ordersOf('us.hold', iranAction)).state;
      const arrival = logOf(g).find((e) => e.kind === 'directive' && e.actor === 'iraqiMilitias');
      return arrival ? arrival.day : 7 + (g.schedule.find((t) => t.task.kind === 'deliver')?.day ?? 99);
    };
    for (let i = 0; i < 30; i++) {
      const envoy = lagOf('iran.rein-in', `e${i}`);
      const message = lagOf('iran.quiet-message', `e${i}`);
      expect(envoy).toBeGreaterThanOrEqual(params.envoyLagMinDays);
      expect(envoy).toBeLessThanOrEqual(params.envoyLagMaxDays);
      expect(message).toBeGreaterThanOrEqual(params.directiveLagMinDays);
    }
    const ctx = ACTORS.iraqiMilitias.initial(params).context;
    const pushes = pressing([], 0);
    expect(complianceChance({ ...ctx, envoys: true }, pushes, params)).toBeGreaterThan(complianceChance(ctx, pushes, params));
  });

  it('R-IRN-15 Iran never opens war by itself: the historical bot never picks a direct attack unless struck at home', () => {
    for (let i = 0; i < 40; i++) {
      const g = playGame(scenario('october-2023'), { seed: `w${i}`, ...historical });
      expect(totalsOf(g).iranDirectAttacks).toBe(0);
    }
  });
});

describe('militias', () => {
  it('R-MIL-02 ideological resistance: a halt is refused first, never obeyed on arrival', () => {
    const m = ACTORS.iraqiMilitias;
    const s = m.send(m.initial(params), { type: 'DIRECTIVE', level: 'halt', envoys: true }).snapshot;
    expect(s.value).toBe('resisting');
    expect(complianceChance(s.context, pressing([], 0), params)).toBeLessThan(1);
  });

  it('R-MIL-03 lagged, partial compliance: pressure from Iran, Baghdad and the clerics adds up; attacks go on until the halt sticks', () => {
    const ctx = { ...ACTORS.iraqiMilitias.initial(params).context, envoys: true };
    const alone = complianceChance(ctx, pressing([], 0), params);
    const aligned = complianceChance(ctx, pressing(['baghdad', 'clerics'], 0), params);
    expect(complianceChance(ctx, pressing(['baghdad', 'clerics'], 0.8), params)).toBeGreaterThan(aligned);
    expect(aligned).toBeGreaterThan(alone);
    let firstWeek = 0;
    for (let i = 0; i < 60; i++) {
      const g = step(newGame(scenario('tower-22'), { seed: `lag${i}` }), ordersOf('us.hold', 'iran.rein-in')).state;
      firstWeek += g.history[0]!.attacksOnUSIraq;
    }
    expect(firstWeek / 60).toBeGreaterThan(0.5);
  });

  it('R-MIL-07 rogue cells: standing down is not zero', () => {
    const s = { value: 'standingDown', context: ACTORS.iraqiMilitias.initial(params).context };
    const r = activityOf('iraqiMilitias', s, { deterrence: 0 }, params).onUS;
    expect(r.iraq).toBeGreaterThan(0);
    expect(r.jordan).toBe(0);
    expect(r.iraq).toBeLessThan(params.militiaAttackRate * params.shareIraq * 0.05);
  });

  it('R-MIL-05 grievance after a killed commander: anger rises, compliance gets harder, the vow is words only', () => {
    let g = newGame(scenario('rafah'), { seed: 'grief' });
    const before = g.actors.iraqiMilitias.context.grievance;
    g = step(g, ordersOf('us.leadership-strike', 'iran.rein-in+iran.public-threats')).state;
    const ctx = g.actors.iraqiMilitias.context;
    expect(ctx.grievance).toBeCloseTo(Math.min(1, before + params.grievancePerLeaderKilled) * (1 - params.grievanceDecay), 9);
    expect(g.actors.iraqiMilitias.value).toBe('standingDown');
    expect(logOf(g).some((e) => e.actor === 'iraqiMilitias' && e.rules.includes('R-MIL-05'))).toBe(true);
    const pushes = pressing(['baghdad', 'clerics'], 0.2);
    expect(complianceChance({ ...ctx, grievance: 0.9 }, pushes, params)).toBeLessThan(
      complianceChance({ ...ctx, grievance: 0 }, pushes, params),
    );
  });
});

describe('control spectrum (C-01 … C-04) and Houthi autonomy (R-HOU-01)', () => {
  it('Hezbollah heeds at once, Iraqi militias resist, Houthis ignore the order', () => {
    const order = { type: 'DIRECTIVE', level: 'reduce', envoys: true } as const;
    expect(ACTORS.hezbollah.send(ACTORS.hezbollah.initial(params), order).snapshot.value).toBe('restrained');
    expect(ACTORS.iraqiMilitias.send(ACTORS.iraqiMilitias.initial(params), order).snapshot.value).toBe('resisting');
    const h = ACTORS.houthis.send(ACTORS.houthis.initial(params), order).snapshot;
    expect(h.value).toBe('campaign');
    expect(houthiRate(h)).toBe(houthiRate(ACTORS.houthis.initial(params)));
  });
});

describe('United States', () => {
  it('F-10, F-11 a finite roster: leadership strikes kill commanders only while one is left in reach, then hit sites', () => {
    const strikes = Array.from({ length: 6 }, () => ordersOf('us.leadership-strike', 'iran.rein-in'));
    for (const reach of [2, 4]) {
      const g = run(newGame(scenario('october-2023'), { seed: 'roster', params: { commandersInReach: reach } }), strikes);
      expect(g.over, 'six weeks of leadership strikes end no game here').toBeNull();
      expect(totalsOf(g).leadersKilled).toBe(reach);
      expect(g.actors.iraqiMilitias.context).toMatchObject({ leadersKilled: reach });
      const aimed = logOf(g).filter((e) => e.kind === 'strike' && e.action === 'us.leadership-strike');
      expect(aimed).toHaveLength(6);
      expect(aimed.map((e) => e.kind === 'strike' && e.leaderKilled === true)).toEqual(Array.from({ length: 6 }, (_, i) => i < reach));
      expect(aimed.slice(reach).every((e) => e.kind === 'strike' && e.noCommanderInReach === true)).toBe(true);
    }
    // Commanders killed before the scenario opens count against the roster: rafah opens after the 7 Feb killing.
    const rafah = run(newGame(scenario('rafah'), { seed: 'roster', params: { commandersInReach: 3 } }), strikes);
    expect(rafah.actors.iraqiMilitias.context).toMatchObject({ leadersKilled: 3 });
    expect(totalsOf(rafah).leadersKilled).toBe(2);
    // The historical US kills no more than the record's roster allows: its games are the same with no limit.
    for (const id of ['october-2023', 'tower-22', 'red-sea', 'rafah']) {
      for (let i = 0; i < 10; i++) {
        const limited = playGame(scenario(id), { seed: `r${i}`, ...historical });
        const unlimited = playGame(scenario(id), { seed: `r${i}`, ...historical, params: { commandersInReach: 20 } });
        expect(totalsOf(limited), `${id} r${i}`).toEqual(totalsOf(unlimited));
      }
    }
  });

  it('R-USA-09 the US confronting Iran steps back after its strike, and says that it struck first in a week it did', () => {
    const us = ACTORS.us;
    const from = us.initial(params, {}, 'confronting');
    const acted = (action: string) => us.send(from, { type: 'ACTED', action, signal: 'us.none', rung: 0 }).transition!;
    const struck = acted('us.strike-irgc');
    expect(struck.to).toBe('preservingLull');
    expect(struck.meta?.says).toBe("strikes Iran's forces once, then steps back to protect what calm is left");
    const held = acted('us.hold');
    expect(held.to).toBe('preservingLull');
    expect(held.meta?.says).toBe('steps back to protect what calm is left');
  });

  it("R-USA-03 a US that strikes Iran of its own accord is confronting Iran while it keeps striking, and Iran's intelligence reads that", () => {
    const weekly = ordersOf('us.strike-irgc', 'iran.hold-course');
    let g = newGame(scenario('october-2023'), {
      seed: 'press',
      params: { warShockBase: 0, warHazardIrgcStrike: 0, iranAnswersHomelandStrike: 0 },
    });
    const postures: string[] = [];
    for (let t = 0; t < 4 && !g.over; t++) {
      g = step(g, weekly).state;
      postures.push(g.actors.us.value);
    }
    expect(postures).toEqual(['confronting', 'confronting', 'confronting', 'confronting']);
    // What Iran reads of the US is the confrontation, not the measured answers the record held to.
    const intel = g.intel.iran;
    expect(intel).not.toBeNull();
    const read = intel!.items.findIndex((i) => i.subject.about === 'posture' && i.subject.actor === 'us');
    expect(intel!.truth[read]).toBe('confronting');
    // Once it stops striking Iran it steps back, as the record's US does after its one answer (R-USA-09).
    const before = logOf(g).length;
    g = step(g, ordersOf('us.hold', 'iran.hold-course')).state;
    const moves = logOf(g)
      .slice(before)
      .filter((e) => e.kind === 'posture' && e.actor === 'us')
      .map((e) => (e.kind === 'posture' ? `${e.from}>${e.to}` : ''));
    expect(moves[0]).toBe('confronting>preservingLull');
    expect(g.actors.us.context.pressingIran).toBe(false);
  });

  it('R-USA-02/04 a commander killed answers the deaths, light strikes do not, and strikes in the calm end the restraint', () => {
    const us = ACTORS.us;
    const sent = (from: string, action: string) =>
      us.send(us.initial(params, {}, from), { type: 'ACTED', action, signal: 'us.none', rung: actionById(action)!.rung });
    const answered = sent('vowing', 'us.leadership-strike').transition!;
    expect(answered.to).toBe('retaliated');
    expect(answered.meta?.says).toBe('answers the deaths by killing a commander, short of the campaign it promised');
    // Light strikes leave the vow pending: the record answered with dozens of strikes (F-09).
    expect(sent('vowing', 'us.calibrated-strikes').snapshot.value).toBe('vowing');
    // The record's answer is still the campaign: the large strike keeps the vow as before.
    expect(sent('vowing', 'us.major-campaign').transition!.meta?.says).toBe('keeps its vow with a large campaign, sparing Iran');
    // Words answer nothing: the vow stays pending.
    expect(sent('vowing', 'us.warn').snapshot.value).toBe('vowing');
    const broke = sent('preservingLull', 'us.calibrated-strikes').transition!;
    expect(broke.to).toBe('measured');
    expect(broke.meta?.rules).toContain('R-USA-04');
    // Strikes on the Houthis are a separate track (R-USA-06): the lull on the militia front holds.
    expect(sent('preservingLull', 'us.strike-houthis').snapshot.value).toBe('preservingLull');
  });

  it('R-USA-09 the record reads a US that struck Iran of its own accord as stepping back, not striking on', () => {
    // What the historical bot (and a search's rollouts) plays from each confronting posture.
    const us = ACTORS.us;
    const own = us.send(us.initial(params, {}, 'measured'), {
      type: 'ACTED',
      action: 'us.strike-irgc',
      signal: 'us.none',
      rung: 8,
    }).snapshot;
    expect(own).toMatchObject({ value: 'confronting', context: { pressingIran: true } });
    let g = newGame(scenario('october-2023'), { seed: 'step-back' });
    g = { ...g, actors: { ...g.actors, us: own } };
    expect(chooseAction(g, 'us', historical.us).force).toBe('us.hold');
    const answering = us.initial(params, {}, 'confronting');
    expect(chooseAction({ ...g, actors: { ...g.actors, us: answering } }, 'us', historical.us).force).toBe('us.strike-irgc');
    // Holding steps back: the posture does not keep the record's US striking Iran week after week.
    expect(us.send(own, { type: 'ACTED', action: 'us.hold', signal: 'us.none', rung: 1 }).snapshot).toMatchObject({
      value: 'preservingLull',
      context: { pressingIran: false },
    });
  });

  it('P-07/R-USA-04 heavy strikes with no death to answer put the US on the offensive until it holds a week', () => {
    const us = ACTORS.us;
    const send = (from: ReturnType<typeof us.initial>, action: string) =>
      us.send(from, { type: 'ACTED', action, signal: 'us.none', rung: actionById(action)!.rung });
    for (const from of ['measured', 'preservingLull'] as const) {
      for (const heavy of ['us.leadership-strike', 'us.major-campaign']) {
        const t = send(us.initial(params, {}, from), heavy).transition!;
        expect(t.to, `${from} + ${heavy}`).toBe('pressing');
        expect(t.meta?.rules).toContain('P-07');
      }
    }
    // Light answers stay what the record calls measured.
    expect(send(us.initial(params, {}, 'measured'), 'us.calibrated-strikes').snapshot.value).toBe('measured');
    const pressing = us.initial(params, {}, 'pressing');
    expect(send(pressing, 'us.calibrated-strikes').snapshot.value).toBe('pressing');
    expect(send(pressing, 'us.leadership-strike').snapshot.value).toBe('pressing');
    const held = send(pressing, 'us.hold').transition!;
    expect(held.to).toBe('measured');
    expect(held.meta?.says).toBe('ends its offensive and is back to measured answers');
    expect(send(pressing, 'us.strike-iran').snapshot.value).toBe('confronting');
    // The record's own answers never take it there: the historical US is never on the offensive.
    for (const id of ['october-2023', 'tower-22', 'red-sea', 'rafah']) {
      for (let i = 0; i < 10; i++) {
        const g = playGame(scenario(id), { seed: `p${i}`, ...historical });
        expect(logOf(g).some((e) => e.kind === 'posture' && e.actor === 'us' && e.to === 'pressing')).toBe(false);
      }
    }
  });

  it('R-USA-03 no strikes inside Iran by default: the historical US never strikes Iran', () => {
    for (const id of ['october-2023', 'tower-22', 'red-sea', 'rafah']) {
      for (let i = 0; i < 25; i++) expect(totalsOf(playGame(scenario(id), { seed: `s${i}`, ...historical })).strikesOnIran).toBe(0);
    }
  });

  it('R-USA-02 a death brings a vow and then a large campaign', () => {
    const g = newGame(scenario('tower-22'), { seed: 'vow' });
    expect(g.actors.us.value).toBe('vowing');
    expect(chooseAction(g, 'us', historical.us).force).toBe('us.major-campaign');
  });

  it('R-USA-10 domestic pressure grows with the war and with deaths', () => {
    const g = run(newGame(scenario('october-2023'), { seed: 'dp' }), [keepingPressure, keepingPressure]);
    expect(g.world.usDomesticPressure).toBeGreaterThan(0);
    const u0 = g.world.usDomesticPressure;
    const week = params.usDomesticPerWeek;
    expect(u0).toBeCloseTo(week * (1 - params.usDomesticDecay) + week + totalsOf(g).usKilled * params.usDomesticPerDeath, 6);
  });

  it('R-SYS-03 deterrence decays without reinforcement, halving each half-life', () => {
    let g = step(newGame(scenario('october-2023'), { seed: 'decay' }), ordersOf('us.major-campaign', 'iran.hold-course')).state;
    const d1 = g.world.deterrence;
    g = run(
      g,
      Array.from({ length: params.deterrenceHalfLife }, () => ordersOf('us.hold', 'iran.hold-course')),
    );
    expect(g.world.deterrence).toBeCloseTo(d1 / 2, 6);
  });
});
