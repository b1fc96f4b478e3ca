/**
 * The CSV outputs as an analyst reads them (pandas' read_csv or R's read.csv with their defaults): one
 * header line of unique snake_case names, RFC 4180 quoting, the same number of fields on every row, and
 * on every row the metadata that says which model, scenario, seed, bots and parameters made it. The
 * values agree with the JSON reports and with each other (the per-turn table adds up to the per-game one).
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { snakeCase } from '../../src/batch/csv.ts';
import { METRIC_NAMES, OUTCOME_NAMES, SCORE_NAMES, SERIES_NAMES } from '../../src/batch/record.ts';
import { brink } from '../helpers/cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'brink-csv-'));
const at = (name: string) => join(dir, name);

/** An RFC 4180 reader (quoted fields may hold commas, quotes and line breaks), as pandas and R read. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  expect(field === '' && row.length === 0, 'the file ends with a line break').toBe(true);
  return rows;
}

/** The table as records by column name, after checking its shape. */
function table(text: string): Record<string, string>[] {
  const [header, ...rows] = parseCsv(text);
  expect(
    header!.every((h) => /^[a-z][a-z0-9_]*$/.test(h)),
    header!.join(','),
  ).toBe(true);
  expect(new Set(header).size).toBe(header!.length);
  for (const r of rows) expect(r).toHaveLength(header!.length);
  return rows.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i]!])));
}

describe('column names', () => {
  it('are snake_case for every name the tables use, and distinct', () => {
    const names = [...METRIC_NAMES, ...SCORE_NAMES, ...SERIES_NAMES, ...OUTCOME_NAMES];
    expect(snakeCase('attacksOnUSIraq')).toBe('attacks_on_us_iraq');
    expect(snakeCase('verdict:regional-war')).toBe('verdict_regional_war');
    expect(snakeCase('scoreUS')).toBe('score_us');
    const snake = [...new Set(names)].map(snakeCase);
    expect(new Set(snake).size).toBe(snake.length);
  });

  it('snakeCase gives lowercase words joined by single underscores, and is idempotent', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'aBcXyZ09:-_ '.split('')), maxLength: 20 }), (s) => {
        const out = snakeCase(s);
        expect(out).toMatch(/^([a-z0-9]+(_[a-z0-9]+)*)?$/);
        expect(snakeCase(out)).toBe(out);
      }),
    );
  });
});

