/**
 * The debrief: what a player, or a class, reads when a game ends (and what `run` and `replay` print).
 * It is built from the game's own record only (the event log, the per-turn history, the outcome), so
 * every sentence names something that happened in this game: turning points with their causal chains,
 * the deterrence concepts at work and where, the comparison with the record for historical scenarios,
 * and discussion questions drawn from the events.
 */
import { KEPT_LABEL, scoreGroups, shownParts } from '../score-groups.ts';
import { attacksOnUsForces, logOf } from '../../engine/history.ts';
import { outcome, type Outcome, type ScoreLine } from '../../engine/outcome.ts';
import type { GameState } from '../../engine/state.ts';
import type { Side } from '../../model/actions.ts';
import type { Scenario } from '../../scenario/schema.ts';
import { causalChain } from './chain.ts';
import { compare, reachText, type Comparison } from './comparison.ts';
import { CONCEPTS, conceptById, conceptsAtWork, conceptsOfEvent, type ConceptAtWork, type ConceptDef, type ConceptId } from './concepts.ts';
import { decision, leadingMechanism, namedLines, type Decision } from './decider.ts';
import { discussionQuestions } from './questions.ts';
import {
  decisionText,
  percent,
  scoreLineLabel,
  scorePointsText,
  scoresLines,
  toldTurningPoints,
  turningPointLines,
  totalsText,
  verdictText,
  type OffRecord,
  type VerdictText,
} from '../render.ts';
import { beliefRecord, beliefsVsTruth, type BeliefTurn } from '../turn-log.ts';
import { warOdds, warOddsLine, type WarOdds } from '../war-odds.ts';

/** A score line with its label in words. */
export interface LabelledScoreLine extends ScoreLine {
  readonly label: string;
}

export interface DebriefTurningPoint {
  readonly turn: number;
  readonly date: string;
  readonly text: string;
  readonly chain: readonly string[];
  readonly concepts: readonly ConceptId[];
}

/** A concept as the debrief shows it: its definition, and the turns (0-based) where it was at work. */
export interface DebriefConcept extends Pick<ConceptDef, 'id' | 'name' | 'explanation'> {
  readonly turns: readonly number[];
}

export interface TimelineRow {
  readonly turn: number;
  readonly date: string;
  readonly rung: number;
  /** Attacks on US forces: the militias' and, in a week Iran's own forces fired, theirs. */
  readonly attacksOnUS: number;
  readonly houthiAttacks: number;
  readonly usKilled: number;
  /** The chance the week's ladder became war (war-odds.ts). */
  readonly warChance: number;
}

export interface Debrief {
  readonly scenario: { readonly id: string; readonly title: string; readonly seed: string };
  readonly final: boolean;
  readonly verdict: VerdictText;
  /** Whether one mechanism decided the game (decider.ts decision), with its words: "What decided it". */
  readonly decision: Decision & { readonly title: string; readonly explanation: string };
  readonly scores: Readonly<Record<Side, number>>;
  readonly breakdown: Readonly<Record<Side, readonly LabelledScoreLine[]>>;
  readonly totals: Outcome['totals'];
  readonly peakRung: number;
  readonly turningPoints: readonly DebriefTurningPoint[];
  readonly concepts: readonly DebriefConcept[];
  readonly timeline: readonly TimelineRow[];
  /** The odds of war the game ran, week by week (war-odds.ts). */
  readonly warOdds: WarOdds;
  readonly comparison?: Comparison;
  readonly questions: readonly string[];
  /** Each side's intelligence before each turn, beside what was true (fog of war, revisited). */
  readonly beliefs: Readonly<Record<Side, readonly BeliefTurn[]>>;
}

