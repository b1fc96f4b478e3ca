/**
 * Phase: both sides' orders take effect at the start of the turn. What an action does is data in the
 * action catalogue (model/actions.ts), its magnitudes parameters; this phase carries it out: strike
 * packages drawn around their mean and delivered to the groups they hit, Iran's guidance sent front by
 * front with its lag, talks backed, arsenals changed, and each side's machine told what it chose.
 */
import { FRONT_ACTOR } from '../../model/actors/index.ts';
import { commandersLeft, FRONTS, isPublicAction, strikesIranOrItsForces, type ActionDef } from '../../model/actions.ts';
import { EMPTY_SIGNAL, leversOf, portfolioRung, seenOrder } from '../../model/portfolio.ts';
import { clamp01 } from '../../model/math.ts';
import { endsInLull } from '../history.ts';
import type { Decisions } from '../state.ts';
import { drawLag, emit, schedule, send, type TurnDraft } from './draft.ts';

/** How much a side's choice weighs in the debrief: large campaigns most, words least. */
function actionWeight(def: ActionDef): number {
  return def.rung >= 7 ? 30 : def.rung >= 5 ? 12 : 2;
}

function announce(d: TurnDraft, def: ActionDef): void {
  // The empty signal is no move at all: nothing to log.
  if (def.id === EMPTY_SIGNAL[def.side]) return;
  emit(d, {
    kind: 'action',
    turn: d.turn,
    day: d.startDay,
    actor: def.side,
    action: def.id,
    rules: def.cites,
    visibility: isPublicAction(def) ? 'public' : def.side,
    weight: actionWeight(def),
  });
}

function applyUs(d: TurnDraft, def: ActionDef): void {
  const p = d.params;
  const w = d.world;
  // A leadership strike kills a commander only while one is left in reach (F-10, F-11): after the last of
  // them it is a strike wave on militia sites that kills nobody.
  const noCommander =
    def.effects.leaderKilled === true && commandersLeft(p.commandersInReach, d.actors.iraqiMilitias.context.leadersKilled) === 0;
  const e = (noCommander && def.effects.noCommanderInReach) || def.effects;
  const day = d.startDay;
  d.rungs.us = Math.max(d.rungs.us, def.rung);
  announce(d, def);
  // A strike on militias after a week without attacks in Iraq or Jordan is unprovoked: in a lull, force
  // provokes rather than deters (R-SYS-05, R-USA-04): no deterrence gained, the grievance multiplied.
  const unprovoked = endsInLull(d.base.history) && e.strikes?.target === 'militias';
  if (e.deterrence && !unprovoked) w.deterrence = clamp01(w.deterrence + p[e.deterrence]);
  if (e.deterrenceCost) w.deterrence = clamp01(w.deterrence - p[e.deterrenceCost]);
  if (e.strikes) {
    const n = Math.max(1, d.streams.strikes.poisson(p[e.strikes.mean]));
    const target = e.strikes.target;
    if (target === 'houthis') d.tally.usStrikesYemen += n;
    else d.tally.usStrikes += n;
    // The package goes on the log before anything it sets off (the groups it hits vowing revenge or
    // relapsing, Baghdad protesting a commander's killing, Tehran weighing a reply): a cause before its reactions.
    emit(d, {
      kind: 'strike',
      turn: d.turn,
      day,
      actor: 'us',
      action: def.id,
      target,
      count: n,
      ...(e.leaderKilled ? { leaderKilled: true as const } : noCommander ? { noCommanderInReach: true as const } : {}),
      rules: def.cites,
      visibility: 'public',
      weight: def.rung >= 7 ? 10 : 4,
    });
    if (e.strikes.hits) {
      const loss = e.militiaCapabilityLoss ? p[e.militiaCapabilityLoss] : 0;
      for (const group of e.strikes.hits) {
        const ctx = d.actors[group].context as { capability?: number };
        // Strikes cannot take a dispersed group that Iran rearms below its floor (R-MIL-07, E-01).
        const capabilityLoss = Math.max(0, Math.min(loss, (ctx.capability ?? 1) - p.militiaCapabilityFloor));
        send(
          d,
          group,
          {
            type: 'STRUCK',
            strikes: n,
            leaderKilled: e.leaderKilled === true,
            grievance: e.grievance ? p[e.grievance] * (unprovoked ? p.lullProvocation : 1) : 0,
            capabilityLoss,
          },
          day,
        );
      }
      if (e.strikes.hits.includes('iraqiMilitias')) drawRelapse(d, day);
    }
    if (e.leaderKilled) {
      d.tally.leadersKilled += 1;
      send(d, 'iraqiGovernment', { type: 'COMMANDER_KILLED' }, day);
    }
    // A strike on Iran or on its own forces is Iran's to answer (R-IRN-09, Q-15), and invites
    // miscalculation (R-SYS-06).
    if (strikesIranOrItsForces(def)) send(d, 'iran', { type: 'HOMELAND_STRUCK' }, day);
    if (target === 'irgc') d.warActs += p.warHazardIrgcStrike;
    if (target === 'iran') {
      d.tally.strikesOnIran += n;
      d.warActs += p.warHazardIranStrike;
    }
  }
  if (e.houthiCapacityLoss) send(d, 'houthis', { type: 'CAPACITY', delta: -p[e.houthiCapacityLoss] }, day);
  if (e.withdrawalTalks) send(d, 'iraqiGovernment', { type: 'TALKS', from: 'us' }, day);
  w.iranWarFear = clamp01(w.iranWarFear + Math.max(0, def.rung - 5) * p.iranWarFearPerRung);
}

