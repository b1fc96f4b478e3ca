/**
 * What happened in a game, as data. Every event names its actors, postures and actions by ID, carries
 * its counts and the draw that decided it, and cites the rules behind it; sentences are made from these
 * only at the edges (src/analysis/render.ts), so the engine and the batch path build no text at all, and
 * the debrief, determinization and the questions read payloads, never prose.
 */
import type { ActorId } from '../model/actors/index.ts';
import type { ActorEvent } from '../model/events.ts';
import type { ActionId, DirectiveLevel, Front, Side, StrikeTarget } from '../model/actions.ts';
import type { Place } from '../model/activity.ts';

/** Who sees an event: everyone, or only one side. */
export type Visibility = 'public' | Side;

/** A draw that decided something, kept so the debrief can say "a 0.6 % chance came up". */
export interface DrawRecord {
  readonly stream: string;
  readonly u: number;
  readonly p: number;
}

interface Common {
  readonly turn: number;
  /** Days since the scenario's start. */
  readonly day: number;
  readonly rules: readonly string[];
  readonly visibility: Visibility;
  /** How much the event moved the game (the debrief ranks turning points by it). */
  readonly weight: number;
  readonly draw?: DrawRecord;
}

/** A side's chosen action, as it takes effect at the start of the turn. */
export interface ActionEvent extends Common {
  readonly kind: 'action';
  readonly actor: Side;
  readonly action: ActionId;
}

/** A US strike package and how many strikes it held. */
export interface StrikeEvent extends Common {
  readonly kind: 'strike';
  readonly actor: 'us';
  readonly action: ActionId;
  readonly target: StrikeTarget;
  readonly count: number;
  /** The package killed a militia commander (the action's effect: the record's 4 Jan and 7 Feb strikes, F-08). */
  readonly leaderKilled?: true;
  /** A strike aimed at a commander when none was left in reach (`commandersInReach`): it killed nobody. */
  readonly noCommanderInReach?: true;
}

/** Iran's guidance for a front reaches the partner there (after its lag). */
export interface DirectiveEvent extends Common {
  readonly kind: 'directive';
  readonly actor: ActorId;
  readonly front: Front;
  readonly level: DirectiveLevel;
  readonly envoys: boolean;
  /** The turn whose order sent it: the same turn, or an earlier one when the lag carried it over. */
  readonly ordered: number;
}

/** Something the scenario or chance brings from outside the two sides' choices. */
export type InjectKind = 'truce-start' | 'truce-end' | 'rafah-assault' | 'rafah-decision';

/**
 * What an inject tells the actors' machines when it happens (Israel decides on Rafah without telling
 * anyone: only the assault it schedules is broadcast). The scenario's truces and the drawn assault are
 * scheduled with these, and the week's lines read them to find the move an inject itself made.
 */
export const INJECT_MESSAGES = {
  'truce-start': { type: 'TRUCE_START' },
  'truce-end': { type: 'TRUCE_END' },
  'rafah-assault': { type: 'RAFAH_ASSAULT' },
} as const satisfies Readonly<Partial<Record<InjectKind, ActorEvent>>>;

/** The message an inject broadcasts, if any. */
export function injectMessage(inject: InjectKind): ActorEvent | undefined {
  return inject in INJECT_MESSAGES ? INJECT_MESSAGES[inject as keyof typeof INJECT_MESSAGES] : undefined;
}

export interface InjectEvent extends Common {
  readonly kind: 'inject';
  readonly actor: 'world' | 'israel';
  readonly inject: InjectKind;
  /** The scenario's own note on the inject, where it gives one. */
  readonly note?: string;
}

/**
 * An actor's machine took a transition that means something: a change of posture, or a move within one
 * (`from === to`). `on` and `index` find the transition's meta again (its rules and its line of text).
 */
export interface PostureEvent extends Common {
  readonly kind: 'posture';
  readonly actor: ActorId;
  readonly from: string;
  readonly to: string;
  readonly on: string;
  readonly index: number;
}

/** Militia leaders weigh a halt: complied when the draw came in under the chance. */
export interface ComplianceEvent extends Common {
  readonly kind: 'compliance';
  readonly actor: ActorId;
  readonly chance: number;
}

/** The turn's attacks, by place and front. */
export interface AttacksEvent extends Common {
  readonly kind: 'attacks';
  readonly actor: 'world';
  readonly onUS: Readonly<Record<Place, number>>;
  readonly shipping: number;
  readonly borderFireDays: number;
}

/** An attack killed US personnel. */
export interface FatalEvent extends Common {
  readonly kind: 'fatal';
  readonly actor: ActorId;
  readonly place: Place;
  readonly killed: number;
}

/** The ladder moved two rungs or more in a turn. */
export interface LadderEvent extends Common {
  readonly kind: 'ladder';
  readonly actor: 'world';
  readonly from: number;
  readonly to: number;
}

/** Regional war: a direct exchange, or a miscalculation drawn from the war hazard. */
export interface WarEvent extends Common {
  readonly kind: 'war';
  readonly actor: 'world';
  readonly cause: 'direct-exchange' | 'miscalculation';
  /** The rung the ladder stood at when war came. */
  readonly from: number;
}

export type GameEvent =
  | ActionEvent
  | StrikeEvent
  | DirectiveEvent
  | InjectEvent
  | PostureEvent
  | ComplianceEvent
  | AttacksEvent
  | FatalEvent
  | LadderEvent
  | WarEvent;

export type EventKind = GameEvent['kind'];
export type EventOfKind<K extends EventKind> = Extract<GameEvent, { kind: K }>;

/** Every kind, for tests that render each one and for code that must handle them all. */
export const EVENT_KINDS: readonly EventKind[] = [
  'action',
  'strike',
  'directive',
  'inject',
  'posture',
  'compliance',
  'attacks',
  'fatal',
  'ladder',
  'war',
];

export function isVisibleTo(e: GameEvent, side: Side): boolean {
  return e.visibility === 'public' || e.visibility === side;
}
