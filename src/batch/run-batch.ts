/**
 * `brink batch`: N games on per-game seeds, through the worker pool, aggregated as they arrive.
 *
 * Nothing is lost: with `--out FILE.jsonl` each finished game is appended as one whole line (one write
 * call per group of lines, lines never split); records are written in index order through a small
 * reorder buffer (bounded by the chunks in flight), so the file is the same for any --workers. Stopping
 * (Ctrl-C) or a failing game flushes every finished game first. `--resume` reads the file back, checks
 * it belongs to this batch, and plays only the missing indices: aggregation is order-free, so the final
 * JSON equals an uninterrupted run's.
 *
 * With `--shard k/n` the batch plays only its slice of the indices (shard.ts) and `--out` is a part file
 * of exact histograms (part.ts) that `brink merge` adds up to the unsharded batch's very JSON.
 */
import { MODEL_VERSION } from '../model/version.ts';
import { existsSync } from 'node:fs';
import { appendStream, atomicStream, distinctOutputs, outputTarget, type OutputStream, type StdoutWriter } from '../io/output.ts';
import { drawParams, NO_UNCERTAINTY, uncertaintyJson, type ParamDistribution } from '../analysis/uncertainty/distribution.ts';
import type { Scenario } from '../scenario/schema.ts';
import type { Aggregator } from './aggregate.ts';
import { Collector } from './collector.ts';
import type { BatchSpec } from './contract.ts';
import { gamesCsvHeader, gamesCsvRows, turnsCsvHeader, turnsCsvRows, type CsvContext } from './csv.ts';
import { BatchInputError } from './input-error.ts';
import { partHeader, shardInfo, type PartOptions } from './part.ts';
import type { PoolFailure } from './pool.ts';
import type { ChunkReport } from './protocol.ts';
import type { GameRecord } from './record.ts';
import { readPrevious, ResumeError } from './resume.ts';
import { startArms } from './run-arms.ts';
import { shardRange, type IndexRange, type Shard } from './shard.ts';

export { BatchInputError };

export const BATCH_FORMAT = 'brink.batch/1';

export interface BatchOptions extends PartOptions {
  readonly scenario: Scenario;
  /** The scenario as given (ID or path): workers load it themselves. */
  readonly scenarioArg: string;
  readonly runs: number;
  readonly seed: string;
  readonly us: string;
  readonly iran: string;
  readonly params: Readonly<Record<string, number>>;
  readonly workers: number;
  readonly modules: readonly string[];
  /** What each game's parameters are drawn from (--uncertainty); absent: the point values (dice only). */
  readonly uncertainty?: ParamDistribution;
  /** One row per game (csv.ts). */
  readonly csv?: string;
  /** One row per game and turn: the long table of the per-turn series (csv.ts). */
  readonly csvTurns?: string;
  /** Where `-` (standard output) as --out, --csv or --csv-turns writes; process.stdout by default. */
  readonly stdout?: StdoutWriter;
  readonly onProgress?: (done: number, total: number) => void;
}

export interface BatchRun {
  /** Ends the batch early (Ctrl-C): finished games are kept and summarised. */
  stop(): void;
  readonly done: Promise<BatchResult>;
}

export interface BatchResult {
  readonly status: 'complete' | 'stopped' | 'failed';
  readonly failure?: PoolFailure;
  readonly json: BatchJsonOut;
  /** Games read back from --out on --resume. */
  readonly resumed: number;
  readonly aggregator: Aggregator;
}

export type BatchJsonOut = ReturnType<typeof batchJson>;

export function batchSpec(o: Pick<BatchOptions, 'scenario' | 'runs' | 'seed' | 'us' | 'iran' | 'params' | 'uncertainty'>): BatchSpec {
  const { id, hash, turns, daysPerTurn } = o.scenario;
  return {
    scenario: { id, hash, turns, daysPerTurn },
    runs: o.runs,
    seed: o.seed,
    policies: { us: o.us, iran: o.iran },
    params: { ...o.params },
    uncertainty: uncertaintyJson(o.uncertainty ?? NO_UNCERTAINTY),
  };
}

/**
 * brink.batch/1 from the spec and the games aggregated so far (a run's, a shard's or a merge's). A
 * shard's report asks for its slice of the games, and says which shard it is.
 */
