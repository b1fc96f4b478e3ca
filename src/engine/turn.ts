/**
 * One turn, as a pure function of (state, decisions): the world-state updates go through immer, every
 * draw through the state's own streams.
 *
 * The pipeline: Rafah window draws → both sides' actions take effect at the start of the turn (strikes,
 * directives sent with their lag) → the turn is cut into segments at each scheduled task (a directive
 * arriving, a militia deliberating, a truce starting), and attacks are drawn per segment on the postures
 * in force (Poisson on per-day rates), with casualties per attack → end of the week: pressures, the
 * week's tally to every actor, the ladder, war checks, intelligence, the record.
 */
import { Immer } from 'immer';
import { ACTORS, ACTOR_IDS, ACTOR_NAMES, type ActorId, type ActorSnapshots } from '../model/actors/index.ts';
import { complianceChance, iraqiAttackRates } from '../model/actors/iraqi-militias.ts';
import { baghdadPressing, clericsPressing } from '../model/actors/iraqi-government.ts';
import { syrianAttackRate } from '../model/actors/syrian-militias.ts';
import { houthiAttackRate } from '../model/actors/houthis.ts';
import { hezbollahFireChance } from '../model/actors/hezbollah.ts';
import { actionById, isPublicAction, FRONTS, type ActionDef, type Front } from '../model/actions.ts';
import type { ActorEvent } from '../model/events.ts';
import { DIRECT_CLASH, REGIONAL_WAR, rungName } from '../model/ladder.ts';
import { clamp01 } from '../model/math.ts';
import type { ActorDefinition, ActorSnapshot } from '../model/runtime.ts';
import { dateAfter, daysFrom } from './dates.ts';
import { Stream, STREAMS, type AleaState, type WorldStreamName, type StreamStates } from './rng.ts';
import {
  TALLY_KEYS, emptyTally, type Decisions, type DrawRecord, type GameEvent, type GameState, type IntelItem, type Tally,
  type RafahWindow, type Scheduled, type Task, type TurnRecord, type Visibility, type World,
} from './state.ts';

const FRONT_NAMES: Readonly<Record<Front, string>> = { iraq: 'Iraq', syria: 'Syria', lebanon: 'Lebanon', yemen: 'Yemen' };

const FRONT_ACTOR: Readonly<Record<Front, ActorId>> = {
  iraq: 'iraqiMilitias', syria: 'syrianMilitias', lebanon: 'hezbollah', yemen: 'houthis',
};

const WORLD_STREAMS = STREAMS;
type WorldStream = WorldStreamName;

/** Who sees an actor's change of posture: Iran's own, and what its partners tell it, stay private. */
function postureVisibility(actor: ActorId, to: string): Visibility {
  if (actor === 'iran') return 'iran';
  if (actor === 'iraqiMilitias' || actor === 'syrianMilitias') return to === 'standingDown' ? 'public' : 'iran';
  return 'public';
}

function postureWeight(actor: ActorId, to: string): number {
  if (actor === 'iran' || actor === 'us') return 25;
  if (to === 'standingDown' || to === 'surging' || to === 'intensified') return 30;
  return 15;
}

// Every actor's definition shares one event type; their contexts differ, which the table cannot express.
const DEFINITIONS = ACTORS as unknown as Readonly<Record<ActorId, ActorDefinition<object, ActorEvent>>>;

/** One intelligence reading: right with chance `accuracy`, else one of the other options at random. */
function readIntel(rnd: Stream, accuracy: number, truth: string, options: readonly string[]): string {
  const u = rnd.next();
  if (u < accuracy || options.length < 2) return truth;
  const others = options.filter((o) => o !== truth);
  return others[Math.floor(rnd.next() * others.length)]!;
}

function label(id: ActorId, value: string): string {
  return DEFINITIONS[id].meta(value).label;
}

/** Every posture label of an actor: fixed by its definition, so computed once. */
const LABELS = new Map<ActorId, readonly string[]>();
function labels(id: ActorId): readonly string[] {
  let l = LABELS.get(id);
  if (!l) {
    l = DEFINITIONS[id].stateIds.map((s) => label(id, s));
    LABELS.set(id, l);
  }
  return l;
}

