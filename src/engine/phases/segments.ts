/**
 * Phase: the days of the turn. The turn is cut into segments at each scheduled task (a directive
 * arriving, a militia deliberating, a truce starting); over each segment the postures in force set the
 * rates (their meta's `activity`), and attacks, casualties, shipping attacks and border fire are drawn.
 */
import { ACTOR_IDS, addActivity, emptyActivity, type ActivitySum, type ActorId } from '../../model/actors/index.ts';
import { PLACES, type Place } from '../../model/activity.ts';
import type { Presser } from '../../model/runtime.ts';
import type { Task } from '../state.ts';
import { DEFINITIONS, broadcast, drawLag, emit, metaOf, schedule, send, type TurnDraft } from './draft.ts';

/** The rung that proxy attacks put the ladder on, and the rung a deadly one does (model/ladder.ts). */
const HARASSMENT_RUNG = 4;
const LETHAL_RUNG = 6;

export function runSegments(d: TurnDraft): void {
  let cursor = d.startDay;
  for (;;) {
    const next = nextTask(d);
    if (!next) break;
    const day = Math.max(next.day, cursor);
    if (day > cursor) {
      activity(d, cursor, day);
      cursor = day;
    }
    execute(d, next.task, day);
  }
  if (cursor < d.endDay) activity(d, cursor, d.endDay);
}

/** Removes and returns the earliest task due before the turn ends (ties in the order scheduled). */
function nextTask(d: TurnDraft): { day: number; task: Task } | undefined {
  const list = d.schedule;
  let best = -1;
  for (let i = 0; i < list.length; i++) {
    const s = list[i]!;
    if (s.day >= d.endDay) continue;
    const b = best >= 0 ? list[best]! : undefined;
    if (!b || s.day < b.day || (s.day === b.day && s.seq < b.seq)) best = i;
  }
  if (best < 0) return undefined;
  const [taken] = list.splice(best, 1);
  return { day: taken!.day, task: taken!.task };
}

function execute(d: TurnDraft, task: Task, day: number): void {
  switch (task.kind) {
    case 'deliver':
      emit(d, {
        kind: 'directive',
        turn: d.turn,
        day,
        actor: task.actor,
        front: task.front,
        level: task.level,
        envoys: task.envoys,
        ordered: task.ordered,
        rules: task.envoys ? ['R-IRN-05', 'R-IRN-13', 'P-08'] : ['R-IRN-05', 'P-08'],
        visibility: 'iran',
        weight: 5,
      });
      send(d, task.actor, task.event, day);
      return;
    case 'inject':
      emit(d, {
        kind: 'inject',
        inject: task.inject,
        turn: d.turn,
        day,
        actor: 'world',
        rules: task.rules,
        visibility: 'public',
        weight: 20,
        ...(task.note === undefined ? {} : { note: task.note }),
      });
      broadcast(d, task.event, day);
      return;
    case 'deliberate':
      deliberate(d, task.actor, day);
      return;
    case 'forced-fatal':
      forcedFatal(d, task, day);
  }
}

/**
 * The record's first fatal attack, fixed on its day (conditioned games only): one attack at its place,
 * by whoever attacks there under the postures in force, that kills the record's number.
 */
function forcedFatal(d: TurnDraft, task: Extract<Task, { kind: 'forced-fatal' }>, day: number): void {
  const attacker = ratesInForce(d).attacker[task.place]!;
  const t = d.tally;
  if (task.place === 'iraq') t.attacksOnUSIraq += 1;
  else if (task.place === 'jordan') t.attacksOnUSJordan += 1;
  else t.attacksOnUSSyria += 1;
  t.attacksOnUS += 1;
  t.usKilled += task.killed;
  t.fatalAttacks += 1;
  d.rungs.activity = Math.max(d.rungs.activity, LETHAL_RUNG);
  emit(d, {
    kind: 'fatal',
    turn: d.turn,
    day,
    actor: attacker,
    place: task.place,
    killed: task.killed,
    rules: task.rules,
    visibility: 'public',
    weight: 50,
  });
  broadcast(d, { type: 'US_KILLED', killed: task.killed }, day);
}

/** Who presses Iran's partners to comply, from every actor's posture. */
function pressers(d: TurnDraft): Set<Presser> {
  const out = new Set<Presser>();
  for (const id of ACTOR_IDS) for (const p of metaOf(id, d.actors[id].value).presses ?? []) out.add(p);
  return out;
}

/**
 * A group's leaders weigh a halt: the chance is the actor's own rule (its definition's `deliberation`);
 * a refusal is argued over again after another lag while the group stays in a deliberating posture.
 */
