/**
 * What decided the game: which cost or benefit of the strategic core (docs/strategy.md §1) moved the
 * scores most in this game. Each candidate is read from the game's own events and score lines, and
 * carries the points it moved for each side, so the debrief can say "the calm unravelled in turn 9 and
 * the attacks after it cost the US 6.5 points" and a test can check the figure against the lines.
 *
 *  - miscalculation (R-SYS-06, Q-15): a war nobody chose, from a drawn chance; its cost is the war line.
 *  - unravelling (R-SYS-07): a lull in Iraq and Jordan that one side broke; its cost is the attacks and
 *    deaths after the break.
 *  - provocation (R-SYS-05, R-USA-04, O-USA-02): US force beyond what deters (strikes in a lull, on
 *    Iran or its forces, campaigns); its cost is the US's escalation and Iran-struck lines, and Iran's
 *    gain from commanders killed (Baghdad's push for a US exit).
 *  - deterrence (R-SYS-05, O-USA-03): credibility the US built and kept; its benefit is the US line.
 *  - pressure (R-IRN-11, O-IRN-04): Iran's calibrated pressure below the war threshold; its benefit is
 *    Iran's pressure and fronts lines.
 *
 * A mechanism decides the game only where it moved the scores at least a point, and at least as much as
 * every other mechanism and every single score line (decision): otherwise what weighed most were the
 * score lines themselves (attacks, deaths, shipping), and the debrief says so rather than crown it.
 *
 * Data only: the words are analysis/render.ts's (deciderText, decisionText).
 */
import { actionById, strikesIranOrItsForces, type Side } from '../../model/actions.ts';
import type { EventOfKind } from '../../engine/events.ts';
import { isLull, logOf, totalsOf } from '../../engine/history.ts';
import { scoreLines, verdictOf, type ScoreLine, type ScoreTerm } from '../../engine/outcome.ts';
import type { GameState, TurnRecord } from '../../engine/state.ts';
import { ACTORS } from '../../model/actors/index.ts';

export type DeciderId = 'miscalculation' | 'unravelling' | 'provocation' | 'deterrence' | 'pressure';

/** Who set the mechanism going: a side, the militias on their own, or both sides (a war neither chose). */
export type DeciderActor = Side | 'militias' | 'both';

export interface Decider {
  readonly id: DeciderId;
  /** The turn (0-based) where it began to play out. */
  readonly turn: number;
  readonly by: DeciderActor;
  /** Score points it moved for each side (negative: a cost), read from the score lines. */
  readonly points: Readonly<Record<Side, number>>;
  /** The score lines the points come from. */
  readonly terms: readonly ScoreTerm[];
  /** The side's points line by line, where they come from more than one line (the score screen's lines). */
  readonly split?: Readonly<Partial<Record<ScoreTerm, number>>>;
  /** For a war: how it came, and the chance that came up. */
  readonly war?: { readonly cause: 'direct-exchange' | 'miscalculation'; readonly chance: number };
  /** What was counted: strikes that provoked, attacks after a break. */
  readonly count?: number;
  /** US deaths after a break. */
  readonly killed?: number;
  /** A calm Iran's guidance ended: the turn (0-based) of the order that lifted the halt. */
  readonly ordered?: number;
  readonly cites: readonly string[];
}

const pointsOf = (lines: readonly ScoreLine[], ...terms: ScoreTerm[]) =>
  lines.filter((l) => terms.includes(l.term)).reduce((s, l) => s + l.points, 0);
const round = (x: number) => Math.round(x * 10) / 10;
/** What a mechanism moved: the larger of its two sides' points, as the debrief shows them (one decimal). */
const weight = (d: Decider) => Math.max(Math.abs(d.points.us), Math.abs(d.points.iran));

function miscalculation(state: GameState, lines: Record<Side, ScoreLine[]>): Decider | undefined {
  const war = logOf(state).find((e): e is EventOfKind<'war'> => e.kind === 'war');
  if (!war) return undefined;
  return {
    id: 'miscalculation',
    turn: war.turn,
    by: 'both',
    points: { us: pointsOf(lines.us, 'regional-war'), iran: pointsOf(lines.iran, 'regional-war') },
    terms: ['regional-war'],
    war: { cause: war.cause, chance: war.draw?.p ?? 1 },
    cites: war.rules,
  };
}

/** Whether the Iraqi militias' posture is a stand-down on Iran's halt (model/actors/iraqi-militias.ts). */
const halted = (posture: string) => ACTORS.iraqiMilitias.meta(posture).halted === true;

/**
 * What last took the Iraqi militias out of a halt in `turns`: Iran's guidance lifting it (the turn of
 * the order that sent it: the same turn, or earlier when the guidance took days to arrive), or a
 * relapse drawn after US strikes on them in the lull (R-SYS-07). Undefined when they left no halt there.
 */
