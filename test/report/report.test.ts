/**
 * The classroom report renders the Monte Carlo layer's own JSON (brink.batch/1, brink.compare/1): files
 * written by the real `brink batch --json` and `brink compare --json`, and, without --from, the same
 * batch run in-process through startBatch.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BatchSchema, CompareSchema, type BatchJson, type CompareJson } from '../../src/batch/contract.ts';
import { METRIC_NAMES, OUTCOME_NAMES, SCORE_NAMES } from '../../src/batch/record.ts';
import { METRIC_LABELS, OUTCOME_LABELS, SHOWN_OUTCOMES, armLabel, esc, peakSentence, renderReport } from '../../src/report/html.ts';
import { holdPercents } from '../../src/report/page.ts';
import { pairedMeanTexts } from '../../src/batch/charts.ts';
import { countTicks } from '../../src/report/charts.ts';
import { main } from '../../src/cli/main.ts';
import { factById } from '../../src/model/evidence.ts';
import { isParamId, PARAM_SPECS } from '../../src/model/params.ts';
import { isDrawn, priorQuantile, PRIORS } from '../../src/model/priors.ts';
import { formatParamValue } from '../../src/analysis/calibration/shifts.ts';
import { chooseStories } from '../../src/report/stories.ts';
import { KEY_ASSUMPTIONS, WHAT_IT_IS, WHAT_IT_IS_NOT, limitationsHelp } from '../../src/report/limitations.ts';
import { brink, capture } from '../helpers/cli.ts';
import { scenario } from '../helpers/fixtures.ts';

const dir = mkdtempSync(join(tmpdir(), 'brink-report-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const sc = scenario('tower-22');
const RUNS = '40';
const SEED = 'report';
const batchFile = join(dir, 'batch.json');
const compareFile = join(dir, 'compare.json');
let batch: BatchJson;
let compare: CompareJson;

/** The real commands, as a teacher would run them, their stdout saved as files. */
beforeAll(() => {
  const b = brink(['batch', '--scenario', 'tower-22', '--runs', RUNS, '--seed', SEED, '--workers', '2', '--json']);
  expect(b.code, b.stderr).toBe(0);
  writeFileSync(batchFile, b.stdout);
  batch = BatchSchema.parse(JSON.parse(b.stdout));
  const c = brink([
    'compare',
    '--scenario',
    'tower-22',
    '--runs',
    RUNS,
    '--seed',
    SEED,
    '--us-policy-b',
    'hawk',
    '--workers',
    '2',
    '--json',
  ]);
  expect(c.code, c.stderr).toBe(0);
  writeFileSync(compareFile, c.stdout);
  compare = CompareSchema.parse(JSON.parse(c.stdout));
});

/** The cells of the table row whose first cell contains `label` (tags stripped, entities decoded). */
function row(html: string, label: string): string[] {
  const rows = [...html.matchAll(/<tr>(.*?)<\/tr>/g)].map((m) => [...m[1]!.matchAll(/<td>(.*?)<\/td>/g)].map((c) => c[1]!));
  const found = rows.filter((cells) => cells[0]?.includes(label));
  expect(found, label).toHaveLength(1);
  return found[0]!.map((c) =>
    c
      .replace(/<[^>]+>/g, '')
      .replace(/&nbsp;/g, ' ') // the text as read: render.test.ts checks that what is held together stays so
      .replace(/&amp;/g, '&')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>'),
  );
}

