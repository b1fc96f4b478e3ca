/**
 * Phase: each side's intelligence for the coming turn. What a side reports on, and what sharpens or blurs
 * each read, is data (model/intel.ts): a read's accuracy starts from `intelAccuracy`, rises when its front
 * was active (`intelActiveBonus`) or struck by the US (`intelStrikeBonus`) last turn, and falls on a quiet
 * front (`intelQuietPenalty`); the report states the confidence that accuracy earns. A read is right with
 * chance equal to its accuracy, otherwise a plausible wrong reading (fog of war). Iran hears from its
 * envoys, so its read of a militia they reached is exact (R-IRN-13); and a group that answered Iran's
 * guidance in the open (accepting a halt, stepping up "with Iran's backing") tells either side what it was
 * asked, so that front's guidance reads exact (RULES_REVISION 13). Every draw is from the intel stream.
 */
import type { DirectiveLevel, Side } from '../../model/actions.ts';
import { type ActorId, FRONT_ACTOR } from '../../model/actors/index.ts';
import { type GameEvent, isVisibleTo } from '../events.ts';
import { confidenceOf, INTEL_SOURCES, type IntelSource } from '../../model/intel.ts';
import type { Params } from '../../model/params.ts';
import { plausiblePostures } from '../public-postures.ts';
import type { Stream } from '../rng.ts';
import type { IntelItem, Tally } from '../state.ts';
import type { TurnDraft } from './draft.ts';

const LEVELS: readonly DirectiveLevel[] = ['halt', 'reduce', 'sustain', 'surge'];

/** One reading: right with chance `accuracy`, else one of the other options at random. */
function read(rnd: Stream, accuracy: number, truth: string, options: readonly string[]): string {
  const u = rnd.next();
  if (u < accuracy || options.length < 2) return truth;
  // The j-th of the options other than the truth (counted without building that list: twice a turn).
  let others = 0;
  for (const o of options) if (o !== truth) others++;
  let j = Math.floor(rnd.next() * others);
  for (const o of options) if (o !== truth && j-- === 0) return o;
  throw new Error('unreachable: j < others');
}

function any(tally: Readonly<Tally>, counts: IntelSource['active']): boolean {
  for (let i = 0; i < counts.length; i++) if (tally[counts[i]!] > 0) return true;
  return false;
}

/** How likely a read from this source is to be right, given last turn's counts. */
export function readAccuracy(params: Params, source: IntelSource, tally: Readonly<Tally>): number {
  return accuracyOf(params, any(tally, source.active), any(tally, source.struck));
}

function accuracyOf(params: Params, active: boolean, struck: boolean): number {
  const acc =
    params.intelAccuracy + (active ? params.intelActiveBonus : -params.intelQuietPenalty) + (struck ? params.intelStrikeBonus : 0);
  return Math.min(1, Math.max(0, acc));
}

/**
 * The groups that answered Iran's guidance in the open this week (accepting a halt, stepping up attacks
 * "with Iran's backing"): a move the side saw, made on guidance delivered this week. Their announcements
 * and claims tell the side what Iran asked of them, so the read of their front's guidance is exact, as an
 * envoy's report is (R-IRN-13), and can never contradict the move on the same screen. One pass over the
 * week's events a side.
 */
export function answeredInTheOpen(events: readonly GameEvent[], side: Side): ReadonlySet<ActorId> {
  const delivered = new Set<ActorId>();
  const answered = new Set<ActorId>();
  for (const e of events) {
    if (e.kind === 'directive') delivered.add(e.actor);
    else if (e.kind === 'posture' && ANSWERS.has(e.on) && isVisibleTo(e, side)) answered.add(e.actor);
  }
  for (const a of answered) if (!delivered.has(a)) answered.delete(a);
  return answered;
}

/** The moves that answer guidance: on its delivery, or on the deliberation it opened (R-MIL-02). */
const ANSWERS: ReadonlySet<string> = new Set(['DIRECTIVE', 'COMPLIANCE_DRAW']);

function report(d: TurnDraft, side: Side, rnd: Stream): { items: IntelItem[]; truth: string[] } {
  const items: IntelItem[] = [];
  const truth: string[] = [];
  const open = answeredInTheOpen(d.events, side);
  for (const source of INTEL_SOURCES[side]) {
    const s = source.subject;
    // Exact: Iran hears from its envoys, or the group answered the guidance where the side could see it.
    const exact =
      (source.envoys !== undefined && (d.actors[source.envoys].context as { envoys?: boolean }).envoys === true) ||
      (s.about === 'guidance' && open.has(FRONT_ACTOR[s.front]));
    const active = any(d.tally, source.active);
    const struck = any(d.tally, source.struck);
    if (!source.always && !exact && !active && !struck) continue;
    const real = s.about === 'guidance' ? d.world.directive[s.front] : d.actors[s.actor].value;
    const options = s.about === 'guidance' ? LEVELS : plausiblePostures(d, s.actor);
    const accuracy = exact ? 1 : accuracyOf(d.params, active, struck);
    items.push({ subject: s, assessed: exact ? real : read(rnd, accuracy, real, options), confidence: confidenceOf(accuracy) });
    truth.push(real);
  }
  return { items, truth };
}

export function gatherIntel(d: TurnDraft): void {
  const rnd = d.streams.intel;
  const us = report(d, 'us', rnd);
  const iran = report(d, 'iran', rnd);
  d.intel = Object.freeze({
    us: Object.freeze({ turn: d.turn, items: Object.freeze(us.items), truth: Object.freeze(us.truth) }),
    iran: Object.freeze({ turn: d.turn, items: Object.freeze(iran.items), truth: Object.freeze(iran.truth) }),
  });
}
