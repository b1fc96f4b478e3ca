/**
 * A side's goals and its score as things stand, for the Goals pane and the briefing. Everything is
 * read from the engine's score lines (scoreLines in src/engine/outcome.ts) and the objectives' titles
 * in the evidence base, so when the scoring changes the pane follows; nothing here knows a rule.
 */
import { scoreLineLabel, scorePointsText, scoreText } from '../analysis/render.ts';
import { scoreLines, scoresOf, type ScoreLine } from '../engine/outcome.ts';
import type { GameState } from '../engine/state.ts';
import type { Side } from '../model/actions.ts';
import { factById } from '../model/evidence.ts';
import { wrap } from './text.ts';

/** The group of score lines that cite rules only, no objective. */
export const OTHER = 'rules';

export interface ObjectiveScore {
  /** The objective's ID (O-…), the first one each of its score lines cites. */
  readonly id: string;
  readonly title: string;
  readonly points: number;
  readonly lines: readonly ScoreLine[];
}

export interface ScoreView {
  readonly side: Side;
  /**
   * Where the side's score starts before anything happens (the engine's baseline lines): shown apart, not
   * as an objective's share, or "avoid regional war" would read as +100 earned.
   */
  readonly start: { readonly points: number; readonly lines: readonly ScoreLine[] };
  /** The side's score now, 0–100, as the debrief would give it if the game ended here. */
  readonly total: number;
  readonly objectives: readonly ObjectiveScore[];
}

export function scoreView(state: GameState, side: Side): ScoreView {
  const all = scoreLines(state);
  const byObjective = new Map<string, ScoreLine[]>();
  const start: ScoreLine[] = [];
  for (const l of all[side]) {
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
  const objectives = [...byObjective].map(([id, lines]) => ({
    id,
    // "US: avoid regional war…" → "avoid regional war…": the pane already says whose goals these are.
    title: id === OTHER ? 'Other costs and gains the rules impose' : (factById(id)?.title ?? id).replace(/^(US|Iran|Militias?):\s*/, ''),
    points: lines.reduce((s, l) => s + l.points, 0),
    lines,
  }));
  return { side, total: scoresOf(all)[side], start: { points: start.reduce((s, l) => s + l.points, 0), lines: start }, objectives };
}

/**
 * The Goals pane: each objective with its share of the score, and the lines that make it up; a count of
 * deaths says that the opening week's (`opening`, the observation's) are not in it.
 */
export function goalLines(v: ScoreView, width: number, opening?: { readonly usKilled: number }): { text: string; bold?: boolean }[] {
  const out: { text: string; bold?: boolean }[] = [
    { text: `Your score: ${scoreText(v.total)} of 100, as things stand (the debrief gives the final one)`, bold: true },
  ];
  if (v.start.lines.length > 0)
    out.push({ text: `${scorePointsText(v.start.points).padStart(7)}  Starting score, before anything happens`, bold: true });
  for (const o of v.objectives) {
    out.push({ text: `${scorePointsText(o.points).padStart(7)}  ${o.id === OTHER ? o.title : `${o.id} ${o.title}`}`, bold: true });
    for (const l of o.lines) {
      const head = `${scorePointsText(l.points).padStart(16)}  `;
      wrap(scoreLineLabel(l, opening), Math.max(10, width - head.length)).forEach((t, i) =>
        out.push({ text: (i === 0 ? head : ' '.repeat(head.length)) + t }),
      );
    }
  }
  out.push(
    { text: '' },
    ...wrap(
      'Each side is scored by its own objectives (the O- IDs; brink explain O-USA-01 shows one). The score is kept between 0 and 100.',
      width,
    ).map((text) => ({ text })),
  );
  return out;
}