describe('the HTML report', () => {
  let html: string;
  beforeAll(() => {
    html = renderReport({ batch, scenario: sc, compare, stories: chooseStories(batch, sc) });
  });

  it('is self-contained: no scripts, no external resources', () => {
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/(src|href)=["']?https?:/i);
    expect(html).not.toMatch(/<link\b/i);
    expect(html).toContain('<style>');
    expect(html).toContain('id="story-median"'); // the single games are part of the page checked here
  });

  it('labels every outcome and metric of the contract, and names the driving assumptions with their evidence', () => {
    for (const k of OUTCOME_NAMES) expect(html).toContain(esc(OUTCOME_LABELS[k]));
    // regionalWar and the regional-war verdict are the same games: shown once, in the chart and in its table.
    expect(SHOWN_OUTCOMES).not.toContain('regionalWar');
    expect(SHOWN_OUTCOMES).toContain('verdict:regional-war');
    expect(html.match(/<span class="blabel">Regional war<\/span>/g)).toHaveLength(2); // outcomes, and the comparison's differences
    expect([...html.matchAll(/<tr><td>Regional war<\/td>/g)]).toHaveLength(1);
    for (const k of [...METRIC_NAMES, ...SCORE_NAMES]) expect(html).toContain(`${esc(METRIC_LABELS[k])} <code>${k}</code>`);
    expect(html).toContain('militiaAttackRate');
    expect(html).toContain('F-01 Attacks on US forces before 2 Feb');
  });

  it('says what Brink is and is not, and which assumptions matter most, each with IDs brink explain knows', async () => {
    expect(html).toContain(esc(WHAT_IT_IS));
    expect(html).toContain(esc(WHAT_IT_IS_NOT));
    for (const a of KEY_ASSUMPTIONS) {
      expect(html).toContain(esc(a.title));
      for (const id of a.ids) expect(isParamId(id) || factById(id) !== undefined, id).toBe(true);
    }
    const c = capture();
    expect(await main(['--help'], c.io)).toBe(0);
    const help = c.out.join('\n');
    expect(help).toMatch(/What Brink is and is not:/);
    expect(help).toMatch(/Not a forecast/);
    expect(help).toMatch(/docs\/limitations\.md/);
    for (const line of limitationsHelp().split('\n')) expect(line.length).toBeLessThanOrEqual(100);
  });

  it('captions each chart in a sentence that names its axis', () => {
    expect(html).toContain(
      holdPercents(
        'Vertical axis: attacks per turn. For each turn, the band holds the middle 90 % of games; the solid line is the median, the dashed line the mean.',
      ),
    );
    expect(html).not.toMatch(/In [a-z ]+, turn by turn:/);
  });

  it('escapes text taken from files', () => {
    const evil = renderReport({ batch: { ...batch, policies: { us: '<img onerror=x>', iran: 'a&b' } } });
    expect(evil).not.toContain('<img onerror');
    expect(evil).toContain('&lt;img onerror=x&gt;');
  });

  it('says where the ladder peaked with its spread, not "in half the games at or below" the median alone', () => {
    const peak = batch.metrics.peakRung;
    expect(html).toContain(holdPercents(esc(peakSentence(peak))));
    expect(html).not.toContain('In half the games the ladder peaked');
    // Every game at rung 7: said as such, not as "half at or below 7".
    expect(peakSentence({ p5: 7, p50: 7, p95: 7 })).toBe('In at least 90 % of the games the ladder peaked at rung 7 (Large campaign).');
    expect(peakSentence({ p5: 5, p50: 7, p95: 10 })).toBe(
      'The ladder peaked at rung 7 (Large campaign) in the median game, and between rung 5 (Calibrated strikes) and rung 10 (Regional war) in the middle 90 % of games.',
    );
  });

  it('draws days of Hezbollah fire on an axis that ends at the days in a turn, not past them', () => {
    const start = html.indexOf('<figure id="fan-hezbollahFireDays"');
    const fig = html.slice(start, html.indexOf('</figure>', start));
    // The y axis's ticks (the x axis's, the turns, are centred under their turn).
    const yTicks = [...fig.matchAll(/text-anchor="end" class="tick">(\d+)</g)].map((m) => Number(m[1]));
    // The games reach fire on every day of a turn: rounded up for a "nice" axis, the top would be an impossible 8.
    expect(Math.max(...batch.series.hezbollahFireDays.perTurn.map((p) => p.p95))).toBe(batch.daysPerTurn);
    expect(countTicks(batch.daysPerTurn).at(-1)).toBeGreaterThan(batch.daysPerTurn);
    expect(yTicks.length).toBeGreaterThan(2);
    expect(yTicks.at(-1)).toBe(batch.daysPerTurn);
    expect(countTicks(7, 7)).toEqual([0, 2, 4, 6, 7]);
    // An unbounded count keeps its rounded axis, and a bounded one far from its bound too.
    expect(countTicks(7)).toEqual([0, 2, 4, 6, 8]);
    expect(countTicks(5, 7)).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('says, as brink compare does, that both arms drew the same parameters when they drew them', () => {
    const paired = 'Both arms of game i draw the same parameters, so the differences stay paired.';
    expect(html).not.toContain(paired);
    const drawn = {
      ...compare,
      uncertainty: { mode: 'prior' as const, distribution: 'prior:0123456789abcdef', bands: 'dice+parameters' as const },
    };
    const page = renderReport({ batch, scenario: sc, compare: drawn });
    expect(page).toContain(
      `Bands: dice plus what we do not know about the parameters. Each game draws its parameters from their priors (prior:0123456789abcdef); score weights are not drawn. ${paired}`,
    );
  });

  it('names how the comparison intervals were computed, says when the games are few, and reads a file that predates the names', () => {
    const page = renderReport({ batch, scenario: sc, compare });
    // A figure is held to its per cent sign (holdPercents), as everywhere on the page.
    expect(page).toContain(holdPercents(esc("95 % intervals: Student t for means, Newcombe's paired interval for shares of games.")));
    expect(page).not.toContain('the games are few');
    const few = renderReport({ batch, scenario: sc, compare: { ...compare, runs: 12 } });
    expect(few).toContain('Only 12 paired games: the intervals are wide because the games are few (fewer than 30).');
    // A brink.compare/1 file written before `interval` existed still renders, and the page does not claim a method for it.
    const strip = <T extends { diff: { mean: number; ci95: [number, number]; sd: number } }>(rows: Record<string, T>) =>
      Object.fromEntries(
        Object.entries(rows).map(([k, v]) => [k, { ...v, diff: { mean: v.diff.mean, ci95: v.diff.ci95, sd: v.diff.sd } }]),
      );
    const old = CompareSchema.parse({ ...compare, outcomes: strip(compare.outcomes), metrics: strip(compare.metrics) });
    const legacy = renderReport({ batch, scenario: sc, compare: old });
    expect(legacy).toContain(holdPercents('95 % intervals as the file gives them: it was written before Brink named the method'));
    expect(legacy).not.toContain('Student t');
  });

  it('says when the comparison was stopped before all its pairs finished, as it says of a batch', () => {
    expect(compare.complete).toBe(true);
    expect(renderReport({ batch, scenario: sc, compare })).not.toContain('Incomplete comparison');
    const stopped = renderReport({ batch, scenario: sc, compare: { ...compare, runs: 17, requested: 3000, complete: false } });
    expect(stopped).toContain("Incomplete comparison: 17 of the 3000 pairs asked for finished; the figures below are those pairs'.");
  });

  it('names compare arms by what sets them apart', () => {
    expect(armLabel(compare.b, compare.a)).toBe('US hawk');
    const p = { ...compare.a, params: { fatalityPerAttack: 0.02 } };
    expect(armLabel(p, compare.a)).toBe('fatalityPerAttack=0.02');
    expect(armLabel(compare.a, p)).toBe('fatalityPerAttack default');
    expect(armLabel(compare.a, compare.a)).toBe('tower-22 · US historical · Iran historical');
  });
});

describe('brink report', () => {
  it('renders a real brink batch --json file with a real brink compare --json file: every paired difference, signed', async () => {
    const out = join(dir, 'from.html');
    const c = capture();
    expect(await main(['report', '--from', batchFile, '--compare', compareFile, '--out', out], c.io), c.err.join('\n')).toBe(0);
    const text = readFileSync(out, 'utf8');
    expect(text).toContain('Tower 22');
    expect(text).toContain('Compare: US hawk minus US historical');
    for (const k of [...METRIC_NAMES, ...SCORE_NAMES]) {
      const m = compare.metrics[k];
      const cells = row(text.slice(text.indexOf('Compare:')), `<code>${k}</code>`);
      // Where every pair of games had the same value the cell says so in words, not a bare ±0 interval.
      const same = m.diff.mean === 0 && m.diff.sd === 0;
      // The row as brink compare prints it: one formatter for both.
      const t = pairedMeanTexts(m);
      expect(cells.slice(1), k).toEqual([t.a, t.b, t.diff, same ? 'no pair of games differed' : `${t.interval[0]} to ${t.interval[1]}`]);
      // A row keeps its decimals in every cell, a whole mean too ("3.00", never "3"), and A and B subtract to B − A as shown.
      const d = cells[1]!.split('.')[1]!.length;
      expect(d, k).toBeGreaterThanOrEqual(2);
      for (const cell of cells.slice(1, 4)) expect(cell, k).toMatch(new RegExp(`^[+-]?\\d+\\.\\d{${d}}$`));
      expect(Math.abs(Number(cells[2]) - Number(cells[1]) - Number(cells[3])), k).toBeLessThan(0.5 * 10 ** -d);
    }
    for (const k of SHOWN_OUTCOMES) {
      const d = compare.outcomes[k].diff.mean;
      const cells = row(text.slice(text.indexOf('Compare:')), `<code>${k}</code>`);
      expect(cells[3], k).toBe(`${d > 0 ? '+' : ''}${(d * 100).toFixed(1)} pp`);
    }
    // The arms really differ (hawk and historical bots): some differences are clear of zero, and each is shown with its sign.
    const clear = [...METRIC_NAMES, ...SCORE_NAMES].filter(
      (k) => compare.metrics[k].diff.ci95[0] > 0 || compare.metrics[k].diff.ci95[1] < 0,
    );
    expect(clear.length).toBeGreaterThan(0);
    for (const k of clear) {
      const d = compare.metrics[k].diff.mean;
      const cell = row(text.slice(text.indexOf('Compare:')), `<code>${k}</code>`)[3]!;
      expect(cell.startsWith(d > 0 ? '+' : '-'), `${k} ${cell}`).toBe(true);
      // The cell is d rounded to its printed decimals: within half a unit of the last one (a mean such as
      // −13.4475 prints as −13.447, exactly half a unit off).
      const decimals = cell.split('.')[1]?.replace(/\D.*$/, '').length ?? 0;
      expect(Math.abs(Number(cell) - d), `${k} ${cell} vs ${d}`).toBeLessThanOrEqual(0.5 * 10 ** -decimals + 1e-9);
    }
  });

  it('without --from shows exactly the numbers of brink batch --json for the same scenario, runs and seed', async () => {
    const out = join(dir, 'played.html');
    const c = capture();
    expect(
      await main(['report', '--scenario', 'tower-22', '--runs', RUNS, '--seed', SEED, '--workers', '1', '--out', out], c.io),
      c.err.join('\n'),
    ).toBe(0);
    const text = readFileSync(out, 'utf8');
    expect(text).toContain(`${RUNS} games · seed ${SEED}`);
    // As `brink batch` prints a share (one decimal), so a class reads the same number on the page and in the terminal.
    const pct = (p: number) => `${(p * 100).toFixed(1)} %`;
    const terminal = brink(['batch', '--scenario', 'tower-22', '--runs', RUNS, '--seed', SEED, '--workers', '1']).stdout;
    for (const k of SHOWN_OUTCOMES) {
      // The same row label too: the page's words, not the contract's name.
      expect(terminal, k).toMatch(new RegExp(`^  ${OUTCOME_LABELS[k]} +${pct(batch.outcomes[k].p).replace('.', '\\.')} +\\[`, 'm'));
      const o = batch.outcomes[k];
      expect(row(text, esc(OUTCOME_LABELS[k])), k).toEqual([
        OUTCOME_LABELS[k],
        pct(o.p),
        `${pct(o.ci95[0])} – ${pct(o.ci95[1])}`,
        String(o.count),
      ]);
    }
    const fromFile = join(dir, 'from-same.html');
    expect(await main(['report', '--from', batchFile, '--out', fromFile], capture().io)).toBe(0);
    expect(text).toBe(readFileSync(fromFile, 'utf8')); // the whole page: every metric and every fan chart too
    // The page says what its bands are: dice only here.
    // In words: a class reads no command line flags (the terminal's summary names them).
    expect(text).toContain(
      'Bands: dice only. Every parameter is held at its point value (or the value these games set for it); what we do not know about the parameters is not included.',
    );
    expect(text).not.toMatch(/--uncertainty|\(set by --param\)|change it \(<code>--param/);
  });

  it('--uncertainty prior plays games that draw their parameters, and the page says its bands include them', async () => {
    const out = join(dir, 'prior.html');
    const c = capture();
    const args = [
      'report',
      '--scenario',
      'tower-22',
      '--runs',
      '8',
      '--seed',
      SEED,
      '--workers',
      '1',
      '--uncertainty',
      'prior',
      '--out',
      out,
    ];
    expect(await main(args, c.io), c.err.join('\n')).toBe(0);
    const text = readFileSync(out, 'utf8');
    expect(text).toMatch(
      /Bands: dice plus what we do not know about the parameters\. Each game draws its parameters from their priors \(prior:[0-9a-f]{16}\)/,
    );
    expect(text).not.toContain('Bands: dice only');
    expect(text).not.toContain('--uncertainty');
    // The list of assumptions says what the games drew, not the point value they did not play.
    const prior = PRIORS.militiaAttackRate;
    if (!isDrawn(prior)) throw new Error('militiaAttackRate has a prior to draw from');
    const range = `${formatParamValue(priorQuantile(prior, 0.05))}–${formatParamValue(priorQuantile(prior, 0.95))}`;
    expect(text).toContain(
      holdPercents(
        esc(
          `These games did not play ${PARAM_SPECS.militiaAttackRate.value}: drawn from the prior for each game: median ${formatParamValue(priorQuantile(prior, 0.5))}, 90 % ${range}.`,
        ),
      ),
    );
    const plain = join(dir, 'from-plain.html');
    expect(await main(['report', '--from', batchFile, '--out', plain], capture().io)).toBe(0);
    expect(readFileSync(plain, 'utf8')).toContain(`militiaAttackRate = ${PARAM_SPECS.militiaAttackRate.value}`);
    expect(readFileSync(plain, 'utf8')).not.toContain('These games did not play');
    const clash = capture();
    expect(await main(['report', '--from', batchFile, '--uncertainty', 'prior', '--out', join(dir, 'y.html')], clash.io)).toBe(2);
    expect(clash.err.join('\n')).toMatch(/--uncertainty describes games to play; --from/);
  });

  it('--compare of another kind of bands is refused; one of another seed or size is shown with a note that it is its own run', async () => {
    const prior = join(dir, 'compare-prior.json');
    writeFileSync(
      prior,
      JSON.stringify({ ...compare, uncertainty: { mode: 'prior', distribution: 'prior:0123456789abcdef', bands: 'dice+parameters' } }),
    );
    const out = join(dir, 'mixed.html');
    const c = capture();
    expect(await main(['report', '--from', batchFile, '--compare', prior, '--out', out], c.io)).toBe(2);
    const err = c.err.join('\n');
    expect(err).toContain(
      `--compare: '${prior}' was played under --uncertainty prior (prior:0123456789abcdef), but this report's games at the point values (--uncertainty none)`,
    );
    expect(err).not.toMatch(/\n\s+at /);
    expect(existsSync(out)).toBe(false);
    // The same kind of bands, another seed: shown, and said to be a run of its own.
    const other = join(dir, 'compare-other-seed.json');
    writeFileSync(other, JSON.stringify({ ...compare, seed: 'elsewhere' }));
    expect(await main(['report', '--from', batchFile, '--compare', other, '--out', out], capture().io)).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain(
      `This comparison is a run of its own (${RUNS} pairs, seed elsewhere; the games above: ${RUNS}, seed ${SEED})`,
    );
    expect(await main(['report', '--from', batchFile, '--compare', compareFile, '--out', out], capture().io)).toBe(0);
    expect(readFileSync(out, 'utf8')).not.toContain('a run of its own');
  });

  it('exits 2 with a clear message on a missing --out, an unreadable or wrong-format file, or play flags with --from', async () => {
    const runFile = join(dir, 'run.json');
    writeFileSync(runFile, JSON.stringify({ schema: 'brink.run/1' }));
    const oldCompare = join(dir, 'old-compare.json');
    writeFileSync(
      oldCompare,
      JSON.stringify({ schema: 'brink.compare/1', a: { label: 'x' }, b: { label: 'y' }, deltas: { attacksOnUS: { mean: 1 } } }),
    );
    // A comparison of another scenario (both arms red-sea), beside a batch of tower-22.
    const redSea = scenario('red-sea');
    const otherCompare = join(dir, 'red-sea-compare.json');
    const redSeaArm = (a: CompareJson['a']) => ({ ...a, scenario: { id: redSea.id, hash: redSea.hash } });
    writeFileSync(otherCompare, JSON.stringify({ ...compare, a: redSeaArm(compare.a), b: redSeaArm(compare.b) }));
    const x = join(dir, 'x.html');
    const cases: [string[], RegExp][] = [
      [['report'], /--out/],
      [
        ['report', '--from', batchFile, '--compare', otherCompare, '--out', x],
        /--compare: .*red-sea-compare\.json' compares games of scenario 'red-sea', but this report is of tower-22 \([0-9a-f]+\); run brink compare --scenario tower-22 --json/,
      ],
      [['report', '--from', join(dir, 'nope.json'), '--out', x], /--from: cannot read .*ENOENT/],
      [['report', '--from', runFile, '--out', x], /--from: .* is not a brink\.batch\/1 .*file/],
      [['report', '--from', compareFile, '--out', x], /--from: .* is not a brink\.batch\/1/],
      [['report', '--from', batchFile, '--compare', batchFile, '--out', x], /--compare: .* is not a brink\.compare\/1/],
      [['report', '--from', batchFile, '--compare', oldCompare, '--out', x], /--compare: .* is not a brink\.compare\/1/],
      [['report', '--from', batchFile, '--runs', '5', '--out', x], /--runs describes games to play; --from/],
      [['report', '--from', batchFile, '--scenario', 'red-sea', '--out', x], /--scenario: .* is not the scenario the --from batch played/],
    ];
    for (const [args, message] of cases) {
      const c = capture();
      expect(await main(args, c.io), args.join(' ')).toBe(2);
      expect(c.err.join('\n'), args.join(' ')).toMatch(message);
      expect(c.err.join('\n')).not.toMatch(/\n\s+at /); // no stack trace
    }
    expect(existsSync(x)).toBe(false);
  });

  it('a broken --from, --compare or --sensitivity file is named with the line, column and field at fault', async () => {
    const text = readFileSync(batchFile, 'utf8');
    const lines = text.split('\n');
    const runsLine = lines.findIndex((l) => l.startsWith('  "runs": ')) + 1;
    expect(runsLine).toBeGreaterThan(1);
    const wrongField = join(dir, 'wrong-field.json');
    writeFileSync(wrongField, text.replace(/"runs": \d+/, '"runs": "many"'));
    const truncated = join(dir, 'truncated.json');
    writeFileSync(truncated, `${lines.slice(0, 12).join('\n')}\n`);
    const x = join(dir, 'y.html');
    // Each message names the file once, in its file:line:col (the message changed: it named it twice).
    const cases: [string[], string, string][] = [
      [
        ['report', '--from', wrongField, '--out', x],
        `--from: ${wrongField}:${runsLine}:11 runs: `,
        '; it is not a brink.batch/1 (brink batch --json) file',
      ],
      [['report', '--from', truncated, '--out', x], `--from: ${truncated}:13:1: not JSON: `, ''],
      [
        ['report', '--from', batchFile, '--compare', wrongField, '--out', x],
        `--compare: ${wrongField}:`,
        '; it is not a brink.compare/1 (brink compare --json) file',
      ],
    ];
    for (const [args, message, end] of cases) {
      const c = capture();
      expect(await main(args, c.io), args.join(' ')).toBe(2);
      const err = c.err.join('\n');
      expect(err, args.join(' ')).toContain(message);
      expect(err.trimEnd().endsWith(end), err).toBe(true);
      const file = args[args.indexOf(message.startsWith('--compare') ? '--compare' : '--from') + 1]!;
      expect(err.split(file).length - 1, err).toBe(1);
    }
  });
});
