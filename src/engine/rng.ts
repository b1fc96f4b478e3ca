/**
 * Randomness. Every draw comes from a seedrandom `alea` stream; every stream's state lives in the game
 * state, so a saved game restores its exact future and two policies compared on one seed face the same
 * attack and casualty draws (common random numbers: the bots and the player never draw from them).
 */
import seedrandom from 'seedrandom';

export type AleaState = seedrandom.State.Alea;

/** One stream per subsystem. Adding a stream changes no other stream's draws. */
export const STREAMS = ['attacks', 'casualties', 'strikes', 'diplomacy', 'world', 'intel', 'bot.us', 'bot.iran'] as const;
export type StreamName = (typeof STREAMS)[number];
export type StreamStates = Readonly<Record<StreamName, AleaState>>;

export function seedStreams(seed: string): StreamStates {
  const out = {} as Record<StreamName, AleaState>;
  for (const name of STREAMS) out[name] = seedrandom.alea(`brink:${seed}:${name}`, { state: true }).state();
  return out;
}

/** A live stream over a saved state: draw, then read `state()` back into the game state. */
export class Stream {
  private readonly prng: seedrandom.StatefulPRNG<AleaState>;
  draws = 0;
  constructor(readonly name: StreamName, state: AleaState) {
    this.prng = seedrandom.alea('', { state: { ...state } });
  }
  /** Uniform in [0, 1). */
  next(): number {
    this.draws++;
    return this.prng();
  }
  state(): AleaState {
    return this.prng.state();
  }
  /** Uniform integer in [lo, hi]. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  /** Poisson by inversion: one uniform per draw, so a change of rate shifts counts monotonically. */
  poisson(lambda: number): number {
    return poissonFromUniform(this.next(), lambda);
  }
  bernoulli(p: number): { hit: boolean; u: number } {
    const u = this.next();
    return { hit: u < p, u };
  }
}

export function poissonFromUniform(u: number, lambda: number): number {
  if (!(lambda > 0)) return 0;
  let k = 0;
  let p = Math.exp(-lambda);
  let cdf = p;
  // The guard on k bounds the loop when lambda is huge and exp(-lambda) underflows to 0.
  while (u > cdf && k < 10_000) {
    k++;
    p *= lambda / k;
    cdf += p;
    if (p === 0 && cdf < u) break;
  }
  return k;
}

/**
 * A bot's randomness for one turn: a fresh stream derived from the bot stream's saved state. The engine
 * advances the saved state once per turn (`advanceBotStream`), whatever the bot drew, so a human turn and
 * a bot turn leave the game's future identical.
 */
export function botStream(state: AleaState, name: 'bot.us' | 'bot.iran'): Stream {
  return new Stream(name, state);
}

export function advanceBotStream(state: AleaState): AleaState {
  const prng = seedrandom.alea('', { state: { ...state } });
  const nextSeed = prng().toString(36) + prng().toString(36);
  return seedrandom.alea(nextSeed, { state: true }).state();
}
