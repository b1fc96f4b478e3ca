/**
 * Several arms on the same per-game seeds (common random numbers): every game index is played under
 * each arm by the same worker, so arm B's game i faces the same attack and casualty draws as arm A's
 * wherever the two games have not diverged. Used by compare and sweep.
 */
import { Pool, type PoolStatus } from './pool.ts';
import type { GameResult } from './protocol.ts';
import type { Arm } from './record.ts';

export interface ArmsOptions {
  readonly arms: readonly Arm[];
  readonly runs: number;
  readonly seed: string;
  readonly workers: number;
  readonly modules: readonly string[];
  readonly onResult: (r: GameResult) => void;
  readonly onProgress?: (done: number, total: number) => void;
}

export function startArms(o: ArmsOptions): { stop(): void; done: Promise<PoolStatus> } {
  let cursor = 0;
  let done = 0;
  const chunkSize = Math.max(1, Math.min(64, Math.ceil(o.runs / (Math.max(1, o.workers) * 8))));
  const pool = new Pool({
    setup: { arms: o.arms, seed: o.seed, modules: o.modules },
    workers: Math.min(o.workers, o.runs),
    nextChunk: () => {
      if (cursor >= o.runs) return null;
      const chunk: number[] = [];
      for (; cursor < o.runs && chunk.length < chunkSize; cursor++) chunk.push(cursor);
      return chunk;
    },
    onResults: (results) => {
      for (const r of results) o.onResult(r);
      done += results.length;
      o.onProgress?.(done, o.runs);
    },
  });
  return { stop: () => pool.stop(), done: pool.done };
}
