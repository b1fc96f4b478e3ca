/**
 * A turn's order: a portfolio of one force action and one signal action (docs/strategy.md §1.7). The
 * record ran tracks at once, strikes in Yemen beside restraint in Iraq (R-USA-06, R-USA-04), reining in
 * beside backing the talks (R-IRN-05, R-IRN-08); one lever a turn could not play them.
 *
 * A portfolio's ID is `force+signal` (`us.hold+us.strike-houthis`). A single action ID still names an
 * order, the other lever empty: a force action with no signal, a signal action beside the side's empty
 * force choice (`us.hold`, `iran.hold-course`). That is how `always:<action>`, old saves and policy
 * modules written for one lever read.
 */
import { actionById, actionsOn, isPublicAction, type ActionDef, type ActionId, type Side } from './actions.ts';

export interface Portfolio {
  readonly force: ActionId;
  readonly signal: ActionId;
}

/** The force choice that adds nothing new: the US holds fire, Iran leaves its broad guidance in place. */
export const EMPTY_FORCE: Readonly<Record<Side, ActionId>> = { us: 'us.hold', iran: 'iran.hold-course' };
/** The signal choice that says nothing. */
export const EMPTY_SIGNAL: Readonly<Record<Side, ActionId>> = { us: 'us.none', iran: 'iran.none' };

export const PORTFOLIO_SEPARATOR = '+';

export class PortfolioError extends Error {
  override readonly name = 'PortfolioError';
}

export function portfolioId(p: Portfolio): string {
  return `${p.force}${PORTFOLIO_SEPARATOR}${p.signal}`;
}

function sideName(side: Side): string {
  return side === 'us' ? 'the US' : 'Iran';
}

function actionOf(id: string, side: Side, where: string): ActionDef {
  const def = actionById(id);
  if (!def) throw new PortfolioError(`${where}: no action '${id}' (see brink explain --list)`);
  if (def.side !== side) throw new PortfolioError(`${where}: ${id} is an action of ${sideName(def.side)}, not of ${sideName(side)}`);
  return def;
}

/**
 * Each side's orders read so far, by ID: a bot's order is read twice a turn in every game of a batch,
 * and the answer for an ID never changes. The portfolios handed out are frozen, as they are shared.
 */
const PARSED: Readonly<Record<Side, Map<string, Portfolio>>> = { us: new Map(), iran: new Map() };

/**
 * The portfolio an order ID names for `side`: `force+signal`, or one action with the other lever empty.
 * Throws a PortfolioError naming what is wrong (an unknown action, the other side's, two of one lever).
 */
export function parsePortfolio(id: string, side: Side): Portfolio {
  const parsed = PARSED[side];
  let p = parsed.get(id);
  if (!p) {
    p = Object.freeze(parseUncached(id, side));
    // Bounded: the IDs a batch meets are the few its bots choose; a long session's typed ones stay few too.
    if (parsed.size < 10_000) parsed.set(id, p);
  }
  return p;
}

function parseUncached(id: string, side: Side): Portfolio {
  const parts = id.split(PORTFOLIO_SEPARATOR);
  if (parts.length === 1) {
    const def = actionOf(id, side, `'${id}'`);
    return def.track === 'force' ? { force: def.id, signal: EMPTY_SIGNAL[side] } : { force: EMPTY_FORCE[side], signal: def.id };
  }
  if (parts.length !== 2) throw new PortfolioError(`'${id}': a portfolio is two actions, force+signal`);
  const [force, signal] = parts.map((p) => actionOf(p, side, `'${id}'`)) as [ActionDef, ActionDef];
  if (force.track !== 'force') throw new PortfolioError(`'${id}': ${force.id} is a signal action, so it goes second (force+signal)`);
  if (signal.track !== 'signal') throw new PortfolioError(`'${id}': ${signal.id} is a force action, so it goes first (force+signal)`);
  return { force: force.id, signal: signal.id };
}

/** Whether `id` names a portfolio of `side` (see parsePortfolio). */
export function isPortfolioId(id: string, side: Side): boolean {
  try {
    parsePortfolio(id, side);
    return true;
  } catch {
    return false;
  }
}

/** A fixed-order policy's ID is this prefix and an order: `always:us.hold+us.strike-houthis` (policies/always.ts). */
export const ALWAYS_PREFIX = 'always:';

/** The side whose actions an order ID names, when it names a valid order of either side. */
export function portfolioSide(id: string): Side | undefined {
  return isPortfolioId(id, 'us') ? 'us' : isPortfolioId(id, 'iran') ? 'iran' : undefined;
}

/** The rung a portfolio acts at: the higher of its two levers. */
export function portfolioRung(p: Portfolio): number {
  return Math.max(actionById(p.force)?.rung ?? 0, actionById(p.signal)?.rung ?? 0);
}

/** The portfolio's two actions, force first (the order the engine applies them in). */
export function leversOf(p: Portfolio): readonly [ActionDef, ActionDef] {
  return [actionById(p.force)!, actionById(p.signal)!];
}

const ALL: Partial<Record<Side, readonly string[]>> = {};

/** The portfolios of any of `forces` beside any of `signals`, force-major, in the lists' order. */
export function portfolioIdsOf(forces: readonly ActionDef[], signals: readonly ActionDef[]): readonly string[] {
  return Object.freeze(forces.flatMap((f) => signals.map((s) => portfolioId({ force: f.id, signal: s.id }))));
}

/** Every portfolio of a side, force-major in catalogue order: any force action beside any signal. */
export function portfolioIds(side: Side): readonly string[] {
  return (ALL[side] ??= portfolioIdsOf(actionsOn(side, 'force'), actionsOn(side, 'signal')));
}

/** A portfolio in words: the force action's label, and the signal's unless it is the empty one. */
export function portfolioLabel(p: Portfolio): string {
  const [force, signal] = leversOf(p);
  return leverLabels(force?.label ?? p.force, Object.values(EMPTY_SIGNAL).includes(p.signal) ? undefined : (signal?.label ?? p.signal));
}

/**
 * Levers' labels as one order's name, the one rendering of every portfolio (a whole one, or the part of
 * one the other side saw): "Kill a militia commander + strike Houthi launchers". Either lever may be
 * missing (the empty signal, or a lever not seen); the first shown keeps its capital.
 */
export function leverLabels(force: string | undefined, signal: string | undefined): string {
  if (force === undefined) return signal ?? '';
  return signal === undefined ? force : `${force} + ${lowerFirst(signal)}`;
}

/** A label inside a sentence: its first letter lower case, proper names (Houthi, Iran) kept. */
export function lowerFirst(label: string): string {
  return label.charAt(0).toLowerCase() + label.slice(1);
}

/**
 * What the other side sees of a portfolio, lever by lever: each action where it is public, null where
 * it is private (Iran's guidance, a US decision to hold fire) or the empty signal.
 */
export function seenOrder(p: Portfolio): { readonly force: ActionId | null; readonly signal: ActionId | null } {
  const [force, signal] = leversOf(p);
  return { force: force && isPublicAction(force) ? p.force : null, signal: signal && isPublicAction(signal) ? p.signal : null };
}

/** Both sides' orders from their IDs (each a portfolio or one action): a turn's decisions, for scripts and tests. */
export function ordersOf(us: string, iran: string): { readonly us: Portfolio; readonly iran: Portfolio } {
  return { us: parsePortfolio(us, 'us'), iran: parsePortfolio(iran, 'iran') };
}