export function batchJson(of: BatchSpec | BatchOptions, agg: Aggregator, complete: boolean, shard?: { shard: Shard; range: IndexRange }) {
  const spec = 'policies' in of ? of : batchSpec(of);
  const r = agg.result();
  return {
    schema: BATCH_FORMAT,
    model: MODEL_VERSION,
    scenario: { id: spec.scenario.id, hash: spec.scenario.hash },
    runs: r.runs,
    requested: shard ? shard.range.to - shard.range.from : spec.runs,
    complete,
    seed: spec.seed,
    gameSeeds: '{seed}:{index}' as const,
    policies: { us: spec.policies.us, iran: spec.policies.iran },
    params: { ...spec.params },
    uncertainty: spec.uncertainty,
    turns: spec.scenario.turns,
    daysPerTurn: spec.scenario.daysPerTurn,
    outcomes: r.outcomes,
    metrics: r.metrics,
    series: r.series,
    ...(shard ? shardInfo(shard.shard, shard.range) : {}),
  };
}

/** What every CSV row of this batch says about where it came from (csv.ts). */
function csvContext(o: BatchOptions): CsvContext {
  const dist = o.uncertainty ?? NO_UNCERTAINTY;
  // With --uncertainty each game draws every uncertain parameter: each gets a column, beside the overrides.
  const drawn = dist.kind === 'none' ? [] : Object.keys(dist.priors);
  return {
    model: MODEL_VERSION,
    batchSeed: o.seed,
    uncertainty: dist.kind,
    distribution: uncertaintyJson(dist).distribution,
    start: o.scenario.start,
    params: [...new Set([...Object.keys(o.params), ...drawn])].sort(),
  };
}

