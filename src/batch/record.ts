/**
 * One game of a batch, as a small record: its totals, its per-turn series and its verdict. Records are
 * what workers send back, what `--out FILE.jsonl` holds one per line, and what a resumed batch reads
 * back, so the aggregate of a resumed batch equals an uninterrupted one's.
 */
import { peakRungOf, totalsOf } from '../engine/history.ts';
import { scoreLines, scoresOf, verdictOf, type VerdictId } from '../engine/outcome.ts';
import type { GameState, Tally } from '../engine/state.ts';
import { playGame } from '../policies/play.ts';
import type { Policy } from '../policies/index.ts';
import { MODEL_VERSION } from '../model/version.ts';
import type { Scenario } from '../scenario/schema.ts';

export const GAME_RECORD_FORMAT = 'brink.game/1';

export const VERDICT_IDS: readonly VerdictId[] = ['regional-war', 'drawdown', 'calm-restored', 'brinkmanship', 'simmering'];

/** Totals over the game (DESIGN.md's names first). All integers. */
export const METRIC_NAMES = [
  'attacksOnUS',
  'attacksOnUSIraq',
  'attacksOnUSSyria',
  'attacksOnUSJordan',
  'usKilled',
  'usInjured',
  'usStrikes',
  'houthiAttacks',
  'peakRung',
  'fatalAttacks',
  'usStrikesYemen',
  'hezbollahFireDays',
  'leadersKilled',
  'iranDirectAttacks',
  'strikesOnIran',
  'turnsPlayed',
] as const;
export type MetricName = (typeof METRIC_NAMES)[number];

/** Scores are reported to one decimal; they are kept as tenths so that they aggregate exactly too. */
export const SCORE_NAMES = ['scoreUS', 'scoreIran'] as const;
export type ScoreName = (typeof SCORE_NAMES)[number];
export const SCORE_SCALE = 10;

/** Per-turn series. `rung` is the ladder at the end of each turn. */
export const SERIES_NAMES = [
  'attacksOnUS',
  'attacksOnUSIraq',
  'attacksOnUSSyria',
  'attacksOnUSJordan',
  'usKilled',
  'usInjured',
  'usStrikes',
  'houthiAttacks',
  'hezbollahFireDays',
  'rung',
] as const;
export type SeriesName = (typeof SERIES_NAMES)[number];

export const OUTCOME_NAMES = ['regionalWar', 'usFatality', ...VERDICT_IDS.map((v) => `verdict:${v}` as const)] as const;
export type OutcomeName = (typeof OUTCOME_NAMES)[number];

export interface GameRecord {
  readonly schema: typeof GAME_RECORD_FORMAT;
  /** The model that played the game (MODEL_VERSION): --resume never mixes games of two models. */
  readonly model: string;
  readonly index: number;
  readonly seed: string;
  readonly scenario: { readonly id: string; readonly hash: string };
  readonly policies: { readonly us: string; readonly iran: string };
  /** Parameter overrides on top of the scenario's (empty for a plain batch). */
  readonly params: Readonly<Record<string, number>>;
  readonly verdict: VerdictId;
  readonly scores: { readonly us: number; readonly iran: number };
  readonly metrics: Readonly<Record<MetricName, number>>;
  /** One value per turn played. */
  readonly series: Readonly<Record<SeriesName, readonly number[]>>;
}

/** One game index played under every arm, on the same seed. */
export interface GameResult {
  readonly index: number;
  readonly seed: string;
  readonly records: readonly GameRecord[];
}

/** Everything that decides a game besides its seed: one "arm" of a batch, a comparison or a sweep. */
export interface Arm {
  /** Scenario ID or path, as given on the command line (each worker loads it itself). */
  readonly scenario: string;
  readonly us: string;
  readonly iran: string;
  readonly params: Readonly<Record<string, number>>;
}

export function recordOf(
  state: GameState,
  index: number,
  policies: { us: string; iran: string },
  params: Readonly<Record<string, number>>,
): GameRecord {
  // The verdict and scores of `outcome`, without its turning points (a sort of the whole log).
  const scores = scoresOf(scoreLines(state));
  const verdict = verdictOf(state).id;
  const t: Tally = totalsOf(state);
  // Written out in METRIC_NAMES's and SERIES_NAMES's order (the order of a record's JSON), and the series
  // in one pass over the history: every game of a batch makes one record.
  const metrics: Record<MetricName, number> = {
    attacksOnUS: t.attacksOnUS,
    attacksOnUSIraq: t.attacksOnUSIraq,
    attacksOnUSSyria: t.attacksOnUSSyria,
    attacksOnUSJordan: t.attacksOnUSJordan,
    usKilled: t.usKilled,
    usInjured: t.usInjured,
    usStrikes: t.usStrikes,
    houthiAttacks: t.houthiAttacks,
    peakRung: peakRungOf(state),
    fatalAttacks: t.fatalAttacks,
    usStrikesYemen: t.usStrikesYemen,
    hezbollahFireDays: t.hezbollahFireDays,
    leadersKilled: t.leadersKilled,
    iranDirectAttacks: t.iranDirectAttacks,
    strikesOnIran: t.strikesOnIran,
    turnsPlayed: state.turn,
  };
  const series: Record<SeriesName, number[]> = {
    attacksOnUS: [],
    attacksOnUSIraq: [],
    attacksOnUSSyria: [],
    attacksOnUSJordan: [],
    usKilled: [],
    usInjured: [],
    usStrikes: [],
    houthiAttacks: [],
    hezbollahFireDays: [],
    rung: [],
  };
  for (const h of state.history) {
    series.attacksOnUS.push(h.attacksOnUS);
    series.attacksOnUSIraq.push(h.attacksOnUSIraq);
    series.attacksOnUSSyria.push(h.attacksOnUSSyria);
    series.attacksOnUSJordan.push(h.attacksOnUSJordan);
    series.usKilled.push(h.usKilled);
    series.usInjured.push(h.usInjured);
    series.usStrikes.push(h.usStrikes);
    series.houthiAttacks.push(h.houthiAttacks);
    series.hezbollahFireDays.push(h.hezbollahFireDays);
    series.rung.push(h.rung);
  }
  return {
    schema: GAME_RECORD_FORMAT,
    model: MODEL_VERSION,
    index,
    seed: state.seed,
    scenario: { id: state.scenario.id, hash: state.scenario.hash },
    policies: { us: policies.us, iran: policies.iran },
    params,
    verdict,
    scores: { us: scores.us, iran: scores.iran },
    metrics,
    series,
  };
}

export function playRecord(
  scenario: Scenario,
  arm: { us: Policy; iran: Policy; params: Readonly<Record<string, number>> },
  index: number,
  seed: string,
): GameRecord {
  const hasParams = Object.keys(arm.params).length > 0;
  const state = playGame(scenario, { seed, us: arm.us, iran: arm.iran, ...(hasParams ? { params: arm.params } : {}) });
  return recordOf(state, index, { us: arm.us.id, iran: arm.iran.id }, arm.params);
}

/** The value of an outcome for one game: 1 or 0. */
export function outcomeValue(r: GameRecord, name: OutcomeName): 0 | 1 {
  if (name === 'regionalWar') return r.verdict === 'regional-war' ? 1 : 0;
  if (name === 'usFatality') return r.metrics.usKilled > 0 ? 1 : 0;
  return r.verdict === name.slice('verdict:'.length) ? 1 : 0;
}

export function scoreValue(r: GameRecord, name: ScoreName): number {
  return Math.round((name === 'scoreUS' ? r.scores.us : r.scores.iran) * SCORE_SCALE);
}
