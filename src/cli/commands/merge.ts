/**
 * `brink merge PART…`: adds up the part files of a sharded batch, compare or sweep (or of one compare or
 * sweep --out) and prints the report the unsharded run prints: with --json, the very same bytes.
 */
import type { CommandModule, Io } from '../command.ts';
import { mergeParts } from '../../batch/merge.ts';
import { asUsage, formatBatchReport } from './batch.ts';
import { formatCompareReport } from './compare.ts';
import { formatSweepReport } from './sweep.ts';

function mergeAction(parts: string[], opts: { json?: boolean }, io: Io): void {
  const m = asUsage(() => mergeParts(parts));
  if (opts.json) {
    io.out(JSON.stringify(m.json, null, 2));
    return;
  }
  // A part file holds each game's record, the parameters it drew included: name them as where to find those.
  if (m.command === 'batch')
    io.out(
      formatBatchReport({ status: 'complete', json: m.json, resumed: 0, aggregator: m.aggregator }, m.scenarioArg, [
        `the part files (${parts.join(', ')})`,
      ]),
    );
  else if (m.command === 'compare') io.out(formatCompareReport({ status: 'complete', json: m.json, resumed: 0 }));
  else io.out(formatSweepReport(m.json));
}

export const register: CommandModule = (program, io) => {
  program
    .command('merge')
    .description("add up the part files of a sharded batch, compare or sweep: the unsharded run's report (its JSON with --json)")
    .argument('<parts...>', 'part files (--out of each shard, e.g. part-*.jsonl)')
    .option('--json', 'print JSON instead of the report')
    .action((parts: string[], opts: { json?: boolean }) => mergeAction(parts, opts, io));
};
