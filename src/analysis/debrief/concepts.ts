/**
 * The deterrence concepts a debrief names, and where in a game each one is at work.
 *
 * A concept is recognised from the game's own record, never asserted from a fixed script: an event
 * tags a concept when the rules it fired encode that concept (the rule IDs are DOMAIN.md's R-*), and
 * a few concepts are read off the per-turn history (credibility decaying, domestic pressure building).
 */
import { actionById } from '../../model/actions.ts';
import type { GameEvent, GameState } from '../../engine/state.ts';
import { portfolioRung } from '../../model/portfolio.ts';

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
  /** Rules whose firing shows the concept at work. */
  readonly rules: readonly string[];
}

export const CONCEPTS: readonly ConceptDef[] = [
  {
    id: 'deterrence-by-punishment',
    name: 'Deterrence by punishment',
    explanation:
      'Threatening, and when tested inflicting, costs so that the other side chooses not to act. ' +
      'Here: US strikes on militias meant to make further attacks not worth it.',
    cites: ['R-USA-02', 'R-SYS-05', 'F-09', 'D-18'],
    rules: ['R-USA-02', 'R-SYS-05', 'F-09', 'P-06', 'F-10'],
  },
  {
    id: 'credibility-decay',
    name: 'Credibility and its decay',
    explanation:
      'A threat deters only while it is believed; belief fades unless it is renewed by action. ' +
      'Here: the deterrence the US earned with strikes halves every few weeks without reinforcement.',
    cites: ['R-SYS-03', 'Q-12', 'P-09'],
    // Not R-USA-04 (holding fire to keep a lull): a US that never struck has no credibility to lose, and
    // the history test below finds the decay where deterrence was built and faded while attacks rose.
    rules: ['R-SYS-03'],
  },
  {
    id: 'principal-agent',
    name: 'Principal–agent slippage',
    explanation:
      'A patron (the principal) cannot fully control the partners (agents) who act for it: they have their own ' +
      'aims, information and timing. Here: Iran orders a halt, but Kataib Hezbollah and Nujaba resist, rogue cells keep firing, ' +
      'and the Houthis barely listen.',
    cites: ['C-02', 'C-04', 'R-MIL-02', 'R-MIL-07', 'R-HOU-01'],
    rules: ['R-MIL-02', 'R-MIL-03', 'R-MIL-04', 'R-MIL-07', 'R-IRN-04', 'R-IRN-13', 'R-HOU-01', 'R-HOU-04', 'F-24'],
  },
  {
    id: 'audience-costs',
    name: 'Audience costs and domestic pressure',
    explanation:
      'Leaders who make public commitments pay a price at home for backing down, which makes their threats more ' +
      'credible and their choices less free. Here: US deaths force a public vow, and criticism grows with the war.',
    cites: ['R-USA-02', 'R-USA-10', 'R-SYS-04'],
    rules: ['R-USA-02', 'R-USA-10', 'R-SYS-04'],
  },
  {
    id: 'cheap-talk',
    name: 'Cheap talk versus private action',
    explanation: 'Words cost nothing to say, so they carry little information; what a side does in private tells more.',
    cites: ['R-IRN-09', 'R-MIL-05', 'D-17'],
    rules: ['R-IRN-09', 'R-MIL-05', 'D-06'],
  },
  {
    id: 'miscalculation',
    name: 'Miscalculation and chance',
    explanation:
      'Neither side wants war, yet events can slip out of control: an attack meant to harass kills, a signal is misread. ' +
      'Here: each attack carries a small chance of killing troops, and high rungs carry a chance of spiralling into war.',
    cites: ['R-MIL-10', 'R-SYS-06', 'R-SYS-08', 'R-SYS-04'],
    rules: ['R-MIL-10', 'R-SYS-06', 'R-SYS-08'],
  },
];

export function conceptById(id: ConceptId): ConceptDef {
  const c = CONCEPTS.find((x) => x.id === id);
  if (!c) throw new Error(`unknown concept ${id}`);
  return c;
}

/** The concepts one event shows, from the rules it fired and what kind of event it is. */
export function conceptsOfEvent(e: GameEvent): ConceptId[] {
  const out = new Set<ConceptId>();
  for (const c of CONCEPTS) if (e.rules.some((r) => c.rules.includes(r))) out.add(c.id);
  if (e.kind === 'fatal' || e.kind === 'war') out.add('miscalculation');
  if (e.kind === 'compliance') out.add('principal-agent');
  if (e.kind === 'action') {
    const id = actionIdOfEvent(e);
    const def = id ? actionById(id) : undefined;
    if (def?.side === 'us' && def.effects.strikes && def.effects.strikes.target !== 'houthis') out.add('deterrence-by-punishment');
    if (def?.id === 'us.warn' || def?.id === 'iran.public-threats') out.add('cheap-talk');
  }
  return [...out];
}

/** The action an 'action' event records. */
export function actionIdOfEvent(e: GameEvent): string | undefined {
  return e.kind === 'action' ? e.action : undefined;
}

/**
 * Turns where a concept shows in the history rather than in one event:
 * - credibility decay: deterrence had been built (≥ 0.2) and, falling since, attacks on US forces rose again;
 * - audience costs: US domestic pressure high (≥ 0.3) in a turn the US struck at rung 5 or above.
 */
export function historyConcepts(state: GameState): Map<ConceptId, number[]> {
  const out = new Map<ConceptId, number[]>();
  const add = (id: ConceptId, turn: number) => {
    const list = out.get(id) ?? [];
    if (!list.includes(turn)) list.push(turn);
    out.set(id, list);
  };
  let peak = 0;
  state.history.forEach((h, i) => {
    const prev = i > 0 ? state.history[i - 1]! : undefined;
    if (prev && peak >= 0.2 && h.deterrence < prev.deterrence && h.deterrence < peak * 0.75 && h.attacksOnUS > prev.attacksOnUS) {
      add('credibility-decay', h.turn);
    }
    peak = Math.max(peak, h.deterrence);
    const usRung = portfolioRung(h.actions.us);
    const before = prev?.usDomesticPressure ?? h.usDomesticPressure;
    if (before >= 0.3 && usRung >= 5) add('audience-costs', h.turn);
  });
  return out;
}

/** Whether Tehran ordered restraint in any turn of this game (an action whose stance is restraint). */
export function iranRestrained(state: GameState): boolean {
  return state.history.some((r) => actionById(r.actions.iran.force)?.stance === 'restraint');
}

/**
 * What a concept looked like in this game, where that depends on what the sides did: cheap talk is
 * threats that hide restraint only in a game where Tehran restrained (never canned text that the game
 * contradicts).
 */
export function conceptInThisGame(id: ConceptId, state: GameState): string | undefined {
  if (id !== 'cheap-talk') return undefined;
  const threats = state.history.filter((r) => r.actions.iran.signal === 'iran.public-threats').length;
  if (threats > 0 && iranRestrained(state))
    return 'Here: Tehran threatened in public while, in other turns, it ordered its partners to hold back.';
  if (threats > 0) return 'Here: Tehran threatened in public and never ordered its partners to hold back: its words matched its deeds.';
  return 'Here: the US warned in public; the other side read its warnings against what it then did.';
}
