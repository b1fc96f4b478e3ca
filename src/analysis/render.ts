/**
 * The one place where the game's events become sentences. The engine logs data (engine/events.ts);
 * the terminal game, `brink run`'s text, the debrief and the report all read their sentences from here,
 * so a wording is fixed once and a new kind of event cannot be shown in one place and missed in another
 * (the switch below is exhaustive: a new kind fails the type check until it is rendered).
 */
import { injectMessage, type AttacksEvent, type GameEvent, type InjectKind } from '../engine/events.ts';
import { attacksOnUsForces, logOf, peakRungOf, totalsOf } from '../engine/history.ts';
import {
  ESCALATION_FLOOR_RUNG,
  QUIET_WINDOW,
  turningPoints,
  type ScoreLine,
  type ScoreTerm,
  type TurningPoint,
  type Verdict,
  type VerdictId,
} from '../engine/outcome.ts';
import type { GameState, IntelItem, Tally } from '../engine/state.ts';
import type { Observation } from '../engine/observe.ts';
import { ACTORS, ACTOR_NAMES, type ActorId } from '../model/actors/index.ts';
import { INJECT_RECORDER } from '../model/actors/israel.ts';
import { actionById, type ActionDef, type DirectiveLevel, type Front, type Side } from '../model/actions.ts';
import { factById, kindName, kindOfId, type FactKind } from '../model/evidence.ts';
import { INTEL_SOURCES, type IntelSource } from '../model/intel.ts';
import type { Place } from '../model/activity.ts';
import { orderRungName, rungName } from '../model/ladder.ts';
import { leverLabels, portfolioLabel, portfolioRung, type Portfolio } from '../model/portfolio.ts';
import { quantityName } from '../model/quantities.ts';
import { DECISIVE_POINTS, type Decider, type DeciderId, type Decision, type SideLine } from './debrief/decider.ts';

export const FRONT_NAMES: Readonly<Record<Front, string>> = { iraq: 'Iraq', syria: 'Syria', lebanon: 'Lebanon', yemen: 'Yemen' };
export const PLACE_NAMES: Readonly<Record<Place, string>> = { iraq: 'Iraq', jordan: 'Jordan', syria: 'Syria' };

const INJECTS: Readonly<Record<InjectKind, string>> = {
  'truce-start': 'A truce begins in Gaza',
  'truce-end': 'The Gaza truce ends',
  'rafah-decision': 'Israel decides to assault Rafah',
  'rafah-assault': 'Israel assaults Rafah, where over a million civilians shelter',
};

/**
 * A count with its noun, singular for one: "1 attack", "3 attacks", "0 attacks". The one helper every
 * screen and debrief words a count with. `n` may be a figure already formatted ("1", "2.5"): what is
 * printed decides the noun, so a rate shown as "1" reads "1 attack a week".
 */
export function plural(n: number | string, one: string, many = `${one}s`): string {
  return `${n} ${Number(n) === 1 ? one : many}`;
}

/** How often: "once", "twice", "3 times". */
export function times(n: number): string {
  return n === 1 ? 'once' : n === 2 ? 'twice' : `${n} times`;
}

/** A side's score (0–100) as players read it, everywhere: one decimal, always ("74.0", never "74" beside "74.5"). */
export function scoreText(score: number): string {
  return score.toFixed(1);
}

/**
 * The game's scores and peak, as every ending says them (the debrief, its screen, `brink run`), with what
 * the two scores are: each side's own objectives, so the higher is not the winner. A newcomer read "US
 * 93.4 · Iran 62.3" as a US victory, where the US starts from 100 and Iran from its own base.
 */
export function scoresLines(scores: Readonly<Record<Side, number>>, peakRung: number): [string, string] {
  return [
    `Scores: US ${scoreText(scores.us)} · Iran ${scoreText(scores.iran)} · peak rung ${peakRung} ${rungName(peakRung)}`,
    NOT_A_CONTEST,
  ];
}

/** What the two scores are (scoresLines; the HTML story says it beside its own scores line). */
export const NOT_A_CONTEST =
  "Each score counts that side's own objectives, out of 100: not a contest, so both sides can do well, or both badly.";

/** The points a score line adds or takes, signed and to one decimal like the score: "+1.5", "-12.0", "+0.0". */
export function scorePointsText(points: number): string {
  const r = Math.round(points * 10) / 10;
  return `${r < 0 ? '-' : '+'}${Math.abs(r).toFixed(1)}`;
}

/**
 * The fewest decimals, from `from` up to `max`, at which numbers printed with them read right (`readsRight`),
 * else `max`: a backtest value that must not print as the record's end, a comparison's row that must
 * subtract as printed.
 */
export function fewestDecimals(from: number, max: number, readsRight: (decimals: number) => boolean): number {
  let d = from;
  while (d < max && !readsRight(d)) d++;
  return d;
}