function haltEnded(turns: readonly TurnRecord[]): { readonly by: 'us' } | { readonly by: 'iran'; readonly ordered: number } | undefined {
  let ended: ReturnType<typeof haltEnded>;
  for (const r of turns) {
    let guidance: EventOfKind<'directive'> | undefined;
    for (const e of r.events) {
      if (e.kind === 'directive' && e.actor === 'iraqiMilitias') guidance = e;
      if (e.kind !== 'posture' || e.actor !== 'iraqiMilitias' || !halted(e.from) || halted(e.to)) continue;
      if (e.on === 'RELAPSE_DRAW') ended = { by: 'us' };
      else if (e.on === 'DIRECTIVE' && guidance) ended = { by: 'iran', ordered: guidance.ordered };
    }
  }
  return ended;
}

/**
 * The first lull in Iraq and Jordan that was reached (attacks before it) and then broken. Who broke
 * it is what ended the militias' halt in the lull or the turn it broke: a relapse after a US strike
 * in the lull, or Iran's guidance lifting the halt (given in an order of that turn or before); where
 * neither did (rogue cells, or groups that were never halted), the militias on their own.
 */
function unravelling(state: GameState): Decider | undefined {
  const h = state.history;
  const p = state.params;
  const first = h.findIndex((r, i) => isLull(r) && h.slice(0, i).some((q) => !isLull(q)));
  if (first < 0) return undefined;
  const broke = h.findIndex((r, i) => i > first && !isLull(r));
  if (broke < 0) return undefined;
  const ended = haltEnded(h.slice(first, broke + 1));
  const after = h.slice(broke);
  const attacks = after.reduce((s, r) => s + r.attacksOnUS, 0);
  const killed = after.reduce((s, r) => s + r.usKilled, 0);
  return {
    id: 'unravelling',
    turn: broke,
    by: ended?.by ?? 'militias',
    ...(ended?.by === 'iran' ? { ordered: ended.ordered } : {}),
    points: { us: round(-(attacks * p.scoreUsPerAttack + killed * p.scoreUsPerDeath)), iran: round(-killed * p.scoreIranPerUsDeath) },
    terms: ['attacks-on-us', 'us-deaths', 'deaths-by-partners'],
    count: attacks,
    killed,
    cites: ended?.by === 'us' ? ['R-SYS-07', 'R-USA-04'] : ended?.by === 'iran' ? ['R-SYS-07', 'R-IRN-11'] : ['R-SYS-07', 'R-IRN-01'],
  };
}

/** US force past what deters: strikes on militias in a lull, on Iran or its forces, campaigns. */
function provocation(state: GameState, lines: Record<Side, ScoreLine[]>): Decider | undefined {
  const h = state.history;
  let count = 0;
  let turn = -1;
  h.forEach((r, i) => {
    const def = actionById(r.actions.us.force);
    const inLull = i > 0 && isLull(h[i - 1]!) && def?.effects.strikes?.target === 'militias';
    if (inLull || strikesIranOrItsForces(def) || (def?.rung ?? 0) >= 7) {
      count += 1;
      if (turn < 0) turn = i;
    }
  });
  if (count === 0) return undefined;
  const p = state.params;
  // Commanders killed push Baghdad toward a US exit (docs/strategy.md §1.1): that share of Iran's
  // withdrawal line is the provocation's gain for Iran.
  const leaders = totalsOf(state).leadersKilled;
  const fromLeaders = Math.min(pointsOf(lines.iran, 'withdrawal'), leaders * p.withdrawalPerLeaderKilled * p.scoreIranWithdrawal);
  return {
    id: 'provocation',
    turn,
    by: 'us',
    count,
    points: { us: round(pointsOf(lines.us, 'escalation', 'iran-struck')), iran: round(fromLeaders) },
    terms: ['escalation', 'iran-struck', 'withdrawal'],
    cites: ['R-SYS-05', 'R-USA-04', 'O-USA-02', 'O-USA-04'],
  };
}

function deterrence(state: GameState, lines: Record<Side, ScoreLine[]>): Decider | undefined {
  const points = pointsOf(lines.us, 'deterrence');
  if (points <= 0) return undefined;
  let turn = 0;
  state.history.forEach((r, i) => {
    if (r.deterrence > state.history[turn]!.deterrence) turn = i;
  });
  return {
    id: 'deterrence',
    turn,
    by: 'us',
    points: { us: round(points), iran: 0 },
    terms: ['deterrence'],
    cites: ['R-SYS-05', 'O-USA-03'],
  };
}

