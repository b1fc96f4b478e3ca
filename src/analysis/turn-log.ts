/**
 * One side's own account of a game, turn by turn, as it could have kept it: the orders it saw given (its
 * own, and the other side's where they were public), the events it could see, and the intelligence it
 * was handed before choosing. The terminal game's log (`l`) shows it; the debrief's "believed vs true"
 * page sets the same intelligence beside what was really so. Every sentence comes from render.ts.
 */
import { isVisibleTo } from '../engine/events.ts';
import { observe } from '../engine/observe.ts';
import { seenWeekWarChanceText } from './war-odds.ts';
import type { GameState, IntelReport } from '../engine/state.ts';
import { otherSide, type Side } from '../model/actions.ts';
import { seenOrder } from '../model/portfolio.ts';
import type { Confidence } from '../model/intel.ts';
import { ACTOR_NAMES } from '../model/actors/index.ts';
import { intelLine, orderLabel, seenOrderText, intelReading, intelSubject, weekEventLines, type WeekEventOptions } from './render.ts';

export interface LogTurn {
  readonly turn: number;
  readonly date: string;
  /** The intelligence the side read before choosing this turn's order (none before the first turn). */
  readonly intel: readonly string[];
  readonly own: string;
  /** The other side's order where it was public, else a sentence saying it could not be seen. */
  readonly other: string;
  /** The turn's events this side could see. */
  readonly events: readonly string[];
  /** The week's chance of war, with the direct fire this side saw (war-odds.ts seenWeekWarChanceText), as its briefing said it. */
  readonly warChance: string;
}

/** The side's log of every turn played, oldest first; `options` lay out the event lines (render.ts weekEventLines). */
export function turnLog(state: GameState, side: Side, options: WeekEventOptions = {}): LogTurn[] {
  const them = otherSide(side);
  const seenWeeks = observe(state, side).history;
  return state.history.map((t, i) => {
    const seen = seenOrderText(seenOrder(t.actions[them]));
    return {
      turn: t.turn,
      date: t.date,
      intel: (t.intel[side]?.items ?? []).map(intelLine),
      own: `${ACTOR_NAMES[side]} (you): ${orderLabel(t.actions[side])}`,
      other: seen ? `${ACTOR_NAMES[them]}: ${seen}` : `${ACTOR_NAMES[them]}: its order was not visible to you`,
      events: weekEventLines(
        t.events.filter((e) => isVisibleTo(e, side)),
        t,
        options,
      ),
      warChance: seenWeekWarChanceText(seenWeeks, i, side, state.params.warFromDirectExchange),
    };
  });
}

export interface Belief {
  readonly subject: string;
  readonly believed: string;
  readonly truth: string;
  readonly confidence: Confidence;
  readonly right: boolean;
}

export interface BeliefTurn {
  readonly turn: number;
  readonly date: string;
  readonly items: readonly Belief[];
}

function beliefsOf(report: IntelReport): Belief[] {
  return report.items.map((item, i) => {
    const truth = report.truth[i]!;
    return {
      subject: intelSubject(item),
      believed: intelReading(item),
      truth: intelReading({ subject: item.subject, assessed: truth }),
      confidence: item.confidence,
      right: item.assessed === truth,
    };
  });
}

/** What the side's intelligence said before each turn, beside what was true: turns with a report only. */
export function beliefsVsTruth(state: GameState, side: Side): BeliefTurn[] {
  const out: BeliefTurn[] = [];
  for (const t of state.history) {
    const report = t.intel[side];
    if (report && report.items.length > 0) out.push({ turn: t.turn, date: t.date, items: beliefsOf(report) });
  }
  return out;
}

/** How often the reads of each stated confidence were right: a class can see whether "high" meant it. */
export function beliefRecord(turns: readonly BeliefTurn[]): Readonly<Record<Confidence, { right: number; total: number }>> {
  const out = { high: { right: 0, total: 0 }, moderate: { right: 0, total: 0 }, low: { right: 0, total: 0 } };
  for (const t of turns)
    for (const b of t.items) {
      out[b.confidence].total++;
      if (b.right) out[b.confidence].right++;
    }
  return out;
}
