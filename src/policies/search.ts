/**
 * The search bot: information-set MCTS (ismcts.ts) over Brink's game API, from what its side observes.
 *
 * The tree. The bot's side maximises its own objective score minus `hostility` × the other side's score.
 * The other side is either searched too (decoupled UCT), as pursuing its own objective score (the game
 * is not zero-sum: both lose a war), or played by the record's policy for it (`other: 'record'`): see
 * OTHER_SIDE_READ for which the analyst's search bot uses. Beyond the tree both sides play the historical bot
 * (what the documents say each side did), up to `horizon` turns from now; the score at the cut is the
 * return (engine/outcome.ts, scores 0–100, scaled to 0–1).
 *
 * Honesty. The bot never holds the game state: it is handed a sampler of worlds consistent with its
 * observation (engine/determinize.ts). It draws `worlds` of them and gives every iteration one of these
 * with fresh chance streams, seeded from its own stream, so no iteration replays the real future.
 *
 * Budget. A count of iterations, never a clock: the same observation and stream give the same choice
 * on any machine. SEARCH_BUDGET was sized on this 2-core machine to ≈ 0.5 s a move (see
 * docs/strategy.md for the measurement).
 */
import { type ActionDef, otherSide, type Side, type Track } from '../model/actions.ts';
import { isPortfolioId, parsePortfolio, portfolioIdsOf } from '../model/portfolio.ts';
import type { WorldSampler } from '../engine/determinize.ts';
import { legalActions, legalOn, step } from '../engine/game.ts';
import { observe } from '../engine/observe.ts';
import { scoreLines, scoresOf } from '../engine/outcome.ts';
import { botStream, seedStreams, type Stream } from '../engine/rng.ts';
import type { GameState } from '../engine/state.ts';
import { historical } from './historical.ts';
import { ismcts, type Rng, type SearchGame } from './ismcts.ts';
import type { Policy } from './policy.ts';

export interface SearchBudget {
  /** ISMCTS iterations per decision. */
  readonly iterations: number;
  /** Sampled worlds the iterations cycle through (each iteration reseeds its chance streams). */
  readonly worlds: number;
  /** Turns simulated per iteration (fewer when the scenario ends sooner). */
  readonly horizon: number;
  /** UCB1 exploration on the 0–1 score scale. */
  readonly exploration: number;
}

export const SEARCH_BUDGET: SearchBudget = { iterations: 1200, worlds: 24, horizon: 3, exploration: 0.4 };

const HISTORICAL = { us: historical('us'), iran: historical('iran') } as const;

/**
 * Which of its legal orders on a lever a bot may give (default: all): how a restrained bot's own tree is
 * cut (difficulty.ts). A pure function of the lever and the legal list, so the lists can be cached.
 */
export type OrderFilter = (track: Track, legal: readonly ActionDef[]) => readonly ActionDef[];

const ALL_ORDERS: OrderFilter = (_track, legal) => legal;

/**
 * The search branches over whole portfolios (docs/strategy.md §1.7): every legal force action beside
 * every legal signal, ≈ 7 × 5 a side, one ID each (fewer under a filter).
 */
const LEGAL = new WeakMap<object, Map<OrderFilter, readonly string[]>>();
function legalIds(s: GameState, side: Side, filter: OrderFilter = ALL_ORDERS): readonly string[] {
  const defs = legalActions(s, side);
  let byFilter = LEGAL.get(defs);
  if (!byFilter) LEGAL.set(defs, (byFilter = new Map()));
  let ids = byFilter.get(filter);
  if (!ids) {
    ids = portfolioIdsOf(filter('force', legalOn(s, side, 'force')), filter('signal', legalOn(s, side, 'signal')));
    if (ids.length === 0) throw new Error(`the order filter leaves ${side} no portfolio`);
    byFilter.set(filter, ids);
  }
  return ids;
}

/** Brink as the generic search sees it: a simultaneous-move game whose chance lives in the state. */
export const BRINK_GAME: SearchGame<GameState, Side> = {
  players: ['us', 'iran'],
  isTerminal: (s) => s.over !== null,
  legalActions: (s, side) => legalIds(s, side),
  apply: (s, joint) => step(s, { us: parsePortfolio(joint.us, 'us'), iran: parsePortfolio(joint.iran, 'iran') }).state,
  returns: (s) => {
    const scores = scoresOf(scoreLines(s));
    return { us: scores.us / 100, iran: scores.iran / 100 };
  },
};

/** The same game where `side`'s own orders pass `filter` (the other side keeps every order). */
function filteredGame(side: Side, filter: OrderFilter): SearchGame<GameState, Side> {
  if (filter === ALL_ORDERS) return BRINK_GAME;
  return { ...BRINK_GAME, legalActions: (s, p) => legalIds(s, p, p === side ? filter : ALL_ORDERS) };
}

