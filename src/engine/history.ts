/**
 * What is derived from the per-turn history, never stored beside it: totals, the ladder's peak, the
 * decision log and the event log. Each is computed once per history array (they are immutable) and
 * remembered, so readers may call these as often as they like.
 */
import type { Decisions, GameEvent, GameState, Tally, TurnRecord } from './state.ts';
import { TALLY_KEYS, emptyTally } from './state.ts';

const TOTALS = new WeakMap<readonly TurnRecord[], Tally>();
const LOGS = new WeakMap<readonly TurnRecord[], readonly GameEvent[]>();
const DECISIONS = new WeakMap<readonly TurnRecord[], readonly Decisions[]>();

/** The game's counts so far: the sum of its turns. */
export function totalsOf(state: Pick<GameState, 'history'>): Tally {
  const h = state.history;
  let t = TOTALS.get(h);
  if (!t) {
    const sum = emptyTally() as Record<keyof Tally, number>;
    for (const turn of h) for (const k of TALLY_KEYS) sum[k] += turn[k];
    t = Object.freeze(sum);
    TOTALS.set(h, t);
  }
  return t;
}

/** The highest rung the ladder has stood on: the scenario's start or any turn's end. */
export function peakRungOf(state: Pick<GameState, 'history' | 'scenario'>): number {
  let peak = state.scenario.startRung;
  for (const t of state.history) if (t.rung > peak) peak = t.rung;
  return peak;
}

/** Both sides' orders, turn by turn: the game's action history. */
export function decisionsOf(state: Pick<GameState, 'history'>): readonly Decisions[] {
  const h = state.history;
  let d = DECISIONS.get(h);
  if (!d) {
    d = Object.freeze(h.map((t) => t.actions));
    DECISIONS.set(h, d);
  }
  return d;
}

/** Every event of the game, in order. */
export function logOf(state: Pick<GameState, 'history'>): readonly GameEvent[] {
  const h = state.history;
  let log = LOGS.get(h);
  if (!log) {
    log = Object.freeze(h.flatMap((t) => t.events));
    LOGS.set(h, log);
  }
  return log;
}
