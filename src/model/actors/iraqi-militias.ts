/**
 * Iraqi militias (Kataib Hezbollah, Harakat al-Nujaba and the rest of the IRI umbrella): they harass US
 * bases in Iraq and Jordan under broad guidance, resist a halt at first out of ideology, and stand down
 * when Iran, Baghdad and the Najaf clerics push together. Under a halt they vow revenge for strikes but
 * do not act on it; a rogue cell may still fire.
 */
import type { ActorEvent } from '../events.ts';
import { clamp01 } from '../math.ts';
import type { Params } from '../params.ts';
import { defineActor, type ActorSnapshot } from '../runtime.ts';
import {
  HALT, MILITIA_CONTEXT, SURGE, SUSTAIN, deterrenceAndGrievance, militiaGuards, militiaUpdates, type MilitiaContext,
} from './militia-common.ts';

const struckUnderHalt = {
  actions: ['absorbStrike'],
  meta: { rules: ['R-MIL-05', 'D-06'], says: 'vows painful revenge for the strikes, but the halt holds' },
} as const;
const struck = { actions: ['absorbStrike'], meta: { rules: ['R-MIL-05'], says: 'absorbs US strikes; anger grows' } } as const;
const week = { actions: ['weekPasses'] } as const;

export const iraqiMilitias = defineActor<MilitiaContext, ActorEvent>({
  id: 'iraqiMilitias',
  initial: 'harassing',
  context: MILITIA_CONTEXT,
  guards: militiaGuards,
  updates: militiaUpdates,
  states: {
    harassing: {
      meta: { label: 'Harassing US bases', rules: ['R-MIL-01', 'R-IRN-11'] },
      on: {
        DIRECTIVE: [
          { guard: HALT, target: 'resisting', actions: ['recordDirective'],
            meta: { rules: ['R-MIL-02', 'F-24'], says: 'refuse Iran\'s halt at first, KH and Nujaba loudest' } },
          { guard: SURGE, target: 'surging', actions: ['recordDirective'],
            meta: { rules: ['R-IRN-04'], says: 'step up attacks on US forces' } },
          { actions: ['recordDirective'] },
        ],
        TRUCE_START: { target: 'pausing', meta: { rules: ['R-MIL-08', 'R-IRN-14'], says: 'ease off during the Gaza truce' } },
        STRUCK: struck,
        WEEK_END: week,
      },
    },
    resisting: {
      meta: { label: 'Resisting a halt', rules: ['R-MIL-02', 'R-MIL-03'] },
      on: {
        COMPLIANCE_DRAW: [
          { guard: 'complies', target: 'standingDown', actions: ['settle'],
            meta: { rules: ['R-MIL-03', 'R-MIL-04', 'R-MIL-09'], says: 'accept the halt under pressure from Iran, Baghdad and the clerics, calling it their own choice' } },
          { actions: ['resistAgain'], meta: { rules: ['R-MIL-02'], says: 'still refuse to halt' } },
        ],
        DIRECTIVE: [
          { guard: SUSTAIN, target: 'harassing', actions: ['recordDirective', 'settle'],
            meta: { rules: ['R-IRN-11'], says: 'the halt is lifted; harassment resumes' } },
          { guard: SURGE, target: 'surging', actions: ['recordDirective', 'settle'],
            meta: { rules: ['R-IRN-04'], says: 'step up attacks on US forces' } },
          { actions: ['recordDirective'] },
        ],
        STRUCK: struck,
        WEEK_END: week,
      },
    },
    standingDown: {
      meta: { label: 'Standing down', rules: ['R-IRN-05', 'R-MIL-03', 'R-MIL-07', 'R-MIL-09'] },
      on: {
        DIRECTIVE: [
          { guard: SUSTAIN, target: 'harassing', actions: ['recordDirective'],
            meta: { rules: ['R-IRN-11'], says: 'Iran lifts the halt; harassment resumes' } },
          { guard: SURGE, target: 'surging', actions: ['recordDirective'],
            meta: { rules: ['R-IRN-04'], says: 'step up attacks on US forces' } },
          { actions: ['recordDirective'] },
        ],
        STRUCK: struckUnderHalt,
        WEEK_END: week,
      },
    },
    surging: {
      meta: { label: 'Surging', rules: ['R-IRN-04', 'E-03'] },
      on: {
        DIRECTIVE: [
          { guard: HALT, target: 'resisting', actions: ['recordDirective'],
            meta: { rules: ['R-MIL-02'], says: 'refuse Iran\'s halt at first' } },
          { guard: SUSTAIN, target: 'harassing', actions: ['recordDirective'] },
          { actions: ['recordDirective'] },
        ],
        TRUCE_START: { target: 'pausing', meta: { rules: ['R-MIL-08'], says: 'ease off during the Gaza truce' } },
        STRUCK: struck,
        WEEK_END: week,
      },
    },
    pausing: {
      meta: { label: 'Observing the truce', rules: ['R-MIL-08', 'R-IRN-14', 'R-SYS-02'] },
      on: {
        TRUCE_END: [
          { guard: { type: 'lastDirectiveIs', params: { levels: ['surge'] } }, target: 'surging' },
          { target: 'harassing', meta: { rules: ['R-MIL-01'], says: 'the truce ends; harassment resumes' } },
        ],
        DIRECTIVE: [
          { guard: HALT, target: 'resisting', actions: ['recordDirective'],
            meta: { rules: ['R-MIL-02'], says: 'refuse Iran\'s halt at first' } },
          { actions: ['recordDirective'] },
        ],
        STRUCK: struck,
        WEEK_END: week,
      },
    },
  },
});

