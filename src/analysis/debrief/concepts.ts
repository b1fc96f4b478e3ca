/**
 * The deterrence concepts a debrief names, and where in a game each one is at work.
 *
 * A concept is recognised from the game's own record, never asserted from a fixed script or from the
 * rules an event happens to cite: each concept names what it needs to see (US strikes outside Yemen,
 * partners refusing or ignoring Iran's order to hold back, a public vow after US deaths, threats beside
 * restraint in the same turn, a death or a war drawn by chance, deterrence built and fading), and is shown
 * only in a game that holds it, with a "Here:" line made from that game's own turns and numbers.
 */
import { ACTOR_NAMES, type ActorId } from '../../model/actors/index.ts';
import { actionById } from '../../model/actions.ts';
import type { GameEvent, GameState, Pressures } from '../../engine/state.ts';
import { logOf } from '../../engine/history.ts';
import { portfolioRung } from '../../model/portfolio.ts';
import { percent, plural, times } from '../render.ts';
import { ruleHeld, usDeathsBy } from './conditions.ts';

export type ConceptId =
  | 'deterrence-by-punishment'
  | 'credibility-decay'
  | 'principal-agent'
  | 'audience-costs'
  | 'cheap-talk'
  | 'miscalculation';

export interface ConceptDef {
  readonly id: ConceptId;
  readonly name: string;
  readonly explanation: string;
  /** Fact and rule IDs that ground the concept in this crisis. */
  readonly cites: readonly string[];
}

export const CONCEPTS: readonly ConceptDef[] = [
  {
    id: 'deterrence-by-punishment',
    name: 'Deterrence by punishment',
    explanation: 'Threatening, and when tested inflicting, costs so that the other side chooses not to act.',
    cites: ['R-USA-02', 'R-SYS-05', 'F-09', 'D-18'],
  },
  {
    id: 'credibility-decay',
    name: 'Credibility and its decay',
    explanation: 'A threat deters only while it is believed; belief fades unless it is renewed by action.',
    cites: ['R-SYS-03', 'Q-12', 'P-09'],
  },
  {
    id: 'principal-agent',
    name: 'Principal–agent slippage',
    explanation:
      'A patron (the principal) cannot fully control the partners (agents) who act for it: they have their own ' +
      'aims, information and timing.',
    cites: ['C-02', 'C-04', 'R-MIL-02', 'R-MIL-07', 'R-HOU-01'],
  },
  {
    id: 'audience-costs',
    name: 'Audience costs and domestic pressure',
    explanation:
      'Leaders who make public commitments pay a price at home for backing down, which makes their threats more ' +
      'credible and their choices less free.',
    cites: ['R-USA-02', 'R-USA-10', 'R-SYS-04'],
  },
  {
    id: 'cheap-talk',
    name: 'Cheap talk versus private action',
    explanation: 'Words cost nothing to say, so they carry little information; what a side does in private tells more.',
    cites: ['R-IRN-09', 'R-MIL-05', 'D-17'],
  },
  {
    id: 'miscalculation',
    name: 'Miscalculation and chance',
    explanation: 'Neither side wants war, yet events can slip out of control: an attack meant to harass kills, a signal is misread.',
    cites: ['R-MIL-10', 'R-SYS-06', 'R-SYS-08', 'R-SYS-04'],
  },
];

export function conceptById(id: ConceptId): ConceptDef {
  const c = CONCEPTS.find((x) => x.id === id);
  if (!c) throw new Error(`unknown concept ${id}`);
  return c;
}

/** The action an 'action' event records. */
export function actionIdOfEvent(e: GameEvent): string | undefined {
  return e.kind === 'action' ? e.action : undefined;
}

/** Whether Tehran ordered restraint in any turn of this game (an action whose stance is restraint). */
export function iranRestrained(state: GameState): boolean {
  return state.history.some((r) => actionById(r.actions.iran.force)?.stance === 'restraint');
}

/**
 * The turns (0-based) in which Tehran threatened in public while its private order of the same turn was
 * for restraint (R-IRN-09): cheap talk, words that the deeds of that very turn contradict.
 */
export function threatsWithRestraint(state: GameState): number[] {
  return state.history
    .filter((r) => r.actions.iran.signal === 'iran.public-threats' && actionById(r.actions.iran.force)?.stance === 'restraint')
    .map((r) => r.turn);
}

