/**
 * `brink compare`: two arms (two policies, or two scenario variants) on the same per-game seeds, and
 * the paired difference B − A of every outcome and metric with a 95 % interval. Pairing removes the
 * variance the two arms share (the same attack draws), so small effects show with few games; identical
 * arms give exactly zero. A metric's interval is Student t over the paired differences; an outcome's
 * (a share of games) is Newcombe's paired interval, which stays inside ±100 points and is not [0, 0]
 * when no pair of games differed.
 */
import { MODEL_VERSION } from '../model/version.ts';
import { NO_UNCERTAINTY, uncertaintyJson, type ParamDistribution } from '../analysis/uncertainty/distribution.ts';
import type { Scenario } from '../scenario/schema.ts';
import type { Collector } from './collector.ts';
import type { CompareSpec } from './contract.ts';
import { partHeader, shardInfo, type PartOptions } from './part.ts';
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
import { shardRange, type IndexRange, type Shard } from './shard.ts';
import type { DiffResult, PairedDiff } from './stats.ts';
import type { PoolFailure } from './pool.ts';

export const COMPARE_FORMAT = 'brink.compare/1';

export interface CompareOptions extends PartOptions {
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
  readonly json: CompareJsonOut;
  /** Pairs read back from --out on --resume. */
  readonly resumed: number;
}

export type CompareJsonOut = ReturnType<typeof compareJson>;

export function compareSpec(o: CompareOptions): CompareSpec {
  const arm = (a: CompareOptions['a']) => ({
    scenario: { id: a.scenarioDoc.id, hash: a.scenarioDoc.hash },
    policies: { us: a.us, iran: a.iran },
    params: { ...a.params },
  });
  return {
    runs: o.runs,
    seed: o.seed,
    turns: o.a.scenarioDoc.turns,
    a: arm(o.a),
    b: arm(o.b),
    uncertainty: uncertaintyJson(o.uncertainty ?? NO_UNCERTAINTY),
  };
}

/**
 * brink.compare/1 from the spec and the pairs aggregated so far (a run's, a shard's or a merge's). A
 * shard's report asks for its slice of the pairs, and says which shard it is.
 */
export function compareJson(spec: CompareSpec, c: Collector, complete: boolean, shard?: { shard: Shard; range: IndexRange }) {
  const ra = c.arms[0]!.result();
  const rb = c.arms[1]!.result();
  const diffs: Map<string, PairedDiff> = c.diffs[0]!;
  const outcomes = {} as Record<
    OutcomeName,
    { a: (typeof ra.outcomes)[OutcomeName]; b: (typeof ra.outcomes)[OutcomeName]; diff: DiffResult<'newcombe'> }
  >;
  // Arm A's count and the paired sums are the outcome's four cells (both, A only, B only, neither).
  for (const name of OUTCOME_NAMES)
    outcomes[name] = { a: ra.outcomes[name], b: rb.outcomes[name], diff: diffs.get(name)!.binaryResult(ra.outcomes[name].count) };
  const metrics = {} as Record<
    MetricName | ScoreName,
    { a: (typeof ra.metrics)[MetricName]; b: (typeof ra.metrics)[MetricName]; diff: DiffResult<'t'> }
  >;
  for (const name of METRIC_NAMES) metrics[name] = { a: ra.metrics[name], b: rb.metrics[name], diff: diffs.get(name)!.result() };
  for (const name of SCORE_NAMES) metrics[name] = { a: ra.metrics[name], b: rb.metrics[name], diff: diffs.get(name)!.result(SCORE_SCALE) };
  return {
    schema: COMPARE_FORMAT,
    model: MODEL_VERSION,
    runs: c.arms[0]!.n,
    requested: shard ? shard.range.to - shard.range.from : spec.runs,
    complete,
    seed: spec.seed,
    gameSeeds: '{seed}:{index}' as const,
    a: spec.a,
    b: spec.b,
    uncertainty: spec.uncertainty,
    outcomes,
    metrics,
    ...(shard ? shardInfo(shard.shard, shard.range) : {}),
  };
}

export function startCompare(o: CompareOptions): { stop(): void; done: Promise<CompareResult> } {
  const strip = ({ scenario, us, iran, params }: Arm): Arm => ({ scenario, us, iran, params });
  const spec = compareSpec(o);
  const range = shardRange(o.runs, o.shard);
  const run = startArms({
    arms: [strip(o.a), strip(o.b)],
    scenarios: [o.a.scenarioDoc, o.b.scenarioDoc],
    paired: true,
    runs: o.runs,
    seed: o.seed,
    workers: o.workers,
    modules: o.modules,
    range,
    ...(o.uncertainty ? { uncertainty: o.uncertainty } : {}),
    ...(o.out
      ? {
          part: {
            path: o.out,
            resume: o.resume ?? false,
            ...(o.stdout ? { stdout: o.stdout } : {}),
            header: partHeader('compare', spec, o.shard, range, o.a.scenario),
          },
        }
      : {}),
    ...(o.onProgress ? { onProgress: o.onProgress } : {}),
  });
  return {
    stop: run.stop,
    done: run.done.then((s) => ({
      status: s.status,
      ...(s.status === 'failed' ? { failure: s.failure } : {}),
      json: compareJson(
        spec,
        run.collector,
        s.status === 'complete' && run.collector.arms[0]!.n === range.to - range.from,
        o.shard ? { shard: o.shard, range } : undefined,
      ),
      resumed: run.resumed,
    })),
  };
}
