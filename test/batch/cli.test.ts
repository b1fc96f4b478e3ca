/** `brink batch`, `compare` and `sweep` through the real command line, against their JSON contracts. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BatchSchema, CompareSchema, SweepSchema } from '../../src/batch/contract.ts';
import { brink } from '../helpers/cli.ts';
import { isDrawn, priorQuantile, PRIORS } from '../../src/model/priors.ts';
import { formatParamRange } from '../../src/analysis/calibration/shifts.ts';

const dir = mkdtempSync(join(tmpdir(), 'brink-batch-'));

describe('brink batch', () => {
  it('prints the same brink.batch/1 JSON for --workers 1 and --workers 2, valid against the contract', () => {
    const args = ['batch', '--scenario', 'october-2023', '--runs', '120', '--seed', 'w', '--json'];
    const one = brink([...args, '--workers', '1']);
    const two = brink([...args, '--workers', '2']);
    expect(one.code, one.stderr).toBe(0);
    expect(two.code, two.stderr).toBe(0);
    expect(two.stdout).toBe(one.stdout);
    expect(one.stderr).toBe(''); // no progress noise when stderr is not a terminal
    const json = JSON.parse(one.stdout);
    const parsed = BatchSchema.safeParse(json);
    expect(parsed.success, JSON.stringify(parsed.error?.issues.slice(0, 3))).toBe(true);
    expect(json.runs).toBe(120);
    expect(json.complete).toBe(true);
    for (const name of [
      'attacksOnUS',
      'attacksOnUSIraq',
      'attacksOnUSSyria',
      'usKilled',
      'usInjured',
      'usStrikes',
      'houthiAttacks',
      'peakRung',
    ]) {
      expect(json.metrics[name]).toBeDefined();
    }
    expect(json.series.rung.perTurn).toHaveLength(json.turns);
  });

  it('writes one CSV row per game, with the per-game seed, and the default report has its charts', () => {
    const csv = join(dir, 'games.csv');
    const r = brink(['batch', '--scenario', 'tower-22', '--runs', '30', '--seed', 'c', '--workers', '2', '--csv', csv]);
    expect(r.code, r.stderr).toBe(0);
    const rows = readFileSync(csv, 'utf8').trim().split('\n');
    expect(rows[0]).toMatch(
      /^model_version,scenario_id,scenario_hash,batch_seed,us_policy,iran_policy,uncertainty,distribution,game_index,game_seed,verdict,/,
    );
    expect(rows).toHaveLength(31);
    const header = rows[0]!.split(',');
    const [index, seed] = [header.indexOf('game_index'), header.indexOf('game_seed')];
    expect(rows.slice(1).map((l) => `${l.split(',')[index]},${l.split(',')[seed]}`)).toEqual(
      Array.from({ length: 30 }, (_, i) => `${i},c:${i}`),
    );
    expect(r.stdout).toContain('Attacks on US forces per game');
    expect(r.stdout).toContain('Escalation ladder by turn');
    expect(r.stdout).toContain("--seed 'c:<i>'");
  });

  it('game i of the batch is `brink run --seed <seed>:<i>`', () => {
    const csv = join(dir, 'one.csv');
    expect(brink(['batch', '--scenario', 'tower-22', '--runs', '4', '--seed', 'r', '--workers', '1', '--csv', csv]).code).toBe(0);
    const header = readFileSync(csv, 'utf8').split('\n')[0]!.split(',');
    const row = readFileSync(csv, 'utf8').split('\n')[4]!.split(',');
    const run = JSON.parse(brink(['run', '--scenario', 'tower-22', '--seed', 'r:3', '--json']).stdout);
    expect(row[header.indexOf('attacks_on_us')]).toBe(String(run.outcome.totals.attacksOnUS));
    expect(row[header.indexOf('verdict')]).toBe(run.outcome.verdict.id);
  });

  it('rejects bad input with exit code 2 and no stack trace', () => {
    for (const args of [
      ['--runs', '0'],
      ['--param', 'noSuchParam=1'],
      ['--param', 'fatalityPerAttack=7'],
      ['--us-policy', 'nobody'],
      ['--resume'],
      ['--workers', 'many'],
    ]) {
      const r = brink(['batch', '--runs', '5', '--scenario', 'tower-22', ...args]);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
    const out = join(dir, 'exists.jsonl');
    writeFileSync(out, '');
    const r = brink(['batch', '--runs', '5', '--scenario', 'tower-22', '--out', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--resume');
  });
});

describe('brink compare', () => {
  it('gives exactly zero difference for identical arms, valid against brink.compare/1', () => {
    // The same arms twice, as JSON and as the report.
    const identical = ['compare', '--scenario', 'tower-22', '--runs', '60', '--seed', 'z', '--workers', '2', '--us-policy-b', 'historical'];
    const r = brink([...identical, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(CompareSchema.safeParse(json).success).toBe(true);
    // Every metric differs by exactly 0 in every pair: mean 0 and a t interval of [0, 0].
    for (const v of Object.values(json.metrics) as { diff: { mean: number; ci95: number[]; interval: string } }[]) {
      expect(v.diff.mean).toBe(0);
      expect(v.diff.ci95).toEqual([0, 0]);
      expect(v.diff.interval).toBe('t');
    }
    // An outcome's share differs by exactly 0 too, but 60 pairs cannot show that it never would: Newcombe's
    // interval is centred on 0 and as wide as the share's Wilson distances allow. With no pair differing
    // (k pairs where both arms had it, n − k neither) it is ±√(x² + y² − 2φxy), x and y the distances from
    // k/n to its Wilson limits, φ = (k(n − k) − n/2) / (k(n − k)) (0 when k(n − k) ≤ n/2), worked out here.
    const z = 1.959963984540054;
    const n = 60;
    for (const [name, v] of Object.entries(json.outcomes) as [
      string,
      { a: { count: number }; b: { count: number }; diff: { mean: number; sd: number; ci95: number[]; interval: string } },
    ][]) {
      expect(v.diff.mean, name).toBe(0);
      expect(v.diff.sd, name).toBe(0);
      expect(v.diff.interval, name).toBe('newcombe');
      const k = v.a.count;
      expect(v.b.count, name).toBe(k);
      const p = k / n;
      const centre = (p + (z * z) / (2 * n)) / (1 + (z * z) / n);
      const spread = (z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n))) / (1 + (z * z) / n);
      const [x, y] = [p - Math.max(0, centre - spread), Math.min(1, centre + spread) - p];
      const ad = k * (n - k);
      const phi = ad > n / 2 ? (ad - n / 2) / ad : 0;
      const half = Math.sqrt(x * x + y * y - 2 * phi * x * y);
      expect(half, name).toBeGreaterThan(0);
      expect(v.diff.ci95[0], name).toBeCloseTo(-half, 6);
      expect(v.diff.ci95[1], name).toBeCloseTo(half, 6);
    }
    // The report says it in words rather than printing a bare interval around 0.
    const text = brink(identical);
    expect(text.stdout).toContain("95 % intervals: Student t for means, Newcombe's paired interval for shares of games.");
    expect(text.stdout).not.toContain('the games are few');
    expect(text.stdout).toMatch(/^ {2}Regional war .*\] {2}no pair of games differed$/m);
    expect(text.stdout).toMatch(/^ {2}Attacks on US forces .* \+0\.00 {3}no pair of games differed$/m);
  });

  it('says when the paired games are few, and prints them with wider t intervals', () => {
    const r = brink(['compare', '--scenario', 'tower-22', '--runs', '12', '--seed', 'few', '--workers', '1', '--us-policy-b', 'hawk']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('Only 12 paired games: the intervals are wide because the games are few (fewer than 30).');
  });

  it('refuses to run without a B arm (exit 2, with the usage)', () => {
    const r = brink(['compare', '--scenario', 'tower-22', '--runs', '6']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/arm B is not set, so it would be arm A: say what differs with --us-policy-b/);
    expect(r.stderr).toMatch(/Usage: brink compare/);
  });

  it('pairs games on the same seeds: a different US policy moves the metrics, and B − A is the difference of the means', () => {
    const r = brink([
      'compare',
      '--scenario',
      'october-2023',
      '--runs',
      '80',
      '--seed',
      'p',
      '--us-policy-b',
      'hawk',
      '--workers',
      '2',
      '--json',
    ]);
    expect(r.code, r.stderr).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.b.policies.us).toBe('hawk');
    const m = json.metrics.usStrikes;
    expect(m.diff.mean).toBeCloseTo(m.b.mean - m.a.mean, 5);
    expect(json.metrics.usStrikes.diff.mean).not.toBe(0);
    // Arm A of a comparison is the plain batch on the same seeds.
    const batch = JSON.parse(
      brink(['batch', '--scenario', 'october-2023', '--runs', '80', '--seed', 'p', '--workers', '1', '--json']).stdout,
    );
    expect(json.metrics.attacksOnUS.a).toEqual(batch.metrics.attacksOnUS);
    expect(json.outcomes.regionalWar.a).toEqual(batch.outcomes.regionalWar);
  });
});

describe('brink sweep', () => {
  it('varies a parameter on common seeds and reports brink.sweep/1 with a tornado chart', () => {
    const args = [
      'sweep',
      '--scenario',
      'tower-22',
      '--runs',
      '40',
      '--seed',
      's',
      '--workers',
      '2',
      '--param',
      'fatalityPerAttack=0:0.05:3',
      '--param',
      'militiaAttackRate',
      '--metric',
      'usFatality',
    ];
    const r = brink([...args, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(SweepSchema.safeParse(json).success).toBe(true);
    const fat = json.params.find((p: { name: string }) => p.name === 'fatalityPerAttack');
    expect(fat.points.map((p: { value: number }) => p.value)).toEqual([0, 0.025, 0.05]);
    // No fatal attacks are possible at a fatality chance of 0; more become likely as it rises.
    expect(fat.points[0].results.usFatality.mean).toBe(0);
    expect(fat.points[2].results.usFatality.mean).toBeGreaterThan(fat.points[0].results.usFatality.mean);
    const rate = json.params.find((p: { name: string }) => p.name === 'militiaAttackRate');
    expect(rate.points[0].value).toBeCloseTo(rate.base * 0.5, 9);
    expect(rate.points[rate.points.length - 1].value).toBeCloseTo(rate.base * 1.5, 9);
    const text = brink(args);
    expect(text.stdout).toContain('Tornado');
    // The text says what its bands are, and shows a share of games in % with its changes in pp.
    expect(text.stdout).toMatch(/^Bands: dice only\. Each figure is a mean over the 40 games with its 95 % confidence interval/m);
    const base = json.baseline.usFatality;
    expect(text.stdout).toContain(
      `usFatality: baseline ${(base.mean * 100).toFixed(1)} % [${(base.ci95[0] * 100).toFixed(1)} %, ${(base.ci95[1] * 100).toFixed(1)} %]`,
    );
    expect(text.stdout).toMatch(/fatalityPerAttack 0…0\.05 .* lowest [-+]\d+\.\d pp · highest \+\d+\.\d pp/);
    // Beside its own range, the prior's, which brink sensitivity explores.
    const prior = PRIORS.militiaAttackRate;
    if (!isDrawn(prior)) throw new Error('militiaAttackRate has a prior');
    expect(text.stdout).toContain(
      `militiaAttackRate (scenario value ${rate.base}; its prior's 90 % range, which brink sensitivity explores: ${formatParamRange([priorQuantile(prior, 0.05), priorQuantile(prior, 0.95)])})`,
    );
    expect(brink(['sweep', '--runs', '5', '--param', 'fatalityPerAttack=0:2:3']).code).toBe(2);
  });

  it('never gives a count or a score an interval below 0 (the playtest read usKilled: baseline 0.08 [-0.02, 0.18]), and says so', () => {
    const args = ['sweep', '--scenario', 'tower-22', '--runs', '100', '--param', 'deterrenceEffect', '--param', 'fatalityPerAttack'];
    const r = brink([...args, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const json = SweepSchema.parse(JSON.parse(r.stdout));
    const values = [...Object.entries(json.baseline), ...json.params.flatMap((p) => p.points.flatMap((pt) => Object.entries(pt.results)))];
    expect(values.length).toBeGreaterThan(0);
    for (const [metric, v] of values) {
      expect(v.ci95[0], metric).toBeGreaterThanOrEqual(0);
      expect(v.ci95[0], metric).toBeLessThanOrEqual(v.mean);
    }
    // A rare count whose t interval would reach below 0 is there, so the cut is at work.
    const usKilled = values.filter(([m]) => m === 'usKilled').map(([, v]) => v);
    expect(usKilled.some((v) => v.mean > 0 && v.ci95[0] === 0)).toBe(true);
    const text = brink(args);
    expect(text.stdout).toContain('Student t for means, cut at 0 where it would reach below: no count or score is negative');
    expect(text.stdout).not.toMatch(/\[-\d/);
  });
});
