/**
 * The historical bot plays what the documents say each side did in the posture its machine is in:
 * the `recommends` of the current state's meta (see src/model/actors/us.ts and iran.ts).
 */
import type { Side } from '../model/actions.ts';
import { isParamId } from '../model/params.ts';
import type { Recommendation } from '../model/runtime.ts';
import type { Observation } from '../engine/observe.ts';
import type { Stream } from '../engine/rng.ts';
import type { Policy } from './policy.ts';

export function resolveRecommendation(rec: Recommendation, obs: Observation, rng: Stream): string {
  if ('action' in rec) return rec.action;
  if ('flag' in rec) return obs.memory[rec.flag] === true ? rec.then : rec.otherwise;
  if (!isParamId(rec.chance)) throw new Error(`recommendation names unknown parameter '${rec.chance}'`);
  return rng.next() < obs.params[rec.chance] ? rec.then : rec.otherwise;
}

export function historical(side: Side): Policy {
  return {
    id: 'historical',
    name: 'Historical',
    description: 'Does what the documents say this side did in its current posture',
    choose(obs, rng) {
      const rec = obs.posture.meta.recommends;
      if (!rec) throw new Error(`${side} posture '${obs.posture.value}' recommends nothing`);
      const action = resolveRecommendation(rec, obs, rng);
      return obs.legal.includes(action) ? action : obs.legal[0]!;
    },
  };
}
