/**
 * Save files. A save is the game's inputs, as OpenSpiel serialises a state as its action history: the
 * scenario (id and content hash), the seed, the parameter overrides, who played what, and both sides'
 * orders turn by turn. Loading re-simulates.
 *
 * A hot-seat order given for the next turn while the other player has yet to choose is sealed: the
 * file (plain JSON, on a shared machine) never holds it, only which side had sealed one, so that the
 * game can say on loading that the side chooses again (brink.save/4). The formats before held the order
 * itself (`pending`); on load it is set aside, as if never written, and that side chooses again.
 *
 * It also carries what replay verifies: the model version that made it (a save from other rules is
 * refused, naming both versions, never silently replayed under new ones), a digest of each turn's
 * record and of the final state, and an integrity hash over the whole file, so a hand edit is caught
 * (unless the user accepts it explicitly). Pure: no file system here.
 *
 * An order is a portfolio, force and signal, per side per turn (since brink.save/3, model/portfolio.ts): in
 * memory `{ force, signal }`, in the file its ID `force+signal` (one short string a side keeps a finished
 * game's file under 2 KB). Older files held one action a side a turn; on load each becomes the portfolio
 * it names (a force action with no signal, a signal action beside the empty force choice). brink.save/2
 * files then meet the model check like any other (a file from other rules is refused, as always);
 * brink.save/1 files (the whole state beside the decisions) still load when re-simulating their
 * decisions under today's rules reproduces their streams and postures.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { TRACKS, aSide, actionById, type Side } from '../model/actions.ts';
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

export const SAVE_FORMAT = 'brink.save/4';
/** As today, but a hot-seat order sealed for the next turn written out in `pending`. */
export const SEALED_ORDER_SAVE_FORMAT = 'brink.save/3';
/** As brink.save/3, with one action a side a turn. */
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
  /**
   * Hot-seat: the sides whose order for the next turn was given, and sealed, when the game was saved
   * (the US's, while Iran had yet to choose). The orders themselves are never saved, so the other
   * player cannot read them from the file: on loading, those sides choose again.
   */
  readonly sealed: readonly Side[];
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
interface UnsignedFile extends Omit<Unsigned, 'decisions'> {
  readonly decisions: readonly FileOrders[];
}

/** A brink.save/2 or /3 file as written: a sealed hot-seat order in `pending`, not `sealed`. */
interface OlderFile extends Omit<UnsignedFile, 'format' | 'sealed'> {
  readonly format: typeof SEALED_ORDER_SAVE_FORMAT | typeof SINGLE_ORDER_SAVE_FORMAT;
  readonly pending: { readonly us: string } | null;
  readonly integrity: string;
}

function toFile(save: Unsigned): UnsignedFile {
  return { ...save, decisions: save.decisions.map((d) => ({ us: portfolioId(d.us), iran: portfolioId(d.iran) })) };
}

/** The fields the integrity hash covers, in this order: every field but the hash itself. */
const SIGNED_FIELDS = [
  'format',
  'model',
  'scenario',
  'seed',
  'params',
  'side',
  'opponent',
  'decisions',
  'sealed',
  'turns',
  'digest',
] as const;
/** brink.save/2 and /3: the sealed order itself where today's files say only whose it was. */
const OLDER_SIGNED_FIELDS = SIGNED_FIELDS.map((k) => (k === 'sealed' ? 'pending' : k));

/** The hash over the file's own fields, as written. */
function integrityOfFile(file: UnsignedFile | OlderFile): string {
  const fields = 'pending' in file ? OLDER_SIGNED_FIELDS : SIGNED_FIELDS;
  const record = file as unknown as Record<string, unknown>;
  return sha(JSON.stringify(Object.fromEntries(fields.map((k) => [k, record[k]]))));
}

function integrityOf(save: Unsigned): string {
  return integrityOfFile(toFile(save));
}

export interface SaveSetup {
  readonly side: PlaySide;
  readonly opponent: string | null;
  /** Hot-seat: the sides whose order for the next turn is given and sealed (never the orders: see SaveFile.sealed). */
  readonly sealed?: readonly Side[];
}

