/**
 * One definition, two executors.
 *
 * Each actor is written once, as an xstate v5 machine built with `setup({ guards, actions })`: named,
 * parameterised guards and `assign` actions, states whose `meta` says which rules they encode. That
 * machine is the single source of policy truth.
 *
 * The engine steps machines thousands of times a second, and xstate's pure `transition()` builds a new
 * scope on every call (≈ 8 µs measured, DESIGN.md). So `defineActor` also compiles the *same* config and
 * the *same* guard and update functions into a direct lookup executor (≈ 0.2 µs). The compiled form
 * supports exactly the subset the actors use (flat states, `on` transitions with named guards, targets
 * and named actions, `entry` actions) and refuses anything else at definition time;
 * test/model/runtime.test.ts checks with fast-check that both executors agree on random event sequences.
 */
import { assign, setup, transition, type AnyStateMachine } from 'xstate';
import type { ActivitySpec } from './activity.ts';
import type { Params, ParamId } from './params.ts';

/**
 * An actor as it sits in the game state: plain data, never a live actor, so games save and clone.
 * `S` is the actor's posture names: a misspelt posture is a type error, not a silent default branch.
 */
export interface ActorSnapshot<C, S extends string = string> {
  readonly value: S;
  readonly context: C;
}

export interface EventBase {
  readonly type: string;
}

export interface GuardArgs<C, E> {
  readonly context: C;
  readonly event: E;
}

export type Guard<C, E> = (args: GuardArgs<C, E>, params: Readonly<Record<string, unknown>> | undefined) => boolean;
export type Update<C, E> = (args: GuardArgs<C, E>, params: Readonly<Record<string, unknown>> | undefined) => Partial<C>;

export type ActionRef = string | { readonly type: string; readonly params?: Readonly<Record<string, unknown>> };
export type GuardRef = string | { readonly type: string; readonly params?: Readonly<Record<string, unknown>> };

export interface TransitionMeta {
  /** The DOMAIN.md rule IDs this transition encodes. */
  readonly rules: readonly string[];
  /** What the transition means, in a line, for the event log and the debrief. */
  readonly says: string;
  /**
   * Who learns of this move, where it differs from the posture it enters (StateMeta.seenBy): a group
   * taking up attacks again out of a public stand-down is seen by everyone, since its attacks are.
   */
  readonly seenBy?: 'public' | 'iran';
}

export interface TransitionConfig<S extends string = string> {
  readonly target?: S;
  readonly guard?: GuardRef;
  readonly actions?: readonly ActionRef[];
  readonly meta?: TransitionMeta;
}

/**
 * Everything the engine needs to know about a posture, read generically: no posture name appears
 * outside the machine definitions.
 */
export interface StateMeta {
  /** Short name of the posture, shown to players. */
  readonly label: string;
  readonly rules: readonly string[];
  /** For the two playable sides: what the documents say this actor does in this posture. */
  readonly recommends?: Recommendation;
  /**
   * Who learns that the actor moved into this posture: everyone (the default), or only Iran, which hears
   * of its partners' private deliberations through its envoys and liaisons (R-IRN-05, R-IRN-13).
   */
  readonly seenBy?: 'public' | 'iran';
  /** How far a move into this posture moves the game: the debrief ranks turning points by it (default 15). */
  readonly weight?: number;
  /** What the actor does while in this posture: per-day rates as products of parameters (activity.ts). */
  readonly activity?: readonly ActivitySpec[];
  /**
   * Entering this posture opens a deliberation: after a lag drawn between the two parameters (days) the
   * engine draws the actor's `deliberation` chance and sends COMPLIANCE_DRAW; it repeats while the actor
   * stays in a deliberating posture (R-MIL-02, P-08).
   */
  readonly deliberates?: { readonly lagDays: readonly [ParamId, ParamId] };
  /** Who, in this posture, presses Iran's partners to accept a halt (R-IRQ-01, R-IRQ-02). */
  readonly presses?: readonly Presser[];
  /** A posture of open war: never a misread, nor a guess when a side imagines the other's posture, before a war. */
  readonly atWar?: boolean;
  /**
   * A posture held only while the Gaza truce is in force. The truce is public (T-07), so no intelligence
   * service mistakes an actor for observing it when there is none, and no search bot imagines it
   * (engine/public-postures.ts).
   */
  readonly inTruce?: boolean;
  /**
   * A militia standing down on Iran's halt (R-IRN-05): what ends it, Iran's guidance or a relapse after
   * strikes, is what broke the calm it kept (analysis/debrief/decider.ts).
   */
  readonly halted?: boolean;
}

