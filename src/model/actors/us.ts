/**
 * The United States. Its machine holds the posture the documents describe and what it remembers; the
 * `recommends` in each state's meta is what the record says the US did in that posture, which is what
 * the `historical` bot plays. A player or another bot may choose otherwise; the machine then records the
 * choice and keeps its memory (a vow not yet kept stays pending).
 *
 * The observed ladder (R-USA-01): light, slow answers before January (P-07) → after the deaths, a public
 * vow (R-USA-02) and dozens of strikes ≈ 5 d later (F-09) → a commander killed in Baghdad (F-10) → lull
 * preservation, sparing a leader (R-USA-04, F-11) → never a strike on Iran (R-USA-03). Once the Red Sea
 * campaign is under way, its strikes on the Houthis run beside the restraint toward the militias (measured
 * answers, the lull): a separate track (R-USA-06) on a portfolio's signal lever (model/portfolio.ts). In the
 * weeks the US answers the militias the historical bot gives that answer alone, as the one-lever game did:
 * the calibrated record is the same game (docs/strategy.md §1.7 says what pairing them would change).
 */
import { actionById, strikesIranOrItsForces, strikesMilitiasOrIran } from '../actions.ts';
import type { ActorEvent } from '../events.ts';
import { defineActor } from '../runtime.ts';

export interface UsContext {
  /** Attacks absorbed since the last US strike on the militias (P-07). */
  readonly attacksSinceStrike: number;
  readonly strikeThreshold: number;
  readonly lullResumeThreshold: number;
  readonly killed: number;
  /** The Red Sea campaign is under way (R-USA-06); set by the scenario. */
  readonly redSeaOps: boolean;
  /**
   * The US took the fight to Iran of its own accord, a rung the record never shows (R-USA-03): its posture
   * stays in confrontation while it keeps striking, rather than stepping back after one answer.
   */
  readonly pressingIran: boolean;
}

/** Whether a scenario sets the Red Sea campaign under way, from its `actors.us.context` (undefined: it does not say). */
export function redSeaOpsSetting(context: Readonly<Record<string, unknown>> | undefined): boolean | undefined {
  const v = context?.redSeaOps;
  return typeof v === 'boolean' ? v : undefined;
}

export type UsPosture = 'measured' | 'responding' | 'vowing' | 'retaliated' | 'preservingLull' | 'pressing' | 'confronting' | 'atWar';

/** The rung from which a strike on the militias is more than the light, slow answers of P-07: a commander killed (F-10) or a campaign (F-09). */
const HEAVY_STRIKE_RUNG = 6;

/**
 * Heavy strikes on the militias with no death to answer: the US takes the offensive, which the record
 * never shows (P-07: light answers before January; R-USA-04: raids in a calm judged counter-productive).
 */
const takesOffensive = {
  guard: 'heavyStrike',
  target: 'pressing',
  actions: ['resetAttacks'],
  meta: { rules: ['P-07', 'R-USA-04'], says: 'takes the offensive against the militias, beyond the light answers of the record' },
} as const;

/** A change in a playable side's posture is a turning point in its own right. */
const SIDE_WEIGHT = 25;

const warEnds = { REGIONAL_WAR: { target: 'atWar', meta: { rules: ['O-USA-01'], says: 'is at war with Iran' } } } as const;
const killed = {
  US_KILLED: {
    target: 'vowing',
    actions: ['countDead'],
    meta: { rules: ['R-USA-02', 'R-SYS-04', 'T-10'], says: 'is expected to answer the deaths with a strong response' },
  },
} as const;
/**
 * The record's US never struck Iran (R-USA-03); a player or bot that does is in confrontation with Tehran,
 * whatever posture it came from, and the other side's intelligence reads it so. The historical bot never
 * takes this transition: no posture it holds recommends such a strike before Iran fires first.
 */
const takesFightToIran = {
  guard: 'struckIran',
  target: 'confronting',
  actions: ['startPressing'],
  meta: { rules: ['R-USA-03', 'Q-13'], says: 'carries the fight to Iran itself, a rung it never climbed in 2024' },
} as const;
const directAttack = {
  DIRECT_ATTACK: { target: 'confronting', meta: { rules: ['Q-13', 'R-USA-05'], says: 'weighs a direct answer to Iranian fire' } },
} as const;

