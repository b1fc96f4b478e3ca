/**
 * The game state: plain, serialisable data. Actors are `{ value, context }` snapshots, the random
 * streams are their saved states. The per-turn history is the one record of what happened: totals,
 * peaks, the decision log and the event log are derived from it (history.ts), never stored twice.
 */
import type { ActorEvent } from '../model/events.ts';
import type { ActorId, ActorSnapshots } from '../model/actors/index.ts';
import type { Directive, DirectiveLevel, Front, Side } from '../model/actions.ts';
import type { Portfolio } from '../model/portfolio.ts';
import type { Place } from '../model/activity.ts';
import type { Params } from '../model/params.ts';
import type { Confidence, IntelSubject } from '../model/intel.ts';
import type { GameEvent, InjectKind } from './events.ts';
import type { StreamStates } from './rng.ts';

export type { DrawRecord, EventKind, GameEvent, Visibility } from './events.ts';

export const STATE_FORMAT = 'brink.state/3';

/** What each side ordered for a turn: a portfolio of one force and one signal action (model/portfolio.ts). */
export interface Decisions {
  readonly us: Portfolio;
  readonly iran: Portfolio;
}

/** The per-turn counts the batch runner aggregates (DESIGN.md's metric names). */
export interface Tally {
  readonly attacksOnUS: number;
  readonly attacksOnUSIraq: number;
  readonly attacksOnUSSyria: number;
  readonly attacksOnUSJordan: number;
  readonly fatalAttacks: number;
  readonly usKilled: number;
  readonly usInjured: number;
  /** US strikes on proxy or IRGC targets outside Yemen (and on Iran itself). */
  readonly usStrikes: number;
  readonly usStrikesYemen: number;
  readonly houthiAttacks: number;
  readonly hezbollahFireDays: number;
  readonly leadersKilled: number;
  readonly iranDirectAttacks: number;
  readonly strikesOnIran: number;
}

export const TALLY_KEYS: readonly (keyof Tally)[] = [
  'attacksOnUS',
  'attacksOnUSIraq',
  'attacksOnUSSyria',
  'attacksOnUSJordan',
  'fatalAttacks',
  'usKilled',
  'usInjured',
  'usStrikes',
  'usStrikesYemen',
  'houthiAttacks',
  'hezbollahFireDays',
  'leadersKilled',
  'iranDirectAttacks',
  'strikesOnIran',
];

/** A fresh tally of zeros, written out (in TALLY_KEYS's order) so that every tally has one shape. */
export function emptyTally(): Tally {
  return {
    attacksOnUS: 0,
    attacksOnUSIraq: 0,
    attacksOnUSSyria: 0,
    attacksOnUSJordan: 0,
    fatalAttacks: 0,
    usKilled: 0,
    usInjured: 0,
    usStrikes: 0,
    usStrikesYemen: 0,
    houthiAttacks: 0,
    hezbollahFireDays: 0,
    leadersKilled: 0,
    iranDirectAttacks: 0,
    strikesOnIran: 0,
  };
}

export interface Pressures {
  /** 0..1: credibility of US punishment; decays without reinforcement (R-SYS-03). */
  readonly deterrence: number;
  /** 0..1: criticism at home (R-USA-10, R-USA-02). */
  readonly usDomesticPressure: number;
  /** 0..1: Tehran's fear that war is near (R-IRN-02, R-IRN-03). */
  readonly iranWarFear: number;
  /** 0..1: what Iran believes the axis has won (R-IRN-06). */
  readonly axisGains: number;
  /** 0..1: disruption of Red Sea shipping (R-HOU-02). */
  readonly shippingDisruption: number;
}

/** One turn as it happened: the orders, the counts, the pressures at its end, and its events. */
export interface TurnRecord extends Tally, Pressures {
  readonly turn: number;
  readonly date: string;
  readonly rung: number;
  /**
   * The chance that this turn's ladder became regional war: a direct exchange running out of control
   * or the war hazard of the rungs reached and the strikes on Iran (R-SYS-06, R-SYS-01). The dice the sides
   * rolled whether or not war came; public, like the rules it comes from.
   */
  readonly warChance: number;
  readonly withdrawalMomentum: number;
  readonly actions: Decisions;
  readonly events: readonly GameEvent[];
  /** The intelligence each side read before choosing this turn's order (for the log and the debrief). */
  readonly intel: Readonly<Record<Side, IntelReport | null>>;
}

export interface World extends Pressures {
  readonly rung: number;
  readonly directive: Directive;
  readonly regionalWar: boolean;
  /** Highest rung each side acted at, this turn and last: a direct exchange means war. */
  readonly sideRungs: Readonly<Record<Side, readonly [number, number]>>;
}

