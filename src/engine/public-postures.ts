/**
 * Postures that do not contradict what everyone knows. A regional war and the Gaza truce are public
 * (F-19, T-07), so an at-war posture is possible only in a war and a truce posture only while the truce
 * is in force. Two readers need the same answer: a wrong intelligence read names one of these (the intel
 * phase), and a search bot imagines the other side's hidden postures among them (determinize.ts).
 */
import { ACTORS, type ActorId } from '../model/actors/index.ts';

/** What the test reads: where Israel stands (it holds a truce posture exactly while the truce lasts) and whether a war is on. */
export interface PublicFacts {
  readonly actors: { readonly israel: { readonly value: string } };
  readonly world: { readonly regionalWar: boolean };
}

/**
 * Whether the Gaza truce is in force: Israel's machine records where Israel stands for everyone else
 * (model/actors/israel.ts), and it holds a truce posture exactly from the truce's start to its end.
 */
export function truceInForce(s: PublicFacts): boolean {
  return ACTORS.israel.meta(s.actors.israel.value).inTruce === true;
}

/** The actor's postures that what everyone knows (war, truce) does not rule out. */
export function plausiblePostures(s: PublicFacts, actor: ActorId): readonly string[] {
  const machine = ACTORS[actor];
  const truce = truceInForce(s);
  return machine.stateIds.filter((id) => {
    const meta = machine.meta(id);
    return (!meta.atWar || s.world.regionalWar) && (!meta.inTruce || truce);
  });
}
