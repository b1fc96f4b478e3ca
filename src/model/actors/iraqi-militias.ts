/**
 * Iraqi militias (Kataib Hezbollah, Harakat al-Nujaba and the rest of the IRI umbrella): they harass US
 * bases in Iraq and Jordan under broad guidance, resist a halt at first out of ideology, and stand down
 * when Iran, Baghdad and the Najaf clerics push together. Under a halt they vow revenge for strikes but
 * do not act on it; a rogue cell may still fire.
 */
import type { ActivitySpec, Factor } from '../activity.ts';
import type { ActorEvent } from '../events.ts';
import { clamp01 } from '../math.ts';
import type { Params } from '../params.ts';
import { defineActor, type DeliberationInputs } from '../runtime.ts';
import {
  HALT,
  MILITIA_CONTEXT,
  SURGE,
  SUSTAIN,
  militiaGuards,
  militiaInput,
  militiaUpdates,
  type MilitiaContext,
} from './militia-common.ts';

export type IraqiMilitiaPosture = 'harassing' | 'resisting' | 'standingDown' | 'surging' | 'pausing';

/**
 * Attacks on US forces in Iraq and Jordan while harassing (P-01, P-02): the undeterred rate, what is
 * left of the groups' capability, deterrence against grievance (R-SYS-05), a posture multiplier, and
 * each country's share.
 */
const harassment = (...multiplier: Factor[]): readonly ActivitySpec[] => [
  { kind: 'attacksOnUS', place: 'iraq', rate: ['militiaAttackRate', '@capability', '@deterredOrProvoked', ...multiplier, 'shareIraq'] },
  { kind: 'attacksOnUS', place: 'jordan', rate: ['militiaAttackRate', '@capability', '@deterredOrProvoked', ...multiplier, 'shareJordan'] },
];

const struckUnderHalt = {
  actions: ['absorbStrike'],
  // Whether they keep to the halt is the relapse draw's to say (RELAPSE_DRAW below), logged right after.
  meta: { rules: ['R-MIL-05', 'D-06'], says: 'vow painful revenge for the strikes' },
} as const;
const struck = { actions: ['absorbStrike'], meta: { rules: ['R-MIL-05'], says: 'absorb US strikes, and anger grows' } } as const;
const week = { actions: ['weekPasses'] } as const;