function pressure(lines: Record<Side, ScoreLine[]>): Decider | undefined {
  if (pointsOf(lines.iran, 'pressure', 'fronts') <= 0) return undefined;
  const split = { pressure: round(pointsOf(lines.iran, 'pressure')), fronts: round(pointsOf(lines.iran, 'fronts')) };
  return {
    id: 'pressure',
    turn: 0,
    by: 'iran',
    // The sum of the two lines as the score screen shows them, so that the parts add up on the page.
    points: { us: 0, iran: round(split.pressure + split.fronts) },
    terms: ['pressure', 'fronts'],
    split,
    cites: ['R-IRN-11', 'O-IRN-04'],
  };
}

/**
 * Every mechanism that played a part in this game, the one that moved the scores most first (stable on
 * ties: a war, then a broken calm, tell a class most). Deterrence and Iran's pressure are the two sides
 * of the same contest, and the ending says which one won it: a calm (or Baghdad's talks advancing in
 * quiet) is deterrence working with Iran's restraint (D-18); a crisis that still simmers is Iran's
 * pressure paying. The loser of that contest is listed last.
 */
export function deciders(state: GameState, lines: Record<Side, ScoreLine[]> = scoreLines(state)): Decider[] {
  const calm = ['calm-restored', 'drawdown'].includes(verdictOf(state).id);
  const d = deterrence(state, lines);
  const p = pressure(lines);
  const ranked = [miscalculation(state, lines), unravelling(state), provocation(state, lines), calm ? d : p]
    .filter((x): x is Decider => x !== undefined && weight(x) > 0)
    .sort((a, b) => weight(b) - weight(a));
  const loser = calm ? p : d;
  return loser ? [...ranked, loser] : ranked;
}

/** The cost or benefit that moved the scores most (the first of `deciders`), if any moved a score. */
export function decidedBy(state: GameState): Decider | undefined {
  return deciders(state)[0];
}

/** The first of `deciders` as a decision holds it: the decider, or the mechanism nearest to deciding. */
export function leadingMechanism(d: Decision): Decider | undefined {
  return d.kind === 'decided' ? d.by : d.nearest;
}

/** A score line with the side it counted for. */
export interface SideLine extends ScoreLine {
  readonly side: Side;
}

/** What a score line moved, as the debrief shows it (one decimal), to set beside a mechanism's points. */
export const lineWeight = (l: ScoreLine) => Math.abs(round(l.points));

/** Below this many points no mechanism is said to have decided a game. */
export const DECISIVE_POINTS = 1;

/** How many of the heaviest score lines an open game names as what weighed most. */
const HEAVIEST = 3;

/**
 * Whether one mechanism decided the game. `decided`: the first of `deciders` moved at least
 * DECISIVE_POINTS, and no other mechanism and no single score line but the baselines moved more.
 * `open`: no single mechanism did; `nearest` is that first mechanism, `outweighedBy` what moved more
 * than it (the score lines that did, heaviest first, else another mechanism; absent when nothing did
 * and it moved under DECISIVE_POINTS), and `heaviest` the score lines that weighed most, heaviest first.
 */
export type Decision =
  | { readonly kind: 'decided'; readonly by: Decider; readonly others: readonly Decider[] }
  | {
      readonly kind: 'open';
      readonly nearest?: Decider;
      readonly outweighedBy?: { readonly lines: readonly SideLine[] } | { readonly mechanism: Decider };
      readonly heaviest: readonly SideLine[];
    };

/**
 * The score lines the decision's sentence names (decisionText): those that weighed more than the nearest
 * mechanism, else those that weighed most; none where a mechanism decided the game.
 */
export function namedLines(d: Decision): readonly SideLine[] {
  if (d.kind === 'decided') return [];
  return d.outweighedBy && 'lines' in d.outweighedBy ? d.outweighedBy.lines : d.heaviest;
}

export function decision(state: GameState): Decision {
  const lines = scoreLines(state);
  const all = deciders(state, lines);
  const weighed = (['us', 'iran'] as const)
    .flatMap((side) => lines[side].map((l): SideLine => ({ ...l, side })))
    .filter((l) => l.term !== 'baseline' && lineWeight(l) > 0)
    .sort((a, b) => lineWeight(b) - lineWeight(a));
  const [top, ...others] = all;
  if (!top) return { kind: 'open', heaviest: weighed.slice(0, HEAVIEST) };
  const w = weight(top);
  const heavier = weighed.filter((l) => lineWeight(l) > w).slice(0, HEAVIEST);
  const mechanism = others.find((o) => weight(o) > w);
  if (w >= DECISIVE_POINTS && heavier.length === 0 && !mechanism) return { kind: 'decided', by: top, others };
  return {
    kind: 'open',
    nearest: top,
    ...(heavier.length > 0 ? { outweighedBy: { lines: heavier } } : mechanism ? { outweighedBy: { mechanism } } : {}),
    heaviest: weighed.slice(0, HEAVIEST),
  };
}
