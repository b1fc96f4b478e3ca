/**
 * How a game ends: a named verdict, a score per side built from the objectives of DOMAIN.md §6 (each
 * line citing its objective), and the turning points: the events that moved the game most, each with
 * its cause (the actor, the rules, the draw).
 */
import { actionById, strikesIranOrItsForces, type Side } from '../model/actions.ts';
import { portfolioRung } from '../model/portfolio.ts';
import { clamp } from '../model/math.ts';
import type { ParamId } from '../model/params.ts';
import { addDays } from '../scenario/calendar.ts';
import type { GameEvent } from './events.ts';
import { endsInLull, isLull, logOf, peakRungOf, totalsOf } from './history.ts';
import type { GameState, Tally } from './state.ts';

export type VerdictId = 'regional-war' | 'drawdown' | 'calm-restored' | 'brinkmanship' | 'simmering';

/** How a game ended, as data: its words are the analysis layer's (src/analysis/render.ts). */
export interface Verdict {
  readonly id: VerdictId;
  /**
   * The quiet turns at the end of a game stopped before a calm could be called (fewer than QUIET_WINDOW
   * played, in a scenario that has them): the quiet is real but too short to be a calm yet.
   */
  readonly quietSoFar?: number;
}

/** What a score line counts: one term of an objective (DOMAIN.md §6). */
export type ScoreTerm =
  | 'baseline'
  | 'us-deaths'
  | 'attacks-on-us'
  | 'regional-war'
  | 'shipping'
  | 'deterrence'
  | 'homeland'
  | 'withdrawal'
  | 'axis-gains'
  | 'proxy-capability'
  | 'leaders-killed'
  | 'iran-struck'
  | 'escalation'
  | 'pressure'
  | 'fronts'
  | 'deaths-by-partners'
  | 'unanswered';

export interface ScoreLine {
  readonly term: ScoreTerm;
  /** The count behind the line, where it counts something (deaths, attacks, commanders). */
  readonly count?: number;
  /** For yes/no terms (a war, Iranian soil struck): whether it happened. */
  readonly happened?: boolean;
  readonly points: number;
  readonly cites: readonly string[];
}

/** An event that moved the game most, with its date; its sentence is rendered at the edge. */
export interface TurningPoint {
  readonly date: string;
  /** The event's position in the game's log (history.ts `logOf`), so readers can trace its causes. */
  readonly index: number;
  readonly event: GameEvent;
}

export interface Outcome {
  /** False while the game is still running: the verdict is then "as things stand". */
  readonly final: boolean;
  readonly verdict: Verdict;
  readonly scores: Readonly<Record<Side, number>>;
  readonly breakdown: Readonly<Record<Side, readonly ScoreLine[]>>;
  readonly turningPoints: readonly TurningPoint[];
  readonly totals: Tally;
  readonly peakRung: number;
  readonly turnsPlayed: number;
}

/** Above this rung (lethal targeted action) each turn of US action costs it abroad and at home (O-USA-04, O-USA-07). */
export const ESCALATION_FLOOR_RUNG = 6;

/** Turns of quiet that make a calm (the record's lull after 2 Feb lasted weeks, F-03). */
export const QUIET_WINDOW = 2;
/** The rung from which surviving the ladder counts as brinkmanship (a direct clash, model/ladder.ts). */
const BRINK_RUNG = 8;

export function verdictOf(state: GameState): Verdict {
  const w = state.world;
  if (w.regionalWar) return { id: 'regional-war' };
  if (state.actors.iraqiGovernment.context.withdrawalMomentum >= 0.75) return { id: 'drawdown' };
  // Calm as the record knew it after 2 Feb (F-03, F-04): Iraq and Jordan silent, Syria down to
  // occasional harassment, at most one attack a week.
  const recent = state.history.slice(-QUIET_WINDOW);
  const syria = recent.reduce((n, t) => n + t.attacksOnUSSyria, 0);
  const quiet = recent.every(isLull) && syria <= recent.length;
  // A calm is quiet that held for the whole window (or all of a scenario shorter than it): one quiet
  // week of a game stopped early is not yet one. A finished game has always played the window.
  const enough = recent.length > 0 && recent.length >= Math.min(QUIET_WINDOW, state.scenario.turns);
  if (quiet && enough) return { id: 'calm-restored' };
  const early = quiet ? { quietSoFar: recent.length } : {};
  if (peakRungOf(state) >= BRINK_RUNG) return { id: 'brinkmanship', ...early };
  return { id: 'simmering', ...early };
}

/**
 * The parameters scoring reads (the score weights and the scales they divide by), declared for
 * `brink explain`; test/engine/param-reads.test.ts checks them against the reads.
 */