/** A share of games or of reads: "12 %", "4.5 %". */
export function percent(p: number): string {
  const pct = p * 100;
  return `${pct >= 10 || pct === 0 ? pct.toFixed(0) : pct.toFixed(1)} %`;
}

/** A chance, with enough digits to say how unlikely it was: "0.6 %", "82 %", "0.05 %". */
export function chanceText(p: number): string {
  const pct = p * 100;
  if (pct >= 10 || Number.isInteger(pct)) return `${Math.round(pct)} %`;
  if (pct >= 1) return `${pct.toFixed(1)} %`;
  return `${pct.toPrecision(1)} %`;
}

/** The actors whose name takes "the" in a sentence: "the United States", "the Houthis". */
const WITH_ARTICLE: ReadonlySet<ActorId> = new Set(['us', 'houthis', 'iraqiGovernment']);

/** An actor named within a sentence: "the United States", "Iran". */
export function actorNoun(id: ActorId): string {
  return WITH_ARTICLE.has(id) ? `the ${ACTOR_NAMES[id]}` : ACTOR_NAMES[id];
}

/** An actor named at the start of a sentence: "The United States", "Iran". */
export function actorSubject(id: ActorId): string {
  return capitalised(actorNoun(id));
}

/** A phrase at the start of a sentence. */
const capitalised = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** An action's name as players see it. */
export function actionLabel(id: string): string {
  return actionById(id)?.label ?? id;
}

/** A turn's order (a portfolio) in words: the force action, and the signal beside it unless it is none. */
export function orderLabel(p: Portfolio): string {
  return portfolioLabel(p);
}

/**
 * The other side's order as one side saw it (model/portfolio.ts seenOrder): the public levers, and a
 * word when the force lever stayed hidden (Iran's guidance, a US decision to hold fire).
 */
export function seenOrderText(seen: { readonly force: string | null; readonly signal: string | null }): string | undefined {
  if (seen.force === null && seen.signal === null) return undefined;
  const order = `"${leverLabels(seen.force === null ? undefined : actionLabel(seen.force), seen.signal === null ? undefined : actionLabel(seen.signal))}"`;
  return seen.force === null ? `${order} (the rest of its order was not visible to you)` : order;
}

/**
 * What the side giving an order should know about it now, beside its description: for a leadership
 * strike, how many commanders the US can still find (F-10, F-11), since after them it kills nobody.
 */
export function orderNote(def: ActionDef, commandersLeft: number | undefined): string | undefined {
  if (!def.effects.noCommanderInReach || commandersLeft === undefined) return undefined;
  return commandersLeft > 0
    ? `${plural(commandersLeft, 'commander')} still in reach (F-10, F-11); after ${commandersLeft === 1 ? 'that one' : 'them'} this strike hits militia sites and kills nobody`
    : 'No commander is left in reach (F-10, F-11): this strike would hit militia sites and kill nobody';
}

/**
 * The name of the rung the crisis stands on, for the header and the ladder's ▶ row. An order is named in
 * the words of the side that gave it (orderRungName), so the crisis's rung is named in this side's words
 * only where its own last order acted there; otherwise by the ladder's own name (rungName), never as this
 * side's act: with Iran's order below rung 5 and the crisis there by the US's strikes, Iran reads
 * "Calibrated strikes", not "Stepped-up proxy attacks". The observation holds no more about who put the crisis there
 * (the other side's order may be private), so nothing else is read into it.
 */
export function crisisRungName(obs: Pick<Observation, 'rung' | 'side' | 'history'>): string {
  const last = obs.history[obs.history.length - 1];
  const own = last !== undefined && last.rung === obs.rung && portfolioRung(last.ownOrder) === obs.rung;
  return own ? orderRungName(obs.rung, obs.side) : rungName(obs.rung);
}

/** A posture's name as players see it. */
export function postureLabel(actor: ActorId, posture: string): string {
  return ACTORS[actor].isState(posture) ? ACTORS[actor].meta(posture).label : posture;
}

