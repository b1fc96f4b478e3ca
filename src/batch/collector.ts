/**
 * What a worker accumulates over a chunk of games and posts back: one Aggregator per arm and, for a
 * comparison, the paired differences of each arm against arm 0. Aggregating in the workers keeps the
 * main thread nearly idle, so the batch scales with cores; the merge is exact integer arithmetic, so
 * the result is the same for any number of workers.
 */
import { Aggregator, type AggregatorData } from './aggregate.ts';
import { METRIC_NAMES, OUTCOME_NAMES, SCORE_NAMES, outcomeValue, scoreValue, type GameResult } from './record.ts';
import { PairedDiff } from './stats.ts';

export const DIFF_NAMES: readonly string[] = [...OUTCOME_NAMES, ...METRIC_NAMES, ...SCORE_NAMES];

export interface CollectorData {
  readonly arms: readonly AggregatorData[];
  /** Per arm i ≥ 1 (index i − 1): name → sums of (arm i − arm 0) differences. */
  readonly diffs: readonly Readonly<Record<string, { n: number; sum: number; sumSq: number }>>[];
}

export class Collector {
  readonly arms: Aggregator[];
  readonly diffs: Map<string, PairedDiff>[];

  constructor(
    turns: readonly number[],
    readonly paired: boolean,
  ) {
    this.arms = turns.map((t) => new Aggregator(t));
    this.diffs = paired ? turns.slice(1).map(() => new Map(DIFF_NAMES.map((n) => [n, new PairedDiff()]))) : [];
  }

  add(g: GameResult): void {
    g.records.forEach((r, i) => this.arms[i]!.add(r));
    if (!this.paired) return;
    const a = g.records[0]!;
    this.diffs.forEach((d, k) => {
      const b = g.records[k + 1]!;
      for (const n of OUTCOME_NAMES) d.get(n)!.add(outcomeValue(b, n) - outcomeValue(a, n));
      for (const n of METRIC_NAMES) d.get(n)!.add(b.metrics[n] - a.metrics[n]);
      for (const n of SCORE_NAMES) d.get(n)!.add(scoreValue(b, n) - scoreValue(a, n));
    });
  }

  data(): CollectorData {
    return {
      arms: this.arms.map((a) => a.data()),
      diffs: this.diffs.map((d) => Object.fromEntries([...d].map(([k, v]) => [k, v.data()]))),
    };
  }

  merge(d: CollectorData): void {
    d.arms.forEach((a, i) => this.arms[i]!.merge(a));
    d.diffs.forEach((m, k) => {
      for (const [name, v] of Object.entries(m)) this.diffs[k]!.get(name)!.merge(v);
    });
  }
}
