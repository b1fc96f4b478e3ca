/**
 * `batch --resume`: reading back the games an earlier run of the same batch wrote to `--out`.
 *
 * The file is the user's, so nothing is touched until it has been shown to be ours: every line is read
 * (as a stream, in bounded memory whatever the file's size) and checked against the record contract and
 * this batch's identity (model version, scenario hash, seed, policies, parameters, index range) before
 * anything is written: games played under other rules are never mixed into this model's summary, and a
 * line that records no model (written before records carried one) cannot be shown to be this model's, so
 * it is refused too. Only then is a last line cut short by a kill dropped (the file truncated to its last whole
 * line). A file whose first line is not one of this batch's records is refused untouched, whatever
 * follows.
 */
import { closeSync, ftruncateSync, openSync } from 'node:fs';
import { z } from 'zod';
import { guarded } from '../io/errors.ts';
import { forEachLine, MiB } from '../io/read.ts';
import { GAME_RECORD_FORMAT, METRIC_NAMES, SERIES_NAMES, VERDICT_IDS, type GameRecord } from './record.ts';
import { gameSeed } from './seeds.ts';

/** A problem with the file given to --resume; the CLI exits 2. */
export class ResumeError extends Error {
  override readonly name = 'ResumeError';
}

/** No honest game comes near these; they keep histograms (arrays indexed by value) small. */
const MAX_COUNT = 1_000_000;
const Count = z.number().int().min(0).max(MAX_COUNT);

const RecordSchema = z.object({
  schema: z.literal(GAME_RECORD_FORMAT),
  // Optional here so that a line without it gets its own message (mismatch), not a schema error.
  model: z.string().optional(),
  index: z.number().int().min(0),
  seed: z.string(),
  scenario: z.object({ id: z.string(), hash: z.string() }),
  policies: z.object({ us: z.string(), iran: z.string() }),
  params: z.record(z.string(), z.number()),
  verdict: z.enum(VERDICT_IDS as [string, ...string[]]),
  scores: z.object({ us: z.number().min(0).max(MAX_COUNT), iran: z.number().min(0).max(MAX_COUNT) }),
  metrics: z.object(Object.fromEntries(METRIC_NAMES.map((m) => [m, Count]))),
  series: z.object(Object.fromEntries(SERIES_NAMES.map((s) => [s, z.array(Count)]))),
});

/** A line longer than this is not a record (a record is a few kilobytes). */
const MAX_LINE_BYTES = 4 * MiB;

/** How a record starts, as `JSON.stringify` writes it: a lone, cut-short first line must match it. */
const RECORD_START = `{"schema":"${GAME_RECORD_FORMAT}"`;

export interface BatchIdentity {
  /** The model that plays the missing games (MODEL_VERSION): every line must have been played by it. */
  readonly model: string;
  readonly runs: number;
  readonly seed: string;
  readonly scenarioHash: string;
  readonly us: string;
  readonly iran: string;
  readonly params: Readonly<Record<string, number>>;
  /** A game's expected parameters when they vary by game (--uncertainty); otherwise `params`. */
  readonly paramsOf?: (index: number) => Readonly<Record<string, number>>;
  readonly turns: number;
}

function sameParams(a: Readonly<Record<string, number>>, b: Readonly<Record<string, number>>): boolean {
  const ka = Object.keys(a).sort();
  const kb = Object.keys(b).sort();
  return ka.length === kb.length && ka.every((k, i) => k === kb[i] && a[k] === b[k]);
}

/** Why `r` is not a record of this batch, or undefined when it is. */
function mismatch(raw: unknown, b: BatchIdentity): string | undefined {
  const parsed = RecordSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return `not a ${GAME_RECORD_FORMAT} record${issue.path.length ? ` (${issue.path.join('.')}: ${issue.message})` : ''}`;
  }
  const r = parsed.data;
  const restart = 'play the batch again into a new --out file';
  if (r.model === undefined)
    return `records no model version (it was written by an older Brink), so its games cannot be shown to be this model's (${b.model}); ${restart}`;
  if (r.model !== b.model)
    return `played by model ${r.model}, but this Brink is model ${b.model}: resuming would mix games of two models; resume with the version of Brink that played it, or ${restart}`;
  if (r.index >= b.runs) return `game index ${r.index} is outside this batch of ${b.runs} (--runs differs?)`;
  if (r.seed !== gameSeed(b.seed, r.index)) return `seed '${r.seed}' is not this batch's (--seed ${b.seed})`;
  if (r.scenario.hash !== b.scenarioHash) return `recorded with another scenario (${r.scenario.id} ${r.scenario.hash})`;
  if (r.policies.us !== b.us || r.policies.iran !== b.iran)
    return `recorded with other policies (US ${r.policies.us}, Iran ${r.policies.iran})`;
  if (!sameParams(r.params, b.paramsOf ? b.paramsOf(r.index) : b.params))
    return `recorded with other parameters${b.paramsOf ? ' (another --uncertainty distribution?)' : ''}`;
  if (SERIES_NAMES.some((s) => r.series[s]!.length > b.turns)) return `a series longer than the scenario's ${b.turns} turns`;
  return undefined;
}

/**
 * Reads the records of an earlier run of this batch from `path`, calling `onRecord` for each game not
 * seen before (marked in `finished`). Returns how many. Throws ResumeError, with the file untouched,
 * when any line is not a record of this batch.
 */
export function readPrevious(path: string, batch: BatchIdentity, finished: Uint8Array, onRecord: (r: GameRecord) => void): number {
  let count = 0;
  let wholeLines = 0;
  const partial = forEachLine(path, '--out', MAX_LINE_BYTES, ({ text, lineNo }) => {
    const where = `${path}:${lineNo}`;
    if (text.trim() === '') return;
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch {
      throw new ResumeError(`${where}: not a JSON line; is this a brink batch --out file? (it was left as it is)`);
    }
    const why = mismatch(raw, batch);
    if (why) throw new ResumeError(`${where}: ${why} (the file was left as it is)`);
    wholeLines++;
    const r = raw as GameRecord;
    if (finished[r.index]) return; // written twice (cannot happen through brink, but harmless)
    finished[r.index] = 1;
    onRecord(r);
    count++;
  });
  if (partial) {
    // A line cut short by a kill mid-write is not a finished game. It is dropped only from a file already
    // shown to be ours: after records of this batch, or alone when it starts the way a record starts.
    const looksOurs =
      wholeLines > 0 ||
      (partial.text.length >= RECORD_START.length ? partial.text.startsWith(RECORD_START) : RECORD_START.startsWith(partial.text));
    if (!looksOurs)
      throw new ResumeError(
        `${path}:${partial.lineNo}: not a ${GAME_RECORD_FORMAT} record; is this a brink batch --out file? (it was left as it is)`,
      );
    const fd = guarded(`--out: cannot write '${path}'`, () => openSync(path, 'r+'));
    try {
      guarded(`--out: cannot write '${path}'`, () => ftruncateSync(fd, partial.offset));
    } finally {
      closeSync(fd);
    }
  }
  return count;
}