export function renderEvent(e: GameEvent): string {
  switch (e.kind) {
    case 'action':
      // Iran's own forces firing is a deed on the battlefield, not only an order: say what was hit.
      return firesOnUsForces(e)
        ? `${IRAN_OWN_FORCES} fire on US forces (${actionLabel(e.action)})`
        : `${actorSubject(e.actor)} orders: ${actionLabel(e.action)}`;
    case 'strike':
      return `The US carries out ${plural(e.count, 'strike')} (${actionLabel(e.action)})${
        e.leaderKilled
          ? ': a militia commander is killed'
          : e.noCommanderInReach
            ? ': no commander is left in reach, so they hit militia sites'
            : ''
      }`;
    case 'directive':
      return `Iran's guidance for ${FRONT_NAMES[e.front]} (${e.level}) reaches ${actorNoun(e.actor)}${e.envoys ? ' through envoys' : ''}`;
    case 'inject':
      return e.note ? `${INJECTS[e.inject]} (${e.note})` : INJECTS[e.inject];
    case 'posture': {
      const says = ACTORS[e.actor].transitionMeta(e.from, e.on, e.index)?.says;
      return says ? `${actorSubject(e.actor)} ${says}` : `${actorSubject(e.actor)}: ${postureLabel(e.actor, e.to)}`;
    }
    case 'compliance':
      return `${actorSubject(e.actor)} weigh Iran's halt (chance ${chanceText(e.chance)})`;
    case 'attacks':
      return attacksLine(e)!;
    case 'fatal':
      return `A militia attack in ${PLACE_NAMES[e.place]} kills ${plural(e.killed, 'US service member')}`;
    case 'ladder':
      return `The ladder moves from "${rungName(e.from)}" to "${rungName(e.to)}"`;
    case 'war':
      return e.cause === 'direct-exchange'
        ? 'US and Iranian forces trade blows directly: regional war'
        : `Miscalculation at "${rungName(e.from)}" spirals into regional war`;
  }
}

/** How the counts name Iran's own forces firing on US forces, beside the militias' fronts. */
export const IRAN_OWN_FORCES = "Iran's own forces";

/** What a week's line needs beyond its events: Iran's own fire on US forces, counted in the week's tally only. */
export type EventWeek = Pick<Tally, 'iranDirectAttacks'>;

/**
 * The week's attacks in a line. The event holds the militias' attacks on US forces, by place; with the
 * week's tally, Iran's own fire joins them and the count is every attack on US forces (attacksOnUsForces),
 * the number the week's counts and the debrief print. Without it the line says whose attacks it counts.
 */
function attacksLine(e: AttacksEvent, week?: EventWeek, options: WeekEventOptions = {}): string | undefined {
  const militias = e.onUS.iraq + e.onUS.jordan + e.onUS.syria;
  // In the week's counts' order (analysis/counts.ts): Iraq, Syria, Jordan, then Iran's own forces.
  const where = (['iraq', 'syria', 'jordan'] as const).filter((p) => e.onUS[p] > 0).map((p) => `${PLACE_NAMES[p]} ${e.onUS[p]}`);
  if (week && week.iranDirectAttacks > 0) where.push(`${IRAN_OWN_FORCES} ${week.iranDirectAttacks}`);
  const count = week
    ? plural(attacksOnUsForces({ attacksOnUS: militias, iranDirectAttacks: week.iranDirectAttacks }), 'attack')
    : plural(militias, 'militia attack');
  const parts = options.attacksCounted ? [] : [`${count} on US forces${where.length > 0 ? ` (${where.join(', ')})` : ''}`];
  if (e.shipping > 0) parts.push(`${plural(e.shipping, 'Houthi attack')} on shipping`);
  if (e.borderFireDays > 0) parts.push(`fire across the Lebanon border on ${plural(e.borderFireDays, 'day')}`);
  return parts.length > 0 ? `This week: ${parts.join('; ')}` : undefined;
}

/**
 * The sides played off the record (policies/historical.ts offRecordSides): by a person, or by a bot other
 * than the record's. A side's machine (model/actors/us.ts, iran.ts) reads the side's position as the
 * record did, and only the record's policy acts on that reading: for these sides its moves ("steps back
 * to protect what calm is left", "moves to rein the militias in") are not what the side did. Their
 * orders say what they did; the week's lines, the turning points and the debrief's questions leave the
 * moves out (toldAsDeed), and the terminal game shows a player's posture as the record's reading.
 */
export type OffRecord = readonly Side[];

/** Whether an event is told as something that happened: every event but a move of an off-record side's machine. */
export function toldAsDeed(e: GameEvent, offRecord: OffRecord = []): boolean {
  return !(e.kind === 'posture' && offRecord.some((side) => side === e.actor));
}

/**
 * The game's turning points as the debrief and `brink replay` tell them: the heaviest events told as
 * deeds, and the first event behind each score line in `lines` (outcome.ts turningPoints).
 */
export function toldTurningPoints(state: GameState, offRecord: OffRecord = [], lines: readonly ScoreTerm[] = []): TurningPoint[] {
  return turningPoints(state, undefined, (e) => toldAsDeed(e, offRecord), lines);
}

/** What the situation pane calls the record's reading of a player's position; the help explains it under the same name. */
export const RECORD_READ = "Record's read";

/**
 * The record's reading of a side's own position, as the terminal game's situation pane shows it to the
 * side's player: what the record's policy (the Normal bot) would make of the position, not the player's
 * own stance. Short, to fit beside the ladder on one line.
 */
export function recordReadingText(side: Side, posture: string): string {
  return `${RECORD_READ}: ${postureLabel(side, posture)}`;
}

