/**
 * Save files. A save is the game's inputs, as OpenSpiel serialises a state as its action history: the
 * scenario (id and content hash), the seed, the parameter overrides, who played what, both sides'
 * orders turn by turn, and a hot-seat order still waiting for the other side. Loading re-simulates.
 *
 * It also carries what replay verifies: the model version that made it (a save from other rules is
 * refused, naming both versions, never silently replayed under new ones), a digest of each turn's
 * record and of the final state, and an integrity hash over the whole file, so a hand edit is caught
 * (unless the user accepts it explicitly). Pure: no file system here.
 *
 * An order is a portfolio, force and signal, per side per turn (brink.save/3, model/portfolio.ts): in
 * memory `{ force, signal }`, in the file its ID `force+signal` (one short string a side keeps a finished
 * game's file under 2 KB). Older files held one action a side a turn; on load each becomes the portfolio
 * it names (a force action with no signal, a signal action beside the empty force choice). brink.save/2
 * files then meet the model check like any other (a file from other rules is refused, as always);
 * brink.save/1 files (the whole state beside the decisions) still load when re-simulating their
 * decisions under today's rules reproduces their streams and postures.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { TRACKS, actionById, type Side } from '../model/actions.ts';
import { parsePortfolio, portfolioId, type Portfolio } from '../model/portfolio.ts';
import { PARAM_SPECS, isParamId } from '../model/params.ts';
import { MODEL_VERSION } from '../model/version.ts';
import type { Scenario } from '../scenario/schema.ts';
import { jsonSyntaxWhere, jsonValueWhere, jsonWhere, type JsonPath } from '../scenario/json-location.ts';
import { issueInWords, tightestIssues } from '../scenario/issue-words.ts';
import type { GameEvent } from './events.ts';
import { decisionsOf } from './history.ts';
import { GameError, newGame, serialize, step } from './game.ts';
import type { Decisions, GameState, TurnRecord } from './state.ts';

export const SAVE_FORMAT = 'brink.save/3';
/** One action a side a turn, the rest as today. */
export const SINGLE_ORDER_SAVE_FORMAT = 'brink.save/2';
export const LEGACY_SAVE_FORMAT = 'brink.save/1';

export type PlaySide = 'us' | 'iran' | 'both';

export interface SaveFile {
  readonly format: typeof SAVE_FORMAT;
  /** The model version that made the save (model/version.ts). */
  readonly model: string;
  readonly scenario: { readonly id: string; readonly hash: string };
  readonly seed: string;
  /** Parameter overrides on top of the scenario's own: the game's what-ifs, explicit. */
  readonly params: Readonly<Record<string, number>>;
  readonly side: PlaySide;
  /** The bot the human played against (null in hot-seat). */
  readonly opponent: string | null;
  readonly decisions: readonly Decisions[];
  /** Hot-seat: the US order given for the next turn while Iran has yet to choose. */
  readonly pending: { readonly us: Portfolio } | null;
  /** A short digest of each turn's record, so replay can name the first turn that differs. */
  readonly turns: readonly string[];
  /** The digest of the final state. */
  readonly digest: string;
  /** A hash over every field above: a file edited by hand no longer matches. */
  readonly integrity: string;
}

/** A save file that cannot be used: corrupt, truncated, edited, of another format, model or scenario. */
export class SaveError extends GameError {}

const sha = (text: string): string => createHash('sha256').update(text).digest('hex');
const TURN_DIGEST_LENGTH = 12;

export function turnDigest(record: TurnRecord): string {
  return sha(JSON.stringify(record)).slice(0, TURN_DIGEST_LENGTH);
}

export function stateDigest(state: GameState): string {
  return sha(serialize(state));
}

type Unsigned = Omit<SaveFile, 'integrity'>;

/** A save as its file holds it: each order the portfolio's ID. */
type FileOrders = { readonly us: string; readonly iran: string };
interface UnsignedFile extends Omit<Unsigned, 'decisions' | 'pending'> {
  readonly decisions: readonly FileOrders[];
  readonly pending: { readonly us: string } | null;
}

function toFile(save: Unsigned): UnsignedFile {
  return {
    ...save,
    decisions: save.decisions.map((d) => ({ us: portfolioId(d.us), iran: portfolioId(d.iran) })),
    pending: save.pending ? { us: portfolioId(save.pending.us) } : null,
  };
}

/** The hash over the file's own fields, as written. */
function integrityOfFile(save: UnsignedFile): string {
  const { format, model, scenario, seed, params, side, opponent, decisions, pending, turns, digest } = save;
  return sha(JSON.stringify({ format, model, scenario, seed, params, side, opponent, decisions, pending, turns, digest }));
}

