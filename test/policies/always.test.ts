import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { actionsFor } from '../../src/model/actions.ts';
import { loadScenario } from '../../src/scenario/loader.ts';
import { ordersOf, parsePortfolio, portfolioIds } from '../../src/model/portfolio.ts';
import { getPolicy, UnknownPolicyError } from '../../src/policies/index.ts';
import { playGame } from '../../src/policies/play.ts';

const tower = loadScenario('tower-22');

describe('always:<action-id>', () => {
  it('plays the named action on every turn, for any action of either side', () => {
    const us = actionsFor('us').map((a) => a.id);
    const iran = actionsFor('iran').map((a) => a.id);
    fc.assert(
      fc.property(fc.constantFrom(...us), fc.constantFrom(...iran), fc.integer({ min: 0, max: 999 }), (u, i, seed) => {
        const st = playGame(tower, { seed: String(seed), us: getPolicy(`always:${u}`, 'us'), iran: getPolicy(`always:${i}`, 'iran') });
        for (const t of st.history) expect(t.actions).toEqual(ordersOf(u, i));
      }),
      { numRuns: 25 },
    );
  });

  it('plays a portfolio force+signal on every turn, for any pair of levers', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...portfolioIds('us')),
        fc.constantFrom(...portfolioIds('iran')),
        fc.integer({ min: 0, max: 999 }),
        (u, i, seed) => {
          const st = playGame(tower, { seed: String(seed), us: getPolicy(`always:${u}`, 'us'), iran: getPolicy(`always:${i}`, 'iran') });
          for (const t of st.history) expect(t.actions).toEqual({ us: parsePortfolio(u, 'us'), iran: parsePortfolio(i, 'iran') });
        },
      ),
      { numRuns: 25 },
    );
    expect(getPolicy('always:us.hold+us.strike-houthis', 'us').name).toBe('Always hold fire, keep options ready + strike Houthi launchers');
  });

  it('refuses a pair in the wrong order or of one lever, naming the problem', () => {
    expect(() => getPolicy('always:us.strike-houthis+us.hold', 'us')).toThrow(/us\.strike-houthis is a signal action, so it goes second/);
    expect(() => getPolicy('always:us.hold+us.major-campaign', 'us')).toThrow(/us\.major-campaign is a force action, so it goes first/);
    expect(() => getPolicy('always:us.hold+us.warn+us.none', 'us')).toThrow(/two actions, force\+signal/);
    expect(() => getPolicy('always:us.hold+iran.back-talks', 'us')).toThrow(/action of Iran, not of the US/);
  });

  it('refuses an unknown action and an action of the other side, naming the problem', () => {
    expect(() => getPolicy('always:us.nuke', 'us')).toThrow(UnknownPolicyError);
    expect(() => getPolicy('always:us.nuke', 'us')).toThrow(/no action 'us.nuke'/);
    expect(() => getPolicy('always:iran.unleash', 'us')).toThrow(/action of Iran, not of the US/);
  });
});
