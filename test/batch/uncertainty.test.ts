import { LABEL_WIDTH, OUTCOME_LABELS } from '../../src/batch/labels.ts';
import { describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  bandsNote,
  NO_UNCERTAINTY,
  pinPriors,
  priorDistribution,
  type ParamDistribution,
} from '../../src/analysis/uncertainty/distribution.ts';
import { Aggregator } from '../../src/batch/aggregate.ts';
import { BatchSchema, CompareSchema } from '../../src/batch/contract.ts';
import { playIndex, prepareArms } from '../../src/batch/play-arms.ts';
import { startBatch } from '../../src/batch/run-batch.ts';
import { totalsOf } from '../../src/engine/history.ts';
import { playGame } from '../../src/policies/play.ts';
import { BUILTIN_POLICIES, getPolicy } from '../../src/policies/index.ts';
import { PARAM_IDS } from '../../src/model/params.ts';
import { PRIORS } from '../../src/model/priors.ts';
import { brink } from '../helpers/cli.ts';
import { formatCompareReport } from '../../src/cli/commands/compare.ts';
import type { CompareResult } from '../../src/batch/compare.ts';
import { historicalBatchJson } from '../helpers/batch.ts';
import { scenario } from '../helpers/fixtures.ts';

const arms = prepareArms(
  {
    arms: [{ scenario: 'october-2023', us: 'historical', iran: 'historical', params: {} }],
    scenarios: [scenario('october-2023')],
  },
  BUILTIN_POLICIES,
);
const RUNS = 150;

function batch(dist: ParamDistribution) {
  const agg = new Aggregator(scenario('october-2023').turns);
  for (let i = 0; i < RUNS; i++) agg.add(playIndex(arms, 'u', i, dist).records[0]!);
  return historicalBatchJson('october-2023', agg, { runs: RUNS, seed: 'u', uncertainty: dist });
}

describe('brink batch --uncertainty', () => {
  const none = batch(NO_UNCERTAINTY);
  const prior = batch(priorDistribution());

  it('prior gives wider bands than none for an assumption-driven outcome (injuries: no source counts them)', () => {
    const width = (j: typeof none) => j.metrics.usInjured.p95 - j.metrics.usInjured.p5;
    expect(width(prior)).toBeGreaterThan(2 * width(none));
  });

  it('pinning every range to its point value reproduces none exactly (the dice are the same streams)', () => {
    const pinned = batch(priorDistribution(pinPriors(PRIORS, PARAM_IDS)));
    expect({ ...pinned, uncertainty: null }).toEqual({ ...none, uncertainty: null });
    expect(pinned.uncertainty.bands).toBe('dice+parameters');
  });

  it('pinning the injury parameters to a point reproduces none for injuries, once nothing else varies', () => {
    // Injuries depend on attacks too; pin everything except the injury pair, then pin that pair: equal.
    const onlyInjury = PARAM_IDS.filter((id) => id !== 'injuryPerAttack' && id !== 'injuredWhenInjury');
    const loose = batch(priorDistribution(pinPriors(PRIORS, onlyInjury)));
    expect(loose.metrics.usInjured).not.toEqual(none.metrics.usInjured);
    const tight = batch(priorDistribution(pinPriors(PRIORS, [...onlyInjury, 'injuryPerAttack', 'injuredWhenInjury'])));
    expect(tight.metrics.usInjured).toEqual(none.metrics.usInjured);
  });

  it('the JSON names the mode, the distribution and what the bands include, and validates', () => {
    expect(none.uncertainty).toEqual({ mode: 'none', distribution: 'none', bands: 'dice' });
    expect(prior.uncertainty.mode).toBe('prior');
    expect(prior.uncertainty.distribution).toMatch(/^prior:[0-9a-f]{16}$/);
    expect(prior.uncertainty.bands).toBe('dice+parameters');
    expect(BatchSchema.safeParse(prior).success).toBe(true);
    expect(BatchSchema.safeParse({ ...prior, uncertainty: { ...prior.uncertainty, bands: 'dice' } }).success).toBe(false);
  });

  it('a game of a prior batch is the game played alone with its recorded parameters', () => {
    const g = playIndex(arms, 'u', 5, priorDistribution()).records[0]!;
    expect(Object.keys(g.params).length).toBeGreaterThan(50);
    const alone = playGame(scenario('october-2023'), {
      seed: g.seed,
      us: getPolicy('historical', 'us'),
      iran: getPolicy('historical', 'iran'),
      params: g.params,
    });
    expect(totalsOf(alone).usInjured).toBe(g.metrics.usInjured);
  });

  it('results are identical for any --workers', async () => {
    const run = (workers: number) =>
      startBatch({
        scenario: scenario('tower-22'),
        scenarioArg: 'tower-22',
        runs: 24,
        seed: 'w',
        us: 'historical',
        iran: 'historical',
        params: {},
        uncertainty: priorDistribution(),
        workers,
        modules: [],
      }).done;
    const [a, b] = await Promise.all([run(1), run(3)]);
    expect(b.json).toEqual(a.json);
  });
});

