/**
 * One game's story in HTML: what the terminal debrief says (the analysis layer's Debrief, built by
 * buildDebrief: never a second account of the game), laid out for a page: the verdict and scores,
 * the turning points as a timeline with their causes and concepts, and the turn-by-turn figures.
 */
import { CONCEPTS } from '../analysis/debrief/concepts.ts';
import { decisionLine, type Debrief } from '../analysis/debrief/debrief.ts';
import { chanceText, scorePointsText, scoreText, totalsText } from '../analysis/render.ts';
import { warOddsLine } from '../analysis/war-odds.ts';
import { rungName } from '../model/ladder.ts';
import { KEPT_LABEL, scoreGroups, shownParts } from '../analysis/score-groups.ts';
import { commandHtml, dateHtml, esc, table } from './page.ts';

const conceptName = (id: string) => CONCEPTS.find((c) => c.id === id)?.name ?? id;

/** The parts that moved the score, as "label +1.5", adding up to the score shown (score-groups.ts). */
function scoreParts(d: Debrief, side: 'us' | 'iran'): string {
  return shownParts(scoreGroups(d.breakdown[side]))
    .map((p) => `${esc(p.line ? p.line.label : KEPT_LABEL)}&nbsp;${scorePointsText(p.shown)}`)
    .join(' · ');
}

/** The timeline of turning points, each with its causal chain (who, what set it off, rule, posture, chance). */
export function timelineHtml(d: Debrief): string {
  if (d.turningPoints.length === 0) return '<p class="note">No turning point stood out in this game.</p>';
  const items = d.turningPoints.map((tp) => {
    const causes = tp.chain
      .slice(1)
      .map((c) => `<li>${esc(c)}</li>`)
      .join('');
    const tags = tp.concepts.length ? `<div class="tags">Concepts: ${tp.concepts.map((c) => esc(conceptName(c))).join('; ')}</div>` : '';
    return (
      `<li><span class="when">${dateHtml(tp.date)} · turn ${tp.turn + 1}</span><br>${esc(tp.text)}` +
      (causes ? `<ul class="causes">${causes}</ul>` : '') +
      tags +
      '</li>'
    );
  });
  return `<ol class="timeline" aria-label="Turning points">${items.join('')}</ol>`;
}

/** Turn by turn: ladder rung, attacks, deaths, the chance of war (what the debrief's timeline holds). */
export function turnTable(d: Debrief): string {
  return table(
    ['Turn', 'Starts', 'Rung at end', 'Attacks on US forces', 'Houthi attacks', 'US deaths', 'Chance of war'],
    d.timeline.map((r) => [
      String(r.turn + 1),
      dateHtml(r.date),
      `${r.rung} <span class="note">${esc(rungName(r.rung))}</span>`,
      String(r.attacksOnUS),
      String(r.houthiAttacks),
      String(r.usKilled),
      chanceText(r.warChance),
    ]),
  );
}

export interface StoryMeta {
  /** The element id (anchors, and the test finds the story by it). */
  readonly id: string;
  readonly heading: string;
  /** Why this game was chosen, in a sentence. */
  readonly why: string;
  /** How to play it again (a command line), when there is one. */
  readonly replay?: string;
  /** How many parameters the game drew (--uncertainty): its replay line is then folded away, being long. */
  readonly drawn?: number;
}

function replayHtml(meta: StoryMeta): string {
  if (!meta.replay) return `<p class="note">${esc(meta.why)}</p>`;
  if (!meta.drawn)
    return `<p class="note">${esc(meta.why)} Replay it:</p>
${commandHtml(meta.replay)}`;
  return `<p class="note">${esc(meta.why)} It played with the ${meta.drawn} parameters it drew (and the shares that follow from them), not the point values.</p>
<details class="note"><summary>Replay it with them</summary>${commandHtml(meta.replay)}</details>`;
}

export function storyHtml(d: Debrief, meta: StoryMeta): string {
  return `<section class="story" id="${esc(meta.id)}">
<h3>${esc(meta.heading)}</h3>
${replayHtml(meta)}
<p><b>${esc(d.verdict.title)}.</b> ${esc(d.verdict.explanation)}${d.final ? '' : ' <span class="pill">unfinished: as things stand</span>'} ${esc(decisionLine(d))}</p>
<p>Scores: US <b>${scoreText(d.scores.us)}</b> (${scoreParts(d, 'us') || 'no points'}) · Iran <b>${scoreText(d.scores.iran)}</b> (${scoreParts(d, 'iran') || 'no points'}).<br>
${esc(totalsText(d.totals))}; the ladder peaked at rung ${d.peakRung} (${esc(rungName(d.peakRung))}).<br>
${esc(warOddsLine(d.warOdds))}</p>
<h4>Turning points and their causes</h4>
${timelineHtml(d)}
<details><summary>Turn by turn</summary>${turnTable(d)}</details>
</section>`;
}
