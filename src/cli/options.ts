/** Flag parsing shared by the commands: each failure names the flag and what it expects. */
import type { Side } from '../model/actions.ts';
import { BUILTIN_POLICIES, UnknownPolicyError, type Policy, type PolicyRegistry } from '../policies/index.ts';
import { existsSync } from 'node:fs';
import { listScenarioIds, loadScenario, looksLikeScenarioPath } from '../scenario/loader.ts';
import { nearMisses } from '../scenario/issue-words.ts';
import { DEFAULT_POLICY_FIELD, defaultPolicy, type Scenario } from '../scenario/schema.ts';
import { UsageError } from './errors.ts';

export function parsePositiveInt(flag: string, raw: string, { min = 1, max = Number.MAX_SAFE_INTEGER } = {}): number {
  const range = max === Number.MAX_SAFE_INTEGER ? `${min} or more` : `from ${min} to ${max}`;
  if (!/^[-+]?\d+$/.test(raw.trim())) throw new UsageError(`${flag} must be a whole number ${range}, got '${raw}'`);
  const n = Number(raw);
  if (n < min || n > max) throw new UsageError(`${flag} must be a whole number ${range}, got ${n}`);
  return n;
}

export function parsePolicy(flag: string, id: string, side: Side, registry: PolicyRegistry = BUILTIN_POLICIES): Policy {
  try {
    return registry.get(id, side);
  } catch (err) {
    if (err instanceof UnknownPolicyError) throw new UsageError(`${flag}: ${err.message}`);
    throw err;
  }
}

/** The help of --us-policy and --iran-policy: where the bot comes from when the flag is not given. */
export const policyHelp = (side: Side) =>
  `bot for ${side === 'us' ? 'the US' : 'Iran'} (default: the scenario's defaults.${DEFAULT_POLICY_FIELD[side]}, else historical)`;

/**
 * A side's bot: the flag's when it is given, else the one the scenario names in `defaults` (scenario/schema.ts
 * defaultPolicy). A default the registry refuses is named by its field, since no flag gave it.
 */
export function sidePolicy(
  flag: string,
  raw: string | undefined,
  side: Side,
  scenario: Scenario,
  registry: PolicyRegistry = BUILTIN_POLICIES,
): Policy {
  if (raw !== undefined) return parsePolicy(flag, raw, side, registry);
  try {
    return parsePolicy(`scenario ${scenario.id}: defaults.${DEFAULT_POLICY_FIELD[side]}`, defaultPolicy(scenario, side), side, registry);
  } catch (err) {
    // The scenario file is at fault, not the command's flags: no usage.
    if (err instanceof UsageError) throw new UsageError(`${err.message} (give ${flag} to choose another)`, false);
    throw err;
  }
}

/**
 * Loads a scenario by ID or path, its `defaults` checked against the bots of `policies`; its errors
 * (file:line:col path: message) pass through as they are.
 */
export function scenarioFrom(idOrPath: string, policies: PolicyRegistry = BUILTIN_POLICIES, flag = '--scenario'): Scenario {
  // A name that is neither a shipped scenario nor a file is a mistyped flag, not a broken file: say so
  // with the usage. A file that exists but does not parse keeps its file:line:col error.
  if (!existsSync(idOrPath)) {
    if (looksLikeScenarioPath(idOrPath)) throw new UsageError(`${flag}: no such file '${idOrPath}'`);
    const ids = listScenarioIds();
    if (!ids.includes(idOrPath)) {
      const near = nearMisses(idOrPath, ids, 2);
      throw new UsageError(
        `${flag}: no scenario '${idOrPath}'${near.length > 0 ? ` (did you mean ${near.join(' or ')}?)` : ''} (shipped: ${ids.join(', ')}; or give a YAML file's path)`,
      );
    }
  }
  return loadScenario(idOrPath, { policies });
}

export function parseSeed(raw: string): string {
  if (raw.length === 0 || raw.length > 200) throw new UsageError('--seed must be 1 to 200 characters');
  return raw;
}
