import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ACTIONS } from '../../src/model/actions.ts';
import { ACTORS, ACTOR_IDS, CONTROL_SPECTRUM } from '../../src/model/actors/index.ts';
import type { ActorEvent } from '../../src/model/events.ts';
import { loadEvidence } from '../../src/model/evidence.ts';
import { INTEL_SOURCES } from '../../src/model/intel.ts';
import { RUNGS } from '../../src/model/ladder.ts';
import { PARAM_IDS, PARAM_SPECS, isParamId } from '../../src/model/params.ts';
import { recommendationChances, recommendedOrders, type ActorDefinition, type TransitionConfig } from '../../src/model/runtime.ts';
import { isPortfolioId } from '../../src/model/portfolio.ts';
import { SHIPPED, scenario } from '../helpers/fixtures.ts';

const evidence = loadEvidence();
const known = (id: string) => evidence.facts.has(id);

/** Every citation the model makes, with where it is made. */
function allCitations(): { where: string; id: string }[] {
  const out: { where: string; id: string }[] = [];
  for (const id of PARAM_IDS) for (const c of PARAM_SPECS[id].cites) out.push({ where: `param ${id}`, id: c });
  for (const a of ACTIONS) for (const c of a.cites) out.push({ where: `action ${a.id}`, id: c });
  for (const r of RUNGS) for (const c of r.cites) out.push({ where: `rung ${r.id}`, id: c });
  for (const s of CONTROL_SPECTRUM) for (const c of s.cites) out.push({ where: `control ${s.actor}`, id: c });
  for (const side of ['us', 'iran'] as const)
    for (const s of INTEL_SOURCES[side]) for (const c of s.cites) out.push({ where: `intel ${side} ${JSON.stringify(s.subject)}`, id: c });
  for (const actorId of ACTOR_IDS) {
    const def = ACTORS[actorId] as unknown as ActorDefinition<object, ActorEvent>;
    for (const [stateId, state] of Object.entries(def.spec.states)) {
      for (const c of state.meta.rules) out.push({ where: `${actorId}.${stateId}`, id: c });
      for (const [ev, raw] of Object.entries(state.on ?? {})) {
        const list = (Array.isArray(raw) ? raw : [raw]) as readonly TransitionConfig[];
        for (const t of list) for (const c of t.meta?.rules ?? []) out.push({ where: `${actorId}.${stateId} on ${ev}`, id: c });
      }
    }
  }
  for (const id of SHIPPED) {
    const s = scenario(id);
    for (const inj of s.injects) for (const c of inj.cites) out.push({ where: `scenario ${id} inject ${inj.id}`, id: c });
    for (const e of s.actual?.events ?? []) for (const c of e.cites) out.push({ where: `scenario ${id} actual ${e.date}`, id: c });
  }
  return out;
}

describe('provenance', () => {
  it('every parameter cites facts or states an assumption with its reason', () => {
    for (const id of PARAM_IDS) {
      const spec = PARAM_SPECS[id];
      const hasCites = spec.cites.length > 0;
      const hasAssumption = typeof spec.assumption === 'string' && spec.assumption.trim().length > 10;
      expect(hasCites || hasAssumption, `${id} has neither citations nor an assumption`).toBe(true);
      expect(spec.description.length, `${id} needs a description`).toBeGreaterThan(5);
      expect(spec.value >= spec.min && spec.value <= spec.max, `${id} default outside its range`).toBe(true);
    }
  });

  it('every cited ID exists in seeds/facts.yaml', () => {
    const missing = allCitations().filter((c) => !known(c.id));
    expect(missing).toEqual([]);
  });

  it('detects a citation of an ID that does not exist', () => {
    // The check above is only meaningful if it can fail: an invented ID must be unknown.
    expect(known('R-IRN-99')).toBe(false);
    expect(known('F-01')).toBe(true);
  });

  it('every parameter an action names exists, and no action effect is a bare number', () => {
    for (const a of ACTIONS) {
      for (const [key, value] of Object.entries(a.effects)) {
        if (typeof value === 'string') expect(isParamId(value), `${a.id}.${key} → ${value}`).toBe(true);
        if (typeof value === 'number') throw new Error(`${a.id}.${key} is a bare number; use a parameter`);
        if (key === 'strikes') expect(isParamId((value as { mean: string }).mean)).toBe(true);
      }
      expect(a.cites.length, `${a.id} cites nothing`).toBeGreaterThan(0);
    }
  });

  it('the historical recommendations name real actions and parameters', () => {
    const actionIds = new Set(ACTIONS.map((a) => a.id));
    for (const side of ['us', 'iran'] as const) {
      const def = ACTORS[side] as unknown as ActorDefinition<object, ActorEvent>;
      for (const s of def.stateIds) {
        const rec = def.meta(s).recommends!;
        // Each order is a portfolio of real actions of this side, force first.
        for (const order of recommendedOrders(rec)) {
          for (const a of order.split('+')) expect(actionIds.has(a), `${side}.${s} recommends ${a}`).toBe(true);
          expect(isPortfolioId(order, side), `${side}.${s} recommends ${order}`).toBe(true);
        }
        for (const c of recommendationChances(rec)) expect(isParamId(c)).toBe(true);
      }
    }
  });

  it('the evidence files cite only the four source articles', () => {
    const files = new Set(evidence.sources.map((s) => s.file));
    expect(files.size).toBe(4);
    for (const f of evidence.facts.values()) for (const src of f.sources) expect(files.has(src), `${f.id} cites ${src}`).toBe(true);
    const raw = readFileSync(new URL('../../seeds/facts.yaml', import.meta.url), 'utf8');
    expect(raw).toContain('brink.facts/1');
  });

  it('every rule the domain reference defines is in seeds/ (R-IRN-01 … R-SYS-08)', () => {
    const rules = [...evidence.facts.values()].filter((f) => f.kind === 'rule').map((f) => f.id);
    for (const id of [
      'R-IRN-01',
      'R-IRN-02',
      'R-IRN-05',
      'R-IRN-08',
      'R-IRN-12',
      'R-IRN-13',
      'R-IRN-14',
      'R-MIL-02',
      'R-MIL-07',
      'R-HOU-01',
      'R-SYS-03',
      'R-SYS-08',
    ]) {
      expect(rules).toContain(id);
    }
  });
});
