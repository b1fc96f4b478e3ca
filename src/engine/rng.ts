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
 * The world's streams are saved into the state at the end of every turn and opened again at the start
 * of the next, and constructing a generator from a saved state allocates a dozen closures (a turn opens
 * six). So the turn that saves them lends its live generators to the saved record: the next turn opened
 * on that very record (the same object) takes them over instead of constructing new ones. One loan is
 * outstanding at a time (a batch plays its games one turn after another; anything else, a restored or
 * copied state, a search bot's sampled world, simply constructs). The draws are the same either way:
 * this is a cache, not a change of stream. A generator is lent at exactly the saved position, goes to
 * one taker only, and a lender that draws again withdraws the loan (or, if it was taken, rebuilds its
 * own generator from its snapshot).
 */
interface Loan {
  readonly states: StreamStates;
  /** Null once taken or withdrawn. */
  prngs: Record<WorldStreamName, Prng> | null;
}
let outstanding: Loan | null = null;

function construct(state: AleaState): Prng {
  return seedrandom.alea('', { state: { ...state } });
}

/** Where a stream starts: a saved state (a world stream), or a seed (a bot's stream for one turn). */
export type StreamSource = AleaState | { readonly seed: string };

/** A live stream over a saved state or a seed: draw, then save the world's streams with `saveStreams`. */
export class Stream {
  /** Built on the first draw: a bot that never draws never pays for a generator. */
  private generator: Prng | undefined;
  /** Set by `saveStreams` until the next draw: the loan of this stream's generator, and where it stood. */
  private loan: Loan | null = null;
  private snapshot: AleaState | undefined;
  constructor(
    readonly name: StreamName,
    private readonly source: StreamSource,
    live?: Prng,
  ) {
    if (!('seed' in source)) this.generator = live ?? construct(source);
  }
  private get prng(): Prng {
    return (this.generator ??= seedrandom.alea((this.source as { seed: string }).seed, { state: true }));
  }
  /** Uniform in [0, 1). */
  next(): number {
    if (this.loan) this.reclaim();
    return this.prng();
  }
  /** Drawing past a saved snapshot: withdraw the loan, or rebuild this generator if it was taken. */
  private reclaim(): void {
    const loan = this.loan!;
    if (loan.prngs === null) this.generator = construct(this.snapshot!);
    else loan.prngs = null;
    if (outstanding === loan) outstanding = null;
    this.loan = null;
    this.snapshot = undefined;
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
  /** For saveStreams: the generator, its state now, and the loan it goes out on. */
  lend(loan: Loan, snapshot: AleaState): Prng {
    if (this.loan) this.reclaim();
    this.loan = loan;
    this.snapshot = snapshot;
    return this.prng;
  }
  /** Where the stream stands now. */
  position(): AleaState {
    if (this.loan) this.reclaim();
    return this.prng.state();
  }
}

/** The world's streams opened on their saved states (taking over the generators lent with them). */
export function openStreams(states: StreamStates): Record<WorldStreamName, Stream> {
  const loan = outstanding !== null && outstanding.states === states ? outstanding : null;
  const live = loan?.prngs ?? null;
  if (loan) {
    loan.prngs = null;
    outstanding = null;
  }
  const out = {} as Record<WorldStreamName, Stream>;
  for (const name of STREAMS) out[name] = new Stream(name, states[name], live?.[name]);
  return out;
}

/** The world's streams' states, to keep in the next state; their generators are lent along (see Loan). */
export function saveStreams(streams: Readonly<Record<WorldStreamName, Stream>>): StreamStates {
  const states = {} as Record<WorldStreamName, AleaState>;
  const prngs = {} as Record<WorldStreamName, Prng>;
  const loan: Loan = { states, prngs };
  for (const name of STREAMS) {
    const s = streams[name];
    const snapshot = s.position();
    states[name] = snapshot;
    prngs[name] = s.lend(loan, snapshot);
  }
  outstanding = loan;
  return states;
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
