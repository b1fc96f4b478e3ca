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
import { closeSync, existsSync, fsyncSync, openSync, readFileSync, renameSync, ftruncateSync, writeSync, unlinkSync } from 'node:fs';
import type { Scenario } from '../scenario/schema.ts';
import { Aggregator } from './aggregate.ts';
import { CSV_HEADER, csvRow } from './csv.ts';
import { Pool, type PoolFailure } from './pool.ts';
import type { ChunkReport } from './protocol.ts';
import { GAME_RECORD_FORMAT, type GameRecord } from './record.ts';
import { gameSeed } from './seeds.ts';

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
  readonly workers: number;
  readonly modules: readonly string[];
  readonly out?: string;
  readonly resume?: boolean;
  readonly csv?: string;
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

function sameParams(a: Readonly<Record<string, number>>, b: Readonly<Record<string, number>>): boolean {
  const ka = Object.keys(a).sort();
  const kb = Object.keys(b).sort();
  return ka.length === kb.length && ka.every((k, i) => k === kb[i] && a[k] === b[k]);
}

export function batchJson(o: BatchOptions, agg: Aggregator, complete: boolean) {
  const r = agg.result();
  return {
    schema: BATCH_FORMAT,
    scenario: { id: o.scenario.id, hash: o.scenario.hash },
    runs: r.runs,
    requested: o.runs,
    complete,
    seed: o.seed,
    gameSeeds: '{seed}:{index}' as const,
    policies: { us: o.us, iran: o.iran },
    params: { ...o.params },
    turns: o.scenario.turns,
    daysPerTurn: o.scenario.daysPerTurn,
    outcomes: r.outcomes,
    metrics: r.metrics,
    series: r.series,
  };
}

/** Reads the records of an earlier run of this batch from its --out file (see the module comment). */
function readPrevious(o: BatchOptions, path: string, onRecord: (r: GameRecord) => void, finished: Uint8Array): number {
  const text = readFileSync(path, 'utf8');
  let end = text.length;
  if (end > 0 && !text.endsWith('\n')) {
    // A line cut short (the process was killed mid-write): it is not a finished game; drop it.
    end = text.lastIndexOf('\n') + 1;
    const fd = openSync(path, 'r+');
    try {
      ftruncateSync(fd, end);
    } finally {
      closeSync(fd);
    }
  }
  let count = 0;
  let lineNo = 0;
  let pos = 0;
  while (pos < end) {
    const nl = text.indexOf('\n', pos);
    const line = text.slice(pos, nl);
    pos = nl + 1;
    lineNo++;
    if (line.trim() === '') continue;
    let r: GameRecord;
    try {
      r = JSON.parse(line) as GameRecord;
    } catch {
      throw new BatchInputError(`${path}:${lineNo}: not a JSON line; is this a brink batch --out file?`);
    }
    const where = `${path}:${lineNo}`;
    if (r.schema !== GAME_RECORD_FORMAT) throw new BatchInputError(`${where}: not a ${GAME_RECORD_FORMAT} record`);
    if (!Number.isInteger(r.index) || r.index < 0 || r.index >= o.runs) {
      throw new BatchInputError(`${where}: game index ${r.index} is outside this batch of ${o.runs} (--runs differs?)`);
    }
    if (r.seed !== gameSeed(o.seed, r.index)) throw new BatchInputError(`${where}: seed '${r.seed}' is not this batch's (--seed ${o.seed})`);
    if (r.scenario?.hash !== o.scenario.hash) throw new BatchInputError(`${where}: recorded with another scenario (${r.scenario?.id} ${r.scenario?.hash})`);
    if (r.policies?.us !== o.us || r.policies?.iran !== o.iran) {
      throw new BatchInputError(`${where}: recorded with other policies (US ${r.policies?.us}, Iran ${r.policies?.iran})`);
    }
    if (!sameParams(r.params ?? {}, o.params)) throw new BatchInputError(`${where}: recorded with other parameters`);
    if (finished[r.index]) continue; // written twice (cannot happen through brink, but harmless)
    finished[r.index] = 1;
    onRecord(r);
    count++;
  }
  return count;
}

