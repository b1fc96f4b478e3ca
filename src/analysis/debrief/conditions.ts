/**
 * Whether a rule's trigger had held at a point of a game. Many rules of DOMAIN.md §5 are "trigger →
 * response" (R-USA-02: US deaths → a vowed, larger answer; R-IRN-12: Israel assaults Rafah → the axis
 * steps up), and the action catalogue and the actors' transitions cite them as the record's reason for a
 * move. A move made without the trigger (a campaign before any death, Lebanon and Yemen turned up with no
 * Rafah assault) did not follow that rule, so the debrief names a rule beside an event only when its
 * trigger had held by then in this game. Rules whose trigger the game does not record pass unchanged.
 */
import type { GameEvent } from '../../engine/events.ts';
import { isLull, logOf } from '../../engine/history.ts';
import type { GameState } from '../../engine/state.ts';

export type RuleTrigger = 'us-deaths' | 'no-us-deaths' | 'rafah-assault' | 'truce' | 'lull';

/** The rules (and the record's facts that stand for them) whose trigger the game records. */
export const RULE_TRIGGERS: Readonly<Record<string, RuleTrigger>> = {
  // US deaths (the scenario's opening week counts): R-USA-02, R-IRN-01/02, R-SYS-04 and their record.
  'R-USA-02': 'us-deaths',
  'R-IRN-01': 'us-deaths',
  'R-IRN-02': 'us-deaths',
  'R-SYS-04': 'us-deaths',
  'P-06': 'us-deaths',
  'F-09': 'us-deaths',
  'T-10': 'us-deaths',
  'T-13': 'us-deaths',
  // Retaliation before any death (P-07, F-13).
  'P-07': 'no-us-deaths',
  'F-13': 'no-us-deaths',
  // An Israeli assault on Rafah (R-ISR-01 lists the rules it triggers).
  'R-IRN-12': 'rafah-assault',
  'R-HZB-03': 'rafah-assault',
  'R-HOU-05': 'rafah-assault',
  'R-HAM-02': 'rafah-assault',
  // A Gaza truce.
  'R-IRN-14': 'truce',
  'R-MIL-08': 'truce',
  'R-SYS-02': 'truce',
  // Lull preservation: once attacks stop (a week without attacks in Iraq and Jordan).
  'R-USA-04': 'lull',
};

/** US deaths up to and including log entry `index` (with the scenario's opening deaths). */
export function usDeathsBy(state: GameState, index: number): number {
  const log = logOf(state);
  let killed = state.scenario.opening.usKilled;
  for (let i = 0; i <= index && i < log.length; i++) {
    const e = log[i]!;
    if (e.kind === 'fatal') killed += e.killed;
  }
  return killed;
}

function injectBy(log: readonly GameEvent[], index: number, inject: 'rafah-assault' | 'truce-start'): boolean {
  for (let i = 0; i <= index && i < log.length; i++) {
    const e = log[i]!;
    if (e.kind === 'inject' && e.inject === inject) return true;
  }
  return false;
}

/** Whether `trigger` had held by log entry `index`. */
export function triggerHeld(state: GameState, index: number, trigger: RuleTrigger): boolean {
  const log = logOf(state);
  const turn = log[index]?.turn ?? state.history.length;
  switch (trigger) {
    case 'us-deaths':
      return usDeathsBy(state, index) > 0;
    case 'no-us-deaths':
      return usDeathsBy(state, index) === 0;
    case 'rafah-assault':
      return injectBy(log, index, 'rafah-assault');
    case 'truce':
      return injectBy(log, index, 'truce-start');
    case 'lull': {
      // The weeks before this one, and this one once its attacks are counted (its 'attacks' event logged).
      const counted = log.slice(0, index + 1).some((e) => e.turn === turn && e.kind === 'attacks');
      return state.history.slice(0, counted ? turn + 1 : turn).some(isLull);
    }
  }
}

/** Whether rule `id` applied at log entry `index`: its trigger had held, or it has none the game records. */
export function ruleHeld(state: GameState, index: number, id: string): boolean {
  const trigger = RULE_TRIGGERS[id];
  return trigger === undefined || triggerHeld(state, index, trigger);
}

/** The rules of log entry `index` that applied there (in the event's order). */
export function heldRules(state: GameState, index: number): string[] {
  const e = logOf(state)[index];
  return e ? e.rules.filter((r) => ruleHeld(state, index, r)) : [];
}
