/**
 * Randomness. Every draw comes from a seedrandom `alea` stream; every stream's state lives in the game
 * state, so a saved game restores its exact future and two policies compared on one seed face the same
 * attack and casualty draws (common random numbers: the bots and the player never draw from them).
 */
import seedrandom from 'seedrandom';

export type AleaState = seedrandom.State.Alea;

/** One stream per subsystem of the world. Adding a stream changes no other stream's draws. */
export const STREAMS = ['attacks', 'casualties', 'strikes', 'diplomacy', 'world', 'intel'] as const;
export type WorldStreamName = (typeof STREAMS)[number];
export type BotStreamName = 'bot.us' | 'bot.iran';
export type StreamName = WorldStreamName | BotStreamName;
export type StreamStates = Readonly<Record<WorldStreamName, AleaState>>;

export function seedStreams(seed: string): StreamStates {
  const out = {} as Record<WorldStreamName, AleaState>;
  for (const name of STREAMS) out[name] = seedrandom.alea(`brink:${seed}:${name}`, { state: true }).state();
  return out;
}

type Prng = seedrandom.StatefulPRNG<AleaState>;

/**
 * A saved stream state can carry, under this hidden key, the live generator that produced it: the next
 * stream opened on that very object takes the generator over instead of constructing one (a turn opens
 * ten streams, and a construction allocates a dozen closures: the garbage collector's biggest load).
 * The key is a non-enumerable symbol, so JSON, spreads, structured clones and equality checks never see
 * it; a restored or copied state simply has no live generator and constructs one. Saved states are
 * never mutated, so the generator is exactly at the saved position; it goes to one taker only, and a
 * holder that draws again after saving rebuilds its own from the snapshot. The draws are the same
 * either way: this is a cache, not a change of stream.
 */
const LIVE = Symbol('brink.liveGenerator');
interface Holder {
  prng: Prng | null;
}

function construct(state: AleaState): Prng {
  return seedrandom.alea('', { state: { ...state } });
}

/** One descriptor, reused: `defineProperty` reads it at once and keeps no reference. */
const DESCRIPTOR: PropertyDescriptor & { value: Holder | null } = { value: null, enumerable: false, writable: false, configurable: false };

function attach(snapshot: AleaState, prng: Prng): Holder {
  const holder: Holder = { prng };
  DESCRIPTOR.value = holder;
  Object.defineProperty(snapshot, LIVE, DESCRIPTOR);
  DESCRIPTOR.value = null;
  return holder;
}

function takeLive(state: AleaState): Prng | null {
  const holder = (state as { [LIVE]?: Holder })[LIVE];
  if (!holder?.prng) return null;
  const prng = holder.prng;
  holder.prng = null;
  return prng;
}

/** Where a stream starts: a saved state (a world stream), or a seed (a bot's stream for one turn). */
export type StreamSource = AleaState | { readonly seed: string };

/** A live stream over a saved state or a seed: draw, then read `state()` back into the game state. */
export class Stream {
  /** Built on the first draw: a bot that never draws never pays for a generator. */
  private generator: Prng | undefined;
  /** Set between `state()` and the next draw: the snapshot handed out and the generator lent with it. */
  private savedSnapshot: AleaState | undefined;
  private savedHolder: Holder | undefined;
  constructor(
    readonly name: StreamName,
    private readonly source: StreamSource,
  ) {
    if (!('seed' in source)) this.generator = takeLive(source) ?? construct(source);
  }
  private get prng(): Prng {
    return (this.generator ??= seedrandom.alea((this.source as { seed: string }).seed, { state: true }));
  }
  /** Uniform in [0, 1). */
  next(): number {
    if (this.savedHolder) this.reclaim();
    return this.prng();
  }
  state(): AleaState {
    if (this.savedHolder) this.reclaim();
    const snapshot = this.prng.state();
    this.savedSnapshot = snapshot;
    this.savedHolder = attach(snapshot, this.prng);
    return snapshot;
  }
  /** Drawing past a saved snapshot: withdraw the generator lent with it, or rebuild if it was taken. */
  private reclaim(): void {
    if (this.savedHolder!.prng === null) this.generator = construct(this.savedSnapshot!);
    else this.savedHolder!.prng = null;
    this.savedSnapshot = undefined;
    this.savedHolder = undefined;
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
 * A bot's randomness for one turn: a stream seeded from the game's seed, the side and the turn, all of
 * which live in the game state. The world's streams never serve a bot, so a human turn and a bot turn
 * leave the game's future identical, and two bots compared on one seed face the same world draws
 * (common random numbers). The generator is built only if the bot draws.
 */
export function botStream(state: { readonly seed: string; readonly turn: number }, side: 'us' | 'iran'): Stream {
  return new Stream(side === 'us' ? 'bot.us' : 'bot.iran', { seed: `brink:${state.seed}:bot.${side}:${state.turn}` });
}
