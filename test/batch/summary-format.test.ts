/**
 * How the summaries print their numbers: a mean per game with two decimals always (a column of means
 * lines up: "0.00" beside "6.38", never "0" beside "6.38"), a difference of means signed the same way,
 * a count's percentiles whole and a score's as players read a score (scoreText). A comparison's row
 * takes more decimals where its means are small or would not subtract to the difference as printed.
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { MAX_ROW_DECIMALS, meanText, metricValueText, pairedMeanTexts, rowDecimals, signedMeanText } from '../../src/batch/charts.ts';
import { METRIC_NAMES, OUTCOME_NAMES, SCORE_NAMES, type MetricName, type ScoreName } from '../../src/batch/record.ts';
import { LABEL_WIDTH, METRIC_LABELS, NO_PAIR_DIFFERED, OUTCOME_LABELS, SHOWN_OUTCOMES } from '../../src/batch/labels.ts';
import { main } from '../../src/cli/main.ts';
import { capture } from '../helpers/cli.ts';

async function run(args: readonly string[]): Promise<string[]> {
  const c = capture();
  expect(await main([...args, '--workers', '1'], c.io), c.err.join('\n')).toBe(0);
  return c.out.join('\n').split('\n');
}

/** The table rows of a summary: the line of each metric (labelled in words), split into its cells. */
function rows(lines: readonly string[], names: readonly (MetricName | ScoreName)[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const name of names) {
    const line = lines.find((l) => l.startsWith(`  ${METRIC_LABELS[name]}  `));
    expect(line, name).toBeDefined();
    out.set(name, line!.slice(`  ${METRIC_LABELS[name]}`.length).trim().split(/\s+/));
  }
  return out;
}

const TWO_DECIMALS = /^-?\d+\.\d\d$/;

/** The significant figures of a printed number: its digits from the first that is not 0. */
const significant = (x: string) => x.replace(/[^\d]/g, '').replace(/^0+/, '').length;