export const SCORING_READS: readonly ParamId[] = [
  'scoreUsPerDeath',
  'scoreUsPerAttack',
  'scoreWar',
  'scoreUsShipping',
  'scoreUsDeterrence',
  'scoreUsIranStruck',
  'scoreUsEscalation',
  'scoreIranBase',
  'scoreIranHomeland',
  'scoreIranWithdrawal',
  'scoreIranGains',
  'scoreIranProxyLoss',
  'scoreIranLeaderLoss',
  'scoreIranPressure',
  'iranPressureFullScale',
  'shippingFullScale',
  'scoreIranFronts',
  'scoreIranPerUsDeath',
  'scoreIranUnanswered',
];

export function scoreLines(state: GameState): Record<Side, ScoreLine[]> {
  const p = state.params;
  const t = totalsOf(state);
  const war = state.world.regionalWar;
  const turns = Math.max(1, state.history.length);
  const avgShipping = state.history.reduce((s, h) => s + h.shippingDisruption, 0) / turns;
  const capability = (state.actors.iraqiMilitias.context.capability + state.actors.syrianMilitias.context.capability) / 2;
  const usRung = (h: GameState['history'][number]) => portfolioRung(h.actions.us);
  // Rung-turns the US spent above lethal targeted action: each costs with Baghdad and at home.
  const escalation = state.history.reduce((n, h) => n + Math.max(0, usRung(h) - ESCALATION_FLOOR_RUNG), 0);
  // Pressure on US forces pays Iran only while no American has died (R-IRN-02); deaths before the
  // scenario are those Iran's machine remembers beyond the game's own. It is pressure below the war
  // threshold (R-IRN-11): a week Iran's own forces fire on US forces (the direct-clash rung, R-IRN-15;
  // the week's record counts that fire) is above it, and its militias' attacks that week pay nothing.
  let dead = Math.max(0, state.actors.iran.context.usKilledSeen - t.usKilled);
  let pressure = 0;
  let fronts = 0;
  for (const h of state.history) {
    const belowThreshold = h.iranDirectAttacks === 0;
    if (dead === 0 && h.usKilled === 0 && belowThreshold) pressure += Math.min(1, h.attacksOnUS / p.iranPressureFullScale);
    dead += h.usKilled;
    fronts += (h.hezbollahFireDays / state.scenario.daysPerTurn + Math.min(1, h.houthiAttacks / p.shippingFullScale)) / 2;
  }
  const struckIranOrForces = state.history.some((h) => strikesIranOrItsForces(actionById(h.actions.us.force)));
  const unanswered = struckIranOrForces && t.iranDirectAttacks === 0;
  // Deterrence is worth keeping fresh so that a lull holds (O-USA-03: McKenzie welcomes the calm and warns
  // that deterrence must be kept up, [000]); where the attacks go on at the end there is no lull for it
  // to hold, and force that only met Iran's pressure earns no credit (R-SYS-05, D-18). A regional war
  // is no lull, whatever its last week's count of militia attacks.
  const lullAtEnd = !war && endsInLull(state.history);
  const us: ScoreLine[] = [
    { term: 'baseline', points: 100, cites: ['O-USA-01'] },
    { term: 'us-deaths', count: t.usKilled, points: -p.scoreUsPerDeath * t.usKilled, cites: ['O-USA-02'] },
    { term: 'attacks-on-us', count: t.attacksOnUS, points: -p.scoreUsPerAttack * t.attacksOnUS, cites: ['O-USA-02'] },
    { term: 'regional-war', happened: war, points: war ? -p.scoreWar : 0, cites: ['O-USA-01'] },
    { term: 'shipping', points: -p.scoreUsShipping * avgShipping, cites: ['O-USA-05'] },
    {
      term: 'deterrence',
      happened: lullAtEnd,
      points: lullAtEnd ? p.scoreUsDeterrence * state.world.deterrence : 0,
      cites: ['O-USA-03', 'R-SYS-05'],
    },
    {
      term: 'iran-struck',
      happened: t.strikesOnIran > 0,
      points: t.strikesOnIran > 0 ? -p.scoreUsIranStruck : 0,
      cites: ['O-USA-02', 'R-USA-03'],
    },
    { term: 'escalation', count: escalation, points: -p.scoreUsEscalation * escalation, cites: ['O-USA-04', 'O-USA-07', 'R-IRQ-03'] },
  ];
  const iran: ScoreLine[] = [
    { term: 'baseline', points: p.scoreIranBase, cites: ['O-IRN-01', 'O-IRN-03'] },
    { term: 'regional-war', happened: war, points: war ? -p.scoreWar : 0, cites: ['O-IRN-02'] },
    { term: 'homeland', happened: t.strikesOnIran > 0, points: t.strikesOnIran > 0 ? -p.scoreIranHomeland : 0, cites: ['O-IRN-02'] },
    { term: 'withdrawal', points: p.scoreIranWithdrawal * state.actors.iraqiGovernment.context.withdrawalMomentum, cites: ['O-IRN-01'] },
    { term: 'axis-gains', points: p.scoreIranGains * state.world.axisGains, cites: ['O-IRN-03'] },
    { term: 'proxy-capability', points: -p.scoreIranProxyLoss * (1 - capability), cites: ['O-IRN-05'] },
    { term: 'leaders-killed', count: t.leadersKilled, points: -p.scoreIranLeaderLoss * t.leadersKilled, cites: ['O-MIL-04'] },
    { term: 'pressure', points: (p.scoreIranPressure * pressure) / turns, cites: ['R-IRN-11', 'R-IRN-02'] },
    { term: 'fronts', points: war ? 0 : (p.scoreIranFronts * fronts) / turns, cites: ['O-IRN-04', 'R-IRN-05'] },
    { term: 'deaths-by-partners', count: t.usKilled, points: -p.scoreIranPerUsDeath * t.usKilled, cites: ['R-IRN-02', 'R-IRN-06'] },
    { term: 'unanswered', happened: unanswered, points: unanswered ? -p.scoreIranUnanswered : 0, cites: ['R-IRN-09'] },
  ];
  return { us, iran };
}

