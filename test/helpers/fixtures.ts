/** Shared test fixtures: shipped scenarios loaded once per test file. */
import { loadScenario } from '../../src/scenario/loader.ts';
import type { Scenario } from '../../src/scenario/schema.ts';

const cache = new Map<string, Scenario>();

export function scenario(id: string): Scenario {
  let s = cache.get(id);
  if (!s) {
    s = loadScenario(id);
    cache.set(id, s);
  }
  return s;
}

export const SHIPPED = ['october-2023', 'tower-22', 'red-sea', 'rafah'] as const;
