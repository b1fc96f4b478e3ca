/** Plays one game index under every arm of a batch: what each worker does, game after game. */
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import { getPolicy, type Policy } from '../policies/index.ts';
import { loadScenario } from '../scenario/loader.ts';
import type { Scenario } from '../scenario/schema.ts';
import type { GameResult, WorkerSetup } from './protocol.ts';
import { playRecord } from './record.ts';
import { gameSeed } from './seeds.ts';

export interface PreparedArm {
  readonly scenario: Scenario;
  readonly us: Policy;
  readonly iran: Policy;
  readonly params: Readonly<Record<string, number>>;
}

export async function importModules(modules: readonly string[]): Promise<void> {
  for (const m of modules) await import(pathToFileURL(resolve(m)).href);
}

export function prepareArms(setup: WorkerSetup): PreparedArm[] {
  const scenarios = new Map<string, Scenario>();
  return setup.arms.map((arm) => {
    let scenario = scenarios.get(arm.scenario);
    if (!scenario) {
      scenario = loadScenario(arm.scenario);
      scenarios.set(arm.scenario, scenario);
    }
    return { scenario, us: getPolicy(arm.us, 'us'), iran: getPolicy(arm.iran, 'iran'), params: arm.params };
  });
}

export function playIndex(arms: readonly PreparedArm[], batchSeed: string, index: number): GameResult {
  const seed = gameSeed(batchSeed, index);
  return { index, seed, records: arms.map((arm) => playRecord(arm.scenario, arm, index, seed)) };
}
