/**
 * `brink compare`: two arms (two policies, or two scenario variants) on the same per-game seeds, and
 * the paired difference B − A of every outcome and metric with a 95 % interval. Pairing removes the
 * variance the two arms share (the same attack draws), so small effects show with few games; identical
 * arms give exactly zero.
 */
import { NO_UNCERTAINTY, uncertaintyJson, type ParamDistribution } from '../analysis/uncertainty/distribution.ts';
import type { Scenario } from '../scenario/schema.ts';
import type { Aggregator } from './aggregate.ts';
import { METRIC_NAMES, OUTCOME_NAMES, SCORE_NAMES, SCORE_SCALE, type Arm, type MetricName, type OutcomeName, type ScoreName } from './record.ts';
import { startArms } from './run-arms.ts';
import type { PairedDiff } from './stats.ts';
import type { PoolFailure } from './pool.ts';
import { MODEL_VERSION } from '../model/version.ts';

export const COMPARE_FORMAT = 'brink.compare/1';

export interface CompareOptions {
  readonly a: Arm & { readonly scenarioDoc: Scenario };
  readonly b: Arm & { readonly scenarioDoc: Scenario };
  readonly runs: number;
  readonly seed: string;
  readonly workers: number;
  readonly modules: readonly string[];
  /** Both arms' game i draw the same parameters from this (--uncertainty); absent: point values. */
  readonly uncertainty?: ParamDistribution;
  readonly onProgress?: (done: number, total: number) => void;
}

export interface CompareResult {
  readonly status: 'complete' | 'stopped' | 'failed';
  readonly failure?: PoolFailure;
  readonly json: ReturnType<typeof compareJson>;
}

function armJson(arm: CompareOptions['a']) {
  return { scenario: { id: arm.scenarioDoc.id, hash: arm.scenarioDoc.hash }, policies: { us: arm.us, iran: arm.iran }, params: { ...arm.params } };
}

function compareJson(o: CompareOptions, aggA: Aggregator, aggB: Aggregator, diffs: Map<string, PairedDiff>) {
  const ra = aggA.result();
  const rb = aggB.result();
  const outcomes = {} as Record<OutcomeName, { a: (typeof ra.outcomes)[OutcomeName]; b: (typeof ra.outcomes)[OutcomeName]; diff: ReturnType<PairedDiff['result']> }>;
  for (const name of OUTCOME_NAMES) outcomes[name] = { a: ra.outcomes[name], b: rb.outcomes[name], diff: diffs.get(name)!.result() };
  const metrics = {} as Record<MetricName | ScoreName, { a: (typeof ra.metrics)[MetricName]; b: (typeof ra.metrics)[MetricName]; diff: ReturnType<PairedDiff['result']> }>;
  for (const name of METRIC_NAMES) metrics[name] = { a: ra.metrics[name], b: rb.metrics[name], diff: diffs.get(name)!.result() };
  for (const name of SCORE_NAMES) metrics[name] = { a: ra.metrics[name], b: rb.metrics[name], diff: diffs.get(name)!.result(SCORE_SCALE) };
  return {
    schema: COMPARE_FORMAT,
    model: MODEL_VERSION,
    runs: aggA.n,
    seed: o.seed,
    gameSeeds: '{seed}:{index}' as const,
    a: armJson(o.a),
    b: armJson(o.b),
    uncertainty: uncertaintyJson(o.uncertainty ?? NO_UNCERTAINTY),
    outcomes,
    metrics,
  };
}

export function startCompare(o: CompareOptions): { stop(): void; done: Promise<CompareResult> } {
  const strip = ({ scenario, us, iran, params }: Arm): Arm => ({ scenario, us, iran, params });
  const run = startArms({
    arms: [strip(o.a), strip(o.b)], turns: [o.a.scenarioDoc.turns, o.b.scenarioDoc.turns], paired: true,
    runs: o.runs, seed: o.seed, workers: o.workers, modules: o.modules,
    ...(o.uncertainty ? { uncertainty: o.uncertainty } : {}),
    ...(o.onProgress ? { onProgress: o.onProgress } : {}),
  });
  const c = run.collector;
  return {
    stop: run.stop,
    done: run.done.then((s) => ({
      status: s.status,
      ...(s.status === 'failed' ? { failure: s.failure } : {}),
      json: compareJson(o, c.arms[0]!, c.arms[1]!, c.diffs[0]!),
    })),
  };
}