// Iran hears of its partners' deliberations through its envoys; the world sees only a stand-down.
export const iraqiMilitias = defineActor<MilitiaContext, ActorEvent, IraqiMilitiaPosture>({
  id: 'iraqiMilitias',
  initial: 'harassing',
  context: MILITIA_CONTEXT,
  input: militiaInput,
  guards: militiaGuards,
  updates: militiaUpdates,
  deliberation: (context, inputs, params) => complianceChance(context, inputs, params),
  deliberationReads: [
    'complianceBase',
    'complianceWarFearBonus',
    'complianceEnvoyBonus',
    'complianceIraqGovBonus',
    'complianceClericBonus',
    'compliancePersistence',
    'complianceGrievancePenalty',
  ],
  states: {
    harassing: {
      meta: { label: 'Harassing US bases', rules: ['R-MIL-01', 'R-IRN-11'], seenBy: 'iran', activity: harassment() },
      on: {
        DIRECTIVE: [
          {
            guard: HALT,
            target: 'resisting',
            actions: ['recordDirective'],
            meta: { rules: ['R-MIL-02', 'F-24'], says: "refuse Iran's halt at first: fighting US troops is who they are" },
          },
          {
            guard: SURGE,
            target: 'surging',
            actions: ['recordDirective'],
            meta: { rules: ['R-IRN-04'], says: 'step up attacks on US forces' },
          },
          { actions: ['recordDirective'] },
        ],
        TRUCE_START: {
          target: 'pausing',
          meta: { rules: ['R-MIL-08', 'R-IRN-14'], says: 'slow their tempo against US forces for the Gaza truce' },
        },
        STRUCK: struck,
        WEEK_END: week,
      },
    },
    resisting: {
      meta: {
        label: 'Resisting a halt',
        rules: ['R-MIL-02', 'R-MIL-03', 'P-08'],
        seenBy: 'iran',
        activity: harassment(),
        // Leaders weigh the halt within days, and argue again within days after a refusal (F-07, P-08).
        deliberates: { lagDays: ['deliberationMinDays', 'deliberationMaxDays'] },
      },
      on: {
        COMPLIANCE_DRAW: [
          {
            guard: 'complies',
            target: 'standingDown',
            actions: ['settle'],
            meta: {
              rules: ['R-MIL-03', 'R-MIL-04', 'R-MIL-09'],
              says: 'accept the halt under pressure from Iran, Baghdad and the clerics, calling it their own choice',
            },
          },
          { actions: ['resistAgain'], meta: { rules: ['R-MIL-02'], says: 'still refuse to halt' } },
        ],
        DIRECTIVE: [
          {
            guard: SUSTAIN,
            target: 'harassing',
            actions: ['recordDirective', 'settle'],
            meta: { rules: ['R-IRN-11'], says: 'resume harassment as the halt is lifted' },
          },
          {
            guard: SURGE,
            target: 'surging',
            actions: ['recordDirective', 'settle'],
            meta: { rules: ['R-IRN-04'], says: 'step up attacks on US forces' },
          },
          { actions: ['recordDirective'] },
        ],
        STRUCK: struck,
        WEEK_END: week,
      },
    },
    standingDown: {
      meta: {
        label: 'Standing down',
        rules: ['R-IRN-05', 'R-MIL-03', 'R-MIL-07', 'R-MIL-09'],
        seenBy: 'public',
        weight: 30,
        halted: true,
        // Rogue cells (R-MIL-07) are not deterred by directives, and grow a little angrier after strikes.
        activity: [{ kind: 'attacksOnUS', place: 'iraq', rate: ['iraqRogueRate', '@provoked'] }],
      },
      on: {
        DIRECTIVE: [
          // The world saw the stand-down and sees its end (as a relapse's, below): a week that read "keep
          // to the halt all the same" after strikes must not then show attacks with no word of the halt ending.
          {
            guard: SUSTAIN,
            target: 'harassing',
            actions: ['recordDirective'],
            meta: { rules: ['R-IRN-11'], says: 'resume harassment as Iran lifts the halt', seenBy: 'public' },
          },
          {
            guard: SURGE,
            target: 'surging',
            actions: ['recordDirective'],
            // From a halt the line says the halt ends: the same week may already read "keep to the halt".
            meta: { rules: ['R-IRN-04'], says: "end the halt on Iran's order and step up attacks on US forces", seenBy: 'public' },
          },
          { actions: ['recordDirective'] },
        ],
        // The world saw the stand-down and sees its end: the attacks it brings are on US forces.
        RELAPSE_DRAW: [
          {
            guard: 'relapses',
            target: 'harassing',
            meta: {
              rules: ['R-SYS-07', 'R-SYS-05', 'R-USA-04'],
              says: 'take up attacks again, angered by strikes in the lull',
              seenBy: 'public',
            },
          },
          { meta: { rules: ['R-MIL-05', 'D-06'], says: 'keep to the halt all the same' } },
        ],
        STRUCK: struckUnderHalt,
        WEEK_END: week,
      },
    },
    surging: {
      meta: { label: 'Surging', rules: ['R-IRN-04', 'E-03'], seenBy: 'iran', weight: 30, activity: harassment('surgeMultiplier') },
      on: {
        DIRECTIVE: [
          {
            guard: HALT,
            target: 'resisting',
            actions: ['recordDirective'],
            meta: { rules: ['R-MIL-02'], says: "refuse Iran's halt at first" },
          },
          { guard: SUSTAIN, target: 'harassing', actions: ['recordDirective'] },
          { actions: ['recordDirective'] },
        ],
        TRUCE_START: { target: 'pausing', meta: { rules: ['R-MIL-08'], says: 'slow their tempo against US forces for the Gaza truce' } },
        STRUCK: struck,
        WEEK_END: week,
      },
    },
    pausing: {
      meta: {
        inTruce: true,
        label: 'Observing the truce',
        rules: ['R-MIL-08', 'R-IRN-14', 'R-SYS-02'],
        seenBy: 'iran',
        activity: harassment('truceMultiplier'),
      },
      on: {
        TRUCE_END: [
          {
            guard: { type: 'lastDirectiveIs', params: { levels: ['surge'] } },
            target: 'surging',
            meta: { rules: ['R-IRN-04', 'R-MIL-08'], says: "step up attacks on US forces as the truce ends, on Iran's call" },
          },
          { target: 'harassing', meta: { rules: ['R-MIL-01'], says: 'resume harassment as the truce ends' } },
        ],
        DIRECTIVE: [
          {
            guard: HALT,
            target: 'resisting',
            actions: ['recordDirective'],
            meta: { rules: ['R-MIL-02'], says: "refuse Iran's halt at first" },
          },
          // A call to step up that arrives in the truce waits for its end (TRUCE_END above): said, so that
          // the guidance's line is not read as a surge in a week of the truce's slower tempo.
          {
            guard: SURGE,
            actions: ['recordDirective'],
            meta: { rules: ['R-MIL-08', 'R-IRN-04'], says: "keep to the truce: Iran's call to step up waits for its end" },
          },
          { actions: ['recordDirective'] },
        ],
        STRUCK: struck,
        WEEK_END: week,
      },
    },
  },
});

/**
 * Chance a halt sticks at this deliberation (R-MIL-02, R-MIL-03, R-IRN-13, R-IRN-04, R-IRQ-01, R-IRQ-02):
 * Iran's word, its envoys in person, Baghdad and the clerics pressing, and Tehran's fear of war (the
 * more it fears war, the more hands-on its control), against the groups' grievance.
 */
export function complianceChance(ctx: MilitiaContext, pushes: DeliberationInputs, params: Params): number {
  return clamp01(
    params.complianceBase +
      pushes.iranWarFear * params.complianceWarFearBonus +
      (ctx.envoys ? params.complianceEnvoyBonus : 0) +
      (pushes.pressers.has('baghdad') ? params.complianceIraqGovBonus : 0) +
      (pushes.pressers.has('clerics') ? params.complianceClericBonus : 0) +
      ctx.resistedWeeks * params.compliancePersistence -
      ctx.grievance * params.complianceGrievancePenalty,
  );
}