/** Turning points: the events outcome() ranks highest, with the chains traced from their place in the log. */
function turningPoints(
  state: GameState,
  at: ReadonlyMap<ConceptId, ConceptAtWork>,
  humans: readonly Side[],
  offRecord: OffRecord,
  decided: Decision,
): DebriefTurningPoint[] {
  const log = logOf(state);
  // The score lines "what decided it" names as weighing most: the first event behind each is shown too.
  const named = namedLines(decided);
  // A move an inject's own line tells (Israel agreeing the truce the inject begins) is not a second turning
  // point; an order and the posture it moved are one act: one turning point, with the causes and concepts of both.
  // An off-record side's posture is the record's reading, not a turning point (toldTurningPoints).
  return turningPointLines(
    toldTurningPoints(
      state,
      offRecord,
      named.map((l) => l.term),
    ),
    (tp) => tp.event,
    log,
  ).map(({ item: tp, folded, text }) => {
    // The chain is the order's (what the side had seen, why it chose), with the posture it moved.
    const [order, moved] = folded && tp.event.kind !== 'action' ? [folded, tp] : [tp, folded];
    const concepts = conceptsOfEvent(order.index, at);
    const more = moved ? conceptsOfEvent(moved.index, at) : [];
    return {
      turn: tp.event.turn,
      date: tp.date,
      text,
      chain: causalChain(state, order.index, humans, moved?.index),
      concepts: [...concepts, ...more.filter((c) => !concepts.includes(c))],
    };
  });
}

/** The concepts this game holds (concepts.ts), each with its definition and what it looked like here. */
function concepts(at: ReadonlyMap<ConceptId, ConceptAtWork>): DebriefConcept[] {
  return CONCEPTS.filter((c) => at.has(c.id)).map((c) => ({
    id: c.id,
    name: c.name,
    explanation: `${c.explanation} ${at.get(c.id)!.here}`,
    turns: at.get(c.id)!.turns,
  }));
}

export interface DebriefOptions {
  /** The sides a person played (none for a game between bots): their orders are named as their own choice. */
  readonly humans?: readonly Side[];
  /**
   * The sides played off the record (render.ts OffRecord): the humans' always, and a bot's other than the
   * record's. Their machine's moves are not told as turning points or in the questions.
   */
  readonly offRecord?: OffRecord;
}

export function buildDebrief(state: GameState, scenario: Scenario, options: DebriefOptions = {}): Debrief {
  const humans = options.humans ?? [];
  const offRecord = [...new Set([...humans, ...(options.offRecord ?? [])])];
  const at = conceptsAtWork(state, scenario.world);
  const o = outcome(state);
  const comparison = compare(state, scenario);
  const decided = decision(state);
  return {
    scenario: { id: state.scenario.id, title: state.scenario.title, seed: state.seed },
    final: o.final,
    verdict: verdictText(o.verdict, state),
    decision: { ...decided, ...decisionText(decided) },
    scores: o.scores,
    breakdown: {
      us: o.breakdown.us.map((l) => ({ ...l, label: scoreLineLabel(l) })),
      iran: o.breakdown.iran.map((l) => ({ ...l, label: scoreLineLabel(l) })),
    },
    totals: o.totals,
    peakRung: o.peakRung,
    turningPoints: turningPoints(state, at, humans, offRecord, decided),
    concepts: concepts(at),
    timeline: state.history.map((h) => ({
      turn: h.turn,
      date: h.date,
      rung: h.rung,
      attacksOnUS: attacksOnUsForces(h),
      houthiAttacks: h.houthiAttacks,
      usKilled: h.usKilled,
      warChance: h.warChance,
    })),
    warOdds: warOdds(state.history, state.world.regionalWar),
    ...(comparison ? { comparison } : {}),
    questions: discussionQuestions(state, comparison, leadingMechanism(decided), offRecord),
    beliefs: { us: beliefsVsTruth(state, 'us'), iran: beliefsVsTruth(state, 'iran') },
  };
}

/** What decided the game, as one line: the text debrief, the debrief screen and the report's stories all show this one. */
export function decisionLine(d: Pick<Debrief, 'decision'>): string {
  // A mechanism's name as the answer ("What decided it: Miscalculation."); "no single mechanism" is a phrase, not a name.
  return `What decided it: ${d.decision.kind === 'decided' ? d.decision.title : d.decision.title.toLowerCase()}. ${d.decision.explanation}`;
}

/** The heading of a side's beliefs against the truth: the text debrief and the debrief screen's Beliefs page. */
export function beliefsHeading(side: 'us' | 'iran'): string {
  return `What ${side === 'us' ? 'the United States' : 'Iran'} believed, and what was true`;
}

/**
 * A turning point's causes, each a line marked "↳": everything its chain says after the event itself (who
 * answered what, the rules, the posture moved, the chance drawn). The text debrief and the terminal's
 * "Turning points" page both print these, so they show the same causes.
 */
export function turningPointCauses(tp: Pick<DebriefTurningPoint, 'chain'>): string[] {
  return tp.chain.slice(1).map((c) => `↳ ${c}`);
}

