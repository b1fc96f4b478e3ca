import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { calibrationParams, SHIPPED_SETTINGS, writtenFigures } from '../../../src/analysis/calibration/calibrate.ts';
import { loadPosterior, SHIPPED_POSTERIOR } from '../../../src/analysis/calibration/posterior-file.ts';
import { distributionHash, priorDistribution } from '../../../src/analysis/uncertainty/distribution.ts';
import { PARAM_SPECS, type ParamId } from '../../../src/model/params.ts';

/**
 * The shipped posterior must follow from the priors and settings it records: made from today's priors
 * (their hash), over today's calibrated parameters, with the shipped settings, every set inside the
 * parameters' allowed ranges. (A full rerun takes minutes; the method's reproducibility from seed and
 * settings is tested on a reduced run in calibrate.test.ts.)
 */
describe('the shipped posterior', () => {
  it('exists, loads, and was made from the current priors and the shipped settings', () => {
    expect(existsSync(SHIPPED_POSTERIOR), 'regenerate it with npm run calibrate').toBe(true);
    const file = loadPosterior(SHIPPED_POSTERIOR);
    expect(file.priors, 'the priors changed since the calibration: regenerate it with npm run calibrate').toBe(
      distributionHash(priorDistribution()),
    );
    expect(file.params).toEqual(calibrationParams());
    // Fitted to today's record: the same figures, measured over the same turns, held to the same windows.
    expect(file.figures, 'the record figures changed since the calibration: regenerate it with npm run calibrate').toEqual(
      JSON.parse(JSON.stringify(writtenFigures({ ...SHIPPED_SETTINGS, exclude: [] }))),
    );
    expect(file.settings).toMatchObject({ ...SHIPPED_SETTINGS, exclude: [] });
    expect(file.command).toBe(
      `brink calibrate --population ${SHIPPED_SETTINGS.populationSize} --generations ${SHIPPED_SETTINGS.generations} --moves ${SHIPPED_SETTINGS.moves} --games ${SHIPPED_SETTINGS.gamesPerScenario} --seed ${SHIPPED_SETTINGS.seed}`,
    );
    expect(file.particles.length).toBe(SHIPPED_SETTINGS.populationSize);
    file.params.forEach((id, j) => {
      const spec = PARAM_SPECS[id as ParamId];
      for (const p of file.particles) expect(p.values[j]! >= spec.min && p.values[j]! <= spec.max, id).toBe(true);
    });
  });
});
