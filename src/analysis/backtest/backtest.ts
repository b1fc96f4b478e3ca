/**
 * The backtest: play each historical scenario many times with the historical bots and hold the
 * results against the documented figures (checks.ts). One row per check: the facts, the documented
 * value, the simulated median and 5–95 % band, pass or fail, and what it means.
 *
 * Games are seeded `${seed}/${scenario}/${i}`, so the same seed gives the same table; parameter
 * overrides apply to every game (that is how a test shows a mis-set parameter fails the backtest).
 */
import seedrandom from 'seedrandom';
import { getPolicy } from '../../policies/index.ts';
import { playGame } from '../../policies/play.ts';
import { resolveParams } from '../../model/params.ts';
import { loadScenario } from '../../scenario/loader.ts';
import type { Scenario } from '../../scenario/schema.ts';
import type { GameState } from '../../engine/state.ts';
import { BACKTEST_SCENARIOS, CHECKS, type BacktestScenario, type Check, type Judgement } from './checks.ts';

export const BACKTEST_FORMAT = 'brink.backtest/1';

export interface BacktestOptions {
  readonly runs: number;
  readonly seed: string;
  readonly params?: Readonly<Record<string, number>>;
  /** Restrict to some scenarios (tests); all three by default. */
  readonly scenarios?: readonly BacktestScenario[];
  /** Called after each game (progress display only). */
  readonly onGame?: (scenario: string, done: number, total: number) => void;
}

export interface BacktestRow {
  readonly id: string;
  readonly facts: readonly string[];
  readonly scenario: string;
  readonly label: string;
  readonly unit: string;
  readonly documented: number;
  readonly documentedText: string;
  readonly median: number;
  readonly band: readonly [number, number];
  /** Games that gave a measure (a check may not apply to every game). */
  readonly games: number;
  readonly pass: boolean;
  /** Which conditions failed, and by how much: empty when the check passes. */
  readonly failures: readonly string[];
  readonly judgement: Judgement;
  readonly meaning: string;
}

export interface BacktestResult {
  readonly schema: typeof BACKTEST_FORMAT;
  readonly runs: number;
  readonly seed: string;
  readonly params: Readonly<Record<string, number>>;
  readonly pass: boolean;
  readonly rows: readonly BacktestRow[];
}

/** The q-quantile of sorted values, linear interpolation (R type 7). */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}

const fmt = (x: number) => (Number.isInteger(x) ? String(x) : Math.abs(x) < 0.1 ? x.toPrecision(2) : x.toFixed(2));

export function judge(j: Judgement, documented: number, median: number, band: readonly [number, number]): string[] {
  const failures: string[] = [];
  if (j.median) {
    const [lo, hi] = j.median;
    if (median < lo) failures.push(`median ${fmt(median)} is ${fmt(lo - median)} below the accepted ${fmt(lo)}–${fmt(hi)}`);
    if (median > hi) failures.push(`median ${fmt(median)} is ${fmt(median - hi)} above the accepted ${fmt(lo)}–${fmt(hi)}`);
  }
  if (j.recordInBand && (documented < band[0] || documented > band[1])) {
    failures.push(`the record (${fmt(documented)}) lies outside the simulated 5–95 % band ${fmt(band[0])}–${fmt(band[1])}`);
  }
  if (j.p95Max !== undefined && band[1] > j.p95Max) failures.push(`95th percentile ${fmt(band[1])} exceeds ${fmt(j.p95Max)}`);
  return failures;
}

function summarise(check: Check, games: readonly GameState[], seed: string): Omit<BacktestRow, 'pass' | 'failures'> {
  let median: number;
  let band: [number, number];
  let n: number;
  if (check.pooled) {
    const pairs = games.map((g) => check.pooled!(g));
    const ratio = (ps: readonly (readonly [number, number])[]) => {
      const den = ps.reduce((s, p) => s + p[1], 0);
      return den > 0 ? ps.reduce((s, p) => s + p[0], 0) / den : 0;
    };
    median = ratio(pairs);
    // Bootstrap over games (200 resamples, seeded from the backtest seed so the table is reproducible).
    const rnd = seedrandom.alea(`${seed}/bootstrap/${check.id}`);
    const boots: number[] = [];
    for (let b = 0; b < 200; b++) {
      const sample = pairs.map(() => pairs[Math.floor(rnd() * pairs.length)]!);
      boots.push(ratio(sample));
    }
    boots.sort((a, b) => a - b);
    band = [quantile(boots, 0.05), quantile(boots, 0.95)];
    n = pairs.length;
  } else {
    const values = games.map((g) => check.statistic!(g)).filter((v): v is number => v !== undefined).sort((a, b) => a - b);
    median = quantile(values, 0.5);
    band = [quantile(values, 0.05), quantile(values, 0.95)];
    n = values.length;
  }
  return {
    id: check.id, facts: check.facts, scenario: check.scenario, label: check.label, unit: check.unit,
    documented: check.documented(), documentedText: check.documentedText(), median, band, games: n, judgement: check.judge(), meaning: check.meaning,
  };
}

export function runBacktest(options: BacktestOptions): BacktestResult {
  const params = options.params ?? {};
  resolveParams(params); // fail early, with the parameter's range, on a bad override
  const scenarios = options.scenarios ?? BACKTEST_SCENARIOS;
  const rows: BacktestRow[] = [];
  for (const id of scenarios) {
    const scenario: Scenario = loadScenario(id);
    const us = getPolicy('historical', 'us');
    const iran = getPolicy('historical', 'iran');
    const games: GameState[] = [];
    for (let i = 0; i < options.runs; i++) {
      games.push(playGame(scenario, { seed: `${options.seed}/${id}/${i}`, us, iran, params }));
      options.onGame?.(id, i + 1, options.runs);
    }
    for (const check of CHECKS.filter((c) => c.scenario === id)) {
      const row = summarise(check, games, options.seed);
      const failures = row.games === 0 ? ['no game gave a measure'] : judge(row.judgement, row.documented, row.median, row.band);
      rows.push({ ...row, pass: failures.length === 0, failures });
    }
  }
  return { schema: BACKTEST_FORMAT, runs: options.runs, seed: options.seed, params, pass: rows.every((r) => r.pass), rows };
}

export function formatBacktest(r: BacktestResult): string {
  const lines = [`Backtest · ${r.runs} games per scenario · seed ${r.seed}${Object.keys(r.params).length > 0 ? ` · params ${JSON.stringify(r.params)}` : ''}`, ''];
  for (const row of r.rows) {
    lines.push(`${row.pass ? 'PASS' : 'FAIL'}  ${row.facts.join(', ')} · ${row.scenario} · ${row.label}`);
    lines.push(`      documented ${row.documentedText} · simulated median ${fmt(row.median)}, 5–95 % ${fmt(row.band[0])}–${fmt(row.band[1])} ${row.unit} (${row.games} games)`);
    lines.push(`      ${row.meaning}`);
    for (const f of row.failures) lines.push(`      ✗ ${f}`);
  }
  const failed = r.rows.filter((x) => !x.pass).length;
  lines.push('', failed === 0 ? `All ${r.rows.length} checks pass.` : `${failed} of ${r.rows.length} checks fail.`);
  return lines.join('\n');
}
