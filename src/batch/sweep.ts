/**
 * `brink sweep`: vary model parameters one at a time around the scenario's values, every point on the
 * same per-game seeds as the baseline (common random numbers), and rank the parameters by how much each
 * moves the chosen outcomes and metrics (the tornado chart).
 */
import { SCORE_RANGE } from '../engine/outcome.ts';
import { MODEL_VERSION } from '../model/version.ts';
import type { Scenario } from '../scenario/schema.ts';
import type { Aggregator } from './aggregate.ts';
import {
  METRIC_NAMES,
  OUTCOME_NAMES,
  SCORE_NAMES,
  SCORE_SCALE,
  type Arm,
  type MetricName,
  type OutcomeName,
  type ScoreName,
} from './record.ts';
import { startArms } from './run-arms.ts';
import { meanWithCi } from './stats.ts';
import type { SweepSpec } from './contract.ts';
import type { PoolFailure } from './pool.ts';
import { BatchInputError } from './input-error.ts';
import { partHeader, shardInfo, type PartOptions } from './part.ts';
import { shardRange, type IndexRange, type Shard } from './shard.ts';

export const SWEEP_FORMAT = 'brink.sweep/1';

export const SWEEP_METRICS: readonly string[] = [...OUTCOME_NAMES, ...METRIC_NAMES, ...SCORE_NAMES];

export function checkSweepMetric(name: string): string {
  if (!SWEEP_METRICS.includes(name)) throw new BatchInputError(`--metric: unknown '${name}'; expected one of ${SWEEP_METRICS.join(', ')}`);
  return name;
}

export interface SweepOptions extends PartOptions {
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
  // Counts and scores alike are at least 0; a score is at most 100 (the interval is cut there).
  const score = (SCORE_NAMES as readonly string[]).includes(metric);
  return meanWithCi(agg.metricHist.get(metric as MetricName | ScoreName)!, score ? SCORE_SCALE : 1, score ? SCORE_RANGE.max : undefined);
}

/** The spec's arms: the baseline first, then each value of each parameter in turn. */
function sweepArms(spec: SweepSpec, scenarioArg: string): Arm[] {
  const arm = (params: Record<string, number>): Arm => ({ scenario: scenarioArg, us: spec.policies.us, iran: spec.policies.iran, params });
  return [arm({ ...spec.fixed }), ...spec.params.flatMap((p) => p.values.map((v) => arm({ ...spec.fixed, [p.name]: v })))];
}

export function sweepSpec(o: SweepOptions): SweepSpec {
  return {
    scenario: { id: o.scenario.id, hash: o.scenario.hash },
    turns: o.scenario.turns,
    runs: o.runs,
    seed: o.seed,
    policies: { us: o.us, iran: o.iran },
    fixed: { ...o.fixed },
    metrics: [...o.metrics],
    params: o.ranges.map((r) => ({ name: r.id, base: r.base, values: [...r.values] })),
  };
}

/** brink.sweep/1 from the spec and the games aggregated so far (a run's, a shard's or a merge's). */
export function sweepJson(spec: SweepSpec, aggs: readonly Aggregator[], shard?: { shard: Shard; range: IndexRange }) {
  const results = (agg: Aggregator) => Object.fromEntries(spec.metrics.map((m) => [m, metricValue(agg, m)]));
  let arm = 1;
  return {
    schema: SWEEP_FORMAT,
    model: MODEL_VERSION,
    scenario: spec.scenario,
    runs: aggs[0]!.n,
    seed: spec.seed,
    gameSeeds: '{seed}:{index}' as const,
    policies: spec.policies,
    metrics: [...spec.metrics],
    baseline: results(aggs[0]!),
    params: spec.params.map((r) => {
      const points = r.values.map((value) => ({ value, results: results(aggs[arm++]!) }));
      const swing = Object.fromEntries(
        spec.metrics.map((m) => [m, Number((points[points.length - 1]!.results[m]!.mean - points[0]!.results[m]!.mean).toFixed(6))]),
      );
      return { name: r.name, base: r.base, points, swing };
    }),
    ...(shard ? shardInfo(shard.shard, shard.range) : {}),
  };
}

export type SweepJsonOut = ReturnType<typeof sweepJson>;

export function startSweep(o: SweepOptions) {
  const spec = sweepSpec(o);
  const arms = sweepArms(spec, o.scenarioArg);
  const range = shardRange(o.runs, o.shard);
  const run = startArms({
    arms,
    scenarios: arms.map(() => o.scenario),
    paired: false,
    runs: o.runs,
    seed: o.seed,
    workers: o.workers,
    modules: o.modules,
    range,
    ...(o.out
      ? {
          part: {
            path: o.out,
            resume: o.resume ?? false,
            ...(o.stdout ? { stdout: o.stdout } : {}),
            header: partHeader('sweep', spec, o.shard, range, o.scenarioArg),
          },
        }
      : {}),
    ...(o.onProgress ? { onProgress: o.onProgress } : {}),
  });
  return {
    stop: run.stop,
    done: run.done.then((s): { status: typeof s.status; failure?: PoolFailure; json: SweepJsonOut; resumed: number } => ({
      status: s.status,
      ...(s.status === 'failed' ? { failure: s.failure } : {}),
      json: sweepJson(spec, run.collector.arms, o.shard ? { shard: o.shard, range } : undefined),
      resumed: run.resumed,
    })),
  };
}
