/**
 * The backtest's checks: documented figures from seeds/facts.yaml that the model, played by the
 * historical bots on the historical scenarios, must reproduce. Each check names its facts, reads its
 * documented value from the evidence (never a copy), measures one statistic per simulated game, and
 * says how the simulated distribution is judged, with the tolerance justified beside it.
 *
 * Judgements use the distribution over games: the median (the model's central answer) must fall in an
 * accepted window, and/or the documented value must be a plausible draw (inside the 5–95 % band), and/or
 * a hard limit holds in (almost) every game (the 95th percentile).
 */
import { totalsOf } from '../../engine/history.ts';
import type { GameState, TurnRecord } from '../../engine/state.ts';
import { factFigure } from '../debrief/comparison.ts';

export type BacktestScenario = 'october-2023' | 'tower-22' | 'red-sea';
export const BACKTEST_SCENARIOS: readonly BacktestScenario[] = ['october-2023', 'tower-22', 'red-sea'];

/** How a check judges the simulated distribution (all the listed conditions must hold). */
export interface Judgement {
  /** The median must lie in [lo, hi]. */
  readonly median?: readonly [number, number];
  /** The documented value must lie inside the simulated 5–95 % band. */
  readonly recordInBand?: boolean;
  /** The 95th percentile must not exceed this. */
  readonly p95Max?: number;
}

export interface Check {
  readonly id: string;
  readonly facts: readonly string[];
  readonly scenario: BacktestScenario;
  readonly label: string;
  readonly unit: string;
  /** The documented value (from the facts' figures). */
  readonly documented: () => number;
  /** How the documented value reads in the table (e.g. "≈ 10.1", "0", "≥ 24"). */
  readonly documentedText: () => string;
  /** One game's statistic; undefined when the game gives no measure (e.g. no permissive turn at all). */
  readonly statistic?: (state: GameState) => number | undefined;
  /**
   * For rare events, a ratio pooled over all games instead ([numerator, denominator] per game): the
   * "median" is the pooled ratio, the band a bootstrap over games.
   */
  readonly pooled?: (state: GameState) => readonly [number, number];
  readonly judge: () => Judgement;
  /** What a pass means, in a line. */
  readonly meaning: string;
}

const RESTRAINT = new Set(['iran.rein-in', 'iran.quiet-message', 'iran.stand-down-all']);

function perWeek(records: readonly TurnRecord[], value: (r: TurnRecord) => number, daysPerTurn: number): number | undefined {
  if (records.length === 0) return undefined;
  return (records.reduce((s, r) => s + value(r), 0) / (records.length * daysPerTurn)) * 7;
}

/** Turns while Iran's guidance is still permissive: before Iran first chooses restraint. */
export function permissiveTurns(state: GameState): TurnRecord[] {
  const first = state.history.findIndex((r) => RESTRAINT.has(r.actions.iran));
  return first < 0 ? [...state.history] : state.history.slice(0, first);
}

