import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { capture } from '../../helpers/cli.ts';
import {
  BACKTEST_SCENARIOS,
  formatBacktest,
  gamesText,
  MIN_BAND_GAMES,
  pointValuesAgainstRecord,
  runBacktest,
  quantileText,
  simulatedText,
  type BacktestOptions,
  type BacktestRow,
} from '../../../src/analysis/backtest/backtest.ts';
import { judgeFigure, midRank, overallFailures, quantile } from '../../../src/analysis/record/judge.ts';
import { loadRecord } from '../../../src/analysis/record/table.ts';
import { factById } from '../../../src/model/evidence.ts';
import { getPolicy } from '../../../src/policies/index.ts';
import { main } from '../../../src/cli/main.ts';
import { figuresCiting } from '../../../src/analysis/explain/record-check.ts';
import { PARAM_SPECS } from '../../../src/model/params.ts';
import { loadPosterior, SHIPPED_POSTERIOR } from '../../../src/analysis/calibration/posterior-file.ts';
import { posteriorDistribution } from '../../../src/analysis/uncertainty/distribution.ts';

describe('backtest on the shipped scenarios', () => {
  // 200 games per scenario keeps the file fast; `brink backtest` defaults to 1,000.
  const result = runBacktest({ runs: 200, seed: 'test' });

  it('has one row per record figure of seeds/record.yaml, each citing facts that exist, over all three historical scenarios', () => {
    expect(result.rows.map((r) => r.id).sort()).toEqual(
      loadRecord()
        .figures.map((f) => f.id)
        .sort(),
    );
    expect(new Set(result.rows.map((r) => r.scenario))).toEqual(new Set(BACKTEST_SCENARIOS));
    expect(result.conditioned).toBe(true);
    for (const row of result.rows) {
      for (const f of row.facts) expect(factById(f), `${row.id} cites ${f}`).toBeDefined();
      expect(row.games).toBeGreaterThan(180);
      expect(row.band[0]).toBeLessThanOrEqual(row.median);
      expect(row.median).toBeLessThanOrEqual(row.band[1]);
    }
  });

  it("reads the record's values from the evidence", () => {
    expect(result.rows.find((r) => r.id === 'attacks-by-2-feb')!.record[0]).toBe(factById('F-01')!.figures!.attacks);
    expect(result.rows.find((r) => r.id === 'us-response-after-deaths')!.record[0]).toBe(factById('F-09')!.figures!.strikesMin);
    expect(result.rows.find((r) => r.id === 'syria-after-halt')!.record).toEqual([
      factById('F-03')!.figures!.syriaPerWeek,
      factById('F-03')!.figures!.syriaPerWeekAlt,
    ]);
  });

  it('passes: every floor reachable, every usual outcome kept, at most one figure outside its 5–95 % band', () => {
    const outside = result.rows.filter((r) => !r.pass).map((r) => `${r.id} [${r.facts.join(', ')}]: ${r.failures.join('; ')}`);
    expect(outside.length, outside.join('\n')).toBeLessThanOrEqual(1);
    expect(result.failures).toEqual([]);
    expect(result.pass).toBe(true);
  });

  it("conditions on the record: no fatal attack before 28 Jan, and the record's on that day, in every october-2023 game", () => {
    const fatalOnly = runBacktest({ runs: 60, seed: 'cond', scenarios: ['october-2023'], figures: ['attacks-by-2-feb'] });
    const plain = runBacktest({ runs: 60, seed: 'cond', scenarios: ['october-2023'], figures: ['attacks-by-2-feb'], conditioned: false });
    expect(plain.conditioned).toBe(false);
    // Without the early brake a death would set off, conditioned games reach more attacks by 2 Feb.
    expect(fatalOnly.rows[0]!.median).toBeGreaterThan(plain.rows[0]!.median);
  });

  it('is reproducible from its seed', () => {
    const again = runBacktest({ runs: 30, seed: 'repro', scenarios: ['tower-22'] });
    const twice = runBacktest({ runs: 30, seed: 'repro', scenarios: ['tower-22'] });
    expect(twice).toEqual(again);
  });
});

/**
 * Every check can fail: for each figure, mis-set what drives it (a parameter, or the policy for a check
 * about choices) and the figure's row fails, where it passes at the defaults (the test above).
 */
