/**
 * CSV outputs, for spreadsheets, pandas and R (`pd.read_csv(f)`, `read.csv(f)` as they are): one header
 * line, RFC 4180 quoting, snake_case column names throughout (metric `attacksOnUS` is column
 * `attacks_on_us`, outcome `verdict:regional-war` is `verdict_regional_war`), a decimal point, empty
 * fields for "none", and on every row the metadata that says where it came from: the model version, the
 * scenario's ID and content hash, the batch seed, the bots, the parameter mode and the parameters
 * (`param_<name>`), so tables from several batches can be stacked and still be told apart.
 *
 *   batch --csv FILE         one row per game
 *   batch --csv-turns FILE   one row per game and turn: the long table of the per-turn series
 *   compare --csv FILE       one row per outcome or metric: arm A, arm B and the paired difference, its
 *                            interval and the interval's method (t for means, newcombe for shares)
 *   sweep --csv FILE         one row per metric and point (the baseline's point has an empty `param`)
 */
import { addDays } from '../scenario/calendar.ts';
import type { CompareJson, SweepJson } from './contract.ts';
import { METRIC_NAMES, OUTCOME_NAMES, SCORE_NAMES, SERIES_NAMES, type GameRecord } from './record.ts';
import { paramsText } from './params-arg.ts';

/** camelCase (and `verdict:regional-war`) to snake_case: attacksOnUSIraq → attacks_on_us_iraq. */
export function snakeCase(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_|_$/g, '');
}

/** RFC 4180 quoting: seeds are free text, so they may hold commas, quotes or line breaks. */
export function csvField(value: string | number | undefined): string {
  if (value === undefined) return '';
  const s = String(value);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
export const csvLine = (fields: readonly (string | number | undefined)[]): string => fields.map(csvField).join(',');

/** What every row of a batch's tables starts with: where its game came from. */
export interface CsvContext {
  readonly model: string;
  readonly batchSeed: string;
  /** none, prior or posterior (--uncertainty): with prior or posterior each game drew its parameters. */
  readonly uncertainty: string;
  /** Which distribution they were drawn from: 'none', or the mode and a hash of the priors (and posterior). */
  readonly distribution: string;
  /** The parameters that get a column: the overrides, and with --uncertainty every drawn one. */
  readonly params: readonly string[];
  /** The scenario's first day, for the date of each turn (turn t starts t weeks later). */
  readonly start: string;
}

const META = ['model_version', 'scenario_id', 'scenario_hash', 'batch_seed', 'us_policy', 'iran_policy', 'uncertainty', 'distribution'];
const metaHeader = (c: CsvContext) => [...META, ...c.params.map((p) => `param_${snakeCase(p)}`)];
const metaFields = (c: CsvContext, r: GameRecord) => [
  c.model,
  r.scenario.id,
  r.scenario.hash,
  c.batchSeed,
  r.policies.us,
  r.policies.iran,
  c.uncertainty,
  c.distribution,
  ...c.params.map((p) => r.params[p]),
];

/** `--csv`: the per-game table. */
export function gamesCsvHeader(c: CsvContext): string {
  return csvLine([...metaHeader(c), 'game_index', 'game_seed', 'verdict', 'score_us', 'score_iran', ...METRIC_NAMES.map(snakeCase)]);
}
export function gamesCsvRows(c: CsvContext, r: GameRecord): string[] {
  return [csvLine([...metaFields(c, r), r.index, r.seed, r.verdict, r.scores.us, r.scores.iran, ...METRIC_NAMES.map((m) => r.metrics[m])])];
}

/** `--csv-turns`: the long per-turn table, one row per game and turn (turn numbered as in brink run --json). */
export function turnsCsvHeader(c: CsvContext): string {
  return csvLine([...metaHeader(c), 'game_index', 'game_seed', 'turn', 'date', ...SERIES_NAMES.map(snakeCase)]);
}
export function turnsCsvRows(c: CsvContext, r: GameRecord): string[] {
  const meta = [...metaFields(c, r), r.index, r.seed];
  return r.series[SERIES_NAMES[0]].map((_, t) =>
    csvLine([...meta, t, addDays(c.start, 7 * t), ...SERIES_NAMES.map((s) => r.series[s][t])]),
  );
}

/** `compare --csv`: one row per outcome and metric, arm A, arm B and the paired difference B − A. */
export function compareCsv(j: Omit<CompareJson, 'schema'>): string {
  const arm = (prefix: string, a: CompareJson['a']): [string, string][] => [
    [`${prefix}_scenario_id`, a.scenario.id],
    [`${prefix}_scenario_hash`, a.scenario.hash],
    [`${prefix}_us_policy`, a.policies.us],
    [`${prefix}_iran_policy`, a.policies.iran],
    [`${prefix}_params`, paramsText(a.params, ';', true)],
  ];
  const meta: [string, string | number][] = [
    ['model_version', j.model],
    ['batch_seed', j.seed],
    ['runs', j.runs],
    ['uncertainty', j.uncertainty.mode],
    ['distribution', j.uncertainty.distribution],
    ...arm('a', j.a),
    ...arm('b', j.b),
  ];
  const values = meta.map(([, v]) => v);
  const rows = [
    csvLine([
      ...meta.map(([k]) => k),
      'measure',
      'kind',
      'a_mean',
      'b_mean',
      'diff_mean',
      'diff_ci95_low',
      'diff_ci95_high',
      'diff_sd',
      'diff_ci95_method',
    ]),
  ];
  for (const n of OUTCOME_NAMES) {
    const o = j.outcomes[n];
    rows.push(
      csvLine([...values, snakeCase(n), 'outcome', o.a.p, o.b.p, o.diff.mean, o.diff.ci95[0], o.diff.ci95[1], o.diff.sd, o.diff.interval]),
    );
  }
  for (const n of [...METRIC_NAMES, ...SCORE_NAMES]) {
    const m = j.metrics[n];
    rows.push(
      csvLine([
        ...values,
        snakeCase(n),
        'metric',
        m.a.mean,
        m.b.mean,
        m.diff.mean,
        m.diff.ci95[0],
        m.diff.ci95[1],
        m.diff.sd,
        m.diff.interval,
      ]),
    );
  }
  return `${rows.join('\n')}\n`;
}

/** `sweep --csv`: one row per metric and point; the baseline's rows have empty `param` and `value`. */
export function sweepCsv(j: Omit<SweepJson, 'schema'>): string {
  const meta = [j.model, j.scenario.id, j.scenario.hash, j.seed, j.runs, j.policies.us, j.policies.iran];
  const rows = [
    csvLine([
      'model_version',
      'scenario_id',
      'scenario_hash',
      'batch_seed',
      'runs',
      'us_policy',
      'iran_policy',
      'param',
      'value',
      'metric',
      'mean',
      'ci95_low',
      'ci95_high',
    ]),
  ];
  for (const m of j.metrics) {
    const b = j.baseline[m]!;
    rows.push(csvLine([...meta, undefined, undefined, snakeCase(m), b.mean, b.ci95[0], b.ci95[1]]));
    for (const p of j.params) {
      for (const pt of p.points) {
        const r = pt.results[m]!;
        rows.push(csvLine([...meta, p.name, pt.value, snakeCase(m), r.mean, r.ci95[0], r.ci95[1]]));
      }
    }
  }
  return `${rows.join('\n')}\n`;
}