export function startBatch(o: BatchOptions): BatchRun {
  const agg = new Aggregator(o.scenario.turns);
  const finished = new Uint8Array(o.runs);
  let csvFd: number | undefined;
  let csvTmp: string | undefined;
  let outFd: number | undefined;
  let resumed = 0;

  const closeFiles = (keepCsv: boolean) => {
    if (outFd !== undefined) {
      fsyncSync(outFd);
      closeSync(outFd);
      outFd = undefined;
    }
    if (csvFd !== undefined) {
      fsyncSync(csvFd);
      closeSync(csvFd);
      csvFd = undefined;
      if (keepCsv) renameSync(csvTmp!, o.csv!);
      else unlinkSync(csvTmp!);
    }
  };

  try {
    if (o.csv) {
      csvTmp = `${o.csv}.${process.pid}.tmp`;
      csvFd = openSync(csvTmp, 'w');
      writeSync(csvFd, `${CSV_HEADER}\n`);
    }
    /** A record read back from --out: aggregated here (the workers aggregate the games they play). */
    const take = (r: GameRecord, csvLines: string[]) => {
      agg.add(r);
      if (csvFd !== undefined) csvLines.push(csvRow(r));
    };
    if (o.out) {
      const exists = existsSync(o.out);
      if (exists && !o.resume) throw new BatchInputError(`${o.out} already exists: pass --resume to continue that batch, or choose another file`);
      if (exists) {
        const lines: string[] = [];
        resumed = readPrevious(o, o.out, (r) => {
          take(r, lines);
          if (lines.length >= 1000) flushCsv(lines);
        }, finished);
        flushCsv(lines);
      }
      outFd = openSync(o.out, 'a');
    } else if (o.resume) {
      throw new BatchInputError('--resume needs --out FILE.jsonl (the file to continue)');
    }
    function flushCsv(lines: string[]): void {
      if (csvFd !== undefined && lines.length > 0) writeSync(csvFd, `${lines.join('\n')}\n`);
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
    const sendRecords = outFd !== undefined || csvFd !== undefined;
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
        if (csvFd !== undefined) csvLines.push(csvRow(r));
        lines += `${JSON.stringify(r)}\n`;
      }
      if (outFd !== undefined) writeSync(outFd, lines);
      flushCsv(csvLines);
    };
    const onChunk = (report: ChunkReport) => {
      agg.merge(report.data.arms[0]!);
      done += report.games;
      o.onProgress?.(done, o.runs);
      if (!sendRecords) return;
      for (const r of report.records) buffer.set(r.index, r);
      const ready: GameRecord[] = [];
      while (buffer.has(expected)) {
        ready.push(buffer.get(expected)!);
        buffer.delete(expected);
        finished[expected] = 1;
        advance();
      }
      emit(ready);
    };
    /** On a stop or a failure: the games finished out of order are still finished games. */
    const flushBuffer = () => {
      const rest = [...buffer.keys()].sort((a, b) => a - b).map((i) => buffer.get(i)!);
      for (const r of rest) finished[r.index] = 1;
      buffer.clear();
      emit(rest);
    };

    o.onProgress?.(done, o.runs);
    const arm = { scenario: o.scenarioArg, us: o.us, iran: o.iran, params: o.params };
    const pool = remaining > 0
      ? new Pool({ setup: { arms: [arm], seed: o.seed, modules: o.modules, paired: false, sendRecords }, workers: Math.min(o.workers, remaining), nextChunk, onChunk })
      : undefined;
    const result = (pool ? pool.done : Promise.resolve({ status: 'complete' as const })).then((s): BatchResult => {
      flushBuffer();
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
      closeFiles(true);
      throw err;
    });
    return { stop: () => pool?.stop(), done: result };
  } catch (err) {
    closeFiles(false);
    throw err;
  }
}
