/**
 * The game API every client goes through (the terminal game, the bots, the batch runner, replay): in
 * the spirit of OpenSpiel's State, a small set of pure functions over plain data.
 *
 *   newGame(scenario, options) → state
 *   legalActions(state, side)  → the actions that side may take now
 *   step(state, decisions)     → { state, events }   (both sides decide at once, hidden from each other)
 *   isOver(state), outcome(state), observe(state, side)
 *   serialize(state) / restore(text), clone(state)
 */
import { ACTORS, ACTOR_IDS, type ActorId, type ActorSnapshots } from '../model/actors/index.ts';
import { TRACKS, actionById, actionsFor, type ActionDef, type Side, type Track } from '../model/actions.ts';
import type { Portfolio } from '../model/portfolio.ts';
import { resolveParams, type Params } from '../model/params.ts';
import type { ActorSnapshot } from '../model/runtime.ts';
import { daysBetween } from '../scenario/calendar.ts';
import type { Scenario } from '../scenario/schema.ts';
import { INJECT_MESSAGES, type GameEvent } from './events.ts';
import { STREAMS, seedStreams } from './rng.ts';
import { STATE_FORMAT, copyWorld, type Decisions, type GameState, type RafahWindow, type RecordShocks, type Scheduled } from './state.ts';
import { runTurn } from './turn.ts';

export interface NewGameOptions {
  readonly seed: string;
  /** Parameter overrides on top of the scenario's own (a sweep, a what-if). */
  readonly params?: Readonly<Record<string, number>>;
  /**
   * Shocks fixed from the record (the backtest and calibration condition on them; ordinary play never
   * does): the first fatal attack on its date, none before it.
   */
  readonly shocks?: RecordShocks;
}

export class GameError extends Error {
  override readonly name = 'GameError';
}

export function newGame(scenario: Scenario, options: NewGameOptions): GameState {
  const params = options.params ? resolveParams({ ...scenario.params, ...options.params }) : scenarioParams(scenario);
  const actors = {} as Record<ActorId, ActorSnapshot<object>>;
  for (const id of ACTOR_IDS) {
    const start = scenario.actors[id];
    // The machine's `input` takes its settings from the parameters; the scenario's context overrides.
    const def = ACTORS[id] as unknown as { initial(params: Params, ctx?: object, value?: string): ActorSnapshot<object> };
    actors[id] = def.initial(params, start?.context, start?.state);
  }
  const t = scenarioTemplate(scenario);
  let schedule = t.schedule;
  let seq = t.schedule.length;
  let noFatalBefore: number | undefined;
  const fatal = options.shocks?.firstFatal;
  if (fatal) {
    const day = daysBetween(scenario.start, fatal.date);
    if (day < 0 || day >= scenario.turns * scenario.daysPerTurn) {
      throw new GameError(
        `the fixed first fatal attack (${fatal.date}) falls outside ${scenario.id} (${scenario.start}, ${scenario.turns} turns)`,
      );
    }
    noFatalBefore = day;
    schedule = [
      ...schedule,
      {
        day,
        seq: seq++,
        task: { kind: 'forced-fatal', place: fatal.place, killed: fatal.killed, rules: ['R-MIL-10', 'R-SYS-04', ...fatal.cites] },
      },
    ];
  }
  const w = scenario.world;
  return {
    format: STATE_FORMAT,
    scenario: t.ref,
    seed: options.seed,
    overrides: { ...(options.params ?? {}) },
    ...(options.shocks ? { shocks: options.shocks } : {}),
    ...(noFatalBefore === undefined ? {} : { noFatalBefore }),
    params,
    turn: 0,
    rng: seedStreams(options.seed),
    actors: actors as unknown as ActorSnapshots,
    // The scenario's starting pressures and directive; copyWorld keeps only the world's own fields.
    world: copyWorld({ ...w, directive: { ...w.directive }, regionalWar: false, sideRungs: { us: [0, 0], iran: [0, 0] } }),
    schedule,
    seq,
    rafahWindows: t.rafahWindows,
    history: [],
    intel: { us: null, iran: null },
    over: null,
  };
}

