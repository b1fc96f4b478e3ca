/**
 * A score's breakdown adds up as shown: every part to one decimal, the parts summing to the total shown,
 * wherever the breakdown is shown (the Goals pane and the debrief screen, the text debrief, the report's
 * stories). A sum of lines below 0 or above 100 shows what keeping the score within 0–100 added or took,
 * as a part of its own, in the words the Goals pane's note uses.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildDebrief, formatDebrief, type Debrief } from '../../src/analysis/debrief/debrief.ts';
import { scoreLineLabel, scoresLines, scoreText } from '../../src/analysis/render.ts';
import { rungName } from '../../src/model/ladder.ts';
import { KEPT_BETWEEN, KEPT_LABEL, scoreGroups, shownParts, tenthsAddingUp } from '../../src/analysis/score-groups.ts';
import { scoreLines, scoreOf, scoresOf, type ScoreLine, type ScoreTerm } from '../../src/engine/outcome.ts';
import { getPolicy } from '../../src/policies/index.ts';
import { playGame } from '../../src/policies/play.ts';
import { storyHtml } from '../../src/report/story.ts';
import { goalLines } from '../../src/ui/goals.ts';
import { scenario } from '../helpers/fixtures.ts';
import { verdictDanger } from '../../src/analysis/render.ts';
import { VERDICT_IDS } from '../../src/batch/record.ts';

/** Tenths as integers, so that sums are exact. */
const t = (x: number) => Math.round(x * 10) + 0; // + 0: -0 is 0
const sumTenths = (xs: readonly number[]) => xs.reduce((s, x) => s + t(x), 0);

const TERMS: readonly ScoreTerm[] = [
  'us-deaths',
  'attacks-on-us',
  'regional-war',
  'shipping',
  'deterrence',
  'pressure',
  'fronts',
  'escalation',
];
const CITES = ['O-USA-01', 'O-USA-02', 'O-USA-03', 'O-IRN-03', 'R-IRN-02', 'R-SYS-05'];

/** Points as the scoring makes them: weights times fractions, counts, and plain tenths and hundredths. */
const points = fc.oneof(
  fc.double({ min: -80, max: 80, noNaN: true, noDefaultInfinity: true }),
  fc.integer({ min: -800, max: 800 }).map((n) => n / 10),
  fc.integer({ min: -8000, max: 8000 }).map((n) => n / 100),
  fc.constant(0),
);

const line = fc.record({
  term: fc.constantFrom(...TERMS),
  points,
  cites: fc.subarray(CITES, { minLength: 1, maxLength: 2 }),
});

/** A side's score lines: a starting score (or none), then any lines. */
const scoreLinesArb: fc.Arbitrary<ScoreLine[]> = fc
  .tuple(fc.constantFrom(0, 50, 100), fc.array(line, { maxLength: 12 }))
  .map(([base, ls]) => [...(base ? [{ term: 'baseline' as const, points: base, cites: ['O-USA-01'] }] : []), ...ls]);