/** How a week's account is laid out around its event lines. */
export interface WeekEventOptions {
  /**
   * The week's attacks on US forces are counted on a line beside the events (analysis/counts.ts weekCountLines:
   * the briefing, the debrief's last week): the attacks line leaves them out and keeps the rest (the
   * Houthis' attacks on shipping, the fire across the Lebanon border), or is left out with nothing else.
   */
  readonly attacksCounted?: boolean;
  /** The sides played off the record: their machine's moves get no line (toldAsDeed). */
  readonly offRecord?: OffRecord;
}

/**
 * An event as a line of its week's account (the briefing, the log, `brink run`): as renderEvent, with
 * the week's attacks counted as the week's counts count them; undefined for an attacks line left with
 * nothing to say beside the week's count line (`options.attacksCounted`).
 */
export function renderWeekEvent(e: GameEvent, week: EventWeek, options: WeekEventOptions = {}): string | undefined {
  return e.kind === 'attacks' ? attacksLine(e, week, options) : renderEvent(e);
}

/** The lines of a week's events that get one (shownEvents), each as renderWeekEvent words it, laid out as `options` say. */
export function weekEventLines(events: readonly GameEvent[], week: EventWeek, options: WeekEventOptions = {}): string[] {
  return shownEvents(events, options.offRecord).flatMap((e) => renderWeekEvent(e, week, options) ?? []);
}

/**
 * Whether an event is told already by another line of its week: the move the injects' recorder (Israel,
 * model/actors/israel.ts INJECT_RECORDER) made on an inject's own message that day. "A truce begins in Gaza"
 * says it; "Israel agrees a pause in Gaza" would say it again. Every other actor's move on an inject is
 * its own reaction and keeps its line; the event stays on the log with its rules (the debrief's chains,
 * `brink explain`).
 */
export function toldByInject(e: GameEvent, week: readonly GameEvent[]): boolean {
  if (e.kind !== 'posture' || e.actor !== INJECT_RECORDER) return false;
  return week.some((i) => i.kind === 'inject' && i.turn === e.turn && i.day === e.day && injectMessage(i.inject)?.type === e.on);
}

/** An order by which Iran's own forces fire on US forces (R-IRN-15 broken): told as the attack it is. */
function firesOnUsForces(e: GameEvent): boolean {
  return e.kind === 'action' && actionById(e.action)?.effects.directAttack === true;
}

/**
 * The events of a week that get a line of their own: neither an order (the orders have their own lines)
 * unless it is Iran's own forces firing on US forces, nor a move an inject's line tells, nor a move of an
 * off-record side's machine (toldAsDeed).
 */
export function shownEvents(week: readonly GameEvent[], offRecord: OffRecord = []): GameEvent[] {
  return week.filter((e) => (e.kind !== 'action' || firesOnUsForces(e)) && !toldByInject(e, week) && toldAsDeed(e, offRecord));
}

/** A game's or a turn's attacks on US forces in words, every one counted: "12 attacks on US forces (1 by Iran's own forces)". */
export function attacksOnUsText(t: Pick<Tally, 'attacksOnUS' | 'iranDirectAttacks'>): string {
  const by = t.iranDirectAttacks > 0 ? ` (${t.iranDirectAttacks} by ${IRAN_OWN_FORCES})` : '';
  return `${plural(attacksOnUsForces(t), 'attack')} on US forces${by}`;
}

/** A game's totals in a line: every debrief prints these (the terminal's, `brink run`'s and replay's, the report's). */
export function totalsText(t: Tally): string {
  return `${attacksOnUsText(t)}, ${t.usKilled} US killed, ${t.usInjured} injured, ${plural(t.usStrikes, 'US strike')} outside Yemen, ${plural(t.houthiAttacks, 'Houthi attack')}`;
}

/** The order of the kinds in a chain of causes: the rules and objectives, then what they rest on. */
const CITE_ORDER: readonly FactKind[] = [
  'rule',
  'objective',
  'figure',
  'timeline',
  'derived',
  'discrepancy',
  'question',
  'actor',
  'relationship',
  'control',
  'artefact',
];

/** What a cited ID is, in a word: "rule" for R-, "objective" for O- (model/evidence.ts names the kinds for `brink explain` too). */
export function citeKind(id: string): string {
  const kind = kindOfId(id);
  return kind ? kindName(kind) : 'cited';
}

/** A cited ID with the title of its entry in seeds/: "R-USA-03 Iran as sanctuary". */
export function citeWithTitle(id: string): string {
  const f = factById(id);
  return f ? `${id} ${f.title}` : id;
}

/**
 * Cited IDs with their titles, grouped under their kinds, rules first (CITE_ORDER), each
 * group in the order cited: "rule: R-USA-02 …; R-USA-03 … · figure: F-09 …". An objective or a figure is
 * never called a rule.
 */