class TurnRun {
  private readonly streams: Record<WorldStream, Stream>;
  private readonly tally: Record<keyof Tally, number> = emptyTally() as Record<keyof Tally, number>;
  private readonly startDay: number;
  private readonly endDay: number;
  private readonly turn: number;
  private activityRung = 0;
  private usRung = 0;
  private iranRung = 0;
  /**
   * The actors, as a plain table of immutable snapshots: the compiled executor returns a new snapshot
   * per transition, so going through immer's proxies here would only add cost (written back in `run`).
   */
  readonly actors: { -readonly [K in ActorId]: ActorSnapshots[K] };
  /** This turn's record, appended to the history after `produce` (see `runTurn`). */
  record: TurnRecord | undefined;
  /**
   * The schedule and the Rafah windows, as plain copies: tasks and windows are immutable data, and
   * reading them through the draft would hand out proxies that end up in the log after the draft is gone.
   */
  readonly schedule: Scheduled[];
  readonly rafahWindows: RafahWindow[];

  /**
   * `base` is the state the turn starts from: parameters and the scenario never change inside a turn,
   * so they are read from it directly rather than through the draft.
   */
  rng: StreamStates | undefined;

  constructor(private readonly base: GameState, private readonly d: Scratch, private readonly events: GameEvent[]) {
    this.actors = { ...base.actors };
    this.schedule = [...base.schedule];
    this.rafahWindows = [...base.rafahWindows];
    this.turn = d.turn;
    this.startDay = d.turn * this.base.scenario.daysPerTurn;
    this.endDay = this.startDay + this.base.scenario.daysPerTurn;
    const streams = {} as Record<WorldStream, Stream>;
    for (const name of WORLD_STREAMS) streams[name] = new Stream(name, base.rng[name]);
    this.streams = streams;
  }

  run(decisions: Decisions): void {
    this.drawRafah();
    this.applyUs(decisions.us);
    this.applyIran(decisions.iran);
    this.runSegments();
    this.endWeek(decisions);
    // The saved stream states are replaced whole (never mutated).
    const rng = {} as Record<WorldStream, AleaState>;
    for (const name of WORLD_STREAMS) rng[name] = this.streams[name].state();
    this.rng = rng;
  }

  // ── Event log ──────────────────────────────────────────────────────────────────────────────────
  /** Events are built whole at the call (one allocation each: they are the turn's most numerous objects). */
  private log(e: GameEvent): void {
    this.events.push(e);
  }

  // ── Actors ─────────────────────────────────────────────────────────────────────────────────────
  private send(id: ActorId, event: ActorEvent, day: number): void {
    const def = DEFINITIONS[id];
    const snap = this.actors[id] as ActorSnapshot<object>;
    const fired = def.send(snap, event);
    if (fired.snapshot === snap) return;
    (this.actors as Record<ActorId, ActorSnapshot<object>>)[id] = fired.snapshot;
    const t = fired.transition;
    if (!t || !t.meta) return;
    const changed = t.from !== t.to;
    this.log({
      turn: this.turn,
      day, kind: 'posture', actor: id, text: `${ACTOR_NAMES[id]}: ${t.meta.says}`, rules: t.meta.rules,
      visibility: postureVisibility(id, t.to), weight: changed ? postureWeight(id, t.to) : 3,
      ...(changed ? { posture: { from: t.from, to: t.to } } : {}),
    });
    if (id === 'iraqiMilitias' && t.to === 'resisting' && t.from !== 'resisting') {
      const p = this.base.params;
      this.addTask(day + this.streams.diplomacy.int(p.deliberationMinDays, p.deliberationMaxDays), { kind: 'compliance', actor: 'iraqiMilitias' });
    }
  }

  private broadcast(event: ActorEvent, day: number): void {
    for (const id of ACTOR_IDS) this.send(id, event, day);
  }

  private addTask(day: number, task: Task): void {
    this.schedule.push({ day, seq: this.d.seq, task });
    this.d.seq += 1;
  }

  // ── Injects ────────────────────────────────────────────────────────────────────────────────────
  private drawRafah(): void {
    const windows = this.rafahWindows;
    for (let i = windows.length - 1; i >= 0; i--) {
      const w = windows[i]!;
      if (w.fromDay >= this.endDay || w.toDay < this.startDay) continue;
      const u = this.streams.world.next();
      if (u >= w.chancePerTurn) continue;
      const first = Math.max(w.fromDay, this.startDay);
      const last = Math.min(w.toDay, this.endDay - 1);
      const day = this.streams.world.int(first, last);
      this.addTask(day, {
        kind: 'deliver', actor: 'all', event: { type: 'RAFAH_ASSAULT' }, cause: 'Israel assaults Rafah', rules: ['R-ISR-01', 'T-30', ...w.cites],
      });
      this.log({
      turn: this.turn,
        day, kind: 'inject', actor: 'israel', text: 'Israel decides to assault Rafah', rules: ['R-ISR-01', 'Q-18', ...w.cites],
        visibility: 'public', weight: 35, draw: { stream: 'world', u, p: w.chancePerTurn },
      });
      windows.splice(i, 1);
    }
  }