function integrityOf(save: Unsigned): string {
  return integrityOfFile(toFile(save));
}

export interface SaveSetup {
  readonly side: PlaySide;
  readonly opponent: string | null;
  /** Hot-seat: a US order already given for the next turn. */
  readonly pending?: { readonly us: Portfolio } | null;
}

export function buildSave(state: GameState, setup: SaveSetup): SaveFile {
  const unsigned: Unsigned = {
    format: SAVE_FORMAT,
    model: MODEL_VERSION,
    scenario: { id: state.scenario.id, hash: state.scenario.hash },
    seed: state.seed,
    params: state.overrides,
    side: setup.side,
    opponent: setup.side === 'both' ? null : setup.opponent,
    decisions: decisionsOf(state),
    pending: setup.pending ?? null,
    turns: state.history.map(turnDigest),
    digest: stateDigest(state),
  };
  return { ...unsigned, integrity: integrityOf(unsigned) };
}

/** The file's text: one line per turn's orders, so a save reads (and diffs) by turn. */
export function saveText(save: SaveFile): string {
  const { decisions, turns, ...head } = { ...toFile(save), integrity: save.integrity };
  const rows = (items: readonly unknown[]) => items.map((x) => `  ${JSON.stringify(x)}`).join(',\n');
  // The head's JSON without its closing brace, then the two lists, one entry a line.
  const open = JSON.stringify(head, null, 1).slice(0, -2);
  return `${open},\n "decisions": [\n${rows(decisions)}\n ],\n "turns": [\n${rows(turns)}\n ]\n}\n`;
}

const Id = z.string().min(1).max(200);
/** A side's order: its portfolio's ID, force+signal (brink.save/2 held one action ID). */
const Order = Id.describe("a portfolio's ID, force+signal (e.g. us.hold+us.strike-houthis)");
const SidesOrders = z.strictObject({ us: Order, iran: Order });
/** The save file's contract (exported for the JSON Schema in schemas/save.schema.json). */
export const SaveSchema = z.strictObject({
  format: z.literal(SAVE_FORMAT),
  model: z.string().min(1).max(100),
  scenario: z.strictObject({ id: Id, hash: z.string().regex(/^[0-9a-f]{6,128}$/, 'a hex content hash') }),
  seed: z.string().max(200),
  params: z.record(z.string(), z.number()),
  side: z.enum(['us', 'iran', 'both']),
  opponent: Id.nullable(),
  decisions: z.array(SidesOrders).max(10_000),
  pending: z.strictObject({ us: Order }).nullable(),
  turns: z.array(z.string().regex(/^[0-9a-f]+$/)).max(10_000),
  digest: z.string().regex(/^[0-9a-f]{64}$/, 'a sha-256 digest'),
  integrity: z.string().regex(/^[0-9a-f]{64}$/, 'a sha-256 digest'),
});

/** brink.save/2: today's file with one action a side a turn. */
const SingleOrderSchema = SaveSchema.extend({ format: z.literal(SINGLE_ORDER_SAVE_FORMAT) });

const LegacySchema = z.object({
  format: z.literal(LEGACY_SAVE_FORMAT),
  scenario: z.strictObject({ id: Id, hash: z.string() }),
  seed: z.string().max(200),
  side: z.enum(['us', 'iran', 'both']),
  opponent: Id.nullable(),
  decisions: z.array(SidesOrders).max(10_000),
  state: z.object({
    turn: z.number().int().min(0),
    params: z.record(z.string(), z.number()),
    rng: z.record(z.string(), z.object({ c: z.number(), s0: z.number(), s1: z.number(), s2: z.number() })),
    actors: z.record(z.string(), z.object({ value: z.string() })),
  }),
});

export type LegacySave = z.output<typeof LegacySchema>;

/** What a save's text parsed into: today's format, or a brink.save/1 file to be converted on load. */
export type ParsedSave = { readonly kind: 'current'; readonly save: SaveFile } | { readonly kind: 'legacy'; readonly legacy: LegacySave };

export interface ParseOptions {
  /** Accept a file whose integrity hash no longer matches (it was edited by hand). */
  readonly acceptEdited?: boolean;
}

