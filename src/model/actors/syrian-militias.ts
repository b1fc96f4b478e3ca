/**
 * Syrian militias: struck alongside the Iraqi groups on 2 Feb, and asked only to scale back and avoid
 * casualties (R-SYR-01), which they did at once: no resistance phase is documented for them.
 */
import type { ActorEvent } from '../events.ts';
import type { Params } from '../params.ts';
import { defineActor, type ActorSnapshot } from '../runtime.ts';
import {
  HALT_ONLY, MILITIA_CONTEXT, REDUCE, SURGE, SUSTAIN, deterrenceAndGrievance, militiaGuards, militiaUpdates, type MilitiaContext,
} from './militia-common.ts';
import type { MilitiaRateInputs } from './iraqi-militias.ts';

const struck = { actions: ['absorbStrike'], meta: { rules: ['R-SYR-02', 'R-MIL-05'], says: 'absorbs US strikes; anger grows' } } as const;
const week = { actions: ['weekPasses'] } as const;
const directives = [
  { guard: REDUCE, target: 'scalingBack', actions: ['recordDirective'],
    meta: { rules: ['R-SYR-01', 'R-IRN-05'], says: 'scale back to occasional harassment and avoid casualties' } },
  { guard: HALT_ONLY, target: 'standingDown', actions: ['recordDirective'],
    meta: { rules: ['R-IRN-05'], says: 'stand down entirely' } },
  { guard: SURGE, target: 'surging', actions: ['recordDirective'], meta: { rules: ['R-IRN-04'], says: 'step up attacks on US forces' } },
  { guard: SUSTAIN, target: 'harassing', actions: ['recordDirective'], meta: { rules: ['R-MIL-01'], says: 'harass US bases in Syria' } },
] as const;

export const syrianMilitias = defineActor<MilitiaContext, ActorEvent>({
  id: 'syrianMilitias',
  initial: 'harassing',
  context: MILITIA_CONTEXT,
  guards: militiaGuards,
  updates: militiaUpdates,
  states: {
    harassing: {
      meta: { label: 'Harassing US bases', rules: ['R-MIL-01', 'R-IRN-11'] },
      on: {
        DIRECTIVE: directives,
        TRUCE_START: { target: 'pausing', meta: { rules: ['R-SYS-02', 'R-IRN-14'], says: 'ease off during the Gaza truce' } },
        STRUCK: struck,
        WEEK_END: week,
      },
    },
    scalingBack: {
      meta: { label: 'Scaling back', rules: ['R-SYR-01', 'F-03'] },
      on: { DIRECTIVE: directives, STRUCK: struck, WEEK_END: week },
    },
    standingDown: {
      meta: { label: 'Standing down', rules: ['R-IRN-05', 'R-MIL-07'] },
      on: { DIRECTIVE: directives, STRUCK: struck, WEEK_END: week },
    },
    surging: {
      meta: { label: 'Surging', rules: ['R-IRN-04'] },
      on: {
        DIRECTIVE: directives,
        TRUCE_START: { target: 'pausing', meta: { rules: ['R-SYS-02'], says: 'ease off during the Gaza truce' } },
        STRUCK: struck,
        WEEK_END: week,
      },
    },
    pausing: {
      meta: { label: 'Observing the truce', rules: ['R-SYS-02', 'R-IRN-14'] },
      on: {
        TRUCE_END: [
          { guard: { type: 'lastDirectiveIs', params: { levels: ['reduce'] } }, target: 'scalingBack' },
          { guard: { type: 'lastDirectiveIs', params: { levels: ['halt'] } }, target: 'standingDown' },
          { guard: { type: 'lastDirectiveIs', params: { levels: ['surge'] } }, target: 'surging' },
          { target: 'harassing', meta: { rules: ['R-MIL-01'], says: 'the truce ends; harassment resumes' } },
        ],
        DIRECTIVE: [{ actions: ['recordDirective'] }],
        STRUCK: struck,
        WEEK_END: week,
      },
    },
  },
});

/** Attacks per day on US forces in Syria, and the lethality factor of those attacks. */
export function syrianAttackRate(
  snap: ActorSnapshot<MilitiaContext>,
  world: MilitiaRateInputs,
  params: Params,
): { readonly syria: number; readonly lethality: number } {
  const ctx = snap.context;
  switch (snap.value) {
    case 'scalingBack':
      return { syria: params.syriaRestrainedRate, lethality: params.restrainedLethalityFactor };
    case 'standingDown':
      return { syria: params.syriaRogueRate, lethality: params.restrainedLethalityFactor };
    default: {
      let rate = params.militiaAttackRate * params.shareSyria * ctx.capability
        * deterrenceAndGrievance(ctx.grievance, world.deterrence, params);
      if (snap.value === 'surging') rate *= params.surgeMultiplier;
      if (snap.value === 'pausing') rate *= params.truceMultiplier;
      return { syria: rate, lethality: 1 };
    }
  }
}
