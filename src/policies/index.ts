/** The bot registry, and the glue that lets a bot choose from the game state through its observation. */
import type { Side } from '../model/actions.ts';
import { worldSampler } from '../engine/determinize.ts';
import { observe } from '../engine/observe.ts';
import { botStream } from '../engine/rng.ts';
import type { GameState } from '../engine/state.ts';
import { ALWAYS_PREFIX, parsePortfolio, type Portfolio } from '../model/portfolio.ts';
import { fixedOrder, isFixedOrderId } from './always.ts';
import { easy, hard } from './difficulty.ts';
import { historical, RECORD_POLICY } from './historical.ts';
import type { Policy, PolicyFactory } from './policy.ts';
import { dove, hawk, random, titForTat } from './simple.ts';
import { searchBot } from './search.ts';

export { offRecordSides, RECORD_POLICY } from './historical.ts';

export class UnknownPolicyError extends Error {
  override readonly name = 'UnknownPolicyError';
}

/**
 * The bots a command may use, by ID. A `Map`, so that no object member (`toString`, `constructor`,
 * `__proto__`) can ever be taken for a policy; immutable, so that loading a user's module never
 * changes what another caller sees: `with` returns a new registry, which is passed to whoever needs it.
 */
export class PolicyRegistry {
  private readonly factories: ReadonlyMap<string, PolicyFactory>;

  constructor(entries: Iterable<readonly [string, PolicyFactory]>) {
    this.factories = new Map(entries);
  }

  /** This registry plus `extra`; an ID already taken is refused (a module cannot replace a bot). */
  with(extra: Iterable<readonly [string, PolicyFactory]>, source = 'a policy module'): PolicyRegistry {
    const all = new Map(this.factories);
    for (const [id, factory] of extra) {
      if (all.has(id)) throw new Error(`${source} defines policy '${id}', which already exists`);
      if (typeof factory !== 'function') throw new Error(`${source}: policy '${id}' is not a function (side) => Policy`);
      all.set(id, factory);
    }
    return new PolicyRegistry(all);
  }

  ids(): string[] {
    return [...this.factories.keys()];
  }

  /** Whether `id` names a bot: a registered one, or a fixed order of an existing action (always.ts). */
  has(id: string): boolean {
    return this.factories.has(id) || (id.startsWith(ALWAYS_PREFIX) && isFixedOrderId(id));
  }

  get(id: string, side: Side): Policy {
    if (id.startsWith(ALWAYS_PREFIX)) {
      try {
        return fixedOrder(id, side)!;
      } catch (err) {
        throw new UnknownPolicyError((err as Error).message);
      }
    }
    const factory = this.factories.get(id);
    if (!factory) {
      // The game's Normal level is the historical bot; a level's name is the one a player meets first.
      const level = id.toLowerCase() === 'normal' && this.factories.has(RECORD_POLICY) ? ` (the Normal level is '${RECORD_POLICY}')` : '';
      throw new UnknownPolicyError(
        `unknown policy '${id}'${level}; expected one of ${this.ids().join(', ')}, or ${ALWAYS_PREFIX}<force>+<signal>`,
      );
    }
    return factory(side);
  }
}

export const BUILTIN_POLICIES = new PolicyRegistry([
  [RECORD_POLICY, historical],
  ['hawk', hawk],
  ['dove', dove],
  ['tit-for-tat', titForTat],
  ['random', random],
  ['search', searchBot],
  ['easy', easy],
  ['hard', hard],
]);

export function policyIds(registry: PolicyRegistry = BUILTIN_POLICIES): string[] {
  return registry.ids();
}

export function getPolicy(id: string, side: Side, registry: PolicyRegistry = BUILTIN_POLICIES): Policy {
  return registry.get(id, side);
}

/**
 * The bot's choice for `side` now: it sees `observe(state, side)` and draws from its own stream. Its
 * order ID is read as a portfolio; an ID that names none is the bot's error, said with its name.
 */
export function chooseAction(state: GameState, side: Side, policy: Policy): Portfolio {
  const rng = botStream(state, side);
  const id = policy.choose(observe(state, side), rng, worldSampler(state, side));
  try {
    return parsePortfolio(id, side);
  } catch (err) {
    throw new Error(`policy '${policy.id}' chose ${(err as Error).message}`);
  }
}

export type { Policy, PolicyFactory } from './policy.ts';