export const CHECKS: readonly Check[] = [
  {
    id: 'militia-tempo', facts: ['F-01', 'P-01'], scenario: 'october-2023',
    label: 'Attacks on US forces per week while Iran\'s guidance is permissive', unit: 'attacks/week',
    documented: () => factFigure('F-01', 'perWeek'),
    documentedText: () => `≈ ${factFigure('F-01', 'perWeek')}`,
    statistic: (s) => perWeek(permissiveTurns(s), (r) => r.attacksOnUS, s.scenario.daysPerTurn),
    // −15 % / +25 %: F-01's 170 is a floor ("at least"), and the window includes the November pause, so the
    // model may sit a little below the raw rate; F-02's lower count (6.4/week) is a floor too, which is why
    // the window does not reach down to it. Above +25 % the model would invent attacks the record lacks.
    judge: () => ({ median: [0.85 * factFigure('F-01', 'perWeek'), 1.25 * factFigure('F-01', 'perWeek')] }),
    meaning: 'the harassment tempo under permissive guidance matches the Pentagon count',
  },
  {
    id: 'fatal-attacks', facts: ['F-06', 'P-05', 'R-MIL-10'], scenario: 'october-2023',
    label: 'Fatal attacks on US forces over the 16 weeks', unit: 'fatal attacks',
    documented: () => factFigure('F-06', 'fatalAttacks'),
    documentedText: () => `${factFigure('F-06', 'fatalAttacks')} in ${factFigure('F-06', 'attacks')} attacks`,
    statistic: (s) => totalsOf(s).fatalAttacks,
    // One death-causing attack is a single event: its 90 % Poisson interval is wide, so the check is that
    // the record is a typical outcome (inside the band) and that the model's median is 0–2, i.e. its
    // per-attack lethality is within a factor of about two of 1 in 170.
    judge: () => ({ recordInBand: true, median: [0, 2] }),
    meaning: 'about 1 attack in 170 kills: a death in the window is likely but not certain',
  },
  {
    id: 'fatality-rate', facts: ['F-06', 'P-05'], scenario: 'october-2023',
    label: 'Share of attacks that kill, pooled over the games', unit: 'per attack',
    documented: () => factFigure('F-06', 'pFatalPerAttack'),
    documentedText: () => `≈ ${factFigure('F-06', 'pFatalPerAttack')} (1/${factFigure('F-06', 'attacks')})`,
    // Per game this is mostly 0, so the ratio is pooled over the games and its band bootstrapped.
    pooled: (s) => [totalsOf(s).fatalAttacks, totalsOf(s).attacksOnUS],
    // Half to double 1/170: one observed event cannot pin the rate closer (its 90 % interval spans ×0.05–×4.7),
    // but a model outside ×0.5–×2 would make the crisis's single death either a fluke or overdue.
    judge: () => ({ median: [0.5 * factFigure('F-06', 'pFatalPerAttack'), 2 * factFigure('F-06', 'pFatalPerAttack')] }),
    meaning: 'each attack carries the documented small chance of killing US troops',
  },
  {
    id: 'iraq-stops', facts: ['F-03', 'F-04', 'F-08', 'P-02'], scenario: 'tower-22',
    label: 'Attacks in Iraq after the first week following the deaths', unit: 'attacks',
    documented: () => factFigure('F-03', 'iraqAttacks'),
    documentedText: () => String(factFigure('F-03', 'iraqAttacks')),
    statistic: (s) => s.history.slice(1).reduce((n, r) => n + r.attacksOnUSIraq, 0),
    // The record is zero in about 20 days; a rogue floor (R-MIL-07) may leave a stray attack in a few games,
    // so the median must be 0 and nine games in ten (p95) at most one attack.
    judge: () => ({ median: [0, 0], p95Max: 1 }),
    meaning: 'once the halt takes hold, attacks in Iraq stop',
  },
  {
    id: 'iraq-quiet-within-a-week', facts: ['F-07', 'P-08'], scenario: 'tower-22',
    label: 'Weeks from the deaths until Iraq goes quiet for good', unit: 'weeks',
    documented: () => factFigure('F-07', 'deathsToLastAttackDays') / 7,
    documentedText: () => `${factFigure('F-07', 'deathsToLastAttackDays')} days`,
    statistic: (s) => {
      let last = -1;
      s.history.forEach((r, i) => {
        if (r.attacksOnUSIraq > 0) last = i;
      });
      return (last + 1) * (s.scenario.daysPerTurn / 7);
    },
    // Turns are weeks, so "within about a week" (7 days, P-08's 3–7 day lag) is a median of at most 1 week;
    // 2 weeks would double the documented lag.
    judge: () => ({ median: [0, 1] }),
    meaning: 'militias comply within about a week of Iran\'s envoys arriving',
  },
  {
    id: 'syria-trickle', facts: ['F-03', 'P-02', 'R-SYR-01'], scenario: 'tower-22',
    label: 'Attacks in Syria per week after the first week', unit: 'attacks/week',
    documented: () => factFigure('F-03', 'syriaPerWeek'),
    documentedText: () => `${factFigure('F-03', 'syriaPerWeek')} (2 in ~20 days)`,
    statistic: (s) => perWeek(s.history.slice(1), (r) => r.attacksOnUSSyria, s.scenario.daysPerTurn),
    // "≤ about one a week": F-03 gives 0.7 (20-day window) or 0.93 (15-day window); the median may not exceed
    // 1/week, and the record must be an ordinary outcome of the model (inside its band).
    judge: () => ({ median: [0, 1], recordInBand: true }),
    meaning: 'Syrian groups scale back to occasional harassment rather than stopping',
  },
  {
    id: 'us-retaliation', facts: ['F-09', 'P-06', 'R-USA-02'], scenario: 'tower-22',
    label: 'US strikes outside Yemen in the week after the deaths', unit: 'strikes',
    documented: () => factFigure('F-09', 'strikesMin'),
    documentedText: () => `dozens (≥ ${factFigure('F-09', 'strikesMin')})`,
    statistic: (s) => s.history[0]?.usStrikes,
    // "Dozens" read literally is at least 24 (F-09, inferred); more than about 60 would no longer be "dozens".
    judge: () => ({ median: [factFigure('F-09', 'strikesMin'), 60] }),
    meaning: 'after US deaths the US answers with a large campaign',
  },
  ...BACKTEST_SCENARIOS.map((scenario): Check => ({
    id: `iran-sanctuary-${scenario}`, facts: ['F-09', 'R-USA-03'], scenario,
    label: 'US strikes inside Iran', unit: 'strikes',
    documented: () => factFigure('F-09', 'strikesInIran'),
    documentedText: () => String(factFigure('F-09', 'strikesInIran')),
    statistic: (s) => totalsOf(s).strikesOnIran,
    // Never in the record: the historical US bot must not strike Iran in any ordinary game.
    judge: () => ({ median: [0, 0], p95Max: 0 }),
    meaning: 'Washington blames Tehran but never strikes Iran',
  })),
  ...BACKTEST_SCENARIOS.map((scenario): Check => ({
    id: `no-war-${scenario}`, facts: ['F-19', 'R-SYS-06', 'R-SYS-01'], scenario,
    label: 'Share of games ending in regional war', unit: 'share',
    documented: () => 0,
    documentedText: () => 'none in 19 weeks',
    pooled: (s) => [s.world.regionalWar ? 1 : 0, 1],
    // The record's 19 weeks (F-19) passed without a regional war, though the risk was real (R-SYS-06):
    // played as the record was, the model must rarely end in war. A tenth of the games is the most that
    // keeps "no war" the ordinary outcome; a weekly shock of 5 % that nothing the sides do explains
    // breaks it (test/backtest).
    judge: () => ({ median: [0, 0.1] }),
    meaning: 'war comes from what the sides do, not from a dice roll every week',
  })),
  ...(['red-sea', 'tower-22'] as const).map((scenario): Check => ({
    id: `houthi-tempo-${scenario}`, facts: ['F-14', 'F-15', 'P-04', 'R-HOU-01'], scenario,
    label: 'Houthi attacks on shipping per week', unit: 'attacks/week',
    documented: () => factFigure('F-14', 'perWeekFrom16Nov'),
    documentedText: () => `${factFigure('F-14', 'perWeekFrom1Nov')}–${factFigure('F-14', 'perWeekFrom30Nov')}, spells of ${factFigure('F-15', 'perWeek')}`,
    statistic: (s) => perWeek(s.history, (r) => r.houthiAttacks, s.scenario.daysPerTurn),
    // F-14's three readings (3.1–4.3/week, by start date) are the central range; F-15's mid-February spell
    // (5.3/week) is the highest documented tempo, so the median must lie between 3.1 and 5.3 whatever Iran
    // tells Iraq: in the Red Sea scenario and in the weeks of the Iraq halt alike.
    judge: () => ({ median: [factFigure('F-14', 'perWeekFrom1Nov'), factFigure('F-15', 'perWeek')] }),
    meaning: 'the Houthis keep their tempo regardless of the Iraq halt (weakest Iranian control)',
  })),
];

