import { describe, expect, it } from 'vitest';
import { calibrate, shifts, SHIPPED_SETTINGS, type CalibrateSettings } from '../../../src/analysis/calibration/calibrate.ts';
import { CALIBRATION_FIGURES } from '../../../src/analysis/calibration/figures.ts';
import { measureFigures } from '../../../src/analysis/uncertainty/measures.ts';
import { PRIORS } from '../../../src/model/priors.ts';
import { loadEvidence } from '../../../src/model/evidence.ts';

/**
 * The method on a synthetic record made by the model itself. Of the parameters, the ones a figure
 * measures directly are identifiable: the Houthi attack rate (Houthi tempo), the size of a large strike
 * campaign (the Tower 22 response); most others are not, from about ten summaries. Here the record is
 * made at known values of those two, the others held at their point values, and ABC-SMC must put each
 * truth inside its 90 % posterior interval and narrow it to at most 70 % of the prior's 90 % width.
 */
const TRUTH = { houthiAttackRate: 0.7, campaignStrikeCount: 40 };
const FIGS = ['houthi-tempo-from-november', 'us-response-after-deaths'];

describe('brink calibrate: the method', () => {
  it('recovers known parameters from a synthetic record (fixed seeds; the identifiable subset)', async () => {
    const sim = measureFigures({
      measure: 'figures',
      scenario: '',
      us: 'historical',
      iran: 'historical',
      params: TRUTH,
      games: 60,
      seed: 'synthetic',
      figures: FIGS,
    });
    const record = Object.fromEntries(FIGS.map((id, i) => [id, sim[i]!]));
    const settings: CalibrateSettings = {
      ...SHIPPED_SETTINGS,
      populationSize: 30,
      generations: 6,
      gamesPerScenario: 3,
      batchSize: 30,
      seed: 'recover',
      exclude: CALIBRATION_FIGURES.map((f) => f.id).filter((id) => !FIGS.includes(id)),
      params: ['houthiAttackRate', 'campaignStrikeCount'],
      record,
    };
    const { posterior } = await calibrate(settings, { workers: 0, command: 'test' });
    for (const s of shifts(posterior)) {
      const truth = TRUTH[s.id as keyof typeof TRUTH];
      expect(truth, `${s.id} truth ${truth} in ${s.posterior.join('–')}`).toBeGreaterThanOrEqual(s.posterior[0]);
      expect(truth).toBeLessThanOrEqual(s.posterior[1]);
      expect(s.narrowing, `${s.id} narrowed`).toBeGreaterThan(0.3);
    }
    expect(posterior.figures.map((f) => f.id).sort()).toEqual([...FIGS].sort());
  }, 120_000);

  it('is reproducible from its seed and settings: a rerun gives the same posterior', async () => {
    const settings: CalibrateSettings = {
      ...SHIPPED_SETTINGS,
      populationSize: 6,
      generations: 1,
      gamesPerScenario: 1,
      batchSize: 4,
      seed: 'repro',
      exclude: CALIBRATION_FIGURES.map((f) => f.id).filter((id) => id !== 'houthi-tempo-from-november'),
    };
    const a = await calibrate(settings, { workers: 0, command: 'test' });
    const b = await calibrate({ ...settings, batchSize: 9 }, { workers: 0, command: 'test' });
    expect(b.posterior.particles).toEqual(a.posterior.particles);
    // Every particle lies inside the priors.
    a.posterior.params.forEach((id, j) => {
      const prior = PRIORS[id as keyof typeof PRIORS];
      if (prior.kind !== 'uniform' && prior.kind !== 'logUniform') return;
      for (const p of a.posterior.particles) expect(p.values[j]! >= prior.lo && p.values[j]! <= prior.hi).toBe(true);
    });
  }, 120_000);

  it("every figure names facts that exist and a window that holds the record's reading", () => {
    const evidence = loadEvidence();
    for (const f of CALIBRATION_FIGURES) {
      for (const id of f.facts) expect(evidence.facts.has(id), `${f.id} → ${id}`).toBe(true);
      const [lo, hi] = f.window();
      expect(lo).toBeLessThanOrEqual(hi);
      expect(f.reason.length).toBeGreaterThan(15);
    }
  });
});
