/**
 * What each side's intelligence reports on, and what sharpens or blurs a read (the fog of war, as data).
 *
 * A side hears more, and more reliably, where it has something in place or something is happening:
 *  - assets in place: US forces sit in Iraq and talk to Baghdad (R-IRQ-01, R-IRQ-03), so the US always
 *    gets a read on the Iraq front; elsewhere it reports only a front that was active or struck;
 *  - envoys in place: Iran's envoys sit with the militia leaders (R-IRN-13), so Iran's read of a militia
 *    its envoys reached is exact, and without envoys it reads Syria only when that front is active;
 *  - an active front (attacks last turn) leaves traces, claims and intercepts: a better read; a quiet one
 *    a worse read (ASSUMPTION: no source measures this; the sizes are parameters with priors);
 *  - US strikes on a front bring damage assessments and captured material: a better read there
 *    (ASSUMPTION, as above); Iran reads the US best when the US acts, since its public promises of
 *    a response come true or not (R-USA-02, R-USA-05).
 * The accuracy of a read sets the confidence the report states (CONFIDENCE_BANDS), so a "high" item is
 * right more often than a "low" one; the engine (engine/phases/intel.ts) draws the reads from the intel
 * stream only.
 */
import type { Front, Side } from './actions.ts';
import type { ActorId } from './actors/index.ts';

/** What an intelligence item is about: Iran's guidance to a front, or an actor's posture. */
export type IntelSubject = { readonly about: 'guidance'; readonly front: Front } | { readonly about: 'posture'; readonly actor: ActorId };

export type Confidence = 'high' | 'moderate' | 'low';

/** Last turn's public counts a source reads its signals from (names of the engine's tally). */
export type SignalCount =
  | 'attacksOnUSIraq'
  | 'attacksOnUSSyria'
  | 'attacksOnUSJordan'
  | 'houthiAttacks'
  | 'hezbollahFireDays'
  | 'usStrikes'
  | 'usStrikesYemen';

export interface IntelSource {
  readonly subject: IntelSubject;
  /** Counts that, when above zero last turn, make the front active (more signals). */
  readonly active: readonly SignalCount[];
  /** US strikes on the front last turn (damage assessment, material): a better read. */
  readonly struck: readonly SignalCount[];
  /** Reported every turn (assets in place); otherwise only when active, struck or (Iran) envoys are there. */
  readonly always: boolean;
  /** Iran: envoys with this actor make the read exact and sure (R-IRN-13). */
  readonly envoys?: ActorId;
  readonly cites: readonly string[];
}

const IRAQ: readonly SignalCount[] = ['attacksOnUSIraq', 'attacksOnUSJordan'];

export const INTEL_SOURCES: Readonly<Record<Side, readonly IntelSource[]>> = {
  us: [
    {
      subject: { about: 'guidance', front: 'iraq' },
      active: IRAQ,
      struck: ['usStrikes'],
      always: true,
      cites: ['R-IRQ-01', 'R-IRQ-03', 'D-17'],
    },
    {
      subject: { about: 'posture', actor: 'iraqiMilitias' },
      active: IRAQ,
      struck: ['usStrikes'],
      always: true,
      cites: ['R-IRQ-01', 'R-MIL-05'],
    },
    {
      subject: { about: 'guidance', front: 'syria' },
      active: ['attacksOnUSSyria'],
      struck: ['usStrikes'],
      always: false,
      cites: ['R-SYR-01', 'D-17'],
    },
    {
      subject: { about: 'posture', actor: 'syrianMilitias' },
      active: ['attacksOnUSSyria'],
      struck: ['usStrikes'],
      always: false,
      cites: ['R-SYR-01'],
    },
    {
      subject: { about: 'guidance', front: 'yemen' },
      active: ['houthiAttacks'],
      struck: ['usStrikesYemen'],
      always: false,
      cites: ['R-USA-06', 'Q-16'],
    },
  ],
  iran: [
    {
      subject: { about: 'posture', actor: 'us' },
      active: ['usStrikes', 'usStrikesYemen'],
      struck: [],
      always: true,
      cites: ['R-USA-02', 'R-USA-05'],
    },
    {
      subject: { about: 'posture', actor: 'iraqiMilitias' },
      active: IRAQ,
      struck: [],
      always: true,
      envoys: 'iraqiMilitias',
      cites: ['R-IRN-13'],
    },
    {
      subject: { about: 'posture', actor: 'syrianMilitias' },
      active: ['attacksOnUSSyria'],
      struck: [],
      always: false,
      envoys: 'syrianMilitias',
      cites: ['R-IRN-13', 'R-SYR-01'],
    },
  ],
};

/** The confidence a report states for a read of a given accuracy: the first band whose floor it reaches. */
export const CONFIDENCE_BANDS: readonly { readonly confidence: Confidence; readonly from: number }[] = [
  { confidence: 'high', from: 0.85 },
  { confidence: 'moderate', from: 0.7 },
  { confidence: 'low', from: 0 },
];

export function confidenceOf(accuracy: number): Confidence {
  // Rounded to a hundredth, so 0.8 - 0.2 + 0.1 is the 0.7 it means, not a float a hair either side.
  const a = Math.round(accuracy * 100) / 100;
  return CONFIDENCE_BANDS.find((b) => a >= b.from)!.confidence;
}
