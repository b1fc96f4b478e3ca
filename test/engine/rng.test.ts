/**
 * The world's streams lend their live generators from one turn to the next (rng.ts, `Loan`): a cache,
 * so every draw must be what a generator built afresh from the saved state would give, whoever draws
 * first, and however the lender and the taker interleave.
 */
import fc from 'fast-check';
import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { ordersOf, portfolioIds } from '../../src/model/portfolio.ts';
import { newGame, restore, serialize, step } from '../../src/engine/game.ts';
import { STREAMS, openStreams, saveStreams, seedStreams, type AleaState, type StreamStates } from '../../src/engine/rng.ts';
import type { Decisions } from '../../src/engine/state.ts';
import { scenario } from '../helpers/fixtures.ts';

/** What a stream saved at `state` draws next, from a generator built afresh (no loan). */
function fresh(state: AleaState, n: number): number[] {
  const g = seedrandom.alea('', { state: { ...state } });
  return Array.from({ length: n }, () => g());
}

const copy = (s: StreamStates): StreamStates => JSON.parse(JSON.stringify(s)) as StreamStates;

describe('stream loans', () => {
  it('a taker draws what a fresh generator would, whatever the lender does before, between or after', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 8 }),
        fc.nat({ max: 5 }),
        fc.array(fc.record({ who: fc.constantFrom('lender', 'taker', 'second-taker'), stream: fc.constantFrom(...STREAMS) }), {
          maxLength: 40,
        }),
        (seed, before, ops) => {
          const lender = openStreams(seedStreams(seed));
          for (let i = 0; i < before; i++) lender.attacks.next();
          const saved = saveStreams(lender);
          const expected = copy(saved);
          const takers: Record<string, ReturnType<typeof openStreams> | undefined> = {};
          const drawn: Record<string, number[]> = {};
          const lenderDraws: Record<string, number[]> = {};
          for (const op of ops) {
            if (op.who === 'lender') {
              (lenderDraws[op.stream] ??= []).push(lender[op.stream].next());
              continue;
            }
            // Two turns opened on one saved state (a branch, an undo): only one may take the loan.
            const t = (takers[op.who] ??= openStreams(saved));
            (drawn[`${op.who}:${op.stream}`] ??= []).push(t[op.stream].next());
          }
          for (const [key, xs] of Object.entries(drawn)) {
            const name = key.split(':')[1] as (typeof STREAMS)[number];
            expect(xs).toEqual(fresh(expected[name], xs.length));
          }
          for (const [name, xs] of Object.entries(lenderDraws)) {
            expect(xs).toEqual(fresh(expected[name as (typeof STREAMS)[number]], xs.length));
          }
          // The saved states themselves never move.
          expect(saved).toEqual(expected);
        },
      ),
      { numRuns: 200 },
    );
  });

  const usIds = portfolioIds('us');
  const iranIds = portfolioIds('iran');
  const decision: fc.Arbitrary<Decisions> = fc
    .record({ us: fc.constantFrom(...usIds), iran: fc.constantFrom(...iranIds) })
    .map((d) => ordersOf(d.us, d.iran));

  it('stepping one state again (a branch) gives what stepping its restored copy gives', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 8 }),
        fc.array(decision, { minLength: 1, maxLength: 6 }),
        decision,
        decision,
        (seed, path, x, y) => {
          let s = newGame(scenario('october-2023'), { seed });
          for (const d of path) if (!s.over) s = step(s, d).state;
          fc.pre(!s.over);
          const text = serialize(s);
          // The first step takes the loan, the second and third construct; each must match a restored copy's.
          const a = step(s, x).state;
          const b = step(s, y).state;
          const a2 = step(s, x).state;
          expect(serialize(a)).toBe(serialize(step(restore(text), x).state));
          expect(serialize(b)).toBe(serialize(step(restore(text), y).state));
          expect(serialize(a2)).toBe(serialize(a));
          // And the branch taken first still continues as its restored copy does.
          if (!a.over) expect(serialize(step(a, y).state)).toBe(serialize(step(restore(serialize(a)), y).state));
        },
      ),
      { numRuns: 40 },
    );
  });
});
