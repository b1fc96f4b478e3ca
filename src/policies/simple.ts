/**
 * Simple archetypes for comparison with the historical bot: hawk, dove, tit-for-tat and random. Each
 * reads only its side's observation.
 */
import type { Side } from '../model/actions.ts';
import type { Observation } from '../engine/observe.ts';
import { actionById } from '../model/actions.ts';
import type { Policy } from './policy.ts';

function lastTurn(obs: Observation) {
  return obs.history[obs.history.length - 1];
}

function pick(obs: Observation, preferred: readonly string[]): string {
  for (const id of preferred) if (obs.legal.includes(id)) return id;
  return obs.legal[0]!;
}

export function hawk(side: Side): Policy {
  return {
    id: 'hawk',
    name: 'Hawk',
    description:
      side === 'us'
        ? 'Answers every attack hard; a death brings strikes on Iranian forces'
        : 'Keeps the militias attacking; answers heavy US strikes by unleashing them',
    choose(obs) {
      const last = lastTurn(obs);
      if (side === 'us') {
        if (!last) return pick(obs, ['us.show-of-force']);
        if (last.usKilled > 0) return pick(obs, ['us.strike-irgc']);
        if (last.attacksOnUS >= 5) return pick(obs, ['us.major-campaign']);
        if (last.attacksOnUS > 0) return pick(obs, ['us.leadership-strike']);
        return pick(obs, ['us.strike-houthis']);
      }
      const usAction = last?.opponentAction ? actionById(last.opponentAction) : undefined;
      if (usAction?.effects.strikes?.target === 'iran') return pick(obs, ['iran.missile-strike']);
      if (usAction && usAction.rung >= 7) return pick(obs, ['iran.unleash']);
      return pick(obs, ['iran.hold-course']);
    },
  };
}

export function dove(side: Side): Policy {
  return {
    id: 'dove',
    name: 'Dove',
    description: side === 'us' ? 'Holds fire and backs drawdown talks' : 'Reins the militias in and backs the withdrawal talks',
    choose(obs) {
      if (side === 'us') return pick(obs, obs.turn % 2 === 0 ? ['us.hold'] : ['us.offer-drawdown']);
      return pick(obs, obs.turn === 0 || (lastTurn(obs)?.attacksOnUS ?? 0) > 0 ? ['iran.rein-in'] : ['iran.back-talks']);
    },
  };
}

export function titForTat(side: Side): Policy {
  return {
    id: 'tit-for-tat',
    name: 'Tit for tat',
    description:
      side === 'us'
        ? 'Answers in proportion to last turn: deaths with a campaign, attacks with calibrated strikes, calm with calm'
        : 'Mirrors the US: restraint for restraint, pressure for strikes, direct fire for direct fire',
    choose(obs) {
      const last = lastTurn(obs);
      if (side === 'us') {
        if (!last) return pick(obs, ['us.warn']);
        if (last.usKilled > 0) return pick(obs, ['us.major-campaign']);
        if (last.attacksOnUS > 0) return pick(obs, ['us.calibrated-strikes']);
        return pick(obs, ['us.hold']);
      }
      const usAction = last?.opponentAction ? actionById(last.opponentAction) : undefined;
      if (!last) return pick(obs, ['iran.hold-course']);
      if (usAction && usAction.rung >= 8) return pick(obs, ['iran.irgc-attack']);
      if (usAction && usAction.rung >= 5 && usAction.effects.strikes?.target !== 'houthis') return pick(obs, ['iran.hold-course']);
      return pick(obs, ['iran.quiet-message']);
    },
  };
}

export function random(side: Side): Policy {
  return {
    id: 'random',
    name: 'Random',
    description: `Picks any legal ${side === 'us' ? 'US' : 'Iranian'} action at random`,
    choose(obs, rng) {
      return obs.legal[Math.floor(rng.next() * obs.legal.length)]!;
    },
  };
}
