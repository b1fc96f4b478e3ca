/**
 * `brink batch`: N games on per-game seeds, through the worker pool, aggregated as they arrive.
 *
 * Nothing is lost: with `--out FILE.jsonl` each finished game is appended as one whole line (one write
 * call per group of lines, lines never split); records are written in index order through a small
 * reorder buffer (bounded by the chunks in flight), so the file is the same for any --workers. Stopping
 * (Ctrl-C) or a failing game flushes every finished game first. `--resume` reads the file back, checks
 * it belongs to this batch, and plays only the missing indices: aggregation is order-free, so the final
 * JSON equals an uninterrupted run's.
 */
import { existsSync } from 'node:fs';
import { appendStream, atomicStream, distinctOutputs, outputTarget, type OutputStream, type StdoutWriter } from '../io/output.ts';
import { drawParams, NO_UNCERTAINTY, uncertaintyJson, type ParamDistribution } from '../analysis/uncertainty/distribution.ts';
import type { Scenario } from '../scenario/schema.ts';
import { Aggregator } from './aggregate.ts';
import { CSV_HEADER, csvRow } from './csv.ts';
import { Pool, type PoolFailure } from './pool.ts';
import type { ChunkReport } from './protocol.ts';
import type { GameRecord } from './record.ts';
import { readPrevious, ResumeError } from './resume.ts';
import { MODEL_VERSION } from '../model/version.ts';

export const BATCH_FORMAT = 'brink.batch/1';

/** A problem with the batch's input the user can fix (the CLI exits 2). */
export class BatchInputError extends Error {
  override readonly name = 'BatchInputError';
}