/** The lowest and highest a score can be: the lines' sum is kept between them (score-groups.ts shows how). */
export const SCORE_RANGE = { min: 0, max: 100 } as const;

/** A side's score before rounding: its lines' sum, kept within SCORE_RANGE. */
export const keptScore = (lines: readonly ScoreLine[]) =>
  clamp(
    lines.reduce((s, l) => s + l.points, 0),
    SCORE_RANGE.min,
    SCORE_RANGE.max,
  );

/** A side's score to one decimal, from its score lines (what `outcome` reports). */
export const scoreOf = (lines: readonly ScoreLine[]) => Math.round(keptScore(lines) * 10) / 10;

/**
 * The events behind a score line that single events make (a commander killed, a death, Iranian soil
 * struck, the war); a line of totals or pressures (attacks, shipping, the talks) has none.
 */
const LINE_EVENTS: Readonly<Partial<Record<ScoreTerm, (e: GameEvent) => boolean>>> = {
  'leaders-killed': (e) => e.kind === 'strike' && e.leaderKilled === true,
  'us-deaths': (e) => e.kind === 'fatal',
  'deaths-by-partners': (e) => e.kind === 'fatal',
  'iran-struck': (e) => e.kind === 'strike' && e.target === 'iran',
  homeland: (e) => e.kind === 'strike' && e.target === 'iran',
  'regional-war': (e) => e.kind === 'war',
};

/**
 * The `limit` heaviest events of the game, in the log's order; `keep` says which events may be one.
 * `lines`: score lines the game's account names as weighing most; the first event behind each is a
 * turning point too, heavy or not, so that a debrief which says "Iran −15.0 from 3 militia commanders
 * killed" shows the first of those killings among its turning points.
 */
export function turningPoints(
  state: GameState,
  limit = 6,
  keep: (e: GameEvent) => boolean = () => true,
  lines: readonly ScoreTerm[] = [],
): TurningPoint[] {
  const log = logOf(state);
  const ranked = log
    .map((e, i) => ({ e, i }))
    .filter(({ e }) => e.weight >= 10 && keep(e))
    .sort((a, b) => b.e.weight - a.e.weight || a.i - b.i)
    .slice(0, limit);
  for (const term of lines) {
    const behind = LINE_EVENTS[term];
    const i = behind ? log.findIndex((e) => behind(e) && keep(e)) : -1;
    if (i >= 0 && !ranked.some((r) => r.i === i)) ranked.push({ e: log[i]!, i });
  }
  return ranked.sort((a, b) => a.i - b.i).map(({ e, i }) => ({ date: addDays(state.scenario.start, e.day), index: i, event: e }));
}

/** Each side's score to one decimal, from its score lines (what `outcome` reports). */
export function scoresOf(lines: Readonly<Record<Side, readonly ScoreLine[]>>): Record<Side, number> {
  return { us: scoreOf(lines.us), iran: scoreOf(lines.iran) };
}

export function outcome(state: GameState): Outcome {
  const lines = scoreLines(state);
  return {
    final: state.over !== null,
    verdict: verdictOf(state),
    scores: scoresOf(lines),
    breakdown: lines,
    turningPoints: turningPoints(state),
    totals: totalsOf(state),
    peakRung: peakRungOf(state),
    turnsPlayed: state.turn,
  };
}