describe('the breakdown as shown adds up', () => {
  it('tenthsAddingUp: parts within a tenth of their values, summing to the total, a part of 0 kept at 0', () => {
    fc.assert(
      fc.property(fc.array(points, { minLength: 1, maxLength: 14 }), (values) => {
        const total = Math.round(values.reduce((s, v) => s + v, 0) * 10) / 10;
        const shown = tenthsAddingUp(values, total);
        expect(sumTenths(shown)).toBe(t(total));
        shown.forEach((s, i) => {
          expect(Math.abs(s - values[i]!)).toBeLessThan(0.1 + 1e-9);
          if (values[i] === 0) expect(s).toBe(0);
        });
      }),
    );
  });

  it('rounds so that small parts still add up: 50 + 0.04 × 3 shows 50.1, with one part at 0.1', () => {
    const lines: ScoreLine[] = [
      { term: 'baseline', points: 50, cites: ['O-IRN-01'] },
      ...[0, 1, 2].map((): ScoreLine => ({ term: 'pressure', points: 0.04, cites: ['R-IRN-02'] })),
    ];
    const g = scoreGroups(lines);
    expect(g.total).toBe(50.1);
    expect(lines.map(g.shownOf)).toEqual([50, 0.1, 0, 0]);
    expect(sumTenths(shownParts(g).map((p) => p.shown))).toBe(t(g.total));
  });

  it('shows the limit as a part: 50 − 50 − 1.5 is a score of 0.0, with the 1.5 the limit added', () => {
    const lines: ScoreLine[] = [
      { term: 'baseline', points: 50, cites: ['O-IRN-01'] },
      { term: 'regional-war', happened: true, points: -50, cites: ['O-IRN-02'] },
      { term: 'proxy-capability', points: -1.5, cites: ['O-IRN-05'] },
    ];
    const g = scoreGroups(lines);
    expect(g.total).toBe(0);
    expect(g.kept.shown).toBe(1.5);
    expect(shownParts(g).at(-1)).toEqual({ shown: 1.5 });
    expect(KEPT_LABEL).toContain(KEPT_BETWEEN);
  });

  it('for any score lines: lines, groups, the starting score and the limit add up to the score outcome() gives', () => {
    fc.assert(
      fc.property(scoreLinesArb, (lines) => {
        const g = scoreGroups(lines);
        const raw = lines.reduce((s, l) => s + l.points, 0);
        expect(g.total).toBe(scoreOf(lines));
        expect(g.total).toBe(scoresOf({ us: lines, iran: lines }).us);
        // The limit's part is there only where the lines leave 0–100, and pushes back toward the range.
        if (raw >= 0 && raw <= 100) expect(g.kept.points).toBe(0);
        if (raw < 0) expect(g.kept.points).toBeGreaterThan(0);
        if (raw > 100) expect(g.kept.points).toBeLessThan(0);
        for (const l of lines) expect(Math.abs(g.shownOf(l) - l.points)).toBeLessThan(0.1 + 1e-9);
        expect(t(g.start.shown)).toBe(sumTenths(g.start.lines.map(g.shownOf)));
        for (const o of g.objectives) expect(t(o.shown)).toBe(sumTenths(o.lines.map(g.shownOf)));
        expect(t(g.start.shown) + sumTenths(g.objectives.map((o) => o.shown)) + t(g.kept.shown)).toBe(t(g.total));
        expect(sumTenths(shownParts(g).map((p) => p.shown))).toBe(t(g.total));
      }),
      { numRuns: 500 },
    );
  });

  it('the Goals pane (and the debrief screen, which shares its breakdown): the figures shown add up to the score shown', () => {
    fc.assert(
      fc.property(scoreLinesArb, fc.integer({ min: 40, max: 120 }), (lines, width) => {
        const g = scoreGroups(lines);
        const rows = goalLines({ side: 'iran', ...g }, width).map((r) => r.text);
        const score = Number(/Your score: (\d+\.\d) of 100/.exec(rows.join(' '))![1]);
        expect(score).toBe(g.total);
        // Group rows (the starting score, each objective, the limit) are indented at most 7; their lines 16.
        const figures = rows.map((r) => /^( *)([+-]\d+\.\d) {2}(.*)/.exec(r)).filter((m) => m !== null);
        const heads = figures.filter((m) => m[1]!.length + m[2]!.length <= 7);
        expect(sumTenths(heads.map((m) => Number(m[2])))).toBe(t(score));
        // Within an objective's group, its lines add up to it (the starting score and the limit list none).
        let open: { figure: number; lines: number[] } | undefined;
        const check = () => open && expect(sumTenths(open.lines)).toBe(t(open.figure));
        for (const m of figures) {
          if (m[1]!.length + m[2]!.length <= 7) {
            check();
            open = m[3]!.startsWith('Starting score') || m[3]!.startsWith(KEPT_LABEL) ? undefined : { figure: Number(m[2]), lines: [] };
          } else open?.lines.push(Number(m[2]));
        }
        check();
        expect(rows.some((r) => r.includes(KEPT_LABEL))).toBe(g.kept.shown !== 0);
        expect(rows.join(' ')).toContain(`The score is ${KEPT_BETWEEN}.`);
      }),
      { numRuns: 200 },
    );
  });
});