describe('numbers in the summaries', () => {
  it('meanText and signedMeanText: two decimals, also for whole means, and no sign on a mean that rounds to zero', () => {
    expect([meanText(3), meanText(2.5), meanText(115.844), meanText(-0.001)]).toEqual(['3.00', '2.50', '115.84', '0.00']);
    expect([signedMeanText(0), signedMeanText(0.361), signedMeanText(-10.49), signedMeanText(-0.004)]).toEqual([
      '+0.00',
      '+0.36',
      '-10.49',
      '+0.00',
    ]);
    expect([metricValueText('attacksOnUS', 31), metricValueText('scoreUS', 40), metricValueText('scoreIran', 39.9)]).toEqual([
      '31',
      '40.0',
      '39.9',
    ]);
  });

  it('brink batch: every mean with two decimals; percentiles of counts whole, of scores with one decimal', async () => {
    const table = rows(await run(['batch', '--scenario', 'tower-22', '--runs', '12', '--seed', 'fmt']), [...METRIC_NAMES, ...SCORE_NAMES]);
    // Some means of this batch are whole (no strike on Iran in any game): they keep their decimals too.
    expect([...table.values()].some(([mean]) => mean === '0.00')).toBe(true);
    for (const [name, [mean, ...bands]] of table) {
      expect(mean, name).toMatch(TWO_DECIMALS);
      for (const b of bands) expect(b, name).toMatch((SCORE_NAMES as readonly string[]).includes(name) ? /^\d+\.\d$/ : /^\d+$/);
    }
  });

  it('brink batch and brink compare label their rows in words, say regional war once, and leave the names to --json and --csv', async () => {
    for (const args of [
      ['batch', '--scenario', 'tower-22', '--runs', '12', '--seed', 'fmt'],
      ['compare', '--scenario', 'tower-22', '--runs', '12', '--seed', 'fmt', '--us-policy-b', 'hawk'],
    ]) {
      const lines = await run(args);
      const text = lines.join('\n');
      for (const name of [...METRIC_NAMES, ...SCORE_NAMES, ...OUTCOME_NAMES])
        expect(text, `${args[0]}: ${name}`).not.toMatch(new RegExp(`^  ${name} `, 'm'));
      for (const name of [...METRIC_NAMES, ...SCORE_NAMES])
        expect(text).toMatch(new RegExp(`^  ${METRIC_LABELS[name].replace(/[()]/g, '\\$&')}  `, 'm'));
      // regionalWar and verdict:regional-war are the same games: one row.
      expect(lines.filter((l) => l.startsWith(`  ${OUTCOME_LABELS.regionalWar} `))).toHaveLength(1);
      // Each footer names its own command's outputs: batch's CSV has a row per game, compare's a row per measure.
      expect(text).toContain(
        args[0] === 'batch'
          ? 'The same figures by name (attacksOnUS, verdict:calm-restored, …): --json, or --csv for a row per game.'
          : 'The same figures by name (attacksOnUS, verdict:calm-restored, …): --json, or --csv for a row per outcome and metric (measure attacks_on_us, verdict_calm_restored, …).',
      );
    }
    // What compare's footer says of its --csv is so: a row per outcome and metric, its measure named as the footer names it.
    const csvFile = join(mkdtempSync(join(tmpdir(), 'brink-footer-')), 'compare.csv');
    await run(['compare', '--scenario', 'tower-22', '--runs', '12', '--seed', 'fmt', '--us-policy-b', 'hawk', '--csv', csvFile]);
    const [header, ...csvRows] = readFileSync(csvFile, 'utf8').trimEnd().split('\n');
    const measure = header!.split(',').indexOf('measure');
    const measures = csvRows.map((r) => r.split(',')[measure]);
    expect(measures).toHaveLength(OUTCOME_NAMES.length + METRIC_NAMES.length + SCORE_NAMES.length);
    expect(measures).toEqual(expect.arrayContaining(['attacks_on_us', 'verdict_calm_restored']));
    // The names are where scripts read them.
    const json = JSON.parse((await run(['batch', '--scenario', 'tower-22', '--runs', '12', '--seed', 'fmt', '--json'])).join('\n'));
    expect(Object.keys(json.outcomes)).toEqual([...OUTCOME_NAMES]);
  });

  it('a row of a comparison: one number of decimals, three significant figures for a mean below 1, A and B subtracting to B − A as printed', () => {
    const row = (a: number, b: number, lo = b - a - 0.05, hi = b - a + 0.05, diff = b - a) =>
      pairedMeanTexts({ a: { mean: a }, b: { mean: b }, diff: { mean: diff, ci95: [lo, hi] } });
    // The playtest's US deaths: 0.055 and 0.075 printed "0.06 0.07 +0.02".
    expect(row(0.055, 0.075, -0.0169, 0.0569)).toEqual({ a: '0.0550', b: '0.0750', diff: '+0.0200', interval: ['-0.0169', '+0.0569'] });
    expect(row(0.2, 0.22, -0.008, 0.048)).toEqual({ a: '0.200', b: '0.220', diff: '+0.020', interval: ['-0.008', '+0.048'] });
    // Means of 1 or more keep two decimals, unless A and B would not subtract to B − A as printed (3.98 − 3.19 ≠ 0.80).
    expect(row(34.51, 24.02, -12.7, -8.28)).toEqual({ a: '34.51', b: '24.02', diff: '-10.49', interval: ['-12.70', '-8.28'] });
    expect(row(797 / 200, 638 / 200, -0.953, -0.637, -159 / 200)).toEqual({
      a: '3.985',
      b: '3.190',
      diff: '-0.795',
      interval: ['-0.953', '-0.637'],
    });
    expect(row(0, 0, 0, 0)).toEqual({ a: '0.00', b: '0.00', diff: '+0.00', interval: ['+0.00', '+0.00'] });
    expect(rowDecimals([0, 0.625])).toBe(3);
    expect(rowDecimals([0.0004, 0.5])).toBe(MAX_ROW_DECIMALS);
    // A row no decimals reconcile (thirds, as 30 games give) keeps its own decimals, not four.
    expect(row(209 / 6, 124 / 6)).toMatchObject({ a: '34.83', b: '20.67', diff: '-14.17' });
    // Any two means of k of n games: within one unit of the last decimal always, exact where some decimals
    // up to MAX_ROW_DECIMALS allow, and at the row's own decimals where none do.
    const exactAt = (a: number, b: number, d: number) =>
      Math.abs(Number(b.toFixed(d)) - Number(a.toFixed(d)) - Number((b - a).toFixed(d))) * 10 ** d < 0.5;
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5000 }), fc.nat(), fc.nat(), (n, i, j) => {
        const [a, b] = [(i % (20 * n)) / n, (j % (20 * n)) / n];
        const t = row(a, b);
        const d = t.a.split('.')[1]!.length;
        expect([t.b.split('.')[1]!.length, t.diff.split('.')[1]!.length]).toEqual([d, d]);
        const off = Math.abs(Number(t.b) - Number(t.a) - Number(t.diff)) * 10 ** d;
        expect(off).toBeLessThan(1.5);
        const base = rowDecimals([a, b]);
        const some = Array.from({ length: MAX_ROW_DECIMALS - base + 1 }, (_, k) => base + k).some((k) => exactAt(a, b, k));
        if (some) expect(off).toBeLessThan(0.5);
        else expect(d).toBe(base);
        for (const x of [t.a, t.b])
          if (Number(x) !== 0 && Number(x) < 1 && d < MAX_ROW_DECIMALS) expect(significant(x)).toBeGreaterThanOrEqual(3);
      }),
      { numRuns: 2000, seed: 4 },
    );
  });

  it('brink compare: each row of means to its decimals, the difference and its interval signed, A and B subtracting to B − A', async () => {
    // The playtest's command: 200 pairs, so every mean is a multiple of 1/200 and the rows subtract exactly.
    const lines = await run(['compare', '--scenario', 'tower-22', '--runs', '200', '--seed', '1', '--us-policy-b', 'hawk']);
    const table = rows(lines, [...METRIC_NAMES, ...SCORE_NAMES]);
    let unchanged = 0;
    let small = 0;
    for (const [name, [a, b, diff, ...interval]] of table) {
      const d = a!.split('.')[1]?.length ?? 0;
      expect(d, name).toBeGreaterThanOrEqual(2);
      expect(d, name).toBeLessThanOrEqual(MAX_ROW_DECIMALS);
      const unsigned = new RegExp(`^\\d+\\.\\d{${d}}$`);
      const signed = new RegExp(`^[+-]\\d+\\.\\d{${d}}$`);
      expect([a, b], name).toEqual([expect.stringMatching(unsigned), expect.stringMatching(unsigned)]);
      expect(diff, name).toMatch(signed);
      expect(Math.abs(Number(b) - Number(a) - Number(diff)), `${name}: ${a} ${b} ${diff}`).toBeLessThan(0.5 * 10 ** -d);
      for (const x of [a!, b!]) {
        if (Number(x) === 0 || Number(x) >= 1) continue;
        small++;
        expect(significant(x), `${name}: ${x}`).toBeGreaterThanOrEqual(3);
      }
      // A row where no pair of games differed says so in words instead of a bare [+0.00, +0.00].
      if (interval.join(' ') === NO_PAIR_DIFFERED) {
        expect(Number(diff), name).toBe(0);
        unchanged++;
      } else expect(interval.join(' '), name).toMatch(new RegExp(`^\\[${signed.source.slice(1, -1)}, ${signed.source.slice(1, -1)}\\]$`));
    }
    // tower-22: US deaths and other rare counts are below 1 a game; no US strike inside Iran in either arm.
    expect(small).toBeGreaterThan(0);
    expect(unchanged).toBeGreaterThan(0);
  });

  it("brink sweep: a metric's mean at every point, and its baseline, with two decimals", async () => {
    const lines = await run([
      'sweep',
      '--scenario',
      'tower-22',
      '--runs',
      '12',
      '--seed',
      'fmt',
      '--param',
      'deterrenceEffect',
      '--metric',
      'attacksOnUS',
    ]);
    const base = lines.find((l) => l.startsWith('attacksOnUS: baseline'));
    expect(base).toMatch(/^attacksOnUS: baseline \d+\.\d\d \[-?\d+\.\d\d, \d+\.\d\d\]$/);
    const points = lines.filter((l) => /^ {4}\s*\d/.test(l));
    expect(points.length).toBe(5);
    for (const p of points) expect(p.trim().split(/\s+/)[1], p).toMatch(TWO_DECIMALS);
  });

  it("batch says under its shares that their interval measures the games played, not a band, with the batch's own count", async () => {
    for (const [runs, games] of [
      ['1', '1 game measures'],
      ['12', '12 games measure'],
    ]) {
      const lines = await run(['batch', '--scenario', 'tower-22', '--runs', runs!]);
      const header = lines.findIndex((l) => l.startsWith('How the games ended'));
      const end = lines.indexOf('', header);
      // The table's rows, each share's label, then the note as its last line.
      expect(lines.slice(header + 1, end - 1).map((l) => l.slice(2, 2 + LABEL_WIDTH).trim())).toEqual(
        SHOWN_OUTCOMES.map((o) => OUTCOME_LABELS[o]),
      );
      expect(lines[end - 1]).toBe(`  [ ]: how precisely ${games} each share (Wilson, 95 %); not a band.`);
    }
  });
});