export function startBatch(o: BatchOptions): BatchRun {
  const spec = batchSpec(o);
  const range = shardRange(o.runs, o.shard);
  /** A shard's --out is a part file for `brink merge`; an unsharded batch's holds one record per game. */
  const partMode = o.shard !== undefined;
  const collector = new Collector([o.scenario.turns], false);
  const agg = collector.arms[0]!;
  const finished = new Uint8Array(o.runs);
  const stdout: StdoutWriter = o.stdout ?? ((s) => process.stdout.write(s));
  /** The CSV tables being written (--csv, --csv-turns), each with the rows a game adds to it. */
  let tables: { readonly out: OutputStream; readonly rows: (r: GameRecord) => string[] }[] = [];
  let outOut: OutputStream | undefined;
  let resumed = 0;

  /** Closes the outputs: kept (the CSVs renamed over their targets) or, on an error before any game, dropped. */
  const closeFiles = (keep: boolean) => {
    const files = [outOut, ...tables.map((t) => t.out)];
    outOut = undefined;
    tables = [];
    let firstError: unknown;
    for (const f of files) {
      try {
        if (keep) f?.commit();
        else f?.abort();
      } catch (err) {
        firstError ??= err;
      }
    }
    if (firstError !== undefined) throw firstError;
  };

  try {
    if (o.resume && !o.out) throw new BatchInputError('--resume needs --out FILE.jsonl (the file to continue)');
    const csvFlag = o.csv !== undefined ? '--csv' : o.csvTurns !== undefined ? '--csv-turns' : undefined;
    if (partMode && o.resume && csvFlag) {
      throw new BatchInputError(
        `${csvFlag} cannot be combined with --shard and --resume: a part file keeps the games' histograms, not the games, so the CSV would lack the games played before`,
      );
    }
    // Every output is checked before anything is read, written or played (a part file by part.ts).
    const csvTarget = o.csv !== undefined ? outputTarget('--csv', o.csv) : undefined;
    const turnsTarget = o.csvTurns !== undefined ? outputTarget('--csv-turns', o.csvTurns) : undefined;
    if (partMode && o.out !== undefined) distinctOutputs([outputTarget('--out', o.out), csvTarget, turnsTarget]);
    const outTarget = o.out !== undefined && !partMode ? outputTarget('--out', o.out) : undefined;
    distinctOutputs([outTarget, csvTarget, turnsTarget]);
    if (outTarget?.kind === 'stdout' && o.resume)
      throw new BatchInputError('--resume reads the --out file back; standard output cannot be resumed');
    const exists = outTarget?.kind === 'file' && existsSync(outTarget.path);
    if (exists && !o.resume)
      throw new BatchInputError(`${o.out} already exists: pass --resume to continue that batch, or choose another file`);
    const context = csvContext(o);
    for (const [target, header, rows] of [
      [csvTarget, gamesCsvHeader, gamesCsvRows],
      [turnsTarget, turnsCsvHeader, turnsCsvRows],
    ] as const) {
      if (!target) continue;
      const out = atomicStream(target, stdout);
      tables.push({ out, rows: (r) => rows(context, r) });
      out.write(`${header(context)}\n`);
    }
    /** Rows waiting to be written, one list per table. */
    const pending = (): string[][] => tables.map(() => []);
    const addRows = (r: GameRecord, rows: string[][]) => tables.forEach((t, i) => rows[i]!.push(...t.rows(r)));
    /** A record read back from --out: aggregated here (the workers aggregate the games they play). */
    const take = (r: GameRecord, rows: string[][]) => {
      agg.add(r);
      addRows(r, rows);
    };
    if (outTarget && exists) {
      const rows = pending();
      let n = 0;
      const dist = o.uncertainty;
      const identity = {
        model: MODEL_VERSION,
        runs: o.runs,
        seed: o.seed,
        scenarioHash: o.scenario.hash,
        us: o.us,
        iran: o.iran,
        params: o.params,
        turns: o.scenario.turns,
        // With --uncertainty a game's parameters are its draw: the same distribution redraws them exactly.
        ...(dist && dist.kind !== 'none' ? { paramsOf: (index: number) => drawParams(dist, o.seed, index, o.params) } : {}),
      };
      try {
        resumed = readPrevious(outTarget.kind === 'file' ? outTarget.path : o.out!, identity, finished, (r) => {
          take(r, rows);
          if (++n % 1000 === 0) flushCsv(rows);
        });
      } catch (err) {
        if (err instanceof ResumeError) throw new BatchInputError(err.message);
        throw err;
      }
      flushCsv(rows);
    }
    if (outTarget) outOut = appendStream(outTarget, stdout);
    function flushCsv(rows: string[][]): void {
      tables.forEach((t, i) => {
        if (rows[i]!.length > 0) t.out.write(`${rows[i]!.join('\n')}\n`);
        rows[i]!.length = 0;
      });
    }

    // Records are written in index order; `expected` is the next one to write.
    const sendRecords = outOut !== undefined || tables.length > 0;
    let expected = range.from;
    const advance = () => {
      while (expected < range.to && finished[expected]) expected++;
    };
    advance();
    const buffer = new Map<number, GameRecord>();
    /** Writes finished games' records: whole lines, one write call per group. */
    const emit = (records: readonly GameRecord[]) => {
      if (records.length === 0) return;
      const rows = pending();
      let lines = '';
      for (const r of records) {
        addRows(r, rows);
        if (outOut !== undefined) lines += `${JSON.stringify(r)}\n`;
      }
      outOut?.write(lines);
      flushCsv(rows);
    };
    /** A write that fails mid-batch (a full disk) stops the batch; the error is reported at the end. */
    let writeError: unknown;
    const onChunk = (report: ChunkReport) => {
      if (!sendRecords) return;
      if (writeError !== undefined) return;
      for (const r of report.records) buffer.set(r.index, r);
      const ready: GameRecord[] = [];
      while (buffer.has(expected)) {
        ready.push(buffer.get(expected)!);
        buffer.delete(expected);
        finished[expected] = 1;
        advance();
      }
      try {
        emit(ready);
      } catch (err) {
        writeError = err;
        run.stop();
      }
    };
    /** On a stop or a failure: the games finished out of order are still finished games. */
    const flushBuffer = () => {
      const rest = [...buffer.keys()].sort((a, b) => a - b).map((i) => buffer.get(i)!);
      for (const r of rest) finished[r.index] = 1;
      buffer.clear();
      if (writeError === undefined) emit(rest);
    };

    const arm = { scenario: o.scenarioArg, us: o.us, iran: o.iran, params: o.params };
    const run = startArms({
      arms: [arm],
      scenarios: [o.scenario],
      paired: false,
      runs: o.runs,
      seed: o.seed,
      workers: o.workers,
      modules: o.modules,
      range,
      collector,
      skip: finished,
      sendRecords,
      onChunk,
      ...(o.uncertainty ? { uncertainty: o.uncertainty } : {}),
      ...(partMode && o.out !== undefined
        ? { part: { path: o.out, resume: o.resume ?? false, stdout, header: partHeader('batch', spec, o.shard, range, o.scenarioArg) } }
        : {}),
      ...(o.onProgress ? { onProgress: o.onProgress } : {}),
    });
    if (partMode) resumed = run.resumed;
    const result = run.done.then(
      (s): BatchResult => {
        try {
          flushBuffer();
        } catch (err) {
          writeError ??= err;
        }
        if (writeError !== undefined) {
          try {
            closeFiles(false);
          } catch {
            // The write error below is the one to report.
          }
          throw writeError;
        }
        const complete = s.status === 'complete';
        closeFiles(true);
        return {
          status: s.status,
          ...(s.status === 'failed' ? { failure: s.failure } : {}),
          json: batchJson(spec, agg, complete && agg.n === range.to - range.from, o.shard ? { shard: o.shard, range } : undefined),
          resumed,
          aggregator: agg,
        };
      },
      (err: unknown) => {
        try {
          closeFiles(true);
        } catch {
          // The pool's error is the one to report.
        }
        throw err;
      },
    );
    return { stop: run.stop, done: result };
  } catch (err) {
    closeFiles(false);
    throw err;
  }
}
