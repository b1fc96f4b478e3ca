/**
 * Provenance: "why is this number what it is?" answered from the program itself.
 *
 * Everything that cites evidence is walked once to build a reverse index, fact ID → who cites it:
 * parameters (PARAM_SPECS), actions (ACTIONS), each actor's postures (state meta rules) and transitions
 * (transition meta rules), the ladder's rungs, the debrief's concepts, the backtest's checks and the
 * shipped scenarios' injects. Where a parameter is used is read from data too (`paramUses`): action
 * effects and posture meta name parameter IDs, and the engine's phases, scoring, the activity modifiers
 * and each machine's deliberation declare the parameters their code reads (kept honest by a test).
 */
import { ACTORS, ACTOR_IDS, ACTOR_NAMES, type ActorId } from '../../model/actors/index.ts';
import { ACTIONS, effectParamRefs } from '../../model/actions.ts';
import { loadEvidence, type Fact } from '../../model/evidence.ts';
import { RUNGS } from '../../model/ladder.ts';
import { MODIFIERS, type ActivitySpec, type Modifier } from '../../model/activity.ts';
import { isParamId, PARAM_IDS, PARAM_SPECS, resolveParams, type ParamId, type Params } from '../../model/params.ts';
import { priorOf } from '../../model/priors.ts';
import { SCORING_READS } from '../../engine/outcome.ts';
import { PHASES } from '../../engine/turn.ts';
import { describeRecommendation, type Recommendation, type TransitionConfig } from '../../model/runtime.ts';
import { loadRecord } from '../record/table.ts';
import { CONCEPTS } from '../debrief/concepts.ts';
import { loadShippedScenarios } from '../../scenario/loader.ts';

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
  for (const r of RUNGS) for (const f of r.cites) add(f, { kind: 'rung', id: String(r.level), note: r.name });
  for (const c of CONCEPTS) for (const f of c.cites) add(f, { kind: 'concept', id: c.id, note: c.name });
  for (const c of loadRecord().figures) for (const f of c.facts) add(f, { kind: 'backtest', id: c.id, note: `${c.label} (${c.scenario})` });
  for (const s of loadShippedScenarios()) {
    for (const inj of s.injects) for (const f of inj.cites) add(f, { kind: 'inject', id: `${s.id}:${inj.id}`, note: inj.note });
  }
  for (const fact of loadEvidence().facts.values()) {
    for (const r of fact.related ?? []) add(r, { kind: 'fact', id: fact.id, note: fact.title });
  }
  citersCache = index;
  return index;
}

/** Where a parameter is used (`where`: what to look at, `what`: what it does there). */
export interface ParamUse {
  readonly where: string;
  readonly what: string;
}

/**
 * The parameters a function of the parameters reads, found by calling it on a recording proxy; and,
 * where it copies a parameter into a field of what it returns (a machine's `input`), which field.
 * Each parameter reads as a distinct number, so a copied value names its parameter.
 */
export function readsOf(f: (params: Params) => unknown): { reads: ParamId[]; fields: Map<ParamId, string[]> } {
  const read = new Set<ParamId>();
  const marks = new Map<number, ParamId>(PARAM_IDS.map((id, i) => [1e9 + i + 0.5, id]));
  const byId = new Map<ParamId, number>([...marks].map(([n, id]) => [id, n]));
  const out = f(
    new Proxy(resolveParams({}), {
      get(target, key, receiver) {
        if (typeof key === 'string' && isParamId(key)) {
          read.add(key);
          return byId.get(key);
        }
        return Reflect.get(target, key, receiver);
      },
    }),
  );
  const fields = new Map<ParamId, string[]>();
  if (typeof out === 'object' && out !== null) {
    for (const [field, v] of Object.entries(out)) {
      const id = typeof v === 'number' ? marks.get(v) : undefined;
      if (id) fields.set(id, [...(fields.get(id) ?? []), field]);
    }
  }
  return { reads: PARAM_IDS.filter((id) => read.has(id)), fields };
}

const ACTIVITY_WORDS: Readonly<Record<ActivitySpec['kind'], string>> = {
  attacksOnUS: 'attacks on US forces',
  shipping: 'attacks on shipping',
  borderFireDays: 'fire across the Lebanon border',
};

/** "attacks on US forces in Iraq and Jordan", "attacks on shipping". */
function activityWords(specs: readonly ActivitySpec[]): string {
  const kinds = [...new Set(specs.map((s) => s.kind))];
  return kinds
    .map((kind) => {
      const places = specs.filter((s) => s.kind === kind && s.place).map((s) => `${s.place![0]!.toUpperCase()}${s.place!.slice(1)}`);
      return `${ACTIVITY_WORDS[kind]}${places.length > 0 ? ` in ${places.join(' and ')}` : ''}`;
    })
    .join('; ');
}

let usesCache: Map<ParamId, ParamUse[]> | undefined;

