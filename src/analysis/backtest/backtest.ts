/**
 * The backtest: play each historical scenario many times with the historical bots, conditioned on the
 * record's shocks (the first fatal attack on 28 Jan; the November truce is a scenario inject), and set
 * each record figure of seeds/record.yaml against the simulated distribution: its 5–95 % band, the
 * record's quantile, and the pass rule of ../record/judge.ts.
 *
 * With a parameter distribution (`--uncertainty prior|posterior`), each game draws its own parameter
 * set (stream `brink:<seed>/<scenario>:<i>:params`), and the same table is a prior or posterior
 * predictive check. Games are seeded `${seed}/${scenario}/${i}`, so the same seed gives the same table.
 */
import { getPolicy, type Policy } from '../../policies/index.ts';
import { playGame } from '../../policies/play.ts';
import { PARAM_SPECS, resolveParams } from '../../model/params.ts';
import { loadScenario } from '../../scenario/loader.ts';
import type { GameState } from '../../engine/state.ts';
import {
  drawParams,
  NO_UNCERTAINTY,
  parametersLabel,
  playedUnderNote,
  uncertaintyJson,
  type ParamDistribution,
  type UncertaintyMode,
} from '../uncertainty/distribution.ts';
import { fewestDecimals } from '../render.ts';
import { judgeFigure, overallFailures, type FigureStatus } from '../record/judge.ts';
import { figureValue, figuresOf, recordShocks, recordText } from '../record/statistics.ts';
import type { FigureKind, RecordFigure } from '../record/table.ts';
import { loadPosterior, PosteriorFileError, SHIPPED_POSTERIOR } from '../calibration/posterior-file.ts';
import { formatParamRange, formatParamValue, pointOutsideText, pointValuesOutside, type PointOutside } from '../calibration/shifts.ts';

export { quantile } from '../record/judge.ts';

export const BACKTEST_FORMAT = 'brink.backtest/2';

/** brink backtest's games per scenario and seed when no flag sets them. */
export const BACKTEST_RUNS = 1000;
export const BACKTEST_SEED = '1';

/**
 * Which parameters each command plays a record check under when --uncertainty is not given: the backtest
 * the model as shipped (point values), `brink explain <fact>` the posterior predictive check
 * (docs/uncertainty.md). Each output names the other, so the two tables for one figure are not read as two answers.
 */
export const BACKTEST_DEFAULT: { readonly command: string; readonly mode: UncertaintyMode } = { command: 'brink backtest', mode: 'none' };
export const EXPLAIN_DEFAULT: { readonly command: string; readonly mode: UncertaintyMode } = {
  command: 'brink explain',
  mode: 'posterior',
};

export type BacktestScenario = 'october-2023' | 'tower-22' | 'red-sea';
export const BACKTEST_SCENARIOS: readonly BacktestScenario[] = ['october-2023', 'tower-22', 'red-sea'];

export interface BacktestOptions {
  readonly runs: number;
  readonly seed: string;
  readonly params?: Readonly<Record<string, number>>;
  /** Where each game's parameters come from (default: the point values, plus `params`). */
  readonly uncertainty?: ParamDistribution;
  /** Restrict to some scenarios (tests); all three by default. */
  readonly scenarios?: readonly BacktestScenario[];
  /** Restrict to some figures by ID (`brink explain`, tests). */
  readonly figures?: readonly string[];
  /** The bots (tests mis-set the policy behind a check about choices); historical by default. */
  readonly policies?: { readonly us?: Policy; readonly iran?: Policy };
  /** Condition on the record's shocks (default true; false plays the scenarios as a player would). */
  readonly conditioned?: boolean;
  /** Called after each game (progress display only). */
  readonly onGame?: (scenario: string, done: number, total: number) => void;
}