export const us = defineActor<UsContext, ActorEvent, UsPosture>({
  id: 'us',
  initial: 'measured',
  context: { attacksSinceStrike: 0, strikeThreshold: 25, lullResumeThreshold: 2, killed: 0, redSeaOps: false, pressingIran: false },
  input: (p) => ({ strikeThreshold: p.usStrikeThreshold, lullResumeThreshold: p.usLullResumeThreshold }),
  guards: {
    strikeDue: ({ context, event }) =>
      event.type === 'WEEK_END' && context.attacksSinceStrike + event.attacksOnUS >= context.strikeThreshold,
    attacksResumed: ({ context, event }) => event.type === 'WEEK_END' && event.attacksOnUS >= context.lullResumeThreshold,
    struckMilitias: ({ event }) => event.type === 'ACTED' && strikesMilitiasOrIran(actionById(event.action)),
    largeCampaign: ({ event }) => event.type === 'ACTED' && strikesMilitiasOrIran(actionById(event.action)) && event.rung >= 7,
    /** A strike that kills commanders or comes in dozens (F-09, F-10): more than the light answers of P-07. */
    heavyStrike: ({ event }) =>
      event.type === 'ACTED' && strikesMilitiasOrIran(actionById(event.action)) && event.rung >= HEAVY_STRIKE_RUNG,
    struckIran: ({ event }) => event.type === 'ACTED' && strikesIranOrItsForces(actionById(event.action)),
    keepsStrikingIran: ({ context, event }) =>
      context.pressingIran && event.type === 'ACTED' && strikesIranOrItsForces(actionById(event.action)),
  },
  updates: {
    countAttacks: ({ context, event }) =>
      event.type === 'WEEK_END' ? { attacksSinceStrike: context.attacksSinceStrike + event.attacksOnUS } : {},
    resetAttacks: () => ({ attacksSinceStrike: 0 }),
    countDead: ({ context, event }) => (event.type === 'US_KILLED' ? { killed: context.killed + event.killed } : {}),
    startPressing: () => ({ pressingIran: true, attacksSinceStrike: 0 }),
    stopPressing: () => ({ pressingIran: false }),
  },
  states: {
    measured: {
      meta: {
        label: 'Measured responses',
        rules: ['P-07', 'F-13', 'R-USA-06'],
        weight: SIDE_WEIGHT,
        recommends: { flag: 'redSeaOps', then: 'us.hold+us.strike-houthis', otherwise: 'us.hold+us.warn' },
      },
      on: {
        WEEK_END: [
          {
            guard: 'strikeDue',
            target: 'responding',
            actions: ['countAttacks'],
            meta: { rules: ['P-07', 'R-USA-05'], says: 'comes under pressure to answer: enough attacks have gone unanswered' },
          },
          { actions: ['countAttacks'] },
        ],
        ACTED: [takesFightToIran, takesOffensive, { guard: 'struckMilitias', actions: ['resetAttacks'] }],
        ...killed,
        ...directAttack,
        ...warEnds,
      },
    },
    responding: {
      meta: {
        label: 'Answering attacks',
        rules: ['R-USA-05', 'P-07'],
        weight: SIDE_WEIGHT,
        recommends: { action: 'us.calibrated-strikes' },
      },
      on: {
        ACTED: [
          takesFightToIran,
          {
            guard: 'largeCampaign',
            target: 'measured',
            actions: ['resetAttacks'],
            meta: { rules: ['P-07', 'R-USA-05'], says: 'answers the attacks with a large campaign' },
          },
          {
            guard: 'struckMilitias',
            target: 'measured',
            actions: ['resetAttacks'],
            meta: { rules: ['P-07'], says: 'answers the attacks, then returns to measured responses' },
          },
        ],
        WEEK_END: { actions: ['countAttacks'] },
        ...killed,
        ...directAttack,
        ...warEnds,
      },
    },
    // The deaths bind Washington to answer them (R-USA-02); the label says so and no more, since a US
    // played off the record may let the turn pass without a vow or a strike, and Iran reads that.
    vowing: {
      meta: {
        label: 'Expected to answer the deaths',
        rules: ['R-USA-02', 'F-09', 'P-06'],
        weight: SIDE_WEIGHT,
        recommends: { action: 'us.major-campaign' },
      },
      on: {
        ACTED: [
          {
            guard: 'struckIran',
            target: 'retaliated',
            actions: ['resetAttacks'],
            meta: {
              rules: ['R-USA-02', 'Q-13'],
              says: 'answers the deaths by striking Iran or its forces, a rung it never climbed in 2024',
            },
          },
          {
            guard: 'largeCampaign',
            target: 'retaliated',
            actions: ['resetAttacks'],
            meta: { rules: ['R-USA-02', 'R-USA-03', 'F-09'], says: 'keeps its vow with a large campaign, sparing Iran' },
          },
          // A commander killed answers the deaths, if more narrowly than the record's dozens of strikes (F-09,
          // F-10): the vow is no longer pending. Light strikes (P-07) leave it pending.
          {
            guard: 'heavyStrike',
            target: 'retaliated',
            actions: ['resetAttacks'],
            meta: {
              rules: ['R-USA-02', 'F-09', 'F-10'],
              says: 'answers the deaths by killing a commander, short of the campaign it promised',
            },
          },
        ],
        US_KILLED: { actions: ['countDead'] },
        ...directAttack,
        ...warEnds,
      },
    },
    retaliated: {
      meta: {
        label: 'Following up',
        rules: ['R-USA-01', 'F-10', 'D-07'],
        weight: SIDE_WEIGHT,
        recommends: { action: 'us.leadership-strike' },
      },
      on: {
        ACTED: [
          // Striking Iran is not protecting a calm: Washington stands in confrontation with Tehran instead.
          takesFightToIran,
          {
            guard: 'struckMilitias',
            target: 'preservingLull',
            meta: {
              rules: ['R-USA-01', 'F-10', 'R-USA-04'],
              says: 'follows up with strikes on the militias, then stands ready to protect a calm',
            },
          },
          { target: 'preservingLull', meta: { rules: ['R-USA-04', 'D-07'], says: 'moves to protecting the calm' } },
        ],
        ...killed,
        ...directAttack,
        ...warEnds,
      },
    },
    preservingLull: {
      meta: {
        label: 'Protecting the lull',
        rules: ['R-USA-04', 'F-11', 'R-USA-06'],
        weight: SIDE_WEIGHT,
        recommends: { flag: 'redSeaOps', then: 'us.hold+us.strike-houthis', otherwise: 'us.hold' },
      },
      on: {
        WEEK_END: {
          guard: 'attacksResumed',
          target: 'responding',
          actions: ['countAttacks'],
          meta: { rules: ['R-USA-05'], says: 'sees attacks resume and readies a response' },
        },
        ACTED: [
          takesFightToIran,
          takesOffensive,
          // Strikes in the calm break the restraint the lull rests on (R-USA-04): the calm is made on both
          // sides (R-SYS-07), and the US is back to answering attack by attack.
          {
            guard: 'struckMilitias',
            target: 'measured',
            actions: ['resetAttacks'],
            meta: { rules: ['R-USA-04', 'R-SYS-07'], says: 'breaks its restraint: strikes the militias in the calm' },
          },
        ],
        ...killed,
        ...directAttack,
        ...warEnds,
      },
    },
    pressing: {
      meta: {
        label: 'On the offensive',
        rules: ['P-07', 'R-USA-04'],
        weight: SIDE_WEIGHT,
        // The record's US, once it had struck hard, held back to protect the calm (R-USA-04).
        recommends: { flag: 'redSeaOps', then: 'us.hold+us.strike-houthis', otherwise: 'us.hold' },
      },
      on: {
        ACTED: [
          takesFightToIran,
          { guard: 'struckMilitias', actions: ['resetAttacks'] },
          { target: 'measured', meta: { rules: ['R-USA-04', 'P-07'], says: 'ends its offensive and is back to measured answers' } },
        ],
        ...killed,
        ...directAttack,
        ...warEnds,
      },
    },
    confronting: {
      meta: {
        label: 'Confronting Iran',
        rules: ['Q-13', 'R-USA-08', 'R-USA-09'],
        weight: SIDE_WEIGHT,
        // The record answered Iranian fire once (R-USA-09). A US that struck Iran of its own accord went
        // past anything the record shows; its cautious reading is to step back (mirror caution), not to
        // go on striking.
        recommends: { flag: 'pressingIran', then: 'us.hold', otherwise: 'us.strike-irgc' },
      },
      on: {
        ACTED: [
          // A US that took the fight to Iran itself stays in confrontation while it keeps striking.
          { guard: 'keepsStrikingIran' },
          // The record's one strike on Iran's forces comes first; the posture steps back in the same week.
          {
            guard: 'struckIran',
            target: 'preservingLull',
            actions: ['stopPressing'],
            meta: { rules: ['R-USA-09'], says: "strikes Iran's forces once, then steps back to protect what calm is left" },
          },
          {
            target: 'preservingLull',
            actions: ['stopPressing'],
            meta: { rules: ['R-USA-09'], says: 'steps back to protect what calm is left' },
          },
        ],
        ...killed,
        ...warEnds,
      },
    },
    atWar: {
      meta: { label: 'At war', rules: ['O-USA-01'], weight: SIDE_WEIGHT, atWar: true, recommends: { action: 'us.strike-iran' } },
    },
  },
});
