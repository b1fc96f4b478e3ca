/**
 * Fog of war: what one side knows. Attacks, deaths, strikes and Houthi attacks are public; Iran's
 * guidance to its partners, its arms shipments and the militias' private deliberations are not (the US
 * gets an intelligence estimate of them that can be wrong); each side knows its own posture and memory.
 * Bots and the player's screens see only this.
 */
import { ACTORS, type ActorId } from '../model/actors/index.ts';
import { commandersLeft, type ActionDef, type Directive, type Side } from '../model/actions.ts';
import type { Params } from '../model/params.ts';
import { seenOrder, type Portfolio } from '../model/portfolio.ts';
import type { StateMeta } from '../model/runtime.ts';
import { dateAfter } from './dates.ts';
import { legalActions } from './game.ts';
import { isVisibleTo, type GameEvent } from './events.ts';
import { peakRungOf } from './history.ts';
import type { GameState, IntelItem, TurnRecord } from './state.ts';

export interface PublicTurn {
  readonly turn: number;
  readonly date: string;
  readonly rung: number;
  /** The chance the week's ladder became regional war (TurnRecord.warChance): public, like the rules. */
  readonly warChance: number;
  readonly attacksOnUS: number;
  readonly attacksOnUSIraq: number;
  readonly attacksOnUSSyria: number;
  readonly attacksOnUSJordan: number;
  /** Iran's own forces firing on US forces (the IRGC's direct attack): public, it is US forces they hit. */
  readonly iranDirectAttacks: number;
  readonly usKilled: number;
  readonly usInjured: number;
  /** US strikes outside Yemen (Iraq, Syria, the IRGC, Iran itself). */
  readonly usStrikes: number;
  /** Of those, strikes inside Iran: public, and a rung the record never reached (R-USA-03). */
  readonly strikesOnIran: number;
  /** US strikes on the Houthis in Yemen, counted apart. */
  readonly usStrikesYemen: number;
  readonly houthiAttacks: number;
  readonly hezbollahFireDays: number;
  /** The opponent's order, lever by lever: each action where it could be seen, null where it was private. */
  readonly opponentOrder: { readonly force: string | null; readonly signal: string | null };
  readonly ownOrder: Portfolio;
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
  readonly peakRung: number;
  readonly history: readonly PublicTurn[];
  /**
   * The public record of the days before the first order (the scenario's opening week), which a side
   * reads on the first turn as it reads `history` later: US deaths there (tower-22 opens on three).
   */
  readonly opening: { readonly usKilled: number };
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
  /** US only: militia commanders its intelligence can still find for a leadership strike (F-10, F-11). */
  readonly commandersLeft?: number;
  /** Iran only: what its partners are doing, as its envoys and liaisons report it. */
  readonly partners?: readonly { readonly actor: ActorId; readonly posture: string }[];
  readonly intel: readonly IntelItem[];
  /** Last turn's events this side could see. */
  readonly events: readonly GameEvent[];
  readonly legal: readonly string[];
  /** The model's parameters: the rules of the game are public, the state of the world is not. */
  readonly params: Params;
}

function publicTurn(t: TurnRecord, side: Side): PublicTurn {
  const other = side === 'us' ? t.actions.iran : t.actions.us;
  return {
    turn: t.turn,
    date: t.date,
    rung: t.rung,
    warChance: t.warChance,
    attacksOnUS: t.attacksOnUS,
    attacksOnUSIraq: t.attacksOnUSIraq,
    attacksOnUSSyria: t.attacksOnUSSyria,
    attacksOnUSJordan: t.attacksOnUSJordan,
    iranDirectAttacks: t.iranDirectAttacks,
    usKilled: t.usKilled,
    usInjured: t.usInjured,
    usStrikes: t.usStrikes,
    strikesOnIran: t.strikesOnIran,
    usStrikesYemen: t.usStrikesYemen,
    houthiAttacks: t.houthiAttacks,
    hezbollahFireDays: t.hezbollahFireDays,
    opponentOrder: seenOrder(other),
    ownOrder: side === 'us' ? t.actions.us : t.actions.iran,
  };
}

/**
 * A bot reads a few fields of an observation; the UI reads them all. It is made twice a turn in every
 * game of a batch, so it is a class: the cheap fields are set at once, and the ladder's peak, the
 * pressures, the per-turn history, the date, last turn's events and Iran's partners are built on first
 * read (getters on the prototype, memoised), which keeps each observation one small object of a fixed
 * shape.
 */
