/**
 * One display name per quantity of the world, defined once: the game's panes, the debrief, the score
 * lines and the command-line output all say "US deterrence" for the same 0–1 value, and the legend (`?`
 * in the game) explains each from here. Names only: the values and the rules live in the engine.
 */

export type QuantityId = 'deterrence' | 'usDomesticPressure' | 'shippingDisruption' | 'withdrawalMomentum' | 'iranWarFear' | 'axisGains';

export interface Quantity {
  /** The one name shown everywhere. */
  readonly name: string;
  /** What 0 and 1 mean, for the legend. */
  readonly meaning: string;
  /** Who can see it during a game. */
  readonly seenBy: 'US' | 'Iran' | 'both sides';
}

export const QUANTITIES: Readonly<Record<QuantityId, Quantity>> = {
  deterrence: {
    name: 'US deterrence',
    meaning: 'how credible US punishment looks to the militias: 0 none, 1 fully credible; it fades unless renewed',
    seenBy: 'US',
  },
  usDomesticPressure: {
    name: 'US pressure at home',
    meaning: 'criticism of the US government at home: 0 none, 1 intense',
    seenBy: 'both sides',
  },
  shippingDisruption: {
    name: 'Red Sea disruption',
    meaning: 'how far Houthi attacks disrupt shipping: 0 normal traffic, 1 shipping avoids the Red Sea',
    seenBy: 'both sides',
  },
  withdrawalMomentum: {
    name: 'US-exit talks',
    meaning: 'progress of Iraqi talks on a US drawdown: 0 stalled, 1 a drawdown agreed',
    seenBy: 'both sides',
  },
  iranWarFear: {
    name: 'Tehran fears war',
    meaning: 'how much Tehran fears a direct war with the US: 0 not at all, 1 acute',
    seenBy: 'Iran',
  },
  axisGains: {
    name: 'Axis gains',
    meaning: 'what Tehran believes the axis has won so far: 0 nothing, 1 a great deal',
    seenBy: 'Iran',
  },
};

export function quantityName(id: QuantityId): string {
  return QUANTITIES[id].name;
}