/** What every game of a scenario starts with alike: its reference, its injects' tasks, its Rafah windows. */
interface ScenarioTemplate {
  readonly ref: GameState['scenario'];
  readonly schedule: readonly Scheduled[];
  readonly rafahWindows: readonly RafahWindow[];
}

/**
 * Built once per scenario and shared, frozen, by its games (a batch starts thousands from one scenario;
 * a turn copies the arrays it changes and never writes to their entries).
 */
const TEMPLATES = new WeakMap<Scenario, ScenarioTemplate>();
function scenarioTemplate(scenario: Scenario): ScenarioTemplate {
  let t = TEMPLATES.get(scenario);
  if (t) return t;
  const schedule: Scheduled[] = [];
  let seq = 0;
  for (const inj of scenario.injects) {
    if (inj.kind !== 'truce') continue;
    const from = daysBetween(scenario.start, inj.from);
    const to = daysBetween(scenario.start, inj.to) + 1;
    const rules = ['R-SYS-02', 'R-IRN-14', ...inj.cites];
    schedule.push({
      day: from,
      seq: seq++,
      task: { kind: 'inject', inject: 'truce-start', event: INJECT_MESSAGES['truce-start'], rules, note: inj.note },
    });
    schedule.push({ day: to, seq: seq++, task: { kind: 'inject', inject: 'truce-end', event: INJECT_MESSAGES['truce-end'], rules } });
  }
  t = deepFreeze({
    ref: {
      id: scenario.id,
      hash: scenario.hash,
      title: scenario.title,
      start: scenario.start,
      daysPerTurn: scenario.daysPerTurn,
      turns: scenario.turns,
      gazaWarStart: scenario.gazaWarStart,
      historical: scenario.historical,
      startRung: scenario.world.rung,
      opening: { usKilled: scenario.opening?.usKilled ?? 0 },
    },
    schedule,
    rafahWindows: scenario.injects.flatMap((inj) =>
      inj.kind === 'rafah-window'
        ? [
            {
              id: inj.id,
              fromDay: daysBetween(scenario.start, inj.from),
              toDay: daysBetween(scenario.start, inj.to),
              chancePerTurn: inj.chancePerTurn,
              cites: [...inj.cites],
            },
          ]
        : [],
    ),
  });
  TEMPLATES.set(scenario, t);
  return t;
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

/**
 * A scenario's resolved parameters, built once per scenario and shared (frozen) by its games: a batch
 * starts thousands of games from one scenario, and the engine never writes to the parameters.
 */
const SCENARIO_PARAMS = new WeakMap<Scenario, Params>();
function scenarioParams(scenario: Scenario): Params {
  let p = SCENARIO_PARAMS.get(scenario);
  if (!p) {
    p = Object.freeze(resolveParams({ ...scenario.params }));
    SCENARIO_PARAMS.set(scenario, p);
  }
  return p;
}

export function isOver(state: GameState): boolean {
  return state.over !== null;
}

/** Each side's catalogue, filtered once: every action is legal while the game runs. */
const CATALOGUE: Partial<Record<Side, readonly ActionDef[]>> = {};

export function legalActions(state: GameState, side: Side): readonly ActionDef[] {
  if (state.over) return [];
  return (CATALOGUE[side] ??= Object.freeze(actionsFor(side)));
}

const LEGAL_IDS: Partial<Record<Side, ReadonlySet<string>>> = {};

export function isLegal(state: GameState, side: Side, actionId: string): boolean {
  if (state.over) return false;
  return (LEGAL_IDS[side] ??= new Set(legalActions(state, side).map((a) => a.id))).has(actionId);
}

/**
 * Whether a portfolio is legal for `side` now: a legal force action beside a legal signal action (the
 * machines' guards stay per action, so the legal portfolios are the product of the legal levers).
 */
export function isLegalPortfolio(state: GameState, side: Side, p: Portfolio): boolean {
  const force = actionById(p.force);
  const signal = actionById(p.signal);
  return force?.track === 'force' && signal?.track === 'signal' && isLegal(state, side, p.force) && isLegal(state, side, p.signal);
}

/** The legal actions of one lever, in catalogue order. */
export function legalOn(state: GameState, side: Side, track: Track): readonly ActionDef[] {
  const all = legalActions(state, side);
  let byTrack = BY_TRACK.get(all);
  if (!byTrack)
    BY_TRACK.set(all, (byTrack = { force: all.filter((a) => a.track === 'force'), signal: all.filter((a) => a.track === 'signal') }));
  return byTrack[track];
}
const BY_TRACK = new WeakMap<readonly ActionDef[], Record<Track, readonly ActionDef[]>>();

export function step(state: GameState, decisions: Decisions): { state: GameState; events: readonly GameEvent[] } {
  if (state.over) throw new GameError(`the game is over (${state.over.reason})`);
  for (const side of ['us', 'iran'] as const) {
    const p = decisions[side] as Portfolio | string | undefined;
    if (typeof p !== 'object' || p === null)
      throw new GameError(`${side}: an order is a portfolio { force, signal }, got ${JSON.stringify(p)}`);
    for (const lever of TRACKS) {
      const id = p[lever];
      const def = actionById(id);
      if (!def) throw new GameError(`unknown action '${id}' for ${side}`);
      if (def.side !== side) throw new GameError(`'${id}' is not an action of ${side}`);
      if (def.track !== lever) throw new GameError(`'${id}' is a ${def.track} action, not a ${lever} action`);
      if (!isLegal(state, side, id)) throw new GameError(`'${id}' is not a legal action for ${side} now`);
    }
  }
  return runTurn(state, decisions);
}

export function serialize(state: GameState): string {
  return JSON.stringify(state);
}

export function restore(text: string): GameState {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new GameError(`not a saved game: ${(err as Error).message}`);
  }
  assertGameState(data);
  return data;
}