class SideObservation implements Observation {
  readonly turn: number;
  readonly turns: number;
  readonly over: boolean;
  readonly posture: { readonly value: string; readonly meta: StateMeta };
  readonly memory: Readonly<Record<string, unknown>>;
  readonly rung: number;
  readonly intel: readonly IntelItem[];
  readonly legal: readonly string[];
  readonly params: Params;
  readonly opening: { readonly usKilled: number };
  /** What only Iran knows: its own guidance (its partners' postures are a getter below). */
  readonly directive: Directive | undefined;
  private peakRungCache: number | undefined;
  private pressuresCache: Observation['pressures'] | undefined;
  private historyCache: readonly PublicTurn[] | undefined;
  private eventsCache: readonly GameEvent[] | undefined;
  private dateCache: string | undefined;
  private partnersCache: readonly { readonly actor: ActorId; readonly posture: string }[] | undefined;

  /** The whole state, kept truly private (#): a bot reaches only what the getters above expose. */
  readonly #state: GameState;

  constructor(
    state: GameState,
    readonly side: Side,
  ) {
    this.#state = state;
    const own = state.actors[side];
    const w = state.world;
    this.turn = state.turn;
    this.turns = state.scenario.turns;
    this.over = state.over !== null;
    // Snapshots are immutable (the executor builds a new context per change), so no copy is needed.
    this.posture = { value: own.value, meta: ACTORS[side].meta(own.value) };
    this.memory = own.context as unknown as Readonly<Record<string, unknown>>;
    this.rung = w.rung;
    this.intel = state.intel[side]?.items ?? [];
    this.legal = legalIds(state, side);
    this.params = state.params;
    this.opening = state.scenario.opening;
    this.directive = side === 'iran' ? w.directive : undefined;
  }

  /** What only the US knows: the commanders its intelligence can still find (read by the orders pane). */
  get commandersLeft(): number | undefined {
    const s = this.#state;
    return this.side === 'us' ? commandersLeft(s.params.commandersInReach, s.actors.iraqiMilitias.context.leadersKilled) : undefined;
  }

  get peakRung(): number {
    return (this.peakRungCache ??= peakRungOf(this.#state));
  }
  get pressures(): Observation['pressures'] {
    if (this.pressuresCache) return this.pressuresCache;
    const w = this.#state.world;
    const momentum = this.#state.actors.iraqiGovernment.context.withdrawalMomentum;
    // The US alone knows its own credibility; Iran alone its fear of war and the axis's gains.
    this.pressuresCache =
      this.side === 'iran'
        ? {
            usDomesticPressure: w.usDomesticPressure,
            shippingDisruption: w.shippingDisruption,
            withdrawalMomentum: momentum,
            iranWarFear: w.iranWarFear,
            axisGains: w.axisGains,
          }
        : {
            usDomesticPressure: w.usDomesticPressure,
            shippingDisruption: w.shippingDisruption,
            withdrawalMomentum: momentum,
            deterrence: w.deterrence,
          };
    return this.pressuresCache;
  }

  get date(): string {
    return (this.dateCache ??= dateAfter(this.#state.scenario.start, this.#state.turn * this.#state.scenario.daysPerTurn));
  }
  get history(): readonly PublicTurn[] {
    return (this.historyCache ??= this.#state.history.map((t) => publicTurn(t, this.side)));
  }
  get events(): readonly GameEvent[] {
    return (this.eventsCache ??= lastTurnEvents(this.#state, this.side));
  }
  get partners(): readonly { readonly actor: ActorId; readonly posture: string }[] | undefined {
    if (this.side !== 'iran') return undefined;
    return (this.partnersCache ??= PARTNERS.map((id) => ({ actor: id, posture: this.#state.actors[id].value })));
  }
}

export function observe(state: GameState, side: Side): Observation {
  return new SideObservation(state, side);
}

/**
 * The partners whose posture Tehran simply knows. The Iraqi and Syrian militias are not among them: Iran
 * learns their postures from its envoys' reports, which its intelligence carries with their confidence
 * (model/intel.ts, R-IRN-13), and a second, exact copy here would contradict a wrong report.
 */
const PARTNERS = ['hezbollah', 'houthis'] as const;

/** Last turn's events this side could see. */
function lastTurnEvents(state: GameState, side: Side): GameEvent[] {
  const last = state.history[state.history.length - 1];
  return last ? last.events.filter((e) => isVisibleTo(e, side)) : [];
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