/** The sides in the order they choose in a hot-seat turn. */
const SIDES: readonly Side[] = ['us', 'iran'];

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
    sealed: setup.side === 'both' ? SIDES.filter((s) => setup.sealed?.includes(s)) : [],
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
  // Both sides sealed would be a turn played: one at most.
  sealed: z
    .array(z.enum(['us', 'iran']))
    .max(1)
    .describe('hot-seat: whose order for the next turn was sealed when saved (the order itself is never saved; that side chooses again)'),
  turns: z.array(z.string().regex(/^[0-9a-f]+$/)).max(10_000),
  digest: z.string().regex(/^[0-9a-f]{64}$/, 'a sha-256 digest'),
  integrity: z.string().regex(/^[0-9a-f]{64}$/, 'a sha-256 digest'),
});

/** brink.save/3: a hot-seat US order sealed for the next turn written out in `pending`. */
const SealedOrderSchema = SaveSchema.omit({ sealed: true }).extend({
  format: z.literal(SEALED_ORDER_SAVE_FORMAT),
  pending: z.strictObject({ us: Order }).nullable(),
});

/** brink.save/2: a brink.save/3 file with one action a side a turn. */
const SingleOrderSchema = SealedOrderSchema.extend({ format: z.literal(SINGLE_ORDER_SAVE_FORMAT) });

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
  if (format !== SAVE_FORMAT && format !== SEALED_ORDER_SAVE_FORMAT && format !== SINGLE_ORDER_SAVE_FORMAT) {
    // Said as a truncated file is: what the file is not, then why.
    throw new SaveError(
      `${jsonWhere(source, text, ['format'])}: not a Brink save (${
        format === undefined
          ? `it has no "format" field; a Brink save has "format": "${SAVE_FORMAT}"`
          : `its format is ${JSON.stringify(format).slice(0, 80)}, expected '${SAVE_FORMAT}'`
      })`,
    );
  }
  const schema = format === SAVE_FORMAT ? SaveSchema : format === SEALED_ORDER_SAVE_FORMAT ? SealedOrderSchema : SingleOrderSchema;
  const parsed = schema.safeParse(data);
  if (!parsed.success) failZod(parsed.error, schema);
  const file = parsed.data! as (UnsignedFile & { readonly integrity: string }) | OlderFile;
  if (file.model !== MODEL_VERSION) {
    fail(
      `saved by model ${file.model}, but this is model ${MODEL_VERSION}: the rules or parameters have changed since, so the game cannot be replayed under them`,
    );
  }
  // An older file's sealed order is checked as any order, then set aside: only whose it was is kept (its
  // writer wrote one in hot-seat only).
  let sealed: readonly Side[];
  if ('pending' in file) {
    if (file.pending) orderFrom('us', file.pending.us, ['pending', 'us'], failAt);
    sealed = file.pending && file.side === 'both' ? ['us'] : [];
  } else sealed = file.sealed;
  // Each order read as the portfolio it names (a brink.save/2 order is one action, the other lever empty).
  const { model, scenario, seed, params, side, opponent, turns, digest, integrity } = file;
  const save: SaveFile = {
    format: SAVE_FORMAT,
    model,
    scenario,
    seed,
    params,
    side,
    opponent,
    decisions: file.decisions.map((d, i) => ordersFrom(d, ['decisions', i], failAt)),
    sealed,
    turns,
    digest,
    integrity,
  };
  checkOverrides(save.params, failAt);
  if (save.turns.length !== save.decisions.length)
    failAt(['turns'], `${save.turns.length} turn digests for ${save.decisions.length} decisions`);
  if (save.side === 'both' ? save.opponent !== null : save.opponent === null) {
    failAt(['opponent'], save.side === 'both' ? 'a hot-seat game has no bot opponent' : 'missing the bot the human played against');
  }
  if (save.side !== 'both' && sealed.length > 0)
    failAt(['sealed'], 'only a hot-seat game has a sealed order: a bot chooses with the human');
  // The hash is over the file as written (an older file's own orders and `pending`).
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
    if (def!.side !== side) fail(at, `'${a}' is not ${aSide(side)} action`);
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
