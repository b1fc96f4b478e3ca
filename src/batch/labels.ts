/**
 * The batch contract's outcome and metric names in words, for every summary a person reads: the text of
 * brink batch and brink compare, and the HTML reports. The names themselves stay in --json and the CSV.
 */
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

/** Under a text summary: where the same figures are by the names scripts use. */
export const BY_ID_NOTE = 'The same figures by name (attacksOnUS, verdict:calm-restored, …): --json, or --csv for a row per game.';