function deliberate(d: TurnDraft, actor: ActorId, day: number): void {
  const def = DEFINITIONS[actor];
  if (!metaOf(actor, d.actors[actor].value).deliberates || !def.spec.deliberation) return;
  const chance = def.spec.deliberation(d.actors[actor].context, { pressers: pressers(d), iranWarFear: d.world.iranWarFear }, d.params);
  const u = d.streams.diplomacy.next();
  emit(d, {
    kind: 'compliance',
    turn: d.turn,
    day,
    actor,
    chance,
    rules: ['R-MIL-02', 'R-MIL-03', 'R-IRN-13'],
    visibility: 'iran',
    weight: 4,
    draw: { stream: 'diplomacy', u, p: chance },
  });
  send(d, actor, { type: 'COMPLIANCE_DRAW', u, chance }, day);
  const now = metaOf(actor, d.actors[actor].value).deliberates;
  if (now) schedule(d, day + drawLag(d, now.lagDays), { kind: 'deliberate', actor });
}

/**
 * The rates in force: every actor's posture activity, summed. They change only when a posture, an
 * actor's memory or deterrence does, so the sum is kept until one of them changes (segments often
 * follow one another with nothing in between but a delivered message).
 */
function ratesInForce(d: TurnDraft): ActivitySum {
  const cache = d.rates;
  if (cache && cache.deterrence === d.world.deterrence && cache.actorChanges === d.actorChanges) return cache.sum;
  const sum = emptyActivity();
  const world = { deterrence: d.world.deterrence };
  for (const id of ACTOR_IDS) addActivity(sum, id, d.actors[id], world, d.params);
  d.rates = { sum, deterrence: d.world.deterrence, actorChanges: d.actorChanges };
  return sum;
}

/** Attacks, casualties, Houthi and Hezbollah activity over days [from, to) on the postures in force. */
function activity(d: TurnDraft, from: number, to: number): void {
  const days = to - from;
  const rates = ratesInForce(d);
  const rnd = d.streams.attacks;
  // The draw order is fixed (Iraq, Jordan, Syria, shipping, the border), whoever is active.
  const counts = {
    iraq: rnd.poisson(rates.onUS.iraq * days),
    jordan: rnd.poisson(rates.onUS.jordan * days),
    syria: rnd.poisson(rates.onUS.syria * days),
  };
  const shipping = rnd.poisson(rates.shipping * days);
  let fireDays = 0;
  for (let i = 0; i < days; i++) if (rnd.next() < rates.borderFire) fireDays++;

  const t = d.tally;
  t.attacksOnUSIraq += counts.iraq;
  t.attacksOnUSJordan += counts.jordan;
  t.attacksOnUSSyria += counts.syria;
  t.attacksOnUS += counts.iraq + counts.jordan + counts.syria;
  t.houthiAttacks += shipping;
  t.hezbollahFireDays += fireDays;
  if (counts.iraq + counts.jordan + counts.syria + shipping > 0) d.rungs.activity = Math.max(d.rungs.activity, HARASSMENT_RUNG);

  let killed = 0;
  for (const place of PLACES) {
    for (let i = 0; i < counts[place]; i++) killed += casualties(d, place, rates.lethality[place], rates.attacker[place]!, from, days);
  }
  if (killed > 0) broadcast(d, { type: 'US_KILLED', killed }, to - 1);
}

/** One attack's casualties; returns the number killed. */
function casualties(d: TurnDraft, place: Place, lethality: number, attacker: ActorId, from: number, days: number): number {
  const p = d.params;
  const c = d.streams.casualties;
  const fatalP = p.fatalityPerAttack * lethality;
  const fatal = c.bernoulli(fatalP);
  const injury = c.bernoulli(p.injuryPerAttack);
  if (injury.hit) d.tally.usInjured += 1 + c.poisson(p.injuredWhenInjury - 1);
  // A game conditioned on the record's first fatal attack has none before its day (the draw is kept, so
  // the streams stay aligned with the unconditioned game's).
  if (!fatal.hit || (d.base.noFatalBefore !== undefined && from < d.base.noFatalBefore)) return 0;
  const killed = 1 + c.poisson(p.deathsWhenFatal - 1);
  d.tally.usKilled += killed;
  d.tally.fatalAttacks += 1;
  d.rungs.activity = Math.max(d.rungs.activity, LETHAL_RUNG);
  emit(d, {
    kind: 'fatal',
    turn: d.turn,
    day: from + Math.floor(c.next() * days),
    actor: attacker,
    place,
    killed,
    rules: ['R-MIL-10', 'R-SYS-04', 'F-06', 'P-05'],
    visibility: 'public',
    weight: 50,
    draw: { stream: 'casualties', u: fatal.u, p: fatalP },
  });
  return killed;
}
