/**
 * Part files (brink.part/1, see contract.ts): what a sharded run, and compare or sweep with --out,
 * writes so that its games are never lost and can be merged. The header line names the run; each later
 * line is one finished chunk of games with its exact integer histograms, written whole with one write
 * call. Lines may come in any order (aggregation is order-free). Reading a part back serves two
 * purposes: --resume (play only the missing games) and `brink merge` (add the shards up).
 */
import { closeSync, ftruncateSync, openSync } from 'node:fs';
import { guarded } from '../io/errors.ts';
import { appendStream, outputTarget, type OutputStream, type StdoutWriter } from '../io/output.ts';
import { MiB, readTextFile } from '../io/read.ts';
import type { CollectorData } from './collector.ts';
import { PART_FORMAT, PartChunkSchema, PartHeaderSchema, type PartChunk, type PartHeader } from './contract.ts';
import { BatchInputError } from './input-error.ts';
import { MODEL_VERSION } from '../model/version.ts';
import type { IndexRange, Shard } from './shard.ts';

export interface PartContents {
  readonly path: string;
  readonly header: PartHeader;
  readonly chunks: readonly PartChunk[];
  /** Per index of the header's slice (offset by games.from): 1 when a chunk holds that game. */
  readonly finished: Uint8Array;
  readonly games: number;
}

/** Ascending indices as [from, to) ranges: a chunk is usually one range. */
export function indexRanges(indices: readonly number[]): [number, number][] {
  const out: [number, number][] = [];
  for (const i of indices) {
    const last = out[out.length - 1];
    if (last && last[1] === i) last[1] = i + 1;
    else out.push([i, i + 1]);
  }
  return out;
}

/**
 * The first place two JSON values differ, as "path: a, not b" (for messages that say which setting a
 * part file disagrees on), or undefined when they are equal.
 */
export function firstDifference(a: unknown, b: unknown, path = ''): string | undefined {
  if (typeof a === 'object' && a !== null && typeof b === 'object' && b !== null && Array.isArray(a) === Array.isArray(b)) {
    const ka = Object.keys(a);
    const kb = Object.keys(b);
    for (const k of [...new Set([...ka, ...kb])]) {
      const d = firstDifference((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], path ? `${path}.${k}` : k);
      if (d) return d;
    }
    if (ka.join('\u0000') !== kb.join('\u0000')) return `${path || 'the keys'}: keys in another order`;
    return undefined;
  }
  return Object.is(a, b) ? undefined : `${path || 'value'} ${JSON.stringify(a)}, not ${JSON.stringify(b)}`;
}

/**
 * Reads a part file. A last line without its newline (the process was killed mid-write) is not a
 * finished chunk: it is ignored, and with `repair` cut off so that appending can go on.
 */
export function readPart(path: string, { repair = false } = {}): PartContents {
  // Histograms per chunk of up to 256 games: a part of a billion games is still far below this.
  const text = readTextFile(path, { what: 'part file', maxBytes: 1024 * MiB });
  const notPart = `${path}:1: not a ${PART_FORMAT} file (written by brink batch/compare/sweep --shard k/n --out FILE, or compare/sweep --out FILE)`;
  const end = text.endsWith('\n') ? text.length : text.lastIndexOf('\n') + 1;
  const lines = text.slice(0, end).split('\n');
  lines.pop(); // after the last newline
  if (lines.length === 0) throw new BatchInputError(notPart);
  const parse = (line: string, lineNo: number): unknown => {
    try {
      return JSON.parse(line);
    } catch {
      throw new BatchInputError(lineNo === 1 ? notPart : `${path}:${lineNo}: not a JSON line`);
    }
  };
  const h = PartHeaderSchema.safeParse(parse(lines[0]!, 1));
  if (!h.success) {
    const issue = h.error.issues[0]!;
    throw new BatchInputError(issue.path[0] === 'schema' ? notPart : `${path}:1: ${issue.path.join('.') || 'header'}: ${issue.message}`);
  }
  const header = h.data;
  const { from, to } = header.games;
  if (header.shard.index >= header.shard.count || to < from)
    throw new BatchInputError(`${path}:1: shard ${header.shard.index}/${header.shard.count} with games ${from}–${to} makes no sense`);
  const finished = new Uint8Array(to - from);
  const chunks: PartChunk[] = [];
  let games = 0;
  lines.slice(1).forEach((line, i) => {
    const lineNo = i + 2;
    if (line.trim() === '') return;
    const c = PartChunkSchema.safeParse(parse(line, lineNo));
    if (!c.success) {
      const issue = c.error.issues[0]!;
      throw new BatchInputError(`${path}:${lineNo}: ${issue.path.join('.')}: ${issue.message}`);
    }
    const chunk = c.data;
    let n = 0;
    for (const [a, b] of chunk.indices) {
      if (a < from || b > to || b <= a)
        throw new BatchInputError(`${path}:${lineNo}: games ${a}–${b - 1} are outside this shard's games ${from}–${to - 1}`);
      for (let k = a; k < b; k++) {
        if (finished[k - from]) throw new BatchInputError(`${path}:${lineNo}: game ${k} is counted twice`);
        finished[k - from] = 1;
      }
      n += b - a;
    }
    if (n !== chunk.games || chunk.data.arms.some((arm) => arm.n !== n))
      throw new BatchInputError(`${path}:${lineNo}: the chunk's game counts disagree (${n} indices, ${chunk.games} games)`);
    games += n;
    chunks.push(chunk);
  });
  // Only now, the file shown to be a part: a last line cut short by a kill is dropped.
  if (repair && end < text.length) {
    guarded(`--out: cannot repair '${path}'`, () => {
      const fd = openSync(path, 'r+');
      try {
        ftruncateSync(fd, Buffer.byteLength(text.slice(0, end), 'utf8'));
      } finally {
        closeSync(fd);
      }
    });
  }
  return { path, header, chunks, finished, games };
}