export interface MilitiaRateInputs {
  readonly deterrence: number;
}

/** Attacks per day on US forces in Iraq and in Jordan, by posture (P-01, P-02, R-MIL-07). */
export function iraqiAttackRates(
  snap: ActorSnapshot<MilitiaContext>,
  world: MilitiaRateInputs,
  params: Params,
): { readonly iraq: number; readonly jordan: number } {
  const ctx = snap.context;
  if (snap.value === 'standingDown') {
    // Rogue cells (R-MIL-07) are not deterred by directives, and grow a little angrier after strikes.
    return { iraq: params.iraqRogueRate * (1 + params.provocationEffect * ctx.grievance), jordan: 0 };
  }
  let rate = params.militiaAttackRate * ctx.capability * deterrenceAndGrievance(ctx.grievance, world.deterrence, params);
  if (snap.value === 'surging') rate *= params.surgeMultiplier;
  if (snap.value === 'pausing') rate *= params.truceMultiplier;
  return { iraq: rate * params.shareIraq, jordan: rate * params.shareJordan };
}

/** Who is pushing the militias to accept a halt, and how hard Tehran is leaning in. */
export interface CompliancePushes {
  readonly baghdadPressing: boolean;
  readonly clericsPressing: boolean;
  /** 0..1: the more Tehran fears war, the more hands-on its control (R-IRN-04). */
  readonly iranWarFear: number;
}

/** Chance a halt sticks at this deliberation (R-MIL-02, R-MIL-03, R-IRN-13, R-IRN-04, R-IRQ-01, R-IRQ-02). */
export function complianceChance(ctx: MilitiaContext, pushes: CompliancePushes, params: Params): number {
  return clamp01(
    params.complianceBase
      + pushes.iranWarFear * params.complianceWarFearBonus
      + (ctx.envoys ? params.complianceEnvoyBonus : 0)
      + (pushes.baghdadPressing ? params.complianceIraqGovBonus : 0)
      + (pushes.clericsPressing ? params.complianceClericBonus : 0)
      + ctx.resistedWeeks * params.compliancePersistence
      - ctx.grievance * params.complianceGrievancePenalty,
  );
}