/**
 * A world written out field by field, in one fixed order, from one place: the new game's and every turn's
 * working copy. Why not a spread: a spread of a frozen world (the state's) and the new game's literal gave
 * objects of different shapes, and each time a new shape reached the turn's draft V8 threw away the
 * compiled phases that read it (every batch worker paid those recompiles). A shallow copy: the directive and
 * the side rungs are replaced whole, never changed in place.
 */
export function copyWorld(w: World): { -readonly [K in keyof World]: World[K] } {
  return {
    rung: w.rung,
    deterrence: w.deterrence,
    usDomesticPressure: w.usDomesticPressure,
    iranWarFear: w.iranWarFear,
    axisGains: w.axisGains,
    shippingDisruption: w.shippingDisruption,
    directive: w.directive,
    regionalWar: w.regionalWar,
    sideRungs: w.sideRungs,
  };
}

/** A task the engine will carry out on a given day (a directive arriving, a truce ending …). */
export type Task =
  | {
      readonly kind: 'deliver';
      readonly actor: ActorId;
      readonly event: ActorEvent;
      readonly front: Front;
      readonly level: DirectiveLevel;
      readonly envoys: boolean;
      /** The turn whose order sent it. */
      readonly ordered: number;
    }
  | {
      readonly kind: 'inject';
      readonly inject: InjectKind;
      readonly event: ActorEvent;
      readonly rules: readonly string[];
      readonly note?: string;
    }
  | { readonly kind: 'deliberate'; readonly actor: ActorId }
  /** A shock fixed from the record (conditioned analysis only): an attack that kills, on its date. */
  | { readonly kind: 'forced-fatal'; readonly place: Place; readonly killed: number; readonly rules: readonly string[] };

/**
 * Shocks the record reveals, fixed for a conditioned game (the backtest, calibration): the first fatal
 * attack comes on a given day, and no attack kills before it. Part of the game's inputs, like the seed.
 */
export interface RecordShocks {
  readonly firstFatal?: { readonly date: string; readonly place: Place; readonly killed: number; readonly cites: readonly string[] };
}

export interface Scheduled {
  readonly day: number;
  readonly seq: number;
  readonly task: Task;
}

export interface RafahWindow {
  readonly id: string;
  readonly fromDay: number;
  readonly toDay: number;
  readonly chancePerTurn: number;
  readonly cites: readonly string[];
}

export type { IntelSubject } from '../model/intel.ts';

export interface IntelItem {
  readonly subject: IntelSubject;
  /** A directive level (guidance) or a posture name (posture). */
  readonly assessed: string;
  /** What the read's accuracy earns (model/intel.ts): "high" reads are right more often than "low" ones. */
  readonly confidence: Confidence;
}

export interface IntelReport {
  readonly turn: number;
  readonly items: readonly IntelItem[];
  /** What was really true, item by item: for the debrief, never shown to the side during play. */
  readonly truth: readonly string[];
}

export interface ScenarioRef {
  readonly id: string;
  readonly hash: string;
  readonly title: string;
  readonly start: string;
  readonly daysPerTurn: number;
  readonly turns: number;
  readonly gazaWarStart: string;
  readonly historical: boolean;
  /** The rung the scenario starts on (the ladder's peak is derived from it and the history). */
  readonly startRung: number;
  /** US deaths in the opening week (the scenario's `opening`), public: bots read them as the turn before. */
  readonly opening: { readonly usKilled: number };
}

export interface GameState {
  readonly format: typeof STATE_FORMAT;
  readonly scenario: ScenarioRef;
  readonly seed: string;
  /** Parameter overrides the game was started with, on top of the scenario's own (its inputs, for saves). */
  readonly overrides: Readonly<Record<string, number>>;
  /** Shocks fixed from the record (absent in ordinary play): see RecordShocks. */
  readonly shocks?: RecordShocks;
  /** While shocks fix the first fatal attack: the day before which no attack kills. */
  readonly noFatalBefore?: number;
  readonly params: Params;
  /** Turns completed. */
  readonly turn: number;
  readonly rng: StreamStates;
  readonly actors: ActorSnapshots;
  readonly world: World;
  readonly schedule: readonly Scheduled[];
  readonly seq: number;
  readonly rafahWindows: readonly RafahWindow[];
  /** The source of truth for everything that happened: one record a turn. */
  readonly history: readonly TurnRecord[];
  readonly intel: Readonly<Record<Side, IntelReport | null>>;
  readonly over: null | { readonly reason: 'horizon' | 'regional-war'; readonly turn: number };
}
