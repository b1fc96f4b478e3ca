/**
 * Provenance: "why is this number what it is?" answered from the program itself.
 *
 * Everything that cites evidence is walked once to build a reverse index, fact ID → who cites it:
 * parameters (PARAM_SPECS), actions (ACTIONS), each actor's postures (state meta rules) and transitions
 * (transition meta rules), the ladder's rungs, the debrief's concepts, the backtest's checks and the
 * shipped scenarios' injects. Where a parameter is used is read from the model's own code: action
 * effects name parameter IDs as data, and the engine and actor sources are scanned for `.paramId`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ACTORS, ACTOR_IDS, ACTOR_NAMES, type ActorId } from '../../model/actors/index.ts';
import { ACTIONS, type ActionDef } from '../../model/actions.ts';
import { loadEvidence, type Fact } from '../../model/evidence.ts';
import { RUNGS } from '../../model/ladder.ts';
import { PARAM_IDS, PARAM_SPECS, type ParamId } from '../../model/params.ts';
import type { TransitionConfig } from '../../model/runtime.ts';
import { CHECKS } from '../backtest/checks.ts';
import { CONCEPTS } from '../debrief/concepts.ts';
import { loadScenario } from '../../scenario/loader.ts';
import type { Scenario } from '../../scenario/schema.ts';

/** The TypeScript sources (read for `.paramId` uses), from src/analysis/explain or from its compiled copy in dist/analysis/explain. */
const SRC = resolve(dirname(fileURLToPath(import.meta.url)), '../../../src');
export const SCENARIOS_DIR = resolve(SRC, '../scenarios');

export type CiterKind = 'parameter' | 'action' | 'posture' | 'transition' | 'rung' | 'concept' | 'backtest' | 'inject' | 'fact';

export interface Citer {
  readonly kind: CiterKind;
  /** What to pass to `brink explain` to see it (a param ID, an action ID, `actor.state`, …). */
  readonly id: string;
  readonly note: string;
}

/** A machine state's transitions, flattened (a transition may be a list of guarded alternatives). */
export function transitionsOf(actor: ActorId, state: string): { event: string; t: TransitionConfig }[] {
  const states = ACTORS[actor].spec.states as Readonly<Record<string, { readonly on?: Readonly<Record<string, unknown>> }>>;
  const spec = Object.hasOwn(states, state) ? states[state] : undefined;
  const out: { event: string; t: TransitionConfig }[] = [];
  for (const [event, cfg] of Object.entries(spec?.on ?? {})) {
    const list = (Array.isArray(cfg) ? cfg : [cfg]) as readonly TransitionConfig[];
    for (const t of list) out.push({ event, t });
  }
  return out;
}

export function stateIds(): string[] {
  return ACTOR_IDS.flatMap((a) => ACTORS[a].stateIds.map((s) => `${a}.${s}`));
}

export function shippedScenarios(): Scenario[] {
  return readdirSync(SCENARIOS_DIR)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => loadScenario(resolve(SCENARIOS_DIR, f)));
}

let citersCache: Map<string, Citer[]> | undefined;

/** fact ID → everything that cites it. */
export function citers(): Map<string, Citer[]> {
  if (citersCache) return citersCache;
  const index = new Map<string, Citer[]>();
  const add = (fact: string, c: Citer) => {
    const list = index.get(fact) ?? [];
    if (!list.some((x) => x.kind === c.kind && x.id === c.id)) list.push(c);
    index.set(fact, list);
  };
  for (const id of PARAM_IDS) for (const f of PARAM_SPECS[id].cites) add(f, { kind: 'parameter', id, note: PARAM_SPECS[id].description });
  for (const a of ACTIONS) for (const f of a.cites) add(f, { kind: 'action', id: a.id, note: a.label });
  for (const actor of ACTOR_IDS) {
    for (const state of ACTORS[actor].stateIds) {
      const meta = ACTORS[actor].meta(state);
      for (const f of meta.rules) add(f, { kind: 'posture', id: `${actor}.${state}`, note: `${ACTOR_NAMES[actor]}: ${meta.label}` });
      for (const { event, t } of transitionsOf(actor, state)) {
        if (!t.meta) continue;
        for (const f of t.meta.rules) {
          add(f, { kind: 'transition', id: `${actor}.${state}`, note: `on ${event}${t.target ? ` → ${t.target}` : ''}: ${t.meta.says}` });
        }
      }
    }
  }
  for (const r of RUNGS) for (const f of r.cites) add(f, { kind: 'rung', id: `rung ${r.level}`, note: r.name });
  for (const c of CONCEPTS) for (const f of c.cites) add(f, { kind: 'concept', id: c.id, note: c.name });
  for (const c of CHECKS) for (const f of c.facts) add(f, { kind: 'backtest', id: c.id, note: c.label });
  for (const s of shippedScenarios()) {
    for (const inj of s.injects) for (const f of inj.cites) add(f, { kind: 'inject', id: `${s.id}:${inj.id}`, note: inj.note });
  }
  for (const fact of loadEvidence().facts.values()) {
    for (const r of fact.related ?? []) add(r, { kind: 'fact', id: fact.id, note: fact.title });
  }
  citersCache = index;
  return index;
}

