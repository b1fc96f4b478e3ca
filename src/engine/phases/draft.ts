/**
 * The turn's working copy. A turn is one reducer (turn.ts) running named phases over this draft: each
 * phase reads the state the turn started from (`base`, never written), and writes the draft's plain
 * mutable fields. The draft becomes the next state in one place (`finishTurn` in turn.ts).
 *
 * The helpers here are the only ways a phase changes the world: `send` an event to an actor (and log
 * the transition its meta describes), `schedule` a task, `emit` an event to the log.
 */
import { ACTORS, ACTOR_IDS, type ActivitySum, type ActorId, type ActorSnapshots } from '../../model/actors/index.ts';
import type { ActorEvent } from '../../model/events.ts';
import type { Params } from '../../model/params.ts';
import type { ActorDefinition, ActorSnapshot, StateMeta } from '../../model/runtime.ts';
import type { GameEvent } from '../events.ts';
import { openStreams, type Stream, type WorldStreamName } from '../rng.ts';
import {
  copyWorld,
  emptyTally,
  type GameState,
  type IntelReport,
  type RafahWindow,
  type Scheduled,
  type Tally,
  type Task,
  type World,
} from '../state.ts';

// Every actor's definition shares one event type; their contexts differ, which the table cannot express.
export const DEFINITIONS = ACTORS as unknown as Readonly<Record<ActorId, ActorDefinition<object, ActorEvent>>>;

export function metaOf(id: ActorId, value: string): StateMeta {
  return DEFINITIONS[id].meta(value);
}

/** The debrief weight of a move within a posture (a vow, a refusal): small, but on the record. */
const WITHIN_POSTURE_WEIGHT = 3;
const DEFAULT_POSTURE_WEIGHT = 15;

export type MutableWorld = { -readonly [K in keyof World]: World[K] };

export interface TurnDraft {
  readonly base: GameState;
  readonly params: Params;
  readonly turn: number;
  readonly startDay: number;
  readonly endDay: number;
  /** The turn's length in weeks (rates in the documents are per day; pressures move per week). */
  readonly weeks: number;
  readonly streams: Readonly<Record<WorldStreamName, Stream>>;
  readonly actors: { -readonly [K in ActorId]: ActorSnapshots[K] };
  readonly world: MutableWorld;
  readonly schedule: Scheduled[];
  seq: number;
  readonly rafahWindows: RafahWindow[];
  readonly tally: Record<keyof Tally, number>;
  readonly events: GameEvent[];
  /** The highest rung each side acted at this turn, and what the proxies' activity reached. */
  readonly rungs: { us: number; iran: number; activity: number };
  /** The ladder's rung at the end of the turn (set by the ladder phase). */
  rung: number;
  /** Added war hazard from what the sides did this turn (strikes on Iran or its forces, R-SYS-06). */
  warActs: number;
  /** The chance this turn's ladder became regional war (set by the ladder phase). */
  warChance: number;
  war: boolean;
  intel: Readonly<Record<'us' | 'iran', IntelReport | null>>;
  /** Counts the changes to `actors` (every one goes through `send`), so a cache can tell it is still current. */
  actorChanges: number;
  /** The activity rates last summed, and the actors and deterrence they were summed from (phases/segments.ts). */
  rates: { readonly sum: ActivitySum; readonly deterrence: number; readonly actorChanges: number } | undefined;
}

export function openDraft(base: GameState): TurnDraft {
  const streams = openStreams(base.rng);
  const startDay = base.turn * base.scenario.daysPerTurn;
  return {
    base,
    params: base.params,
    turn: base.turn,
    startDay,
    endDay: startDay + base.scenario.daysPerTurn,
    weeks: base.scenario.daysPerTurn / 7,
    streams,
    actors: { ...base.actors },
    world: copyWorld(base.world),
    schedule: [...base.schedule],
    seq: base.seq,
    rafahWindows: [...base.rafahWindows],
    tally: emptyTally() as Record<keyof Tally, number>,
    events: [],
    rungs: { us: 0, iran: 0, activity: 0 },
    rung: base.world.rung,
    warActs: 0,
    warChance: 0,
    war: false,
    intel: base.intel,
    actorChanges: 0,
    rates: undefined,
  };
}

export function emit(d: TurnDraft, e: GameEvent): void {
  d.events.push(e);
}

export function schedule(d: TurnDraft, day: number, task: Task): void {
  d.schedule.push({ day, seq: d.seq, task });
  d.seq += 1;
}

/** A lag in whole days, drawn between two parameters (inclusive) from the diplomacy stream. */
export function drawLag(d: TurnDraft, [min, max]: readonly [keyof Params, keyof Params]): number {
  return d.streams.diplomacy.int(d.params[min], d.params[max]);
}

/**
 * Tells an actor what happened. A transition whose meta says what it means goes on the log, seen by
 * whom the transition's meta says, else the new posture's, and weighted as the posture's meta says; entering a deliberating posture schedules
 * the deliberation (the posture's meta gives the lag).
 */
export function send(d: TurnDraft, id: ActorId, event: ActorEvent, day: number): void {
  const def = DEFINITIONS[id];
  const snap = d.actors[id] as ActorSnapshot<object>;
  const t = def.pick(snap, event);
  if (!t) return;
  const next = def.take(snap, event, t);
  (d.actors as Record<ActorId, ActorSnapshot<object>>)[id] = next;
  d.actorChanges += 1;
  const from = snap.value;
  const to = next.value;
  const changed = from !== to;
  // Most transitions (a week passing, a directive noted) neither log nor move: no posture meta needed.
  if (!changed && !t.meta) return;
  const meta = def.meta(to);
  if (t.meta) {
    emit(d, {
      kind: 'posture',
      turn: d.turn,
      day,
      actor: id,
      from,
      to,
      on: t.on,
      index: t.index,
      rules: t.meta.rules,
      visibility: t.meta.seenBy ?? meta.seenBy ?? 'public',
      weight: changed ? (meta.weight ?? DEFAULT_POSTURE_WEIGHT) : WITHIN_POSTURE_WEIGHT,
    });
  }
  if (changed && meta.deliberates) schedule(d, day + drawLag(d, meta.deliberates.lagDays), { kind: 'deliberate', actor: id });
}

export function broadcast(d: TurnDraft, event: ActorEvent, day: number): void {
  for (const id of ACTOR_IDS) send(d, id, event, day);
}
