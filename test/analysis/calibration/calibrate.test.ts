import { describe, expect, it } from 'vitest';
import { calibrate, shifts, SHIPPED_SETTINGS, type CalibrateSettings } from '../../../src/analysis/calibration/calibrate.ts';
import { CALIBRATION_FIGURES, figureResidual, figureStatistic } from '../../../src/analysis/calibration/figures.ts';
import { getPolicy } from '../../../src/policies/index.ts';
import { playGame } from '../../../src/policies/play.ts';
import { loadScenario } from '../../../src/scenario/loader.ts';
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

  it('matches a usual outcome as the backtest judges it: the share of games that depart from the record, within 1 − share', () => {
    const noWar = CALIBRATION_FIGURES.find((f) => f.id === 'no-war-red-sea')!;
    expect(noWar.figure.kind).toBe('usual');
    expect(noWar.window()).toEqual([0, 1 - noWar.figure.share!]);
    expect(noWar.window()[1]).toBeCloseTo(0.1, 12);
    const games = (params: Record<string, number>) =>
      Array.from({ length: 6 }, (_, i) =>
        playGame(loadScenario('red-sea'), {
          seed: `usual:${i}`,
          us: getPolicy('historical', 'us'),
          iran: getPolicy('historical', 'iran'),
          params,
        }),
      );
    // A war in every game departs from the record every time; no war hazard at all never does.
    expect(figureStatistic(noWar, games({ warShockBase: 1 }))).toBe(1);
    expect(figureStatistic(noWar, games({ warShockBase: 0, warHazardPerRung: 0, warDurationHazard: 0 }))).toBe(0);
    const share = figureStatistic(noWar, [
      ...games({ warShockBase: 1 }).slice(0, 2),
      ...games({ warShockBase: 0, warHazardPerRung: 0, warDurationHazard: 0 }),
    ]);
    expect(share).toBeCloseTo(2 / 8, 12);
    expect(figureResidual(noWar.window(), share)).toBeCloseTo(0.25 - 0.1, 12);
  });
});