/** What the documents say the side would do in its current posture: the rollout policy. */
function historicalChoice(s: GameState, side: Side): string {
  return HISTORICAL[side].choose(observe(s, side), botStream(s, side));
}

/** The side's utility: its own score, less `hostility` times the other side's. */
export function utilityFor(me: Side, hostility: number) {
  return (r: Readonly<Record<Side, number>>, p: Side): number => (p === me ? r[p] - hostility * r[otherSide(p)] : r[p]);
}

/**
 * How a side's search reads the other side: by searching its orders, or by the record's policy for it.
 *
 * It follows what each side can know of the other's conduct. Washington announces its replies and holds
 * to them in public: a promised, much larger response to deaths (R-USA-02), a stated right of
 * self-defence (R-USA-05), a public offer of a drawdown (R-USA-07). Iran can read the US by that record.
 * Tehran's public line is cheap talk and its actions follow a private one (R-IRN-09), and its guidance
 * to the groups is hidden (the US does not observe it): the US cannot read Iran's orders from the record,
 * so its search weighs every Iranian order Iran's own objectives make attractive.
 *
 * The difficulty levels (difficulty.ts) face a person, whom no record describes: they search both sides.
 * Measured (docs/strategy.md §4.1l): Iran's search reading the US this way gains +3.8 over the record's
 * Iran in october-2023 and red-sea, where it lost 1.1 searching the US's orders; the US's search reading
 * Iran by the record fell from +3.3 to −2.2 in october-2023.
 */
export const OTHER_SIDE_READ: Readonly<Record<Side, 'searched' | 'record'>> = { us: 'searched', iran: 'record' };

export interface SearchResultView {
  readonly action: string;
  readonly stats: readonly { readonly action: string; readonly visits: number; readonly mean: number }[];
}

export function evaluate(
  sampler: WorldSampler,
  side: Side,
  rng: Stream,
  budget: SearchBudget = SEARCH_BUDGET,
  hostility = 0,
  orders: OrderFilter = ALL_ORDERS,
  other: 'searched' | 'record' = 'searched',
): SearchResultView {
  const otherSideOf = otherSide(side);
  const pool = Array.from({ length: budget.worlds }, () => sampler.sample(rng));
  let i = 0;
  const sample = (r: Rng): GameState => {
    const w = pool[i++ % pool.length]!;
    return { ...w, rng: seedStreams(`search:${r.next()}`) };
  };
  return ismcts(
    filteredGame(side, orders),
    sample,
    side,
    {
      iterations: budget.iterations,
      horizon: budget.horizon,
      exploration: budget.exploration,
      utility: utilityFor(side, hostility),
      rollout: historicalChoice,
      ...(other === 'record' ? { models: { [otherSideOf]: (s: GameState) => historicalChoice(s, otherSideOf) } } : {}),
    },
    rng,
  );
}

export interface SearchOptions {
  readonly id?: string;
  readonly name?: string;
  readonly description?: string;
  readonly budget?: SearchBudget;
  /** How far the bot weighs hurting the other side against its own objectives (0: not at all). */
  readonly hostility?: number;
  /** Which of its own orders the bot may give (default: every legal one). */
  readonly orders?: OrderFilter;
  /** How the bot reads the other side: searched as pursuing its own score (default), or the record's policy. */
  readonly other?: 'searched' | 'record';
}

export function search(side: Side, options: SearchOptions = {}): Policy {
  const budget = options.budget ?? SEARCH_BUDGET;
  const hostility = options.hostility ?? 0;
  const orders = options.orders ?? ALL_ORDERS;
  const other = options.other ?? 'searched';
  return {
    id: options.id ?? 'search',
    name: options.name ?? 'Search',
    description:
      options.description ??
      `Searches ${budget.horizon} turns ahead (${budget.iterations} ISMCTS iterations over worlds consistent with what ${side === 'us' ? 'the US' : 'Iran'} can see) for its own objectives` +
        (other === 'record' ? `, reading ${side === 'us' ? "Iran's" : "the US's"} conduct by the record` : ''),
    choose(_obs, rng, worlds) {
      if (!worlds) throw new Error('the search bot simulates ahead and needs sampled worlds');
      const best = evaluate(worlds, side, rng, budget, hostility, orders, other).action;
      if (!isPortfolioId(best, side)) throw new Error(`search chose unknown order ${best}`);
      return best;
    },
  };
}

/** The analyst's search bot (`--us-policy search`): its own objectives, the other side read as OTHER_SIDE_READ says. */
export const searchBot = (side: Side): Policy => search(side, { other: OTHER_SIDE_READ[side] });