/** Parses and checks a save file's text; `source` names it in error messages. */
export function parseSave(text: string, source = 'save file', options: ParseOptions = {}): ParsedSave {
  const fail = (what: string): never => {
    throw new SaveError(`${source}: ${what}`);
  };
  if (text.trim().length === 0) fail('the file is empty');
  // A field at fault is named where it is, as scenario errors are: source:line:col path.
  const failAt = (path: JsonPath, what: string): never => {
    throw new SaveError(`${jsonValueWhere(source, text, path)}: ${what}`);
  };
  const failZod = (error: z.ZodError, schema: z.ZodType): never => {
    const issue = tightestIssues(error.issues)[0]!;
    const path = issue.path.length > 0 ? issue.path.join('.') : 'file';
    throw new SaveError(`${jsonWhere(source, text, issue.path)} ${path}: ${issueInWords(issue, schema)}`);
  };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new SaveError(`${jsonSyntaxWhere(source, text, err)}: not a Brink save (corrupt or truncated JSON: ${(err as Error).message})`);
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) fail('not a Brink save (expected a JSON object)');
  const format = (data as Record<string, unknown>).format;
  if (format === LEGACY_SAVE_FORMAT) {
    const legacy = LegacySchema.safeParse(data);
    if (!legacy.success) failZod(legacy.error, LegacySchema);
    for (const [i, d] of legacy.data!.decisions.entries()) ordersFrom(d, ['decisions', i], failAt);
    return { kind: 'legacy', legacy: legacy.data! };
  }
  if (format !== SAVE_FORMAT && format !== SINGLE_ORDER_SAVE_FORMAT) {
    // Said as a truncated file is: what the file is not, then why.
    throw new SaveError(
      `${jsonWhere(source, text, ['format'])}: not a Brink save (${
        format === undefined
          ? `it has no "format" field; a Brink save has "format": "${SAVE_FORMAT}"`
          : `its format is ${JSON.stringify(format).slice(0, 80)}, expected '${SAVE_FORMAT}'`
      })`,
    );
  }
  const schema = format === SAVE_FORMAT ? SaveSchema : SingleOrderSchema;
  const parsed = schema.safeParse(data);
  if (!parsed.success) failZod(parsed.error, schema);
  const file = parsed.data! as UnsignedFile & { readonly integrity: string };
  if (file.model !== MODEL_VERSION) {
    fail(
      `saved by model ${file.model}, but this is model ${MODEL_VERSION}: the rules or parameters have changed since, so the game cannot be replayed under them`,
    );
  }
  // Each order read as the portfolio it names (a brink.save/2 order is one action, the other lever empty).
  const save: SaveFile = {
    ...file,
    format: SAVE_FORMAT,
    decisions: file.decisions.map((d, i) => ordersFrom(d, ['decisions', i], failAt)),
    pending: file.pending ? { us: orderFrom('us', file.pending.us, ['pending', 'us'], failAt) } : null,
  };
  checkOverrides(save.params, failAt);
  if (save.turns.length !== save.decisions.length)
    failAt(['turns'], `${save.turns.length} turn digests for ${save.decisions.length} decisions`);
  if (save.side === 'both' ? save.opponent !== null : save.opponent === null) {
    failAt(['opponent'], save.side === 'both' ? 'a hot-seat game has no bot opponent' : 'missing the bot the human played against');
  }
  // The hash is over the file as written (a brink.save/2 file's own single-action orders).
  if (!options.acceptEdited && integrityOfFile(file) !== file.integrity) fail(EDITED);
  return { kind: 'current', save: format === SAVE_FORMAT ? save : { ...save, integrity: integrityOf(save) } };
}

const EDITED =
  'the file was changed after it was saved (its integrity hash does not match); `brink replay --accept-edited FILE` replays it anyway and shows where it departs';

/** One action a side, as the formats before portfolios held it, read as the portfolio it names. */
function portfoliosOf(d: FileOrders): Decisions {
  return { us: parsePortfolio(d.us, 'us'), iran: parsePortfolio(d.iran, 'iran') };
}

/** A side's order from the file: a portfolio ID or one action; what is wrong is named with its field. */
type FailAt = (path: JsonPath, what: string) => never;

function orderFrom(side: Side, id: string, where: JsonPath, fail: FailAt): Portfolio {
  const levers = id.split('+');
  for (const [i, a] of levers.entries()) {
    const at = levers.length === 1 ? where : [...where, TRACKS[i] ?? 'extra'];
    const def = actionById(a);
    if (!def) fail(at, `unknown action '${a}'`);
    if (def!.side !== side) fail(at, `'${a}' is not a ${side === 'us' ? 'US' : 'Iranian'} action`);
  }
  try {
    return parsePortfolio(id, side);
  } catch (err) {
    return fail(where, (err as Error).message);
  }
}

function ordersFrom(d: FileOrders, where: JsonPath, fail: FailAt): Decisions {
  return { us: orderFrom('us', d.us, [...where, 'us'], fail), iran: orderFrom('iran', d.iran, [...where, 'iran'], fail) };
}

