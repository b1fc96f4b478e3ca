/**
 * What is derived from the per-turn history, never stored beside it: totals, the ladder's peak, the
 * decision log and the event log. Each is computed once per history array (they are immutable) and
 * remembered, so readers may call these as often as they like.
 */
import type { Decisions, GameEvent, GameState, Tally, TurnRecord } from './state.ts';
import { emptyTally } from './state.ts';

/**
 * A derivation of the history, computed once per history array (each turn makes a new one) and
 * remembered for as long as that array lives.
 */
function derived<T>(compute: (history: readonly TurnRecord[]) => T): (state: Pick<GameState, 'history'>) => T {
  const cache = new WeakMap<readonly TurnRecord[], T>();
  return (state) => {
    const h = state.history;
    let value = cache.get(h);
    if (value === undefined) {
      value = compute(h);
      cache.set(h, value);
    }
    return value;
  };
}

/**
 * A lull: a week without attacks in Iraq or Jordan (the fronts Iran's halt covered), as after 4 Feb
 * (F-04). Where the record's lull began, US force turned from deterring to provoking (R-USA-04,
 * R-SYS-05), and where one holds at the end, the deterrence kept up protects it (O-USA-03).
 */
export function isLull(t: TurnRecord): boolean {
  return t.attacksOnUSIraq + t.attacksOnUSJordan === 0;
}

/** Whether the last turn played was a lull (false before the first turn). */
export function endsInLull(history: readonly TurnRecord[]): boolean {
  const last = history[history.length - 1];
  return last !== undefined && isLull(last);
}

/**
 * Every attack on US forces in a turn or a game: the militias' (by front, the record's figure F-01) and
 * Iran's own forces' fire, which a player must not read as a week without attacks. The week's counts,
 * the situation pane and the debrief's timeline and totals all add them up here.
 */
export function attacksOnUsForces(t: Pick<Tally, 'attacksOnUS' | 'iranDirectAttacks'>): number {
  return t.attacksOnUS + t.iranDirectAttacks;
}

/** The game's counts so far: the sum of its turns (field by field: every game's record sums them once). */
export const totalsOf = derived<Tally>((h) => {
  const s = emptyTally() as Record<keyof Tally, number>;
  for (const t of h) {
    s.attacksOnUS += t.attacksOnUS;
    s.attacksOnUSIraq += t.attacksOnUSIraq;
    s.attacksOnUSSyria += t.attacksOnUSSyria;
    s.attacksOnUSJordan += t.attacksOnUSJordan;
    s.fatalAttacks += t.fatalAttacks;
    s.usKilled += t.usKilled;
    s.usInjured += t.usInjured;
    s.usStrikes += t.usStrikes;
    s.usStrikesYemen += t.usStrikesYemen;
    s.houthiAttacks += t.houthiAttacks;
    s.hezbollahFireDays += t.hezbollahFireDays;
    s.leadersKilled += t.leadersKilled;
    s.iranDirectAttacks += t.iranDirectAttacks;
    s.strikesOnIran += t.strikesOnIran;
  }
  return Object.freeze(s);
});

/** The highest rung the ladder has stood on: the scenario's start or any turn's end. */
export function peakRungOf(state: Pick<GameState, 'history' | 'scenario'>): number {
  let peak = state.scenario.startRung;
  for (const t of state.history) if (t.rung > peak) peak = t.rung;
  return peak;
}

/** Both sides' orders, turn by turn: the game's action history. */
export const decisionsOf = derived<readonly Decisions[]>((h) => Object.freeze(h.map((t) => t.actions)));

/** Every event of the game, in order. */
export const logOf = derived<readonly GameEvent[]>((h) => Object.freeze(h.flatMap((t) => t.events)));
