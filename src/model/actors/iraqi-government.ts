/**
 * The Iraqi government (PM al-Sudani) and, with it, the Najaf clerics: after the Tower 22 deaths they
 * press the militias to stop because attacks wreck the talks on a US exit (R-IRQ-01, R-IRQ-02); once Iraq
 * is quiet the talks move (R-MIL-06), toward a negotiated, partial drawdown Baghdad privately prefers to
 * a full exit (R-IRQ-03). It holds the withdrawal momentum Iran scores.
 */
import type { ActorEvent } from '../events.ts';
import { clamp01 } from '../math.ts';
import { defineActor } from '../runtime.ts';

export interface IraqiGovernmentContext {
  /** 0..1: how far talks on a US drawdown have come (R-IRN-08, O-IRQ-01). */
  readonly withdrawalMomentum: number;
  readonly quietWeeks: number;
  /** Settings from the parameters: what a quiet week, an attack in Iraq and an offer of talks do to the talks. */
  readonly perQuietWeek: number;
  readonly perAttack: number;
  readonly perTalksOffer: number;
  /** What a militia commander killed on Iraqi soil adds to Baghdad's push for a US exit. */
  readonly perCommanderKilled: number;
  /** Whether talks on a US exit are alive: only then do quiet weeks move them (R-IRN-08, R-MIL-06). */
  readonly talksAlive: boolean;
}

export type IraqiGovernmentPosture = 'watching' | 'pressingForCalm' | 'talksAdvancing';

/**
 * Two quiet weeks in Iraq move the drawdown talks once they are alive (R-IRN-08: "while talks live";
 * R-MIL-06: "while talks progress"), whether or not Baghdad had to press first. Talks come alive when
 * Washington offers them (R-USA-07), when a commander killed on Iraqi soil pushes Baghdad toward an exit
 * (docs/strategy.md §1.1), or when Americans die and Baghdad presses the militias to save them
 * (R-IRQ-01); in the scenarios that start after the deaths they are alive from the start. Quiet alone,
 * with nobody at the table, moves nothing.
 *
 * The talks are Baghdad's with Washington (E-12). Iran is not at the table: its officials argue for the
 * US exit (D-12, R-IRN-08), so its backing adds to talks under way and opens none.
 */
const talksMoveWhenQuiet = {
  WEEK_END: [
    {
      guard: 'quietForTwoWeeksWithTalks',
      target: 'talksAdvancing',
      actions: ['tally'],
      meta: { rules: ['R-MIL-06', 'R-IRQ-03', 'R-IRN-08'], says: 'moves the talks on a US drawdown forward while Iraq is quiet' },
    },
    { actions: ['tally'] },
  ],
  TALKS: [
    {
      guard: 'atTheTableOrUnderWay',
      actions: ['talks'],
      meta: { rules: ['R-USA-07', 'R-IRN-08', 'E-12'], says: 'presses on with the talks on a US drawdown' },
    },
  ],
  COMMANDER_KILLED: { actions: ['commanderKilled'] },
} as const;

export const iraqiGovernment = defineActor<IraqiGovernmentContext, ActorEvent, IraqiGovernmentPosture>({
  id: 'iraqiGovernment',
  initial: 'watching',
  context: {
    withdrawalMomentum: 0,
    quietWeeks: 0,
    perQuietWeek: 0,
    perAttack: 0,
    perTalksOffer: 0,
    perCommanderKilled: 0,
    talksAlive: false,
  },
  input: (p) => ({
    perQuietWeek: p.withdrawalPerQuietWeek,
    perAttack: p.withdrawalPerAttack,
    perTalksOffer: p.withdrawalPerTalksOffer,
    perCommanderKilled: p.withdrawalPerLeaderKilled,
  }),
  guards: {
    quietForTwoWeeksWithTalks: ({ context, event }) =>
      event.type === 'WEEK_END' && event.attacksIraq === 0 && context.quietWeeks >= 1 && context.talksAlive,
    attacksInIraq: ({ event }) => event.type === 'WEEK_END' && event.attacksIraq > 0,
    // Washington can open talks; Iran, not a party to them (E-12), only lobbies for talks under way.
    atTheTableOrUnderWay: ({ context, event }) => event.type === 'TALKS' && (event.from === 'us' || context.talksAlive),
  },
  updates: {
    tally: ({ context, event }) => {
      if (event.type !== 'WEEK_END') return {};
      const quiet = event.attacksIraq === 0;
      return {
        quietWeeks: quiet ? context.quietWeeks + 1 : 0,
        withdrawalMomentum: clamp01(
          context.withdrawalMomentum +
            (quiet && context.talksAlive ? context.perQuietWeek * event.weeks : 0) -
            event.attacksIraq * context.perAttack,
        ),
      };
    },
    talks: ({ context, event }) =>
      event.type === 'TALKS' ? { withdrawalMomentum: clamp01(context.withdrawalMomentum + context.perTalksOffer), talksAlive: true } : {},
    commanderKilled: ({ context, event }) =>
      event.type === 'COMMANDER_KILLED'
        ? { withdrawalMomentum: clamp01(context.withdrawalMomentum + context.perCommanderKilled), talksAlive: true }
        : {},
    talksAlive: () => ({ talksAlive: true }),
  },
  states: {
    watching: {
      meta: { label: 'Watching', rules: ['R-IRQ-03'] },
      on: {
        US_KILLED: {
          target: 'pressingForCalm',
          actions: ['talksAlive'],
          meta: { rules: ['R-IRQ-01', 'R-IRQ-02', 'E-11'], says: 'presses the militias to stop, PM al-Sudani joined by the Najaf clerics' },
        },
        ...talksMoveWhenQuiet,
      },
    },
    pressingForCalm: {
      meta: { label: 'Pressing militias for calm', rules: ['R-IRQ-01', 'R-IRQ-02', 'R-MIL-03'], presses: ['baghdad', 'clerics'] },
      on: {
        ...talksMoveWhenQuiet,
      },
    },
    talksAdvancing: {
      // Baghdad protects advancing talks by pressing the militias; the clerics' lobbying is documented
      // alongside the PM's late-January push only (R-IRQ-02).
      meta: { label: 'Talks on a drawdown advancing', rules: ['R-MIL-06', 'R-IRQ-03', 'R-USA-07'], presses: ['baghdad'] },
      on: {
        WEEK_END: [
          {
            guard: 'attacksInIraq',
            target: 'pressingForCalm',
            actions: ['tally'],
            meta: { rules: ['R-IRQ-01'], says: 'presses the militias again as attacks in Iraq stall the talks' },
          },
          { actions: ['tally'] },
        ],
        TALKS: talksMoveWhenQuiet.TALKS,
        COMMANDER_KILLED: { actions: ['commanderKilled'] },
      },
    },
  },
});
