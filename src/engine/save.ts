/**
 * Save files (brink.save/1): a game as it stood at a turn, plus what is needed to check it and to resume
 * it. The decision log is the source of truth: `replaySave` re-runs newGame + step over it and demands
 * the saved state back byte for byte (serialize equality), so a file edited by hand or produced by a
 * different engine is caught instead of resumed. Pure: no file system here (src/cli/atomic-write.ts
 * writes, the commands read).
 */
import { GameError, assertGameState, newGame, serialize, step } from './game.ts';
import type { Decisions, GameEvent, GameState } from './state.ts';
import type { Scenario } from '../scenario/schema.ts';

export const SAVE_FORMAT = 'brink.save/1';

export type PlaySide = 'us' | 'iran' | 'both';

export interface SaveFile {
  readonly format: typeof SAVE_FORMAT;
  readonly scenario: { readonly id: string; readonly hash: string };
  readonly seed: string;
  readonly side: PlaySide;
  /** The bot the human played against (null in hot-seat). */
  readonly opponent: string | null;
  readonly decisions: readonly Decisions[];
  readonly state: GameState;
}

/** A save file that cannot be used: corrupt, truncated, of another format, or of another scenario. */
export class SaveError extends GameError {
}

export function buildSave(state: GameState, setup: { side: PlaySide; opponent: string | null }): SaveFile {
  return {
    format: SAVE_FORMAT,
    scenario: { id: state.scenario.id, hash: state.scenario.hash },
    seed: state.seed,
    side: setup.side,
    opponent: setup.side === 'both' ? null : setup.opponent,
    decisions: state.decisions,
    state,
  };
}

export function saveText(save: SaveFile): string {
  return `${JSON.stringify(save, null, 1)}\n`;
}

/** Parses and checks a save file's text; `source` names it in error messages. */
export function parseSave(text: string, source = 'save file'): SaveFile {
  const fail = (what: string): never => {
    throw new SaveError(`${source}: ${what}`);
  };
  if (text.trim().length === 0) fail('the file is empty');
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    fail(`not a Brink save (corrupt or truncated JSON: ${(err as Error).message})`);
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) fail('not a Brink save (expected a JSON object)');
  const s = data as Record<string, unknown>;
  if (s.format !== SAVE_FORMAT) fail(`format is ${JSON.stringify(s.format)}, expected '${SAVE_FORMAT}'`);
  const sc = s.scenario as Record<string, unknown> | undefined;
  if (typeof sc !== 'object' || sc === null || typeof sc.id !== 'string' || typeof sc.hash !== 'string') fail('missing scenario id and hash');
  if (typeof s.seed !== 'string') fail('missing seed');
  if (s.side !== 'us' && s.side !== 'iran' && s.side !== 'both') fail(`side must be us, iran or both, got ${JSON.stringify(s.side)}`);
  if (s.opponent !== null && typeof s.opponent !== 'string') fail('opponent must be a policy id or null');
  if (!Array.isArray(s.decisions) || !s.decisions.every(isDecisions)) fail('decisions must be a list of {us, iran} action ids');
  try {
    assertGameState(s.state);
  } catch (err) {
    fail((err as Error).message);
  }
  const state = s.state as GameState;
  const scenario = sc as { id: string; hash: string };
  if (state.scenario.id !== scenario.id || state.scenario.hash !== scenario.hash) fail('the state belongs to another scenario than the header says');
  if (state.seed !== s.seed) fail('the state\'s seed differs from the header\'s');
  if (JSON.stringify(state.decisions) !== JSON.stringify(s.decisions)) fail('the decision log differs from the state\'s');
  if (state.decisions.length !== state.turn) fail(`the state has ${state.turn} turns but ${state.decisions.length} decisions`);
  return s as unknown as SaveFile;
}

function isDecisions(d: unknown): d is Decisions {
  return typeof d === 'object' && d !== null && typeof (d as Decisions).us === 'string' && typeof (d as Decisions).iran === 'string';
}

/** The scenario a save was made with must be the one we have now: same id, same content hash. */
export function checkScenario(save: SaveFile, scenario: Scenario, source = 'save file'): void {
  if (save.scenario.id !== scenario.id) throw new SaveError(`${source}: saved for scenario '${save.scenario.id}', not '${scenario.id}'`);
  if (save.scenario.hash !== scenario.hash) {
    throw new SaveError(`${source}: scenario '${scenario.id}' has changed since the game was saved (hash ${save.scenario.hash}, now ${scenario.hash}); the game cannot be resumed or replayed`);
  }
}

export interface ReplayResult {
  readonly state: GameState;
  /** Whether the re-simulated state is byte-equal to the saved one. */
  readonly matches: boolean;
  /** First turn whose record differs (1-based), when it does not match. */
  readonly firstDifference: number | null;
}

/**
 * Re-simulates a save from its decision log. A decision the engine rejects is reported as a SaveError
 * (the file is corrupt), never as a crash.
 */
export function replaySave(save: SaveFile, scenario: Scenario, onTurn?: (state: GameState, events: readonly GameEvent[]) => void): ReplayResult {
  checkScenario(save, scenario);
  let state = newGame(scenario, { seed: save.seed, params: overridesOf(save.state, scenario) });
  for (const [i, d] of save.decisions.entries()) {
    if (state.over) throw new SaveError(`save file: decision ${i + 1} comes after the game ended`);
    let result;
    try {
      result = step(state, d);
    } catch (err) {
      throw new SaveError(`save file: decision ${i + 1} cannot be replayed: ${(err as Error).message}`);
    }
    state = result.state;
    onTurn?.(state, result.events);
  }
  const matches = serialize(state) === serialize(save.state);
  let firstDifference: number | null = null;
  if (!matches) {
    const n = Math.max(state.history.length, save.state.history.length);
    firstDifference = n + 1;
    for (let t = 0; t < n; t++) {
      if (JSON.stringify(state.history[t]) !== JSON.stringify(save.state.history[t])) {
        firstDifference = t + 1;
        break;
      }
    }
  }
  return { state, matches, firstDifference };
}

/** Parameter values in the saved state that differ from the scenario's: the what-ifs the game ran with. */
function overridesOf(state: GameState, scenario: Scenario): Record<string, number> {
  const base = newGame(scenario, { seed: state.seed }).params as unknown as Record<string, number>;
  const saved = state.params as unknown as Record<string, number>;
  const out: Record<string, number> = {};
  for (const [k, v] of Object.entries(saved)) if (typeof v === 'number' && base[k] !== v) out[k] = v;
  return out;
}
