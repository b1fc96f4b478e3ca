/**
 * What an actor does while it holds a posture, as data in the posture's meta: the engine reads these
 * specs generically and draws the counts. A rate is a product of factors, each either a parameter
 * (with its provenance in params.ts) or one of a few named modifiers from the actor's memory and the
 * world, multiplied in the order written (so the arithmetic, and therefore the draws, are exactly
 * those the policy states).
 */
import type { Params, ParamId } from './params.ts';

/** Where attacks on US forces land (DESIGN.md's metrics split them by country). */
export type Place = 'iraq' | 'jordan' | 'syria';
export const PLACES: readonly Place[] = ['iraq', 'jordan', 'syria'];

/**
 * What is drawn: attacks on US forces at a place (Poisson on a per-day rate), attacks on shipping
 * (Poisson), or days of fire across the Lebanon border (a daily chance).
 */
export type ActivityKind = 'attacksOnUS' | 'shipping' | 'borderFireDays';

/**
 * The named modifiers:
 *  - `@capability`: the share of the group's capacity left after strikes;
 *  - `@deterredOrProvoked`: US deterrence suppresses a harassing group, its grievance spurs it (R-SYS-05);
 *  - `@provoked`: grievance alone, for rogue cells no directive or deterrent stops (R-MIL-07);
 *  - `@arsenal`: the share of the Houthi arsenal left (R-HOU-04, R-HOU-06).
 */
export type Modifier = '@capability' | '@deterredOrProvoked' | '@provoked' | '@arsenal';

/**
 * What each modifier means and the parameters it reads, declared so `brink explain` can say where a
 * parameter is used without reading source (test/engine/param-reads.test.ts checks them against the reads).
 */
export const MODIFIERS: Readonly<Record<Modifier, { readonly says: string; readonly reads: readonly ParamId[] }>> = {
  '@capability': { says: "the share of the group's capability left after strikes (Q-07)", reads: [] },
  '@deterredOrProvoked': {
    says: 'US deterrence suppresses the group (in full where Iran holds it back), its grievance spurs it (R-SYS-05)',
    reads: ['deterrenceEffect', 'provocationEffect', 'deterrenceUnderPressure'],
  },
  '@provoked': { says: 'grievance alone spurs rogue cells that no directive or deterrent stops (R-MIL-07)', reads: ['provocationEffect'] },
  '@arsenal': { says: 'the share of the Houthi arsenal left (R-HOU-04, R-HOU-06)', reads: [] },
};
export type Factor = ParamId | Modifier;

export interface ActivitySpec {
  readonly kind: ActivityKind;
  /** For attacks on US forces: where. */
  readonly place?: Place;
  /** The per-day rate (or, for border fire, the daily chance) as a product of factors. */
  readonly rate: readonly Factor[];
  /** A fatality multiplier for these attacks (a group told to avoid casualties, R-SYR-01). */
  readonly lethality?: ParamId;
}

/** The memory fields a modifier reads, wherever the actor keeps them. */
export interface ActivityMemory {
  readonly capability?: number;
  readonly grievance?: number;
  readonly capacity?: number;
  /** The guidance Iran last gave the group (militias). */
  readonly directive?: string;
}

export interface ActivityWorld {
  readonly deterrence: number;
}

function modifier(m: Modifier, memory: ActivityMemory, world: ActivityWorld, params: Params): number {
  switch (m) {
    case '@capability':
      return memory.capability ?? 1;
    case '@deterredOrProvoked':
      // US force deters in full where Iran holds the group back, in part where Iran presses it on
      // (R-SYS-05, D-18: the calm came when US force met Iranian restraint).
      return deterrenceAndGrievance(
        memory.grievance ?? 0,
        world.deterrence * (memory.directive === 'halt' || memory.directive === 'reduce' ? 1 : params.deterrenceUnderPressure),
        params,
      );
    case '@provoked':
      return 1 + params.provocationEffect * (memory.grievance ?? 0);
    case '@arsenal':
      return memory.capacity ?? 1;
  }
}

/** A spec's rate for an actor in a world: its factors multiplied left to right. */
export function activityRate(spec: ActivitySpec, memory: ActivityMemory, world: ActivityWorld, params: Params): number {
  let rate = 1;
  for (let i = 0; i < spec.rate.length; i++) {
    const f = spec.rate[i]!;
    const v = f.charCodeAt(0) === 64 /* '@' */ ? modifier(f as Modifier, memory, world, params) : params[f as ParamId];
    rate = i === 0 ? v : rate * v;
  }
  return rate;
}

/** Multiplier on a harassing militia's rate from US deterrence and its own grievance (R-SYS-05). */
export function deterrenceAndGrievance(
  grievance: number,
  deterrence: number,
  params: { readonly deterrenceEffect: number; readonly provocationEffect: number },
): number {
  return Math.exp(-params.deterrenceEffect * deterrence) * (1 + params.provocationEffect * grievance);
}

/** Every parameter a spec names (provenance and explain list them). */
export function paramsOf(spec: ActivitySpec): ParamId[] {
  const out = spec.rate.filter((f): f is ParamId => !f.startsWith('@'));
  if (spec.lethality) out.push(spec.lethality);
  return out;
}
