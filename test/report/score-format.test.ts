/**
 * A side's score reads the same wherever it is shown: scoreText (one decimal, always) in the game, the
 * debrief, the report's stories and the class report, and a score line's points with scorePointsText.
 * The scores below are whole on purpose: a formatter that drops the decimal of a whole number shows
 * "74" where the game shows "74.0".
 */
import { describe, expect, it } from 'vitest';
import { buildDebrief, formatDebrief, type Debrief } from '../../src/analysis/debrief/debrief.ts';
import { NOT_A_CONTEST, scorePointsText, scoreText } from '../../src/analysis/render.ts';
import { Aggregator } from '../../src/batch/aggregate.ts';
import { BatchSchema, type BatchJson } from '../../src/batch/contract.ts';
import { playRecord } from '../../src/batch/record.ts';
import { gameSeed } from '../../src/batch/seeds.ts';
import { decisionsOf } from '../../src/engine/history.ts';
import { getPolicy } from '../../src/policies/index.ts';
import { playGame } from '../../src/policies/play.ts';
import { groupHtml, renderClassReport } from '../../src/report/class.ts';
import { renderReport } from '../../src/report/html.ts';
import { esc } from '../../src/report/page.ts';
import { storyHtml } from '../../src/report/story.ts';
import { historicalBatchJson } from '../helpers/batch.ts';
import { scenario } from '../helpers/fixtures.ts';

const sc = scenario('tower-22');
const arm = { us: getPolicy('historical', 'us'), iran: getPolicy('historical', 'iran'), params: {} };
const state = playGame(sc, { seed: 'scores', us: arm.us, iran: arm.iran });
const real = buildDebrief(state, sc);
/** The game's debrief with whole scores, and one score line worth a whole 2 points. */
const whole: Debrief = {
  ...real,
  scores: { us: 74, iran: 60 },
  breakdown: { ...real.breakdown, us: real.breakdown.us.map((l, i) => (i === 0 ? { ...l, points: 2 } : l)) },
};

function batch(): BatchJson {
  const agg = new Aggregator(sc.turns);
  for (let i = 0; i < 6; i++) agg.add(playRecord(sc, arm, i, gameSeed('scores', i)));
  const b = BatchSchema.parse(historicalBatchJson('tower-22', agg, { runs: 6, seed: 'scores' }));
  return { ...b, metrics: { ...b.metrics, scoreIran: { mean: 61, p5: 55, p50: 61, p95: 65 } } };
}

describe("a side's score, wherever it is shown", () => {
  it('scoreText and scorePointsText keep one decimal, also for whole numbers', () => {
    expect([scoreText(74), scoreText(60.06), scoreText(0)]).toEqual(['74.0', '60.1', '0.0']);
    expect([scorePointsText(2), scorePointsText(-12), scorePointsText(1.54), scorePointsText(0)]).toEqual([
      '+2.0',
      '-12.0',
      '+1.5',
      '+0.0',
    ]);
  });

  it("in a game told in the report: the scores and the lines' points", () => {
    const html = storyHtml(whole, { id: 'x', heading: 'A game', why: 'Because.' });
    expect(html).toContain('US <b>74.0</b>');
    expect(html).toContain('Iran <b>60.0</b>');
    // The figure is held to its label (a non-breaking space): a narrow screen never leaves it alone on a line.
    expect(html).toContain(`${esc(whole.breakdown.us[0]!.label)}&nbsp;+2.0`);
    expect(html).not.toMatch(/<b>74<\/b>|<b>60<\/b>/);
  });

  it("in the debrief's text: the score lines' points as the terminal game shows them", () => {
    const text = formatDebrief(whole);
    expect(text).toContain('Scores: US 74.0 · Iran 60.0');
    expect(text).toContain(`${whole.breakdown.us[0]!.label} +2.0`);
  });

  it('in the class report: side by side, in each story, and beside the bot games', () => {
    const html = renderClassReport({
      scenario: sc,
      seed: 'scores',
      games: [{ name: 'group-a', side: 'us', opponent: 'historical', decisions: decisionsOf(state), debrief: whole }],
      batch: batch(),
    });
    const game = { name: 'group-a', side: 'us' as const, opponent: 'historical' };
    const row = html.match(new RegExp(`<tr><td>${groupHtml(game, 'scores')}</td>(.*?)</tr>`))![1]!;
    const cells = [...row.matchAll(/<td(?: class="l")?>(.*?)<\/td>/g)].map((m) => m[1]);
    expect(cells.slice(2, 4)).toEqual(['74.0', '60.0']);
    expect(html).toContain(`(group-a): ${esc(whole.verdict.title)}, US 74.0 · Iran 60.0</summary>`);
    // Beside the bot games: the bands of a score, and the group's score, as scores.
    expect(html).toMatch(/<td>Iran score<\/td><td>55\.0 · <b>61\.0<\/b> · 65\.0<\/td><td>60\.0<br>/);
    // What the two scores are, said above the table that sets them side by side.
    expect(html).toContain(`<h2>The games side by side</h2>\n<p class="note">${esc(NOT_A_CONTEST)}</p>`);
  });

  it("in the report's totals: a score's percentiles as scores, its mean as a mean", () => {
    const html = renderReport({ batch: batch(), scenario: sc });
    const row = html.match(/<tr><td>Iran score <code>scoreIran<\/code><\/td>(.*?)<\/tr>/)![1]!;
    const cells = [...row.matchAll(/<td>(.*?)<\/td>/g)].map((m) => m[1]);
    // The mean is a mean (two decimals, as every mean of the page), the percentiles are scores.
    expect(cells).toEqual(['61.00', '55.0', '61.0', '65.0']);
  });
});
