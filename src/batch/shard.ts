/**
 * Sharding a Monte Carlo run across processes or machines: shard k of n plays the fixed, contiguous
 * slice of game indices [⌊k·runs/n⌋, ⌊(k+1)·runs/n⌋). The slices are disjoint and cover every index
 * once, and a game's seed depends only on its index (seeds.ts), so the shards' merged histograms equal
 * the unsharded run's exactly. Shards are numbered from 0, as Kubernetes' JOB_COMPLETION_INDEX is.
 */
import { BatchInputError } from './input-error.ts';

export interface Shard {
  readonly index: number;
  readonly count: number;
}

export interface IndexRange {
  readonly from: number;
  /** Exclusive. */
  readonly to: number;
}

/** The environment variables a scheduler sets to a task's index: Kubernetes Indexed Jobs, Slurm job arrays. */
export const SHARD_INDEX_ENV = ['JOB_COMPLETION_INDEX', 'SLURM_ARRAY_TASK_ID'] as const;

const WHOLE = /^\d+$/;

/**
 * `--shard k/n`, or `--shard n` with k read from JOB_COMPLETION_INDEX or SLURM_ARRAY_TASK_ID (what a
 * Kubernetes Indexed Job or a Slurm array sets in each task).
 */
export function parseShard(raw: string, env: Readonly<Record<string, string | undefined>> = process.env): Shard {
  const slash = raw.indexOf('/');
  const countRaw = slash < 0 ? raw : raw.slice(slash + 1);
  if (!WHOLE.test(countRaw.trim())) throw new BatchInputError(`--shard expects k/n (shard k of n, counted from 0) or n, got '${raw}'`);
  const count = Number(countRaw);
  if (count < 1 || count > 100_000) throw new BatchInputError(`--shard: the number of shards must be between 1 and 100000, got ${count}`);
  let index: number;
  let source: string;
  if (slash >= 0) {
    const k = raw.slice(0, slash).trim();
    if (!WHOLE.test(k)) throw new BatchInputError(`--shard expects k/n (shard k of n, counted from 0), got '${raw}'`);
    index = Number(k);
    source = '--shard';
  } else {
    const name = SHARD_INDEX_ENV.find((v) => env[v] !== undefined && env[v] !== '');
    if (!name) {
      throw new BatchInputError(
        `--shard ${raw}: no shard index; write --shard k/${count}, or set ${SHARD_INDEX_ENV.join(' or ')} (Kubernetes Indexed Jobs and Slurm arrays do)`,
      );
    }
    const v = env[name]!.trim();
    if (!WHOLE.test(v)) throw new BatchInputError(`--shard: ${name} must be a whole number, got '${env[name]}'`);
    index = Number(v);
    source = name;
  }
  if (index >= count)
    throw new BatchInputError(
      `--shard: shard index ${index} (from ${source}) must be below the number of shards, ${count}: shards are numbered 0 to ${count - 1}`,
    );
  return { index, count };
}

export function shardRange(runs: number, shard: Shard | undefined): IndexRange {
  if (!shard) return { from: 0, to: runs };
  if (shard.count > runs)
    throw new BatchInputError(`--shard: ${shard.count} shards for ${runs} games would leave shards without a game; use at most ${runs}`);
  return { from: Math.floor((shard.index * runs) / shard.count), to: Math.floor(((shard.index + 1) * runs) / shard.count) };
}
