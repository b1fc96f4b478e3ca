/**
 * The strategy table's bookkeeping, with a stand-in runner whose figures are known: which pairings it
 * asks for and how each target is judged. (The figures themselves: npm run strategy.)
 */
import { describe, expect, it } from 'vitest';
import { NO_UNCERTAINTY, uncertaintyJson } from '../../src/analysis/uncertainty/distribution.ts';
import { portfolioIds } from '../../src/model/portfolio.ts';
import { measureStrategy, type Pairing, type PairedScore, type Runner, type Uncertainty } from '../../src/batch/strategy.ts';

/** A runner that scores arm B by a table keyed on the policy that differs from arm A. */
function fakeRunner(
  scoreOf: (policy: string) => number,
  asked: Pairing[] = [],
  uncertainty: Uncertainty = uncertaintyJson(NO_UNCERTAINTY),
): Runner {
  return async (p, runs) => {
    asked.push(p);
    const side = p.a.us !== p.b.us ? 'us' : 'iran';
    const other = side === 'us' ? 'iran' : 'us';
    const bPolicy = p.b[side] === p.a[side] ? p.b[other] : p.b[side];
    const b = scoreOf(bPolicy);
    const a = 50;
    const diff = { mean: b - a, ci95: [b - a - 1, b - a + 1] as const };
    const zero = { mean: 0, ci95: [0, 0] as const };
    const score: PairedScore = {
      runs,
      uncertainty,
      a: { us: a, iran: a },
      b: { us: b, iran: b },
      diff: side === 'us' ? { us: diff, iran: zero } : { us: zero, iran: diff },
      bIranDirectAttacks: bPolicy === 'random' ? 0.5 : 0,
      bRegionalWar: 0,
    };
    return score;
  };
}

