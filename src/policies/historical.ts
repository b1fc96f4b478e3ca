/**
 * The historical bot plays what the documents say each side did in the posture its machine is in:
 * the `recommends` of the current state's meta (a portfolio: the tracks the record ran at once) (see src/model/actors/us.ts and iran.ts).
 */
import type { Side } from '../model/actions.ts';
import { isParamId } from '../model/params.ts';
import type { Recommendation } from '../model/runtime.ts';
import type { Observation } from '../engine/observe.ts';
import type { Stream } from '../engine/rng.ts';
import type { Policy } from './policy.ts';
import { EMPTY_FORCE, EMPTY_SIGNAL, parsePortfolio, portfolioId } from '../model/portfolio.ts';

export function resolveRecommendation(rec: string | Recommendation, obs: Observation, rng: Stream): string {
  if (typeof rec === 'string') return rec;
  if ('action' in rec) return rec.action;
  if ('flag' in rec) return resolveRecommendation(obs.memory[rec.flag] === true ? rec.then : rec.otherwise, obs, rng);
  if (!isParamId(rec.chance)) throw new Error(`recommendation names unknown parameter '${rec.chance}'`);
  return resolveRecommendation(rng.next() < obs.params[rec.chance] ? rec.then : rec.otherwise, obs, rng);
}

/** The record's policy: the `historical` bot. */
export const RECORD_POLICY = 'historical';

/**
 * The sides whose orders did not come from the record's policy, given who commanded each side (a
 * policy ID, or any other name for a person: "player"). A side machine's moves (model/actors/us.ts,
 * iran.ts) are the record's reading of the side's position, and the record's policy acts on them; for
 * these sides they say what the record would read into the position, not what the side did.
 */
export function offRecordSides(commanders: Readonly<Record<Side, string>>): Side[] {
  return (['us', 'iran'] as const).filter((side) => commanders[side] !== RECORD_POLICY);
}

export function historical(side: Side): Policy {
  return {
    id: RECORD_POLICY,
    name: 'Historical',
    description: 'Does what the documents say this side did in its current posture',
    choose(obs, rng) {
      const rec = obs.posture.meta.recommends;
      if (!rec) throw new Error(`${side} posture '${obs.posture.value}' recommends nothing`);
      // The record's order: a portfolio (the tracks it ran at once) or one lever, the other empty. A lever
      // not legal now falls back to that lever's empty choice.
      const order = parsePortfolio(resolveRecommendation(rec, obs, rng), side);
      return portfolioId({
        force: obs.legal.includes(order.force) ? order.force : EMPTY_FORCE[side],
        signal: obs.legal.includes(order.signal) ? order.signal : EMPTY_SIGNAL[side],
      });
    },
  };
}
