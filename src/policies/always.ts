/**
 * Fixed-order policies, `always:<action-id>`: the side gives the same order every turn, whatever
 * happens. An analyst tests any order against the historical policy with one command, e.g.
 * `brink compare --scenario red-sea --us-policy-b always:us.major-campaign`.
 */
import { actionById, type Side } from '../model/actions.ts';
import type { Policy } from './policy.ts';

export const ALWAYS_PREFIX = 'always:';

export class FixedOrderError extends Error {
  override readonly name = 'FixedOrderError';
}

/** Whether an `always:` ID names an existing action (of either side). */
export function isFixedOrderId(id: string): boolean {
  return id.startsWith(ALWAYS_PREFIX) && actionById(id.slice(ALWAYS_PREFIX.length)) !== undefined;
}

/** The policy an `always:` ID names for `side`, or undefined when `id` is not of that form. */
export function fixedOrder(id: string, side: Side): Policy | undefined {
  if (!id.startsWith(ALWAYS_PREFIX)) return undefined;
  const action = id.slice(ALWAYS_PREFIX.length);
  const def = actionById(action);
  if (!def) throw new FixedOrderError(`'${id}': no action '${action}' (see brink explain --list)`);
  if (def.side !== side)
    throw new FixedOrderError(
      `'${id}': ${action} is an action of ${def.side === 'us' ? 'the US' : 'Iran'}, not of ${side === 'us' ? 'the US' : 'Iran'}`,
    );
  return {
    id,
    name: `Always ${def.label.toLowerCase()}`,
    description: `Gives the same order every turn: ${def.label} (rung ${def.rung})`,
    choose(obs) {
      if (!obs.legal.includes(action)) throw new FixedOrderError(`'${id}': ${action} is not legal on turn ${obs.turn + 1}`);
      return action;
    },
  };
}
