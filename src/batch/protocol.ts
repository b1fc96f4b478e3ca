/** Messages between the batch's main thread and its workers. */
import type { ParamDistribution } from '../analysis/uncertainty/distribution.ts';
import type { CollectorData } from './collector.ts';
import type { Scenario } from '../scenario/schema.ts';
import type { Arm, GameRecord } from './record.ts';

export interface WorkerSetup {
  readonly arms: readonly Arm[];
  /**
   * Each arm's scenario, as the main thread loaded and validated it: a worker never parses YAML or loads
   * zod (a fresh worker's start-up was a tenth of a 2,000-game batch), and every worker plays the very
   * scenario the main thread checked. Arms that share a scenario share one object (one structured clone).
   */
  readonly scenarios: readonly Scenario[];
  readonly seed: string;
  /** Modules to import first (each exports `policies`): user policies, or a test's. */
  readonly modules: readonly string[];
  /** Accumulate paired differences of each arm against arm 0 (compare). */
  readonly paired: boolean;
  /** Send each game's record of arm 0 as well (for --out and --csv). */
  readonly sendRecords: boolean;
  /** What each game's parameters are drawn from (--uncertainty); absent: the point values. */
  readonly uncertainty?: ParamDistribution;
}

/** What a worker is started with: the batch, and the flag the pool sets to 1 to stop it after its current game. */
export interface WorkerData {
  readonly setup: WorkerSetup;
  /** One Int32, shared by the pool and every worker (a SharedArrayBuffer is shared, not copied). */
  readonly stop: Int32Array;
}

/** Play these games and report them as one chunk; or leave: close the port and let the thread exit. */
export type ToWorker = { readonly type: 'run'; readonly indices: readonly number[] } | { readonly type: 'leave' };

/** The games of one chunk that finished: their aggregate, and their records if asked for. */
export interface ChunkReport {
  readonly games: number;
  readonly data: CollectorData;
  readonly records: readonly GameRecord[];
}

export type FromWorker =
  | { readonly type: 'ready' }
  | { readonly type: 'fatal'; readonly message: string }
  | ({ readonly type: 'chunk' } & ChunkReport)
  | ({ readonly type: 'game-error'; readonly index: number; readonly seed: string; readonly message: string } & ChunkReport);
