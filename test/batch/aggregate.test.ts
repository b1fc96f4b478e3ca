import { describe, expect, it } from 'vitest';
import { totalsOf } from '../../src/engine/history.ts';
import fc from 'fast-check';
import { Aggregator } from '../../src/batch/aggregate.ts';
import { Collector } from '../../src/batch/collector.ts';
import { playIndex, prepareArms } from '../../src/batch/play-arms.ts';
import { BatchSchema } from '../../src/batch/contract.ts';
import { GameRecordSchema } from '../../src/batch/contract.ts';
import { gameSeed } from '../../src/batch/seeds.ts';
import { METRIC_NAMES, SERIES_NAMES } from '../../src/batch/record.ts';
import { playGame } from '../../src/policies/play.ts';
import { BUILTIN_POLICIES, getPolicy } from '../../src/policies/index.ts';
import { historicalBatchJson } from '../helpers/batch.ts';
import { scenario } from '../helpers/fixtures.ts';

const setup = {
  arms: [{ scenario: 'tower-22', us: 'historical', iran: 'historical', params: {} }],
  scenarios: [scenario('tower-22')],
  seed: 'agg',
  modules: [],
  paired: false,
  sendRecords: false,
};
const arms = prepareArms(setup, BUILTIN_POLICIES);
const results = Array.from({ length: 40 }, (_, i) => playIndex(arms, 'agg', i));
const records = results.map((g) => g.records[0]!);

describe('game records', () => {
  it('list their metrics and series in METRIC_NAMES and SERIES_NAMES order (the order of a record line)', () => {
    for (const r of records.slice(0, 5)) {
      expect(Object.keys(r.metrics)).toEqual([...METRIC_NAMES]);
      expect(Object.keys(r.series)).toEqual([...SERIES_NAMES]);
      expect(r.series.rung).toHaveLength(r.metrics.turnsPlayed);
    }
  });

  it('are valid brink.game/1 and replay alone with their seed', () => {
    for (const r of records.slice(0, 5)) {
      expect(GameRecordSchema.safeParse(r).success).toBe(true);
      expect(r.seed).toBe(gameSeed('agg', r.index));
      const alone = playGame(scenario('tower-22'), {
        seed: r.seed,
        us: getPolicy('historical', 'us'),
        iran: getPolicy('historical', 'iran'),
      });
      expect(r.metrics.attacksOnUS).toBe(totalsOf(alone).attacksOnUS);
      expect(r.series.rung).toEqual(alone.history.map((h) => h.rung));
    }
  });

  it('survive a JSON round trip unchanged (what --out and --resume rely on)', () => {
    for (const r of records) expect(JSON.parse(JSON.stringify(r))).toEqual(r);
  });
});

describe('Aggregator', () => {
  const turns = scenario('tower-22').turns;

  it('gives the same result whatever the chunks and their order (so any --workers)', () => {
    const whole = new Aggregator(turns);
    records.forEach((r) => whole.add(r));
    const expected = whole.result();
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 5 }), { minLength: records.length, maxLength: records.length }),
        fc.infiniteStream(fc.nat()),
        (chunkOf, noise) => {
          // Deal the games into up to six chunks (workers), aggregate each, merge them in a shuffled order.
          const chunks = Array.from({ length: 6 }, () => new Collector([turns], false));
          records.forEach((r, i) => chunks[chunkOf[i]!]!.add({ index: r.index, seed: r.seed, records: [r] }));
          const order = chunks.map((c, i) => ({ c, k: (noise.next().value as number) + i / 10 })).sort((a, b) => a.k - b.k);
          const merged = new Aggregator(turns);
          for (const { c } of order) merged.merge(JSON.parse(JSON.stringify(c.data())).arms[0]);
          expect(merged.result()).toEqual(expected);
        },
      ),
      { numRuns: 25 },
    );
  });

  it('counts outcomes and per-turn values as the records say', () => {
    const agg = new Aggregator(turns);
    records.forEach((r) => agg.add(r));
    const r = agg.result();
    const wars = records.filter((x) => x.verdict === 'regional-war').length;
    expect(r.outcomes.regionalWar.count).toBe(wars);
    expect(r.outcomes.usFatality.count).toBe(records.filter((x) => x.metrics.usKilled > 0).length);
    const mean = records.reduce((s, x) => s + x.metrics.attacksOnUS, 0) / records.length;
    expect(r.metrics.attacksOnUS.mean).toBeCloseTo(mean, 5);
    // The last cumulative point of a count series is the game total.
    expect(r.series.attacksOnUS.cumulative[turns - 1]!.mean).toBeCloseTo(mean, 5);
    const verdictSum = Object.entries(r.outcomes)
      .filter(([k]) => k.startsWith('verdict:'))
      .reduce((s, [, v]) => s + v.count, 0);
    expect(verdictSum).toBe(records.length);
  });

  it('keeps a game that ended in war at regional war in later turns', () => {
    const agg = new Aggregator(4);
    const war = { ...records[0]!, verdict: 'regional-war' as const, series: { ...records[0]!.series, rung: [4, 10], attacksOnUS: [3, 1] } };
    agg.add(war);
    const r = agg.result();
    expect(r.series.rung.perTurn.map((p) => p.p50)).toEqual([4, 10, 10, 10]);
    expect(r.series.attacksOnUS.perTurn.map((p) => p.p50)).toEqual([3, 1, 0, 0]);
    expect(r.series.attacksOnUS.cumulative.map((p) => p.p50)).toEqual([3, 4, 4, 4]);
  });

  it('builds JSON that satisfies the brink.batch/1 contract', () => {
    const agg = new Aggregator(turns);
    records.forEach((r) => agg.add(r));
    const json = historicalBatchJson('tower-22', agg, { runs: 40, seed: 'agg' });
    const parsed = BatchSchema.safeParse(json);
    expect(parsed.success, JSON.stringify(parsed.error?.issues.slice(0, 3))).toBe(true);
    // And the contract does reject a malformed document.
    expect(BatchSchema.safeParse({ ...json, series: { ...json.series, rung: { perTurn: [], cumulative: [] } } }).success).toBe(false);
  });
});
