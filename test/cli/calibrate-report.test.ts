/** What `brink calibrate --report` and `--leave-one-out` print: the numbers' decimals, the point values the record argues against, and warnings on runs too small to read. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatLeaveOneOut, formatShiftReport } from '../../src/cli/commands/calibrate.ts';
import { loadPosterior, SHIPPED_POSTERIOR } from '../../src/analysis/calibration/posterior-file.ts';
import {
  formatParamRange,
  formatParamValue,
  isWholeNumber,
  MIN_POSTERIOR_SETS,
  pointValuesOutside,
  shifts,
} from '../../src/analysis/calibration/shifts.ts';
import { SHIPPED_SETTINGS } from '../../src/analysis/calibration/calibrate.ts';
import { runBacktest, type BacktestRow } from '../../src/analysis/backtest/backtest.ts';
import type { LeaveOneOutRow } from '../../src/analysis/calibration/leave-one-out.ts';
import { PARAM_IDS } from '../../src/model/params.ts';

const file = loadPosterior(SHIPPED_POSTERIOR);
const decimals = (t: string) => (t.includes('.') ? t.length - t.indexOf('.') - 1 : 0);

describe('calibrate --report', () => {
  it('writes both ends of a range with the same decimals where one end is 0, and whole-number parameters whole', () => {
    expect(formatParamRange([0, 2])).toBe('0.00–2.00');
    expect(formatParamRange([0, 2], true)).toBe('0–2');
    expect(formatParamRange([2, 4], true)).toBe('2–4');
    fc.assert(
      fc.property(fc.double({ min: 1e-4, max: 1e4, noNaN: true }), (hi) => {
        const [a, b] = formatParamRange([0, hi]).split('–') as [string, string];
        expect(Number(a)).toBe(0);
        expect(decimals(a)).toBe(decimals(b));
        expect(b).toBe(formatParamValue(hi));
      }),
    );
    const report = formatShiftReport(file, 'shipped');
    const whole = PARAM_IDS.filter(isWholeNumber);
    expect(whole.length).toBeGreaterThan(0);
    for (const id of whole) {
      const row = report.split('\n').find((l) => l.startsWith(`${id} `))!;
      expect(row, id).toMatch(new RegExp(`^${id} +\\d+–\\d+ +\\d+–\\d+ +\\d+ +(cited|assumption)$`));
    }
    expect(report).not.toMatch(/\b0\.0–/);
  });

  it('names the point values outside the posterior 90 % range', () => {
    const outside = pointValuesOutside(file);
    expect(outside.length).toBeGreaterThan(0);
    const report = formatShiftReport(file, 'shipped');
    const line = report.split('\n').find((l) => l.startsWith("Point values outside the posterior's 90 % range"))!;
    for (const p of outside)
      expect(line).toContain(`${p.id} ${formatParamValue(p.value)}, ${p.side} ${formatParamRange(p.shift.posterior)}`);
    // Only those: every parameter named lies outside.
    const named = [...line.matchAll(/(\w+) [\d.]+, (below|above)/g)].map((m) => m[1]);
    expect(named.sort()).toEqual(outside.map((p) => p.id).sort());
  });

  it(`warns when the posterior holds fewer than ${MIN_POSTERIOR_SETS} parameter sets, and says how to get a meaningful run`, () => {
    expect(formatShiftReport(file, 'shipped')).not.toContain('Warning:');
    for (const n of [1, 2, MIN_POSTERIOR_SETS - 1]) {
      const tiny = { ...file, particles: file.particles.slice(0, n) };
      const report = formatShiftReport(tiny, 'tiny.json');
      expect(report).toMatch(
        new RegExp(
          `Warning: this posterior holds ${n} parameter sets?, fewer than ${MIN_POSTERIOR_SETS}: .* --population ${MIN_POSTERIOR_SETS} or more`,
        ),
      );
      // Before the table, where the reader starts.
      expect(report.indexOf('Warning:')).toBeLessThan(report.indexOf('parameter  '));
    }
    expect(formatShiftReport({ ...file, particles: file.particles.slice(0, MIN_POSTERIOR_SETS) }, 'x')).not.toContain('Warning:');
    expect(shifts(file).length).toBeGreaterThan(0);
  });
});

describe('calibrate --leave-one-out', () => {
  const base = runBacktest({ runs: 20, seed: 'loo-text', scenarios: ['tower-22'], figures: ['iraq-after-halt'] }).rows[0]!;
  const rowWith = (status: BacktestRow['status']): LeaveOneOutRow => ({
    left: `fig-${status}`,
    fittedOn: [],
    simulations: 4,
    prediction: { ...base, status, pass: status === 'inside' },
  });
  const rows = [rowWith('inside'), rowWith('inside'), rowWith('outside-90'), rowWith('outside-98'), rowWith('fails')];

  it('counts PASS, MISS and FAIL as the rows are marked, each with the rule it was judged by', () => {
    const out = formatLeaveOneOut(rows, SHIPPED_SETTINGS, 300);
    const marks = (m: string) => out.split('\n').filter((l) => l.startsWith(`${m}  `)).length;
    expect(out).toContain(`${marks('PASS')} of ${rows.length} left-out figures PASS as the backtest judges a figure`);
    expect(out).toContain(`${marks('MISS')} MISS (the record outside the 5–95 % band, inside the 1–99 % range)`);
    expect(out).toContain(`${marks('FAIL')} FAIL (the record outside the 1–99 % range`);
    expect(out).not.toContain('inside their 5–95 % band');
  });

  it('writes its budget in words that agree in number', () => {
    const one = formatLeaveOneOut(rows, { ...SHIPPED_SETTINGS, generations: 1, moves: 1, gamesPerScenario: 1 }, 1);
    expect(one).toContain('1 generation of 1 sweep, 1 game a scenario');
    expect(one).toContain('each prediction: 1 game of');
    const many = formatLeaveOneOut(rows, SHIPPED_SETTINGS, 300);
    expect(many).toContain(`${SHIPPED_SETTINGS.generations} generations of ${SHIPPED_SETTINGS.moves} sweeps`);
  });

  it('warns when each calibration keeps too few parameter sets, or each prediction rests on too few games', () => {
    const tiny = formatLeaveOneOut(rows, { ...SHIPPED_SETTINGS, populationSize: 2 }, 2);
    expect(tiny).toMatch(/Warning: each calibration keeps 2 parameter sets, fewer than 100/);
    expect(tiny).toMatch(/Warning: 2 games per band, fewer than 20: .*give --runs 20 or more/);
    const fine = formatLeaveOneOut(rows, { ...SHIPPED_SETTINGS, populationSize: 100 }, 20);
    expect(fine).not.toContain('Warning:');
  });
});
