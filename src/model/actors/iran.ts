/**
 * Iran. Permissive guidance by default while Gaza burns (R-IRN-11); after a deadly attack on Americans
 * and a US vow, the fatality brake (R-IRN-01, R-IRN-02): envoys rein the militias in, front by front
 * (R-IRN-05, R-IRN-13), while Tehran blusters in public and stays careful in private (R-IRN-09). A Gaza
 * truce eases the fronts (R-IRN-14); a Rafah assault turns Lebanon and Yemen up (R-IRN-12). Iran never
 * chooses open war on its own initiative (R-IRN-15). What it does after an overt strike on its soil is
 * unknown: a parameter decides.
 */
import { actionById, type Stance } from '../actions.ts';
import type { ActorEvent } from '../events.ts';
import { defineActor } from '../runtime.ts';

export interface IranContext {
  readonly usKilledSeen: number;
  /** Iran has ordered restraint since the last fatal attack: it returns there after a truce or a reply. */
  readonly braked: boolean;
  readonly homelandStruck: number;
}

export type IranPosture = 'permissive' | 'braking' | 'restraining' | 'truce' | 'escalating' | 'retaliating' | 'atWar';

const chose =
  (stance: Stance) =>
  ({ event }: { event: ActorEvent }): boolean =>
    event.type === 'ACTED' && actionById(event.action)?.stance === stance;

/** Tehran's moves are its own secret: its partners and envoys tell it, nobody else (R-IRN-09). */
const SEEN = { seenBy: 'iran', weight: 25 } as const;

const war = { REGIONAL_WAR: { target: 'atWar', meta: { rules: ['R-IRN-03'], says: 'is at war with the United States' } } } as const;
const brake = {
  US_KILLED: {
    target: 'braking',
    actions: ['seeDead'],
    meta: { rules: ['R-IRN-01', 'R-IRN-02', 'R-IRN-04'], says: 'fears another death means war and moves to rein the militias in' },
  },
} as const;
const struck = {
  HOMELAND_STRUCK: {
    target: 'retaliating',
    actions: ['countStrike'],
    meta: { rules: ['Q-15', 'R-IRN-09'], says: 'weighs an answer to strikes on its soil' },
  },
} as const;

export const iran = defineActor<IranContext, ActorEvent, IranPosture>({
  id: 'iran',
  initial: 'permissive',
  context: { usKilledSeen: 0, braked: false, homelandStruck: 0 },
  guards: {
    choseRestraint: chose('restraint'),
    chosePermissive: chose('pressure'),
    hasBraked: ({ context }) => context.braked,
  },
  updates: {
    seeDead: ({ context, event }) => (event.type === 'US_KILLED' ? { usKilledSeen: context.usKilledSeen + event.killed } : {}),
    countStrike: ({ context }) => ({ homelandStruck: context.homelandStruck + 1 }),
    setBraked: () => ({ braked: true }),
    release: () => ({ braked: false }),
  },
  states: {
    permissive: {
      meta: { label: 'Keeping up the pressure', rules: ['R-IRN-11', 'C-06'], ...SEEN, recommends: { action: 'iran.hold-course' } },
      on: {
        ACTED: {
          guard: 'choseRestraint',
          target: 'restraining',
          actions: ['setBraked'],
          meta: { rules: ['R-IRN-05'], says: 'orders restraint front by front' },
        },
        TRUCE_START: { target: 'truce', meta: { rules: ['R-IRN-14'], says: 'lets the fronts ease off during the Gaza truce' } },
        RAFAH_ASSAULT: {
          target: 'escalating',
          meta: { rules: ['R-IRN-12', 'R-HAM-02'], says: 'backs a harsher axis response to the Rafah assault' },
        },
        ...brake,
        ...struck,
        ...war,
      },
    },
    braking: {
      meta: { label: 'Applying the brake', rules: ['R-IRN-01', 'R-IRN-02', 'R-IRN-13'], ...SEEN, recommends: { action: 'iran.rein-in' } },
      on: {
        ACTED: [
          {
            guard: 'choseRestraint',
            target: 'restraining',
            actions: ['setBraked'],
            meta: { rules: ['R-IRN-05', 'R-IRN-13'], says: 'sends envoys with a per-front halt' },
          },
          { guard: 'chosePermissive', target: 'permissive', actions: ['release'] },
        ],
        US_KILLED: { actions: ['seeDead'] },
        RAFAH_ASSAULT: { target: 'escalating', meta: { rules: ['R-IRN-12'], says: 'backs a harsher axis response to the Rafah assault' } },
        ...struck,
        ...war,
      },
    },
    restraining: {
      meta: {
        label: 'Public bluster, private restraint',
        rules: ['R-IRN-09', 'R-IRN-06', 'R-IRN-08', 'R-IRN-10'],
        ...SEEN,
        recommends: { action: 'iran.quiet-message+iran.public-threats' },
      },
      on: {
        ACTED: {
          guard: 'chosePermissive',
          target: 'permissive',
          actions: ['release'],
          meta: { rules: ['R-IRN-11'], says: 'lifts the restraint' },
        },
        RAFAH_ASSAULT: { target: 'escalating', meta: { rules: ['R-IRN-12'], says: 'backs a harsher axis response to the Rafah assault' } },
        ...brake,
        ...struck,
        ...war,
      },
    },
    truce: {
      meta: {
        label: 'Easing off in the truce',
        rules: ['R-IRN-14', 'F-05'],
        ...SEEN,
        recommends: { flag: 'braked', then: 'iran.quiet-message+iran.public-threats', otherwise: 'iran.hold-course+iran.public-threats' },
      },
      on: {
        TRUCE_END: [
          { guard: 'hasBraked', target: 'restraining' },
          { target: 'permissive', meta: { rules: ['R-IRN-11'], says: 'returns to pressure as the truce ends' } },
        ],
        ACTED: { guard: 'choseRestraint', actions: ['setBraked'] },
        ...brake,
        ...struck,
        ...war,
      },
    },
    escalating: {
      meta: {
        label: 'Turning up Lebanon and Yemen',
        rules: ['R-IRN-12', 'R-HAM-02', 'Q-14'],
        ...SEEN,
        recommends: { action: 'iran.escalate-fronts' },
      },
      on: { ...brake, ...struck, ...war },
    },
    retaliating: {
      meta: {
        label: 'Answering a strike on Iran',
        rules: ['Q-15', 'R-IRN-09', 'R-IRN-03'],
        ...SEEN,
        // The reply is the force lever; the vows go beside it either way, and without a reply the
        // guidance stays what it was (R-IRN-09: public bluster, private caution).
        recommends: {
          chance: 'iranAnswersHomelandStrike',
          then: 'iran.missile-strike+iran.public-threats',
          otherwise: { flag: 'braked', then: 'iran.quiet-message+iran.public-threats', otherwise: 'iran.hold-course+iran.public-threats' },
        },
      },
      on: {
        ACTED: [
          { guard: 'hasBraked', target: 'restraining', meta: { rules: ['R-IRN-03'], says: 'returns to restraint' } },
          { target: 'permissive', meta: { rules: ['R-IRN-11'], says: 'returns to proxy pressure' } },
        ],
        ...struck,
        ...war,
      },
    },
    atWar: {
      meta: { label: 'At war', rules: ['R-IRN-03'], ...SEEN, atWar: true, recommends: { action: 'iran.missile-strike' } },
    },
  },
});
