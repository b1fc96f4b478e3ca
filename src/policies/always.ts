/**
 * Fixed-order policies, `always:<order>`: the side gives the same order every turn, whatever happens.
 * The order is a portfolio `force+signal` or one action, the other lever empty (model/portfolio.ts). An
 * analyst tests any order against the historical policy with one command, e.g.
 * `brink compare --scenario red-sea --us-policy-b always:us.hold+us.strike-houthis`.
 */
import type { Side } from '../model/actions.ts';
import {
  ALWAYS_PREFIX,
  PortfolioError,
  lowerFirst,
  parsePortfolio,
  portfolioLabel,
  portfolioRung,
  portfolioSide,
} from '../model/portfolio.ts';
import type { Policy } from './policy.ts';

export class FixedOrderError extends Error {
  override readonly name = 'FixedOrderError';
}

/** Whether an `always:` ID names an order (of either side). */
export function isFixedOrderId(id: string): boolean {
  return id.startsWith(ALWAYS_PREFIX) && portfolioSide(id.slice(ALWAYS_PREFIX.length)) !== undefined;
}

/** The policy an `always:` ID names for `side`, or undefined when `id` is not of that form. */
export function fixedOrder(id: string, side: Side): Policy | undefined {
  if (!id.startsWith(ALWAYS_PREFIX)) return undefined;
  const order = id.slice(ALWAYS_PREFIX.length);
  let portfolio: ReturnType<typeof parsePortfolio>;
  try {
    portfolio = parsePortfolio(order, side);
  } catch (err) {
    if (err instanceof PortfolioError) throw new FixedOrderError(`'${id}': ${err.message.replace(`'${order}': `, '')}`);
    throw err;
  }
  const label = portfolioLabel(portfolio);
  return {
    id,
    name: `Always ${lowerFirst(label)}`,
    description: `Gives the same order every turn: ${label} (rung ${portfolioRung(portfolio)})`,
    choose(obs) {
      for (const lever of [portfolio.force, portfolio.signal])
        if (!obs.legal.includes(lever)) throw new FixedOrderError(`'${id}': ${lever} is not legal on turn ${obs.turn + 1}`);
      return order;
    },
  };
}
