/**
 * The model's version: which rules and parameters produced a game or a file. It changes whenever the
 * parameters, the action catalogue, the ladder or any machine's structure (states, transitions, guards
 * and updates by name, meta) changes, because it hashes them; and whenever the code of a rule changes,
 * because whoever changes a guard's, an update's or a turn phase's code bumps RULES_REVISION. A save or
 * output from another model version is never silently read as this one's.
 */
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { ACTIONS } from './actions.ts';
import { ACTORS } from './actors/index.ts';
import { CONFIDENCE_BANDS, INTEL_SOURCES } from './intel.ts';
import { RUNGS } from './ladder.ts';
import { PARAM_SPECS } from './params.ts';

/**
 * Bump when the code (not the data) of a rule changes: a guard, an update, a rate modifier, a phase; and
 * when a turn record gains a field, since a save's turn digests hash the records (14: warChance; 15: Iran's
 * pressure pays nothing in a week its own forces fire on US forces).
 */
export const RULES_REVISION = 15;

/** A machine's structure as data: functions by name only. */
function machineData(): unknown {
  const out: Record<string, unknown> = {};
  for (const [id, def] of Object.entries(ACTORS)) {
    const spec = def.spec;
    out[id] = {
      initial: spec.initial,
      context: spec.context,
      states: spec.states,
      guards: Object.keys(spec.guards),
      updates: Object.keys(spec.updates),
      input: spec.input !== undefined,
      deliberation: spec.deliberation !== undefined,
    };
  }
  return out;
}

function digest(data: unknown): string {
  return createHash('sha256').update(JSON.stringify(data)).digest('hex').slice(0, 12);
}

/** The hash of everything the rules are made of. */
export const MODEL_HASH = digest({
  RULES_REVISION,
  params: PARAM_SPECS,
  actions: ACTIONS,
  rungs: RUNGS,
  machines: machineData(),
  intel: { sources: INTEL_SOURCES, bands: CONFIDENCE_BANDS },
});

const pkg = createRequire(import.meta.url)('../../package.json') as { readonly version: string };

/** Package version plus the rules' hash, e.g. `0.2.0+1a2b3c4d5e6f`. */
export const MODEL_VERSION = `${pkg.version}+${MODEL_HASH}`;
