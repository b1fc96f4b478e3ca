import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { actionsFor } from '../../src/model/actions.ts';
import { loadScenario } from '../../src/scenario/loader.ts';
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
        for (const t of st.history) expect(t.actions).toEqual({ us: u, iran: i });
      }),
      { numRuns: 25 },
    );
  });

  it('refuses an unknown action and an action of the other side, naming the problem', () => {
    expect(() => getPolicy('always:us.nuke', 'us')).toThrow(UnknownPolicyError);
    expect(() => getPolicy('always:us.nuke', 'us')).toThrow(/no action 'us.nuke'/);
    expect(() => getPolicy('always:iran.unleash', 'us')).toThrow(/action of Iran, not of the US/);
  });
});
