import { describe, expect, it } from 'vitest';
import { SHIPPED_SETTINGS, type CalibrateSettings } from '../../../src/analysis/calibration/calibrate.ts';
import { CALIBRATION_FIGURES } from '../../../src/analysis/calibration/figures.ts';
import { leaveOneOut } from '../../../src/analysis/calibration/leave-one-out.ts';
import { capture } from '../../helpers/cli.ts';
import { main } from '../../../src/cli/main.ts';

/** A tiny budget: the method's plumbing, not its figures (those are in the note and docs/uncertainty.md). */
const TINY: CalibrateSettings = { ...SHIPPED_SETTINGS, populationSize: 8, generations: 1, gamesPerScenario: 1, batchSize: 8, seed: 'loo' };

describe('leave one figure out', () => {
  it('calibrates without the figure and predicts it: its quantile, band and verdict', async () => {
    const left = 'houthi-tempo-from-november';
    const [row] = await leaveOneOut(TINY, { workers: 0, runs: 40, seed: 'loo', figures: [left] });
    expect(row!.left).toBe(left);
    expect(row!.fittedOn).not.toContain(left);
    expect(row!.fittedOn.length).toBe(CALIBRATION_FIGURES.length - 1);
    expect(row!.prediction.id).toBe(left);
    expect(row!.prediction.games).toBe(40);
    for (const q of row!.prediction.quantile) {
      expect(q).toBeGreaterThanOrEqual(0);
      expect(q).toBeLessThanOrEqual(1);
    }
    expect(row!.simulations).toBeGreaterThan(0);
  }, 120_000);

  it("brink calibrate --leave-one-out prints each left-out figure with the record's quantile, and refuses --out", async () => {
    const keep = 'us-response-after-deaths';
    const exclude = CALIBRATION_FIGURES.map((f) => f.id)
      .filter((id) => id !== keep)
      .join(',');
    const c = capture();
    const code = await main(
      [
        'calibrate',
        '--leave-one-out',
        '--exclude',
        exclude,
        '--population',
        '6',
        '--generations',
        '1',
        '--games',
        '1',
        '--runs',
        '20',
        '--workers',
        '1',
      ],
      c.io,
    );
    expect(code).toBe(0);
    const out = c.out.join('\n');
    expect(out).toMatch(
      /Leave one figure out · each calibration without the figure: population 6, 1 generation of 3 sweeps, 1 game a scenario/,
    );
    expect(out).toMatch(/us-response-after-deaths \(F-09, D-15, R-USA-02, tower-22, floor\)/);
    expect(out).toMatch(/P\(simulated ≥ floor\) \d+ %/);
    const bad = capture();
    expect(await main(['calibrate', '--leave-one-out', '--out', '/tmp/x.json'], bad.io)).toBe(2);
  }, 120_000);
});
