/**
 * The batch JSON contract (brink.batch/1, DESIGN.md) as a zod schema, so a report can read a file
 * written by `brink batch --json`, plus a small in-process runner that produces the same shape for
 * the report's modest N (plain arrays; the Monte Carlo layer in src/batch is the tool for large runs).
 */
import { z } from 'zod';
import { outcome } from '../engine/outcome.ts';
import { TALLY_KEYS, type GameState, type Tally } from '../engine/state.ts';
import { REGIONAL_WAR } from '../model/ladder.ts';
import type { Policy } from '../policies/index.ts';
import { playGame } from '../policies/play.ts';
import type { Scenario } from '../scenario/schema.ts';
import { quantile } from '../backtest/backtest.ts';

export const BATCH_FORMAT = 'brink.batch/1';

const Interval = z.tuple([z.number(), z.number()]);
const Quantiles = z.object({ mean: z.number(), p5: z.number(), p50: z.number(), p95: z.number() }).passthrough();
const Point = Quantiles.extend({ turn: z.number().int().min(0) });

export const BatchSchema = z
  .object({
    schema: z.literal(BATCH_FORMAT),
    scenario: z.object({ id: z.string(), hash: z.string() }).passthrough(),
    runs: z.number().int().min(1),
    seed: z.union([z.string(), z.number()]).transform(String),
    policies: z.object({ us: z.string(), iran: z.string() }),
    turns: z.number().int().min(1),
    daysPerTurn: z.number().int().min(1),
    outcomes: z.record(z.string(), z.object({ p: z.number().min(0).max(1), ci95: Interval }).passthrough()),
    metrics: z.record(z.string(), Quantiles),
    series: z.record(z.string(), z.object({ perTurn: z.array(Point), cumulative: z.array(Point) }).passthrough()),
  })
  .passthrough();
export type Batch = z.infer<typeof BatchSchema>;

/**
 * A comparison of two policies (or two parameter sets) on the same draws. The contract is owned by
 * `brink compare`; the report needs only labels and, per metric or outcome, the mean difference B − A
 * with its 95 % interval, so anything else in the file is ignored.
 */
export const CompareSchema = z
  .object({
    schema: z.literal('brink.compare/1'),
    a: z.object({ label: z.string().optional(), policies: z.object({ us: z.string(), iran: z.string() }).partial().optional() }).passthrough().optional(),
    b: z.object({ label: z.string().optional(), policies: z.object({ us: z.string(), iran: z.string() }).partial().optional() }).passthrough().optional(),
    deltas: z.record(z.string(), z.object({ mean: z.number(), ci95: Interval.optional() }).passthrough()),
  })
  .passthrough();
export type Compare = z.infer<typeof CompareSchema>;

/** Wilson 95 % interval for a proportion: honest near 0 and 1, where the normal interval is not. */
export function wilson(successes: number, n: number): [number, number] {
  if (n === 0) return [0, 1];
  const z2 = 1.959964 ** 2;
  const p = successes / n;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (1.959964 * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / (1 + z2 / n);
  return [Math.max(0, centre - half), Math.min(1, centre + half)];
}

function summary(values: number[]): { mean: number; p5: number; p50: number; p95: number } {
  const s = [...values].sort((a, b) => a - b);
  const mean = s.reduce((a, b) => a + b, 0) / Math.max(1, s.length);
  return { mean, p5: quantile(s, 0.05), p50: quantile(s, 0.5), p95: quantile(s, 0.95) };
}

/** Named outcomes: each is a yes/no per game. */
const OUTCOMES: Readonly<Record<string, (s: GameState) => boolean>> = {
  regionalWar: (s) => s.world.regionalWar,
  usFatality: (s) => s.world.totals.usKilled > 0,
  strikesOnIran: (s) => s.world.totals.strikesOnIran > 0,
  calmRestored: (s) => outcome(s).verdict.id === 'calm-restored',
  drawdown: (s) => outcome(s).verdict.id === 'drawdown',
  brinkmanship: (s) => outcome(s).verdict.id === 'brinkmanship',
  simmering: (s) => outcome(s).verdict.id === 'simmering',
};

const SERIES_KEYS: readonly (keyof Tally)[] = ['attacksOnUS', 'attacksOnUSIraq', 'attacksOnUSSyria', 'usKilled', 'usInjured', 'usStrikes', 'houthiAttacks'];

export interface InProcessOptions {
  readonly runs: number;
  readonly seed: string;
  readonly us: Policy;
  readonly iran: Policy;
  readonly params?: Readonly<Record<string, number>>;
}

/**
 * Plays `runs` games (seeds `${seed}/${i}`) and aggregates them into brink.batch/1. A game that ends early
 * in war stays at the regional-war rung with no further counts for its remaining turns, so every turn
 * aggregates all games.
 */
export function runInProcess(scenario: Scenario, o: InProcessOptions): Batch {
  const games: GameState[] = [];
  for (let i = 0; i < o.runs; i++) {
    games.push(playGame(scenario, { seed: `${o.seed}/${i}`, us: o.us, iran: o.iran, ...(o.params ? { params: o.params } : {}) }));
  }
  const outcomes: Batch['outcomes'] = {};
  for (const [name, f] of Object.entries(OUTCOMES)) {
    const k = games.filter(f).length;
    outcomes[name] = { p: k / games.length, ci95: wilson(k, games.length) };
  }
  const metrics: Batch['metrics'] = {};
  for (const key of TALLY_KEYS) metrics[key] = summary(games.map((g) => g.world.totals[key]));
  metrics.peakRung = summary(games.map((g) => g.world.peakRung));
  metrics.usScore = summary(games.map((g) => outcome(g).scores.us));
  metrics.iranScore = summary(games.map((g) => outcome(g).scores.iran));

  const turns = scenario.turns;
  const valueAt = (g: GameState, t: number, key: keyof Tally | 'rung'): number => {
    const rec = g.history[t];
    if (rec) return rec[key];
    return key === 'rung' ? REGIONAL_WAR : 0;
  };
  const series: Batch['series'] = {};
  for (const key of [...SERIES_KEYS, 'rung'] as const) {
    const perTurn = [];
    const cumulative = [];
    const running = games.map(() => 0);
    for (let t = 0; t < turns; t++) {
      const values = games.map((g) => valueAt(g, t, key));
      values.forEach((v, i) => {
        running[i] = key === 'rung' ? Math.max(running[i]!, v) : running[i]! + v;
      });
      perTurn.push({ turn: t, ...summary(values) });
      cumulative.push({ turn: t, ...summary(running) });
    }
    series[key] = { perTurn, cumulative };
  }
  return {
    schema: BATCH_FORMAT, scenario: { id: scenario.id, hash: scenario.hash }, runs: o.runs, seed: o.seed,
    policies: { us: o.us.id, iran: o.iran.id }, turns, daysPerTurn: scenario.daysPerTurn, outcomes, metrics, series,
  };
}