/** A concept at work in one game: the turns and log entries that show it, and what it looked like there. */
export interface ConceptAtWork {
  readonly turns: readonly number[];
  /** Indices into the event log of the events that show it (a turning point among them carries the concept). */
  readonly events: readonly number[];
  /** "Here: …", made from this game's turns and numbers. */
  readonly here: string;
}

const MILITIAS: ReadonlySet<ActorId> = new Set(['iraqiMilitias', 'syrianMilitias']);
const turnList = (turns: readonly number[]) => {
  const t = turns.map((x) => x + 1);
  return t.length === 1 ? `turn ${t[0]}` : `turns ${t.slice(0, -1).join(', ')} and ${t[t.length - 1]}`;
};
const sorted = (xs: Iterable<number>) => [...new Set(xs)].sort((a, b) => a - b);

interface Found {
  turns: number[];
  events: number[];
}
const found = (): Found => ({ turns: [], events: [] });
const note = (f: Found, e: GameEvent, index: number) => {
  f.turns.push(e.turn);
  f.events.push(index);
};

/** US force meant to deter: strikes on the militias, on Iran's forces or on Iran (not the separate Houthi track). */
function punishment(state: GameState): ConceptAtWork | undefined {
  const f = found();
  const targets = new Set<string>();
  let strikes = 0;
  logOf(state).forEach((e, i) => {
    if (e.kind === 'strike' && e.target !== 'houthis') {
      note(f, e, i);
      targets.add(e.target);
      strikes += e.count;
    }
    if (e.kind === 'action' && e.actor === 'us') {
      const target = actionById(e.action)?.effects.strikes?.target;
      if (target && target !== 'houthis') note(f, e, i);
    }
  });
  if (f.events.length === 0) return undefined;
  const names = { militias: 'the militias', irgc: "Iran's forces", iran: 'Iran itself' } as const;
  const what = (['militias', 'irgc', 'iran'] as const).filter((t) => targets.has(t)).map((t) => names[t]);
  const turns = sorted(f.turns);
  return {
    turns,
    events: f.events,
    here: `Here: the US struck ${what.join(' and ')} in ${turnList(turns)} (${plural(strikes, 'strike')}), to make further attacks on its forces not worth it.`,
  };
}

/**
 * Deterrence had been built (≥ 0.2) and, falling since, attacks on US forces rose again. The peak starts
 * at the opening deterrence (rafah opens at 0.35, the strikes of early February): a US that lets that fade
 * meets the concept as much as one that built its own; turn -1 is the opening.
 */
function credibilityDecay(state: GameState, opening: Pressures): ConceptAtWork | undefined {
  const turns: number[] = [];
  let peak = opening.deterrence;
  let peakTurn = -1;
  let first: { turn: number; peak: number; peakTurn: number; deterrence: number; before: number; after: number } | undefined;
  state.history.forEach((h, i) => {
    const prev = i > 0 ? state.history[i - 1]! : undefined;
    if (prev && peak >= 0.2 && h.deterrence < prev.deterrence && h.deterrence < peak * 0.75 && h.attacksOnUS > prev.attacksOnUS) {
      turns.push(h.turn);
      first ??= { turn: h.turn, peak, peakTurn, deterrence: h.deterrence, before: prev.attacksOnUS, after: h.attacksOnUS };
    }
    if (h.deterrence > peak) {
      peak = h.deterrence;
      peakTurn = h.turn;
    }
  });
  if (!first) return undefined;
  return {
    turns,
    events: [],
    here:
      // A turn's deterrence is its value once the turn is over: the figure the next turn's screen shows.
      `Here: US deterrence stood at ${first.peak.toFixed(2)} ${first.peakTurn < 0 ? 'when the game opened' : `after turn ${first.peakTurn + 1}`} and had fallen to ${first.deterrence.toFixed(2)} ` +
      `after turn ${first.turn + 1}, when attacks on US forces rose from ${first.before} to ${first.after} a turn.`,
  };
}

/** The guidance for a front most recently delivered to `actor` before log entry `index`. */
function lastDirective(log: readonly GameEvent[], index: number, actor: ActorId): GameEvent | undefined {
  for (let i = index - 1; i >= 0; i--) {
    const c = log[i]!;
    if (c.kind === 'directive' && c.actor === actor) return c;
  }
  return undefined;
}

