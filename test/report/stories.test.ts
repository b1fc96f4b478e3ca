/**
 * The single games the report tells: the median game (the first whose US score is the batch's median)
 * and a notable one (the first regional war, else the first with US deaths), each told by the debrief
 * of that very game, replayed from its seed.
 */
import { describe, expect, it } from 'vitest';
import { Aggregator } from '../../src/batch/aggregate.ts';
import { BatchSchema, type BatchJson } from '../../src/batch/contract.ts';
import { playRecord, type GameRecord } from '../../src/batch/record.ts';
import { gameSeed } from '../../src/batch/seeds.ts';
import { buildDebrief, decisionLine, formatDebrief } from '../../src/analysis/debrief/debrief.ts';
import { NOT_A_CONTEST, scoreText } from '../../src/analysis/render.ts';
import { getPolicy } from '../../src/policies/index.ts';
import { playGame } from '../../src/policies/play.ts';
import { dateHtml, esc } from '../../src/report/page.ts';
import { chooseStories } from '../../src/report/stories.ts';
import { storyHtml } from '../../src/report/story.ts';
import { historicalBatchJson } from '../helpers/batch.ts';
import { scenario } from '../helpers/fixtures.ts';
import {
  drawnParams,
  drawParams,
  NO_UNCERTAINTY,
  priorDistribution,
  pinPriors,
  type ParamDistribution,
} from '../../src/analysis/uncertainty/distribution.ts';
import { renderReport } from '../../src/report/html.ts';

const sc = scenario('tower-22');
const arm = (params: Record<string, number> = {}) => ({ us: getPolicy('historical', 'us'), iran: getPolicy('historical', 'iran'), params });

/** A batch as `brink batch --json` builds it (same aggregator, same contract), with its records kept for the checks. */
function batchOf(
  runs: number,
  seed: string,
  params: Record<string, number> = {},
  dist: ParamDistribution = NO_UNCERTAINTY,
): { batch: BatchJson; records: GameRecord[] } {
  const agg = new Aggregator(sc.turns);
  const records: GameRecord[] = [];
  for (let i = 0; i < runs; i++) {
    const r = playRecord(sc, arm(drawParams(dist, seed, i, params)), i, gameSeed(seed, i));
    records.push(r);
    agg.add(r);
  }
  const batch = BatchSchema.parse(
    historicalBatchJson('tower-22', agg, { runs, seed, params, ...(dist.kind === 'none' ? {} : { uncertainty: dist }) }),
  );
  return { batch, records };
}

const tenths = (x: number) => Math.round(x * 10);

describe('choosing the games to tell', () => {
  const { batch, records } = batchOf(120, 'stories');

  it('the median game is the first whose US score is the median, told by its own debrief', () => {
    const s = chooseStories(batch, sc);
    const m = s.median!;
    expect(m).toBeDefined();
    expect(tenths(m.debrief.scores.us)).toBe(tenths(batch.metrics.scoreUS.p50));
    expect(records.slice(0, m.index).every((r) => tenths(r.scores.us) !== tenths(batch.metrics.scoreUS.p50))).toBe(true);
    expect(m.seed).toBe(`stories:${m.index}`);
    const state = playGame(sc, { seed: m.seed, ...arm() });
    expect(m.debrief).toEqual(buildDebrief(state, sc));
    expect(m.debrief.turningPoints.length).toBeGreaterThan(0);
  });

  it('the notable game is the first regional war, or when there is none the first game with US deaths', () => {
    const s = chooseStories(batch, sc);
    const wars = records.filter((r) => r.verdict === 'regional-war');
    const deaths = records.filter((r) => r.metrics.usKilled > 0);
    expect(wars.length + deaths.length, 'this seed must give the test something to choose').toBeGreaterThan(0);
    const expected = wars[0] ?? deaths[0]!;
    expect(s.notable!.index).toBe(expected.index);
    expect(s.notable!.debrief.verdict.id).toBe(expected.verdict);
    expect(s.notable!.why).toMatch(wars.length ? /ended in regional war \(\d+ of the 120 did\)/ : /killed US troops/);
  });

  it('says so when no game was notable', () => {
    const calm = batchOf(30, 'calm', { fatalityPerAttack: 0, warShockBase: 0, warHazardPerRung: 0 }).batch;
    expect(calm.outcomes.regionalWar.count + calm.outcomes.usFatality.count).toBe(0);
    const s = chooseStories(calm, sc);
    expect(s.notable).toBeUndefined();
    expect(s.median).toBeDefined();
    expect(s.notes.join(' ')).toMatch(/None of the 30 games ended in regional war or had a US death/);
  });

  it('says so when the games cannot be replayed here (a bot from a module not loaded)', () => {
    const s = chooseStories({ ...batch, policies: { us: 'my-module-bot', iran: 'historical' } }, sc);
    expect(s.median).toBeUndefined();
    expect(s.notes.join(' ')).toMatch(/cannot be replayed here/);
  });
});