export function citesText(ids: readonly string[]): string {
  const order = [...CITE_ORDER.map(kindName), 'cited'];
  const groups = new Map<string, string[]>();
  for (const id of ids) {
    const kind = citeKind(id);
    groups.set(kind, [...(groups.get(kind) ?? []), citeWithTitle(id)]);
  }
  return [...groups]
    .sort(([a], [b]) => order.indexOf(a) - order.indexOf(b))
    .map(([kind, items]) => `${kind}: ${items.join('; ')}`)
    .join(' · ');
}

/**
 * Whether a posture change is the reading of an order: the side's machine moved on its own order
 * (ACTED) in the turn it gave it. The two are one act, read as one line (foldOrders).
 */
function movedBy(posture: GameEvent, order: GameEvent): boolean {
  return (
    posture.kind === 'posture' &&
    posture.on === 'ACTED' &&
    order.kind === 'action' &&
    order.actor === posture.actor &&
    order.turn === posture.turn
  );
}

/** A list of events as lines, where an order and the posture it moved are one line (foldOrders). */
export interface FoldedLine<T> {
  /** The first of the events the line tells, in the list's order (where the line stands). */
  readonly item: T;
  /** The other event the line tells: the order or the posture folded into it. */
  readonly folded?: T;
  readonly text: string;
}

/**
 * A game's turning points as lines: a move an inject's own line tells is not a second turning point
 * (toldByInject), and an order and the posture it moved read as one (foldOrders). The debrief and
 * `brink run`/`replay` both list them so.
 */
export function turningPointLines<T>(points: readonly T[], eventOf: (item: T) => GameEvent, log: readonly GameEvent[]): FoldedLine<T>[] {
  return foldOrders(
    points.filter((tp) => !toldByInject(eventOf(tp), log)),
    eventOf,
  );
}

/**
 * Events as lines, each in renderEvent's words, except that a side's order and the posture change it
 * set off that turn are told once, where the first of them stands: "The United States orders: Large
 * strike campaign, and so keeps its vow with a large campaign, sparing Iran". The events stay as they
 * were logged; only their telling is folded. Where the turn holds more than one of the side's orders,
 * the posture folds into the first listed.
 */
export function foldOrders<T>(items: readonly T[], eventOf: (item: T) => GameEvent): FoldedLine<T>[] {
  const used = new Set<number>();
  const out: FoldedLine<T>[] = [];
  items.forEach((item, i) => {
    if (used.has(i)) return;
    const e = eventOf(item);
    const j = items.findIndex((other, k) => k !== i && !used.has(k) && (movedBy(e, eventOf(other)) || movedBy(eventOf(other), e)));
    if (j < 0) return out.push({ item, text: renderEvent(e) });
    const other = eventOf(items[j]!);
    const [order, posture] = e.kind === 'posture' ? [other, e] : [e, other];
    if (posture.kind !== 'posture') return out.push({ item, text: renderEvent(e) });
    used.add(j);
    const says = ACTORS[posture.actor].transitionMeta(posture.from, posture.on, posture.index)?.says;
    out.push({
      item,
      folded: items[j]!,
      text: `${renderEvent(order)}, and so ${says ?? `turns to "${postureLabel(posture.actor, posture.to)}"`}`,
    });
  });
  return out;
}

/** What an intelligence item is about, as a heading. */
export function intelSubject(item: Pick<IntelItem, 'subject'>): string {
  const s = item.subject;
  return s.about === 'guidance' ? `Iran's guidance to ${FRONT_NAMES[s.front]}` : ACTOR_NAMES[s.actor];
}

/** A level of Iran's guidance to a front, written as a posture's label is ("Sustain" beside "Surging"). */
const GUIDANCE_LABELS: Readonly<Record<DirectiveLevel, string>> = { halt: 'Halt', reduce: 'Reduce', sustain: 'Sustain', surge: 'Surge' };

/** An intelligence item's reading, in words: a guidance level or a posture, capitalised alike. */
export function intelReading(item: Pick<IntelItem, 'subject' | 'assessed'>): string {
  const s = item.subject;
  return s.about === 'guidance'
    ? (GUIDANCE_LABELS[item.assessed as DirectiveLevel] ?? item.assessed)
    : postureLabel(s.actor, item.assessed);
}

/**
 * The side's sources that sent no read this turn, as a line ("No report this week on …"), or undefined
 * when every source reported: a front left out of the list without a word reads as forgotten, when it
 * was quiet (model/intel.ts says which sources report only on an active or struck front, or with envoys).
 */