/**
 * Partners who did not do as Tehran said when it told them to hold back: militias refusing a halt and
 * weighing it (R-MIL-02, R-MIL-03), the Houthis taking no orders when asked to ease off (R-HOU-01).
 */
function principalAgent(state: GameState): ConceptAtWork | undefined {
  const log = logOf(state);
  const f = found();
  const refused = new Map<ActorId, { turn: number; weighed: number; accepted?: number }>();
  const houthis: number[] = [];
  log.forEach((e, i) => {
    if (e.kind === 'compliance' && MILITIAS.has(e.actor)) {
      note(f, e, i);
      const r = refused.get(e.actor);
      if (r) r.weighed += 1;
    }
    if (e.kind !== 'posture') return;
    // A refusal, first or again, is the transition citing ideological resistance (R-MIL-02); an acceptance
    // is the outcome of a deliberation that does not.
    const refusal = e.rules.includes('R-MIL-02');
    if (MILITIAS.has(e.actor) && (refusal || e.on === 'COMPLIANCE_DRAW')) {
      note(f, e, i);
      if (!refused.has(e.actor)) refused.set(e.actor, { turn: e.turn, weighed: 0 });
      if (!refusal) refused.get(e.actor)!.accepted ??= e.turn;
    }
    const asked = lastDirective(log, i, e.actor);
    if (
      e.actor === 'houthis' &&
      e.rules.includes('R-HOU-01') &&
      asked?.kind === 'directive' &&
      (asked.level === 'halt' || asked.level === 'reduce')
    ) {
      note(f, e, i);
      houthis.push(e.turn);
    }
  });
  if (f.events.length === 0) return undefined;
  const last = state.history.length;
  const parts = [...refused].map(
    ([actor, r]) =>
      `Iran ordered a halt and the ${ACTOR_NAMES[actor]} refused at first (turn ${r.turn + 1}), weighed it ${times(r.weighed)} and ` +
      (r.accepted === undefined ? `had not accepted by turn ${last}` : `accepted in turn ${r.accepted + 1}`),
  );
  if (houthis.length > 0)
    parts.push(`the Houthis took no orders from Tehran when it asked them to ease off (${turnList(sorted(houthis))})`);
  return { turns: sorted(f.turns), events: f.events, here: `Here: ${parts.join('; ')}.` };
}

/** Criticism at home (0–1) from which striking at rung 5 or above is named an audience cost (R-USA-10). */
const AUDIENCE_PRESSURE = 0.3;

/**
 * A public commitment with a price for backing down: US deaths that Washington was expected to answer,
 * or vowed to (R-USA-02, where deaths had come), and criticism at home high while the US struck at rung 5
 * or above (R-USA-10). The criticism a turn's order met is the pressure at the end of the turn before; the
 * first turn's is the scenario's opening pressure (tower-22 opens on 0.36), not its own end's.
 */
function audienceCosts(state: GameState, opening: Pressures): ConceptAtWork | undefined {
  const log = logOf(state);
  const f = found();
  let vowed: number | undefined;
  log.forEach((e, i) => {
    if (e.actor !== 'us' || (e.kind !== 'posture' && e.kind !== 'action')) return;
    if (!e.rules.includes('R-USA-02') || !ruleHeld(state, i, 'R-USA-02')) return;
    note(f, e, i);
    if (e.kind === 'action' && actionById(e.action)?.effects.vow) vowed ??= e.turn;
  });
  const pressed: { turn: number; pressure: number }[] = [];
  state.history.forEach((h, i) => {
    const prev = i > 0 ? state.history[i - 1]! : undefined;
    const before = prev?.usDomesticPressure ?? opening.usDomesticPressure;
    if (before >= AUDIENCE_PRESSURE && portfolioRung(h.actions.us) >= 5) {
      f.turns.push(h.turn);
      pressed.push({ turn: h.turn, pressure: before });
    }
  });
  if (f.turns.length === 0) return undefined;
  const parts: string[] = [];
  if (f.events.length > 0) {
    const opening = state.scenario.opening.usKilled;
    const fatal = log.find((e) => e.kind === 'fatal');
    const deaths = usDeathsBy(state, log.length - 1);
    const first = (fatal?.turn ?? 0) + 1;
    const when =
      opening > 0
        ? deaths > opening
          ? ', before the game opened and during it,'
          : ' before the game opened,'
        : deaths === 1
          ? ` in turn ${first},`
          : `, the first in turn ${first},`;
    parts.push(
      `after ${deaths === 1 ? 'a US death' : plural(deaths, 'US death')}${when} Washington was expected in public to answer ${deaths === 1 ? 'it' : 'them'}` +
        (vowed === undefined ? '' : `, and it vowed to in turn ${vowed + 1}`),
    );
  }
  if (pressed.length > 0) {
    const highest = Math.max(...pressed.map((p) => p.pressure));
    parts.push(
      // The bar runs from 0 (none) to 1 (intense): said, so that 0.36 does not read as a small number called high.
      `criticism at home stood at ${AUDIENCE_PRESSURE.toFixed(1)} or more on its 0–1 scale (${highest.toFixed(2)} at its highest) in ${turnList(pressed.map((p) => p.turn))}, when the US acted at rung 5 or above`,
    );
  }
  return { turns: sorted(f.turns), events: f.events, here: `Here: ${parts.join('; ')}.` };
}

