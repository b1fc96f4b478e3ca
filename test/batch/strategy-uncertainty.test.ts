/**
 * `npm run strategy --uncertainty`: the strategic targets measured with every game's parameters drawn
 * from the prior or the calibrated posterior, as `brink compare --uncertainty` draws them (issue 10:
 * "the strategic-core targets still hold with the posterior"). The in-process runner (CI's reduced
 * check) and the worker-pool runner (the script) play the same games through playIndex.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadPosterior, SHIPPED_POSTERIOR } from '../../src/analysis/calibration/posterior-file.ts';
import { distributionHash, NO_UNCERTAINTY, posteriorDistribution } from '../../src/analysis/uncertainty/distribution.ts';
import { compareRunner, inProcessRunner, type Pairing } from '../../src/batch/strategy.ts';

const posterior = posteriorDistribution(loadPosterior(SHIPPED_POSTERIOR));
const unleash: Pairing = {
  scenario: 'red-sea',
  a: { us: 'historical', iran: 'historical' },
  b: { us: 'historical', iran: 'always:iran.unleash' },
};

describe('the in-process strategy runner under --uncertainty', () => {
  it('plays other games under the posterior than at point values, and says which', async () => {
    const point = await inProcessRunner('1')(unleash, 12);
    const drawn = await inProcessRunner('1', posterior)(unleash, 12);
    expect(point.uncertainty).toEqual({ mode: 'none', distribution: 'none', bands: 'dice' });
    expect(drawn.uncertainty).toEqual({ mode: 'posterior', distribution: distributionHash(posterior), bands: 'dice+parameters' });
    expect(drawn.a).not.toEqual(point.a);
    expect(drawn.diff.iran.mean).not.toBe(point.diff.iran.mean);
  });

  it('both arms of a pair play the same parameter draw: identical arms differ by exactly zero in every game', async () => {
    const same: Pairing = { scenario: 'october-2023', a: { us: 'random', iran: 'random' }, b: { us: 'random', iran: 'random' } };
    const r = await inProcessRunner('2', posterior)(same, 15);
    for (const side of ['us', 'iran'] as const) {
      expect(r.diff[side].mean).toBe(0);
      expect(r.diff[side].ci95).toEqual([0, 0]);
    }
    // ...while the games themselves vary, so a zero difference is not a degenerate game.
    const other = await inProcessRunner('2')(same, 15);
    expect(r.a).not.toEqual(other.a);
  });

  it('the same seed gives the same figures, another seed other figures', async () => {
    const once = await inProcessRunner('7', posterior)(unleash, 10);
    const again = await inProcessRunner('7', posterior)(unleash, 10);
    const otherSeed = await inProcessRunner('8', posterior)(unleash, 10);
    expect(again).toEqual(once);
    expect(otherSeed.a).not.toEqual(once.a);
  });

  it("equals brink compare's figures under the posterior (the worker pool plays the same draws)", async () => {
    const inProcess = await inProcessRunner('3', posterior)(unleash, 6);
    const pooled = await compareRunner('3', 1, posterior)(unleash, 6);
    expect(pooled.uncertainty).toEqual(inProcess.uncertainty);
    expect(pooled.diff).toEqual(inProcess.diff);
    expect(pooled.bIranDirectAttacks).toBeCloseTo(inProcess.bIranDirectAttacks, 5);
    expect(pooled.bRegionalWar).toBeCloseTo(inProcess.bRegionalWar, 5);
    // compare's JSON rounds a mean to six decimals.
    for (const side of ['us', 'iran'] as const) {
      expect(pooled.a[side]).toBeCloseTo(inProcess.a[side], 5);
      expect(pooled.b[side]).toBeCloseTo(inProcess.b[side], 5);
    }
    // Point values (the default) are compare's without --uncertainty.
    expect((await compareRunner('3', 1)(unleash, 2)).uncertainty.mode).toBe(NO_UNCERTAINTY.kind);
  });
});

describe('npm run strategy --uncertainty', () => {
  const script = fileURLToPath(new URL('../../bin/brink-strategy', import.meta.url));
  const strategy = (...args: string[]) => spawnSync(process.execPath, [script, ...args], { encoding: 'utf8', timeout: 120_000 });

  it('a bad mode, or --posterior without the posterior, is a clear error with the usage, exit 2, no stack', () => {
    const bad = strategy('--uncertainty', 'maybe');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain("--uncertainty must be one of none, prior, posterior, got 'maybe'");
    expect(bad.stderr).toContain('usage: npm run strategy');
    expect(bad.stderr).not.toMatch(/\n\s+at /);
    expect(bad.stdout).toBe('');
    const stray = strategy('--posterior', 'calibration/posterior.json');
    expect(stray.status).toBe(2);
    expect(stray.stderr).toContain('--posterior needs --uncertainty posterior');
    expect(stray.stderr).not.toMatch(/\n\s+at /);
  });

  it('the header, every target line and the total say which parameters the figures are under', () => {
    const r = strategy('--runs', '2', '--workers', '1', '--section', '5', '--scenario', 'tower-22', '--uncertainty', 'posterior');
    expect(r.stderr).toBe('');
    expect([0, 1]).toContain(r.status); // 1: a target missed (two games may see no Iranian attack)
    const hash = distributionHash(posterior);
    expect(r.stdout).toContain(`parameters: drawn from the posterior (${hash})`);
    expect(r.stdout).toContain('Bands: dice plus parameter uncertainty.');
    expect(r.stdout).toContain('Both arms of game i draw the same parameters, so the differences stay paired.');
    const targets = r.stdout.split('\n').filter((l) => /^(ok|MISS)/.test(l));
    expect(targets).toHaveLength(1);
    expect(targets[0]).toMatch(/tower-22: Iranian direct attacks with a random US .* · posterior draws$/);
    expect(r.stdout).toMatch(new RegExp(`targets met · parameters: drawn from the posterior \\(${hash}\\)`));
  });
});
