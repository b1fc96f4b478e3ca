import { describe, expect, it } from 'vitest';
import { capture } from '../../helpers/cli.ts';
import fc from 'fast-check';
import { judge, quantile, runBacktest } from '../../../src/analysis/backtest/backtest.ts';
import { CHECKS, BACKTEST_SCENARIOS } from '../../../src/analysis/backtest/checks.ts';
import { factById } from '../../../src/model/evidence.ts';
import { main } from '../../../src/cli/main.ts';


describe('backtest on the shipped scenarios', () => {
  // 200 games per scenario keeps the file fast; `brink backtest` defaults to 1,000.
  const result = runBacktest({ runs: 200, seed: 'test' });

  it('has one row per check, each citing facts that exist, over all three historical scenarios', () => {
    expect(result.rows.map((r) => r.id).sort()).toEqual(CHECKS.map((c) => c.id).sort());
    expect(new Set(result.rows.map((r) => r.scenario))).toEqual(new Set(BACKTEST_SCENARIOS));
    for (const row of result.rows) {
      for (const f of row.facts) expect(factById(f), `${row.id} cites ${f}`).toBeDefined();
      expect(row.games).toBeGreaterThan(100);
      expect(row.band[0]).toBeLessThanOrEqual(row.median);
      expect(row.median).toBeLessThanOrEqual(row.band[1]);
    }
  });

  it('reads the documented values from the evidence', () => {
    const tempo = result.rows.find((r) => r.id === 'militia-tempo')!;
    expect(tempo.documented).toBe(factById('F-01')!.figures!.perWeek);
    const strikes = result.rows.find((r) => r.id === 'us-retaliation')!;
    expect(strikes.documented).toBe(factById('F-09')!.figures!.strikesMin);
  });

  it('passes every check (the model reproduces the documented figures)', () => {
    const failed = result.rows.filter((r) => !r.pass).map((r) => `${r.id} [${r.facts.join(', ')}]: ${r.failures.join('; ')}`);
    expect(failed).toEqual([]);
    expect(result.pass).toBe(true);
  });

  it('is reproducible from its seed', () => {
    const again = runBacktest({ runs: 30, seed: 'repro', scenarios: ['tower-22'] });
    const twice = runBacktest({ runs: 30, seed: 'repro', scenarios: ['tower-22'] });
    expect(twice).toEqual(again);
  });
});

describe('a deliberately mis-set parameter fails the backtest', () => {
  it('militiaAttackRate = 3 a day (about 21 a week) fails the F-01 tempo check', () => {
    const r = runBacktest({ runs: 200, seed: 'test', params: { militiaAttackRate: 3 }, scenarios: ['october-2023'] });
    const tempo = r.rows.find((x) => x.id === 'militia-tempo')!;
    expect(tempo.pass).toBe(false);
    expect(tempo.median).toBeGreaterThan(1.25 * 10.1);
    expect(tempo.failures[0]).toMatch(/above the accepted/);
    expect(r.pass).toBe(false);
  });

  it('warShockBase = 0.05 (war as a weekly dice roll) fails the no-war check, which passes at the default', () => {
    const row = (params?: Record<string, number>) =>
      runBacktest({ runs: 150, seed: 'test', scenarios: ['october-2023'], ...(params ? { params } : {}) }).rows.find((x) => x.id === 'no-war-october-2023')!;
    expect(row({ warShockBase: 0.05 }).pass).toBe(false);
    expect(row().pass).toBe(true);
  });

  it('an out-of-range override is refused before any game is played', () => {
    expect(() => runBacktest({ runs: 1, seed: 'x', params: { militiaAttackRate: 99 } })).toThrow(/between 0 and 10/);
  });

  it('brink backtest exits 1 on a failing check and prints the failure', async () => {
    const c = capture();
    const code = await main(['backtest', '--runs', '40', '--seed', 'cli', '--param', 'militiaAttackRate=3'], c.io);
    expect(code).toBe(1);
    expect(c.out.join('\n')).toMatch(/FAIL {2}F-01, P-01 · october-2023/);
  });

  it('brink backtest --json prints brink.backtest/1; a bad flag exits 2', async () => {
    const c = capture();
    await main(['backtest', '--runs', '20', '--json', '--param', 'militiaAttackRate=3'], c.io);
    const json = JSON.parse(c.out.join('\n')) as { schema: string; rows: unknown[]; params: Record<string, number> };
    expect(json.schema).toBe('brink.backtest/1');
    expect(json.rows.length).toBe(CHECKS.length);
    expect(json.params).toEqual({ militiaAttackRate: 3 });
    const bad = capture();
    expect(await main(['backtest', '--param', 'noSuchParam=1'], bad.io)).toBe(2);
    expect(bad.err.join('\n')).toContain("unknown parameter 'noSuchParam'");
  });
});

describe('judging and quantiles', () => {
  it('median windows, the record in the band, and a p95 ceiling each fail on their own', () => {
    expect(judge({ median: [1, 2] }, 1.5, 1.5, [1, 2])).toEqual([]);
    expect(judge({ median: [1, 2] }, 1.5, 2.5, [1, 3])[0]).toMatch(/0.50 above/);
    expect(judge({ recordInBand: true }, 5, 1, [0, 3])[0]).toMatch(/outside the simulated 5–95 % band/);
    expect(judge({ p95Max: 0 }, 0, 0, [0, 1])[0]).toMatch(/exceeds 0/);
  });

  it('quantile lies between min and max and is monotone in q', () => {
    fc.assert(fc.property(fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 50 }), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (xs, a, b) => {
      const s = [...xs].sort((x, y) => x - y);
      const [lo, hi] = a <= b ? [a, b] : [b, a];
      expect(quantile(s, lo)).toBeGreaterThanOrEqual(s[0]!);
      expect(quantile(s, hi)).toBeLessThanOrEqual(s[s.length - 1]!);
      expect(quantile(s, lo)).toBeLessThanOrEqual(quantile(s, hi) + 1e-9);
    }));
    expect(quantile([1, 2, 3, 4], 0.5)).toBe(2.5);
  });
});