/**
 * Every place the model uses a parameter, from data alone: the actions' effects; each posture's meta
 * (activity rates as products of parameters, the deliberation lag, the historical bot's chance); each
 * machine's `input` (called on a recording proxy) and its declared deliberation reads; the activity
 * modifiers', the engine phases' and scoring's declared reads. test/engine/param-reads.test.ts plays
 * games on a recording proxy and checks that these declarations are exactly what the code reads.
 */
function usesIndex(): Map<ParamId, ParamUse[]> {
  if (usesCache) return usesCache;
  const index = new Map<ParamId, ParamUse[]>();
  const add = (id: ParamId, use: ParamUse) => {
    const list = index.get(id) ?? [];
    if (!list.some((u) => u.where === use.where && u.what === use.what)) list.push(use);
    index.set(id, list);
  };
  for (const a of ACTIONS)
    for (const r of effectParamRefs(a.effects)) add(r.param, { where: `action ${a.id}`, what: `${r.key} of "${a.label}"` });
  const modifierUsers = new Map<Modifier, string[]>();
  for (const actor of ACTOR_IDS) {
    const def = ACTORS[actor];
    for (const state of def.stateIds) {
      const meta = def.meta(state);
      const where = `posture ${actor}.${state}`;
      // One line per parameter and posture: its role, and which of the posture's activities it enters.
      const roles = new Map<string, { id: ParamId; role: string; of: ActivitySpec[] }>();
      const role = (id: ParamId, r: string, spec: ActivitySpec) => {
        const entry = roles.get(`${id} ${r}`) ?? { id, role: r, of: [] };
        entry.of.push(spec);
        roles.set(`${id} ${r}`, entry);
      };
      for (const spec of meta.activity ?? []) {
        for (const f of spec.rate) {
          if (isParamId(f)) role(f, `a factor of the daily ${spec.kind === 'borderFireDays' ? 'chance' : 'rate'} of`, spec);
          else modifierUsers.set(f, [...new Set([...(modifierUsers.get(f) ?? []), `${actor}.${state}`])]);
        }
        if (spec.lethality) role(spec.lethality, 'multiplies the chance of a death in', spec);
      }
      for (const r of roles.values()) add(r.id, { where, what: `${r.role} ${activityWords(r.of)}` });
      if (meta.deliberates)
        for (const id of meta.deliberates.lagDays) add(id, { where, what: 'days until its leaders weigh a halt (the deliberation lag)' });
      // Every chance in the recommendation, nested under a flag or another chance included.
      const chances = (rec: string | Recommendation | undefined): void => {
        if (rec === undefined || typeof rec === 'string' || 'action' in rec) return;
        if ('chance' in rec && isParamId(rec.chance)) {
          const [then, otherwise] = [rec.then, rec.otherwise].map(describeRecommendation);
          add(rec.chance, { where, what: `the historical bot's chance of ${then} rather than ${otherwise}` });
        }
        chances(rec.then);
        chances(rec.otherwise);
      };
      chances(meta.recommends);
    }
    const spec = def.spec as { readonly input?: (p: Params) => unknown; readonly deliberationReads?: readonly ParamId[] };
    if (spec.input) {
      const { reads, fields } = readsOf(spec.input);
      for (const id of reads) {
        const as = fields.get(id);
        add(id, {
          where: `machine ${actor}`,
          what: `${ACTOR_NAMES[actor]}: kept in its memory${as ? ` as ${as.join(', ')}` : ''} (the machine's input)`,
        });
      }
    }
    for (const id of spec.deliberationReads ?? [])
      add(id, { where: `machine ${actor}`, what: `${ACTOR_NAMES[actor]}: the chance a deliberation ends in accepting a halt` });
  }
  for (const [m, users] of modifierUsers) {
    for (const id of MODIFIERS[m].reads) add(id, { where: `activity modifier ${m}`, what: `${MODIFIERS[m].says}; in ${users.join(', ')}` });
  }
  for (const phase of PHASES) for (const id of phase.reads) add(id, { where: `engine phase ${phase.name}`, what: phase.says });
  for (const id of SCORING_READS) add(id, { where: 'scoring', what: "each side's score (objectives, DOMAIN §6)" });
  // A parameter whose prior is what others leave (the attack shares sum to one) moves with them when drawn.
  for (const id of PARAM_IDS) {
    const prior = priorOf(id);
    if (prior?.kind !== 'remainder') continue;
    for (const part of prior.of)
      add(part, {
        where: `prior of ${id}`,
        what: `when parameters are drawn, ${id} is what this and ${prior.of.filter((p) => p !== part).join(', ')} leave (${prior.reason})`,
      });
  }
  usesCache = index;
  return index;
}

export function paramUses(id: ParamId): ParamUse[] {
  return usesIndex().get(id) ?? [];
}

export function sourceOf(file: string): { file: string; outlet: string; date: string; reliability: string } {
  const s = loadEvidence().sources.find((x) => x.file === file);
  return s
    ? { file, outlet: s.outlet, date: s.date, reliability: s.reliability }
    : { file, outlet: 'unknown outlet', date: '', reliability: '' };
}

export function factOrUndefined(id: string): Fact | undefined {
  return loadEvidence().facts.get(id);
}
