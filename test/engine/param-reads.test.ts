/**
 * `brink explain` says where each parameter is used from data and declarations, never by reading source
 * (src/analysis/explain/provenance.ts). This test keeps the declarations honest: it plays games on a
 * parameters object wrapped in a recording Proxy, attributes every read to the code that made it (the
 * innermost frame in src/ of the read's stack) and the stage it happened in (set-up, a bot's choice, an
 * engine phase, scoring), and checks both directions:
 *  - every read is declared where it happens (a phase's or scoring's `reads`, an ordered action's
 *    effects, a posture's activity, lag or recommendation, a machine's input or deliberation, a modifier);
 *  - every declared read is real: each phase and scoring reads all it declares in these games, and each
 *    modifier, deliberation and machine input reads exactly what it declares when called directly.
 */
import { describe, expect, it } from 'vitest';
import { paramUses } from '../../src/analysis/explain/provenance.ts';
import { newGame } from '../../src/engine/game.ts';
import { openDraft } from '../../src/engine/phases/draft.ts';
import { outcome, SCORING_READS } from '../../src/engine/outcome.ts';
import type { GameState } from '../../src/engine/state.ts';
import { finishTurn, PHASES } from '../../src/engine/turn.ts';
import { actionById, effectParamRefs } from '../../src/model/actions.ts';
import { activityRate, MODIFIERS, type ActivitySpec, type Modifier } from '../../src/model/activity.ts';
import { ACTORS, ACTOR_IDS } from '../../src/model/actors/index.ts';
import { isParamId, PARAM_IDS, resolveParams, type ParamId, type Params } from '../../src/model/params.ts';
import type { DeliberationInputs } from '../../src/model/runtime.ts';
import { chooseAction, getPolicy } from '../../src/policies/index.ts';
import { SHIPPED, scenario } from '../helpers/fixtures.ts';

interface Frame {
  readonly fn: string;
  readonly file: string;
}

/** The stack's frames inside src/, innermost first (file relative to src/). */
function srcFrames(stack: string): Frame[] {
  const out: Frame[] = [];
  for (const line of stack.split('\n').slice(1)) {
    const m = /at (?:(\S+) )?\(?(.*):\d+:\d+\)?$/.exec(line.trim());
    if (!m) continue;
    const i = m[2]!.lastIndexOf('/src/');
    if (i < 0 || m[2]!.includes('/node_modules/')) continue;
    out.push({ fn: m[1] ?? '', file: m[2]!.slice(i + 5) });
  }
  return out;
}

interface Read {
  readonly stage: string;
  readonly param: ParamId;
  readonly frames: readonly Frame[];
}

/** A parameters object that records who reads what, in the stage `stage.now` names. */
function recording(params: Params, stage: { now: string }, reads: Read[]): Params {
  return new Proxy(params, {
    get(target, key, receiver) {
      if (typeof key === 'string' && isParamId(key))
        reads.push({ stage: stage.now, param: key, frames: srcFrames(new Error().stack ?? '') });
      return Reflect.get(target, key, receiver);
    },
  });
}

/** A plain recording proxy for direct calls: the set of parameters read. */
function readSet(call: (p: Params) => unknown): Set<ParamId> {
  const read = new Set<ParamId>();
  call(
    new Proxy(resolveParams({}), {
      get(target, key, receiver) {
        if (typeof key === 'string' && isParamId(key)) read.add(key);
        return Reflect.get(target, key, receiver);
      },
    }),
  );
  return read;
}

// What the data names, across every machine.
const specs: ActivitySpec[] = [];
const lags = new Set<ParamId>();
const chances = new Set<ParamId>();
const machineReads = new Set<ParamId>();
for (const id of ACTOR_IDS) {
  const def = ACTORS[id];
  for (const s of def.stateIds) {
    const meta = def.meta(s);
    specs.push(...(meta.activity ?? []));
    for (const p of meta.deliberates?.lagDays ?? []) lags.add(p);
    const rec = meta.recommends;
    if (rec && 'chance' in rec && isParamId(rec.chance)) chances.add(rec.chance);
  }
  const spec = def.spec as { input?: (p: Params) => unknown; deliberationReads?: readonly ParamId[] };
  if (spec.input) for (const p of readSet(spec.input)) machineReads.add(p);
  for (const p of spec.deliberationReads ?? []) machineReads.add(p);
}
const factors = new Set(specs.flatMap((s) => s.rate.filter(isParamId)));
const lethalities = new Set(specs.flatMap((s) => (s.lethality ? [s.lethality] : [])));
const modifierReads = new Set(Object.values(MODIFIERS).flatMap((m) => m.reads));
const phaseReads = new Map(PHASES.map((p) => [p.name, new Set(p.reads)]));

