/**
 * Several arms on the same per-game seeds (common random numbers): every game index is played under
 * each arm by the same worker, so arm B's game i faces the same attack and casualty draws as arm A's
 * wherever the two games have not diverged. Used by compare and sweep.
 */
import type { ParamDistribution } from '../analysis/uncertainty/distribution.ts';
import { Collector } from './collector.ts';
import { Pool, type PoolStatus } from './pool.ts';
import type { Arm } from './record.ts';

export interface ArmsOptions {
  readonly arms: readonly Arm[];
  readonly runs: number;
  readonly seed: string;
  readonly workers: number;
  readonly modules: readonly string[];
  /** Horizon of each arm's scenario (for its per-turn series). */
  readonly turns: readonly number[];
  readonly paired: boolean;
  /** Every arm's game i draws the same parameters from this (then applies its own pins). */
  readonly uncertainty?: ParamDistribution;
  readonly onProgress?: (done: number, total: number) => void;
}

export function startArms(o: ArmsOptions): { stop(): void; done: Promise<PoolStatus>; collector: Collector } {
  const collector = new Collector(o.turns, o.paired);
  let cursor = 0;
  let done = 0;
  const chunkSize = Math.max(1, Math.min(256, Math.ceil(o.runs / (Math.max(1, o.workers) * 8))));
  const pool = new Pool({
    setup: { arms: o.arms, seed: o.seed, modules: o.modules, paired: o.paired, sendRecords: false, ...(o.uncertainty ? { uncertainty: o.uncertainty } : {}) },
    workers: Math.min(o.workers, o.runs),
    nextChunk: () => {
      if (cursor >= o.runs) return null;
      const chunk: number[] = [];
      for (; cursor < o.runs && chunk.length < chunkSize; cursor++) chunk.push(cursor);
      return chunk;
    },
    onChunk: (report) => {
      collector.merge(report.data);
      done += report.games;
      o.onProgress?.(done, o.runs);
    },
  });
  return { stop: () => pool.stop(), done: pool.done, collector };
}
