/** Messages between the batch's main thread and its workers. */
import type { Arm, GameRecord } from './record.ts';

export interface WorkerSetup {
  readonly arms: readonly Arm[];
  readonly seed: string;
  /** Modules to import first (each may call registerPolicy): user policies, or a test's. */
  readonly modules: readonly string[];
}

/** One game index played under every arm, on the same seed. */
export interface GameResult {
  readonly index: number;
  readonly seed: string;
  readonly records: readonly GameRecord[];
}

export type ToWorker = { readonly type: 'run'; readonly indices: readonly number[] };

export type FromWorker =
  | { readonly type: 'ready' }
  | { readonly type: 'fatal'; readonly message: string }
  | { readonly type: 'results'; readonly results: readonly GameResult[]; readonly done: boolean }
  | { readonly type: 'game-error'; readonly index: number; readonly seed: string; readonly message: string; readonly results: readonly GameResult[] };
