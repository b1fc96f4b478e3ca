/**
 * The generic search on toy games whose right answer is known by hand, before it is trusted with Brink.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import seedrandom from 'seedrandom';
import { ismcts, type Rng, type SearchGame } from '../../src/policies/ismcts.ts';

const rngOf = (seed: string): Rng => {
  const r = seedrandom.alea(seed);
  return { next: () => r() };
};

// ── A hidden card: bet wins 1 on a high card and loses 2 on a low one; fold scores 0. ──────────────
type Card = { readonly high: boolean; readonly done: boolean; readonly payoff: number };
const cardGame: SearchGame<Card, 'me'> = {
  players: ['me'],
  isTerminal: (s) => s.done,
  legalActions: () => ['fold', 'bet'],
  apply: (s, j) => ({ ...s, done: true, payoff: j.me === 'bet' ? (s.high ? 1 : -2) : 0 }),
  returns: (s) => ({ me: s.payoff }),
};
/** The player's belief: high with chance `pHigh`; the real card is never handed over. */
const dealer =
  (pHigh: number) =>
  (rng: Rng): Card => ({ high: rng.next() < pHigh, done: false, payoff: 0 });

describe('ISMCTS on a hidden card', () => {
  const opts = { iterations: 2000, horizon: 1, exploration: 1 };
  it('bets when the information set favours it (P(high) = 0.8: EV +0.4), whatever the real card', () => {
    expect(ismcts(cardGame, dealer(0.8), 'me', opts, rngOf('a')).action).toBe('bet');
  });
  it('folds when it does not (P(high) = 0.55: EV −0.35)', () => {
    expect(ismcts(cardGame, dealer(0.55), 'me', opts, rngOf('a')).action).toBe('fold');
  });
  it('estimates the value of each action from the sampled worlds', () => {
    const r = ismcts(cardGame, dealer(0.8), 'me', { ...opts, iterations: 4000 }, rngOf('b'));
    const bet = r.stats.find((s) => s.action === 'bet')!;
    expect(bet.mean).toBeGreaterThan(0.25);
    expect(bet.mean).toBeLessThan(0.55);
  });
});

// ── Lookahead: grab 1 now and lose 3 next turn, or wait and collect 2. ───────────────────────────────
type Path = { readonly t: number; readonly grabbed: boolean; readonly total: number };
const trapGame: SearchGame<Path, 'me'> = {
  players: ['me'],
  isTerminal: (s) => s.t >= 2,
  legalActions: (s) => (s.t === 0 ? ['grab', 'wait'] : ['collect']),
  apply: (s, j) => {
    if (s.t === 0) return { t: 1, grabbed: j.me === 'grab', total: j.me === 'grab' ? 1 : 0 };
    return { t: 2, grabbed: s.grabbed, total: s.total + (s.grabbed ? -3 : 2) };
  },
  returns: (s) => ({ me: s.total }),
};

describe('ISMCTS looks ahead', () => {
  it('with a two-move horizon it declines the greedy move', () => {
    const start = () => ({ t: 0, grabbed: false, total: 0 });
    expect(ismcts(trapGame, start, 'me', { iterations: 200, horizon: 2, exploration: 2 }, rngOf('c')).action).toBe('wait');
  });
  it('with a one-move horizon it cannot see the trap (the horizon is real)', () => {
    const start = () => ({ t: 0, grabbed: false, total: 0 });
    expect(ismcts(trapGame, start, 'me', { iterations: 200, horizon: 1, exploration: 2 }, rngOf('c')).action).toBe('grab');
  });
});

// ── Simultaneous moves: the opponent has a dominant action; my best reply depends on it. ───────────
// Opponent: X scores 2 more than Y whatever I do. Me: against X, A (3) beats B (0); against Y, B (5)
// beats A (0). Against a uniform opponent B would look better (2.5 vs 1.5); iterated dominance says A.
type Sim = { readonly done: boolean; readonly r: { me: number; opp: number } };
const PAY: Record<string, { me: number; opp: number }> = {
  'A|X': { me: 3, opp: 2 },
  'A|Y': { me: 0, opp: 0 },
  'B|X': { me: 0, opp: 3 },
  'B|Y': { me: 5, opp: 1 },
};
const simGame: SearchGame<Sim, 'me' | 'opp'> = {
  players: ['me', 'opp'],
  isTerminal: (s) => s.done,
  legalActions: (_s, p) => (p === 'me' ? ['B', 'A'] : ['Y', 'X']),
  apply: (_s, j) => ({ done: true, r: PAY[`${j.me}|${j.opp}`]! }),
  returns: (s) => s.r,
};

describe('ISMCTS with simultaneous moves (decoupled UCT)', () => {
  const start = () => ({ done: false, r: { me: 0, opp: 0 } });
  it('models the opponent as pursuing its own objective, and best-replies to it', () => {
    expect(ismcts(simGame, start, 'me', { iterations: 3000, horizon: 1, exploration: 2 }, rngOf('d')).action).toBe('A');
  });
  it('with a fixed opponent model it best-replies to that model instead', () => {
    const r = ismcts(simGame, start, 'me', { iterations: 500, horizon: 1, exploration: 2, models: { opp: () => 'Y' } }, rngOf('d'));
    expect(r.action).toBe('B');
  });
  it('a utility that weighs hurting the opponent changes the answer', () => {
    // Against a model that plays Y: on its own return B (5) beats A (0); weighing the opponent's
    // return at −6 per point, B|Y = 5 − 6 = −1 and A|Y = 0, so the hostile player picks A.
    const hostile = (r: Readonly<Record<'me' | 'opp', number>>, p: 'me' | 'opp') => (p === 'me' ? r.me - 6 * r.opp : r.opp);
    const opts = { iterations: 500, horizon: 1, exploration: 2, models: { opp: () => 'Y' } };
    expect(ismcts(simGame, start, 'me', opts, rngOf('e')).action).toBe('B');
    expect(ismcts(simGame, start, 'me', { ...opts, utility: hostile }, rngOf('e')).action).toBe('A');
  });
});

describe('ISMCTS is deterministic', () => {
  it('the same stream gives the same choice and the same statistics, for any seed', () => {
    fc.assert(
      fc.property(fc.string(), (seed) => {
        const a = ismcts(cardGame, dealer(0.7), 'me', { iterations: 50, horizon: 1, exploration: 1 }, rngOf(seed));
        const b = ismcts(cardGame, dealer(0.7), 'me', { iterations: 50, horizon: 1, exploration: 1 }, rngOf(seed));
        expect(b).toEqual(a);
      }),
      { numRuns: 30 },
    );
  });
  it('spends exactly the iterations it is given', () => {
    const r = ismcts(cardGame, dealer(0.7), 'me', { iterations: 37, horizon: 1, exploration: 1 }, rngOf('f'));
    expect(r.stats.reduce((n, s) => n + s.visits, 0)).toBe(37);
  });
  it('refuses a budget that is not a positive whole number', () => {
    expect(() => ismcts(cardGame, dealer(0.7), 'me', { iterations: 0, horizon: 1, exploration: 1 }, rngOf('g'))).toThrow(/iterations/);
  });
});