export function clone(state: GameState): GameState {
  return restore(serialize(state));
}

/** A structural check of restored data: enough that the engine cannot crash on a corrupt save. */
export function assertGameState(data: unknown): asserts data is GameState {
  const fail = (what: string): never => {
    throw new GameError(`not a valid game state: ${what}`);
  };
  if (typeof data !== 'object' || data === null) fail('not an object');
  const s = data as Record<string, unknown>;
  if (s.format !== STATE_FORMAT) fail(`format is ${JSON.stringify(s.format)}, expected ${STATE_FORMAT}`);
  if (typeof s.turn !== 'number' || !Number.isInteger(s.turn) || s.turn < 0) fail('turn');
  if (typeof s.seed !== 'string') fail('seed');
  const rng = s.rng as Record<string, unknown> | undefined;
  if (!rng || typeof rng !== 'object') fail('rng');
  for (const name of STREAMS) {
    const st = rng![name] as Record<string, unknown> | undefined;
    if (!st || ['c', 's0', 's1', 's2'].some((k) => typeof st[k] !== 'number')) fail(`rng.${name}`);
  }
  const actors = s.actors as Record<string, unknown> | undefined;
  if (!actors || typeof actors !== 'object') fail('actors');
  for (const id of ACTOR_IDS) {
    const a = actors![id] as { value?: unknown; context?: unknown } | undefined;
    if (!a || typeof a.value !== 'string' || !ACTORS[id].isState(a.value)) fail(`actors.${id}`);
    if (typeof a!.context !== 'object' || a!.context === null) fail(`actors.${id}.context`);
  }
  for (const key of ['world', 'scenario', 'params', 'intel']) if (typeof s[key] !== 'object' || s[key] === null) fail(key);
  for (const key of ['schedule', 'history', 'rafahWindows']) if (!Array.isArray(s[key])) fail(key);
}