describe('brink batch --csv and --csv-turns', () => {
  // A seed with a comma and a quote: its fields must come back whole.
  const seed = 'a,"b';
  const games = at('games.csv');
  const turns = at('turns.csv');
  const run = () =>
    brink([
      'batch',
      '--scenario',
      'tower-22',
      '--runs',
      '12',
      '--seed',
      seed,
      '--workers',
      '2',
      '--param',
      'deterrenceEffect=0.4',
      '--csv',
      games,
      '--csv-turns',
      turns,
      '--json',
    ]);

  it("write one row per game and one per game and turn, with the batch's metadata on every row", () => {
    const r = run();
    expect(r.code, r.stderr).toBe(0);
    const json = JSON.parse(r.stdout);
    const g = table(readFileSync(games, 'utf8'));
    const t = table(readFileSync(turns, 'utf8'));
    expect(g).toHaveLength(12);
    for (const rows of [g, t]) {
      for (const row of rows) {
        expect(row).toMatchObject({
          model_version: json.model,
          scenario_id: 'tower-22',
          scenario_hash: json.scenario.hash,
          batch_seed: seed,
          us_policy: 'historical',
          iran_policy: 'historical',
          uncertainty: 'none',
          distribution: 'none',
          param_deterrence_effect: '0.4',
        });
        expect(row.game_seed).toBe(`${seed}:${row.game_index}`);
      }
    }
    expect(g.map((row) => Number(row.game_index))).toEqual(Array.from({ length: 12 }, (_, i) => i));
    // The long table: turns 0… of every game, in order, each with its date a week after the last.
    expect(t).toHaveLength(g.reduce((n, row) => n + Number(row.turns_played), 0));
    for (const game of g) {
      const own = t.filter((row) => row.game_index === game.game_index);
      expect(own.map((row) => Number(row.turn))).toEqual(Array.from({ length: Number(game.turns_played) }, (_, i) => i));
      // The per-turn series add up to the game's totals, and its highest rung is the game's peak.
      for (const m of ['attacks_on_us', 'us_killed', 'us_strikes', 'houthi_attacks']) {
        expect(
          own.reduce((n, row) => n + Number(row[m]), 0),
          m,
        ).toBe(Number(game[m]));
      }
      expect(Math.max(...own.map((row) => Number(row.rung)))).toBeLessThanOrEqual(Number(game.peak_rung));
    }
    const first = t.filter((row) => row.game_index === '0');
    const game0 = JSON.parse(brink(['run', '--scenario', 'tower-22', '--seed', `${seed}:0`, '--json']).stdout);
    expect(first.map((row) => row.date)).toEqual(game0.turns.map((turn: { date: string }) => turn.date));
    // Every value is a number except the named text columns: read.csv's defaults type them without help.
    const text = new Set([
      'model_version',
      'scenario_id',
      'scenario_hash',
      'batch_seed',
      'us_policy',
      'iran_policy',
      'uncertainty',
      'distribution',
      'game_seed',
      'verdict',
      'date',
    ]);
    for (const row of [...g, ...t])
      for (const [k, v] of Object.entries(row)) if (!text.has(k)) expect(Number.isFinite(Number(v)) && v !== '', `${k}=${v}`).toBe(true);
  });

  it("with --uncertainty, every drawn parameter has a column holding each game's draw", () => {
    const r = brink([
      'batch',
      '--scenario',
      'tower-22',
      '--runs',
      '3',
      '--seed',
      'u',
      '--workers',
      '1',
      '--uncertainty',
      'prior',
      '--csv',
      '-',
      '--out',
      at('u.jsonl'),
    ]);
    expect(r.code, r.stderr).toBe(0);
    const g = table(r.stdout);
    const records = readFileSync(at('u.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { index: number; params: Record<string, number> });
    expect(g.every((row) => row.uncertainty === 'prior' && /^prior:[0-9a-f]{16}$/.test(row.distribution!))).toBe(true);
    for (const rec of records) {
      const row = g.find((x) => Number(x.game_index) === rec.index)!;
      expect(Object.keys(rec.params).length).toBeGreaterThan(0);
      for (const [p, v] of Object.entries(rec.params)) expect(Number(row[`param_${snakeCase(p)}`]), p).toBe(v);
    }
    expect(r.stderr).toContain('Brink batch'); // the summary went to stderr, the table to stdout
  });

  it('--csv-turns - streams to stdout; two tables aimed at stdout are refused', () => {
    const r = brink(['batch', '--scenario', 'tower-22', '--runs', '2', '--workers', '1', '--csv-turns', '-']);
    expect(r.code, r.stderr).toBe(0);
    expect(table(r.stdout).length).toBeGreaterThanOrEqual(2);
    const both = brink(['batch', '--scenario', 'tower-22', '--runs', '2', '--workers', '1', '--csv', '-', '--csv-turns', '-']);
    expect(both.code).toBe(2);
    expect(both.stderr).toMatch(/--csv and --csv-turns both write to standard output/);
    expect(both.stdout).toBe('');
  });
});

describe('brink compare --csv and sweep --csv', () => {
  it('compare: one row per outcome and metric, equal to the JSON, with the arms on every row', () => {
    const csv = at('compare.csv');
    const r = brink([
      'compare',
      '--scenario',
      'tower-22',
      '--runs',
      '20',
      '--seed',
      'k',
      '--workers',
      '2',
      '--us-policy-b',
      'hawk',
      '--param-b',
      'deterrenceEffect=0.5',
      '--csv',
      csv,
      '--json',
    ]);
    expect(r.code, r.stderr).toBe(0);
    const json = JSON.parse(r.stdout);
    const rows = table(readFileSync(csv, 'utf8'));
    expect(rows.map((row) => row.measure)).toEqual([...OUTCOME_NAMES, ...METRIC_NAMES, ...SCORE_NAMES].map(snakeCase));
    for (const row of rows) {
      expect(row).toMatchObject({
        model_version: json.model,
        batch_seed: 'k',
        runs: '20',
        a_us_policy: 'historical',
        b_us_policy: 'hawk',
        b_params: 'deterrenceEffect=0.5',
        a_params: '',
      });
    }
    OUTCOME_NAMES.forEach((n, i) => {
      const o = json.outcomes[n];
      expect(rows[i]).toMatchObject({
        kind: 'outcome',
        a_mean: String(o.a.p),
        b_mean: String(o.b.p),
        diff_mean: String(o.diff.mean),
        diff_ci95_low: String(o.diff.ci95[0]),
        diff_ci95_method: 'newcombe',
      });
    });
    [...METRIC_NAMES, ...SCORE_NAMES].forEach((n, i) => {
      const m = json.metrics[n];
      expect(rows[OUTCOME_NAMES.length + i]).toMatchObject({
        kind: 'metric',
        a_mean: String(m.a.mean),
        b_mean: String(m.b.mean),
        diff_sd: String(m.diff.sd),
        diff_ci95_method: 't',
      });
    });
  });

  it("sweep: one row per metric and point, the baseline's with an empty param; - streams it, the report goes to stderr", () => {
    const r = brink([
      'sweep',
      '--scenario',
      'tower-22',
      '--runs',
      '6',
      '--seed',
      'w',
      '--workers',
      '1',
      '--param',
      'deterrenceEffect=0.2:0.6:2',
      '--metric',
      'attacksOnUS',
      '--csv',
      '-',
    ]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('Tornado');
    const rows = table(r.stdout);
    expect(rows.map((row) => [row.param, row.value, row.metric])).toEqual([
      ['', '', 'attacks_on_us'],
      ['deterrenceEffect', '0.2', 'attacks_on_us'],
      ['deterrenceEffect', '0.6', 'attacks_on_us'],
    ]);
    const json = JSON.parse(
      brink([
        'sweep',
        '--scenario',
        'tower-22',
        '--runs',
        '6',
        '--seed',
        'w',
        '--workers',
        '1',
        '--param',
        'deterrenceEffect=0.2:0.6:2',
        '--metric',
        'attacksOnUS',
        '--json',
      ]).stdout,
    );
    expect(rows[0]).toMatchObject({
      model_version: json.model,
      scenario_hash: json.scenario.hash,
      batch_seed: 'w',
      runs: '6',
      mean: String(json.baseline.attacksOnUS.mean),
    });
    expect(rows[2]!.mean).toBe(String(json.params[0].points[1].results.attacksOnUS.mean));
    const clash = brink(['sweep', '--scenario', 'tower-22', '--runs', '2', '--param', 'deterrenceEffect', '--csv', '-', '--json']);
    expect(clash.code).toBe(2);
    expect(clash.stderr).toMatch(/--json and --csv - both write to standard output/);
  });
});