/** Where a parameter is used: the actions whose effects name it, and the model and engine files that read it. */
export interface ParamUse {
  readonly where: string;
  readonly what: string;
}

const CODE_DESCRIPTIONS: Readonly<Record<string, string>> = {
  'engine/turn.ts': 'the turn pipeline',
  'engine/phases/segments.ts': 'the days of a turn (attacks, casualties, deliberations)',
  'engine/phases/week-end.ts': 'the end of the week (pressures)',
  'engine/phases/ladder.ts': 'the ladder and the war hazard',
  'engine/phases/orders.ts': 'the orders taking effect (strikes, guidance, lags)',
  'engine/phases/intel.ts': 'intelligence (fog of war)',
  'model/activity.ts': 'posture activity rates (deterrence, provocation)',
  'engine/outcome.ts': 'scoring (objectives, DOMAIN §6)',
  'engine/game.ts': 'game set-up (bots\' starting memory)',
  'policies/historical.ts': 'the historical bots',
};

function actionParamRefs(a: ActionDef): { key: string; param: ParamId }[] {
  const out: { key: string; param: ParamId }[] = [];
  for (const [key, v] of Object.entries(a.effects)) {
    if (typeof v === 'string' && v in PARAM_SPECS) out.push({ key, param: v as ParamId });
    if (key === 'strikes' && typeof v === 'object' && v !== null && 'mean' in v) out.push({ key: 'strikes', param: (v as { mean: ParamId }).mean });
  }
  return out;
}

let codeCache: { file: string; text: string }[] | undefined;
function modelCode(): { file: string; text: string }[] {
  if (codeCache) return codeCache;
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = resolve(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.ts') && e.name !== 'params.ts') files.push(p);
    }
  };
  for (const d of ['model', 'engine', 'policies']) walk(resolve(SRC, d));
  codeCache = files.sort().map((f) => ({ file: relative(SRC, f), text: readFileSync(f, 'utf8') }));
  return codeCache;
}

export function paramUses(id: ParamId): ParamUse[] {
  const uses: ParamUse[] = [];
  for (const a of ACTIONS) for (const r of actionParamRefs(a)) if (r.param === id) uses.push({ where: `action ${a.id}`, what: `${r.key} of "${a.label}"` });
  const re = new RegExp(`\\.${id}\\b|'${id}'`);
  for (const { file, text } of modelCode()) {
    if (file === 'model/actions.ts') continue; // covered above, as data
    if (!re.test(text)) continue;
    const actor = /^model\/actors\/(.+)\.ts$/.exec(file)?.[1];
    uses.push({ where: `src/${file}`, what: CODE_DESCRIPTIONS[file] ?? (actor ? `the ${actor} machine` : 'model code') });
  }
  return uses;
}

export function sourceOf(file: string): { file: string; outlet: string; date: string; reliability: string } {
  const s = loadEvidence().sources.find((x) => x.file === file);
  return s ? { file, outlet: s.outlet, date: s.date, reliability: s.reliability } : { file, outlet: 'unknown outlet', date: '', reliability: '' };
}

export function factOrUndefined(id: string): Fact | undefined {
  return loadEvidence().facts.get(id);
}