  // ── Decisions ──────────────────────────────────────────────────────────────────────────────────
  private logAction(def: ActionDef): void {
    this.log({
      turn: this.turn,
      day: this.startDay, kind: 'action', actor: def.side, text: `${ACTOR_NAMES[def.side]}: ${def.label.toLowerCase()}`,
      rules: def.cites, visibility: isPublicAction(def) ? 'public' : def.side, weight: def.rung >= 7 ? 30 : def.rung >= 5 ? 12 : 2,
    });
  }

  private applyUs(actionId: string): void {
    const def = actionById(actionId)!;
    const p = this.base.params;
    const w = this.d.world;
    const e = def.effects;
    this.usRung = def.rung;
    this.logAction(def);
    if (e.deterrence) w.deterrence = clamp01(w.deterrence + p[e.deterrence]);
    if (e.deterrenceCost) w.deterrence = clamp01(w.deterrence - p[e.deterrenceCost]);
    if (e.strikes) {
      const n = Math.max(1, this.streams.strikes.poisson(p[e.strikes.mean]));
      const day = this.startDay;
      switch (e.strikes.target) {
        case 'militias': {
          this.tally.usStrikes += n;
          const hit = {
            type: 'STRUCK', strikes: n, leaderKilled: e.leaderKilled === true,
            grievance: e.grievance ? p[e.grievance] : 0, capabilityLoss: e.militiaCapabilityLoss ? p[e.militiaCapabilityLoss] : 0,
          } as const;
          this.send('iraqiMilitias', hit, day);
          // A commander is killed in Baghdad; wider packages hit the Syrian groups as well (R-SYR-02).
          if (!e.leaderKilled) this.send('syrianMilitias', hit, day);
          if (e.leaderKilled) this.tally.leadersKilled += 1;
          break;
        }
        case 'houthis':
          this.tally.usStrikesYemen += n;
          break;
        case 'irgc':
          this.tally.usStrikes += n;
          break;
        case 'iran':
          this.tally.usStrikes += n;
          this.tally.strikesOnIran += n;
          this.send('iran', { type: 'HOMELAND_STRUCK' }, day);
          break;
      }
      this.log({
      turn: this.turn,
        day, kind: 'strike', actor: 'us', text: `US carries out ${n} strike${n === 1 ? '' : 's'}: ${def.label}`,
        rules: def.cites, visibility: 'public', weight: def.rung >= 7 ? 10 : 4,
      });
    }
    if (e.houthiCapacityLoss) this.send('houthis', { type: 'CAPACITY', delta: -p[e.houthiCapacityLoss] }, this.startDay);
    if (e.withdrawalTalks) this.send('iraqiGovernment', { type: 'TALKS', delta: p.withdrawalPerTalksOffer }, this.startDay);
    w.iranWarFear = clamp01(w.iranWarFear + Math.max(0, def.rung - 5) * p.iranWarFearPerRung);
    this.send('us', { type: 'ACTED', action: def.id, rung: def.rung }, this.startDay);
  }

