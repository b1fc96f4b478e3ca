/** The roster: every actor's machine, in the order the engine tells them about the world. */
import type { Front } from '../actions.ts';
import { activityRate, type ActivityMemory, type ActivityWorld, type Place } from '../activity.ts';
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

export function activityOf(id: ActorId, snap: { readonly value: string; readonly context: object }, world: ActivityWorld, params: Params): ActivityRates {
  const onUS = { iraq: 0, jordan: 0, syria: 0 };
  const lethality: Partial<Record<Place, number>> = {};
  let shipping = 0;
  let borderFire = 0;
  for (const spec of ACTORS[id].meta(snap.value).activity ?? []) {
    const rate = activityRate(spec, snap.context as ActivityMemory, world, params);
    if (spec.kind === 'shipping') shipping += rate;
    else if (spec.kind === 'borderFireDays') borderFire += rate;
    else if (spec.place) {
      onUS[spec.place] += rate;
      if (spec.lethality) lethality[spec.place] = params[spec.lethality];
    }
  }
  return { onUS, lethality, shipping, borderFire };
}

/** Who receives Iran's guidance for each front (R-IRN-05: a per-front policy vector). */
export const FRONT_ACTOR: Readonly<Record<Front, ActorId>> = {
  iraq: 'iraqiMilitias', syria: 'syrianMilitias', lebanon: 'hezbollah', yemen: 'houthis',
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
  HezbollahPosture, HouthiPosture, IranPosture, IraqiGovernmentPosture, IraqiMilitiaPosture, IsraelPosture, SyrianMilitiaPosture, UsPosture,
};
