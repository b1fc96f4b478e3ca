/**
 * Phase: each side's intelligence for the coming turn. Each reading is right with chance
 * `intelAccuracy`, otherwise a plausible wrong reading (fog of war). Iran hears from its envoys, so its
 * read of the Iraqi militias is exact when envoys are in place (R-IRN-13).
 */
import { ACTORS } from '../../model/actors/index.ts';
import type { DirectiveLevel } from '../../model/actions.ts';
import type { Stream } from '../rng.ts';
import type { IntelItem } from '../state.ts';
import type { TurnDraft } from './draft.ts';

const LEVELS: readonly DirectiveLevel[] = ['halt', 'reduce', 'sustain', 'surge'];

/** One reading: right with chance `accuracy`, else one of the other options at random. */
function read(rnd: Stream, accuracy: number, truth: string, options: readonly string[]): string {
  const u = rnd.next();
  if (u < accuracy || options.length < 2) return truth;
  const others = options.filter((o) => o !== truth);
  return others[Math.floor(rnd.next() * others.length)]!;
}

export function gatherIntel(d: TurnDraft): void {
  const rnd = d.streams.intel;
  const acc = d.params.intelAccuracy;
  const guidance = d.world.directive.iraq;
  const militia = d.actors.iraqiMilitias.value;
  const usItems: IntelItem[] = [
    { subject: { about: 'guidance', front: 'iraq' }, assessed: read(rnd, acc, guidance, LEVELS), confidence: 'moderate' },
    { subject: { about: 'posture', actor: 'iraqiMilitias' }, assessed: read(rnd, acc, militia, ACTORS.iraqiMilitias.stateIds), confidence: 'moderate' },
  ];
  const usPosture = d.actors.us.value;
  const envoys = d.actors.iraqiMilitias.context.envoys;
  const iranItems: IntelItem[] = [
    { subject: { about: 'posture', actor: 'us' }, assessed: read(rnd, acc, usPosture, ACTORS.us.stateIds), confidence: 'moderate' },
    {
      subject: { about: 'posture', actor: 'iraqiMilitias' }, assessed: envoys ? militia : read(rnd, acc, militia, ACTORS.iraqiMilitias.stateIds),
      confidence: envoys ? 'high' : 'moderate',
    },
  ];
  d.intel = Object.freeze({
    us: Object.freeze({ turn: d.turn, items: Object.freeze(usItems), truth: Object.freeze([guidance, militia]) }),
    iran: Object.freeze({ turn: d.turn, items: Object.freeze(iranItems), truth: Object.freeze([usPosture, militia]) }),
  });
}
