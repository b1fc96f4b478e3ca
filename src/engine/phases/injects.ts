/**
 * Phase: what Israel decides this turn. A Rafah window open in the turn may come up (its chance per turn
 * is the scenario's, Q-18); if it does, the assault is scheduled on a day drawn within the window.
 */
import { INJECT_MESSAGES } from '../events.ts';
import { emit, schedule, type TurnDraft } from './draft.ts';

export function drawInjects(d: TurnDraft): void {
  const windows = d.rafahWindows;
  for (let i = windows.length - 1; i >= 0; i--) {
    const w = windows[i]!;
    if (w.fromDay >= d.endDay || w.toDay < d.startDay) continue;
    const u = d.streams.world.next();
    if (u >= w.chancePerTurn) continue;
    const day = d.streams.world.int(Math.max(w.fromDay, d.startDay), Math.min(w.toDay, d.endDay - 1));
    schedule(d, day, {
      kind: 'inject',
      inject: 'rafah-assault',
      event: INJECT_MESSAGES['rafah-assault'],
      // F-17: the sentence says who shelters there (analysis/render.ts). Each rule once.
      rules: [...new Set(['R-ISR-01', 'T-30', 'F-17', ...w.cites])],
    });
    emit(d, {
      kind: 'inject',
      inject: 'rafah-decision',
      turn: d.turn,
      day,
      actor: 'israel',
      rules: [...new Set(['R-ISR-01', 'Q-18', ...w.cites])],
      visibility: 'public',
      weight: 35,
      draw: { stream: 'world', u, p: w.chancePerTurn },
    });
    windows.splice(i, 1);
  }
}