/** Those whose pressure on the militias the documents describe, besides Tehran's own. */
export type Presser = 'baghdad' | 'clerics';

/**
 * A historical recommendation: an order (a portfolio ID `force+signal`, or one action, model/portfolio.ts);
 * a chance (a parameter ID) between two recommendations; or a choice on a boolean flag of the actor's
 * context.
 */
export type Recommendation =
  | { readonly action: string }
  | { readonly chance: string; readonly then: string | Recommendation; readonly otherwise: string | Recommendation }
  | { readonly flag: string; readonly then: string | Recommendation; readonly otherwise: string | Recommendation };

/** Every order a recommendation may come to. */
export function recommendedOrders(rec: string | Recommendation): string[] {
  if (typeof rec === 'string') return [rec];
  if ('action' in rec) return [rec.action];
  return [...recommendedOrders(rec.then), ...recommendedOrders(rec.otherwise)];
}

/** Every chance (parameter ID) a recommendation draws on. */
export function recommendationChances(rec: string | Recommendation): string[] {
  if (typeof rec === 'string' || 'action' in rec) return [];
  return [...('chance' in rec ? [rec.chance] : []), ...recommendationChances(rec.then), ...recommendationChances(rec.otherwise)];
}

/** A recommendation in a line, for `brink explain`. */
export function describeRecommendation(rec: string | Recommendation): string {
  if (typeof rec === 'string') return rec;
  if ('action' in rec) return rec.action;
  const then = describeRecommendation(rec.then);
  const otherwise = describeRecommendation(rec.otherwise);
  return 'chance' in rec ? `${then} with chance ${rec.chance}, else ${otherwise}` : `${then} if ${rec.flag}, else ${otherwise}`;
}

export interface StateConfig<S extends string = string> {
  readonly on?: Readonly<Record<string, TransitionConfig<S> | readonly TransitionConfig<S>[]>>;
  readonly entry?: readonly ActionRef[];
  readonly meta: StateMeta;
}

/** What an actor's deliberation chance may read besides its own memory. */
export interface DeliberationInputs {
  /** Who presses the actor to comply (from the other actors' postures' `presses`). */
  readonly pressers: ReadonlySet<Presser>;
  /** 0..1: Tehran's fear that war is near. */
  readonly iranWarFear: number;
}

export interface ActorSpec<C extends object, E extends EventBase, S extends string = string> {
  readonly id: string;
  readonly initial: NoInfer<S>;
  readonly context: C;
  /**
   * The parameters the actor keeps in its own memory, as xstate's `input`: the only way parameters
   * reach a machine (events carry what happened, never settings).
   */
  readonly input?: (params: Params) => Partial<C>;
  readonly guards: Readonly<Record<string, Guard<C, E>>>;
  readonly updates: Readonly<Record<string, Update<C, E>>>;
  readonly states: Readonly<Record<S, StateConfig<NoInfer<S>>>>;
  /** For actors with deliberating postures: the chance that a deliberation ends in compliance. */
  readonly deliberation?: (context: C, inputs: DeliberationInputs, params: Params) => number;
  /**
   * The parameters `deliberation` reads, declared so `brink explain` can say where each is used without
   * reading source (test/engine/param-reads.test.ts checks the list against the reads it makes).
   */
  readonly deliberationReads?: readonly ParamId[];
}

/** What happened when an event reached an actor. */
export interface Fired<C, S extends string = string> {
  readonly snapshot: ActorSnapshot<C, S>;
  /**
   * Set when a transition was taken (even a targetless one that only updated context): where from and to,
   * on which event, and which of that event's candidate transitions (its index), so the transition's
   * meta can be found again from data alone.
   */
  readonly transition?: { readonly from: S; readonly to: S; readonly on: string; readonly index: number; readonly meta?: TransitionMeta };
}

/**
 * A transition as the fast executor holds it: `pick` returns one, `take` applies it. The engine steps
 * machines through these two (no result object per event); `send` wraps them for everyone else.
 */