  private applyIran(actionId: string): void {
    const def = actionById(actionId)!;
    const p = this.base.params;
    const w = this.d.world;
    const e = def.effects;
    this.iranRung = def.rung;
    this.logAction(def);
    if (e.directive) {
      const envoys = e.envoys === true;
      for (const front of FRONTS) {
        const level = e.directive[front];
        if (level === undefined) continue;
        const actor = FRONT_ACTOR[front];
        const ctx = this.actors[actor].context as { envoys?: boolean };
        const changed = level !== w.directive[front];
        const envoysAdded = envoys && ctx.envoys === false;
        w.directive = settled({ ...w.directive, [front]: level });
        if (!changed && !envoysAdded) continue;
        const lag = envoys
          ? this.streams.diplomacy.int(p.envoyLagMinDays, p.envoyLagMaxDays)
          : this.streams.diplomacy.int(p.directiveLagMinDays, p.directiveLagMaxDays);
        const rules = envoys ? ['R-IRN-05', 'R-IRN-13', 'P-08'] : ['R-IRN-05', 'P-08'];
        this.addTask(this.startDay + lag, {
          kind: 'deliver', actor, event: { type: 'DIRECTIVE', level, envoys },
          cause: `Iran's guidance for ${FRONT_NAMES[front]} (${level}) reaches ${ACTOR_NAMES[actor]}${envoys ? ' through envoys' : ''}`, rules,
        });
      }
    }
    if (e.houthiCapacityGain) this.send('houthis', { type: 'CAPACITY', delta: p[e.houthiCapacityGain] }, this.startDay);
    if (e.withdrawalTalks) this.send('iraqiGovernment', { type: 'TALKS', delta: p.withdrawalPerTalksOffer }, this.startDay);
    if (e.directAttack) {
      this.tally.iranDirectAttacks += 1;
      this.send('us', { type: 'DIRECT_ATTACK' }, this.startDay);
    }
    this.send('iran', { type: 'ACTED', action: def.id, rung: def.rung }, this.startDay);
  }

  // ── Segments ───────────────────────────────────────────────────────────────────────────────────
  private runSegments(): void {
    let cursor = this.startDay;
    for (;;) {
      const next = this.nextTask();
      if (!next) break;
      const day = Math.max(next.day, cursor);
      if (day > cursor) {
        this.activity(cursor, day);
        cursor = day;
      }
      this.execute(next.task, day);
    }
    if (cursor < this.endDay) this.activity(cursor, this.endDay);
  }

  /** Removes and returns the earliest task due before the turn ends (ties in the order scheduled). */
  private nextTask(): { day: number; task: Task } | undefined {
    const list = this.schedule;
    let best = -1;
    for (let i = 0; i < list.length; i++) {
      const s = list[i]!;
      if (s.day >= this.endDay) continue;
      const b = best >= 0 ? list[best]! : undefined;
      if (!b || s.day < b.day || (s.day === b.day && s.seq < b.seq)) best = i;
    }
    if (best < 0) return undefined;
    const [taken] = list.splice(best, 1);
    return { day: taken!.day, task: taken!.task as Task };
  }

  private execute(task: Task, day: number): void {
    if (task.kind === 'deliver') {
      const kind = task.event.type === 'DIRECTIVE' ? 'directive' : 'inject';
      this.log({
      turn: this.turn,
        day, kind, actor: task.actor === 'all' ? 'world' : task.actor, text: task.cause, rules: task.rules,
        visibility: kind === 'directive' ? 'iran' : 'public', weight: kind === 'inject' ? 20 : 5,
      });
      if (task.actor === 'all') this.broadcast(task.event, day);
      else this.send(task.actor, task.event, day);
      return;
    }
    const militias = this.actors.iraqiMilitias;
    if (militias.value !== 'resisting') return;
    const gov = this.actors.iraqiGovernment;
    const chance = complianceChance(militias.context, { baghdadPressing: baghdadPressing(gov), clericsPressing: clericsPressing(gov), iranWarFear: this.d.world.iranWarFear }, this.base.params);
    const u = this.streams.diplomacy.next();
    this.log({
      turn: this.turn,
      day, kind: 'compliance', actor: 'iraqiMilitias',
      text: `Iraqi militia leaders weigh Iran's halt (chance ${Math.round(chance * 100)} %)`,
      rules: ['R-MIL-02', 'R-MIL-03', 'R-IRN-13'], visibility: 'iran', weight: 4, draw: { stream: 'diplomacy', u, p: chance },
    });
    this.send('iraqiMilitias', { type: 'COMPLIANCE_DRAW', u, chance }, day);
    // A refusal is argued over again within days, not weeks: the halt came within about a week (F-07, P-08).
    if (this.actors.iraqiMilitias.value === 'resisting') {
      const p = this.base.params;
      this.addTask(day + this.streams.diplomacy.int(p.deliberationMinDays, p.deliberationMaxDays), { kind: 'compliance', actor: 'iraqiMilitias' });
    }
  }

