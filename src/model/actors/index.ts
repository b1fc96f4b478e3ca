/** The roster: every actor's machine, in the order the engine tells them about the world. */
import type { Front } from '../actions.ts';
import { activityRate, type ActivityMemory, type ActivitySpec, type ActivityWorld, type Place } from '../activity.ts';
import type { Params } from '../params.ts';
import type { ActorSnapshot } from '../runtime.ts';
import { hezbollah, type HezbollahContext, type HezbollahPosture } from './hezbollah.ts';
import { houthis, type HouthiContext, type HouthiPosture } from './houthis.ts';
import { iran, type IranContext, type IranPosture } from './iran.ts';
import { iraqiGovernment, type IraqiGovernmentContext, type IraqiGovernmentPosture } from './iraqi-government.ts';
import { iraqiMilitias, type IraqiMilitiaPosture } from './iraqi-militias.ts';
import type { MilitiaContext } from './militia-common.ts';
import { israel, type IsraelContext, type IsraelPosture } from './israel.ts';
import { syrianMilitias, type SyrianMilitiaPosture } from './syrian-militias.ts';
import { us, type UsContext, type UsPosture } from './us.ts';

export const ACTORS = { us, iran, iraqiMilitias, syrianMilitias, hezbollah, houthis, israel, iraqiGovernment } as const;
export type ActorId = keyof typeof ACTORS;
export const ACTOR_IDS = Object.keys(ACTORS) as ActorId[];

export interface ActorSnapshots {
  readonly us: ActorSnapshot<UsContext, UsPosture>;
  readonly iran: ActorSnapshot<IranContext, IranPosture>;
  readonly iraqiMilitias: ActorSnapshot<MilitiaContext, IraqiMilitiaPosture>;
  readonly syrianMilitias: ActorSnapshot<MilitiaContext, SyrianMilitiaPosture>;
  readonly hezbollah: ActorSnapshot<HezbollahContext, HezbollahPosture>;
  readonly houthis: ActorSnapshot<HouthiContext, HouthiPosture>;
  readonly israel: ActorSnapshot<IsraelContext, IsraelPosture>;
  readonly iraqiGovernment: ActorSnapshot<IraqiGovernmentContext, IraqiGovernmentPosture>;
}

/** Any actor's posture name. */
export type Posture = ActorSnapshots[ActorId]['value'];

export const ACTOR_NAMES: Readonly<Record<ActorId, string>> = {
  us: 'United States',
  iran: 'Iran',
  iraqiMilitias: 'Iraqi militias (KH, Nujaba)',
  syrianMilitias: 'Syrian militias',
  hezbollah: 'Hezbollah',
  houthis: 'Houthis',
  israel: 'Israel',
  iraqiGovernment: 'Iraqi government',
};

/** What an actor does per day in its current posture (its meta's `activity`), summed by what is drawn. */
export interface ActivityRates {
  readonly onUS: Readonly<Record<Place, number>>;
  /** Fatality multipliers where the posture sets one (attacks by groups told to avoid casualties). */
  readonly lethality: Readonly<Partial<Record<Place, number>>>;
  readonly shipping: number;
  readonly borderFire: number;
}

/** A running sum of activity across actors, filled by `addActivity` (the engine keeps one per turn). */
export interface ActivitySum {
  readonly onUS: Record<Place, number>;
  readonly lethality: Record<Place, number>;
  /** Who attacks at each place (the last actor with an activity there). */
  readonly attacker: Record<Place, ActorId | undefined>;
  shipping: number;
  borderFire: number;
}

export function emptyActivity(): ActivitySum {
  return {
    onUS: { iraq: 0, jordan: 0, syria: 0 },
    lethality: { iraq: 1, jordan: 1, syria: 1 },
    attacker: { iraq: undefined, jordan: undefined, syria: undefined },
    shipping: 0,
    borderFire: 0,
  };
}

/** Each posture's activity specs, looked up once per actor and posture rather than per segment. */
const SPECS = new Map<ActorId, ReadonlyMap<string, readonly ActivitySpec[]>>();
function specsOf(id: ActorId, posture: string): readonly ActivitySpec[] {
  let byPosture = SPECS.get(id);
  if (!byPosture) {
    const def = ACTORS[id];
    byPosture = new Map(def.stateIds.map((st) => [st as string, def.meta(st).activity ?? []]));
    SPECS.set(id, byPosture);
  }
  return byPosture.get(posture) ?? [];
}

/** Adds an actor's activity in its current posture to a running sum. */
export function addActivity(
  sum: ActivitySum,
  id: ActorId,
  snap: { readonly value: string; readonly context: object },
  world: ActivityWorld,
  params: Params,
): void {
  const specs = specsOf(id, snap.value);
  for (let i = 0; i < specs.length; i++) {
    const spec = specs[i]!;
    const rate = activityRate(spec, snap.context as ActivityMemory, world, params);
    if (spec.kind === 'shipping') sum.shipping += rate;
    else if (spec.kind === 'borderFireDays') sum.borderFire += rate;
    else if (spec.place) {
      sum.onUS[spec.place] += rate;
      sum.attacker[spec.place] = id;
      if (spec.lethality) sum.lethality[spec.place] = params[spec.lethality];
    }
  }
}

/** One actor's activity alone (tests and explanations read it). */
export function activityOf(
  id: ActorId,
  snap: { readonly value: string; readonly context: object },
  world: ActivityWorld,
  params: Params,
): ActivityRates {
  const sum = emptyActivity();
  addActivity(sum, id, snap, world, params);
  const lethality: Partial<Record<Place, number>> = {};
  for (const spec of specsOf(id, snap.value)) if (spec.place && spec.lethality) lethality[spec.place] = params[spec.lethality];
  return { onUS: sum.onUS, lethality, shipping: sum.shipping, borderFire: sum.borderFire };
}

/** Who receives Iran's guidance for each front (R-IRN-05: a per-front policy vector). */
export const FRONT_ACTOR: Readonly<Record<Front, ActorId>> = {
  iraq: 'iraqiMilitias',
  syria: 'syrianMilitias',
  lebanon: 'hezbollah',
  yemen: 'houthis',
};

/** Iran's control over each partner, from highest to lowest (C-01 … C-04). */
export const CONTROL_SPECTRUM = [
  { actor: 'hezbollah', control: 'highest', cites: ['C-01', 'R-HZB-04'] },
  { actor: 'iraqiMilitias', control: 'middle', cites: ['C-02', 'R-MIL-02'] },
  { actor: 'syrianMilitias', control: 'middle', cites: ['C-03', 'R-SYR-01'] },
  { actor: 'houthis', control: 'lowest', cites: ['C-04', 'R-HOU-01'] },
] as const satisfies readonly { actor: ActorId; control: string; cites: readonly string[] }[];

export { hezbollah, houthis, iran, iraqiGovernment, iraqiMilitias, israel, syrianMilitias, us };
export type { HezbollahContext, HouthiContext, IranContext, IraqiGovernmentContext, IsraelContext, MilitiaContext, UsContext };
export type {
  HezbollahPosture,
  HouthiPosture,
  IranPosture,
  IraqiGovernmentPosture,
  IraqiMilitiaPosture,
  IsraelPosture,
  SyrianMilitiaPosture,
  UsPosture,
};
