import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ACTORS, ACTOR_IDS } from '../../src/model/actors/index.ts';
import type { ActorEvent } from '../../src/model/events.ts';
import type { ActorDefinition } from '../../src/model/runtime.ts';
import { defineActor } from '../../src/model/runtime.ts';
import { ACTIONS } from '../../src/model/actions.ts';
import { defaultParams } from '../../src/model/params.ts';
import { createActor } from 'xstate';

const params = defaultParams();

const unit = fc.double({ min: 0, max: 1, noNaN: true });
const level = fc.constantFrom('halt', 'reduce', 'sustain', 'surge') as fc.Arbitrary<'halt' | 'reduce' | 'sustain' | 'surge'>;

/** Every event the world can send, with arbitrary payloads. */
const eventArb: fc.Arbitrary<ActorEvent> = fc.oneof(
  fc.record({ type: fc.constant('DIRECTIVE' as const), level, envoys: fc.boolean() }),
  fc.record({ type: fc.constant('COMPLIANCE_DRAW' as const), u: unit, chance: unit }),
  fc.record({
    type: fc.constant('STRUCK' as const),
    strikes: fc.nat(40),
    leaderKilled: fc.boolean(),
    grievance: unit,
    capabilityLoss: unit,
  }),
  fc.record({ type: fc.constant('US_KILLED' as const), killed: fc.integer({ min: 1, max: 10 }) }),
  fc.constantFrom(...ACTIONS).map((a) => ({ type: 'ACTED' as const, action: a.id, signal: a.id, rung: a.rung })),
  fc.constantFrom(
    { type: 'TRUCE_START' as const },
    { type: 'TRUCE_END' as const },
    { type: 'RAFAH_ASSAULT' as const },
    { type: 'HOMELAND_STRUCK' as const },
    { type: 'DIRECT_ATTACK' as const },
    { type: 'REGIONAL_WAR' as const },
  ),
  fc.record({ type: fc.constant('CAPACITY' as const), delta: fc.double({ min: -1, max: 1, noNaN: true }) }),
  fc.record({ type: fc.constant('TALKS' as const), from: fc.constantFrom('us' as const, 'iran' as const) }),
  fc.record({
    type: fc.constant('WEEK_END' as const),
    attacksOnUS: fc.nat(30),
    attacksIraq: fc.nat(20),
    houthiAttacks: fc.nat(10),
    usKilled: fc.nat(5),
    weeks: fc.constantFrom(0.5, 1, 2),
  }),
);

describe('actor runtime', () => {
  for (const id of ACTOR_IDS) {
    const def = ACTORS[id] as unknown as ActorDefinition<object, ActorEvent>;
    it(`${id}: the compiled executor agrees with xstate's transition() on any event sequence`, () => {
      fc.assert(
        fc.property(fc.constantFrom(...def.stateIds), fc.array(eventArb, { maxLength: 40 }), (start, events) => {
          let fast = def.initial(params, undefined, start);
          let ref = def.initial(params, undefined, start);
          for (const e of events) {
            fast = def.send(fast, e).snapshot;
            ref = def.sendWithXstate(ref, e);
            expect(fast.value).toBe(ref.value);
            expect(fast.context).toEqual(ref.context);
          }
        }),
        { numRuns: 150 },
      );
    });
  }

  it('parameters reach a machine as xstate input: the machine and the compiled executor start from the same memory', () => {
    for (const id of ACTOR_IDS) {
      const def = ACTORS[id] as unknown as ActorDefinition<object, ActorEvent>;
      const fromXstate = createActor(def.machine, { input: { ...params, grievanceDecay: 0.5 } }).getSnapshot().context;
      expect(fromXstate, id).toEqual(def.initial({ ...params, grievanceDecay: 0.5 }).context);
    }
    const militia = ACTORS.iraqiMilitias.initial({ ...params, grievanceDecay: 0.42 }).context;
    expect(militia.grievanceDecay).toBe(0.42);
  });

  it('every state of every actor is reachable in the definition and has a label and rules', () => {
    for (const id of ACTOR_IDS) {
      const def = ACTORS[id] as unknown as ActorDefinition<object, ActorEvent>;
      for (const s of def.stateIds) {
        const meta = def.meta(s);
        expect(meta.label.length).toBeGreaterThan(0);
        expect(meta.rules.length).toBeGreaterThan(0);
      }
    }
  });

  it('the playable sides recommend an action in every posture (the historical bot needs one)', () => {
    for (const id of ['us', 'iran'] as const) {
      const def = ACTORS[id] as unknown as ActorDefinition<object, ActorEvent>;
      for (const s of def.stateIds) expect(def.meta(s).recommends, `${id}.${s}`).toBeDefined();
    }
  });

  it('rejects a definition that names an unknown guard, action or target', () => {
    const base = { id: 't', initial: 'a', context: { n: 0 }, guards: {}, updates: { inc: () => ({}) } } as const;
    // A misspelt posture is a type error before it is a run-time one: the type check (npm test) fails
    // if this line ever compiles.
    expect(() =>
      defineActor<{ n: number }, { type: 'GO' }, 'a'>({
        ...base,
        // @ts-expect-error 'b' is not one of the machine's postures
        states: { a: { meta: { label: 'A', rules: [] }, on: { GO: { target: 'b' } } } },
      }),
    ).toThrow(/unknown state 'b'/);
    expect(() => defineActor({ ...base, states: { a: { meta: { label: 'A', rules: [] }, on: { GO: { guard: 'nope' } } } } })).toThrow(
      /unknown guard 'nope'/,
    );
    expect(() =>
      defineActor({ ...base, states: { a: { meta: { label: 'A', rules: [] }, on: { GO: { actions: ['missing'] } } } } }),
    ).toThrow(/unknown action 'missing'/);
  });
});
