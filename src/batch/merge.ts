/**
 * `brink merge`: adds up the part files of a sharded run into the report the unsharded run prints, to
 * the byte: every part holds exact integer histograms, and the report is rendered from the same spec by
 * the same function. Parts that do not belong together are refused, naming the file and the setting:
 * another command, scenario, seed, policy, parameter or number of games; another number of shards; two
 * parts of the same shard; a missing shard; a shard that did not finish; parts played by another model
 * version (package version + rules hash) than each other or than this Brink.
 */
import type { Aggregator } from './aggregate.ts';
import { Collector } from './collector.ts';
import { compareJson, type CompareJsonOut } from './compare.ts';
import {
  BatchSpecSchema,
  CompareSpecSchema,
  SweepSpecSchema,
  type BatchSpec,
  type CompareSpec,
  type PartChunk,
  type SweepSpec,
} from './contract.ts';
import { BatchInputError } from './input-error.ts';
import { MODEL_VERSION } from '../model/version.ts';
import { firstDifference, readPart, type PartContents } from './part.ts';
import { batchJson, type BatchJsonOut } from './run-batch.ts';
import { shardRange } from './shard.ts';
import { sweepJson, type SweepJsonOut } from './sweep.ts';

export type Merged =
  | {
      readonly command: 'batch';
      readonly spec: BatchSpec;
      readonly json: BatchJsonOut;
      readonly aggregator: Aggregator;
      readonly scenarioArg: string;
    }
  | { readonly command: 'compare'; readonly spec: CompareSpec; readonly json: CompareJsonOut; readonly scenarioArg: string }
  | { readonly command: 'sweep'; readonly spec: SweepSpec; readonly json: SweepJsonOut; readonly scenarioArg: string };

const SPEC_SCHEMAS = { batch: BatchSpecSchema, compare: CompareSpecSchema, sweep: SweepSpecSchema } as const;

const shardName = (p: PartContents) => `shard ${p.header.shard.index}/${p.header.shard.count}`;

/** The horizon of each arm, and whether arms are paired, for a run's collector. */
function layout(command: keyof typeof SPEC_SCHEMAS, spec: BatchSpec | CompareSpec | SweepSpec): { turns: number[]; paired: boolean } {
  if (command === 'batch') return { turns: [(spec as BatchSpec).scenario.turns], paired: false };
  if (command === 'compare') return { turns: [(spec as CompareSpec).turns, (spec as CompareSpec).turns], paired: true };
  const s = spec as SweepSpec;
  return { turns: Array.from({ length: 1 + s.params.reduce((n, p) => n + p.values.length, 0) }, () => s.turns), paired: false };
}

/** A chunk that fits the run's layout (so that merging it cannot misplace a count). */
function checkChunk(path: string, c: PartChunk, turns: readonly number[], paired: boolean): void {
  const bad = (why: string) => new BatchInputError(`${path}: a chunk of games ${c.indices[0]?.[0]}… does not fit this run: ${why}`);
  if (c.data.arms.length !== turns.length) throw bad(`${c.data.arms.length} arms, expected ${turns.length}`);
  if (c.data.diffs.length !== (paired ? turns.length - 1 : 0)) throw bad('paired differences do not match the arms');
  c.data.arms.forEach((arm, i) => {
    for (const series of [arm.perTurn, arm.cumulative]) {
      for (const [name, perTurn] of Object.entries(series))
        if (perTurn.length !== turns[i]) throw bad(`series ${name} has ${perTurn.length} turns, expected ${turns[i]}`);
    }
  });
}

export function mergeParts(paths: readonly string[]): Merged {
  if (paths.length === 0) throw new BatchInputError('merge needs at least one part file');
  const parts = paths.map((p) => readPart(p));
  const first = parts[0]!;
  const command = first.header.command;
  for (const p of parts.slice(1)) {
    if (p.header.model !== first.header.model) {
      throw new BatchInputError(
        `${p.path} was played by model ${p.header.model}, but ${first.path} by model ${first.header.model}: parts of different model versions do not merge (play every shard with one version of Brink)`,
      );
    }
    if (p.header.command !== command)
      throw new BatchInputError(
        `${p.path} is a part of a ${p.header.command} run, but ${first.path} of a ${command} run: they do not merge`,
      );
    const diff = firstDifference(p.header.spec, first.header.spec);
    if (diff)
      throw new BatchInputError(`${p.path} does not belong with ${first.path}: they are parts of different runs (${p.path} has ${diff})`);
    if (p.header.shard.count !== first.header.shard.count) {
      throw new BatchInputError(
        `${p.path} is ${shardName(p)} but ${first.path} is ${shardName(first)}: the runs were split into different numbers of shards`,
      );
    }
  }
  // The merged report is rendered here and carries this model's version: it must be the parts' model.
  if (first.header.model !== MODEL_VERSION) {
    throw new BatchInputError(
      `${first.path} was played by model ${first.header.model}, but this Brink is model ${MODEL_VERSION}: merge with the version of Brink that played the shards`,
    );
  }
  const parsed = SPEC_SCHEMAS[command].safeParse(first.header.spec);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new BatchInputError(`${first.path}:1: spec.${issue.path.join('.')}: ${issue.message}`);
  }
  const spec = parsed.data;
  const count = first.header.shard.count;
  const byIndex = new Map<number, PartContents>();
  for (const p of parts) {
    const other = byIndex.get(p.header.shard.index);
    if (other) throw new BatchInputError(`${other.path} and ${p.path} are both ${shardName(p)}: overlapping parts (give each shard once)`);
    byIndex.set(p.header.shard.index, p);
    const want = shardRange(spec.runs, p.header.shard);
    const { from, to } = p.header.games;
    if (from !== want.from || to !== want.to)
      throw new BatchInputError(
        `${p.path}: ${shardName(p)} of ${spec.runs} games should hold games ${want.from}–${want.to - 1}, not ${from}–${to - 1}`,
      );
    if (p.games !== to - from) {
      throw new BatchInputError(
        `${p.path}: ${shardName(p)} is incomplete: ${p.games} of its ${to - from} games finished; finish it by running the same command again with --resume`,
      );
    }
  }
  const missing = Array.from({ length: count }, (_, i) => i).filter((i) => !byIndex.has(i));
  if (missing.length > 0) {
    const shown = missing.slice(0, 10).join(', ') + (missing.length > 10 ? ', …' : '');
    throw new BatchInputError(
      `missing ${missing.length === 1 ? 'shard' : 'shards'} ${shown} of ${count} (shards are numbered 0 to ${count - 1}); the parts given are ${[...byIndex.keys()].sort((a, b) => a - b).join(', ')}`,
    );
  }

  const { turns, paired } = layout(command, spec);
  const collector = new Collector(turns, paired);
  for (const p of parts) {
    for (const c of p.chunks) {
      checkChunk(p.path, c, turns, paired);
      collector.merge(c.data);
    }
  }
  const scenarioArg = first.header.scenarioArg;
  if (command === 'batch') {
    const s = spec as BatchSpec;
    const agg = collector.arms[0]!;
    return { command, spec: s, json: batchJson(s, agg, agg.n === s.runs), aggregator: agg, scenarioArg };
  }
  if (command === 'compare') {
    const c = spec as CompareSpec;
    return { command, spec: c, json: compareJson(c, collector, collector.arms[0]!.n === c.runs), scenarioArg };
  }
  return { command, spec: spec as SweepSpec, json: sweepJson(spec as SweepSpec, collector.arms), scenarioArg };
}
