/**
 * A side's score lines grouped as every breakdown shows them: the starting score apart (the engine's
 * baseline lines: "avoid regional war" must not read as +100 earned), then each objective (O-…) with the
 * lines that serve it, then the costs and gains the rules impose, last. The Goals pane, the debrief
 * screen, the text debrief and the report's stories all read this one order.
 */
import type { ScoreLine } from '../engine/outcome.ts';
import { factById } from '../model/evidence.ts';

/** The group of score lines that cite rules only, no objective. */
export const OTHER = 'rules';

export interface ScoreGroup<L extends ScoreLine = ScoreLine> {
  /** The objective's ID (O-…), the first one each of its score lines cites; OTHER for the rules' group. */
  readonly id: string;
  readonly title: string;
  readonly points: number;
  readonly lines: readonly L[];
}

export interface ScoreGroups<L extends ScoreLine = ScoreLine> {
  readonly start: { readonly points: number; readonly lines: readonly L[] };
  /** The objectives in the order their first line comes, then the rules' group. */
  readonly objectives: readonly ScoreGroup<L>[];
}

const sum = (lines: readonly ScoreLine[]) => lines.reduce((s, l) => s + l.points, 0);

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
  const objectives = [...byObjective]
    .sort(([a], [b]) => Number(a === OTHER) - Number(b === OTHER))
    .map(([id, ls]) => ({
      id,
      // "US: avoid regional war…" → "avoid regional war…": a breakdown already says whose goals these are.
      title: id === OTHER ? 'Other costs and gains the rules impose' : (factById(id)?.title ?? id).replace(/^(US|Iran|Militias?):\s*/, ''),
      points: sum(ls),
      lines: ls,
    }));
  return { start: { points: sum(start), lines: start }, objectives };
}

/** The lines in the breakdown's order: the starting score, then each group's. */
export function inGroupOrder<L extends ScoreLine>(groups: ScoreGroups<L>): L[] {
  return [...groups.start.lines, ...groups.objectives.flatMap((o) => o.lines)];
}
