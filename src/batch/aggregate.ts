/**
 * Streaming aggregation of game records: exact integer histograms per metric, per series and turn, and
 * outcome counts. Memory is bounded by the horizon and the value ranges, never by the number of games;
 * the result is the same whatever order the records arrive in.
 *
 * Games that end early (regional war is absorbing) still count at later turns: the ladder stays at
 * regional war, nothing more is counted that turn, and cumulative series keep their final value. So
 * every turn's statistics are over all games, and a war shows up in the fan chart as it should.
 */
import { REGIONAL_WAR } from '../model/ladder.ts';
import { IntHistogram, round6, summarise, wilson, type Summary } from './stats.ts';
import {
  METRIC_NAMES,
  OUTCOME_NAMES,
  SCORE_NAMES,
  SCORE_SCALE,
  SERIES_NAMES,
  outcomeValue,
  scoreValue,
  type GameRecord,
  type MetricName,
  type OutcomeName,
  type ScoreName,
  type SeriesName,
} from './record.ts';

export interface OutcomeStat {
  readonly p: number;
  readonly ci95: [number, number];
  readonly count: number;
}

export interface SeriesPoint extends Summary {
  readonly turn: number;
}

export interface AggregateResult {
  readonly runs: number;
  readonly outcomes: Record<OutcomeName, OutcomeStat>;
  readonly metrics: Record<MetricName | ScoreName, Summary>;
  readonly series: Record<SeriesName, { perTurn: SeriesPoint[]; cumulative: SeriesPoint[] }>;
}

export interface AggregatorData {
  readonly n: number;
  readonly outcomes: Readonly<Record<string, number>>;
  readonly metrics: Readonly<Record<string, readonly number[]>>;
  readonly perTurn: Readonly<Record<string, readonly (readonly number[])[]>>;
  readonly cumulative: Readonly<Record<string, readonly (readonly number[])[]>>;
}

export class Aggregator {
  n = 0;
  private readonly outcomeCounts = new Map<OutcomeName, number>(OUTCOME_NAMES.map((n) => [n, 0]));
  readonly metricHist = new Map<MetricName | ScoreName, IntHistogram>();
  /** series → turn → histogram, for the per-turn values and for the running totals. */
  private readonly perTurn = new Map<SeriesName, IntHistogram[]>();
  private readonly cumulative = new Map<SeriesName, IntHistogram[]>();

  constructor(readonly turns: number) {
    for (const m of [...METRIC_NAMES, ...SCORE_NAMES]) this.metricHist.set(m, new IntHistogram());
    for (const s of SERIES_NAMES) {
      this.perTurn.set(
        s,
        Array.from({ length: turns }, () => new IntHistogram()),
      );
      this.cumulative.set(
        s,
        Array.from({ length: turns }, () => new IntHistogram()),
      );
    }
  }

  add(r: GameRecord): void {
    this.n += 1;
    for (const o of OUTCOME_NAMES) this.outcomeCounts.set(o, this.outcomeCounts.get(o)! + outcomeValue(r, o));
    for (const m of METRIC_NAMES) this.metricHist.get(m)!.add(r.metrics[m]);
    for (const s of SCORE_NAMES) this.metricHist.get(s)!.add(scoreValue(r, s));
    const war = r.verdict === 'regional-war';
    for (const s of SERIES_NAMES) {
      const values = r.series[s];
      const per = this.perTurn.get(s)!;
      const cum = this.cumulative.get(s)!;
      let running = 0;
      for (let t = 0; t < this.turns; t++) {
        const played = t < values.length;
        let v: number;
        if (s === 'rung') {
          v = played ? values[t]! : war ? REGIONAL_WAR : (values[values.length - 1] ?? 0);
          running = Math.max(running, v); // a rung's "cumulative" is the peak so far
        } else {
          v = played ? values[t]! : 0;
          running += v;
        }
        per[t]!.add(v);
        cum[t]!.add(running);
      }
    }
  }

  /** The aggregate as plain data (what a worker posts for its chunk of games). */
  data(): AggregatorData {
    const hist = (hs: IntHistogram[]) => hs.map((h) => h.counts);
    return {
      n: this.n,
      outcomes: Object.fromEntries(this.outcomeCounts),
      metrics: Object.fromEntries([...this.metricHist].map(([k, h]) => [k, h.counts])),
      perTurn: Object.fromEntries([...this.perTurn].map(([k, hs]) => [k, hist(hs)])),
      cumulative: Object.fromEntries([...this.cumulative].map(([k, hs]) => [k, hist(hs)])),
    };
  }

  /** Adds another aggregate's games: exact, and the same in any order. */
  merge(d: AggregatorData): void {
    this.n += d.n;
    for (const o of OUTCOME_NAMES) this.outcomeCounts.set(o, this.outcomeCounts.get(o)! + (d.outcomes[o] ?? 0));
    for (const [k, counts] of Object.entries(d.metrics)) this.metricHist.get(k as MetricName | ScoreName)!.mergeCounts(counts);
    for (const [target, source] of [
      [this.perTurn, d.perTurn],
      [this.cumulative, d.cumulative],
    ] as const) {
      for (const [k, turns] of Object.entries(source)) {
        const hs = target.get(k as SeriesName)!;
        turns.forEach((counts, t) => hs[t]!.mergeCounts(counts));
      }
    }
  }

  outcome(name: OutcomeName): OutcomeStat {
    const k = this.outcomeCounts.get(name)!;
    const [lo, hi] = wilson(k, this.n);
    return { p: round6(this.n === 0 ? 0 : k / this.n), ci95: [round6(lo), round6(hi)], count: k };
  }

  result(): AggregateResult {
    const outcomes = {} as Record<OutcomeName, OutcomeStat>;
    for (const o of OUTCOME_NAMES) outcomes[o] = this.outcome(o);
    const metrics = {} as Record<MetricName | ScoreName, Summary>;
    for (const m of METRIC_NAMES) metrics[m] = summarise(this.metricHist.get(m)!);
    for (const s of SCORE_NAMES) metrics[s] = summarise(this.metricHist.get(s)!, SCORE_SCALE);
    const series = {} as AggregateResult['series'];
    for (const s of SERIES_NAMES) {
      const points = (hs: IntHistogram[]) => hs.map((h, turn) => ({ turn, ...summarise(h) }));
      series[s] = { perTurn: points(this.perTurn.get(s)!), cumulative: points(this.cumulative.get(s)!) };
    }
    return { runs: this.n, outcomes, metrics, series };
  }
}
