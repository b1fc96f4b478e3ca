/**
 * What Iraqi and Syrian militias share: grievance after strikes, capability lost and rebuilt, threats
 * that rise without deeds (R-MIL-05: the machines log a vow when a struck group is under a halt), and the directive they were last given. The two machines differ
 * in how they take a halt: Iraqi groups resist first (R-MIL-02), Syrian groups scale back (R-SYR-01).
 */
import type { DirectiveLevel } from '../actions.ts';
import type { ActorEvent, EventOf } from '../events.ts';
import { clamp01 } from '../math.ts';
import type { Params } from '../params.ts';
import type { Update, Guard, GuardArgs } from '../runtime.ts';

export interface MilitiaContext {
  /** 0..1: anger after strikes, highest after a commander is killed (R-MIL-05). */
  readonly grievance: number;
  /** 0..1: share of the group's attack capacity left. */
  readonly capability: number;
  /** The last guidance Iran sent this front. */
  readonly directive: DirectiveLevel;
  /** Whether Quds Force envoys pressed the last directive in person (R-IRN-13). */
  readonly envoys: boolean;
  /** Times a halt has been refused so far (R-MIL-02). */
  readonly resistedWeeks: number;
  readonly leadersKilled: number;
  /** Settings from the parameters (the machine's `input`): weekly grievance decay and capability recovery. */
  readonly grievanceDecay: number;
  readonly capabilityRecovery: number;
}

export const MILITIA_CONTEXT: MilitiaContext = {
  grievance: 0,
  capability: 1,
  directive: 'sustain',
  envoys: false,
  resistedWeeks: 0,
  leadersKilled: 0,
  grievanceDecay: 0,
  capabilityRecovery: 0,
};

/** The parameters a militia keeps in its memory. */
export const militiaInput = (p: Params): Partial<MilitiaContext> => ({
  grievanceDecay: p.grievanceDecay,
  capabilityRecovery: p.capabilityRecovery,
});

type A = GuardArgs<MilitiaContext, ActorEvent>;

export const militiaUpdates: Record<string, Update<MilitiaContext, ActorEvent>> = {
  recordDirective: ({ event }: A) => {
    const e = event as EventOf<'DIRECTIVE'>;
    return { directive: e.level, envoys: e.envoys };
  },
  absorbStrike: ({ context, event }: A) => {
    const e = event as EventOf<'STRUCK'>;
    return {
      grievance: clamp01(context.grievance + e.grievance),
      capability: clamp01(context.capability - e.capabilityLoss),
      leadersKilled: context.leadersKilled + (e.leaderKilled ? 1 : 0),
    };
  },
  weekPasses: ({ context, event }: A) => {
    const e = event as EventOf<'WEEK_END'>;
    return {
      grievance: clamp01(context.grievance * (1 - clamp01(context.grievanceDecay * e.weeks))),
      capability: clamp01(context.capability + context.capabilityRecovery * e.weeks),
    };
  },
  resistAgain: ({ context }: A) => ({ resistedWeeks: context.resistedWeeks + 1 }),
  settle: () => ({ resistedWeeks: 0 }),
};

export const militiaGuards: Record<string, Guard<MilitiaContext, ActorEvent>> = {
  /** The parameter says which levels: one named guard serves every directive branch. */
  directiveIs: ({ event }, params) =>
    event.type === 'DIRECTIVE' && ((params?.levels as readonly DirectiveLevel[] | undefined) ?? []).includes(event.level),
  lastDirectiveIs: ({ context }, params) => ((params?.levels as readonly DirectiveLevel[] | undefined) ?? []).includes(context.directive),
  complies: ({ event }) => event.type === 'COMPLIANCE_DRAW' && event.u < event.chance,
  relapses: ({ event }) => event.type === 'RELAPSE_DRAW' && event.u < event.chance,
};

export const HALT = { type: 'directiveIs', params: { levels: ['halt', 'reduce'] } } as const;
export const HALT_ONLY = { type: 'directiveIs', params: { levels: ['halt'] } } as const;
export const REDUCE = { type: 'directiveIs', params: { levels: ['reduce'] } } as const;
export const SUSTAIN = { type: 'directiveIs', params: { levels: ['sustain'] } } as const;
export const SURGE = { type: 'directiveIs', params: { levels: ['surge'] } } as const;