export function unreadIntelLine(side: Side, intel: readonly Pick<IntelItem, 'subject'>[], started = true): string | undefined {
  // A subject's name is its identity: one source per subject, one name per source.
  const read = new Set(intel.map(intelSubject));
  const unread = INTEL_SOURCES[side].filter((s) => !read.has(intelSubject(s)));
  if (unread.length === 0) return undefined;
  // Before the first turn there is no week to have read: reports come from what each front does in the game.
  if (!started)
    return `No report this week on ${unread.map(intelSubject).join(', ')}: the reports come from what each front does in the game, and no week has been played yet.`;
  const byReason = new Map<string, string[]>();
  for (const s of unread) {
    const why = unreadReason(s);
    byReason.set(why, [...(byReason.get(why) ?? []), intelSubject(s)]);
  }
  return `No report this week on ${[...byReason].map(([why, names]) => `${names.join(', ')}: ${why}`).join('; on ')}.`;
}

/**
 * Why a source sent nothing, read from what makes it report (model/intel.ts): a source not always in place
 * reports when its front was active, when the US struck it, or when Iran's envoys sit with the actor.
 */
function unreadReason(source: IntelSource): string {
  const quiet = source.struck.length > 0 ? 'quiet and not struck last week' : 'quiet last week';
  return source.envoys !== undefined ? `${quiet} and no envoys there` : `${quiet}, so nothing fresh to read`;
}

/** An intelligence item as one line: subject, reading and the confidence the report states. */
export function intelLine(item: Pick<IntelItem, 'subject' | 'assessed' | 'confidence'>): string {
  return `${intelSubject(item)}: ${intelReading(item)} (${item.confidence} confidence)`;
}

/** A verdict in words: its title, and what it means for the game that ended so. */
export interface VerdictText {
  readonly id: VerdictId;
  readonly title: string;
  readonly explanation: string;
}

/**
 * How near war a verdict stands, for its colour: war, the brink survived, or neither. Not who won: the
 * scores are each side's own (NOT_A_CONTEST), and a drawdown is Iran's aim and a cost to the US.
 */
export function verdictDanger(id: VerdictId): 'war' | 'brink' | 'none' {
  return id === 'regional-war' ? 'war' : id === 'brinkmanship' ? 'brink' : 'none';
}

export function verdictText(verdict: Verdict, state: GameState): VerdictText {
  const t = (title: string, explanation: string): VerdictText => ({ id: verdict.id, title, explanation });
  switch (verdict.id) {
    case 'regional-war':
      return t('Regional war', `${warHow(state)}: the outcome both capitals ranked worst.`);
    case 'drawdown':
      return t(
        'Drawdown in reach',
        "Iraq stayed quiet long enough for talks on a US drawdown to advance: Iran's long-held aim is within reach.",
      );
    case 'calm-restored':
      return t(
        'Calm restored',
        `No attacks in Iraq or Jordan in the last ${QUIET_WINDOW} turns, no more than ${QUIET_WINDOW} in Syria over them (one a week on average, as after 2 Feb 2024, F-03), and no war: deterrence holds, for now.`,
      );
    case 'brinkmanship':
      return t(
        'Brinkmanship survived',
        `The ladder reached "${rungName(peakRungOf(state))}" without tipping into war; ${verdict.quietSoFar === undefined ? 'attacks continue' : tooSoonForCalm(verdict.quietSoFar)}.`,
      );
    case 'simmering':
      return t(
        'Simmering conflict',
        verdict.quietSoFar === undefined
          ? `No war, but no calm either: the militias hit US forces within the last ${QUIET_WINDOW} turns, and the crisis is unresolved.`
          : `No war, and ${tooSoonForCalm(verdict.quietSoFar)}: the crisis is unresolved.`,
      );
  }
}

/**
 * How the war came (the 'war' event's cause, engine/phases/ladder.ts): a direct exchange that ran out of
 * control, or a miscalculation drawn from the war hazard, which may come with no direct fire at all.
 */
function warHow(state: GameState): string {
  const war = logOf(state).find((e) => e.kind === 'war');
  if (war?.cause === 'direct-exchange') return 'US and Iranian forces traded fire directly, and the exchange ran out of control';
  const t = totalsOf(state);
  const fire = [
    ...(t.strikesOnIran > 0 ? [`${plural(t.strikesOnIran, 'US strike')} on Iran`] : []),
    ...(t.iranDirectAttacks > 0 ? [`${plural(t.iranDirectAttacks, 'attack')} by Iran's own forces`] : []),
  ];
  const at = war ? ` at "${rungName(war.from)}"` : '';
  return fire.length > 0
    ? `Neither capital chose it: a miscalculation${at} spiralled into war after ${fire.join(' and ')}`
    : `Neither capital chose it: a miscalculation${at} spiralled into war before US and Iranian forces had fired on each other directly`;
}

/** A quiet too short to call a calm (a game stopped early, outcome.ts verdictOf), as things stand. */
function tooSoonForCalm(quiet: number): string {
  const played =
    quiet === 0
      ? 'no week has been played yet'
      : `Iraq and Jordan have been quiet for ${quiet === 1 ? 'the one turn' : `the ${quiet} turns`} played`;
  return `as things stand, ${played}, and a calm needs ${QUIET_WINDOW} quiet turns`;
}