  /** Attacks, casualties, Houthi and Hezbollah activity over days [from, to) on the postures in force. */
  private activity(from: number, to: number): void {
    const days = to - from;
    const p = this.base.params;
    const a = this.actors;
    const deterrence = this.d.world.deterrence;
    const iq = iraqiAttackRates(a.iraqiMilitias, { deterrence }, p);
    const sy = syrianAttackRate(a.syrianMilitias, { deterrence }, p);
    const rnd = this.streams.attacks;
    const counts = {
      iraq: rnd.poisson(iq.iraq * days),
      jordan: rnd.poisson(iq.jordan * days),
      syria: rnd.poisson(sy.syria * days),
    };
    const houthi = rnd.poisson(houthiAttackRate(a.houthis, p) * days);
    const fireChance = hezbollahFireChance(a.hezbollah, p);
    let fireDays = 0;
    for (let i = 0; i < days; i++) if (rnd.next() < fireChance) fireDays++;

    const t = this.tally;
    t.attacksOnUSIraq += counts.iraq;
    t.attacksOnUSJordan += counts.jordan;
    t.attacksOnUSSyria += counts.syria;
    t.attacksOnUS += counts.iraq + counts.jordan + counts.syria;
    t.houthiAttacks += houthi;
    t.hezbollahFireDays += fireDays;
    if (counts.iraq + counts.jordan + counts.syria + houthi > 0) this.activityRung = Math.max(this.activityRung, 4);

    let killed = 0;
    for (const front of ['iraq', 'jordan', 'syria'] as const) {
      const lethality = front === 'syria' ? sy.lethality : 1;
      for (let i = 0; i < counts[front]; i++) killed += this.casualties(front, lethality, from, days);
    }
    if (killed > 0) {
      const day = to - 1;
      this.broadcast({ type: 'US_KILLED', killed }, day);
    }
  }

  /** One attack's casualties; returns the number killed. */
  private casualties(front: 'iraq' | 'jordan' | 'syria', lethality: number, from: number, days: number): number {
    const p = this.base.params;
    const c = this.streams.casualties;
    const fatalP = p.fatalityPerAttack * lethality;
    const fatal = c.bernoulli(fatalP);
    const injury = c.bernoulli(p.injuryPerAttack);
    if (injury.hit) this.tally.usInjured += 1 + c.poisson(p.injuredWhenInjury - 1);
    if (!fatal.hit) return 0;
    const killed = 1 + c.poisson(p.deathsWhenFatal - 1);
    this.tally.usKilled += killed;
    this.tally.fatalAttacks += 1;
    this.activityRung = Math.max(this.activityRung, 6);
    const place = front === 'iraq' ? 'Iraq' : front === 'jordan' ? 'Jordan' : 'Syria';
    const draw: DrawRecord = { stream: 'casualties', u: fatal.u, p: fatalP };
    this.log({
      turn: this.turn,
      day: from + Math.floor(c.next() * days), kind: 'fatal', actor: front === 'syria' ? 'syrianMilitias' : 'iraqiMilitias',
      text: `A militia attack in ${place} kills ${killed} US service member${killed === 1 ? '' : 's'}`,
      rules: ['R-MIL-10', 'R-SYS-04', 'F-06', 'P-05'], visibility: 'public', weight: 50, draw,
    });
    return killed;
  }