describe('strategy targets', () => {
  it('an extreme passes only when its whole paired interval lies below zero', async () => {
    const checks = await measureStrategy(
      fakeRunner((p) => (p === 'always:us.major-campaign' ? 49.5 : 40)),
      { runs: 10, searchRuns: 2, sections: [1], scenarios: ['october-2023'] },
    );
    const campaign = checks.find((c) => c.name.includes('always:us.major-campaign'))!;
    expect(campaign.pass).toBe(false); // −0.5 ± 1 straddles zero
    expect(checks.filter((c) => c.name.includes('random')).every((c) => c.pass)).toBe(true);
    // reining in is an extreme only where the record shows Iran pressing
    expect(checks.some((c) => c.name.includes('always:iran.rein-in'))).toBe(true);
    const tower = await measureStrategy(
      fakeRunner(() => 40),
      { runs: 10, searchRuns: 2, sections: [1], scenarios: ['tower-22'] },
    );
    expect(tower.some((c) => c.name.includes('always:iran.rein-in'))).toBe(false);
  });

  it('choices matter: best − worst of the non-random bots, ≥ 10 points; searching bots use the smaller game count', async () => {
    const asked: Pairing[] = [];
    const checks = await measureStrategy(
      fakeRunner((p) => ({ hawk: 45, dove: 62, 'tit-for-tat': 55, search: 58 })[p] ?? 50, asked),
      { runs: 10, searchRuns: 2, sections: [2], scenarios: ['rafah'] },
    );
    expect(checks.map((c) => c.pass)).toEqual([true, true]);
    expect(checks[0]!.figures).toContain('dove 62.0 − hawk 45.0 = 17.0');
    expect(asked.some((p) => p.b.us === 'random' || p.b.iran === 'random')).toBe(false);
    // every shipped bot but random, the difficulty levels among them, on the smaller game count
    const usBots = asked.filter((p) => p.a.us !== p.b.us).map((p) => p.b.us);
    expect(usBots).toEqual(['hawk', 'dove', 'tit-for-tat', 'search', 'easy', 'hard']);
    // a detail line gives every bot's mean, best first, before the check
    const rows: string[] = [];
    await measureStrategy(
      fakeRunner((p) => ({ hawk: 45, dove: 62, 'tit-for-tat': 55, search: 58, hard: 40 })[p] ?? 50),
      { runs: 10, searchRuns: 2, sections: [2], scenarios: ['rafah'], detail: (l) => rows.push(l) },
    );
    expect(rows[0]).toBe(
      '     [2] rafah us: dove 62.0 · search 58.0 · tit-for-tat 55.0 · historical 50.0 · easy 50.0 · hawk 45.0 · hard 40.0 · point values',
    );
    const noSearch = await measureStrategy(
      fakeRunner(() => 50, []),
      { runs: 10, searchRuns: 2, sections: [2], scenarios: ['rafah'], noSearch: true },
    );
    expect(noSearch.every((c) => !c.pass)).toBe(true);
  });

  it('choices matter: a bot played on fewer games is anchored on the historical mean over the most games plus its paired difference', async () => {
    // The search's two seeds are unlucky for both arms: historical 42 and search 50 there, against the
    // historical policy's 50 over ten games. Paired, the search is +8 better: 58, not its raw 50.
    const runner: Runner = async (p, runs) => {
      const few = runs === 2;
      const a = few ? 42 : 50;
      const b = p.b.us === 'search' ? 50 : p.b.us === 'dove' ? 49 : 50;
      const d = { mean: b - a, ci95: [b - a - 1, b - a + 1] as const };
      const zero = { mean: 0, ci95: [0, 0] as const };
      return {
        runs,
        uncertainty: uncertaintyJson(NO_UNCERTAINTY),
        a: { us: a, iran: 50 },
        b: { us: b, iran: 50 },
        diff: { us: p.a.us !== p.b.us ? d : zero, iran: zero },
        bIranDirectAttacks: 0,
        bRegionalWar: 0,
      };
    };
    const [us] = await measureStrategy(runner, { runs: 10, searchRuns: 2, sections: [2], scenarios: ['october-2023'] });
    expect(us!.figures).toBe('search 58.0 (50.0 +8.0 paired on 2 games) − dove 49.0 = 9.0');
    expect(us!.pass).toBe(false);
  });

  it("difficulty passes only when the human's mean falls easy > normal > hard", async () => {
    const ordered = await measureStrategy(
      fakeRunner((p) => ({ easy: 60, hard: 40 })[p] ?? 50),
      { runs: 4, searchRuns: 2, sections: [4], scenarios: ['tower-22'] },
    );
    expect(ordered.map((c) => c.pass)).toEqual([true, true]);
    const inverted = await measureStrategy(
      fakeRunner((p) => ({ easy: 40, hard: 60 })[p] ?? 50),
      { runs: 4, searchRuns: 2, sections: [4], scenarios: ['tower-22'] },
    );
    expect(inverted.map((c) => c.pass)).toEqual([false, false]);
  });

  it("difficulty prints each stand-in's row (Normal, Easy, Hard) before the check, as detail rather than a check", async () => {
    const rows: string[] = [];
    const checks = await measureStrategy(
      fakeRunner((p) => ({ easy: 60, hard: 40 })[p] ?? 50),
      { runs: 4, searchRuns: 2, sections: [4], scenarios: ['tower-22'], detail: (l) => rows.push(l) },
    );
    expect(checks).toHaveLength(2);
    expect(rows).toHaveLength(8);
    expect(rows[0]).toMatch(/tower-22 human us as historical: normal 50\.0 · easy 60\.0 \(.*war 0 %\) · hard 40\.0 \(.*\) · point values$/);
    expect(
      rows.map((r) =>
        r
          .match(/human (\w+) as ([\w-]+)/)!
          .slice(1)
          .join(' '),
      ),
    ).toEqual(['us historical', 'us tit-for-tat', 'us hawk', 'us dove', 'iran historical', 'iran tit-for-tat', 'iran hawk', 'iran dove']);
  });

  it('Iranian direct attacks are read from the random-US pairing', async () => {
    const checks = await measureStrategy(
      fakeRunner(() => 40),
      { runs: 4, searchRuns: 2, sections: [5], scenarios: ['red-sea'] },
    );
    expect(checks).toHaveLength(1);
    expect(checks[0]!.pass).toBe(true);
  });

  it('every check and every printed line says which parameters its figures were played under', async () => {
    const lines: string[] = [];
    const posterior = { mode: 'posterior', distribution: 'posterior:0123456789abcdef', bands: 'dice+parameters' } as const;
    const checks = await measureStrategy(
      fakeRunner(() => 40, [], posterior),
      {
        runs: 4,
        searchRuns: 2,
        sections: [1, 2, 4, 5],
        scenarios: ['red-sea'],
        log: (line) => lines.push(line),
      },
    );
    expect(new Set(checks.map((c) => c.section))).toEqual(new Set([1, 2, 4, 5]));
    expect(checks.every((c) => c.uncertainty === posterior)).toBe(true);
    expect(lines).toHaveLength(checks.length);
    expect(lines.every((l) => l.endsWith('· posterior draws'))).toBe(true);
    const point: string[] = [];
    await measureStrategy(
      fakeRunner(() => 40),
      { runs: 4, searchRuns: 2, sections: [5], scenarios: ['red-sea'], log: (l) => point.push(l) },
    );
    expect(point[0]).toMatch(/· point values$/);
  });

  it('every fixed order (section 6): one pairing an order, figures only, and the spread with and without a direct clash', async () => {
    const asked: Pairing[] = [];
    const rows: string[] = [];
    // A campaign (rung 7) costs 20 points, a strike on the IRGC (rung 8) 40, on Iran (rung 9) 60; a show of
    // force gains 3; everything else scores the historical 50.
    const score = (p: string) =>
      p.includes('us.strike-iran')
        ? -10
        : p.includes('us.strike-irgc')
          ? 10
          : p.includes('us.major-campaign')
            ? 30
            : p.includes('us.show-of-force')
              ? 53
              : 50;
    const checks = await measureStrategy(fakeRunner(score, asked), {
      runs: 4,
      searchRuns: 2,
      sections: [6],
      scenarios: ['rafah'],
      detail: (l) => rows.push(l),
    });
    expect(checks).toEqual([]);
    const usOrders = asked.filter((p) => p.b.us !== p.a.us).map((p) => p.b.us);
    expect(usOrders).toEqual(portfolioIds('us').map((id) => `always:${id}`));
    expect(asked.filter((p) => p.b.iran !== p.a.iran)).toHaveLength(portfolioIds('iran').length);
    const summary = rows.find((r) => r.startsWith('     [6] rafah us:'))!;
    expect(summary).toContain('every fixed order: always:us.show-of-force+');
    expect(summary).toMatch(/− always:us\.strike-iran\+[\w.-]+ -10\.0 = 63\.0 /);
    expect(summary).toMatch(
      /short of a direct clash \(rung < 8\): always:us\.show-of-force\+[\w.-]+ 53\.0 − always:us\.major-campaign\+[\w.-]+ 30\.0 = 23\.0 · point values$/,
    );
    // The rows come best first, one an order.
    const usRows = rows.filter((r) => r.startsWith('     [6] rafah us always:'));
    expect(usRows).toHaveLength(portfolioIds('us').length);
    expect(usRows[0]).toContain('show-of-force');
    expect(usRows.at(-1)).toContain('strike-iran');
    // Not played unless asked for.
    const none: Pairing[] = [];
    await measureStrategy(fakeRunner(score, none), { runs: 4, searchRuns: 2, scenarios: ['rafah'], noSearch: true });
    expect(none.some((p) => p.b.us.startsWith('always:us.show-of-force'))).toBe(false);
  });
});
