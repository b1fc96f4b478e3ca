import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/scenario/loader.ts';
import { newGame, step } from '../../src/engine/game.ts';
import { observe } from '../../src/engine/observe.ts';
import { outcome } from '../../src/engine/outcome.ts';
import { botStream, seedStreams } from '../../src/engine/rng.ts';
import { worldSampler } from '../../src/engine/determinize.ts';
import type { GameState } from '../../src/engine/state.ts';
import { chooseAction, getPolicy } from '../../src/policies/index.ts';
import { playGame } from '../../src/policies/play.ts';
import { search } from '../../src/policies/search.ts';
import type { Side } from '../../src/model/actions.ts';

const tower = loadScenario('tower-22');
const seeds = (n: number) => Array.from({ length: n }, (_, i) => `s${i}`);

function meanScore(side: Side, mine: string, n: number): number {
  let total = 0;
  const SEEDS = seeds(n);
  for (const seed of SEEDS) {
    const st = playGame(tower, {
      seed,
      us: getPolicy(side === 'us' ? mine : 'historical', 'us'),
      iran: getPolicy(side === 'iran' ? mine : 'historical', 'iran'),
    });
    total += outcome(st).scores[side];
  }
  return total / SEEDS.length;
}

describe('search bot', () => {
  it('is registered as "search" and always returns a legal action', () => {
    const s = newGame(tower, { seed: '1' });
    for (const side of ['us', 'iran'] as const) {
      const a = chooseAction(s, side, getPolicy('search', side));
      expect(observe(s, side).legal).toContain(a);
    }
  });

  it('is deterministic: same state, same stream, same choice', () => {
    let s = newGame(tower, { seed: '9' });
    s = step(s, { us: 'us.major-campaign', iran: 'iran.rein-in' }).state;
    const p = getPolicy('search', 'iran');
    expect(chooseAction(s, 'iran', p)).toBe(chooseAction(s, 'iran', p));
  });

  it('cannot see hidden information: changing what the US cannot observe leaves its choice unchanged', () => {
    let s = newGame(tower, { seed: '4' });
    s = step(s, { us: 'us.calibrated-strikes', iran: 'iran.quiet-message' }).state;
    const policy = search('us');
    const choose = (st: GameState) => policy.choose(observe(st, 'us'), botStream(st, 'us'), worldSampler(st, 'us'));
    const base = choose(s);
    const other = seedStreams('a different future');
    const tampered: GameState = {
      ...s,
      // the real future draws, Iran's posture and its private guidance are all hidden from the US
      rng: other,
      actors: { ...s.actors, iran: { ...s.actors.iran, value: s.actors.iran.value === 'escalating' ? 'truce' : 'escalating' } },
      world: { ...s.world, directive: { iraq: s.world.directive.iraq, syria: 'surge', lebanon: 'halt', yemen: 'surge' } },
    };
    expect(observe(tampered, 'us').legal).toEqual(observe(s, 'us').legal);
    expect(choose(tampered)).toBe(base);
  });

  it('chooses well within a second per decision', () => {
    const s = newGame(loadScenario('october-2023'), { seed: '2' });
    const t0 = performance.now();
    chooseAction(s, 'us', getPolicy('search', 'us'));
    expect(performance.now() - t0).toBeLessThan(1000);
  });

  // Measured on seeds s0…s59 as the US (Iran historical): search 93.8, historical 92.6, random 92.0. The US
  // score on tower-22 is compressed and a single regional war costs 50 points, so 20 games are too few to
  // separate the bots (on s0…s19 random came out ahead by luck); 60 are used, with a 1-point margin.
  it('as the US on tower-22 (60 games) beats random by ≥ 1 point and is no worse than historical − 1', () => {
    const s = meanScore('us', 'search', 60);
    expect(s).toBeGreaterThanOrEqual(meanScore('us', 'random', 60) + 1);
    expect(s).toBeGreaterThanOrEqual(meanScore('us', 'historical', 60) - 1);
  });

  // Measured on seeds s0…s19 as Iran (US historical): search 59.4, historical 52.1, random 21.2.
  it('as Iran on tower-22 (20 games) beats random by ≥ 15 points and is no worse than historical − 2', () => {
    const s = meanScore('iran', 'search', 20);
    expect(s).toBeGreaterThanOrEqual(meanScore('iran', 'random', 20) + 15);
    expect(s).toBeGreaterThanOrEqual(meanScore('iran', 'historical', 20) - 2);
  });
});