/**
 * What a game's counts leave out: the US deaths of the scenario's opening week, before the first order
 * (tower-22 opens on three), which happened before the game began ("the opening week's 3 US deaths are
 * not counted"); undefined when the opening week had none.
 */
export function openingNotCounted(opening: { readonly usKilled: number }): string | undefined {
  return opening.usKilled > 0
    ? `the opening week's ${plural(opening.usKilled, 'US death')} ${opening.usKilled === 1 ? 'is' : 'are'} not counted`
    : undefined;
}

/**
 * A score line's label: what the objective term counted in this game. Given the opening week (the
 * player's screens, read from the observation), a count of deaths says where it starts.
 */
export function scoreLineLabel(line: ScoreLine, opening?: { readonly usKilled: number }): string {
  const n = line.count ?? 0;
  const note = opening && openingNotCounted(opening);
  const since = note ? ` since the game began (${note})` : '';
  switch (line.term) {
    case 'baseline':
      return 'Starting score';
    case 'us-deaths':
      return `${plural(n, 'US death')}${since}`;
    case 'attacks-on-us':
      // The term counts the militias' attacks (O-USA-02): beside the totals, which add Iran's own fire, it says so.
      return `${plural(n, 'militia attack')} on US forces`;
    case 'regional-war':
      return line.happened ? 'Regional war' : 'No regional war';
    case 'shipping':
      return `${quantityName('shippingDisruption')} (average)`;
    case 'deterrence':
      return line.happened
        ? // The lull is the score's own test (engine/history.ts isLull), which Syria's attacks do not break
          // (F-03): said, so that the line reads right beside a verdict of attacks going on.
          `${quantityName('deterrence')} at the end, guarding a lull in Iraq and Jordan`
        : `${quantityName('deterrence')} at the end, with no lull to guard`;
    case 'homeland':
      return line.happened ? 'Iranian soil struck' : 'Iranian soil untouched';
    case 'withdrawal':
      return `${quantityName('withdrawalMomentum')} at the end`;
    case 'axis-gains':
      return `${quantityName('axisGains')} at the end`;
    case 'proxy-capability':
      return 'Militia capability destroyed';
    case 'leaders-killed':
      return `${plural(n, 'militia commander')} killed`;
    case 'iran-struck':
      return line.happened ? 'Iran struck: the attacks were not stopped without it' : 'Iran spared';
    case 'escalation':
      // The term adds up, turn by turn, how many rungs the US acted above the floor (outcome.ts).
      return n === 0
        ? `Cost of escalation with Baghdad and at home (no US order above rung ${ESCALATION_FLOOR_RUNG})`
        : `Cost of escalation with Baghdad and at home (${plural(n, 'rung')} above rung ${ESCALATION_FLOOR_RUNG}, summed over the turns)`;
    case 'pressure':
      return 'Pressure on US forces below the war threshold, before any death';
    case 'fronts':
      return 'Lebanon and Yemen fronts kept simmering';
    case 'deaths-by-partners':
      return `${plural(n, 'American')} killed by Iran's partners${since}`;
    case 'unanswered':
      return line.happened ? 'A strike on Iran or its forces left unanswered' : 'No strike on Iran or its forces left unanswered';
  }
}

/**
 * A mechanism of the strategic core (analysis/debrief/decider.ts) as it played out in this game, as a
 * title and a sentence with its figures. The sentence claims nothing against the game's other costs:
 * whether it decided the game is decisionText's to say.
 */
export function deciderText(d: Decider): { readonly title: string; readonly explanation: string } {
  const turn = `turn ${d.turn + 1}`;
  const pts = `US ${scorePointsText(d.points.us)}, Iran ${scorePointsText(d.points.iran)} points`;
  switch (d.id) {
    case 'miscalculation':
      return {
        title: 'Miscalculation',
        explanation:
          d.war!.cause === 'direct-exchange'
            ? `In ${turn} US and Iranian forces had traded fire directly, and a ${chanceText(d.war!.chance)} chance that such an exchange runs out of control came up: a war neither capital chose (${pts}).`
            : `In ${turn} a ${chanceText(d.war!.chance)} chance of miscalculation, raised by the rungs the sides had climbed, came up: a war neither capital chose (${pts}).`,
      };
    case 'unravelling':
      return {
        title: 'The calm unravelled',
        explanation: `Iraq and Jordan had fallen quiet, and in ${turn} the attacks resumed${
          d.by === 'us'
            ? ', the militias angered by US strikes during the lull'
            : d.by === 'iran'
              ? ` ${haltLiftedText(d)}`
              : " at the militias' own initiative"
        }: ${plural(d.count ?? 0, 'attack')} and ${plural(d.killed ?? 0, 'US death')} followed (${pts}). A calm needs both sides to keep it.`,
      };
    case 'provocation':
      return {
        title: 'Provocation',
        explanation: `From ${turn} the US used force beyond what deters (${plural(d.count ?? 0, 'turn')} of strikes in a lull, on Iran or its forces, or large campaigns)${provocationCost(d)} (${pts}).`,
      };
    case 'deterrence':
      return {
        title: 'Deterrence',
        explanation: `The US built up deterrence by force while Iran held back, and kept it up to the end to guard the lull (it peaked in ${turn}); it earned the US points at the end (${pts}).`,
      };
    case 'pressure':
      return {
        title: 'Calibrated pressure',
        explanation: `Iran kept the pressure on US forces and the Lebanon and Yemen fronts simmering below the war threshold (${pts}).`,
      };
  }
}

