/** The bot registry, and the glue that lets a bot choose from the game state through its observation. */
import type { Side } from '../model/actions.ts';
import { worldSampler } from '../engine/determinize.ts';
import { observe } from '../engine/observe.ts';
import { botStream } from '../engine/rng.ts';
import type { GameState } from '../engine/state.ts';
import { historical } from './historical.ts';
import type { Policy, PolicyFactory } from './policy.ts';
import { dove, hawk, random, titForTat } from './simple.ts';
import { search } from './search.ts';

const FACTORIES: Record<string, PolicyFactory> = {
  historical,
  hawk,
  dove,
  'tit-for-tat': titForTat,
  random,
  search: (side) => search(side),
};

export function registerPolicy(id: string, factory: PolicyFactory): void {
  FACTORIES[id] = factory;
}

export function policyIds(): string[] {
  return Object.keys(FACTORIES);
}

export class UnknownPolicyError extends Error {
  override readonly name = 'UnknownPolicyError';
}

export function getPolicy(id: string, side: Side): Policy {
  const factory = FACTORIES[id];
  if (!factory) throw new UnknownPolicyError(`unknown policy '${id}'; expected one of ${policyIds().join(', ')}`);
  return factory(side);
}

/** The bot's choice for `side` now: it sees `observe(state, side)` and draws from its own stream. */
export function chooseAction(state: GameState, side: Side, policy: Policy): string {
  const rng = botStream(state, side);
  return policy.choose(observe(state, side), rng, worldSampler(state, side));
}

export type { Policy } from './policy.ts';