export interface BacktestRow {
  readonly id: string;
  readonly facts: readonly string[];
  readonly scenario: string;
  readonly label: string;
  readonly unit: string;
  /** Whether the figure is a total over its window (a count) or a weekly rate. */
  readonly per: 'total' | 'week';
  readonly kind: FigureKind;
  /** The record's reading: [v, v], or a range's ends. */
  readonly record: readonly [number, number];
  readonly recordText: string;
  readonly turns: readonly [number, number];
  readonly median: number;
  readonly band: readonly [number, number];
  /** The record's quantile in the simulated distribution (mid-rank); two numbers for a range's ends. */
  readonly quantile: readonly [number, number];
  /** P(simulated ≥ the record's lower end): what a floor is judged on. */
  readonly pAtLeast: number;
  /** Share of games that reproduce the record exactly: what a `usual` figure is judged on. */
  readonly pExact: number;
  readonly games: number;
  readonly status: FigureStatus;
  readonly pass: boolean;
  readonly failures: readonly string[];
  readonly meaning: string;
}

export interface BacktestResult {
  readonly schema: typeof BACKTEST_FORMAT;
  readonly runs: number;
  readonly seed: string;
  readonly params: Readonly<Record<string, number>>;
  readonly uncertainty: ReturnType<typeof uncertaintyJson>;
  readonly conditioned: boolean;
  readonly pass: boolean;
  /** Why the whole backtest fails (empty when it passes). */
  readonly failures: readonly string[];
  readonly rows: readonly BacktestRow[];
}

/** One figure's row from its per-game values. */
export function rowOf(f: RecordFigure, values: readonly number[]): BacktestRow {
  const j = judgeFigure(f.kind, f.record, values, f.share);
  return {
    id: f.id,
    facts: f.facts,
    scenario: f.scenario,
    label: f.label,
    unit: f.unit,
    per: f.per,
    kind: f.kind,
    record: f.record,
    recordText: recordText(f),
    turns: f.turns,
    median: j.median,
    band: j.band,
    quantile: j.quantile,
    pAtLeast: j.above,
    pExact: j.exact,
    games: values.length,
    status: j.status,
    pass: j.status === 'inside',
    failures: j.failures,
    meaning: f.reason,
  };
}

export function runBacktest(options: BacktestOptions): BacktestResult {
  const pins = options.params ?? {};
  resolveParams(pins); // fail early, with the parameter's range, on a bad override
  const dist = options.uncertainty ?? NO_UNCERTAINTY;
  const conditioned = options.conditioned ?? true;
  const scenarios = options.scenarios ?? BACKTEST_SCENARIOS;
  const us = options.policies?.us ?? getPolicy('historical', 'us');
  const iran = options.policies?.iran ?? getPolicy('historical', 'iran');
  const rows: BacktestRow[] = [];
  for (const id of scenarios) {
    const figures = figuresOf(id).filter((f) => !options.figures || options.figures.includes(f.id));
    if (figures.length === 0) continue;
    const scenario = loadScenario(id);
    const shocks = conditioned ? recordShocks(id) : undefined;
    const games: GameState[] = [];
    for (let i = 0; i < options.runs; i++) {
      const params = drawParams(dist, `${options.seed}/${id}`, i, pins);
      // No overrides, no `params`: the game shares the scenario's resolved parameters.
      games.push(
        playGame(scenario, {
          seed: `${options.seed}/${id}/${i}`,
          us,
          iran,
          ...(Object.keys(params).length > 0 ? { params } : {}),
          ...(shocks ? { shocks } : {}),
        }),
      );
      options.onGame?.(id, i + 1, options.runs);
    }
    for (const f of figures) {
      rows.push(
        rowOf(
          f,
          games.map((g) => figureValue(f, g)).filter((v): v is number => v !== undefined),
        ),
      );
    }
  }
  const failures = overallFailures(rows);
  return {
    schema: BACKTEST_FORMAT,
    runs: options.runs,
    seed: options.seed,
    params: pins,
    uncertainty: uncertaintyJson(dist),
    conditioned,
    pass: failures.length === 0,
    failures,
    rows,
  };
}

const pct = (p: number) => `${(100 * p).toFixed(p > 0 && p < 0.01 ? 1 : 0)} %`;
const STATUS: Readonly<Record<FigureStatus, string>> = { inside: 'PASS', 'outside-90': 'MISS', 'outside-98': 'FAIL', fails: 'FAIL' };