describe('each check fails when what drives it is mis-set', () => {
  const row = (id: string, options: Omit<BacktestOptions, 'runs' | 'seed'>) => {
    const scenario = loadRecord().figures.find((f) => f.id === id)!.scenario as (typeof BACKTEST_SCENARIOS)[number];
    return runBacktest({ runs: 120, seed: 'mis-set', scenarios: [scenario], figures: [id], ...options }).rows[0]!;
  };
  const cases: readonly [string, string, Omit<BacktestOptions, 'runs' | 'seed'>][] = [
    ['attacks-by-2-feb', 'militiaAttackRate = 0.8 a day (half the cited rate)', { params: { militiaAttackRate: 0.8 } }],
    ['us-response-after-deaths', 'campaignStrikeCount = 8', { params: { campaignStrikeCount: 8 } }],
    ['iraq-after-halt', 'iraqRogueRate = 0.5 a day', { params: { iraqRogueRate: 0.5 } }],
    ['syria-after-halt', 'syriaRestrainedRate = 1 a day', { params: { syriaRestrainedRate: 1 } }],
    ['lull-after-leadership-strike', 'syriaRogueRate = 0.5 a day', { params: { syriaRogueRate: 0.5, syriaRestrainedRate: 0.5 } }],
    [
      'iraq-quiet-after-deaths',
      'halt orders taking 2–3 weeks to arrive',
      { params: { directiveLagMinDays: 14, directiveLagMaxDays: 21, envoyLagMinDays: 14, envoyLagMaxDays: 21 } },
    ],
    ['houthi-tempo-from-november', 'houthiAttackRate = 1.5 a day', { params: { houthiAttackRate: 1.5 } }],
    ['houthi-spell-mid-february', 'houthiAttackRate = 0.05 a day', { params: { houthiAttackRate: 0.05 } }],
    ...(['october-2023', 'red-sea', 'tower-22'] as const).map((s): [string, string, Omit<BacktestOptions, 'runs' | 'seed'>] => [
      `no-strike-on-iran-${s}`,
      'a US bot that strikes Iran every turn',
      { policies: { us: getPolicy('always:us.strike-iran', 'us') } },
    ]),
    ...(['october-2023', 'red-sea', 'tower-22'] as const).map((s): [string, string, Omit<BacktestOptions, 'runs' | 'seed'>] => [
      `no-war-${s}`,
      'warShockBase = 0.05 (war as a weekly dice roll)',
      { params: { warShockBase: 0.05 } },
    ]),
  ];

  it('covers every figure of the table', () => {
    expect(cases.map((c) => c[0]).sort()).toEqual(
      loadRecord()
        .figures.map((f) => f.id)
        .sort(),
    );
  });

  for (const [id, what, options] of cases) {
    it(`${id} fails with ${what}`, () => {
      const r = row(id, options);
      expect(r.id).toBe(id);
      expect(r.pass, `${id}: ${r.failures.join('; ')} median ${r.median}`).toBe(false);
      expect(r.failures.length).toBeGreaterThan(0);
    });
  }

  it('an out-of-range override is refused before any game is played', () => {
    expect(() => runBacktest({ runs: 1, seed: 'x', params: { militiaAttackRate: 99 } })).toThrow(/between 0 and 10/);
  });

  it('brink backtest exits 1 on a failing check and prints the failure', async () => {
    const c = capture();
    const code = await main(['backtest', '--runs', '40', '--seed', 'cli', '--param', 'militiaAttackRate=0.8'], c.io);
    expect(code).toBe(1);
    const out = c.out.join('\n');
    // Each row is headed by the figure's ID (what brink explain and calibrate --report call it), then its facts.
    expect(out).toMatch(/FAIL {2}attacks-by-2-feb · F-01, D-04 · october-2023/);
    expect(out).toMatch(/Backtest fails: attacks-by-2-feb fails/);
  });

  it('brink backtest --json prints brink.backtest/2; a bad flag exits 2', async () => {
    const c = capture();
    await main(['backtest', '--runs', '20', '--json', '--param', 'militiaAttackRate=3'], c.io);
    const json = JSON.parse(c.out.join('\n')) as {
      schema: string;
      rows: unknown[];
      params: Record<string, number>;
      uncertainty: { mode: string };
    };
    expect(json.schema).toBe('brink.backtest/2');
    expect(json.rows.length).toBe(loadRecord().figures.length);
    expect(json.params).toEqual({ militiaAttackRate: 3 });
    expect(json.uncertainty.mode).toBe('none');
    const bad = capture();
    expect(await main(['backtest', '--param', 'noSuchParam=1'], bad.io)).toBe(2);
    expect(bad.err.join('\n')).toContain("unknown parameter 'noSuchParam'");
  });
});