/** Appends finished chunks to a part file, each as one whole line. */
export class PartWriter {
  private constructor(private out: OutputStream | undefined) {}

  /**
   * Starts a part file, or with `resume` continues one: its header must name this very run and shard;
   * its finished chunks are handed back to be counted and skipped.
   */
  static open(
    path: string,
    header: PartHeader,
    resume: boolean,
    stdout: StdoutWriter = (s) => process.stdout.write(s),
  ): { writer: PartWriter; previous?: PartContents } {
    const target = outputTarget('--out', path);
    if (target.kind === 'stdout') {
      if (resume) throw new BatchInputError('--resume reads the --out file back; standard output cannot be resumed');
      const writer = new PartWriter(appendStream(target, stdout));
      writer.out!.write(`${JSON.stringify(header)}\n`);
      return { writer };
    }
    if (target.exists) {
      if (!resume) throw new BatchInputError(`${path} already exists: pass --resume to continue that run, or choose another file`);
      const previous = readPart(path, { repair: true });
      const h = previous.header;
      const diff =
        h.command !== header.command
          ? `command ${h.command}, not ${header.command}`
          : h.model !== header.model
            ? `model ${h.model}, not ${header.model} (it was played by another version of Brink)`
            : (firstDifference(h.spec, header.spec) ??
              firstDifference({ shard: h.shard, games: h.games }, { shard: header.shard, games: header.games }));
      if (diff) throw new BatchInputError(`${path} belongs to another run, so --resume cannot continue it: it has ${diff}`);
      return { writer: new PartWriter(appendStream(target, stdout)), previous };
    }
    const writer = new PartWriter(appendStream(target, stdout));
    writer.out!.write(`${JSON.stringify(header)}\n`);
    return { writer };
  }

  append(indices: readonly number[], data: CollectorData): void {
    if (this.out === undefined || indices.length === 0) return;
    const chunk: PartChunk = { indices: indexRanges(indices), games: indices.length, data: data as PartChunk['data'] };
    this.out.write(`${JSON.stringify(chunk)}\n`);
  }

  close(): void {
    const out = this.out;
    this.out = undefined;
    out?.commit();
  }
}

export function partHeader(
  command: PartHeader['command'],
  spec: object,
  shard: Shard | undefined,
  games: IndexRange,
  scenarioArg: string,
): PartHeader {
  return {
    schema: PART_FORMAT,
    command,
    model: MODEL_VERSION,
    spec: spec as Record<string, unknown>,
    shard: shard ?? { index: 0, count: 1 },
    games: { from: games.from, to: games.to },
    scenarioArg,
  };
}

/** Where a run's games go besides its report: a shard's slice, and a part file (--out, --resume). */
export interface PartOptions {
  readonly shard?: Shard;
  readonly out?: string;
  readonly resume?: boolean;
  /** Where `--out -` writes; process.stdout by default. */
  readonly stdout?: StdoutWriter;
}

/** The `shard` field of a shard's own report (not of a whole run's). */
export function shardInfo(
  shard: Shard | undefined,
  range: IndexRange,
): { shard?: { index: number; count: number; from: number; to: number } } {
  return shard ? { shard: { index: shard.index, count: shard.count, from: range.from, to: range.to } } : {};
}