/** The most decimals simulatedText adds to tell a value from the record's ends. */
const MAX_EXTRA_DECIMALS = 4;

/**
 * A simulated value as simulatedText writes it: with `decimals`, or more where fewer would put a value
 * outside the record's reading on one of its ends or inside it (syria-after-halt's median of 2/3 read
 * "0.7" beside a record of 0.7–0.93; it reads "0.67"). A floor has no upper end.
 */
function valueBesideRecord(x: number, decimals: number, row: Pick<BacktestRow, 'kind' | 'record'>): string {
  const lo = row.record[0];
  const hi = row.kind === 'floor' ? Number.POSITIVE_INFINITY : row.record[1];
  const keepsItsSide = (shown: number) => (x < lo ? shown < lo : x > hi ? shown > hi : true);
  return x.toFixed(fewestDecimals(decimals, decimals + MAX_EXTRA_DECIMALS, (d) => keepsItsSide(Number(x.toFixed(d)))));
}

/**
 * The simulated median and 5–95 % band as a line: a total over the window is a count, written whole
 * (a band of 160.7–360.65 attacks reads 161–361); a weekly rate has one decimal. A value outside the
 * record's reading takes the decimals it needs never to read as one of its ends or inside it. Only the
 * text is rounded: the row keeps the quantiles as computed.
 */
export function simulatedText(
  row: Pick<BacktestRow, 'per' | 'median' | 'band' | 'unit' | 'kind' | 'record'>,
  word: 'simulated' | 'predicted' = 'simulated',
): string {
  const f = (x: number) => valueBesideRecord(x, row.per === 'total' ? 0 : 1, row);
  return `${word} median ${f(row.median)}, 5–95 % ${f(row.band[0])}–${f(row.band[1])} ${row.unit}`;
}

/** The record's quantile as a line: "quantile 0.41", or "quantiles 0.20–0.35" for a range's ends (once where they meet). */
export function quantileText(row: Pick<BacktestRow, 'kind' | 'quantile' | 'pAtLeast' | 'pExact'>): string {
  switch (row.kind) {
    case 'floor':
      return `P(simulated ≥ floor) ${pct(row.pAtLeast)}`;
    case 'usual':
      return `${pct(row.pExact)} of games reproduce it`;
    case 'range': {
      const [lo, hi] = row.quantile.map((q) => q.toFixed(2));
      // A discrete outcome can put both ends of the record's range at one quantile: say it once, and why.
      return lo === hi
        ? `record's quantile ${lo} at both ends of its range (the simulated values are discrete and ${row.pExact === 0 ? 'no game' : `only ${pct(row.pExact)} of games`} fell inside the range, so its two ends rank alike)`
        : `record's quantiles ${lo}–${hi}`;
    }
    default:
      return `record's quantile ${row.quantile[0].toFixed(2)}`;
  }
}

/**
 * Fewer games than this and a 5–95 % band is not a band: 5 % of 20 is one game in each tail, so below it
 * the band's ends are the extreme games and the verdicts rest on a game or two.
 */
export const MIN_BAND_GAMES = 20;

/** A warning line when a band rests on fewer than MIN_BAND_GAMES games, else undefined. */
export function fewGamesNote(games: number, flag: string, fallback: number): string | undefined {
  if (games >= MIN_BAND_GAMES) return undefined;
  return `Warning: ${games} game${games === 1 ? '' : 's'} per band, fewer than ${MIN_BAND_GAMES}: a 5–95 % band needs at least ${MIN_BAND_GAMES} games to put one in each tail, so these bands and verdicts mean nothing yet. For a meaningful run give ${flag} ${MIN_BAND_GAMES} or more (the default is ${fallback}).`;
}

/** The games behind a row, and why fewer than were played when a war ended some before the figure's window. */
export function gamesText(row: Pick<BacktestRow, 'games'>, played: number): string {
  const ended = played - row.games;
  return ended > 0
    ? `${row.games} of ${played} games; ${ended} ended in a regional war before the figure's window opened and give no value`
    : `${row.games} games`;
}