describe('the posterior predictive check', () => {
  const posterior = posteriorDistribution(loadPosterior(SHIPPED_POSTERIOR));

  it('with the shipped posterior the record figures lie inside their posterior predictive bands', () => {
    const r = runBacktest({ runs: 200, seed: 'ppc', uncertainty: posterior });
    expect(r.uncertainty.mode).toBe('posterior');
    expect(
      r.failures,
      r.rows
        .filter((x) => !x.pass)
        .map((x) => `${x.id}: ${x.failures.join('; ')}`)
        .join('\n'),
    ).toEqual([]);
    expect(r.rows.filter((x) => !x.pass).length).toBeLessThanOrEqual(1);
  });

  it("draws each game's parameters, so its bands include what we do not know: wider than the point values'", () => {
    const width = (u?: typeof posterior) => {
      const row = runBacktest({
        runs: 150,
        seed: 'width',
        scenarios: ['october-2023'],
        figures: ['attacks-by-2-feb'],
        ...(u ? { uncertainty: u } : {}),
      }).rows[0]!;
      return row.band[1] - row.band[0];
    };
    expect(width(posterior)).toBeGreaterThan(width());
  });

  it('a count band is written whole and a weekly rate to one decimal; only the text is rounded', () => {
    const range = (lo: number, hi: number) => ({ kind: 'range' as const, record: [lo, hi] as const });
    expect(simulatedText({ per: 'total', median: 219.5, band: [160.7, 360.65], unit: 'attacks', ...range(160, 360) })).toBe(
      'simulated median 220, 5–95 % 161–361 attacks',
    );
    expect(simulatedText({ per: 'week', median: 3.57, band: [0.25, 6], unit: 'attacks/week', ...range(3, 4) }, 'predicted')).toBe(
      'predicted median 3.6, 5–95 % 0.3–6.0 attacks/week',
    );
  });

  it("a value outside the record's reading never prints as one of its ends or inside it", () => {
    // The playtest: syria-after-halt's median 2/3 read "0.7" beside a record of 0.7–0.93.
    const syria = { per: 'week' as const, unit: 'attacks/week', kind: 'range' as const, record: [0.7, 0.93] as const };
    expect(simulatedText({ ...syria, median: 2 / 3, band: [0.3333, 0.9333] })).toBe('simulated median 0.67, 5–95 % 0.3–0.933 attacks/week');
    const floor = { per: 'total' as const, unit: 'attacks', kind: 'floor' as const, record: [170, 170] as const };
    expect(simulatedText({ ...floor, median: 169.6, band: [120, 400.4] })).toBe('simulated median 169.6, 5–95 % 120–400 attacks');
    const value = fc.double({ min: 0, max: 1e4, noNaN: true });
    fc.assert(
      fc.property(value, value, value, value, value, fc.constantFrom('total' as const, 'week' as const), (m, a, b, r1, r2, per) => {
        const [lo, hi] = [Math.min(r1, r2), Math.max(r1, r2)];
        const text = simulatedText({ per, median: m, band: [a, b], unit: 'u', kind: 'range', record: [lo, hi] });
        const m3 = /^simulated median (\S+), 5–95 % (\S+)–(\S+) u$/.exec(text);
        expect(m3, text).not.toBeNull();
        [m, a, b].forEach((x, i) => {
          const shown = m3![i + 1]!;
          const usual = per === 'total' ? x.toFixed(0) : x.toFixed(1);
          const side = (v: number) => (v < lo ? -1 : v > hi ? 1 : 0);
          // Outside the record it stays outside, on its side; otherwise it is written as usual.
          if (side(x) !== 0 && side(Number(usual)) !== side(x)) {
            expect(shown.length, `${x} beside ${lo}–${hi}`).toBeGreaterThan(usual.length);
            if (Math.abs(x - (x < lo ? lo : hi)) > 10 ** -(per === 'total' ? 4 : 5))
              expect(side(Number(shown)), `${x} → ${shown}`).toBe(side(x));
          } else expect(shown).toBe(usual);
        });
      }),
    );
  });

  it('brink explain <fact-id> shows the same check for the figures behind the fact', async () => {
    const c = capture();
    expect(await main(['explain', 'F-03', '--runs', '30'], c.io)).toBe(0);
    const out = c.out.join('\n');
    // It names the backtest command that gives these very figures (explain's defaults differ from the
    // backtest's), and that command does give them.
    const named = /the same figures as (brink backtest[^)]*)\)/.exec(out)?.[1];
    expect(named).toBe('brink backtest --uncertainty posterior --runs 30');
    const b = capture();
    expect(await main([...named!.split(' ').slice(1), '--json'], b.io)).toBe(0);
    const rows = (JSON.parse(b.out.join('')) as { rows: BacktestRow[] }).rows;
    const ids = figuresCiting('F-03');
    expect(ids.length).toBeGreaterThan(0);
    for (const id of ids) {
      const row = rows.find((r) => r.id === id)!;
      expect(out).toContain(`${id} (${row.scenario}): record ${row.recordText}, ${simulatedText(row)} (posterior draws)`);
    }
    // Which parameters, next to the numbers, and how to get the backtest's default: a reader who ran both sees why they differ.
    expect(out).toMatch(
      /Played under posterior draws: each game draws its parameters from the calibrated posterior \(posterior:[0-9a-f]{16}\).* For the point values \(brink backtest's default\), add --uncertainty none\./,
    );
    expect(out).toMatch(
      /iraq-after-halt \(tower-22\): record 0, simulated median \d+, 5–95 % \d+–\d+ attacks \(posterior draws\); record's quantile 0\.\d+: (pass|fail|outside)/,
    );
    expect(out).toMatch(
      /syria-after-halt \(tower-22\): record [^,]+, simulated median \d+\.\d, 5–95 % \d+\.\d–\d+\.\d attacks\/week \(posterior draws\);/,
    );
    expect(out).toMatch(/syria-after-halt \(tower-22\)/);
    // A fact behind no record figure gets no check.
    const none = capture();
    expect(await main(['explain', 'F-17'], none.io)).toBe(0);
    expect(none.out.join('\n')).not.toMatch(/against the record/);
  });
});

