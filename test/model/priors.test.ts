import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadEvidence } from '../../src/model/evidence.ts';
import { PARAM_IDS, PARAM_SPECS } from '../../src/model/params.ts';
import {
  betaCdf,
  betaQuantile,
  isDrawn,
  isScoreWeight,
  priorDensity,
  priorOf,
  priorQuantile,
  priorSupport,
  PRIORS,
  type Prior,
} from '../../src/model/priors.ts';

const evidence = loadEvidence();

describe('priors beside the parameters', () => {
  it('every parameter but the score weights has a prior with a reason; score weights have none', () => {
    for (const id of PARAM_IDS) {
      const prior = priorOf(id);
      if (isScoreWeight(id)) {
        expect(prior, `${id} is a preference and takes no prior`).toBeUndefined();
        continue;
      }
      expect(prior, `${id} has no prior: add one to src/model/priors.ts`).toBeDefined();
      expect(prior!.reason.trim().length, `${id} needs a one-line reason`).toBeGreaterThan(15);
    }
  });

  it("every range holds the point value and lies inside the parameter's allowed min–max", () => {
    for (const [id, prior] of Object.entries(PRIORS) as [keyof typeof PRIORS, Prior][]) {
      const spec = PARAM_SPECS[id];
      if (prior.kind === 'point') continue;
      const [lo, hi] = priorSupport(prior);
      expect(lo, `${id} lower end`).toBeGreaterThanOrEqual(spec.min);
      expect(hi, `${id} upper end`).toBeLessThanOrEqual(spec.max);
      expect(lo < hi, `${id} has an empty range`).toBe(true);
      expect(spec.value >= lo && spec.value <= hi, `${id} = ${spec.value} outside its prior ${lo}–${hi}`).toBe(true);
      if (prior.kind === 'beta') {
        // A beta's support is all of [0, 1]: the point value must also sit in its central 98 %.
        expect(betaCdf(spec.value, prior.a, prior.b)).toBeGreaterThan(0.01);
        expect(betaCdf(spec.value, prior.a, prior.b)).toBeLessThan(0.99);
      }
      if (prior.kind === 'uniform' && prior.integer) {
        expect(Number.isInteger(prior.lo) && Number.isInteger(prior.hi), `${id} whole-number bounds`).toBe(true);
      }
    }
  });

  it('every ID a prior cites exists in seeds/facts.yaml', () => {
    const missing = Object.entries(PRIORS).flatMap(([id, p]) => p.cites.filter((c) => !evidence.facts.has(c)).map((c) => `${id} → ${c}`));
    expect(missing).toEqual([]);
  });

  it('lag ranges keep every drawn minimum at or below its maximum', () => {
    const pairs = [
      ['directiveLagMinDays', 'directiveLagMaxDays'],
      ['envoyLagMinDays', 'envoyLagMaxDays'],
      ['deliberationMinDays', 'deliberationMaxDays'],
    ] as const;
    for (const [a, b] of pairs) expect(priorSupport(PRIORS[a])[1]).toBeLessThanOrEqual(priorSupport(PRIORS[b])[0]);
  });

  it('a remainder prior names only drawn parameters and stays within [0, 1]', () => {
    const s = PRIORS.shareSyria;
    for (const id of s.of) expect(isDrawn(priorOf(id))).toBe(true);
    const [lo, hi] = priorSupport(s);
    expect(lo).toBeGreaterThanOrEqual(0);
    expect(hi).toBeLessThanOrEqual(1);
  });

  it('every drawn prior maps the unit interval into its range, monotonically', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        (q1, q2) => {
          for (const [id, prior] of Object.entries(PRIORS)) {
            if (!isDrawn(prior)) continue;
            const [lo, hi] = priorSupport(prior);
            const x1 = priorQuantile(prior, q1);
            expect(x1 >= lo && x1 <= hi, `${id} at ${q1} → ${x1}`).toBe(true);
            if (q1 <= q2) expect(x1).toBeLessThanOrEqual(priorQuantile(prior, q2));
            expect(priorDensity(prior, x1), id).toBeGreaterThan(0);
          }
        },
      ),
      { numRuns: 50 },
    );
  });

  it('the beta quantile inverts the beta distribution function, and matches known values', () => {
    // beta(1, 1) is uniform; beta(2, 1) has CDF x², so its median is √½.
    expect(betaQuantile(0.3, 1, 1)).toBeCloseTo(0.3, 9);
    expect(betaQuantile(0.5, 2, 1)).toBeCloseTo(Math.SQRT1_2, 9);
    expect(betaCdf(0.5, 2, 2)).toBeCloseTo(0.5, 12);
    for (const q of [0.05, 0.5, 0.95]) expect(betaCdf(betaQuantile(q, 1.5, 169.5), 1.5, 169.5)).toBeCloseTo(q, 9);
  });
});
