/**
 * Fog of war, revisited: what each side's intelligence reports on and how sure it is depend on what it
 * could plausibly know (model/intel.ts): an active or struck front is read better and more surely than a
 * quiet one, envoys make Iran's read exact, the stated confidence means something (high reads are right
 * more often than low ones), and every draw comes from the intel stream alone.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { answeredInTheOpen, readAccuracy } from '../../src/engine/phases/intel.ts';
import { ACTORS, type ActorId, FRONT_ACTOR } from '../../src/model/actors/index.ts';
import type { Front } from '../../src/model/actions.ts';
import { STREAMS } from '../../src/engine/rng.ts';
import { emptyTally, type GameState, type Tally } from '../../src/engine/state.ts';
import { CONFIDENCE_BANDS, confidenceOf, INTEL_SOURCES } from '../../src/model/intel.ts';
import { PARAM_SPECS, type Params } from '../../src/model/params.ts';
import { PRIORS } from '../../src/model/priors.ts';
import { getPolicy } from '../../src/policies/index.ts';
import { playGame } from '../../src/policies/play.ts';
import { loadScenario } from '../../src/scenario/loader.ts';

function game(scenario: string, seed: string, us = 'random', iran = 'random', params?: Partial<Params>): GameState {
  return playGame(loadScenario(scenario), { seed, us: getPolicy(us, 'us'), iran: getPolicy(iran, 'iran'), ...(params ? { params } : {}) });
}

const defaults = Object.fromEntries(Object.entries(PARAM_SPECS).map(([k, v]) => [k, v.value])) as unknown as Params;
const quiet: Tally = emptyTally();

describe('what a side could plausibly know', () => {
  it('a read is better on an active front, better still after US strikes, worse on a quiet one, for every prior draw', () => {
    const range = (id: 'intelAccuracy' | 'intelActiveBonus' | 'intelQuietPenalty' | 'intelStrikeBonus') => {
      const p = PRIORS[id];
      if (p.kind !== 'uniform') throw new Error(`${id}: expected a uniform prior`);
      return fc.double({ min: p.lo, max: p.hi, noNaN: true });
    };
    const iraq = INTEL_SOURCES.us.find((s) => s.subject.about === 'guidance' && s.subject.front === 'iraq')!;
    fc.assert(
      fc.property(
        range('intelAccuracy'),
        range('intelActiveBonus'),
        range('intelQuietPenalty'),
        range('intelStrikeBonus'),
        (a, b, q, s) => {
          const params = { ...defaults, intelAccuracy: a, intelActiveBonus: b, intelQuietPenalty: q, intelStrikeBonus: s };
          const calm = readAccuracy(params, iraq, quiet);
          const active = readAccuracy(params, iraq, { ...quiet, attacksOnUSIraq: 3 });
          const struck = readAccuracy(params, iraq, { ...quiet, attacksOnUSIraq: 3, usStrikes: 2 });
          for (const x of [calm, active, struck]) expect(x >= 0 && x <= 1).toBe(true);
          expect(calm).toBeLessThanOrEqual(active);
          expect(active).toBeLessThanOrEqual(struck);
          // The stated confidence never rises as the read gets worse.
          const rank = (x: number) => CONFIDENCE_BANDS.findIndex((band) => band.confidence === confidenceOf(x));
          expect(rank(calm)).toBeGreaterThanOrEqual(rank(active));
        },
      ),
    );
  });

  it('under the default parameters: a quiet Iraq front reads "low", an active one "high"', () => {
    const iraq = INTEL_SOURCES.us[0]!;
    expect(confidenceOf(readAccuracy(defaults, iraq, quiet))).toBe('low');
    expect(confidenceOf(readAccuracy(defaults, iraq, { ...quiet, attacksOnUSJordan: 1 }))).toBe('high');
    expect(confidenceOf(readAccuracy(defaults, iraq, { ...quiet, usStrikes: 1 }))).toBe('moderate');
  });

  it('the US report varies in its items and confidence from turn to turn, and reads Syria and Yemen only when something happened there', () => {
    const counts = new Set<number>();
    const confidences = new Set<string>();
    for (const seed of ['1', '2', '3', '4']) {
      const g = game('october-2023', seed);
      for (const t of g.history.slice(1)) {
        const report = t.intel.us!;
        counts.add(report.items.length);
        for (const i of report.items) confidences.add(i.confidence);
        // The report read before turn t describes the turn before it.
        const before = g.history[t.turn - 1]!;
        const syria = report.items.some(
          (i) =>
            (i.subject.about === 'guidance' && i.subject.front === 'syria') ||
            (i.subject.about === 'posture' && i.subject.actor === 'syrianMilitias'),
        );
        // Something happened there: attacks, US strikes, or the group answering Iran's guidance in the open.
        expect(syria).toBe(before.attacksOnUSSyria > 0 || before.usStrikes > 0 || answeredOpenly(before, 'syria'));
        const yemen = report.items.some((i) => i.subject.about === 'guidance' && i.subject.front === 'yemen');
        expect(yemen).toBe(before.houthiAttacks > 0 || before.usStrikesYemen > 0 || answeredOpenly(before, 'yemen'));
      }
    }
    expect(counts.size).toBeGreaterThan(1);
    expect([...confidences].sort()).toEqual(['high', 'low', 'moderate']);
  });

  it('a wrong read never contradicts what is public: no truce posture outside the truce, no posture of war before a war', () => {
    // Every read wrong (accuracy 0), so any truce or war posture named outside its time would be a misread.
    const blind = { intelAccuracy: 0, intelActiveBonus: 0, intelStrikeBonus: 0, intelQuietPenalty: 0 };
    const oct = loadScenario('october-2023');
    const dayOf = (date: string) => Math.round((Date.parse(date) - Date.parse(oct.start)) / 86_400_000);
    const truces = oct.injects.flatMap((i) => (i.kind === 'truce' ? [[dayOf(i.from), dayOf(i.to) + 1] as const] : []));
    expect(truces.length).toBeGreaterThan(0);
    // History turns count from 0; the report read before turn t is gathered at its first day, the end of turn t − 1.
    const inTruceAt = (turn: number) => truces.some(([from, to]) => turn * oct.daysPerTurn >= from && turn * oct.daysPerTurn < to);
    const named = (g: GameState, test: (actor: ActorId, posture: string) => boolean) =>
      g.history.flatMap((t) =>
        (['us', 'iran'] as const).flatMap((side) =>
          (t.intel[side]?.items ?? []).filter((i) => i.subject.about === 'posture' && test(i.subject.actor, i.assessed)).map(() => t.turn),
        ),
      );
    const truceOnly = (actor: ActorId, posture: string) => ACTORS[actor].meta(posture).inTruce === true;
    const atWar = (actor: ActorId, posture: string) => ACTORS[actor].meta(posture).atWar === true;
    let misreads = 0;
    for (let seed = 0; seed < 12; seed++) {
      const g = game('october-2023', `public${seed}`, 'random', 'random', blind);
      for (const turn of named(g, truceOnly)) expect(inTruceAt(turn), `seed ${seed} turn ${turn}`).toBe(true);
      expect(named(g, atWar)).toEqual([]);
      misreads += g.history.reduce((n, t) => n + (t.intel.us?.items.length ?? 0), 0);
    }
    expect(misreads).toBeGreaterThan(50);
    // With the default accuracy the truce is read while it lasts.
    const read = Array.from({ length: 12 }, (_, seed) =>
      named(game('october-2023', `public${seed}`, 'historical', 'historical'), truceOnly),
    ).flat();
    expect(read.length).toBeGreaterThan(0);
    expect(read.every(inTruceAt)).toBe(true);
  });

  it('a "high" read is right more often than a "low" one (over 40 games)', () => {
    const tally = { high: [0, 0], moderate: [0, 0], low: [0, 0] } as Record<string, [number, number]>;
    for (let seed = 0; seed < 40; seed++) {
      for (const t of game('october-2023', `cal${seed}`).history) {
        const r = t.intel.us;
        if (!r) continue;
        r.items.forEach((item, i) => {
          tally[item.confidence]![1]++;
          if (item.assessed === r.truth[i]) tally[item.confidence]![0]++;
        });
      }
    }
    const rate = (c: string) => tally[c]![0] / tally[c]![1];
    for (const c of ['high', 'low']) expect(tally[c]![1]).toBeGreaterThan(50);
    expect(rate('high')).toBeGreaterThan(rate('low') + 0.1);
    expect(rate('high')).toBeGreaterThan(0.85);
  });

  it('Iran\'s read of a militia its envoys reached is exact and "high"', () => {
    let withEnvoys = 0;
    for (const seed of ['1', '2', '3', '4', '5', '6']) {
      const g = game('tower-22', seed, 'historical', 'historical');
      for (const t of g.history) {
        const r = t.intel.iran;
        if (!r) continue;
        r.items.forEach((item, i) => {
          if (item.confidence === 'high' && item.subject.about === 'posture' && item.subject.actor !== 'us') {
            withEnvoys++;
            expect(item.assessed).toBe(r.truth[i]);
          }
        });
      }
    }
    expect(withEnvoys).toBeGreaterThan(0);
  });

  it('draws only from the intel stream: games whose bots ignore intelligence are the same whatever its accuracy', () => {
    for (const seed of ['1', '2']) {
      const sure = game('october-2023', seed, 'historical', 'historical', { intelAccuracy: 1, intelQuietPenalty: 0 });
      const blind = game('october-2023', seed, 'historical', 'historical', {
        intelAccuracy: 0.3,
        intelActiveBonus: 0,
        intelQuietPenalty: 0.3,
      });
      for (const name of STREAMS.filter((n) => n !== 'intel')) expect(blind.rng[name]).toEqual(sure.rng[name]);
      expect(blind.history.map((t) => t.events)).toEqual(sure.history.map((t) => t.events));
      // …and the reports themselves did differ.
      expect(blind.history.map((t) => t.intel.us?.items)).not.toEqual(sure.history.map((t) => t.intel.us?.items));
    }
  });
});

/** The week's group on `front` was delivered guidance and answered it where the US could see (engine/phases/intel.ts). */
const answeredOpenly = (week: GameState['history'][number], front: Front) => answeredInTheOpen(week.events, 'us').has(FRONT_ACTOR[front]);

describe('a public answer to guidance', () => {
  it("makes the next read of that front's guidance exact, so it never contradicts the move on the same screen", () => {
    // Poor intelligence, so that any read left to chance would often be wrong.
    const poor = { intelAccuracy: 0.3, intelActiveBonus: 0, intelStrikeBonus: 0, intelQuietPenalty: 0 };
    let exact = 0;
    for (const scenario of ['october-2023', 'tower-22', 'red-sea', 'rafah']) {
      for (let i = 0; i < 6; i++) {
        const g = game(scenario, `open-${i}`, 'historical', i % 2 === 0 ? 'historical' : 'random', poor);
        g.history.forEach((week, t) => {
          const next = t + 1 < g.history.length ? g.history[t + 1]!.intel.us : g.intel.us;
          if (!next) return;
          next.items.forEach((item, k) => {
            if (item.subject.about !== 'guidance' || !answeredOpenly(week, item.subject.front)) return;
            exact++;
            expect(item.assessed, `${scenario} open-${i} turn ${t + 1} ${item.subject.front}`).toBe(next.truth[k]);
            expect(item.confidence).toBe('high');
          });
        });
      }
    }
    expect(exact).toBeGreaterThan(5);
  });
});
