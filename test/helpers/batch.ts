/** A batch's JSON as `brink batch --json` writes it, for games a test played itself: historical bots, one worker. */
import type { Aggregator } from '../../src/batch/aggregate.ts';
import { batchJson } from '../../src/batch/run-batch.ts';
import type { ParamDistribution } from '../../src/analysis/uncertainty/distribution.ts';
import { scenario } from './fixtures.ts';

export function historicalBatchJson(
  scenarioId: string,
  agg: Aggregator,
  o: {
    readonly runs: number;
    readonly seed: string;
    readonly params?: Readonly<Record<string, number>>;
    readonly uncertainty?: ParamDistribution;
  },
) {
  return batchJson(
    {
      scenario: scenario(scenarioId),
      scenarioArg: scenarioId,
      runs: o.runs,
      seed: o.seed,
      us: 'historical',
      iran: 'historical',
      params: o.params ?? {},
      workers: 1,
      modules: [],
      ...(o.uncertainty ? { uncertainty: o.uncertainty } : {}),
    },
    agg,
    true,
  );
}
