/**
 * A side's score lines grouped as every breakdown shows them: the starting score apart (the engine's
 * baseline lines: "avoid regional war" must not read as +100 earned), then each objective (O-…) with the
 * lines that serve it, then the costs and gains the rules impose, last, and where the lines add up to
 * less than 0 or more than 100, what keeping the score within that range added or took. The Goals pane,
 * the debrief screen, the text debrief and the report's stories all read this one order, and the figures
 * it shows: each to one decimal, rounded so that the parts shown add up to the total shown.
 */
import { keptScore, SCORE_RANGE, scoreOf, type ScoreLine } from '../engine/outcome.ts';
import { factById } from '../model/evidence.ts';

/** The group of score lines that cite rules only, no objective. */
export const OTHER = 'rules';

/** How the breakdowns word the limit on a score; the Goals pane's note says it in a sentence. */
export const KEPT_BETWEEN = `kept between ${SCORE_RANGE.min} and ${SCORE_RANGE.max}`;
/** The label of the part that keeping the score within its range added or took. */
export const KEPT_LABEL = `Score ${KEPT_BETWEEN}`;

export interface ScoreGroup<L extends ScoreLine = ScoreLine> {
  /** The objective's ID (O-…), the first one each of its score lines cites; OTHER for the rules' group. */
  readonly id: string;
  readonly title: string;
  readonly points: number;
  /** The points as shown, to one decimal: what its lines as shown add up to. */
  readonly shown: number;
  readonly lines: readonly L[];
}

export interface ScoreGroups<L extends ScoreLine = ScoreLine> {
  readonly start: { readonly points: number; readonly shown: number; readonly lines: readonly L[] };
  /** The objectives in the order their first line comes, then the rules' group. */
  readonly objectives: readonly ScoreGroup<L>[];
  /**
   * What keeping the score within 0–100 added (a sum below 0) or took (above 100); 0 within the range.
   * `shown` is its figure as shown, to one decimal.
   */
  readonly kept: { readonly points: number; readonly shown: number };
  /** The score, to one decimal: what the engine reports (scoresOf), and what every part as shown adds up to. */
  readonly total: number;
  /** A line's points as shown, to one decimal, so that the lines, the groups and the total add up as shown. */
  readonly shownOf: (line: L) => number;
}

const sum = (lines: readonly ScoreLine[]) => lines.reduce((s, l) => s + l.points, 0);

/**
 * Parts to tenths that add up to `total` tenths (largest remainder): each part is its value rounded down,
 * and the tenths still missing go one each to the parts that lost the most in rounding down (the first
 * of equals). Each part stays within a tenth of its value; a part of exactly 0 stays 0.
 */
export function tenthsAddingUp(values: readonly number[], total: number): number[] {
  // Fuzz off float noise first (-1.5000000000000002 is -1.5), so an exact tenth is its own figure.
  const tenths = values.map((v) => Math.round(v * 10 * 1e6) / 1e6);
  const floors = tenths.map(Math.floor);
  const missing = Math.round(total * 10) - floors.reduce((s, f) => s + f, 0);
  const order = tenths
    .map((t, i) => ({ i, rest: t - floors[i]! }))
    .filter((r) => r.rest > 0)
    .sort((a, b) => b.rest - a.rest || a.i - b.i);
  const add = new Set(order.slice(0, Math.max(0, missing)).map((r) => r.i));
  return floors.map((f, i) => (f + (add.has(i) ? 1 : 0)) / 10);
}

export function scoreGroups<L extends ScoreLine>(lines: readonly L[]): ScoreGroups<L> {
  const byObjective = new Map<string, L[]>();
  const start: L[] = [];
  for (const l of lines) {
    if (l.term === 'baseline') {
      start.push(l);
      continue;
    }
    // A line is grouped under the objective it serves (its first O- citation). A line that cites only
    // rules (a cost or gain the rules impose, such as answering strikes) is grouped apart, never shown
    // as if a rule's title were a goal.
    const id = l.cites.find((c) => c.startsWith('O-')) ?? OTHER;
    byObjective.set(id, [...(byObjective.get(id) ?? []), l]);
  }
  // The figures as shown: every line and the limit's part, rounded together so they add up to the score.
  const kept = keptScore(lines) - sum(lines);
  const total = scoreOf(lines);
  const tenths = tenthsAddingUp([...lines.map((l) => l.points), kept], total);
  const shown = new Map(lines.map((l, i) => [l, tenths[i]!] as const));
  const shownOf = (l: L) => shown.get(l) ?? Math.round(l.points * 10) / 10;
  // Tenths are summed as integers: 0.1 + 0.2 must show as 0.3.
  const shownSum = (ls: readonly L[]) => ls.reduce((s, l) => s + Math.round(shownOf(l) * 10), 0) / 10;
  const objectives = [...byObjective]
    .sort(([a], [b]) => Number(a === OTHER) - Number(b === OTHER))
    .map(([id, ls]) => ({
      id,
      // "US: avoid regional war…" → "avoid regional war…": a breakdown already says whose goals these are.
      title: id === OTHER ? 'Other costs and gains the rules impose' : (factById(id)?.title ?? id).replace(/^(US|Iran|Militias?):\s*/, ''),
      points: sum(ls),
      shown: shownSum(ls),
      lines: ls,
    }));
  return {
    start: { points: sum(start), shown: shownSum(start), lines: start },
    objectives,
    kept: { points: kept, shown: tenths[lines.length]! },
    total,
    shownOf,
  };
}

/** A part of a breakdown as shown: a score line, or what keeping the score within 0–100 added or took. */
export type ShownPart<L extends ScoreLine> =
  | { readonly line: L; readonly shown: number }
  | { readonly line?: undefined; readonly shown: number };

/**
 * The parts that moved the score, as shown (to one decimal, adding up to the total shown), in the
 * breakdown's order, the limit's part last: the one-line breakdowns (the text debrief, the report) read these.
 */
export function shownParts<L extends ScoreLine>(groups: ScoreGroups<L>): ShownPart<L>[] {
  const parts: ShownPart<L>[] = inGroupOrder(groups).map((line) => ({ line, shown: groups.shownOf(line) }));
  return [...parts, { shown: groups.kept.shown }].filter((p) => p.shown !== 0);
}

/** The lines in the breakdown's order: the starting score, then each group's. */
export function inGroupOrder<L extends ScoreLine>(groups: ScoreGroups<L>): L[] {
  return [...groups.start.lines, ...groups.objectives.flatMap((o) => o.lines)];
}