export interface CompiledTransition {
  /** The event type it answers, and its place among that event's candidates in its state. */
  readonly on: string;
  readonly index: number;
  readonly target: string | undefined;
  readonly guard: { readonly type: string; readonly params: Readonly<Record<string, unknown>> | undefined } | undefined;
  readonly actions: readonly { readonly type: string; readonly params: Readonly<Record<string, unknown>> | undefined }[];
  readonly meta: TransitionMeta | undefined;
}

export interface ActorDefinition<C extends object, E extends EventBase, S extends string = string> {
  readonly id: string;
  readonly spec: ActorSpec<C, E, S>;
  /** The xstate machine: the reference executor and what tools (visualisers, tests) inspect. */
  readonly machine: AnyStateMachine;
  readonly stateIds: readonly S[];
  /** The starting snapshot: the machine's context, its `input` from the parameters, then overrides. */
  initial(params: Params, context?: Partial<C>, value?: string): ActorSnapshot<C, S>;
  /** Fast executor over the same definition. Returns the same snapshot object when nothing happens. */
  send(snapshot: ActorSnapshot<C, S>, event: E): Fired<C, S>;
  /** The transition `event` takes from `snapshot` (its guard passed), if any: `send` without its result object. */
  pick(snapshot: ActorSnapshot<C, S>, event: E): CompiledTransition | undefined;
  /** The snapshot after taking `t` (which `pick` returned for this snapshot and event): a new object. */
  take(snapshot: ActorSnapshot<C, S>, event: E, t: CompiledTransition): ActorSnapshot<C, S>;
  /** Reference executor: xstate's own pure `transition()`. */
  sendWithXstate(snapshot: ActorSnapshot<C, S>, event: E): ActorSnapshot<C, S>;
  meta(value: string): StateMeta;
  isState(value: string): value is S;
  /** The meta of a transition a `Fired` reported (from its state, event type and index). */
  transitionMeta(from: string, on: string, index: number): TransitionMeta | undefined;
}

function normaliseRef(ref: ActionRef | GuardRef): { type: string; params: Readonly<Record<string, unknown>> | undefined } {
  return typeof ref === 'string' ? { type: ref, params: undefined } : { type: ref.type, params: ref.params };
}

