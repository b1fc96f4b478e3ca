/**
 * What the world tells the actors. Machines never draw random numbers: the engine draws and puts the
 * draw (and the chance it was compared with) in the payload, so a machine is a deterministic function
 * of its events (DESIGN.md, "Actors and xstate").
 */
import type { DirectiveLevel, Side } from './actions.ts';

export type ActorEvent =
  /** Iran's guidance for this actor's front reaches it (with the lag the engine drew). */
  | { readonly type: 'DIRECTIVE'; readonly level: DirectiveLevel; readonly envoys: boolean }
  /** A militia decides on a halt: complies when `u < chance`. */
  | { readonly type: 'COMPLIANCE_DRAW'; readonly u: number; readonly chance: number }
  /** US strikes hit this actor. */
  | {
      readonly type: 'STRUCK';
      readonly strikes: number;
      readonly leaderKilled: boolean;
      readonly grievance: number;
      readonly capabilityLoss: number;
    }
  /** An attack killed US personnel. */
  | { readonly type: 'US_KILLED'; readonly killed: number }
  /**
   * The US's orders of the turn as Tehran sees them (portfolio.ts `seenOrder`): each lever where it is
   * public, null where not (Iran reads whether Washington answered its dead, R-IRN-01).
   */
  | { readonly type: 'US_ORDERS'; readonly force: string | null; readonly signal: string | null }
  /**
   * The side this machine belongs to gave its order: `action` is the force lever (the one the postures
   * read: strikes, guidance), `signal` the other, `rung` the higher of the two.
   */
  | { readonly type: 'ACTED'; readonly action: string; readonly signal: string; readonly rung: number }
  | { readonly type: 'TRUCE_START' }
  | { readonly type: 'TRUCE_END' }
  | { readonly type: 'RAFAH_ASSAULT' }
  /** The US struck Iranian soil. */
  | { readonly type: 'HOMELAND_STRUCK' }
  /** Iranian forces fired on US forces directly. */
  | { readonly type: 'DIRECT_ATTACK' }
  /** Houthi arsenal changes (strikes, interdiction, Iranian supply). */
  | { readonly type: 'CAPACITY'; readonly delta: number }
  /**
   * A side backed the withdrawal talks (the government's `input` says how far an offer moves them). The
   * talks are Baghdad's with Washington (E-12): the US is at the table, Iran only lobbies for them.
   */
  | { readonly type: 'TALKS'; readonly from: Side }
  /** A militia commander was killed on Iraqi soil: Baghdad's push for a US exit grows (O-IRQ-02, R-IRQ-03). */
  | { readonly type: 'COMMANDER_KILLED' }
  /** Strikes hit militias standing down: they take up attacks again when `u < chance` (R-SYS-07). */
  | { readonly type: 'RELAPSE_DRAW'; readonly u: number; readonly chance: number }
  /**
   * The turn's tally, sent to every actor at the end of a turn: what happened, and how long the turn
   * was. How fast memory fades or capacity returns is each actor's own setting (its `input`).
   */
  | {
      readonly type: 'WEEK_END';
      readonly attacksOnUS: number;
      readonly attacksIraq: number;
      readonly houthiAttacks: number;
      readonly usKilled: number;
      /** The turn's length in weeks. */
      readonly weeks: number;
    }
  | { readonly type: 'REGIONAL_WAR' };

export type ActorEventType = ActorEvent['type'];
export type EventOf<T extends ActorEventType> = Extract<ActorEvent, { type: T }>;
