/**
 * Israel: its choices (a truce, a Rafah assault) are not given as rules anywhere, so scenarios
 * schedule them as injects; this machine records where Israel stands so that everyone else can react.
 */
import type { ActorEvent } from '../events.ts';
import { defineActor } from '../runtime.ts';

export interface IsraelContext {
  readonly truces: number;
  readonly rafah: boolean;
}

export type IsraelPosture = 'gazaCampaign' | 'truce' | 'rafahAssault';

/**
 * This machine only records the injects: Israel's truces and its assault on Rafah are the scenario's, not
 * choices the model makes, so its move on an inject's message is the inject itself, where every other
 * actor's is a reaction to it (analysis/render.ts toldByInject).
 */
export const INJECT_RECORDER = 'israel';

export const israel = defineActor<IsraelContext, ActorEvent, IsraelPosture>({
  id: 'israel',
  initial: 'gazaCampaign',
  context: { truces: 0, rafah: false },
  guards: {
    rafahBegun: ({ context }) => context.rafah,
  },
  updates: {
    countTruce: ({ context }) => ({ truces: context.truces + 1 }),
    rafahOn: () => ({ rafah: true }),
  },
  states: {
    gazaCampaign: {
      meta: { label: 'Fighting in Gaza', rules: ['R-ISR-01', 'R-ISR-03', 'T-03'] },
      on: {
        TRUCE_START: { target: 'truce', actions: ['countTruce'], meta: { rules: ['R-HAM-03', 'T-07'], says: 'agrees a pause in Gaza' } },
        // The assault is the scenario's inject, logged once as such (engine/phases/injects.ts): the
        // machine records it for everyone else without a line of its own, which would say it again.
        RAFAH_ASSAULT: { target: 'rafahAssault', actions: ['rafahOn'] },
      },
    },
    truce: {
      meta: { label: 'Pause in Gaza', rules: ['R-HAM-03', 'F-05'], inTruce: true },
      on: {
        TRUCE_END: [
          { guard: 'rafahBegun', target: 'rafahAssault' },
          { target: 'gazaCampaign', meta: { rules: ['R-ISR-01'], says: 'resumes the Gaza campaign' } },
        ],
        RAFAH_ASSAULT: { actions: ['rafahOn'] },
      },
    },
    rafahAssault: {
      meta: { label: 'Assaulting Rafah', rules: ['R-ISR-01', 'T-28', 'D-20'] },
      on: {
        TRUCE_START: { target: 'truce', actions: ['countTruce'], meta: { rules: ['R-HAM-03'], says: 'agrees a pause in Gaza' } },
      },
    },
  },
});