/** The concepts at work in a turning point, as a line ("concepts: …"), or undefined when none was. */
export function turningPointConcepts(tp: Pick<DebriefTurningPoint, 'concepts'>): string | undefined {
  return tp.concepts.length > 0 ? `concepts: ${tp.concepts.map((id) => conceptById(id).name).join('; ')}` : undefined;
}

/** "turn 3", "turns 1, 2, 4": the turns (0-based) a concept was at work, as players count them. */
export const turnLabel = (turns: readonly number[]) => `${turns.length === 1 ? 'turn' : 'turns'} ${turns.map((t) => t + 1).join(', ')}`;

/** The debrief as plain text, for `brink run`, `brink replay` and a projector. */
export function formatDebrief(d: Debrief): string {
  const lines: string[] = [''];
  lines.push(`Debrief · ${d.scenario.title} · seed ${d.scenario.seed}${d.final ? '' : ' · (game still running: as things stand)'}`);
  lines.push(`Verdict${d.final ? '' : ' (as things stand)'}: ${d.verdict.title}. ${d.verdict.explanation}`);
  lines.push(decisionLine(d));
  lines.push(...scoresLines(d.scores, d.peakRung));
  lines.push(`Totals: ${totalsText(d.totals)}`);
  lines.push(warOddsLine(d.warOdds));
  for (const side of ['us', 'iran'] as const) {
    const parts = shownParts(scoreGroups(d.breakdown[side])).map(
      (p) => `${p.line ? p.line.label : KEPT_LABEL} ${scorePointsText(p.shown)}`,
    );
    lines.push(`  ${side === 'us' ? 'US' : 'Iran'} score: ${parts.join(' · ')}`);
  }
  if (d.turningPoints.length > 0) {
    lines.push('', 'Turning points:');
    for (const tp of d.turningPoints) {
      lines.push(`  ${tp.date} (turn ${tp.turn + 1}) ${tp.text}`);
      for (const c of turningPointCauses(tp)) lines.push(`      ${c}`);
      const concepts = turningPointConcepts(tp);
      if (concepts) lines.push(`      ${concepts}`);
    }
  }
  if (d.concepts.length > 0) {
    lines.push('', 'Deterrence concepts at work:');
    for (const c of d.concepts) lines.push(`  ${c.name} (${turnLabel(c.turns)}): ${c.explanation}`);
  }
  if (d.comparison) {
    lines.push('', 'What actually happened:', `  ${d.comparison.summary}`);
    for (const e of d.comparison.events) lines.push(`  ${e.date} ${e.text} [${e.cites.join(', ')}]`);
    if (d.comparison.reach) lines.push(`  ${reachText(d.comparison.reach)}`);
    lines.push('  This game against the record:');
    const w = Math.max(...d.comparison.figures.map((f) => f.label.length));
    for (const f of d.comparison.figures) lines.push(`    ${f.label.padEnd(w)}  game ${f.game} · record ${f.actual}`);
  }
  for (const side of ['us', 'iran'] as const) {
    const summary = beliefSummary(d.beliefs[side]);
    if (!summary) continue;
    lines.push('', `${beliefsHeading(side)}: ${summary}`);
    for (const t of d.beliefs[side])
      for (const b of t.items) {
        if (!b.right)
          lines.push(`  ${t.date} (turn ${t.turn + 1}) ${b.subject}: read "${b.believed}" (${b.confidence} confidence), was "${b.truth}"`);
      }
  }
  if (d.questions.length > 0) {
    lines.push('', 'For discussion:');
    d.questions.forEach((q, i) => lines.push(`  ${i + 1}. ${q}`));
  }
  return lines.join('\n');
}

/** "9 of 12 reads right (high 5 of 5, moderate 3 of 4, low 1 of 3)", or '' when the side had no report. */
export function beliefSummary(turns: readonly BeliefTurn[]): string {
  const rec = beliefRecord(turns);
  const bands = (['high', 'moderate', 'low'] as const).filter((c) => rec[c].total > 0);
  const total = bands.reduce((n, c) => n + rec[c].total, 0);
  if (total === 0) return '';
  const right = bands.reduce((n, c) => n + rec[c].right, 0);
  return `${right} of ${total} reads right, ${percent(right / total)} (${bands.map((c) => `${c} ${rec[c].right} of ${rec[c].total}`).join(', ')})`;
}
