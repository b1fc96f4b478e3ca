/**
 * Determinization: the worlds a side could be in, given what it observes. A search bot simulates ahead
 * with the engine, which needs a whole state; it never gets the real one. It gets a sampler that clones
 * the state and redraws everything the side cannot see (see observe.ts for what it can):
 *  - chance: a new seed and new world streams, drawn from the bot's own stream, so neither the game's
 *    seed nor its real future draws are visible;
 *  - the other side's posture: its intelligence estimate where it has one (Iran's read of the US, which
 *    can be wrong), otherwise drawn among that side's peacetime postures (public at turn 0: the scenario);
 *  - for the US: Iran's guidance to each front (the Iraq front takes the US estimate), the militias'
 *    postures (the Iraqi one from the estimate), whether envoys carried the guidance, Hezbollah's and the
 *    Houthis' private flags; directives in transit and pending deliberations are dropped.
 * Kept as they are: what is public or follows from public events (the record, the ladder, visible
 * actions, deaths, strikes, elapsed weeks, from the scenario's published start), including the numeric
 * pressures and the militias' grievance and capability, which the engine moves only by such events.
 */
import { ACTORS, type ActorId } from '../model/actors/index.ts';
import { FRONTS, otherSide, type DirectiveLevel, type Front, type Side } from '../model/actions.ts';
import { clone } from './game.ts';
import { observe, type Observation } from './observe.ts';
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

/* A deep-mutable view of the state, for building a sampled world out of a fresh clone. */
type Mutable<T> = { -readonly [K in keyof T]: T[K] extends object ? Mutable<T[K]> : T[K] };

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

function peacetimeStates(actor: ActorId): readonly string[] {
  return ACTORS[actor].stateIds.filter((id) => !ACTORS[actor].meta(id).atWar);
}

/** One world consistent with what `side` observes, its hidden parts drawn from the bot's stream. */
export function sampleWorld(state: GameState, side: Side, obs: Observation, rng: Stream): GameState {
  const w = clone(state) as Mutable<GameState>;
  // A fresh seed, and streams from it: the sampled world keeps neither the real seed nor the real draws.
  w.seed = `sampled:${side}:${rng.next()}`;
  w.rng = seedStreams(w.seed) as Mutable<GameState['rng']>;
  const intel = obs.intel;
  const actors = w.actors as unknown as Record<ActorId, { value: string; context: Record<string, unknown> }>;
  const opp = otherSide(side);
  if (side === 'iran') {
    if (state.history.length > 0) actors.us.value = assessedPosture(intel, 'us') ?? pickOne(peacetimeStates('us'), rng);
    return w as GameState;
  }
  // Before the first turn the opponent's posture is the scenario's published start: public knowledge.
  if (state.history.length > 0) actors[opp].value = pickOne(peacetimeStates(opp), rng);
  const directive = {} as Record<Front, DirectiveLevel>;
  for (const f of FRONTS) directive[f] = pickOne(LEVELS, rng);
  const iraqRead = assessedGuidance(intel, 'iraq');
  if (iraqRead) directive.iraq = iraqRead;
  w.world.directive = directive;
  actors.iraqiMilitias.value = assessedPosture(intel, 'iraqiMilitias') ?? pickOne(peacetimeStates('iraqiMilitias'), rng);
  actors.syrianMilitias.value = pickOne(peacetimeStates('syrianMilitias'), rng);
  for (const [id, front] of [['iraqiMilitias', 'iraq'], ['syrianMilitias', 'syria']] as const) {
    actors[id].context = { ...actors[id].context, directive: directive[front], envoys: rng.next() < 0.5 };
  }
  actors.hezbollah.context = { ...actors.hezbollah.context, reined: rng.next() < 0.5 };
  actors.houthis.context = { ...actors.houthis.context, urged: rng.next() < 0.5 };
  w.schedule = w.schedule.filter((s) => s.task.kind === 'inject');
  return w as GameState;
}

