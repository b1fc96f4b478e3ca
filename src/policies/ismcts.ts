/**
 * Information-set Monte Carlo tree search for simultaneous-move games with chance and hidden
 * information, written once against a small OpenSpiel-like interface (no Brink import here).
 *
 * The searching player never holds the true state. Every iteration starts from a fresh determinization
 * (a whole state drawn by the caller's sampler from what the player observes, with its own chance
 * streams), so the tree's statistics average over the worlds the player could be in: the information
 * set, not one guessed world (Cowling, Powley and Whitehouse's ISMCTS).
 *
 * Simultaneous moves are handled by decoupled UCT: at a node each player keeps its own statistics per
 * action and picks by UCB1 on its own utility, blind to the other's pick; the joint action leads to the
 * child. The tree is open-loop (a node is an action sequence, not a state): chance and hidden parts
 * differ between iterations, and the statistics average over them. Players without a tree (a fixed
 * opponent model) act through `models`.
 *
 * Determinism: the budget is a count of iterations, never a clock, and every random choice comes from
 * the one `rng` passed in, so the same observation and stream give the same answer on any machine.
 */

export interface Rng {
  next(): number;
}

/** The game as the search sees it. `apply` is pure; chance comes from streams the state carries. */
export interface SearchGame<S, P extends string> {
  readonly players: readonly P[];
  isTerminal(state: S): boolean;
  legalActions(state: S, player: P): readonly string[];
  apply(state: S, joint: Readonly<Record<P, string>>): S;
  /** Each player's return at `state` (terminal, or where the horizon cuts the search). */
  returns(state: S): Readonly<Record<P, number>>;
}

export interface IsmctsOptions<S, P extends string> {
  /** Iterations: the whole budget (each one is a determinization, a descent and a rollout). */
  readonly iterations: number;
  /** Joint moves simulated from the root in each iteration (tree plus rollout). */
  readonly horizon: number;
  /** UCB1 exploration constant, in units of the utility. */
  readonly exploration: number;
  /** The utility a tree player maximises, from the returns (default: its own return). */
  readonly utility?: (returns: Readonly<Record<P, number>>, player: P) => number;
  /** Players not searched: a fixed model of how they act. */
  readonly models?: Partial<Record<P, (state: S, rng: Rng) => string>>;
  /** How players act beyond the tree (default: uniformly at random among legal actions). */
  readonly rollout?: (state: S, player: P, rng: Rng) => string;
}

interface ActionStat {
  visits: number;
  total: number;
  /** Times the action was legal when its player chose here (ISMCTS availability count). */
  available: number;
}

class Node {
  readonly stats = new Map<string, Map<string, ActionStat>>();
  readonly children = new Map<string, Node>();

  stat(player: string, action: string): ActionStat {
    let byAction = this.stats.get(player);
    if (!byAction) this.stats.set(player, (byAction = new Map()));
    let s = byAction.get(action);
    if (!s) byAction.set(action, (s = { visits: 0, total: 0, available: 0 }));
    return s;
  }
}

export interface RootStat {
  readonly action: string;
  readonly visits: number;
  readonly mean: number;
}

export interface SearchResult {
  /** The most visited root action of the searching player (ties: the one listed first). */
  readonly action: string;
  /** Root statistics of the searching player, in legal order. */
  readonly stats: readonly RootStat[];
}

function pickUcb(node: Node, player: string, legal: readonly string[], c: number): string {
  let best = legal[0]!;
  let bestValue = -Infinity;
  for (const a of legal) node.stat(player, a).available += 1;
  for (const a of legal) {
    const s = node.stat(player, a);
    // Unvisited actions first, in legal order: deterministic and cheap.
    if (s.visits === 0) return a;
    const value = s.total / s.visits + c * Math.sqrt(Math.log(s.available) / s.visits);
    if (value > bestValue) {
      bestValue = value;
      best = a;
    }
  }
  return best;
}

function uniform(legal: readonly string[], rng: Rng): string {
  return legal[Math.floor(rng.next() * legal.length)]!;
}

export function ismcts<S, P extends string>(
  game: SearchGame<S, P>,
  sample: (rng: Rng) => S,
  me: P,
  options: IsmctsOptions<S, P>,
  rng: Rng,
): SearchResult {
  if (!Number.isInteger(options.iterations) || options.iterations < 1) throw new RangeError('iterations must be a positive integer');
  const utility = options.utility ?? ((r, p) => r[p]);
  const models: Partial<Record<P, (state: S, rng: Rng) => string>> = options.models ?? {};
  const treePlayers = game.players.filter((p) => models[p] === undefined);
  if (!treePlayers.includes(me)) throw new Error(`the searching player ${me} cannot also be a fixed model`);
  const rollout = options.rollout ?? ((s: S, p: P, r: Rng) => uniform(game.legalActions(s, p), r));
  const root = new Node();
  let rootLegal: readonly string[] | undefined;

  for (let it = 0; it < options.iterations; it++) {
    let state = sample(rng);
    const path: { node: Node; joint: Record<P, string> }[] = [];
    let node: Node | undefined = root;
    let depth = 0;
    while (node && depth < options.horizon && !game.isTerminal(state)) {
      const joint = {} as Record<P, string>;
      for (const p of game.players) {
        const model = models[p];
        if (model) {
          joint[p] = model(state, rng);
          continue;
        }
        const legal = game.legalActions(state, p);
        if (depth === 0 && p === me) rootLegal ??= legal;
        joint[p] = pickUcb(node, p, legal, options.exploration);
      }
      path.push({ node, joint });
      state = game.apply(state, joint);
      depth += 1;
      const key = treePlayers.map((p) => joint[p]).join('|');
      const child: Node | undefined = node.children.get(key);
      if (!child) {
        node.children.set(key, new Node());
        node = undefined; // expanded one node: the rest of this iteration is a rollout
      } else {
        node = child;
      }
    }
    while (depth < options.horizon && !game.isTerminal(state)) {
      const joint = {} as Record<P, string>;
      for (const p of game.players) {
        const model = models[p];
        joint[p] = model ? model(state, rng) : rollout(state, p, rng);
      }
      state = game.apply(state, joint);
      depth += 1;
    }
    const returns = game.returns(state);
    for (const { node: n, joint } of path) {
      for (const p of treePlayers) {
        const s = n.stat(p, joint[p]);
        s.visits += 1;
        s.total += utility(returns, p);
      }
    }
  }

  const legal = rootLegal ?? [];
  if (legal.length === 0) throw new Error(`no legal action for ${me} at the root`);
  const stats = legal.map((action) => {
    const s = root.stat(me, action);
    return { action, visits: s.visits, mean: s.visits > 0 ? s.total / s.visits : 0 };
  });
  let best = stats[0]!;
  for (const s of stats) if (s.visits > best.visits || (s.visits === best.visits && s.mean > best.mean)) best = s;
  return { action: best.action, stats };
}