describe('choosing the games to tell in a batch that drew its parameters (--uncertainty)', () => {
  const prior = priorDistribution();
  const { batch, records } = batchOf(80, 'drawn', {}, prior);

  it("tells the batch's own games, played with the parameters each drew, and gives them to replay with", () => {
    expect(batch.uncertainty.mode).toBe('prior');
    const s = chooseStories(batch, sc, prior);
    const m = s.median!;
    expect(tenths(m.debrief.scores.us)).toBe(tenths(batch.metrics.scoreUS.p50));
    // The first game of the batch (its own records, drawn parameters) with the median score.
    const first = records.find((r) => tenths(r.scores.us) === tenths(batch.metrics.scoreUS.p50))!;
    expect(m.index).toBe(first.index);
    expect(m.params).toEqual(drawParams(prior, 'drawn', m.index));
    // Counted as the calibration counts them: drawn on their own; shareSyria follows from Iraq's and Jordan's.
    expect(m.drawn).toBe(drawnParams().length);
    expect(Object.keys(m.params).length).toBeGreaterThan(m.drawn);
    expect(m.debrief).toEqual(buildDebrief(playGame(sc, { seed: m.seed, ...arm(m.params) }), sc));
    const wars = records.filter((r) => r.verdict === 'regional-war');
    const deaths = records.filter((r) => r.metrics.usKilled > 0);
    const expected = wars[0] ?? deaths[0];
    expect(expected, 'this seed must give the test a notable game').toBeDefined();
    expect(s.notable!.index).toBe(expected!.index);
    expect(s.notable!.debrief.verdict.id).toBe(expected!.verdict);
    // The report's replay line carries every drawn parameter of that game.
    const html = renderReport({ batch, scenario: sc, stories: s });
    expect(html).toContain(
      `It played with the ${m.drawn} parameters it drew (and the shares that follow from them), not the point values.`,
    );
    // The stories' scores come with what they are: once, above both.
    expect(html.split(esc(NOT_A_CONTEST)).length - 1).toBe(1);
    // As the page's text reads when copied: the command's words, tags off.
    const commands = [...html.matchAll(/<code class="cmd">(.*?)<\/code>/gs)].map((c) =>
      c[1]!.replace(/<[^>]+>/g, '').replace(/&#39;/g, "'"),
    );
    const replay = commands.find((c) => c.includes(`--seed '${m.seed}'`));
    expect(replay, commands.join('\n')).toBeDefined();
    for (const [k, v] of Object.entries(m.params)) expect(replay).toContain(` --param ${k}=${v}`);
  });

  it('tells none when the distribution the batch drew from is not the one at hand', () => {
    const other = { kind: 'prior', priors: pinPriors(prior.kind === 'prior' ? prior.priors : {}, ['militiaAttackRate']) } as const;
    for (const dist of [undefined, other]) {
      const s = chooseStories(batch, sc, dist);
      expect(s.median).toBeUndefined();
      expect(s.notable).toBeUndefined();
      expect(s.notes.join(' ')).toMatch(/cannot be replayed here: each drew its parameters from prior:/);
    }
  });
});

describe('a game told in HTML', () => {
  it('shows every turning point of the debrief with each of its causes and concepts', () => {
    const state = playGame(sc, { seed: 'story', ...arm() });
    const d = buildDebrief(state, sc);
    const html = storyHtml(d, { id: 'x', heading: 'A game', why: 'Because.', replay: "brink run --seed 'story'" });
    const items = [
      ...html.matchAll(
        /<li><span class="when">(.*?)<\/span><br>(.*?)(?:<ul class="causes">(.*?)<\/ul>)?(?:<div class="tags">.*?<\/div>)?<\/li>/g,
      ),
    ];
    expect(items.map((m) => m[2])).toEqual(d.turningPoints.map((tp) => esc(tp.text)));
    d.turningPoints.forEach((tp, i) => {
      expect(items[i]![1]).toBe(`${dateHtml(tp.date)} · turn ${tp.turn + 1}`);
      const causes = [...(items[i]![3] ?? '').matchAll(/<li>(.*?)<\/li>/g)].map((m) => m[1]);
      expect(causes).toEqual(tp.chain.slice(1).map(esc));
    });
    expect(html).toContain(esc(d.verdict.title));
    expect(html).toContain(`US <b>${scoreText(d.scores.us)}</b>`);
  });

  it('says what decided the game in the words of the text debrief (one line for both)', () => {
    const state = playGame(sc, { seed: 'story', ...arm() });
    const d = buildDebrief(state, sc);
    const line = decisionLine(d);
    expect(line).toMatch(/^What decided it: .+\. /);
    expect(formatDebrief(d).split('\n')).toContain(line);
    expect(storyHtml(d, { id: 'x', heading: 'A game', why: 'Because.' })).toContain(` ${esc(line)}</p>`);
  });
});
