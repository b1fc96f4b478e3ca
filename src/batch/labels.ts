/**
 * The batch contract's outcome and metric names in words, for every summary a person reads: the text of
 * brink batch and brink compare, and the HTML reports. The names themselves stay in --json and the CSV.
 */
import { snakeCase } from './csv.ts';
import { OUTCOME_NAMES, type MetricName, type OutcomeName, type ScoreName } from './record.ts';

// Typed over the contract's names, so a name added to src/batch/record.ts fails to compile until it has a label.
export const OUTCOME_LABELS: Readonly<Record<OutcomeName, string>> = {
  regionalWar: 'Regional war',
  usFatality: 'At least one US death',
  'verdict:regional-war': 'Regional war',
  'verdict:drawdown': 'Drawdown in reach',
  'verdict:calm-restored': 'Calm restored',
  'verdict:brinkmanship': 'Brinkmanship survived',
  'verdict:simmering': 'Simmering conflict',
};

/**
 * The outcomes a summary shows: how games ended (the verdicts, which add up to 100 %), then US deaths.
 * `regionalWar` is the same games as the regional-war verdict, so it is not shown twice.
 */
export const SHOWN_OUTCOMES: readonly OutcomeName[] = [...OUTCOME_NAMES.filter((k) => k.startsWith('verdict:')), 'usFatality'];

export const METRIC_LABELS: Readonly<Record<MetricName | ScoreName, string>> = {
  attacksOnUS: 'Attacks on US forces',
  attacksOnUSIraq: 'Attacks on US forces in Iraq',
  attacksOnUSSyria: 'Attacks on US forces in Syria',
  attacksOnUSJordan: 'Attacks on US forces in Jordan',
  usKilled: 'US deaths',
  usInjured: 'US injured',
  usStrikes: 'US strikes (outside Yemen)',
  houthiAttacks: 'Houthi attacks',
  peakRung: 'Peak escalation rung',
  fatalAttacks: 'Attacks that killed',
  usStrikesYemen: 'US strikes in Yemen',
  hezbollahFireDays: 'Days of Hezbollah fire',
  leadersKilled: 'Militia commanders killed',
  iranDirectAttacks: 'Direct Iranian attacks',
  strikesOnIran: 'US strikes inside Iran',
  turnsPlayed: 'Turns played',
  scoreUS: 'US score',
  scoreIran: 'Iran score',
};

/** The width of the label column of the text summaries: the longest label. */
export const LABEL_WIDTH = Math.max(...[...Object.values(OUTCOME_LABELS), ...Object.values(METRIC_LABELS)].map((l) => l.length));

/**
 * How many games a text summary covers: those finished, of those asked for, with the games read back
 * from --out, and INCOMPLETE when the run was stopped (brink batch and brink compare alike).
 */
export function gamesCountText(
  j: { readonly runs: number; readonly requested: number; readonly complete: boolean },
  noun: 'games' | 'paired games',
  resumed = 0,
): string {
  return `${j.runs} of ${j.requested} ${noun}${resumed ? ` (${resumed} read back from --out)` : ''}${j.complete ? '' : ' · INCOMPLETE'}`;
}

/** Under brink batch's summary: where the same figures are by the names scripts use. */
export const BATCH_BY_ID_NOTE = 'The same figures by name (attacksOnUS, verdict:calm-restored, …): --json, or --csv for a row per game.';

/** Under brink compare's summary: its --json by the contract's names, its --csv a row per measure in snake_case (csv.ts). */
export const COMPARE_BY_ID_NOTE = `The same figures by name (attacksOnUS, verdict:calm-restored, …): --json, or --csv for a row per outcome and metric (measure ${snakeCase('attacksOnUS')}, ${snakeCase('verdict:calm-restored')}, …).`;

// ── How the 95 % intervals were computed, in words (brink batch and compare, brink merge, the HTML report) ──

/**
 * Under the shares: their interval measures the batch, not the world. An analyst read a posterior batch's
 * "Regional war 3.3 % [2.4 %, 4.6 %]" as what we do not know about war risk; it is how precisely the games
 * played pin the share down, and it narrows with more games whatever the bands are.
 */
export const SHARE_INTERVAL_NOTE = (runs: number): string =>
  `  [ ]: how precisely ${runs} ${runs === 1 ? 'game measures' : 'games measure'} each share (Wilson, 95 %); not a band.`;

/** With fewer paired games than this, a comparison says its intervals are wide because the games are few. */
export const FEW_PAIRS = 30;

/** What a reader is told where every pair of games had the same value (so the difference is exactly 0). */
export const NO_PAIR_DIFFERED = 'no pair of games differed';

/**
 * The line that names the method of a comparison's intervals. A brink.compare/1 file written before the
 * method was named (no `interval` field) had a normal interval, z = 1.96, on every row.
 */
export function compareIntervalsNote(diffs: readonly { readonly interval?: string }[]): string {
  if (diffs.every((d) => d.interval !== undefined))
    return "95 % intervals: Student t for means, Newcombe's paired interval for shares of games.";
  return '95 % intervals as the file gives them: it was written before Brink named the method (a normal approximation, z = 1.96, then).';
}

/** A plain note when the games are few (fewer than FEW_PAIRS pairs); nothing otherwise. */
export function fewPairsNote(runs: number): string | undefined {
  if (runs >= FEW_PAIRS) return undefined;
  if (runs === 0) return 'No pair of games finished: there is nothing to compare yet.';
  return `Only ${runs} paired ${runs === 1 ? 'game' : 'games'}: the intervals are wide because the games are few (fewer than ${FEW_PAIRS}).`;
}

/** Whether no pair of games differed on this row: every paired difference 0 (mean and spread both 0). */
export function noPairDiffered(d: { readonly mean: number; readonly sd: number }, runs: number): boolean {
  return runs > 0 && d.mean === 0 && d.sd === 0;
}
