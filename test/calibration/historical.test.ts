/**
 * The historical bots must reproduce the documented pattern (issue #2). Each band is wide enough for the
 * model-versus-evidence tolerance, which dominates here: with 300 games the sampling error of each mean
 * is far smaller than the band (e.g. ±0.1 on a weekly mean of 10).
 */
import { totalsOf } from '../../src/engine/history.ts';
import { describe, expect, it } from 'vitest';
import { getPolicy } from '../../src/policies/index.ts';
import { playGame } from '../../src/policies/play.ts';
import type { GameState } from '../../src/engine/state.ts';
import { scenario } from '../helpers/fixtures.ts';

const GAMES = 300;
const bots = { us: getPolicy('historical', 'us'), iran: getPolicy('historical', 'iran') };

function games(id: string): GameState[] {
  return Array.from({ length: GAMES }, (_, i) => playGame(scenario(id), { seed: `calibration-${i}`, ...bots }));
}

const october = games('october-2023');
const tower = games('tower-22');
const redSea = games('red-sea');

describe('historical calibration', () => {
  it('F-01: about 10 attacks a week on US forces while Iran\'s guidance is permissive', () => {
    let attacks = 0;
    let weeks = 0;
    for (const g of october) {
      const firstFatal = g.history.findIndex((h) => h.fatalAttacks > 0);
      g.history.forEach((h, t) => {
        // Turns 5 and 6 hold the November pause (F-05); after a fatal attack the brake (R-IRN-01) applies.
        if (t === 5 || t === 6 || (firstFatal >= 0 && t > firstFatal)) return;
        attacks += h.attacksOnUS;
        weeks += 1;
      });
    }
    const perWeek = attacks / weeks;
    // F-01: ≥ 170 in 118 days = 10.1/week, a floor; F-02's floor is 6.4/week. ±15 % around 10.
    expect(perWeek).toBeGreaterThan(8.5);
    expect(perWeek).toBeLessThan(11.5);
  });

  it('F-03/F-04/F-07: after the Tower 22 deaths, Iraq goes quiet and Syria falls to about one a week within a week', () => {
    let iraq = 0;
    let syria = 0;
    let weeks = 0;
    let quietIraqGames = 0;
    for (const g of tower) {
      const after = g.history.slice(1);
      for (const h of after) {
        iraq += h.attacksOnUSIraq;
        syria += h.attacksOnUSSyria;
        weeks += 1;
      }
      if (after.every((h) => h.attacksOnUSIraq === 0)) quietIraqGames++;
    }
    // F-03: Iraq 0 after 2 Feb; a rogue cell or a late holdout may still fire in some games (R-MIL-07).
    expect(iraq / weeks).toBeLessThan(0.5);
    expect(quietIraqGames / GAMES).toBeGreaterThan(0.75);
    // F-03: two small Syrian attacks in ≈ 20 days = 0.7/week; "about one a week or less".
    expect(syria / weeks).toBeLessThan(1.2);
    expect(syria / weeks).toBeGreaterThan(0.3);
    // F-07: the brake bites within about a week: the first week still sees attacks as envoys travel.
    const firstWeek = tower.reduce((n, g) => n + g.history[0]!.attacksOnUS, 0) / GAMES;
    expect(firstWeek).toBeGreaterThan(1);
    expect(firstWeek).toBeLessThan(8);
  });

  it('F-14/F-15: the Houthis keep up 3–5 attacks a week whatever happens in Iraq and Syria', () => {
    for (const [name, set] of [['october-2023', october], ['tower-22', tower], ['red-sea', redSea]] as const) {
      const weeks = set.reduce((n, g) => n + g.history.length, 0);
      const attacks = set.reduce((n, g) => n + totalsOf(g).houthiAttacks, 0);
      expect(attacks / weeks, name).toBeGreaterThan(3);
      expect(attacks / weeks, name).toBeLessThan(5);
    }
    // Regardless of Iran's brake: the tower-22 weeks after the halt look like the weeks before it.
    const afterBrake = tower.flatMap((g) => g.history.slice(1)).reduce((n, h) => n + h.houthiAttacks, 0) / tower.flatMap((g) => g.history.slice(1)).length;
    expect(afterBrake).toBeGreaterThan(3);
  });

  it('F-06: about one fatal attack in 170', () => {
    let attacks = 0;
    let fatal = 0;
    for (const g of [...october, ...redSea]) {
      attacks += totalsOf(g).attacksOnUS;
      fatal += totalsOf(g).fatalAttacks;
    }
    const perFatal = attacks / fatal;
    // P-05: 0.6 % per attack → 1 in ≈ 167; with ≈ 60,000 attacks the ratio is known to about ±7 %.
    expect(perFatal).toBeGreaterThan(140);
    expect(perFatal).toBeLessThan(200);
  });

  it('F-09 and R-USA-03: after the deaths, dozens of strikes in the first week, none on Iran', () => {
    const strikes = tower.map((g) => g.history[0]!.usStrikes).sort((a, b) => a - b);
    expect(strikes[Math.floor(GAMES / 2)]).toBeGreaterThanOrEqual(24);
    expect(tower.every((g) => totalsOf(g).strikesOnIran === 0)).toBe(true);
  });
});