  // ── End of the week ────────────────────────────────────────────────────────────────────────────
  private endWeek(decisions: Decisions): void {
    const d = this.d;
    const p = this.base.params;
    const w = d.world;
    const t = this.tally;
    const weeks = this.base.scenario.daysPerTurn / 7;

    w.deterrence = clamp01(w.deterrence * 0.5 ** (weeks / p.deterrenceHalfLife));
    w.usDomesticPressure = clamp01(w.usDomesticPressure * (1 - p.usDomesticDecay * weeks) + t.usKilled * p.usDomesticPerDeath + p.usDomesticPerWeek * weeks);
    w.iranWarFear = clamp01(w.iranWarFear * (1 - p.iranWarFearDecay * weeks) + t.usKilled * p.iranWarFearPerDeath);
    w.axisGains = clamp01(w.axisGains + p.axisGainsPerWeek * weeks);
    w.shippingDisruption = clamp01(
      (1 - p.shippingSmoothing) * w.shippingDisruption + p.shippingSmoothing * Math.min(1, t.houthiAttacks / (p.shippingFullScale * weeks)),
    );

    this.broadcast({
      type: 'WEEK_END', attacksOnUS: t.attacksOnUS, attacksIraq: t.attacksOnUSIraq, houthiAttacks: t.houthiAttacks, usKilled: t.usKilled,
      days: this.base.scenario.daysPerTurn, grievanceDecay: clamp01(p.grievanceDecay * weeks), capabilityRecovery: p.capabilityRecovery * weeks,
      withdrawalPerQuietWeek: p.withdrawalPerQuietWeek * weeks, withdrawalPerAttack: p.withdrawalPerAttack, houthiResupply: p.houthiResupply * weeks,
    }, this.endDay - 1);

    // The ladder: the highest rung anything reached this turn.
    const prevRung = w.rung;
    let rung = Math.max(this.usRung, this.iranRung, this.activityRung);
    const before = this.base.world.sideRungs;
    const [usNow, usPrev] = [this.usRung, before.us[0]];
    const [iranNow, iranPrev] = [this.iranRung, before.iran[0]];
    w.sideRungs = settled({ us: settled([usNow, usPrev] as const), iran: settled([iranNow, iranPrev] as const) });
    const exchange = (usNow >= DIRECT_CLASH && (iranNow >= DIRECT_CLASH || iranPrev >= DIRECT_CLASH))
      || (iranNow >= DIRECT_CLASH && usPrev >= DIRECT_CLASH);
    let war = false;
    if (exchange) {
      war = true;
      this.log({
      turn: this.turn,
        day: this.endDay - 1, kind: 'war', actor: 'world', text: 'US and Iranian forces trade blows directly: regional war',
        rules: ['R-IRN-15', 'R-USA-03', 'O-USA-01', 'O-IRN-02'], visibility: 'public', weight: 100, rung: { from: prevRung, to: REGIONAL_WAR },
      });
    } else {
      const warWeeks = daysFrom(this.base.scenario.gazaWarStart, this.base.scenario.start) / 7 + (this.turn + 1) * weeks;
      const hazard = clamp01((p.warShockBase + p.warHazardPerRung * Math.max(0, rung - 6)) * (1 + p.warDurationHazard * (warWeeks / 19)));
      const u = this.streams.world.next();
      if (u < hazard) {
        war = true;
        this.log({
      turn: this.turn,
          day: this.endDay - 1, kind: 'war', actor: 'world', text: `Miscalculation at "${rungName(rung)}" spirals into regional war`,
          rules: ['R-SYS-06', 'R-SYS-08', 'R-SYS-01'], visibility: 'public', weight: 100, draw: { stream: 'world', u, p: hazard },
          rung: { from: prevRung, to: REGIONAL_WAR },
        });
      }
    }
    if (war) {
      rung = REGIONAL_WAR;
      w.regionalWar = true;
      w.axisGains = 0;
      this.broadcast({ type: 'REGIONAL_WAR' }, this.endDay - 1);
    } else if (Math.abs(rung - prevRung) >= 2) {
      this.log({
      turn: this.turn,
        day: this.endDay - 1, kind: 'ladder', actor: 'world', text: `The ladder moves from "${rungName(prevRung)}" to "${rungName(rung)}"`,
        rules: [], visibility: 'public', weight: 6 * Math.abs(rung - prevRung), rung: { from: prevRung, to: rung },
      });
    }
    w.rung = rung;
    w.peakRung = Math.max(w.peakRung, rung);

    this.writeIntel();

    const totals = { ...this.base.world.totals } as Record<keyof Tally, number>;
    for (const k of TALLY_KEYS) totals[k] += t[k];
    w.totals = settled(totals);
    this.record = {
      turn: this.turn, date: dateAfter(this.base.scenario.start, this.startDay), rung, ...t,
      deterrence: w.deterrence, usDomesticPressure: w.usDomesticPressure, iranWarFear: w.iranWarFear, axisGains: w.axisGains,
      shippingDisruption: w.shippingDisruption, withdrawalMomentum: this.actors.iraqiGovernment.context.withdrawalMomentum,
      actions: { us: decisions.us, iran: decisions.iran },
    };
    d.turn += 1;
    if (war) d.over = settled({ reason: 'regional-war' as const, turn: d.turn });
    else if (d.turn >= this.base.scenario.turns) d.over = settled({ reason: 'horizon' as const, turn: d.turn });
  }

