/** Plain-text rendering of a game for `brink run` and `brink replay`: the log a person reads. */
import { weekCountLines } from '../analysis/counts.ts';
import { paramsText } from '../batch/params-arg.ts';
import { weekWarChanceText, type WeekFire } from '../analysis/war-odds.ts';
import { orderLabel as label, plural, renderEvent, shownEvents, type OffRecord } from '../analysis/render.ts';
import { rungName } from '../model/ladder.ts';
import { quantityName } from '../model/quantities.ts';
import type { GameEvent, GameState, TurnRecord } from '../engine/state.ts';

function cite(rules: readonly string[]): string {
  return rules.length > 0 ? ` [${rules.slice(0, 4).join(', ')}]` : '';
}

/** The parameters a game was started with beyond the scenario's, as a header's tail. */
const paramsTail = (overrides: Readonly<Record<string, number>>): string =>
  Object.keys(overrides).length === 0 ? '' : ` · params ${paramsText(overrides, ' ', true)}`;

export function formatHeader(state: GameState, policies: { us: string; iran: string }): string {
  const s = state.scenario;
  return [
    `Brink · ${s.title}`,
    `scenario ${s.id} (${s.hash}) · seed ${state.seed} · ${plural(s.turns, 'turn')} of ${plural(s.daysPerTurn, 'day')} from ${s.start}`,
    `US: ${policies.us} · Iran: ${policies.iran}${paramsTail(state.overrides)}`,
    '',
  ].join('\n');
}

/** A turn as `brink run` and `brink replay` print it (`fire`: the week's direct fire and the week before's, analysis/war-odds.ts); `offRecord`: the sides not played by the record's policy (render.ts OffRecord). */
export function formatTurn(t: TurnRecord, events: readonly GameEvent[], offRecord: OffRecord = [], fire?: WeekFire): string {
  const lines = [
    `Turn ${t.turn + 1} · ${t.date} · rung ${t.rung} ${rungName(t.rung)}`,
    `  US:   ${label(t.actions.us)}`,
    `  Iran: ${label(t.actions.iran)}`,
    // The week's counts as the game words them (analysis/counts.ts), then what only the whole record holds.
    ...weekCountLines(t).map((l) => `  ${l}`),
    `  ${weekWarChanceText(t, fire)}`,
    `  Hezbollah–Israel fire on ${plural(t.hezbollahFireDays, 'day')}` +
      ` · ${quantityName('deterrence')} ${t.deterrence.toFixed(2)} · ${quantityName('withdrawalMomentum')} ${t.withdrawalMomentum.toFixed(2)}`,
  ];
  // The week's attacks are the counts above.
  for (const e of shownEvents(events, offRecord)) {
    if (e.kind === 'attacks') continue;
    const draw = e.draw ? ` (draw ${e.draw.u.toFixed(4)} vs ${e.draw.p.toFixed(4)})` : '';
    lines.push(`  • ${renderEvent(e)}${draw}${cite(e.rules)}`);
  }
  return lines.join('\n');
}