/** The parameters an action's effects name (the data applyOrders reads them through). */
function effectParams(actionId: string): ParamId[] {
  return effectParamRefs(actionById(actionId)!.effects).map((r) => r.param);
}

/**
 * Where a read is declared, or why it is not. `ordered` are the parameters the turn's orders name.
 * Returns [channel, allowed?]; a stage-direct read is attributed to the stage ('phase:NAME', 'scoring').
 */
function classify(r: Read, ordered: ReadonlySet<ParamId>): { channel: string; ok: boolean } {
  const [f0, f1] = r.frames;
  if (!f0) return { channel: 'outside src/', ok: false };
  if (f0.file === 'model/activity.ts') {
    const viaModifier = r.frames.some((f) => f.file === 'model/activity.ts' && f.fn.includes('modifier'));
    return viaModifier ? { channel: 'modifier', ok: modifierReads.has(r.param) } : { channel: 'activity', ok: factors.has(r.param) };
  }
  if (f0.file === 'model/actors/index.ts') return { channel: 'lethality', ok: lethalities.has(r.param) };
  if (f0.file.startsWith('model/actors/')) return { channel: 'machine', ok: machineReads.has(r.param) };
  if (f0.file === 'policies/historical.ts') return { channel: 'recommends', ok: chances.has(r.param) };
  // A lag drawn when a posture opens or renews a deliberation comes from the posture's meta (`send`,
  // segments' `deliberate`); other lags (guidance in transit) are their phase's own reads.
  if (f0.file === 'engine/phases/draft.ts' && f0.fn.includes('drawLag') && /\b(send|deliberate)$/.test(f1?.fn ?? '')) {
    return { channel: 'deliberates', ok: lags.has(r.param) };
  }
  if (f0.file.startsWith('engine/')) {
    if (r.stage === 'scoring') return { channel: 'scoring', ok: SCORING_READS.includes(r.param) };
    const declared = phaseReads.get(r.stage);
    if (!declared) return { channel: `engine code in stage ${r.stage}`, ok: false };
    return { channel: `phase:${r.stage}`, ok: declared.has(r.param) || (r.stage === 'applyOrders' && ordered.has(r.param)) };
  }
  return { channel: `${f0.file} ${f0.fn}`, ok: false };
}

/** Plays a game stage by stage on a recording proxy; returns every read with its channel. */
function play(scenarioId: string, seed: string, us: string, iran: string): { read: Read; channel: string; ok: boolean }[] {
  const stage = { now: 'setup' };
  const reads: Read[] = [];
  const sc = scenario(scenarioId);
  const fresh = newGame(sc, { seed });
  const params = recording(fresh.params, stage, reads);
  let state: GameState = { ...fresh, params };
  const out: { read: Read; channel: string; ok: boolean }[] = [];
  const usBot = getPolicy(us, 'us');
  const iranBot = getPolicy(iran, 'iran');
  while (state.over === null) {
    stage.now = 'bot';
    const orders = { us: chooseAction(state, 'us', usBot), iran: chooseAction(state, 'iran', iranBot) };
    const draft = openDraft(state);
    for (const phase of PHASES) {
      stage.now = phase.name;
      phase.run(draft, orders);
    }
    state = finishTurn(draft, orders);
    const ordered = new Set([orders.us, orders.iran].flatMap((p) => [...effectParams(p.force), ...effectParams(p.signal)]));
    for (const r of reads.splice(0)) out.push({ read: r, ...classify(r, ordered) });
  }
  stage.now = 'scoring';
  outcome(state);
  for (const r of reads.splice(0)) out.push({ read: r, ...classify(r, new Set()) });
  return out;
}

