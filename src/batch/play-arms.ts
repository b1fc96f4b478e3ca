/** Plays one game index under every arm of a batch: what each worker does, game after game. */
import { resolve } from 'node:path';
import { checkRegularFile, MiB } from '../io/read.ts';
import { BUILTIN_POLICIES, type PolicyRegistry, type Policy, type PolicyFactory } from '../policies/index.ts';
import { importModule } from './import-module.ts';
import { drawParams, NO_UNCERTAINTY, type ParamDistribution } from '../analysis/uncertainty/distribution.ts';
import type { Scenario } from '../scenario/schema.ts';
import type { WorkerSetup } from './protocol.ts';
import { playRecord, type GameResult } from './record.ts';
import { gameSeed } from './seeds.ts';

export interface PreparedArm {
  readonly scenario: Scenario;
  readonly us: Policy;
  readonly iran: Policy;
  readonly params: Readonly<Record<string, number>>;
}

const POLICY_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/**
 * The registry a batch plays with: the built-in bots plus those of each `--policy-module`. A module
 * exports `policies`, a record or Map from ID to factory `(side) => Policy`; nothing global changes, so
 * the registry is handed to whoever plays (here, and in each worker, which loads the same modules).
 */
export async function loadPolicyModules(modules: readonly string[], base: PolicyRegistry = BUILTIN_POLICIES): Promise<PolicyRegistry> {
  let registry = base;
  for (const m of modules) {
    // import() would read a device or a FIFO without end: only a regular file is handed to it.
    checkRegularFile(resolve(m), '--policy-module', 16 * MiB);
    const mod = (await importModule(m)) as { policies?: unknown };
    const exported = mod.policies;
    if (exported === undefined || exported === null || typeof exported !== 'object') {
      throw new Error(`${m} exports no \`policies\` (a record or Map from policy ID to (side) => Policy)`);
    }
    const entries = exported instanceof Map ? [...(exported as Map<unknown, unknown>)] : Object.entries(exported);
    for (const [id] of entries) {
      if (typeof id !== 'string' || !POLICY_ID.test(id))
        throw new Error(`${m}: '${String(id)}' is not a policy ID (letters, digits, '.', '_', '-')`);
    }
    registry = registry.with(entries as [string, PolicyFactory][], m);
  }
  return registry;
}

/** Each arm with its scenario (from the setup: see WorkerSetup.scenarios) and its bots. */
export function prepareArms(setup: Pick<WorkerSetup, 'arms' | 'scenarios'>, registry: PolicyRegistry): PreparedArm[] {
  return setup.arms.map((arm, i) => {
    const scenario = setup.scenarios[i];
    if (!scenario) throw new Error(`no scenario for arm ${i} (${arm.scenario})`);
    return { scenario, us: registry.get(arm.us, 'us'), iran: registry.get(arm.iran, 'iran'), params: arm.params };
  });
}

/**
 * Game `index` under every arm. With a parameter distribution, the game's parameters are drawn from it
 * (the arm's --param values pinned on top): every arm plays the same draw, so comparisons stay paired.
 */
export function playIndex(
  arms: readonly PreparedArm[],
  batchSeed: string,
  index: number,
  dist: ParamDistribution = NO_UNCERTAINTY,
): GameResult {
  const seed = gameSeed(batchSeed, index);
  return {
    index,
    seed,
    records: arms.map((arm) =>
      playRecord(
        arm.scenario,
        dist.kind === 'none' ? arm : { ...arm, params: drawParams(dist, batchSeed, index, arm.params) },
        index,
        seed,
      ),
    ),
  };
}
