/**
 * The escalation ladder. Every action of either side carries a rung; the world's rung at the end of a
 * turn is the highest rung anything reached in that turn. Reaching REGIONAL_WAR ends the game.
 *
 * The rungs follow DESIGN.md's ladder; the anchors name where the 2023–24 record touched each rung
 * (R-USA-01 lists the rungs the US actually used and the one it did not: strikes on Iran).
 */
import type { Side } from './actions.ts';

export interface Rung {
  readonly level: number;
  readonly id: string;
  /** The crisis at this rung, as the shared ladder names it (the world's rung, whoever put it there). */
  readonly name: string;
  /**
   * The rung in one side's words where `name` is worded from the other's: an order at it is named by
   * what the side that gave it does there (orderRungName), not by the other side's act.
   */
  readonly bySide?: Readonly<Partial<Record<Side, string>>>;
  readonly meaning: string;
  readonly cites: readonly string[];
}

export const RUNGS: readonly Rung[] = [
  {
    level: 0,
    id: 'accommodation',
    name: 'Accommodation',
    meaning: 'Talks, concessions, standing fronts down',
    cites: ['R-USA-07', 'R-IRN-08'],
  },
  {
    level: 1,
    id: 'verbal',
    name: 'Verbal signals',
    meaning: 'Warnings, vows and public threats; cheap talk',
    cites: ['R-IRN-09', 'R-USA-05'],
  },
  { level: 2, id: 'show-of-force', name: 'Show of force', meaning: 'Deployments and visible readiness', cites: ['R-USA-04'] },
  {
    level: 3,
    id: 'sanctions',
    name: 'Sanctions & interdiction',
    bySide: { iran: 'Arming proxies' },
    meaning: 'Economic pressure, seizing arms, arming proxies',
    cites: ['R-HOU-06', 'E-09'],
  },
  {
    level: 4,
    id: 'harassment',
    name: 'Harassment',
    meaning: 'Proxy rocket and drone attacks, mostly without casualties',
    cites: ['R-MIL-01', 'R-SYR-01'],
  },
  {
    level: 5,
    id: 'calibrated-strikes',
    name: 'Calibrated strikes',
    bySide: { iran: 'Stepped-up proxy attacks' },
    meaning: 'Limited retaliatory strikes on proxy sites or launchers',
    cites: ['R-USA-06', 'P-07'],
  },
  {
    level: 6,
    id: 'lethal-targeted',
    name: 'Lethal targeted action',
    meaning: 'Killing commanders; attacks that kill troops',
    cites: ['F-10', 'F-06'],
  },
  {
    level: 7,
    id: 'large-campaign',
    name: 'Large campaign',
    meaning: 'Dozens of strikes across several countries in days',
    cites: ['F-09', 'R-USA-02'],
  },
  {
    level: 8,
    id: 'direct-clash',
    name: 'Direct clash',
    meaning: 'US and Iranian forces fire on each other directly',
    cites: ['R-IRN-15', 'R-USA-09'],
  },
  {
    level: 9,
    id: 'homeland-strikes',
    name: 'Strikes on or from Iran',
    meaning: 'Strikes inside Iran, or from Iran at US bases',
    cites: ['R-USA-03', 'Q-15'],
  },
  {
    level: 10,
    id: 'regional-war',
    name: 'Regional war',
    meaning: 'Open US–Iran war across the region; the game ends',
    cites: ['O-USA-01', 'O-IRN-02'],
  },
];

export const MIN_RUNG = 0;
export const MAX_RUNG = RUNGS.length - 1;
export const REGIONAL_WAR = MAX_RUNG;
/** Rung at or above which an action is a direct US–Iran exchange (R-USA-03, R-IRN-15). */
export const DIRECT_CLASH = 8;

/** The first rung of military strikes (calibrated strikes on proxy sites or launchers). */
export const CALIBRATED_STRIKES = 5;

/** The band a rung is in, as the screens colour it: calm below strikes, tense from them, dangerous from the direct clash. */
export function rungBand(level: number): 'calm' | 'tense' | 'dangerous' {
  return level >= DIRECT_CLASH ? 'dangerous' : level >= CALIBRATED_STRIKES ? 'tense' : 'calm';
}

/** Each side's rung in a week: the higher of its order's two levers (portfolioRung). */
export type SideRungs = Readonly<Record<Side, number>>;

/**
 * Whether a week made a direct exchange of fire: both sides at the direct-clash rung that week,
 * or one of them that week and the other the week before. The ladder phase draws war on it with the
 * chance `warFromDirectExchange`; the week's report says when an answer in kind would make one.
 */
export function isDirectExchange(now: SideRungs, before: SideRungs): boolean {
  const us = now.us >= DIRECT_CLASH;
  const iran = now.iran >= DIRECT_CLASH;
  return (us && (iran || before.iran >= DIRECT_CLASH)) || (iran && before.us >= DIRECT_CLASH);
}

/** The name of the ladder's rung `level`: where the crisis stands, whoever's act put it there. */
export function rungName(level: number): string {
  const rung = RUNGS[clampRung(level)];
  return rung ? rung.name : String(level);
}

/**
 * The name of the rung `side`'s order acts at, in that side's words: Iran unleashing its partners acts at
 * rung 5, whose ladder name ("Calibrated strikes") is the US's act there. Every surface that names an
 * order's rung (the orders pane, the debrief's chains, explain) names it here.
 */
export function orderRungName(level: number, side: Side): string {
  const rung = RUNGS[clampRung(level)];
  return rung ? (rung.bySide?.[side] ?? rung.name) : String(level);
}

export function clampRung(level: number): number {
  return Math.max(MIN_RUNG, Math.min(MAX_RUNG, Math.round(level)));
}