describe('parameter reads match their declarations (what brink explain shows)', () => {
  // Random play reaches the rare branches (strikes on Iran, direct exchanges, envoys); the historical
  // bots read their recommendations' chances.
  const games = SHIPPED.flatMap((id) => [
    ...['1', '2', '3', '4', '5', '6'].map((seed) => ({ id, seed, us: 'random', iran: 'random' })),
    { id, seed: '7', us: 'historical', iran: 'historical' },
    { id, seed: '8', us: 'hawk', iran: 'historical' },
  ]);
  const all = games.flatMap((g) => play(g.id, g.seed, g.us, g.iran));

  it('every read in a game is declared where it happens', () => {
    const undeclared = [
      ...new Set(
        all.filter((r) => !r.ok).map((r) => `${r.read.param} read by ${r.channel} (${r.read.frames[0]?.file} ${r.read.frames[0]?.fn})`),
      ),
    ];
    expect(undeclared).toEqual([]);
    expect(all.length).toBeGreaterThan(1000);
  });

  it('every phase and scoring reads each parameter it declares', () => {
    for (const phase of PHASES) {
      const read = new Set(all.filter((r) => r.channel === `phase:${phase.name}`).map((r) => r.read.param));
      expect(
        phase.reads.filter((p) => !read.has(p)),
        phase.name,
      ).toEqual([]);
    }
    const scored = new Set(all.filter((r) => r.channel === 'scoring').map((r) => r.read.param));
    expect(SCORING_READS.filter((p) => !scored.has(p))).toEqual([]);
  });

  it('every parameter read in a game appears in brink explain\'s "used by"', () => {
    const read = [...new Set(all.map((r) => r.read.param))];
    expect(read.filter((p) => paramUses(p).length === 0)).toEqual([]);
    // And the channel names the place explain gives: a phase read is listed under that phase.
    for (const r of all.filter((x) => x.channel.startsWith('phase:') && phaseReads.get(x.read.stage)!.has(x.read.param))) {
      expect(paramUses(r.read.param).some((u) => u.where === `engine phase ${r.read.stage}`)).toBe(true);
    }
  });
});

describe('declared reads of data-driven code are exactly what it reads', () => {
  const memory = { capability: 0.5, grievance: 0.5, capacity: 0.5, directive: 'sustain' };
  const world = { deterrence: 0.5 };

  it('each modifier reads exactly its declared parameters', () => {
    for (const m of Object.keys(MODIFIERS) as Modifier[]) {
      const read = readSet((p) => activityRate({ kind: 'attacksOnUS', place: 'iraq', rate: [m] }, memory, world, p));
      expect([...read].sort(), m).toEqual([...MODIFIERS[m].reads].sort());
      // Under a halt, a modifier reads no more than it declares.
      const halted = readSet((p) =>
        activityRate({ kind: 'attacksOnUS', place: 'iraq', rate: [m] }, { ...memory, directive: 'halt' }, world, p),
      );
      for (const p of halted) expect(MODIFIERS[m].reads).toContain(p);
    }
  });

  it("each posture's activity reads its factors and its modifiers' declared parameters, nothing else", () => {
    for (const spec of specs) {
      const want = new Set([
        ...spec.rate.filter(isParamId),
        ...spec.rate.filter((f): f is Modifier => !isParamId(f)).flatMap((m) => MODIFIERS[m].reads),
      ]);
      expect([...readSet((p) => activityRate(spec, memory, world, p))].sort()).toEqual([...want].sort());
    }
  });

  it("each machine's deliberation reads exactly its declared parameters", () => {
    const pressing: DeliberationInputs = { pressers: new Set(['baghdad', 'clerics']), iranWarFear: 0.5 };
    let machines = 0;
    for (const id of ACTOR_IDS) {
      const spec = ACTORS[id].spec as {
        deliberation?: (c: object, i: DeliberationInputs, p: Params) => number;
        deliberationReads?: readonly ParamId[];
        context: object;
      };
      if (!spec.deliberation) {
        expect(spec.deliberationReads, id).toBeUndefined();
        continue;
      }
      machines++;
      const context = { ...spec.context, envoys: true, resistedWeeks: 1, grievance: 0.5 };
      expect([...readSet((p) => spec.deliberation!(context, pressing, p))].sort(), id).toEqual([...(spec.deliberationReads ?? [])].sort());
    }
    expect(machines).toBeGreaterThan(0);
  });

  it("a machine's set-up reads only its input, and explain lists each input where it is kept", () => {
    for (const id of ACTOR_IDS) {
      const def = ACTORS[id] as unknown as { initial(p: Params): unknown; spec: { input?: (p: Params) => unknown } };
      const read = readSet((p) => def.initial(p));
      expect([...read].sort(), id).toEqual([...(def.spec.input ? readSet(def.spec.input) : [])].sort());
      for (const p of read)
        expect(
          paramUses(p).some((u) => u.where === `machine ${id}`),
          `${id} ${p}`,
        ).toBe(true);
    }
  });

  it('every parameter is used somewhere, and no use names an unknown parameter', () => {
    expect(PARAM_IDS.filter((id) => paramUses(id).length === 0)).toEqual([]);
  });
});
