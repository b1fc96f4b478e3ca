/**
 * Iran. Permissive guidance by default while Gaza burns (R-IRN-11); after a deadly attack on Americans
 * and a US vow, the fatality brake (R-IRN-01, R-IRN-02): envoys rein the militias in, front by front
 * (R-IRN-05, R-IRN-13), while Tehran blusters in public and stays careful in private (R-IRN-09). Tehran
 * brakes at once, and reads the US's next orders: if Washington neither vowed nor struck back, the fear
 * that another death means war rested on nothing said, and the brake holds only with the chance
 * `iranBrakesUnanswered` (the record always had the vow; R-SYS-07: the calm is made on both sides). A Gaza
 * truce eases the fronts (R-IRN-14); a Rafah assault turns Lebanon and Yemen up (R-IRN-12). Iran never
 * chooses open war on its own initiative (R-IRN-15). What it does after an overt strike on its soil is
 * unknown: a parameter decides.
 */
import { actionById, answersAttacksOnUs, type Stance } from '../actions.ts';
import type { ActorEvent } from '../events.ts';
import { defineActor } from '../runtime.ts';

export interface IranContext {
  readonly usKilledSeen: number;
  /** Iran has ordered restraint since the last fatal attack: it returns there after a truce or a reply. */
  readonly braked: boolean;
  readonly homelandStruck: number;
  /** Americans have died and the US's orders since have not yet shown whether Washington answers them. */
  readonly answerAwaited: boolean;
  /** The US let the turn after the deaths pass with no vow and no strike on the attackers (R-IRN-01). */
  readonly answerWithheld: boolean;
}

export type IranPosture = 'permissive' | 'braking' | 'restraining' | 'truce' | 'escalating' | 'retaliating' | 'atWar';

const chose =
  (stance: Stance) =>
  ({ event }: { event: ActorEvent }): boolean =>
    event.type === 'ACTED' && actionById(event.action)?.stance === stance;

/** Iran's own forces fired on US forces this turn (its answer to a strike on its soil, Q-15). */
const firedOnUs = ({ event }: { event: ActorEvent }): boolean =>
  event.type === 'ACTED' && actionById(event.action)?.effects.directAttack === true;

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
/** The US's orders reach Tehran every turn; after deaths they show whether Washington answered them. */
const readUs = { US_ORDERS: { actions: ['readAnswer'] } } as const;
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
  context: { usKilledSeen: 0, braked: false, homelandStruck: 0, answerAwaited: false, answerWithheld: false },
  guards: {
    choseRestraint: chose('restraint'),
    chosePermissive: chose('pressure'),
    hasBraked: ({ context }) => context.braked,
    firedOnUs,
    firedAndBraked: (args) => args.context.braked && firedOnUs(args),
    liftsUnanswered: (args) => args.context.answerWithheld && chose('pressure')(args),
  },
  updates: {
    seeDead: ({ context, event }) =>
      event.type === 'US_KILLED' ? { usKilledSeen: context.usKilledSeen + event.killed, answerAwaited: true, answerWithheld: false } : {},
    readAnswer: ({ context, event }) => {
      if (event.type !== 'US_ORDERS' || !context.answerAwaited) return {};
      const answered = [event.force, event.signal].some((id) => id !== null && answersAttacksOnUs(actionById(id)));
      return { answerAwaited: false, answerWithheld: !answered };
    },
    settleAnswer: () => ({ answerWithheld: false }),
    countStrike: ({ context }) => ({ homelandStruck: context.homelandStruck + 1 }),
    setBraked: () => ({ braked: true, answerWithheld: false }),
    release: () => ({ braked: false, answerWithheld: false }),
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
        TRUCE_START: { target: 'truce', meta: { rules: ['R-IRN-14'], says: 'lets its partners slow their tempo for the Gaza truce' } },
        RAFAH_ASSAULT: {
          target: 'escalating',
          meta: { rules: ['R-IRN-12', 'R-HAM-02'], says: 'backs a harsher axis response to the Rafah assault' },
        },
        ...brake,
        ...readUs,
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
        ...readUs,
        ...struck,
        ...war,
      },
    },
    restraining: {
      meta: {
        label: 'Public bluster, private restraint',
        rules: ['R-IRN-09', 'R-IRN-06', 'R-IRN-08', 'R-IRN-10'],
        ...SEEN,
        // A brake the US left unanswered holds only by Tehran's own fear (R-IRN-01, R-IRN-04).
        recommends: {
          flag: 'answerWithheld',
          then: {
            chance: 'iranBrakesUnanswered',
            then: 'iran.quiet-message+iran.public-threats',
            otherwise: 'iran.hold-course+iran.public-threats',
          },
          otherwise: 'iran.quiet-message+iran.public-threats',
        },
      },
      on: {
        ACTED: [
          {
            guard: 'liftsUnanswered',
            target: 'permissive',
            actions: ['release'],
            meta: { rules: ['R-IRN-01', 'R-IRN-11'], says: 'lifts the brake: Washington let its dead go unanswered' },
          },
          {
            guard: 'chosePermissive',
            target: 'permissive',
            actions: ['release'],
            meta: { rules: ['R-IRN-11'], says: 'lifts the restraint' },
          },
          { guard: 'choseRestraint', actions: ['settleAnswer'] },
        ],
        RAFAH_ASSAULT: { target: 'escalating', meta: { rules: ['R-IRN-12'], says: 'backs a harsher axis response to the Rafah assault' } },
        ...brake,
        ...readUs,
        ...struck,
        ...war,
      },
    },
    truce: {
      meta: {
        inTruce: true,
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
        ...readUs,
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
      on: { ...brake, ...readUs, ...struck, ...war },
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
          {
            guard: 'firedAndBraked',
            target: 'restraining',
            meta: { rules: ['R-IRN-09', 'R-IRN-03'], says: 'answers with its own fire, then holds its partners back again' },
          },
          {
            guard: 'firedOnUs',
            target: 'permissive',
            meta: { rules: ['R-IRN-09', 'R-IRN-11'], says: 'answers with its own fire, and keeps the proxies pressing' },
          },
          {
            guard: 'hasBraked',
            target: 'restraining',
            meta: { rules: ['R-IRN-03'], says: 'lets the strike pass and returns to restraint' },
          },
          { target: 'permissive', meta: { rules: ['R-IRN-11'], says: 'lets the strike pass and returns to proxy pressure' } },
        ],
        ...readUs,
        ...struck,
        ...war,
      },
    },
    atWar: {
      meta: { label: 'At war', rules: ['R-IRN-03'], ...SEEN, atWar: true, recommends: { action: 'iran.missile-strike' } },
    },
  },
});