/** Tehran's public threats in the turns its private order was for restraint (R-IRN-09). */
function cheapTalk(state: GameState): ConceptAtWork | undefined {
  const turns = threatsWithRestraint(state);
  if (turns.length === 0) return undefined;
  const events: number[] = [];
  logOf(state).forEach((e, i) => {
    if (e.kind === 'action' && e.actor === 'iran' && turns.includes(e.turn)) events.push(i);
  });
  return {
    turns,
    events,
    here: `Here: Tehran threatened in public in ${turnList(turns)} while its private orders in the same ${turns.length === 1 ? 'turn were' : 'turns were'} for restraint.`,
  };
}

/** What chance decided: an attack that killed, a war drawn from the hazard. */
function miscalculation(state: GameState): ConceptAtWork | undefined {
  const f = found();
  const parts: string[] = [];
  const fatalP = state.params.fatalityPerAttack;
  logOf(state).forEach((e, i) => {
    if (e.kind === 'fatal') {
      if (f.events.length === 0) {
        const attacks = state.history.slice(0, e.turn + 1).reduce((s, r) => s + r.attacksOnUS, 0);
        parts.push(
          `in turn ${e.turn + 1} an attack killed ${plural(e.killed, 'US soldier')}, a ${percent(e.draw?.p ?? fatalP)} chance per attack that came up within ${plural(attacks, 'attack')}`,
        );
      }
      note(f, e, i);
    }
    if (e.kind === 'war') {
      note(f, e, i);
      const chance = e.draw ? ` (a ${percent(e.draw.p)} chance that came up)` : '';
      parts.push(
        e.cause === 'miscalculation'
          ? `in turn ${e.turn + 1} the ladder spiralled into war by miscalculation${chance}`
          : `in turn ${e.turn + 1} a direct exchange of fire became war${chance}`,
      );
    }
  });
  if (f.events.length === 0) return undefined;
  return { turns: sorted(f.turns), events: f.events, here: `Here: ${parts.join('; ')}.` };
}

/**
 * Every concept at work in this game, in CONCEPTS order; a concept the game does not hold is absent.
 * `opening`: the pressures the scenario opens on (its `world`), which the game's record of turns does not
 * hold: what the first order met.
 */
export function conceptsAtWork(state: GameState, opening: Pressures): Map<ConceptId, ConceptAtWork> {
  const finders: Record<ConceptId, (s: GameState) => ConceptAtWork | undefined> = {
    'deterrence-by-punishment': punishment,
    'credibility-decay': (s) => credibilityDecay(s, opening),
    'principal-agent': principalAgent,
    'audience-costs': (s) => audienceCosts(s, opening),
    'cheap-talk': cheapTalk,
    miscalculation,
  };
  const out = new Map<ConceptId, ConceptAtWork>();
  for (const c of CONCEPTS) {
    const at = finders[c.id](state);
    if (at) out.set(c.id, at);
  }
  return out;
}

/** The concepts log entry `index` shows (those whose evidence includes it). */
export function conceptsOfEvent(index: number, at: ReadonlyMap<ConceptId, ConceptAtWork>): ConceptId[] {
  return [...at].filter(([, c]) => c.events.includes(index)).map(([id]) => id);
}