describe('the one-line breakdowns: the text debrief and the report', () => {
  const sc = scenario('tower-22');
  const state = playGame(sc, { seed: 'sg-1', us: getPolicy('historical', 'us'), iran: getPolicy('historical', 'iran') });
  const real = buildDebrief(state, sc);

  /** The debrief of the game with other score lines put in: its scores are what the lines give. */
  const withLines = (us: ScoreLine[], iran: ScoreLine[]): Debrief => ({
    ...real,
    scores: scoresOf({ us, iran }),
    breakdown: {
      us: us.map((l) => ({ ...l, label: scoreLineLabel(l) })),
      iran: iran.map((l) => ({ ...l, label: scoreLineLabel(l) })),
    },
  });

  /** "label +1.5 · label -2.0": the figures at the end of each part. */
  const partsOf = (text: string) => text.split(' · ').map((p) => Number(/([+-]\d+\.\d)$/.exec(p.trim())![1]));

  it('the parts each prints add up to the score it prints, the limit named where it acted', () => {
    fc.assert(
      fc.property(scoreLinesArb, scoreLinesArb, (us, iran) => {
        const d = withLines(us, iran);
        const text = formatDebrief(d);
        const html = storyHtml(d, { id: 's', heading: 'h', why: 'w' }).replace(/&nbsp;/g, ' ');
        for (const side of ['us', 'iran'] as const) {
          const name = side === 'us' ? 'US' : 'Iran';
          const g = scoreGroups(d.breakdown[side]);
          const textParts = new RegExp(`^  ${name} score: (.*)$`, 'm').exec(text)![1]!;
          const htmlParts = new RegExp(
            `${name} <b>${scoreText(d.scores[side]).replace('.', '\\.')}</b> \\((.*?)\\)(?: · Iran <b>|\\.<br>)`,
          ).exec(html)![1]!;
          for (const parts of [textParts, htmlParts]) {
            if (parts === 'no points' || parts === '') {
              expect(d.scores[side]).toBe(0);
              continue;
            }
            expect(sumTenths(partsOf(parts))).toBe(t(d.scores[side]));
            expect(parts.includes(KEPT_LABEL)).toBe(g.kept.shown !== 0);
          }
        }
      }),
      { numRuns: 150 },
    );
  });
});

describe("the deterrence line's words", () => {
  it('say the lull it guards is in Iraq and Jordan, which a week of attacks in Syria alone does not break', () => {
    let syriaOnly = 0;
    for (let seed = 0; seed < 40; seed++) {
      const state = playGame(scenario('october-2023'), {
        seed: `lull:${seed}`,
        us: getPolicy('tit-for-tat', 'us'),
        iran: getPolicy('historical', 'iran'),
      });
      const line = scoreLines(state).us.find((l) => l.term === 'deterrence')!;
      const last = state.history.at(-1)!;
      expect(line.happened).toBe(!state.world.regionalWar && last.attacksOnUSIraq + last.attacksOnUSJordan === 0);
      expect(scoreLineLabel(line).endsWith('guarding a lull in Iraq and Jordan')).toBe(line.happened);
      if (line.happened && last.attacksOnUSSyria > 0) syriaOnly++;
    }
    // The case a newcomer misread: the credit beside a last week of attacks in Syria.
    expect(syriaOnly).toBeGreaterThan(0);
  });
});

describe('what the two scores are', () => {
  it('every ending says them with the words that they are not a contest: the text debrief, which brink run, play and replay print', () => {
    const state = playGame(scenario('tower-22'), { seed: '7', us: getPolicy('historical', 'us'), iran: getPolicy('historical', 'iran') });
    const d = buildDebrief(state, scenario('tower-22'));
    const [scores, note] = scoresLines(d.scores, d.peakRung);
    expect(scores).toBe(
      `Scores: US ${scoreText(d.scores.us)} · Iran ${scoreText(d.scores.iran)} · peak rung ${d.peakRung} ${rungName(d.peakRung)}`,
    );
    expect(note).toContain('not a contest');
    expect(formatDebrief(d)).toContain(`${scores}\n${note}\n`);
  });
});

describe("a verdict's colour", () => {
  it('says how near war the game ended, never who won: a drawdown (Iran’s aim) is not coloured as good', () => {
    expect(VERDICT_IDS.map((v) => [v, verdictDanger(v)])).toEqual([
      ['regional-war', 'war'],
      ['drawdown', 'none'],
      ['calm-restored', 'none'],
      ['brinkmanship', 'brink'],
      ['simmering', 'none'],
    ]);
  });
});
