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

/** An actor as it sits in the game state: plain data, never a live actor, so games save and clone. */
export interface ActorSnapshot<C> {
  readonly value: string;
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
}

export interface TransitionConfig {
  readonly target?: string;
  readonly guard?: GuardRef;
  readonly actions?: readonly ActionRef[];
  readonly meta?: TransitionMeta;
}

export interface StateMeta {
  /** Short name of the posture, shown to players. */
  readonly label: string;
  readonly rules: readonly string[];
  /** For the two playable sides: what the documents say this actor does in this posture. */
  readonly recommends?: Recommendation;
}

/**
 * A historical recommendation: an action; a chance (a parameter ID) between two actions; or a choice on
 * a boolean flag of the actor's context.
 */
export type Recommendation =
  | { readonly action: string }
  | { readonly chance: string; readonly then: string; readonly otherwise: string }
  | { readonly flag: string; readonly then: string; readonly otherwise: string };

export interface StateConfig {
  readonly on?: Readonly<Record<string, TransitionConfig | readonly TransitionConfig[]>>;
  readonly entry?: readonly ActionRef[];
  readonly meta: StateMeta;
}

export interface ActorSpec<C extends object, E extends EventBase> {
  readonly id: string;
  readonly initial: string;
  readonly context: C;
  readonly guards: Readonly<Record<string, Guard<C, E>>>;
  readonly updates: Readonly<Record<string, Update<C, E>>>;
  readonly states: Readonly<Record<string, StateConfig>>;
}

/** What happened when an event reached an actor. */
export interface Fired<C> {
  readonly snapshot: ActorSnapshot<C>;
  /** Set when a transition was taken (even a targetless one that only updated context). */
  readonly transition?: { readonly from: string; readonly to: string; readonly meta?: TransitionMeta };
}

interface CompiledTransition {
  readonly target: string | undefined;
  readonly guard: { readonly type: string; readonly params: Readonly<Record<string, unknown>> | undefined } | undefined;
  readonly actions: readonly { readonly type: string; readonly params: Readonly<Record<string, unknown>> | undefined }[];
  readonly meta: TransitionMeta | undefined;
}

export interface ActorDefinition<C extends object, E extends EventBase> {
  readonly id: string;
  readonly spec: ActorSpec<C, E>;
  /** The xstate machine: the reference executor and what tools (visualisers, tests) inspect. */
  readonly machine: AnyStateMachine;
  readonly stateIds: readonly string[];
  initial(context?: Partial<C>, value?: string): ActorSnapshot<C>;
  /** Fast executor over the same definition. Returns the same snapshot object when nothing happens. */
  send(snapshot: ActorSnapshot<C>, event: E): Fired<C>;
  /** Reference executor: xstate's own pure `transition()`. */
  sendWithXstate(snapshot: ActorSnapshot<C>, event: E): ActorSnapshot<C>;
  meta(value: string): StateMeta;
}

function normaliseRef(ref: ActionRef | GuardRef): { type: string; params: Readonly<Record<string, unknown>> | undefined } {
  return typeof ref === 'string' ? { type: ref, params: undefined } : { type: ref.type, params: ref.params };
}

export function defineActor<C extends object, E extends EventBase>(spec: ActorSpec<C, E>): ActorDefinition<C, E> {
  const stateIds = Object.keys(spec.states);
  if (!spec.states[spec.initial]) throw new Error(`${spec.id}: initial state '${spec.initial}' is not defined`);

  // Compile: resolve every reference now, so a typo fails when the module loads, not mid-game.
  const table = new Map<string, Map<string, readonly CompiledTransition[]>>();
  const entries = new Map<string, readonly { type: string; params: Readonly<Record<string, unknown>> | undefined }[]>();
  const checkAction = (where: string, type: string): void => {
    if (!spec.updates[type]) throw new Error(`${spec.id}: ${where} uses unknown action '${type}'`);
  };
  for (const [stateId, state] of Object.entries(spec.states)) {
    const on = new Map<string, readonly CompiledTransition[]>();
    for (const [eventType, raw] of Object.entries(state.on ?? {})) {
      const list = (Array.isArray(raw) ? raw : [raw]) as readonly TransitionConfig[];
      on.set(eventType, list.map((t) => {
        if (t.target !== undefined && !spec.states[t.target]) {
          throw new Error(`${spec.id}: ${stateId} --${eventType}--> unknown state '${t.target}'`);
        }
        const guard = t.guard === undefined ? undefined : normaliseRef(t.guard);
        if (guard && !spec.guards[guard.type]) throw new Error(`${spec.id}: unknown guard '${guard.type}'`);
        const actions = (t.actions ?? []).map(normaliseRef);
        for (const a of actions) checkAction(`${stateId} --${eventType}-->`, a.type);
        return { target: t.target, guard, actions, meta: t.meta };
      }));
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
  for (const [stateId, state] of Object.entries(spec.states)) {
    xStates[stateId] = { on: state.on ?? {}, entry: state.entry ?? [], meta: state.meta };
  }
  // Reason for the casts: see the comment above; the runtime test proves the two executors agree.
  const machine = (setup as (impl: unknown) => { createMachine: (cfg: unknown) => AnyStateMachine })({
    guards: xGuards,
    actions: xActions,
  }).createMachine({ id: spec.id, initial: spec.initial, context: spec.context, states: xStates });

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

  return {
    id: spec.id,
    spec,
    machine,
    stateIds,
    initial(context?: Partial<C>, value?: string): ActorSnapshot<C> {
      const start = value ?? spec.initial;
      if (!spec.states[start]) throw new Error(`${spec.id}: unknown state '${start}'`);
      return { value: start, context: { ...spec.context, ...(context ?? {}) } };
    },
    send(snapshot: ActorSnapshot<C>, event: E): Fired<C> {
      const candidates = table.get(snapshot.value)?.get(event.type);
      if (!candidates) return { snapshot };
      for (const t of candidates) {
        if (t.guard) {
          const guard = spec.guards[t.guard.type] as Guard<C, E>;
          if (!guard({ context: snapshot.context, event }, t.guard.params)) continue;
        }
        let context = apply(snapshot.context, event, t.actions);
        const to = t.target ?? snapshot.value;
        // xstate v5: a transition to the same state does not re-enter it (reenter defaults to false).
        if (to !== snapshot.value) context = apply(context, event, entries.get(to) ?? []);
        return { snapshot: { value: to, context }, transition: { from: snapshot.value, to, meta: t.meta } };
      }
      return { snapshot };
    },
    sendWithXstate(snapshot: ActorSnapshot<C>, event: E): ActorSnapshot<C> {
      const resolved = machine.resolveState({ value: snapshot.value, context: snapshot.context as Record<string, unknown> });
      const [next] = transition(machine, resolved, event as unknown as { type: string });
      return { value: String(next.value), context: next.context as C };
    },
    meta(value: string): StateMeta {
      const state = spec.states[value];
      if (!state) throw new Error(`${spec.id}: unknown state '${value}'`);
      return state.meta;
    },
  };
}
