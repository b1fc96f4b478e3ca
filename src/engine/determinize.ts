/**
 * Determinization: the worlds a side could be in, given what it observes. A search bot simulates ahead
 * with the engine, which needs a whole state; it never gets the real one. It gets a sampler that clones
 * the state and redraws everything the side cannot see (see observe.ts for what it can):
 *  - chance: a new seed and new world streams, drawn from the bot's own stream, so neither the game's
 *    seed nor its real future draws are visible;
 *  - the other side's posture: its intelligence estimate where it has one (Iran's read of the US, which
 *    can be wrong), otherwise drawn among the postures that what everyone knows allows: none at war
 *    outside a war, none of the truce's outside it (public-postures.ts; at turn 0 the scenario's);
 *  - for the US: Iran's guidance to each front (a front the US intelligence read takes its estimate), the
 *    militias' postures (from the estimate where there is one), whether envoys carried the guidance, Hezbollah's and the
 *    Houthis' private flags; directives in transit and pending deliberations are dropped.
 * Kept as they are: what is public or follows from public events (the record, the ladder, visible
 * actions, deaths, strikes, elapsed weeks, from the scenario's published start), including the numeric
 * pressures and the militias' grievance and capability, which the engine moves only by such events.
 */
import { ACTORS, type ActorId } from '../model/actors/index.ts';
import { FRONTS, otherSide, type DirectiveLevel, type Front, type Side } from '../model/actions.ts';
import { Immer } from 'immer';
import { observe, type Observation } from './observe.ts';
import { plausiblePostures } from './public-postures.ts';
import { seedStreams, type Stream } from './rng.ts';
import type { GameState, IntelItem } from './state.ts';

/** What a search bot is handed instead of the state: sampled worlds consistent with its observation. */
export interface WorldSampler {
  sample(rng: Stream): GameState;
}

export function worldSampler(state: GameState, side: Side): WorldSampler {
  // Most bots never sample: the observation is built on the first call only.
  let obs: Observation | undefined;
  return { sample: (rng) => sampleWorld(state, side, (obs ??= observe(state, side)), rng) };
}

const LEVELS: readonly DirectiveLevel[] = ['halt', 'reduce', 'sustain', 'surge'];

function pickOne<T>(items: readonly T[], rng: Stream): T {
  return items[Math.floor(rng.next() * items.length)]!;
}

/** What the side's intelligence says of an actor's posture, if it says anything. */
function assessedPosture(intel: readonly IntelItem[], actor: ActorId): string | undefined {
  const item = intel.find((i) => i.subject.about === 'posture' && i.subject.actor === actor);
  return item && ACTORS[actor].isState(item.assessed) ? item.assessed : undefined;
}

/** What the side's intelligence says of Iran's guidance to a front, if anything. */
function assessedGuidance(intel: readonly IntelItem[], front: Front): DirectiveLevel | undefined {
  const item = intel.find((i) => i.subject.about === 'guidance' && i.subject.front === front);
  return item && (LEVELS as readonly string[]).includes(item.assessed) ? (item.assessed as DirectiveLevel) : undefined;
}

// The sampled world is the real state with a few nested parts redrawn: immer's `produce` copies just
// those branches (structural sharing) and freezes them, where a JSON clone would copy the whole state.
const immer = new Immer({ autoFreeze: true, useStrictIteration: false });

/** One world consistent with what `side` observes, its hidden parts drawn from the bot's stream. */
export function sampleWorld(state: GameState, side: Side, obs: Observation, rng: Stream): GameState {
  // The draws happen in a fixed order outside the recipe, so the recipe only writes.
  const seed = `sampled:${side}:${rng.next()}`;
  const intel = obs.intel;
  const started = state.history.length > 0;
  if (side === 'iran') {
    const usPosture = started ? (assessedPosture(intel, 'us') ?? pickOne(plausiblePostures(state, 'us'), rng)) : undefined;
    return immer.produce(state, (w) => {
      w.seed = seed;
      w.rng = seedStreams(seed);
      if (usPosture !== undefined) (w.actors.us as { value: string }).value = usPosture;
    });
  }
  const opp = otherSide(side);
  // Before the first turn the opponent's posture is the scenario's published start: public knowledge.
  const oppPosture = started ? pickOne(plausiblePostures(state, opp), rng) : undefined;
  const directive = {} as Record<Front, DirectiveLevel>;
  for (const f of FRONTS) directive[f] = pickOne(LEVELS, rng);
  // Every front the intelligence read takes its estimate (the draw above is made anyway, so the bot's
  // stream advances the same whatever the report holds).
  for (const f of FRONTS) directive[f] = assessedGuidance(intel, f) ?? directive[f];
  const iraqi = assessedPosture(intel, 'iraqiMilitias') ?? pickOne(plausiblePostures(state, 'iraqiMilitias'), rng);
  const syrianDraw = pickOne(plausiblePostures(state, 'syrianMilitias'), rng);
  const syrian = assessedPosture(intel, 'syrianMilitias') ?? syrianDraw;
  const envoys = { iraqiMilitias: rng.next() < 0.5, syrianMilitias: rng.next() < 0.5 };
  const reined = rng.next() < 0.5;
  const urged = rng.next() < 0.5;
  return immer.produce(state, (w) => {
    w.seed = seed;
    w.rng = seedStreams(seed);
    const actors = w.actors as unknown as Record<ActorId, { value: string; context: Record<string, unknown> }>;
    if (oppPosture !== undefined) actors[opp].value = oppPosture;
    w.world.directive = directive;
    actors.iraqiMilitias.value = iraqi;
    actors.syrianMilitias.value = syrian;
    for (const [id, front] of [
      ['iraqiMilitias', 'iraq'],
      ['syrianMilitias', 'syria'],
    ] as const) {
      actors[id].context.directive = directive[front];
      actors[id].context.envoys = envoys[id];
    }
    actors.hezbollah.context.reined = reined;
    actors.houthis.context.urged = urged;
    w.schedule = w.schedule.filter((s) => s.task.kind === 'inject');
  });
}
