/**
 * Simple archetypes for comparison with the historical bot: hawk, dove, tit-for-tat and random. Each
 * reads only its side's observation. Each picks its force action as the archetype says and gives a
 * fixed signal beside it (docs/strategy.md §1.7); random draws both levers. On the first turn a bot reads
 * the scenario's opening week as the turn before (`obs.opening`): the US archetypes answer the deaths
 * that open tower-22. Iran's archetypes answer US strikes, and no scenario opens on one.
 */
import type { Side } from '../model/actions.ts';
import type { Observation } from '../engine/observe.ts';
import { actionById, actionsOn, SIDE_ADJECTIVE } from '../model/actions.ts';
import { EMPTY_SIGNAL, portfolioId } from '../model/portfolio.ts';
import type { Policy } from './policy.ts';

function lastTurn(obs: Observation) {
  return obs.history[obs.history.length - 1];
}

/**
 * US deaths the side saw in the turn before: last turn's, or on the first turn those of the scenario's
 * opening week (tower-22 opens on the Tower 22 deaths), so an archetype answers a death that opens a
 * scenario exactly as it answers one in play.
 */
function usKilledSeen(obs: Observation): number {
  return lastTurn(obs)?.usKilled ?? obs.opening.usKilled;
}

/** The order `force+signal`, each lever the first of its candidates that is legal now. */
function order(obs: Observation, force: string, signal: string): string {
  const side = obs.side;
  const legalOr = (id: string, track: 'force' | 'signal') =>
    obs.legal.includes(id) ? id : actionsOn(side, track).find((a) => obs.legal.includes(a.id))!.id;
  return portfolioId({ force: legalOr(force, 'force'), signal: legalOr(signal, 'signal') });
}

/** The US action the other side saw on the force lever last turn (strikes on militias, the IRGC, Iran). */
function usForceSeen(obs: Observation) {
  const seen = lastTurn(obs)?.opponentOrder.force;
  return seen ? actionById(seen) : undefined;
}

export function hawk(side: Side): Policy {
  return {
    id: 'hawk',
    name: 'Hawk',
    description:
      side === 'us'
        ? 'Answers every attack hard, a death with strikes on Iranian forces; strikes the Houthis every week'
        : 'Keeps the militias attacking, answers heavy US strikes by unleashing them; keeps arming the Houthis',
    choose(obs) {
      const last = lastTurn(obs);
      if (side === 'us') {
        const signal = 'us.strike-houthis';
        if (usKilledSeen(obs) > 0) return order(obs, 'us.strike-irgc', signal);
        if (!last) return order(obs, 'us.show-of-force', signal);
        if (last.attacksOnUS >= 5) return order(obs, 'us.major-campaign', signal);
        if (last.attacksOnUS > 0) return order(obs, 'us.leadership-strike', signal);
        return order(obs, 'us.hold', signal);
      }
      const signal = 'iran.arm-houthis';
      const usAction = usForceSeen(obs);
      if (usAction?.effects.strikes?.target === 'iran') return order(obs, 'iran.missile-strike', signal);
      if (usAction && usAction.rung >= 7) return order(obs, 'iran.unleash', signal);
      return order(obs, 'iran.hold-course', signal);
    },
  };
}

export function dove(side: Side): Policy {
  return {
    id: 'dove',
    name: 'Dove',
    description: side === 'us' ? 'Holds fire and backs drawdown talks' : 'Reins the militias in and backs the withdrawal talks',
    choose(obs) {
      if (side === 'us') return order(obs, 'us.hold', 'us.offer-drawdown');
      return order(obs, 'iran.rein-in', 'iran.back-talks');
    },
  };
}

export function titForTat(side: Side): Policy {
  return {
    id: 'tit-for-tat',
    name: 'Tit for tat',
    description:
      side === 'us'
        ? 'Answers in proportion to last turn (deaths with a campaign, attacks with calibrated strikes, calm with calm), warning each week'
        : 'Mirrors the US: restraint for restraint, pressure for strikes, direct fire for direct fire',
    choose(obs) {
      const last = lastTurn(obs);
      if (side === 'us') {
        const signal = 'us.warn';
        if (usKilledSeen(obs) > 0) return order(obs, 'us.major-campaign', signal);
        if (!last) return order(obs, 'us.hold', signal);
        if (last.attacksOnUS > 0) return order(obs, 'us.calibrated-strikes', signal);
        return order(obs, 'us.hold', signal);
      }
      const signal = EMPTY_SIGNAL.iran;
      const usAction = usForceSeen(obs);
      if (!last) return order(obs, 'iran.hold-course', signal);
      if (usAction && usAction.rung >= 8) return order(obs, 'iran.irgc-attack', signal);
      if (usAction && usAction.rung >= 5) return order(obs, 'iran.hold-course', signal);
      return order(obs, 'iran.quiet-message', signal);
    },
  };
}

export function random(side: Side): Policy {
  return {
    id: 'random',
    name: 'Random',
    description: `Picks any legal ${SIDE_ADJECTIVE[side]} force action and any legal signal at random`,
    choose(obs, rng) {
      const lever = (track: 'force' | 'signal') => {
        const legal = actionsOn(side, track).filter((a) => obs.legal.includes(a.id));
        return legal[Math.floor(rng.next() * legal.length)]!.id;
      };
      const force = lever('force');
      return portfolioId({ force, signal: lever('signal') });
    },
  };
}