describe('which parameters a record check was played under', () => {
  it('brink backtest says so next to each figure, and how to play it as brink explain does by default', async () => {
    const c = capture();
    await main(['backtest', '--runs', '20'], c.io);
    const out = c.out.join('\n');
    expect(out).toMatch(/^Backtest · 20 games per scenario · seed 1 · point values$/m);
    expect(out).toContain('Played at the point values: every parameter held at one value, so the bands are dice only.');
    expect(out).toMatch(/record at least 170 · simulated median \d+, 5–95 % \d+–\d+ attacks \(point values\) ·/);
  });

  it('at the point values the header says the calibrated posterior is the better-supported run, how to play it, and the point values the record argues against', async () => {
    const outside = pointValuesAgainstRecord();
    // The shipped posterior puts at least one point value outside its 90 % range (militiaAttackRate, at this writing).
    expect(outside.length).toBeGreaterThan(0);
    for (const p of outside) {
      const [lo, hi] = p.shift.posterior;
      expect(p.value < lo || p.value > hi).toBe(true);
      expect(p.value).toBe(PARAM_SPECS[p.id].value);
    }
    const c = capture();
    await main(['backtest', '--runs', '20', '--seed', 'hdr'], c.io);
    const out = c.out.join('\n');
    const header = out.split('\n')[1]!;
    expect(header).toMatch(
      /The calibrated posterior is the better-supported run .*: for it \(brink explain's default\), add --uncertainty posterior\.$/,
    );
    for (const p of outside) expect(header).toContain(`${p.id} `);
    // Said once: the old "For posterior draws" sentence is not printed beside it.
    expect(out.match(/--uncertainty posterior/g)!.length).toBe(
      1 + out.split('\n').filter((l) => l.includes('note:') && l.includes('--uncertainty posterior')).length,
    );
    expect(out).not.toContain('For posterior draws');
    // Under a figure resting on a fact that an argued-against parameter cites: a note naming it.
    const driven = loadRecord().figures.filter((f) => outside.some((p) => PARAM_SPECS[p.id].cites.some((x) => f.facts.includes(x))));
    expect(driven.length).toBeGreaterThan(0);
    for (const f of driven) {
      const block = out.slice(out.indexOf(`  ${f.id} · `)).split(/\n(?=PASS|MISS|FAIL|\n)/)[0]!;
      expect(block).toMatch(/note: \w+, which rests on [A-Z]-\d+.* as this figure does, is played at .* its posterior's 90 % range/);
    }
    // Not under the others, not under posterior draws, and not for a parameter --param sets.
    expect(out.match(/note: /g)!.length).toBe(driven.length);
    const pinned = capture();
    await main(
      ['backtest', '--runs', '20', '--seed', 'hdr', ...outside.flatMap((p) => ['--param', `${p.id}=${p.shift.median}`])],
      pinned.io,
    );
    const pinnedOut = pinned.out.join('\n');
    expect(pinnedOut).toContain('The calibrated posterior is the better-supported run: for it');
    expect(pinnedOut).not.toContain('note: ');
    const post = capture();
    await main(['backtest', '--runs', '20', '--uncertainty', 'posterior'], post.io);
    expect(post.out.join('\n')).not.toContain('note: ');
    expect(post.out.join('\n')).not.toContain('better-supported');
  });

  it('says why a figure has fewer games than were played: those a war ended before its window give no value', () => {
    // A war hazard high enough that some tower-22 games end before the window of iraq-after-halt (turns 2–4).
    const r = runBacktest({
      runs: 30,
      seed: 'short',
      scenarios: ['tower-22'],
      figures: ['iraq-after-halt', 'no-war-tower-22'],
      params: { warShockBase: 0.1 },
    });
    const [halt, war] = [r.rows.find((x) => x.id === 'iraq-after-halt')!, r.rows.find((x) => x.id === 'no-war-tower-22')!];
    const missing = r.runs - halt.games;
    expect(missing).toBeGreaterThan(0);
    // Every game missing from the row is one of the games that ended in a war (the war figure counts every game).
    expect(war.games).toBe(r.runs);
    expect(missing).toBeLessThanOrEqual(Math.round(r.runs * (1 - war.pExact)));
    const out = formatBacktest(r);
    expect(out).toContain(
      `(${halt.games} of ${r.runs} games; ${missing} ended in a regional war before the figure's window opened and give no value)`,
    );
    // A row with every game says only the count.
    expect(out).toContain(`(${r.runs} games)`);
    expect(gamesText({ games: 30 }, 30)).toBe('30 games');
  });

  it('warns, with the flag to raise, when a band rests on fewer than 20 games', async () => {
    expect(MIN_BAND_GAMES).toBe(20);
    const few = capture();
    await main(['backtest', '--runs', '5', '--seed', 'few'], few.io);
    expect(few.out.join('\n')).toMatch(/Warning: 5 games per band, fewer than 20: .*give --runs 20 or more/);
    const enough = capture();
    await main(['backtest', '--runs', '20', '--seed', 'few'], enough.io);
    expect(enough.out.join('\n')).not.toContain('Warning:');
  });
});

describe('judging a figure', () => {
  const many = (pairs: readonly [number, number][]) => pairs.flatMap(([v, n]) => Array<number>(n).fill(v));

  it('a point figure is inside, outside its 90 % band, or outside 1–99 %, by the tail beyond the record', () => {
    expect(
      judgeFigure(
        'point',
        [0, 0],
        many([
          [0, 50],
          [1, 50],
        ]),
      ).status,
    ).toBe('inside');
    expect(
      judgeFigure(
        'point',
        [0, 0],
        many([
          [0, 3],
          [1, 97],
        ]),
      ).status,
    ).toBe('outside-90');
    expect(judgeFigure('point', [0, 0], many([[1, 100]])).status).toBe('outside-98');
    expect(
      judgeFigure(
        'point',
        [5, 5],
        many([
          [0, 97],
          [9, 3],
        ]),
      ).status,
    ).toBe('outside-90');
  });

  it('a floor is one-sided: any share above it passes, fewer than 5 % reaching it fails', () => {
    expect(judgeFigure('floor', [170, 170], many([[500, 100]])).status).toBe('inside');
    expect(
      judgeFigure(
        'floor',
        [170, 170],
        many([
          [100, 94],
          [170, 6],
        ]),
      ).status,
    ).toBe('inside');
    expect(
      judgeFigure(
        'floor',
        [170, 170],
        many([
          [100, 96],
          [171, 4],
        ]),
      ).status,
    ).toBe('fails');
  });

  it('a range is inside when the simulated values can reach it from either side', () => {
    expect(
      judgeFigure(
        'range',
        [3, 4],
        many([
          [2, 50],
          [5, 50],
        ]),
      ).status,
    ).toBe('inside');
    expect(judgeFigure('range', [3, 4], many([[5, 100]])).status).toBe('outside-98');
  });

  it('a usual outcome needs its share of games', () => {
    expect(
      judgeFigure(
        'usual',
        [0, 0],
        many([
          [0, 90],
          [1, 10],
        ]),
        0.9,
      ).status,
    ).toBe('inside');
    expect(
      judgeFigure(
        'usual',
        [0, 0],
        many([
          [0, 89],
          [1, 11],
        ]),
        0.9,
      ).status,
    ).toBe('fails');
  });

  it('the pass rule: one miss allowed, not two, none beyond 1–99 %, no failing floor', () => {
    expect(
      overallFailures([
        { id: 'a', status: 'inside' },
        { id: 'b', status: 'outside-90' },
      ]),
    ).toEqual([]);
    expect(
      overallFailures([
        { id: 'a', status: 'outside-90' },
        { id: 'b', status: 'outside-90' },
      ]),
    ).toHaveLength(1);
    expect(overallFailures([{ id: 'a', status: 'outside-98' }])).toHaveLength(1);
    expect(overallFailures([{ id: 'a', status: 'fails' }])).toHaveLength(1);
  });

  it('mid-rank quantiles lie in [0, 1] and grow with the value', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 20 }), { minLength: 1, maxLength: 60 }),
        fc.integer({ min: -1, max: 21 }),
        fc.integer({ min: -1, max: 21 }),
        (xs, a, b) => {
          const [lo, hi] = a <= b ? [a, b] : [b, a];
          expect(midRank(xs, lo)).toBeGreaterThanOrEqual(0);
          expect(midRank(xs, hi)).toBeLessThanOrEqual(1);
          expect(midRank(xs, lo)).toBeLessThanOrEqual(midRank(xs, hi));
        },
      ),
    );
  });

  it('quantile lies between min and max and is monotone in q', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 50 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (xs, a, b) => {
          const s = [...xs].sort((x, y) => x - y);
          const [lo, hi] = a <= b ? [a, b] : [b, a];
          expect(quantile(s, lo)).toBeGreaterThanOrEqual(s[0]!);
          expect(quantile(s, hi)).toBeLessThanOrEqual(s[s.length - 1]!);
          expect(quantile(s, lo)).toBeLessThanOrEqual(quantile(s, hi) + 1e-9);
        },
      ),
    );
    expect(quantile([1, 2, 3, 4], 0.5)).toBe(2.5);
  });
});

describe("the record's quantile as a line", () => {
  const row = (quantile: readonly [number, number]) => ({ kind: 'range' as const, quantile, pAtLeast: 0, pExact: 0 });
  it('gives a range both ends, or one quantile where the two ends meet', () => {
    expect(quantileText(row([0.2, 0.35]))).toBe("record's quantiles 0.20–0.35");
    expect(quantileText(row([0.65, 0.65]))).toMatch(/^record's quantile 0\.65 at both ends of its range \(/);
    // Ends that differ only past the second decimal print as one, as they would read the same.
    expect(quantileText(row([0.651, 0.6549]))).toMatch(/^record's quantile 0\.65 at both ends of its range \(/);
  });

  it('says in words why both ends share a quantile: the values are discrete and (almost) none fell inside the range', () => {
    expect(quantileText(row([0.65, 0.65]))).toContain(
      'the simulated values are discrete and no game fell inside the range, so its two ends rank alike',
    );
    expect(quantileText({ ...row([0.651, 0.6549]), pExact: 0.004 })).toContain('only 0.4 % of games fell inside the range');
    // Where the ends differ, no such words.
    expect(quantileText(row([0.2, 0.35]))).not.toContain('discrete');
  });
});