/** A calm Iran broke: the order that lifted the halt, which may have been given turns before its guidance arrived. */
export function haltLiftedText(d: Decider): string {
  return d.ordered === undefined ? 'after Iran lifted its halt' : `after Iran's order in turn ${d.ordered + 1} lifted the halt`;
}

/** What the provocation cost, where its lines moved: escalation for the US, Baghdad's anger at commanders killed for Iran. */
function provocationCost(d: Decider): string {
  const parts = [
    ...(d.points.us < 0 ? ['it cost the US in escalation'] : []),
    ...(d.points.iran > 0 ? ['the commanders it killed pushed Baghdad toward a US exit'] : []),
  ];
  return parts.length > 0 ? `: ${parts.join(', and ')}` : '';
}

/** A mechanism named within a sentence. */
const DECIDER_NOUNS: Readonly<Record<DeciderId, string>> = {
  miscalculation: 'the war by miscalculation',
  unravelling: 'the calm unravelling',
  provocation: 'US provocation',
  deterrence: 'US deterrence',
  pressure: "Iran's calibrated pressure",
};

/** A mechanism's points as a figure: "US −3.1" (the side it moved more; US on a tie). */
function deciderFigure(d: Decider): string {
  const side: Side = Math.abs(d.points.iran) > Math.abs(d.points.us) ? 'iran' : 'us';
  return `${side === 'us' ? 'US' : 'Iran'} ${scorePointsText(d.points[side])}`;
}

/** A score line as a figure: "US −12.2 from 49 attacks on US forces". */
function lineFigure(l: SideLine): string {
  return `${l.side === 'us' ? 'US' : 'Iran'} ${scorePointsText(l.points)} from ${scoreLineLabel(l)}`;
}

/**
 * The decider's claim, in a sentence that reads whatever else was at work: that no other mechanism (none,
 * one, or several, each with its figure) and no single score line moved the scores more than it did.
 */
export function nothingMoreText(by: Decider, others: readonly Decider[]): string {
  const than = `moved the scores more than ${DECIDER_NOUNS[by.id]} did.`;
  if (others.length === 0) return `No single score line ${than}`;
  const figures = others.map((o) => `${DECIDER_NOUNS[o.id]}, ${deciderFigure(o)}`).join('; ');
  const which = others.length === 1 ? 'the other mechanism' : 'the other mechanisms';
  return `Neither ${which} at work (${figures}) nor any single score line ${than}`;
}

/**
 * What decided the game (decider.ts decision), as a title and a sentence. A mechanism is named the
 * decider only where it outweighed every other mechanism and every single score line, and the sentence
 * claims no more than that; otherwise it says no single mechanism decided the game, and what weighed most.
 */
export function decisionText(d: Decision): { readonly title: string; readonly explanation: string } {
  if (d.kind === 'decided') {
    const { title, explanation } = deciderText(d.by);
    return { title, explanation: `${explanation} ${nothingMoreText(d.by, d.others)}` };
  }
  const weighed = `What weighed most: ${d.heaviest.map(lineFigure).join(' · ')}.`;
  if (!d.nearest)
    return {
      title: 'No single mechanism',
      explanation: `No mechanism the debrief traces moved the scores.${d.heaviest.length > 0 ? ` ${weighed}` : ''}`,
    };
  const { explanation } = deciderText(d.nearest);
  const by = d.outweighedBy;
  // The lines that outweighed it are the heaviest: named once, as what weighed more.
  const less =
    by === undefined
      ? `That is under ${plural(DECISIVE_POINTS, 'point')}.${d.heaviest.length > 0 ? ` ${weighed}` : ''}`
      : 'lines' in by
        ? `Single score lines weighed more: ${by.lines.map(lineFigure).join(' · ')}.`
        : `${capitalised(DECIDER_NOUNS[by.mechanism.id])} moved more (${deciderFigure(by.mechanism)}). ${weighed}`;
  return { title: 'No single mechanism', explanation: `The nearest was ${DECIDER_NOUNS[d.nearest.id]}. ${explanation} ${less}` };
}