/**
 * The calm is produced by both sides (R-SYS-07): strikes on militias standing down may undo it, with a
 * chance that grows with their grievance (after the 7 Feb killing the halt held, F-08). The engine
 * draws; the machine decides.
 */
function drawRelapse(d: TurnDraft, day: number): void {
  const m = d.actors.iraqiMilitias;
  const chance = clamp01(d.params.relapsePerGrievance * m.context.grievance);
  if (chance <= 0) return;
  send(d, 'iraqiMilitias', { type: 'RELAPSE_DRAW', u: d.streams.strikes.next(), chance }, day);
}

function applyIran(d: TurnDraft, def: ActionDef): void {
  const p = d.params;
  const w = d.world;
  const e = def.effects;
  const day = d.startDay;
  d.rungs.iran = Math.max(d.rungs.iran, def.rung);
  announce(d, def);
  if (e.directive) {
    const envoys = e.envoys === true;
    const before = w.directive;
    // The new guidance, copied once and frozen after the loop (each front is set at most once).
    const directive = { ...before };
    let given = false;
    for (const front of FRONTS) {
      const level = e.directive[front];
      if (level === undefined) continue;
      given = true;
      const actor = FRONT_ACTOR[front];
      // Envoys pressing in person add to a directive a group already has (R-IRN-13).
      const envoysAdded = envoys && (d.actors[actor].context as { envoys?: boolean }).envoys === false;
      const changed = level !== before[front];
      directive[front] = level;
      if (!changed && !envoysAdded) continue;
      const lag = drawLag(d, envoys ? ['envoyLagMinDays', 'envoyLagMaxDays'] : ['directiveLagMinDays', 'directiveLagMaxDays']);
      schedule(d, day + lag, {
        kind: 'deliver',
        actor,
        front,
        level,
        envoys,
        ordered: d.turn,
        event: { type: 'DIRECTIVE', level, envoys },
      });
    }
    if (given) w.directive = Object.freeze(directive);
  }
  if (e.houthiCapacityGain) send(d, 'houthis', { type: 'CAPACITY', delta: p[e.houthiCapacityGain] }, day);
  if (e.withdrawalTalks) send(d, 'iraqiGovernment', { type: 'TALKS', from: 'iran' }, day);
  if (e.directAttack) {
    d.tally.iranDirectAttacks += 1;
    send(d, 'us', { type: 'DIRECT_ATTACK' }, day);
  }
}

/**
 * Each side's portfolio takes effect lever by lever: the force action, then the signal (a strike's
 * deterrence before a warning's), each with its own `action` event; the side acts at the higher rung.
 */
export function applyOrders(d: TurnDraft, orders: Decisions): void {
  const [usForce, usSignal] = leversOf(orders.us);
  const [iranForce, iranSignal] = leversOf(orders.iran);
  // Both orders reach their own side's machine before anything they cause: a strike on Iran (or Iran's
  // direct fire) then leaves the struck side deciding its reply next turn, instead of its own order of
  // the same week moving it straight out again (R-IRN-09, Q-15).
  send(d, 'us', { type: 'ACTED', action: usForce.id, signal: usSignal.id, rung: portfolioRung(orders.us) }, d.startDay);
  send(d, 'iran', { type: 'ACTED', action: iranForce.id, signal: iranSignal.id, rung: portfolioRung(orders.iran) }, d.startDay);
  // Tehran sees what the US does in public, and reads in it whether Washington answered its dead (R-IRN-01).
  send(d, 'iran', { type: 'US_ORDERS', ...seenOrder(orders.us) }, d.startDay);
  d.rungs.us = 0;
  d.rungs.iran = 0;
  applyUs(d, usForce);
  applyUs(d, usSignal);
  applyIran(d, iranForce);
  applyIran(d, iranSignal);
}