/**
 * The point values the record argues against (outside the shipped posterior's 90 % range); `pinned`
 * (--param) are not played at their point values. Empty when the shipped posterior cannot be read: the
 * notes then name none.
 */
export function pointValuesAgainstRecord(pinned: readonly string[] = []): PointOutside[] {
  try {
    return pointValuesOutside(loadPosterior(SHIPPED_POSTERIOR), pinned);
  } catch (err) {
    if (err instanceof PosteriorFileError) return [];
    throw err;
  }
}

/**
 * Under a row played at the point values: the point values the record argues against of parameters that
 * rest on a fact the figure rests on (the parameters most likely to drive it), or nothing.
 */
export function againstRecordNote(row: Pick<BacktestRow, 'facts'>, against: readonly PointOutside[]): string | undefined {
  const driving = against.filter((p) => PARAM_SPECS[p.id].cites.some((f) => row.facts.includes(f)));
  if (driving.length === 0) return undefined;
  const each = driving.map((p) => {
    const shared = PARAM_SPECS[p.id].cites.filter((f) => row.facts.includes(f));
    return `${p.id}, which rests on ${shared.join(', ')} as this figure does, is played at ${formatParamValue(p.value)}, ${p.side} its posterior's 90 % range ${formatParamRange(p.shift.posterior)}`;
  });
  return `note: ${each.join('; ')}: the record argues against ${driving.length === 1 ? 'that value' : 'those values'}; --uncertainty posterior plays the better-supported ones`;
}

/**
 * `against`: the point values the record argues against (pointValuesAgainstRecord), named in the header
 * and under the figures that rest on the same facts, when the backtest is played at the point values.
 */
export function formatBacktest(r: BacktestResult, against: readonly PointOutside[] = []): string {
  const under = parametersLabel(r.uncertainty.mode);
  const lines = [
    `Backtest · ${r.runs} games per scenario · seed ${r.seed} · ${under}${Object.keys(r.params).length > 0 ? ` · params ${JSON.stringify(r.params)}` : ''}`,
    playedUnderNote(r.uncertainty.mode, r.uncertainty.distribution, EXPLAIN_DEFAULT, against.map(pointOutsideText)),
    r.conditioned
      ? "Conditioned on the record's shocks: the November truce, and the first fatal attack on 28 Jan (none before it)."
      : "Not conditioned on the record's shocks.",
  ];
  const few = fewGamesNote(r.runs, '--runs', 1000);
  if (few) lines.push(few);
  lines.push('');
  for (const row of r.rows) {
    const turns = row.turns[0] === row.turns[1] ? `turn ${row.turns[0] + 1}` : `turns ${row.turns[0] + 1}–${row.turns[1] + 1}`;
    lines.push(`${STATUS[row.status]}  ${row.id} · ${row.facts.join(', ')} · ${row.scenario} · ${row.label} (${row.kind}, ${turns})`);
    lines.push(`      record ${row.recordText} · ${simulatedText(row)} (${under}) · ${quantileText(row)} (${gamesText(row, r.runs)})`);
    for (const f of row.failures) lines.push(`      ✗ ${f}`);
    const note = r.uncertainty.mode === 'none' ? againstRecordNote(row, against) : undefined;
    if (note) lines.push(`      ${note}`);
  }
  const misses = r.rows.filter((x) => x.status !== 'inside').length;
  lines.push(
    '',
    r.pass
      ? `Backtest passes: ${r.rows.length - misses} of ${r.rows.length} figures inside${misses > 0 ? `, ${misses} outside its 5–95 % band (one is allowed to chance)` : ''}.`
      : `Backtest fails: ${r.failures.join('; ')}.`,
  );
  lines.push(
    'Rule: every floor reachable (P ≥ 5 %) and every usual outcome kept; at most one point or range figure outside its 5–95 % band, none outside 1–99 %.',
  );
  return lines.join('\n');
}
