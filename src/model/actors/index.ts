/** The roster: every actor's machine, in the order the engine tells them about the world. */
import type { ActorSnapshot } from '../runtime.ts';
import { hezbollah, type HezbollahContext } from './hezbollah.ts';
import { houthis, type HouthiContext } from './houthis.ts';
import { iran, type IranContext } from './iran.ts';
import { iraqiGovernment, type IraqiGovernmentContext } from './iraqi-government.ts';
import { iraqiMilitias } from './iraqi-militias.ts';
import type { MilitiaContext } from './militia-common.ts';
import { israel, type IsraelContext } from './israel.ts';
import { syrianMilitias } from './syrian-militias.ts';
import { us, type UsContext } from './us.ts';

export const ACTORS = { us, iran, iraqiMilitias, syrianMilitias, hezbollah, houthis, israel, iraqiGovernment } as const;
export type ActorId = keyof typeof ACTORS;
export const ACTOR_IDS = Object.keys(ACTORS) as ActorId[];

export interface ActorSnapshots {
  readonly us: ActorSnapshot<UsContext>;
  readonly iran: ActorSnapshot<IranContext>;
  readonly iraqiMilitias: ActorSnapshot<MilitiaContext>;
  readonly syrianMilitias: ActorSnapshot<MilitiaContext>;
  readonly hezbollah: ActorSnapshot<HezbollahContext>;
  readonly houthis: ActorSnapshot<HouthiContext>;
  readonly israel: ActorSnapshot<IsraelContext>;
  readonly iraqiGovernment: ActorSnapshot<IraqiGovernmentContext>;
}

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

/** Iran's control over each partner, from highest to lowest (C-01 … C-04). */
export const CONTROL_SPECTRUM = [
  { actor: 'hezbollah', control: 'highest', cites: ['C-01', 'R-HZB-04'] },
  { actor: 'iraqiMilitias', control: 'middle', cites: ['C-02', 'R-MIL-02'] },
  { actor: 'syrianMilitias', control: 'middle', cites: ['C-03', 'R-SYR-01'] },
  { actor: 'houthis', control: 'lowest', cites: ['C-04', 'R-HOU-01'] },
] as const satisfies readonly { actor: ActorId; control: string; cites: readonly string[] }[];

export { hezbollah, houthis, iran, iraqiGovernment, iraqiMilitias, israel, syrianMilitias, us };
export type { HezbollahContext, HouthiContext, IranContext, IraqiGovernmentContext, IsraelContext, MilitiaContext, UsContext };
