/**
 * How the summaries print their numbers: a mean per game with two decimals always (a column of means
 * lines up: "0.00" beside "6.38", never "0" beside "6.38"), a difference of means signed the same way,
 * a count's percentiles whole and a score's as players read a score (scoreText).
 */
import { describe, expect, it } from 'vitest';
import { meanText, metricValueText, signedMeanText } from '../../src/batch/charts.ts';
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
const SIGNED_TWO_DECIMALS = /^[+-]\d+\.\d\d$/;

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
      expect(text).toContain('The same figures by name (attacksOnUS, verdict:calm-restored, …): --json, or --csv for a row per game.');
    }
    // The names are where scripts read them.
    const json = JSON.parse((await run(['batch', '--scenario', 'tower-22', '--runs', '12', '--seed', 'fmt', '--json'])).join('\n'));
    expect(Object.keys(json.outcomes)).toEqual([...OUTCOME_NAMES]);
  });

  it('brink compare: both means and the paired difference with two decimals, the difference and its interval signed', async () => {
    const lines = await run(['compare', '--scenario', 'tower-22', '--runs', '12', '--seed', 'fmt', '--us-policy-b', 'hawk']);
    const table = rows(lines, [...METRIC_NAMES, ...SCORE_NAMES]);
    let unchanged = 0;
    for (const [name, [a, b, diff, ...interval]] of table) {
      expect([a, b], name).toEqual([expect.stringMatching(TWO_DECIMALS), expect.stringMatching(TWO_DECIMALS)]);
      expect(diff, name).toMatch(SIGNED_TWO_DECIMALS);
      // A row where no pair of games differed says so in words instead of a bare [+0.00, +0.00].
      if (interval.join(' ') === NO_PAIR_DIFFERED) {
        expect(diff, name).toBe('+0.00');
        unchanged++;
      } else expect(interval.join(' '), name).toMatch(/^\[[+-]\d+\.\d\d, [+-]\d+\.\d\d\]$/);
    }
    // 12 games of tower-22: no US strike inside Iran in either arm, hence one such row at least.
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
