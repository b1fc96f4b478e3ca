/**
 * The causal chain behind one event of the log: who moved, what set it off (the event just before it
 * that it answers), the rules it applied (with the fact titles from seeds/), the state it moved from and
 * to, and the chance that decided it ("a 0.6 % chance came up (draw 0.0031)").
 */
import { quantityName } from '../../model/quantities.ts';
import { actionById, escalates, SIDE_ADJECTIVE, type Side } from '../../model/actions.ts';
import { orderRungName, REGIONAL_WAR, rungName, type SideRungs } from '../../model/ladder.ts';
import { recordRungs } from '../war-odds.ts';
import type { DrawRecord, GameEvent } from '../../engine/events.ts';
import { attacksOnUsForces, logOf } from '../../engine/history.ts';
import type { GameState } from '../../engine/state.ts';
import { actorSubject, attacksOnUsText, chanceText, citesText, postureLabel, renderEvent } from '../render.ts';
import { actionIdOfEvent } from './concepts.ts';
import { heldRules } from './conditions.ts';

/**
 * Why the ladder fell: the rung is the week's highest act, so a fall is every act of the week below
 * last week's peak. Says what each side's order reached, and the proxies' attacks where they set it.
 */
export function fallText(rungs: SideRungs, to: number): string {
  const orders = `the US order reached rung ${rungs.us}, Iran's rung ${rungs.iran}`;
  const proxies = Math.max(rungs.us, rungs.iran) < to ? `; the proxies' attacks set rung ${to}` : '';
  return `fell: nothing this week went as high as the week before (${orders}${proxies})`;
}

/** An event happens when the draw falls under its chance (the engine's convention: u < p). */
export function describeDraw(d: DrawRecord): string {
  const came = d.u < d.p;
  return `a ${chanceText(d.p)} chance ${came ? 'came up' : 'did not come up'} (draw ${d.u.toFixed(4)}${came ? '' : ` ≥ ${d.p.toFixed(4)}`})`;
}

const TRIGGER_KINDS: ReadonlySet<GameEvent['kind']> = new Set(['action', 'directive', 'fatal', 'inject', 'compliance', 'strike', 'war']);

/**
 * What set off a climb of the ladder (a war, or a jump of two rungs or more): the most escalatory order of
 * that turn logged before it (the highest rung; the earlier on a tie), else a death that turn; never an
 * order to rein partners in or to talk. Undefined when the turn held no escalatory act: the ladder stood
 * where earlier turns had put it.
 */
function escalationTrigger(log: readonly GameEvent[], index: number): GameEvent | undefined {
  const e = log[index]!;
  let best: { event: GameEvent; rung: number } | undefined;
  let fatal: GameEvent | undefined;
  for (let i = index - 1; i >= 0; i--) {
    const c = log[i]!;
    if (c.turn !== e.turn) break;
    if (c.kind === 'fatal') fatal ??= c;
    if (c.kind !== 'action') continue;
    const def = actionById(c.action);
    if (!def || !escalates(def)) continue;
    if (!best || def.rung >= best.rung) best = { event: c, rung: def.rung };
  }
  return best?.event ?? fatal;
}

/**
 * What set the event off. The engine logs a cause before the reactions it provokes (a directive is logged,
 * then delivered; an action is logged, then its strikes land), so the trigger is the nearest earlier event of
 * the same turn, from another actor or addressed to this one, of a kind that can cause something. A climb of
 * the ladder (a war, a jump of rungs) is set off by an escalatory act only (escalationTrigger).
 */
export function triggerOf(state: GameState, index: number): GameEvent | undefined {
  const log = logOf(state);
  const e = log[index]!;
  if (e.kind === 'action' || e.kind === 'inject') return undefined;
  if (e.kind === 'war' || (e.kind === 'ladder' && e.to > e.from)) return escalationTrigger(log, index);
  // The ladder falls because nothing in the week reached last week's height: no single act sets that
  // off (a threat logged just before it was named as the cause of a fall from a large campaign).
  // causalChain says instead how high each side's order went.
  if (e.kind === 'ladder') return undefined;
  // A move at the week's end answers the week's tally (quiet weeks, attacks counted), which its rules
  // name, not whichever act happened to be logged just before it: no order sets it off.
  if (e.kind === 'posture' && e.on === 'WEEK_END') return undefined;
  // A strike package carries out its own order (the groups it hits are logged reacting after it).
  if (e.kind === 'strike') {
    for (let i = index - 1; i >= 0 && log[i]!.turn === e.turn; i--) {
      const c = log[i]!;
      if (c.kind === 'action' && c.actor === e.actor && c.action === e.action) return c;
    }
    return undefined;
  }
  for (let i = index - 1; i >= 0 && i >= index - 12; i--) {
    const c = log[i]!;
    if (c.turn !== e.turn) break;
    if (!TRIGGER_KINDS.has(c.kind)) continue;
    // Guidance and a deliberation act on the group they concern only: Syria's guidance never sets
    // off a move by the Iraqi militias, while their own weighing of a halt does.
    if (c.kind === 'directive' || c.kind === 'compliance') {
      if (c.actor === e.actor) return c;
      continue;
    }
    if (c.actor !== e.actor) return c;
  }
  return undefined;
}