export function defineActor<C extends object, E extends EventBase, S extends string>(spec: ActorSpec<C, E, S>): ActorDefinition<C, E, S> {
  const states = spec.states as Readonly<Record<string, StateConfig<S>>>;
  const stateIds = Object.keys(states) as S[];
  if (!states[spec.initial]) throw new Error(`${spec.id}: initial state '${spec.initial}' is not defined`);

  // Compile: resolve every reference now, so a typo fails when the module loads, not mid-game.
  const table = new Map<string, Map<string, readonly CompiledTransition[]>>();
  const entries = new Map<string, readonly { type: string; params: Readonly<Record<string, unknown>> | undefined }[]>();
  const checkAction = (where: string, type: string): void => {
    if (!spec.updates[type]) throw new Error(`${spec.id}: ${where} uses unknown action '${type}'`);
  };
  for (const [stateId, state] of Object.entries(states)) {
    const on = new Map<string, readonly CompiledTransition[]>();
    for (const [eventType, raw] of Object.entries(state.on ?? {})) {
      const list = (Array.isArray(raw) ? raw : [raw]) as readonly TransitionConfig[];
      on.set(
        eventType,
        list.map((t, index) => {
          if (t.target !== undefined && !states[t.target]) {
            throw new Error(`${spec.id}: ${stateId} --${eventType}--> unknown state '${t.target}'`);
          }
          const guard = t.guard === undefined ? undefined : normaliseRef(t.guard);
          if (guard && !spec.guards[guard.type]) throw new Error(`${spec.id}: unknown guard '${guard.type}'`);
          const actions = (t.actions ?? []).map(normaliseRef);
          for (const a of actions) checkAction(`${stateId} --${eventType}-->`, a.type);
          return { on: eventType, index, target: t.target, guard, actions, meta: t.meta };
        }),
      );
    }
    table.set(stateId, on);
    const entry = (state.entry ?? []).map(normaliseRef);
    for (const a of entry) checkAction(`${stateId} entry`, a.type);
    entries.set(stateId, entry);
  }

  // The xstate machine, from the very same functions. xstate's generic typing cannot follow a machine
  // whose guards and actions arrive as records of our own types, so the tables are cast here, once.
  const xGuards: Record<string, (args: GuardArgs<C, E>, params: Readonly<Record<string, unknown>> | undefined) => boolean> = {
    ...spec.guards,
  };
  const xActions: Record<string, unknown> = {};
  for (const [name, update] of Object.entries(spec.updates)) {
    xActions[name] = assign((args: GuardArgs<C, E>, params: Readonly<Record<string, unknown>> | undefined) => update(args, params));
  }
  const xStates: Record<string, unknown> = {};
  for (const [stateId, state] of Object.entries(states)) {
    xStates[stateId] = { on: state.on ?? {}, entry: state.entry ?? [], meta: state.meta };
  }
  // Reason for the casts: see the comment above; the runtime test proves the two executors agree.
  const machine = (setup as (impl: unknown) => { createMachine: (cfg: unknown) => AnyStateMachine })({
    guards: xGuards,
    actions: xActions,
  }).createMachine({
    id: spec.id,
    initial: spec.initial,
    // xstate's `input`: the parameters, of which the actor keeps what its `input` picks.
    context: ({ input }: { input?: Params }) => ({ ...spec.context, ...(input && spec.input ? spec.input(input) : {}) }),
    states: xStates,
  });

  const apply = (
    context: C,
    event: E,
    actions: readonly { readonly type: string; readonly params: Readonly<Record<string, unknown>> | undefined }[],
  ): C => {
    let ctx = context;
    for (const a of actions) {
      const update = spec.updates[a.type] as Update<C, E>;
      ctx = { ...ctx, ...update({ context: ctx, event }, a.params) };
    }
    return ctx;
  };

  const pick = (snapshot: ActorSnapshot<C, S>, event: E): CompiledTransition | undefined => {
    const candidates = table.get(snapshot.value)?.get(event.type);
    if (!candidates) return undefined;
    for (let index = 0; index < candidates.length; index++) {
      const t = candidates[index]!;
      if (t.guard) {
        const guard = spec.guards[t.guard.type] as Guard<C, E>;
        if (!guard({ context: snapshot.context, event }, t.guard.params)) continue;
      }
      return t;
    }
    return undefined;
  };
  const take = (snapshot: ActorSnapshot<C, S>, event: E, t: CompiledTransition): ActorSnapshot<C, S> => {
    let context = apply(snapshot.context, event, t.actions);
    const to = (t.target ?? snapshot.value) as S;
    // xstate v5: a transition to the same state does not re-enter it (reenter defaults to false).
    if (to !== snapshot.value) context = apply(context, event, entries.get(to) ?? []);
    return { value: to, context };
  };

  const isState = (value: string): value is S => Object.hasOwn(states, value);
  return {
    id: spec.id,
    spec,
    machine,
    stateIds,
    initial(params: Params, context?: Partial<C>, value?: string): ActorSnapshot<C, S> {
      const start = value ?? spec.initial;
      if (!isState(start)) throw new Error(`${spec.id}: unknown state '${start}'`);
      return { value: start, context: { ...spec.context, ...(spec.input ? spec.input(params) : {}), ...(context ?? {}) } };
    },
    send(snapshot: ActorSnapshot<C, S>, event: E): Fired<C, S> {
      const t = pick(snapshot, event);
      if (!t) return { snapshot };
      const next = take(snapshot, event, t);
      return { snapshot: next, transition: { from: snapshot.value, to: next.value, on: t.on, index: t.index, meta: t.meta } };
    },
    pick,
    take,
    sendWithXstate(snapshot: ActorSnapshot<C, S>, event: E): ActorSnapshot<C, S> {
      const resolved = machine.resolveState({ value: snapshot.value, context: snapshot.context as Record<string, unknown> });
      const [next] = transition(machine, resolved, event as unknown as { type: string });
      return { value: String(next.value) as S, context: next.context as C };
    },
    meta(value: string): StateMeta {
      if (!isState(value)) throw new Error(`${spec.id}: unknown state '${value}'`);
      return states[value]!.meta;
    },
    isState,
    transitionMeta(from: string, on: string, index: number): TransitionMeta | undefined {
      return table.get(from)?.get(on)?.[index]?.meta;
    },
  };
}
