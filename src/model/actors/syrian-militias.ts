/**
 * Syrian militias: struck alongside the Iraqi groups on 2 Feb, and asked only to scale back and avoid
 * casualties (R-SYR-01), which they did at once: no resistance phase is documented for them.
 */
import type { ActivitySpec, Factor } from '../activity.ts';
import type { ActorEvent } from '../events.ts';
import { defineActor } from '../runtime.ts';
import {
  HALT_ONLY,
  MILITIA_CONTEXT,
  REDUCE,
  SURGE,
  SUSTAIN,
  militiaGuards,
  militiaInput,
  militiaUpdates,
  type MilitiaContext,
} from './militia-common.ts';

export type SyrianMilitiaPosture = 'harassing' | 'scalingBack' | 'standingDown' | 'surging' | 'pausing';

/** Attacks on US forces in Syria while harassing: Syria's share of the militia rate, deterred or provoked. */
const harassment = (...multiplier: Factor[]): readonly ActivitySpec[] => [
  { kind: 'attacksOnUS', place: 'syria', rate: ['militiaAttackRate', 'shareSyria', '@capability', '@deterredOrProvoked', ...multiplier] },
];

const struck = {
  actions: ['absorbStrike'],
  meta: { rules: ['R-SYR-02', 'R-MIL-05'], says: 'absorb US strikes, and anger grows' },
} as const;
const week = { actions: ['weekPasses'] } as const;
const directives = [
  {
    guard: REDUCE,
    target: 'scalingBack',
    actions: ['recordDirective'],
    meta: { rules: ['R-SYR-01', 'R-IRN-05'], says: 'scale back to occasional harassment and avoid casualties' },
  },
  { guard: HALT_ONLY, target: 'standingDown', actions: ['recordDirective'], meta: { rules: ['R-IRN-05'], says: 'stand down entirely' } },
  { guard: SURGE, target: 'surging', actions: ['recordDirective'], meta: { rules: ['R-IRN-04'], says: 'step up attacks on US forces' } },
  { guard: SUSTAIN, target: 'harassing', actions: ['recordDirective'], meta: { rules: ['R-MIL-01'], says: 'harass US bases in Syria' } },
] as const;

/** Out of a stand-down the world saw, the world sees the groups take up the new guidance (as the Iraqi groups'). */
const fromStandDown = directives.map((d) => (d.target === 'standingDown' ? d : { ...d, meta: { ...d.meta, seenBy: 'public' as const } }));

export const syrianMilitias = defineActor<MilitiaContext, ActorEvent, SyrianMilitiaPosture>({
  id: 'syrianMilitias',
  initial: 'harassing',
  context: MILITIA_CONTEXT,
  input: militiaInput,
  guards: militiaGuards,
  updates: militiaUpdates,
  states: {
    harassing: {
      meta: { label: 'Harassing US bases', rules: ['R-MIL-01', 'R-IRN-11'], seenBy: 'iran', activity: harassment() },
      on: {
        DIRECTIVE: directives,
        TRUCE_START: {
          target: 'pausing',
          meta: { rules: ['R-SYS-02', 'R-IRN-14'], says: 'slow their tempo against US forces for the Gaza truce' },
        },
        STRUCK: struck,
        WEEK_END: week,
      },
    },
    scalingBack: {
      meta: {
        label: 'Scaling back',
        rules: ['R-SYR-01', 'F-03'],
        seenBy: 'iran',
        // Occasional harassment, told to avoid casualties (R-SYR-01).
        activity: [{ kind: 'attacksOnUS', place: 'syria', rate: ['syriaRestrainedRate'], lethality: 'restrainedLethalityFactor' }],
      },
      on: { DIRECTIVE: directives, STRUCK: struck, WEEK_END: week },
    },
    standingDown: {
      meta: {
        label: 'Standing down',
        rules: ['R-IRN-05', 'R-MIL-07'],
        seenBy: 'public',
        weight: 30,
        halted: true,
        activity: [{ kind: 'attacksOnUS', place: 'syria', rate: ['syriaRogueRate'], lethality: 'restrainedLethalityFactor' }],
      },
      on: { DIRECTIVE: fromStandDown, STRUCK: struck, WEEK_END: week },
    },
    surging: {
      meta: { label: 'Surging', rules: ['R-IRN-04'], seenBy: 'iran', weight: 30, activity: harassment('surgeMultiplier') },
      on: {
        DIRECTIVE: directives,
        TRUCE_START: { target: 'pausing', meta: { rules: ['R-SYS-02'], says: 'slow their tempo against US forces for the Gaza truce' } },
        STRUCK: struck,
        WEEK_END: week,
      },
    },
    pausing: {
      meta: {
        label: 'Observing the truce',
        rules: ['R-SYS-02', 'R-IRN-14'],
        seenBy: 'iran',
        inTruce: true,
        activity: harassment('truceMultiplier'),
      },
      on: {
        // Guidance that arrived in the truce takes hold when it ends: each line says so.
        TRUCE_END: [
          {
            guard: { type: 'lastDirectiveIs', params: { levels: ['reduce'] } },
            target: 'scalingBack',
            meta: { rules: ['R-SYR-01', 'R-IRN-05'], says: 'scale back to occasional harassment as the truce ends, as Iran asked' },
          },
          {
            guard: { type: 'lastDirectiveIs', params: { levels: ['halt'] } },
            target: 'standingDown',
            meta: { rules: ['R-IRN-05'], says: 'stand down entirely as the truce ends, as Iran asked' },
          },
          {
            guard: { type: 'lastDirectiveIs', params: { levels: ['surge'] } },
            target: 'surging',
            meta: { rules: ['R-IRN-04', 'R-SYS-02'], says: "step up attacks on US forces as the truce ends, on Iran's call" },
          },
          { target: 'harassing', meta: { rules: ['R-MIL-01'], says: 'resume harassment as the truce ends' } },
        ],
        // New guidance in the truce waits for its end (TRUCE_END above): said, so that its line is not read
        // as a change in a week of the truce's slower tempo. Guidance to keep harassing changes nothing.
        DIRECTIVE: [
          { guard: SUSTAIN, actions: ['recordDirective'] },
          {
            actions: ['recordDirective'],
            meta: { rules: ['R-SYS-02', 'R-IRN-14'], says: "keep to the truce: Iran's new guidance waits for its end" },
          },
        ],
        STRUCK: struck,
        WEEK_END: week,
      },
    },
  },
});