  /**
   * Each side's intelligence for the coming turn: right with chance `intelAccuracy`, otherwise a
   * plausible wrong reading (fog of war). Iran hears from its envoys, so its read of the militias is
   * exact when envoys are in place.
   */
  private writeIntel(): void {
    const d = this.d;
    const rnd = this.streams.intel;
    const acc = this.base.params.intelAccuracy;
    const read = (truth: string, options: readonly string[]) => readIntel(rnd, acc, truth, options);
    const guidance = d.world.directive.iraq;
    const militia = label('iraqiMilitias', this.actors.iraqiMilitias.value);
    const usItems: IntelItem[] = [
      { subject: "Iran's guidance to Iraqi militias", assessed: read(guidance, ['halt', 'reduce', 'sustain', 'surge']), confidence: 'moderate' },
      { subject: 'Iraqi militias', assessed: read(militia, labels('iraqiMilitias')), confidence: 'moderate' },
    ];
    const usPosture = label('us', this.actors.us.value);
    const envoys = this.actors.iraqiMilitias.context.envoys;
    const iranItems: IntelItem[] = [
      { subject: 'US posture', assessed: read(usPosture, labels('us')), confidence: 'moderate' },
      { subject: 'Iraqi militias', assessed: envoys ? militia : read(militia, labels('iraqiMilitias')), confidence: envoys ? 'high' : 'moderate' },
    ];
    d.intel = settled({
      us: settled({ turn: this.turn, items: settled(usItems.map(settled)), truth: settled([guidance, militia]) }),
      iran: settled({ turn: this.turn, items: settled(iranItems.map(settled)), truth: settled([usPosture, militia]) }),
    });
  }
}

/**
 * Marks a value built whole during the turn as final before it goes into the draft: immer then takes it
 * as it is, instead of walking it for drafts when the turn is finalised (it walks every unfrozen object).
 */
function settled<T extends object>(value: T): T {
  return Object.freeze(value);
}

/**
 * The part of the state a turn updates through immer: the world and its pressures, the intelligence,
 * the clock. The rest is replaced whole (actors, streams, schedule) or appended to (the history, the
 * log, the decisions), which immer would only slow down: it walks every plain subtree of its base
 * looking for drafts, and the logs grow all game long.
 */
type Core = Pick<GameState, 'world' | 'intel' | 'seq' | 'turn' | 'over'>;

/**
 * The turn works on a scratch copy of the core (plain fields: a proxy per read and write cost more than
 * the turn's own arithmetic), then commits what changed to the state through immer, which copies only
 * the changed branches and freezes what it makes. Values the turn builds whole (totals, intelligence,
 * guidance) are frozen when made, so immer takes them as they are.
 */
type Scratch = { -readonly [K in keyof Core]: K extends 'world' ? { -readonly [W in keyof World]: World[W] } : Core[K] };

// The world holds only plain objects with enumerable string keys, so immer may walk them with
// Object.keys instead of its strict (symbol- and descriptor-aware) iteration: ≈ 5 % faster games.
const immer = new Immer({ autoFreeze: true, useStrictIteration: false });

const WORLD_KEYS = (state: GameState) => Object.keys(state.world) as (keyof World)[];

function commit(state: GameState, scratch: Scratch): Core {
  // The world goes through immer; the clock, the sequence number and the intelligence are replaced
  // whole (the intelligence was built and frozen this turn), so they need no draft.
  const world = immer.produce(state.world, (draft) => {
    const w = draft as Record<keyof World, unknown>;
    for (const k of WORLD_KEYS(state)) {
      if (scratch.world[k] !== state.world[k]) w[k] = scratch.world[k];
    }
  });
  return { world, intel: scratch.intel, seq: scratch.seq, turn: scratch.turn, over: scratch.over };
}

export function runTurn(state: GameState, decisions: Decisions): { state: GameState; events: GameEvent[] } {
  const events: GameEvent[] = [];
  const scratch: Scratch = { world: { ...state.world }, intel: state.intel, seq: state.seq, turn: state.turn, over: state.over };
  const done = new TurnRun(state, scratch, events);
  done.run(decisions);
  const next = commit(state, scratch);
  // The append-only logs are extended outside immer: a plain concat is one copy, where immer would
  // proxy and finalise every element of an ever-growing array each turn (quadratic over a game).
  return {
    state: {
      ...state,
      ...next,
      rng: done.rng!,
      actors: done.actors,
      schedule: done.schedule,
      rafahWindows: done.rafahWindows,
      history: [...state.history, done.record!],
      log: events.length > 0 ? state.log.concat(events) : [...state.log],
      decisions: [...state.decisions, { us: decisions.us, iran: decisions.iran }],
    },
    events,
  };
}