function checkOverrides(params: Readonly<Record<string, number>>, fail: FailAt): void {
  for (const [id, value] of Object.entries(params)) {
    if (!isParamId(id)) fail(['params', id], 'unknown parameter (see brink explain --list)');
    const spec = PARAM_SPECS[id as keyof typeof PARAM_SPECS];
    if (!Number.isFinite(value) || value < spec.min || value > spec.max)
      fail(['params', id], `must be between ${spec.min} and ${spec.max}, got ${value}`);
  }
}

/** The scenario a save was made with must be the one we have now: same id, same content hash. */
export function checkScenario(
  save: { readonly scenario: { readonly id: string; readonly hash: string } },
  scenario: Scenario,
  source = 'save file',
): void {
  if (save.scenario.id !== scenario.id) throw new SaveError(`${source}: saved for scenario '${save.scenario.id}', not '${scenario.id}'`);
  if (save.scenario.hash !== scenario.hash) {
    throw new SaveError(
      `${source}: scenario '${scenario.id}' is not the one the game was saved with (saved with hash ${save.scenario.hash}, '${scenario.id}' has ${scenario.hash}): the scenario has changed since the game was saved, or the save was edited; the game cannot be resumed or replayed`,
    );
  }
}

export interface ReplayResult {
  readonly state: GameState;
  /** Whether re-simulation reproduced the save's digests (or, for a legacy save, its streams and postures). */
  readonly matches: boolean;
  /** First turn (1-based) whose record differs, when one does; null when only the final state differs. */
  readonly firstDifference: number | null;
}

/** Re-simulates the orders; a decision the engine rejects is a SaveError (the file is corrupt), never a crash. */
function simulate(
  scenario: Scenario,
  seed: string,
  params: Readonly<Record<string, number>>,
  decisions: readonly Decisions[],
  onTurn?: (state: GameState, events: readonly GameEvent[]) => void,
): GameState {
  let state: GameState;
  try {
    state = newGame(scenario, { seed, params });
  } catch (err) {
    throw new SaveError(`save file: its parameters cannot start a game: ${(err as Error).message}`);
  }
  for (const [i, d] of decisions.entries()) {
    if (state.over) throw new SaveError(`save file: decision ${i + 1} comes after the game ended (turn ${state.turn})`);
    let result: ReturnType<typeof step>;
    try {
      result = step(state, d);
    } catch (err) {
      throw new SaveError(`save file: decision ${i + 1} cannot be replayed: ${(err as Error).message}`);
    }
    state = result.state;
    onTurn?.(state, result.events);
  }
  return state;
}

/** Re-simulates a save from its inputs and verifies it against its digests. */
export function replaySave(
  save: SaveFile,
  scenario: Scenario,
  onTurn?: (state: GameState, events: readonly GameEvent[]) => void,
): ReplayResult {
  checkScenario(save, scenario);
  const state = simulate(scenario, save.seed, save.params, save.decisions, onTurn);
  const turns = state.history.map(turnDigest);
  const first = turns.findIndex((d, i) => d !== save.turns[i]);
  const matches = first < 0 && stateDigest(state) === save.digest;
  return { state, matches, firstDifference: first >= 0 ? first + 1 : null };
}

/**
 * A brink.save/1 file, loaded under today's rules: its overrides are the saved parameters that differ
 * from the scenario's (that format kept no list of them), and it is accepted when re-simulating its
 * decisions reproduces its saved turn, streams and postures. It then becomes a brink.save/2 save.
 */
export function upgradeLegacySave(legacy: LegacySave, scenario: Scenario, source = 'save file'): { save: SaveFile; state: GameState } {
  checkScenario(legacy, scenario, source);
  const base = newGame(scenario, { seed: legacy.seed }).params as unknown as Record<string, number>;
  const params: Record<string, number> = {};
  for (const [k, v] of Object.entries(legacy.state.params)) if (isParamId(k) && base[k] !== v) params[k] = v;
  const state = simulate(scenario, legacy.seed, params, legacy.decisions.map(portfoliosOf));
  const same =
    state.turn === legacy.state.turn &&
    JSON.stringify(state.rng) === JSON.stringify(legacy.state.rng) &&
    Object.entries(state.actors).every(([id, a]) => legacy.state.actors[id]?.value === a.value);
  if (!same) {
    throw new SaveError(
      `${source}: a ${LEGACY_SAVE_FORMAT} file from an older model: today's rules (model ${MODEL_VERSION}) do not reproduce it, so it cannot be resumed`,
    );
  }
  return { save: buildSave(state, { side: legacy.side, opponent: legacy.opponent }), state };
}
