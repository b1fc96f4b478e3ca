/**
 * The Houthis: the most autonomous of Iran's partners (R-HOU-01). They attack shipping at a steady
 * 3–5 a week whatever Iran tells the Iraqi front (R-HOU-02), strikes cut their capacity but not their
 * intent (R-HOU-04), Iranian supply rebuilds it (R-HOU-06), and a Rafah assault steps them up (R-HOU-05).
 */
import type { ActorEvent } from '../events.ts';
import { clamp } from '../math.ts';
import { defineActor } from '../runtime.ts';

export interface HouthiContext {
  /** Share of the arsenal left: 1 = as at the start of the campaign. */
  readonly capacity: number;
  readonly rafah: boolean;
  readonly urged: boolean;
  /** Settings from the parameters: what strikes can never take away, and weekly routine resupply. */
  readonly capacityFloor: number;
  readonly resupplyPerWeek: number;
}

export type HouthiPosture = 'campaign' | 'intensified' | 'truce';

/** The arsenal never exceeds half again its starting size (supply is limited, Q-16). */
const CAPACITY_CEILING = 1.5;

export const houthis = defineActor<HouthiContext, ActorEvent, HouthiPosture>({
  id: 'houthis',
  initial: 'campaign',
  context: { capacity: 1, rafah: false, urged: false, capacityFloor: 0.3, resupplyPerWeek: 0 },
  input: (p) => ({ capacityFloor: p.houthiCapacityFloor, resupplyPerWeek: p.houthiResupply }),
  guards: {
    stepUp: ({ context }) => context.rafah || context.urged,
    rafahUnderway: ({ context }) => context.rafah,
    urgedOn: ({ event }) => event.type === 'DIRECTIVE' && event.level === 'surge',
  },
  updates: {
    arsenal: ({ context, event }) =>
      event.type === 'CAPACITY' ? { capacity: clamp(context.capacity + event.delta, context.capacityFloor, CAPACITY_CEILING) } : {},
    // Routine supply rebuilds what strikes destroyed, up to the starting arsenal; only a deliberate
    // step-up in Iranian transfers (CAPACITY from iran.arm-houthis) takes it beyond.
    resupply: ({ context, event }) =>
      event.type === 'WEEK_END' && context.capacity < 1
        ? { capacity: Math.min(1, context.capacity + context.resupplyPerWeek * event.weeks) }
        : {},
    rafahOn: () => ({ rafah: true }),
    hearIran: ({ event }) => (event.type === 'DIRECTIVE' ? { urged: event.level === 'surge' } : {}),
  },
  states: {
    campaign: {
      // Attacks on shipping per day (P-04), scaled by what is left of the arsenal.
      meta: {
        label: 'Attacking shipping',
        rules: ['R-HOU-02', 'R-HOU-03', 'F-14'],
        activity: [{ kind: 'shipping', rate: ['houthiAttackRate', '@arsenal'] }],
      },
      on: {
        DIRECTIVE: [
          {
            guard: 'urgedOn',
            target: 'intensified',
            actions: ['hearIran'],
            meta: { rules: ['R-IRN-12', 'E-09'], says: "step up attacks on shipping with Iran's backing" },
          },
          { actions: ['hearIran'], meta: { rules: ['R-HOU-01', 'C-04'], says: 'take no orders from Tehran on the Red Sea' } },
        ],
        RAFAH_ASSAULT: {
          target: 'intensified',
          actions: ['rafahOn'],
          meta: { rules: ['R-HOU-05', 'T-30'], says: 'step up attacks on shipping after the Rafah assault' },
        },
        TRUCE_START: { target: 'truce', meta: { rules: ['R-HOU-03'], says: 'slow their tempo against shipping for the Gaza truce' } },
        CAPACITY: { actions: ['arsenal'] },
        WEEK_END: { actions: ['resupply'] },
      },
    },
    intensified: {
      meta: {
        label: 'Stepping up attacks',
        rules: ['R-HOU-05', 'R-IRN-12'],
        weight: 30,
        activity: [{ kind: 'shipping', rate: ['houthiAttackRate', '@arsenal', 'houthiRafahMultiplier'] }],
      },
      on: {
        DIRECTIVE: [
          { guard: 'urgedOn', actions: ['hearIran'] },
          { guard: 'rafahUnderway', actions: ['hearIran'] },
          { target: 'campaign', actions: ['hearIran'] },
        ],
        RAFAH_ASSAULT: { actions: ['rafahOn'] },
        TRUCE_START: { target: 'truce', meta: { rules: ['R-HOU-03'], says: 'slow their tempo against shipping for the Gaza truce' } },
        CAPACITY: { actions: ['arsenal'] },
        WEEK_END: { actions: ['resupply'] },
      },
    },
    truce: {
      meta: {
        inTruce: true,
        label: 'Easing off in the truce',
        rules: ['R-HOU-03'],
        activity: [{ kind: 'shipping', rate: ['houthiAttackRate', '@arsenal', 'houthiTruceMultiplier'] }],
      },
      on: {
        TRUCE_END: [
          { guard: 'stepUp', target: 'intensified' },
          { target: 'campaign', meta: { rules: ['R-HOU-02'], says: 'resume attacks on shipping after the truce' } },
        ],
        DIRECTIVE: { actions: ['hearIran'] },
        RAFAH_ASSAULT: { actions: ['rafahOn'] },
        CAPACITY: { actions: ['arsenal'] },
        WEEK_END: { actions: ['resupply'] },
      },
    },
  },
});
