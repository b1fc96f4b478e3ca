/**
 * Phase: both sides' orders take effect at the start of the turn. What an action does is data in the
 * action catalogue (model/actions.ts), its magnitudes parameters; this phase carries it out: strike
 * packages drawn around their mean and delivered to the groups they hit, Iran's guidance sent front by
 * front with its lag, talks backed, arsenals changed, and each side's machine told what it chose.
 */
import { FRONT_ACTOR } from '../../model/actors/index.ts';
import { FRONTS, actionById, isPublicAction, type ActionDef } from '../../model/actions.ts';
import { clamp01 } from '../../model/math.ts';
import type { Decisions } from '../state.ts';
import { drawLag, emit, schedule, send, type TurnDraft } from './draft.ts';

/** How much a side's choice weighs in the debrief: large campaigns most, words least. */
function actionWeight(def: ActionDef): number {
  return def.rung >= 7 ? 30 : def.rung >= 5 ? 12 : 2;
}

function announce(d: TurnDraft, def: ActionDef): void {
  emit(d, {
    kind: 'action', turn: d.turn, day: d.startDay, actor: def.side, action: def.id, rules: def.cites,
    visibility: isPublicAction(def) ? 'public' : def.side, weight: actionWeight(def),
  });
}

function applyUs(d: TurnDraft, def: ActionDef): void {
  const p = d.params;
  const w = d.world;
  const e = def.effects;
  const day = d.startDay;
  d.rungs.us = def.rung;
  announce(d, def);
  if (e.deterrence) w.deterrence = clamp01(w.deterrence + p[e.deterrence]);
  if (e.deterrenceCost) w.deterrence = clamp01(w.deterrence - p[e.deterrenceCost]);
  if (e.strikes) {
    const n = Math.max(1, d.streams.strikes.poisson(p[e.strikes.mean]));
    const target = e.strikes.target;
    if (target === 'houthis') d.tally.usStrikesYemen += n;
    else d.tally.usStrikes += n;
    if (e.strikes.hits) {
      const hit = {
        type: 'STRUCK', strikes: n, leaderKilled: e.leaderKilled === true,
        grievance: e.grievance ? p[e.grievance] : 0, capabilityLoss: e.militiaCapabilityLoss ? p[e.militiaCapabilityLoss] : 0,
      } as const;
      for (const group of e.strikes.hits) send(d, group, hit, day);
    }
    if (e.leaderKilled) d.tally.leadersKilled += 1;
    if (target === 'iran') {
      d.tally.strikesOnIran += n;
      send(d, 'iran', { type: 'HOMELAND_STRUCK' }, day);
    }
    emit(d, {
      kind: 'strike', turn: d.turn, day, actor: 'us', action: def.id, target, count: n, rules: def.cites, visibility: 'public',
      weight: def.rung >= 7 ? 10 : 4,
    });
  }
  if (e.houthiCapacityLoss) send(d, 'houthis', { type: 'CAPACITY', delta: -p[e.houthiCapacityLoss] }, day);
  if (e.withdrawalTalks) send(d, 'iraqiGovernment', { type: 'TALKS' }, day);
  w.iranWarFear = clamp01(w.iranWarFear + Math.max(0, def.rung - 5) * p.iranWarFearPerRung);
  send(d, 'us', { type: 'ACTED', action: def.id, rung: def.rung }, day);
}

function applyIran(d: TurnDraft, def: ActionDef): void {
  const p = d.params;
  const w = d.world;
  const e = def.effects;
  const day = d.startDay;
  d.rungs.iran = def.rung;
  announce(d, def);
  if (e.directive) {
    const envoys = e.envoys === true;
    for (const front of FRONTS) {
      const level = e.directive[front];
      if (level === undefined) continue;
      const actor = FRONT_ACTOR[front];
      // Envoys pressing in person add to a directive a group already has (R-IRN-13).
      const envoysAdded = envoys && (d.actors[actor].context as { envoys?: boolean }).envoys === false;
      const changed = level !== w.directive[front];
      w.directive = Object.freeze({ ...w.directive, [front]: level });
      if (!changed && !envoysAdded) continue;
      const lag = drawLag(d, envoys ? ['envoyLagMinDays', 'envoyLagMaxDays'] : ['directiveLagMinDays', 'directiveLagMaxDays']);
      schedule(d, day + lag, { kind: 'deliver', actor, front, level, envoys, event: { type: 'DIRECTIVE', level, envoys } });
    }
  }
  if (e.houthiCapacityGain) send(d, 'houthis', { type: 'CAPACITY', delta: p[e.houthiCapacityGain] }, day);
  if (e.withdrawalTalks) send(d, 'iraqiGovernment', { type: 'TALKS' }, day);
  if (e.directAttack) {
    d.tally.iranDirectAttacks += 1;
    send(d, 'us', { type: 'DIRECT_ATTACK' }, day);
  }
  send(d, 'iran', { type: 'ACTED', action: def.id, rung: def.rung }, day);
}

export function applyOrders(d: TurnDraft, orders: Decisions): void {
  applyUs(d, actionById(orders.us)!);
  applyIran(d, actionById(orders.iran)!);
}
