/**
 * `brink sweep`: vary model parameters one at a time around the scenario's values, every point on the
 * same per-game seeds as the baseline (common random numbers), and rank the parameters by how much each
 * moves the chosen outcomes and metrics (the tornado chart).
 */
import type { Scenario } from '../scenario/schema.ts';
import type { Aggregator } from './aggregate.ts';
import {
  METRIC_NAMES, OUTCOME_NAMES, SCORE_NAMES, SCORE_SCALE, type Arm, type MetricName, type OutcomeName, type ScoreName,
} from './record.ts';
import { startArms } from './run-arms.ts';
import { meanWithCi } from './stats.ts';
import type { PoolFailure } from './pool.ts';
import { BatchInputError } from './run-batch.ts';
import { MODEL_VERSION } from '../model/version.ts';

export const SWEEP_FORMAT = 'brink.sweep/1';

export const SWEEP_METRICS: readonly string[] = [...OUTCOME_NAMES, ...METRIC_NAMES, ...SCORE_NAMES];

export function checkSweepMetric(name: string): string {
  if (!SWEEP_METRICS.includes(name)) throw new BatchInputError(`--metric: unknown '${name}'; expected one of ${SWEEP_METRICS.join(', ')}`);
  return name;
}

export interface SweepOptions {
  readonly scenario: Scenario;
  readonly scenarioArg: string;
  readonly us: string;
  readonly iran: string;
  /** Overrides that hold for every point (--param name=value). */
  readonly fixed: Readonly<Record<string, number>>;
  readonly ranges: readonly { readonly id: string; readonly base: number; readonly values: readonly number[] }[];
  readonly metrics: readonly string[];
  readonly runs: number;
  readonly seed: string;
  readonly workers: number;
  readonly modules: readonly string[];
  readonly onProgress?: (done: number, total: number) => void;
}

type Value = { mean: number; ci95: [number, number] };

function metricValue(agg: Aggregator, metric: string): Value {
  if ((OUTCOME_NAMES as readonly string[]).includes(metric)) {
    const o = agg.outcome(metric as OutcomeName);
    return { mean: o.p, ci95: o.ci95 };
  }
  const scale = (SCORE_NAMES as readonly string[]).includes(metric) ? SCORE_SCALE : 1;
  return meanWithCi(agg.metricHist.get(metric as MetricName | ScoreName)!, scale);
}

export function startSweep(o: SweepOptions) {
  const arms: Arm[] = [{ scenario: o.scenarioArg, us: o.us, iran: o.iran, params: { ...o.fixed } }];
  const slots: { param: number; point: number }[] = [];
  o.ranges.forEach((r, param) => r.values.forEach((v, point) => {
    arms.push({ scenario: o.scenarioArg, us: o.us, iran: o.iran, params: { ...o.fixed, [r.id]: v } });
    slots.push({ param, point });
  }));
  const run = startArms({
    arms, turns: arms.map(() => o.scenario.turns), paired: false, runs: o.runs, seed: o.seed, workers: o.workers, modules: o.modules,
    ...(o.onProgress ? { onProgress: o.onProgress } : {}),
  });
  const aggs = run.collector.arms;
  const json = () => {
    const results = (agg: Aggregator) => Object.fromEntries(o.metrics.map((m) => [m, metricValue(agg, m)]));
    return {
      schema: SWEEP_FORMAT,
      model: MODEL_VERSION,
      scenario: { id: o.scenario.id, hash: o.scenario.hash },
      runs: aggs[0]!.n,
      seed: o.seed,
      gameSeeds: '{seed}:{index}' as const,
      policies: { us: o.us, iran: o.iran },
      metrics: [...o.metrics],
      baseline: results(aggs[0]!),
      params: o.ranges.map((r, param) => {
        const points = r.values.map((value, point) => ({ value, results: results(aggs[1 + slots.findIndex((s) => s.param === param && s.point === point)]!) }));
        const swing = Object.fromEntries(o.metrics.map((m) => [m, Number((points[points.length - 1]!.results[m]!.mean - points[0]!.results[m]!.mean).toFixed(6))]));
        return { name: r.id, base: r.base, points, swing };
      }),
    };
  };
  return {
    stop: run.stop,
    done: run.done.then((s): { status: typeof s.status; failure?: PoolFailure; json: ReturnType<typeof json> } => ({
      status: s.status,
      ...(s.status === 'failed' ? { failure: s.failure } : {}),
      json: json(),
    })),
  };
}