export interface BatchOptions {
  readonly scenario: Scenario;
  /** The scenario as given (ID or path): workers load it themselves. */
  readonly scenarioArg: string;
  readonly runs: number;
  readonly seed: string;
  readonly us: string;
  readonly iran: string;
  readonly params: Readonly<Record<string, number>>;
  /** What each game's parameters are drawn from (--uncertainty); absent: the point values (dice only). */
  readonly uncertainty?: ParamDistribution;
  readonly workers: number;
  readonly modules: readonly string[];
  readonly out?: string;
  readonly resume?: boolean;
  readonly csv?: string;
  /** Where `-` (standard output) as --out or --csv writes; process.stdout by default. */
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

export function batchJson(o: BatchOptions, agg: Aggregator, complete: boolean) {
  const r = agg.result();
  return {
    schema: BATCH_FORMAT,
    model: MODEL_VERSION,
    scenario: { id: o.scenario.id, hash: o.scenario.hash },
    runs: r.runs,
    requested: o.runs,
    complete,
    seed: o.seed,
    gameSeeds: '{seed}:{index}' as const,
    policies: { us: o.us, iran: o.iran },
    params: { ...o.params },
    uncertainty: uncertaintyJson(o.uncertainty ?? NO_UNCERTAINTY),
    turns: o.scenario.turns,
    daysPerTurn: o.scenario.daysPerTurn,
    outcomes: r.outcomes,
    metrics: r.metrics,
    series: r.series,
  };
}

export function startBatch(o: BatchOptions): BatchRun {
  const agg = new Aggregator(o.scenario.turns);
  const finished = new Uint8Array(o.runs);
  const stdout: StdoutWriter = o.stdout ?? ((s) => process.stdout.write(s));
  let csvOut: OutputStream | undefined;
  let outOut: OutputStream | undefined;
  let resumed = 0;

  /** Closes the outputs: kept (the CSV renamed over its target) or, on an error before any game, dropped. */
  const closeFiles = (keep: boolean) => {
    const files = [outOut, csvOut];
    outOut = csvOut = undefined;
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
    // Every output is checked before anything is read, written or played.
    const outTarget = o.out !== undefined ? outputTarget('--out', o.out) : undefined;
    const csvTarget = o.csv !== undefined ? outputTarget('--csv', o.csv) : undefined;
    distinctOutputs([outTarget, csvTarget]);
    if (outTarget?.kind === 'stdout' && o.resume) throw new BatchInputError('--resume reads the --out file back; standard output cannot be resumed');
    const exists = outTarget?.kind === 'file' && existsSync(outTarget.path);
    if (exists && !o.resume) throw new BatchInputError(`${o.out} already exists: pass --resume to continue that batch, or choose another file`);
    if (csvTarget) {
      csvOut = atomicStream(csvTarget, stdout);
      csvOut.write(`${CSV_HEADER}\n`);
    }
    /** A record read back from --out: aggregated here (the workers aggregate the games they play). */
    const take = (r: GameRecord, csvLines: string[]) => {
      agg.add(r);
      if (csvOut !== undefined) csvLines.push(csvRow(r));
    };
    if (outTarget && exists) {
      const lines: string[] = [];
      const dist = o.uncertainty;
      const identity = {
        runs: o.runs, seed: o.seed, scenarioHash: o.scenario.hash, us: o.us, iran: o.iran, params: o.params, turns: o.scenario.turns,
        // With --uncertainty a game's parameters are its draw: the same distribution redraws them exactly.
        ...(dist && dist.kind !== 'none' ? { paramsOf: (index: number) => drawParams(dist, o.seed, index, o.params) } : {}),
      };
      try {
        resumed = readPrevious(outTarget.kind === 'file' ? outTarget.path : o.out!, identity, finished, (r) => {
          take(r, lines);
          if (lines.length >= 1000) flushCsv(lines);
        });
      } catch (err) {
        if (err instanceof ResumeError) throw new BatchInputError(err.message);
        throw err;
      }
      flushCsv(lines);
    }
    if (outTarget) outOut = appendStream(outTarget, stdout);
    function flushCsv(lines: string[]): void {
      if (csvOut !== undefined && lines.length > 0) csvOut.write(`${lines.join('\n')}\n`);
      lines.length = 0;
    }

    // Indices still to play, handed out in ascending chunks; `expected` is the next one to write.
    let cursor = 0;
    const remaining = o.runs - resumed;
    const chunkSize = Math.max(1, Math.min(256, Math.ceil(remaining / (Math.max(1, o.workers) * 8))));
    const nextChunk = (): number[] | null => {
      const chunk: number[] = [];
      while (cursor < o.runs && chunk.length < chunkSize) {
        if (!finished[cursor]) chunk.push(cursor);
        cursor++;
      }
      return chunk.length > 0 ? chunk : null;
    };
    const sendRecords = outOut !== undefined || csvOut !== undefined;
    let expected = 0;
    const advance = () => {
      while (expected < o.runs && finished[expected]) expected++;
    };
    advance();
    const buffer = new Map<number, GameRecord>();
    let done = resumed;
    /** Writes finished games' records: whole lines, one write call per group. */
    const emit = (records: readonly GameRecord[]) => {
      if (records.length === 0) return;
      const csvLines: string[] = [];
      let lines = '';
      for (const r of records) {
        if (csvOut !== undefined) csvLines.push(csvRow(r));
        lines += `${JSON.stringify(r)}\n`;
      }
      outOut?.write(lines);
      flushCsv(csvLines);
    };
    /** A write that fails mid-batch (a full disk) stops the batch; the error is reported at the end. */
    let writeError: unknown;
    const onChunk = (report: ChunkReport) => {
      agg.merge(report.data.arms[0]!);
      done += report.games;
      o.onProgress?.(done, o.runs);
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
        pool?.stop();
      }
    };
    /** On a stop or a failure: the games finished out of order are still finished games. */
    const flushBuffer = () => {
      const rest = [...buffer.keys()].sort((a, b) => a - b).map((i) => buffer.get(i)!);
      for (const r of rest) finished[r.index] = 1;
      buffer.clear();
      if (writeError === undefined) emit(rest);
    };

    o.onProgress?.(done, o.runs);
    const arm = { scenario: o.scenarioArg, us: o.us, iran: o.iran, params: o.params };
    const pool = remaining > 0
      ? new Pool({ setup: { arms: [arm], seed: o.seed, modules: o.modules, paired: false, sendRecords, ...(o.uncertainty ? { uncertainty: o.uncertainty } : {}) }, workers: Math.min(o.workers, remaining), nextChunk, onChunk })
      : undefined;
    const result = (pool ? pool.done : Promise.resolve({ status: 'complete' as const })).then((s): BatchResult => {
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
        json: batchJson(o, agg, complete && agg.n === o.runs),
        resumed,
        aggregator: agg,
      };
    }, (err: unknown) => {
      try {
        closeFiles(true);
      } catch {
        // The pool's error is the one to report.
      }
      throw err;
    });
    return { stop: () => pool?.stop(), done: result };
  } catch (err) {
    closeFiles(false);
    throw err;
  }
}
