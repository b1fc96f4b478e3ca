/**
 * `brink compare`: two arms (two policies, or two scenario variants) on the same per-game seeds, and
 * the paired difference B − A of every outcome and metric with a 95 % interval. Pairing removes the
 * variance the two arms share (the same attack draws), so small effects show with few games; identical
 * arms give exactly zero.
 */
import type { Scenario } from '../scenario/schema.ts';
import { Aggregator } from './aggregate.ts';
import { METRIC_NAMES, OUTCOME_NAMES, SCORE_NAMES, outcomeValue, scoreValue, SCORE_SCALE, type Arm, type MetricName, type OutcomeName, type ScoreName } from './record.ts';
import { startArms } from './run-arms.ts';
import { PairedDiff } from './stats.ts';
import type { PoolFailure } from './pool.ts';

export const COMPARE_FORMAT = 'brink.compare/1';

export interface CompareOptions {
  readonly a: Arm & { readonly scenarioDoc: Scenario };
  readonly b: Arm & { readonly scenarioDoc: Scenario };
  readonly runs: number;
  readonly seed: string;
  readonly workers: number;
  readonly modules: readonly string[];
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
    runs: aggA.n,
    seed: o.seed,
    gameSeeds: '{seed}:{index}' as const,
    a: armJson(o.a),
    b: armJson(o.b),
    outcomes,
    metrics,
  };
}

export function startCompare(o: CompareOptions): { stop(): void; done: Promise<CompareResult> } {
  const aggA = new Aggregator(o.a.scenarioDoc.turns);
  const aggB = new Aggregator(o.b.scenarioDoc.turns);
  const diffs = new Map<string, PairedDiff>([...OUTCOME_NAMES, ...METRIC_NAMES, ...SCORE_NAMES].map((n) => [n, new PairedDiff()]));
  const strip = ({ scenario, us, iran, params }: Arm): Arm => ({ scenario, us, iran, params });
  const run = startArms({
    arms: [strip(o.a), strip(o.b)], runs: o.runs, seed: o.seed, workers: o.workers, modules: o.modules,
    ...(o.onProgress ? { onProgress: o.onProgress } : {}),
    onResult: (g) => {
      const [a, b] = g.records as [NonNullable<(typeof g.records)[0]>, NonNullable<(typeof g.records)[0]>];
      aggA.add(a);
      aggB.add(b);
      for (const n of OUTCOME_NAMES) diffs.get(n)!.add(outcomeValue(b, n) - outcomeValue(a, n));
      for (const n of METRIC_NAMES) diffs.get(n)!.add(b.metrics[n] - a.metrics[n]);
      for (const n of SCORE_NAMES) diffs.get(n)!.add(scoreValue(b, n) - scoreValue(a, n));
    },
  });
  return {
    stop: run.stop,
    done: run.done.then((s) => ({
      status: s.status,
      ...(s.status === 'failed' ? { failure: s.failure } : {}),
      json: compareJson(o, aggA, aggB, diffs),
    })),
  };
}