describe('the command line', () => {
  it('batch says plainly which bands are dice only and which include parameter uncertainty', () => {
    expect(bandsNote(NO_UNCERTAINTY)).toMatch(/^Bands: dice only\./);
    const prior = brink(['batch', '--scenario', 'tower-22', '--runs', '6', '--workers', '1', '--uncertainty', 'prior']);
    expect(prior.stdout).toContain('Bands: dice plus parameter uncertainty.');
    // And how to get the other: the point values, the default of batch and backtest.
    expect(prior.stdout).toContain('Without --uncertainty every parameter stays at its point value (bands: dice only).');
    // Where a game's drawn parameters can be found to replay it, or that they were not kept.
    expect(prior.stdout).toContain('its drawn parameters were not kept: add --out FILE or --csv FILE to keep them');
    const csv = join(mkdtempSync(join(tmpdir(), 'brink-unc-')), 'g.csv');
    const kept = brink(['batch', '--scenario', 'tower-22', '--runs', '6', '--workers', '1', '--uncertainty', 'prior', '--csv', csv]);
    expect(kept.stdout).toContain(`its drawn parameters are in the --csv rows (${csv})`);
  });

  it('compare carries the mode in its JSON and its report', () => {
    const r = brink([
      'compare',
      '--scenario',
      'tower-22',
      '--runs',
      '6',
      '--workers',
      '1',
      '--uncertainty',
      'prior',
      '--us-policy-b',
      'dove',
      '--json',
    ]);
    const j = CompareSchema.parse(JSON.parse(r.stdout));
    expect(j.uncertainty.mode).toBe('prior');
    const text = formatCompareReport({ status: 'complete', json: j } as CompareResult);
    expect(text).toContain('Bands: dice plus parameter uncertainty.');
    expect(text).toContain('Both arms of game i draw the same parameters');
    // Shares of games read as brink batch prints them (%), their differences in percentage points.
    const w = j.outcomes.regionalWar;
    const pp = (d: number) => `${d >= 0 ? '+' : '-'}${Math.abs(d * 100).toFixed(1)}`;
    expect(text).toContain(
      `${OUTCOME_LABELS.regionalWar.padEnd(LABEL_WIDTH)} ${`${(w.a.p * 100).toFixed(1)} %`.padStart(7)}  ${`${(w.b.p * 100).toFixed(1)} %`.padStart(7)}  ${pp(w.diff.mean).padStart(8)}`,
    );
    expect(text).toContain('95 % interval (pp)');
  });

  it('a bad mode or a missing posterior is a usage error (exit 2), no stack', () => {
    const bad = brink(['batch', '--runs', '2', '--uncertainty', 'maybe']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("--uncertainty must be one of none, prior, posterior, got 'maybe'");
    const missing = brink(['batch', '--runs', '2', '--uncertainty', 'posterior', '--posterior', 'no/such/file.json']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('no/such/file.json: no posterior file here');
    expect(missing.stderr).not.toMatch(/\n\s+at /);
  });
});
