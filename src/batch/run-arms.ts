/**
 * The one runner under batch, compare and sweep: plays a slice of game indices (all of them, or one
 * shard's) under every arm through the worker pool, aggregating as chunks arrive.
 *
 * Several arms share per-game seeds (common random numbers): every game index is played under each arm
 * by the same worker, so arm B's game i faces the same attack and casualty draws as arm A's wherever
 * the two games have not diverged.
 *
 * With a part file (`part`), each finished chunk's histograms are appended to it as they arrive, and
 * `resume` reads them back and plays only the missing games; see part.ts.
 */
import { Collector } from './collector.ts';
import type { ParamDistribution } from '../analysis/uncertainty/distribution.ts';
import type { StdoutWriter } from '../io/output.ts';
import type { Scenario } from '../scenario/schema.ts';
import type { PartHeader } from './contract.ts';
import { PartWriter } from './part.ts';
import { Pool, type PoolStatus } from './pool.ts';
import type { ChunkReport } from './protocol.ts';
import type { Arm } from './record.ts';
import type { IndexRange } from './shard.ts';

export interface ArmsOptions {
  readonly arms: readonly Arm[];
  readonly runs: number;
  readonly seed: string;
  readonly workers: number;
  readonly modules: readonly string[];
  /** Each arm's scenario, loaded and validated (workers take them from here; see WorkerSetup.scenarios). */
  readonly scenarios: readonly Scenario[];
  readonly paired: boolean;
  /** Every arm's game i draws the same parameters from this (then applies its own pins). */
  readonly uncertainty?: ParamDistribution;
  /** The game indices to play (a shard's); all `runs` by default. */
  readonly range?: IndexRange;
  /** Write (or with `resume`, continue) a part file. */
  readonly part?: { readonly path: string; readonly header: PartHeader; readonly resume: boolean; readonly stdout?: StdoutWriter };
  /** Indices finished already and counted by the caller (batch's --resume of its records); indexed 0…runs−1. */
  readonly skip?: Uint8Array;
  /** Aggregate into this collector (which may hold games read back already); a new one by default. */
  readonly collector?: Collector;
  /** Have workers send arm 0's game records too (batch's --out records and --csv). */
  readonly sendRecords?: boolean;
  readonly onChunk?: (report: ChunkReport & { readonly indices: readonly number[] }) => void;
  readonly onProgress?: (done: number, total: number) => void;
}

export interface ArmsRun {
  stop(): void;
  readonly done: Promise<PoolStatus>;
  readonly collector: Collector;
  /** Games read back from the part file. */
  readonly resumed: number;
}

/** Games per chunk: small enough that workers finish together, large enough that merges are few. */
export function chunkSize(games: number, workers: number): number {
  return Math.max(1, Math.min(256, Math.ceil(games / (Math.max(1, workers) * 8))));
}

export function startArms(o: ArmsOptions): ArmsRun {
  const { from, to } = o.range ?? { from: 0, to: o.runs };
  const collector =
    o.collector ??
    new Collector(
      o.scenarios.map((s) => s.turns),
      o.paired,
    );
  let resumed = 0;
  let writer: PartWriter | undefined;
  const done = new Uint8Array(to - from);
  if (o.part) {
    const opened = PartWriter.open(o.part.path, o.part.header, o.part.resume, o.part.stdout);
    writer = opened.writer;
    if (opened.previous) {
      for (const c of opened.previous.chunks) collector.merge(c.data);
      done.set(opened.previous.finished);
      resumed = opened.previous.games;
    }
  }
  const skipped = (i: number) => done[i - from] === 1 || o.skip?.[i] === 1;
  let left = 0;
  for (let i = from; i < to; i++) if (!skipped(i)) left++;
  let finished = to - from - left;
  let cursor = from;
  const size = chunkSize(left, o.workers);
  const nextChunk = (): number[] | null => {
    const chunk: number[] = [];
    for (; cursor < to && chunk.length < size; cursor++) if (!skipped(cursor)) chunk.push(cursor);
    return chunk.length > 0 ? chunk : null;
  };
  o.onProgress?.(finished, to - from);
  const pool =
    left > 0
      ? new Pool({
          setup: {
            arms: o.arms,
            scenarios: o.scenarios,
            seed: o.seed,
            modules: o.modules,
            paired: o.paired,
            sendRecords: o.sendRecords ?? false,
            ...(o.uncertainty ? { uncertainty: o.uncertainty } : {}),
          },
          workers: Math.min(o.workers, left),
          nextChunk,
          onChunk: (report) => {
            collector.merge(report.data);
            writer?.append(report.indices, report.data);
            finished += report.games;
            o.onChunk?.(report);
            o.onProgress?.(finished, to - from);
          },
        })
      : undefined;
  const status = pool ? pool.done : Promise.resolve<PoolStatus>({ status: 'complete' });
  return {
    stop: () => pool?.stop(),
    done: status.finally(() => writer?.close()),
    collector,
    resumed,
  };
}
