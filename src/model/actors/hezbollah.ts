/**
 * Hezbollah: near-daily fire with Israel below the threshold of war (R-HZB-01, R-HZB-02), the most
 * responsive of Iran's partners (R-HZB-04), stepping up if Israel assaults Rafah (R-HZB-03). No file
 * reports it attacking US forces (R-HZB-06), so it never adds to attacks on the US.
 */
import type { ActorEvent } from '../events.ts';
import { defineActor } from '../runtime.ts';

export type HezbollahPosture = 'borderFire' | 'restrained' | 'intensified';

export interface HezbollahContext {
  readonly rafah: boolean;
  readonly truce: boolean;
  readonly reined: boolean;
}

const set = (patch: Partial<HezbollahContext>) => () => patch;

export const hezbollah = defineActor<HezbollahContext, ActorEvent, HezbollahPosture>({
  id: 'hezbollah',
  initial: 'borderFire',
  context: { rafah: false, truce: false, reined: false },
  guards: {
    directiveIs: ({ event }, params) =>
      event.type === 'DIRECTIVE' && ((params?.levels as readonly string[] | undefined) ?? []).includes(event.level),
    rafahUnderway: ({ context }) => context.rafah,
    stillReined: ({ context }) => context.reined,
  },
  updates: {
    rein: set({ reined: true }),
    release: set({ reined: false }),
    truceOn: set({ truce: true }),
    truceOff: set({ truce: false }),
    rafahOn: set({ rafah: true }),
  },
  states: {
    borderFire: {
      // The chance of an exchange of fire with Israel on a given day (F-16).
      meta: {
        label: 'Trading fire with Israel',
        rules: ['R-HZB-01', 'R-HZB-02', 'T-08'],
        activity: [{ kind: 'borderFireDays', rate: ['hezbollahFireDayChance'] }],
      },
      on: {
        DIRECTIVE: [
          {
            guard: { type: 'directiveIs', params: { levels: ['halt', 'reduce'] } },
            target: 'restrained',
            actions: ['rein'],
            meta: { rules: ['R-HZB-04', 'C-01'], says: 'heeds Iran and eases off on the border' },
          },
          {
            guard: { type: 'directiveIs', params: { levels: ['surge'] } },
            target: 'intensified',
            actions: ['release'],
            meta: { rules: ['R-IRN-12'], says: "steps up fire on Israel at Iran's urging" },
          },
          { actions: ['release'] },
        ],
        TRUCE_START: {
          target: 'restrained',
          actions: ['truceOn'],
          meta: { rules: ['R-SYS-02'], says: 'slows its fire across the border for the Gaza truce' },
        },
        RAFAH_ASSAULT: {
          target: 'intensified',
          actions: ['rafahOn'],
          meta: { rules: ['R-HZB-03', 'T-30'], says: 'steps up fire after the Rafah assault' },
        },
      },
    },
    restrained: {
      meta: {
        label: 'Holding back',
        rules: ['R-HZB-04', 'R-SYS-02'],
        activity: [{ kind: 'borderFireDays', rate: ['hezbollahRestrainedChance'] }],
      },
      on: {
        DIRECTIVE: [
          {
            guard: { type: 'directiveIs', params: { levels: ['surge'] } },
            target: 'intensified',
            actions: ['release'],
            meta: { rules: ['R-IRN-12'], says: "steps up fire on Israel at Iran's urging" },
          },
          {
            guard: { type: 'directiveIs', params: { levels: ['sustain'] } },
            target: 'borderFire',
            actions: ['release'],
            meta: { rules: ['R-HZB-01'], says: 'resumes near-daily fire' },
          },
          { actions: ['rein'] },
        ],
        TRUCE_START: { actions: ['truceOn'] },
        TRUCE_END: [
          { guard: 'rafahUnderway', target: 'intensified', actions: ['truceOff'] },
          { guard: 'stillReined', actions: ['truceOff'] },
          { target: 'borderFire', actions: ['truceOff'], meta: { rules: ['R-HZB-01'], says: 'resumes near-daily fire after the truce' } },
        ],
        RAFAH_ASSAULT: {
          target: 'intensified',
          actions: ['rafahOn'],
          meta: { rules: ['R-HZB-03'], says: 'steps up fire after the Rafah assault' },
        },
      },
    },
    intensified: {
      meta: {
        label: 'Stepping up against Israel',
        rules: ['R-HZB-03', 'R-IRN-12', 'R-HZB-02'],
        weight: 30,
        activity: [{ kind: 'borderFireDays', rate: ['hezbollahIntensifiedChance'] }],
      },
      on: {
        DIRECTIVE: [
          {
            guard: { type: 'directiveIs', params: { levels: ['halt', 'reduce'] } },
            target: 'restrained',
            actions: ['rein'],
            meta: { rules: ['R-HZB-04'], says: 'heeds Iran and eases off on the border' },
          },
          { guard: { type: 'directiveIs', params: { levels: ['sustain'] } }, actions: ['release'] },
          { actions: ['release'] },
        ],
        TRUCE_START: {
          target: 'restrained',
          actions: ['truceOn'],
          meta: { rules: ['R-SYS-02'], says: 'slows its fire across the border for the Gaza truce' },
        },
        RAFAH_ASSAULT: { actions: ['rafahOn'] },
      },
    },
  },
});
