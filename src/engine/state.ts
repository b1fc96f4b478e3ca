/**
 * The game state: plain, serialisable data. Actors are `{ value, context }` snapshots, the random
 * streams are their saved states, the decisions are kept as the game's action log, so a game can be
 * saved, cloned, replayed and compared byte for byte.
 */
import type { ActorEvent } from '../model/events.ts';
import type { ActorId, ActorSnapshots } from '../model/actors/index.ts';
import type { Directive, Side } from '../model/actions.ts';
import type { Params } from '../model/params.ts';
import type { StreamStates } from './rng.ts';

export const STATE_FORMAT = 'brink.state/1';

export interface Decisions {
  readonly us: string;
  readonly iran: string;
}

/** The per-game counts the batch runner aggregates (DESIGN.md's metric names). */
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
  'attacksOnUS', 'attacksOnUSIraq', 'attacksOnUSSyria', 'attacksOnUSJordan', 'fatalAttacks', 'usKilled', 'usInjured',
  'usStrikes', 'usStrikesYemen', 'houthiAttacks', 'hezbollahFireDays', 'leadersKilled', 'iranDirectAttacks', 'strikesOnIran',
];

export function emptyTally(): Tally {
  const t = {} as Record<keyof Tally, number>;
  for (const k of TALLY_KEYS) t[k] = 0;
  return t;
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

export interface TurnRecord extends Tally, Pressures {
  readonly turn: number;
  readonly date: string;
  readonly rung: number;
  readonly withdrawalMomentum: number;
  readonly actions: Decisions;
}

export interface World extends Pressures {
  readonly rung: number;
  readonly peakRung: number;
  readonly directive: Directive;
  readonly totals: Tally;
  readonly regionalWar: boolean;
  /** Highest rung each side acted at, this turn and last: a direct exchange means war. */
  readonly sideRungs: Readonly<Record<Side, readonly [number, number]>>;
}

export type Visibility = 'public' | Side;

/** A draw that decided something, kept so the debrief can say "a 0.6 % chance came up". */
export interface DrawRecord {
  readonly stream: string;
  readonly u: number;
  readonly p: number;
}

export type EventKind =
  | 'action' | 'directive' | 'posture' | 'attacks' | 'fatal' | 'strike' | 'inject' | 'compliance' | 'ladder' | 'war' | 'intel';

export interface GameEvent {
  readonly turn: number;
  readonly day: number;
  readonly kind: EventKind;
  readonly actor: ActorId | 'world';
  readonly text: string;
  readonly rules: readonly string[];
  readonly visibility: Visibility;
  /** How much the event moved the game (the debrief ranks turning points by it). */
  readonly weight: number;
  readonly draw?: DrawRecord;
  readonly rung?: { readonly from: number; readonly to: number };
  readonly posture?: { readonly from: string; readonly to: string };
}

/** A task the engine will carry out on a given day (a directive arriving, a truce ending …). */
export type Task =
  | { readonly kind: 'deliver'; readonly actor: ActorId | 'all'; readonly event: ActorEvent; readonly cause: string; readonly rules: readonly string[] }
  | { readonly kind: 'compliance'; readonly actor: 'iraqiMilitias' };

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

export interface IntelItem {
  readonly subject: string;
  readonly assessed: string;
  readonly confidence: 'high' | 'moderate';
}

export interface IntelReport {
  readonly turn: number;
  readonly items: readonly IntelItem[];
  /** What was really true: for the debrief, never shown to the side during play. */
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
}

export interface GameState {
  readonly format: typeof STATE_FORMAT;
  readonly scenario: ScenarioRef;
  readonly seed: string;
  readonly params: Params;
  /** Turns completed. */
  readonly turn: number;
  readonly rng: StreamStates;
  readonly actors: ActorSnapshots;
  readonly world: World;
  readonly schedule: readonly Scheduled[];
  readonly seq: number;
  readonly rafahWindows: readonly RafahWindow[];
  readonly history: readonly TurnRecord[];
  readonly log: readonly GameEvent[];
  readonly decisions: readonly Decisions[];
  readonly intel: Readonly<Record<Side, IntelReport | null>>;
  readonly over: null | { readonly reason: 'horizon' | 'regional-war'; readonly turn: number };
}