/** Why a side chose its action: what it had just seen (the turn before). */
function actionContext(state: GameState, e: GameEvent): string | undefined {
  const prev = e.turn > 0 ? state.history[e.turn - 1] : undefined;
  if (!prev) return undefined;
  // Every attack on US forces, Iran's own fire included, as the week's counts on the screen gave it.
  const parts = [`${attacksOnUsText(prev)} the week before`];
  if (prev.usKilled > 0) parts.push(`${prev.usKilled} US killed`);
  parts.push(`${quantityName('deterrence')} ${prev.deterrence.toFixed(2)}`);
  if (e.actor === 'us') parts.push(`${quantityName('usDomesticPressure')} ${prev.usDomesticPressure.toFixed(2)}`);
  if (e.actor === 'iran') parts.push(`${quantityName('iranWarFear')} ${prev.iranWarFear.toFixed(2)}`);
  return `seen: ${parts.join(', ')}`;
}

/**
 * An order a human gave (or its strikes) is the player's choice: no rule of the model chose it, so it is
 * never annotated with the record's reasons for the same move.
 */
function playersChoice(e: GameEvent, humans: readonly Side[]): string | undefined {
  if ((e.kind !== 'action' && e.kind !== 'strike') || !humans.includes(e.actor)) return undefined;
  return `choice: the ${SIDE_ADJECTIVE[e.actor === 'us' ? 'us' : 'iran']} player's own, not a rule of the model`;
}

/**
 * The chain behind log entry `index`. `humans` are the sides a person played: their orders are named as
 * the player's choice. A rule is named only where its trigger had held in this game (conditions.ts).
 * `moved` is the posture change the order at `index` set off, told with it as one act (render.ts
 * foldOrders): its rules join the order's and its move is named.
 */
export function causalChain(state: GameState, index: number, humans: readonly Side[] = [], moved?: number): string[] {
  const e = logOf(state)[index]!;
  const posture = moved === undefined ? e : logOf(state)[moved]!;
  const chain: string[] = [];
  const who = e.actor === 'world' ? 'The world' : actorSubject(e.actor);
  const actionId = actionIdOfEvent(e);
  const action = actionId ? actionById(actionId) : undefined;
  chain.push(action ? `${who} chose "${action.label}" (rung ${action.rung}, ${orderRungName(action.rung, action.side)})` : renderEvent(e));
  if (action) {
    const ctx = actionContext(state, e);
    if (ctx) chain.push(ctx);
  }
  const trigger = triggerOf(state, index);
  if (trigger) chain.push(`set off by: ${renderEvent(trigger)}`);
  // A deliberation answers the guidance that opened it, which may have arrived turns before.
  if (trigger?.kind === 'compliance') {
    const log = logOf(state);
    for (let i = index - 1; i >= 0; i--) {
      const c = log[i]!;
      if (c.kind === 'directive' && c.actor === e.actor) {
        chain.push(`in answer to: ${renderEvent(c)}`);
        break;
      }
    }
  }
  if (e.kind === 'fatal') {
    const rec = state.history[e.turn];
    if (rec)
      chain.push(attacksOnUsForces(rec) === 1 ? 'the only attack on US forces that turn' : `one of ${attacksOnUsText(rec)} that turn`);
  }
  const choice = playersChoice(e, humans);
  if (choice) chain.push(choice);
  else {
    // Each ID once: an event may cite a rule its posture's meta cites too (R-ISR-01 twice on the Rafah
    // decision). The IDs are rules, objectives and facts alike, each named by its kind.
    const held = [...heldRules(state, index), ...(moved === undefined ? [] : heldRules(state, moved))];
    // Two events told as one may name one ID more than one event alone.
    const rules = [...new Set(held.filter((r) => !r.startsWith('T-')))].slice(0, moved === undefined ? 3 : 4);
    if (rules.length > 0) chain.push(citesText(rules));
  }
  if (posture.kind === 'posture' && posture.from !== posture.to)
    chain.push(`posture: ${postureLabel(posture.actor, posture.from)} → ${postureLabel(posture.actor, posture.to)}`);
  if (e.kind === 'ladder') chain.push(`ladder: ${rungName(e.from)} → ${rungName(e.to)}`);
  if (e.kind === 'ladder' && e.to < e.from) {
    const week = state.history[e.turn];
    if (week) chain.push(fallText(recordRungs(week), e.to));
  }
  if (e.kind === 'war') chain.push(`ladder: ${rungName(e.from)} → ${rungName(REGIONAL_WAR)}`);
  if (e.draw) chain.push(`chance: ${describeDraw(e.draw)}`);
  return chain;
}
