import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  distributionHash,
  drawnParams,
  drawParams,
  NO_UNCERTAINTY,
  pickWeighted,
  pinPriors,
  posteriorDistribution,
  priorDistribution,
} from '../../../src/analysis/uncertainty/distribution.ts';
import { PARAM_SPECS, resolveParams } from '../../../src/model/params.ts';
import { priorSupport, PRIORS } from '../../../src/model/priors.ts';

describe('drawing one parameter set per game', () => {
  const prior = priorDistribution();

  it('none draws nothing: the game plays at the point values (and the pins)', () => {
    expect(drawParams(NO_UNCERTAINTY, 's', 3)).toEqual({});
    expect(drawParams(NO_UNCERTAINTY, 's', 3, { injuryPerAttack: 0.2 })).toEqual({ injuryPerAttack: 0.2 });
  });

  it('the same batch seed and game index give the same set; another index another set', () => {
    const a = drawParams(prior, 'seed-1', 7);
    expect(drawParams(prior, 'seed-1', 7)).toEqual(a);
    expect(drawParams(prior, 'seed-1', 8)).not.toEqual(a);
    expect(drawParams(prior, 'seed-2', 7)).not.toEqual(a);
  });

  it("a game's set does not depend on which other games were drawn before it (any --workers)", () => {
    const alone = drawParams(prior, 'w', 41);
    for (let i = 0; i < 41; i++) drawParams(prior, 'w', i);
    expect(drawParams(prior, 'w', 41)).toEqual(alone);
  });

  it("every drawn set lies inside the priors, passes the model's own range check, and keeps shares summing to one", () => {
    fc.assert(
      fc.property(fc.string(), fc.nat(10_000), (seed, index) => {
        const v = drawParams(prior, seed, index);
        for (const id of drawnParams()) {
          const [lo, hi] = priorSupport(PRIORS[id as keyof typeof PRIORS]);
          expect(v[id]! >= lo && v[id]! <= hi, `${id} = ${v[id]}`).toBe(true);
        }
        expect(() => resolveParams(v)).not.toThrow();
        expect(v.shareIraq! + v.shareJordan! + v.shareSyria!).toBeCloseTo(1, 12);
        expect(v.directiveLagMinDays!).toBeLessThanOrEqual(v.directiveLagMaxDays!);
        expect(Number.isInteger(v.deliberationMaxDays)).toBe(true);
      }),
      { numRuns: 40 },
    );
  });

  it('pins replace the draw, and a prior pinned to a point draws nothing for that parameter', () => {
    expect(drawParams(prior, 's', 1, { injuryPerAttack: 0.5 }).injuryPerAttack).toBe(0.5);
    const pinned = priorDistribution(pinPriors(PRIORS, ['injuryPerAttack']));
    expect(drawParams(pinned, 's', 1).injuryPerAttack).toBeUndefined();
  });

  it('draws spread over the prior: the mean of a uniform prior is near its middle', () => {
    let sum = 0;
    const n = 2000;
    for (let i = 0; i < n; i++) sum += drawParams(prior, 'spread', i).shareIraq!;
    expect(sum / n).toBeCloseTo((0.35 + 0.75) / 2, 1);
  });

  it('a posterior draws its particles in proportion to their weights', () => {
    const post = posteriorDistribution({
      params: ['injuryPerAttack'],
      particles: [
        { values: [0.02], weight: 1 },
        { values: [0.3], weight: 3 },
      ],
    });
    let high = 0;
    const n = 4000;
    for (let i = 0; i < n; i++) if (drawParams(post, 'p', i).injuryPerAttack === 0.3) high++;
    expect(high / n).toBeGreaterThan(0.72);
    expect(high / n).toBeLessThan(0.78);
    // Parameters the posterior does not name still vary, from their prior.
    expect(drawParams(post, 'p', 0).shareIraq).not.toBe(PARAM_SPECS.shareIraq.value);
  });

  it('pickWeighted never picks a zero-weight particle', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), (u) => {
        expect(
          pickWeighted(
            [
              { weight: 0, id: 'a' },
              { weight: 2, id: 'b' },
              { weight: 0, id: 'c' },
            ],
            u,
          ).id,
        ).toBe('b');
      }),
    );
  });

  it('the hash names the distribution: stable, and different for different priors or particles', () => {
    expect(distributionHash(NO_UNCERTAINTY)).toBe('none');
    expect(distributionHash(prior)).toBe(distributionHash(priorDistribution()));
    expect(distributionHash(prior)).toMatch(/^prior:[0-9a-f]{16}$/);
    expect(distributionHash(priorDistribution(pinPriors(PRIORS, ['injuryPerAttack'])))).not.toBe(distributionHash(prior));
    const a = posteriorDistribution({ params: ['injuryPerAttack'], particles: [{ values: [0.02], weight: 1 }] });
    const b = posteriorDistribution({ params: ['injuryPerAttack'], particles: [{ values: [0.03], weight: 1 }] });
    expect(distributionHash(a)).not.toBe(distributionHash(b));
  });
});
