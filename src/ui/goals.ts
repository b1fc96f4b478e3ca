/**
 * A side's goals and its score as things stand, for the Goals pane and the briefing. Everything is
 * read from the engine's score lines (scoreLines in src/engine/outcome.ts) and the objectives' titles
 * in the evidence base, so when the scoring changes the pane follows; nothing here knows a rule.
 */
import { scoreLineLabel, scorePointsText, scoreText } from '../analysis/render.ts';
import { KEPT_BETWEEN, KEPT_LABEL, OTHER, scoreGroups, type ScoreGroup, type ScoreGroups } from '../analysis/score-groups.ts';
import { SCORE_RANGE, scoreLines, type ScoreLine } from '../engine/outcome.ts';
import type { GameState } from '../engine/state.ts';
import type { Side } from '../model/actions.ts';
import { wrap } from './text.ts';

export { OTHER } from '../analysis/score-groups.ts';

export type ObjectiveScore = ScoreGroup;

/** A side's score now (`total`, 0–100, as the debrief would give it if the game ended here), broken down. */
export interface ScoreView extends ScoreGroups {
  readonly side: Side;
}

export function scoreView(state: GameState, side: Side): ScoreView {
  return { side, ...scoreGroups(scoreLines(state)[side]) };
}

/**
 * A side's score, broken down: the starting score apart, then each objective with its share and the
 * lines that make it up, the rules' costs and gains last, then what keeping the score within 0–100 added
 * or took, where it did. Every figure is as score-groups.ts shows it: the parts add up to the score shown.
 * The Goals pane and the debrief's score page both show this. `label` words a line (a count of deaths says, on the player's
 * screens, that the opening week's are not in it).
 */
export function breakdownLines<L extends ScoreLine>(
  groups: ScoreGroups<L>,
  width: number,
  label: (l: L) => string = (l) => scoreLineLabel(l),
): { text: string; bold?: boolean }[] {
  const out: { text: string; bold?: boolean }[] = [];
  if (groups.start.lines.length > 0)
    out.push({ text: `${scorePointsText(groups.start.shown).padStart(7)}  Starting score, before anything happens`, bold: true });
  for (const o of groups.objectives) {
    out.push({ text: `${scorePointsText(o.shown).padStart(7)}  ${o.id === OTHER ? o.title : `${o.id} ${o.title}`}`, bold: true });
    for (const l of o.lines) {
      const head = `${scorePointsText(groups.shownOf(l)).padStart(16)}  `;
      wrap(label(l), Math.max(10, width - head.length)).forEach((t, i) =>
        out.push({ text: (i === 0 ? head : ' '.repeat(head.length)) + t }),
      );
    }
  }
  if (groups.kept.shown !== 0) {
    const head = `${scorePointsText(groups.kept.shown).padStart(7)}  `;
    const why = `${KEPT_LABEL} (the lines above add up to ${groups.kept.shown > 0 ? `less than ${SCORE_RANGE.min}` : `more than ${SCORE_RANGE.max}`})`;
    wrap(why, Math.max(10, width - head.length)).forEach((t, i) =>
      out.push({ text: (i === 0 ? head : ' '.repeat(head.length)) + t, bold: i === 0 }),
    );
  }
  return out;
}

/**
 * The Goals pane: each objective with its share of the score, and the lines that make it up; a count of
 * deaths says that the opening week's (`opening`, the observation's) are not in it.
 */
export function goalLines(v: ScoreView, width: number, opening?: { readonly usKilled: number }): { text: string; bold?: boolean }[] {
  const out: { text: string; bold?: boolean }[] = [
    ...wrap(`Your score: ${scoreText(v.total)} of 100, as things stand (the debrief gives the final one)`, width).map((text) => ({
      text,
      bold: true,
    })),
    ...breakdownLines(v, width, (l) => scoreLineLabel(l, opening)),
  ];
  out.push(
    { text: '' },
    ...wrap(
      `Each side is scored by its own objectives (the O- IDs; brink explain O-USA-01 shows one). The score is ${KEPT_BETWEEN}.`,
      width,
    ).map((text) => ({ text })),
  );
  return out;
}
