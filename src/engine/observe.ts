/**
 * Fog of war: what one side knows. Attacks, deaths, strikes and Houthi attacks are public; Iran's
 * guidance to its partners, its arms shipments and the militias' private deliberations are not (the US
 * gets an intelligence estimate of them that can be wrong); each side knows its own posture and memory.
 * Bots and the player's screens see only this.
 */
import { ACTORS, ACTOR_NAMES } from '../model/actors/index.ts';
import { actionById, isPublicAction, type ActionDef, type Directive, type Side } from '../model/actions.ts';
import { rungName } from '../model/ladder.ts';
import type { Params } from '../model/params.ts';
import type { StateMeta } from '../model/runtime.ts';
import { dateAfter } from './dates.ts';
import { legalActions } from './game.ts';
import type { GameEvent, GameState, IntelItem, TurnRecord } from './state.ts';

export interface PublicTurn {
  readonly turn: number;
  readonly date: string;
  readonly rung: number;
  readonly attacksOnUS: number;
  readonly attacksOnUSIraq: number;
  readonly attacksOnUSSyria: number;
  readonly attacksOnUSJordan: number;
  readonly usKilled: number;
  readonly usInjured: number;
  readonly usStrikes: number;
  readonly houthiAttacks: number;
  readonly hezbollahFireDays: number;
  /** The opponent's action, where it could be seen; null where it was private. */
  readonly opponentAction: string | null;
  readonly ownAction: string;
}

export interface Observation {
  readonly side: Side;
  readonly turn: number;
  readonly turns: number;
  readonly date: string;
  readonly over: boolean;
  readonly posture: { readonly value: string; readonly meta: StateMeta };
  /** The side's own machine memory. */
  readonly memory: Readonly<Record<string, unknown>>;
  readonly rung: number;
  readonly rungName: string;
  readonly peakRung: number;
  readonly history: readonly PublicTurn[];
  readonly pressures: {
    readonly usDomesticPressure: number;
    readonly shippingDisruption: number;
    readonly withdrawalMomentum: number;
    /** Known to the US only: its own credibility. */
    readonly deterrence?: number;
    /** Known to Iran only. */
    readonly iranWarFear?: number;
    readonly axisGains?: number;
  };
  /** Iran only: the guidance it has given each front. */
  readonly directive?: Directive;
  /** Iran only: what its partners are doing, as its envoys and liaisons report it. */
  readonly partners?: readonly { readonly actor: string; readonly posture: string }[];
  readonly intel: readonly IntelItem[];
  /** Last turn's events this side could see. */
  readonly events: readonly GameEvent[];
  readonly legal: readonly string[];
  /** The model's parameters: the rules of the game are public, the state of the world is not. */
  readonly params: Params;
}

function publicTurn(t: TurnRecord, side: Side): PublicTurn {
  const other = side === 'us' ? t.actions.iran : t.actions.us;
  const def = actionById(other);
  const visible = def !== undefined && isPublicAction(def);
  return {
    turn: t.turn, date: t.date, rung: t.rung, attacksOnUS: t.attacksOnUS, attacksOnUSIraq: t.attacksOnUSIraq,
    attacksOnUSSyria: t.attacksOnUSSyria, attacksOnUSJordan: t.attacksOnUSJordan, usKilled: t.usKilled, usInjured: t.usInjured,
    usStrikes: t.usStrikes, houthiAttacks: t.houthiAttacks, hezbollahFireDays: t.hezbollahFireDays,
    opponentAction: visible ? other : null, ownAction: side === 'us' ? t.actions.us : t.actions.iran,
  };
}

/**
 * A bot reads a few fields of an observation; the UI reads them all. The per-turn history, the date and
 * last turn's events cost the most to build and are called for twice a turn in a batch, so they are
 * computed on first read (getters on the object: spreading or JSON still sees plain values).
 */
export function observe(state: GameState, side: Side): Observation {
  const own = state.actors[side];
  const meta = ACTORS[side].meta(own.value);
  const w = state.world;
  const momentum = state.actors.iraqiGovernment.context.withdrawalMomentum;
  // The lazy parts (see above), memoised per observation.
  let history: readonly PublicTurn[] | undefined;
  let events: readonly GameEvent[] | undefined;
  let date: string | undefined;
  // What only Iran knows: its own guidance, its partners' postures, its fear of war, the axis's gains.
  // (The US, in turn, alone knows its own credibility.)
  const iranOnly = side === 'iran';
  return {
    side, turn: state.turn, turns: state.scenario.turns,
    get date() { return (date ??= dateAfter(state.scenario.start, state.turn * state.scenario.daysPerTurn)); },
    over: state.over !== null,
    // Snapshots are immutable (the executor builds a new context per change), so no copy is needed.
    posture: { value: own.value, meta }, memory: own.context as unknown as Readonly<Record<string, unknown>>,
    rung: w.rung, rungName: rungName(w.rung), peakRung: w.peakRung,
    get history() { return (history ??= state.history.map((t) => publicTurn(t, side))); },
    intel: state.intel[side]?.items ?? [],
    get events() { return (events ??= lastTurnEvents(state, side)); },
    legal: legalIds(state, side),
    params: state.params,
    pressures: iranOnly
      ? { usDomesticPressure: w.usDomesticPressure, shippingDisruption: w.shippingDisruption, withdrawalMomentum: momentum, iranWarFear: w.iranWarFear, axisGains: w.axisGains }
      : { usDomesticPressure: w.usDomesticPressure, shippingDisruption: w.shippingDisruption, withdrawalMomentum: momentum, deterrence: w.deterrence },
    ...(iranOnly
      ? {
        directive: { ...w.directive },
        partners: PARTNERS.map((id) => ({ actor: ACTOR_NAMES[id], posture: ACTORS[id].meta(state.actors[id].value).label })),
      }
      : {}),
  };
}

const PARTNERS = ['iraqiMilitias', 'syrianMilitias', 'hezbollah', 'houthis'] as const;

/** Last turn's events this side could see: the log is in turn order, so only its tail is read. */
function lastTurnEvents(state: GameState, side: Side): GameEvent[] {
  const lastTurn = state.turn - 1;
  const log = state.log;
  let start = log.length;
  while (start > 0 && log[start - 1]!.turn >= lastTurn) start--;
  const out: GameEvent[] = [];
  for (let i = start; i < log.length; i++) {
    const e = log[i]!;
    if (e.turn === lastTurn && (e.visibility === 'public' || e.visibility === side)) out.push(e);
  }
  return out;
}

const LEGAL_IDS = new WeakMap<readonly ActionDef[], readonly string[]>();

/** The legal action IDs: the same list object while the legal set is the same, built once. */
function legalIds(state: GameState, side: Side): readonly string[] {
  const actions = legalActions(state, side);
  let ids = LEGAL_IDS.get(actions);
  if (!ids) {
    ids = Object.freeze(actions.map((a) => a.id));
    LEGAL_IDS.set(actions, ids);
  }
  return ids;
}
