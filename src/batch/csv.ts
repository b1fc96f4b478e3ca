/** `--csv FILE`: one row per game, for spreadsheets and R/pandas. */
import { METRIC_NAMES, type GameRecord } from './record.ts';

export const CSV_HEADER = ['index', 'seed', 'scenario', 'us_policy', 'iran_policy', 'verdict', 'score_us', 'score_iran', ...METRIC_NAMES].join(',');

/** RFC 4180 quoting: seeds are free text, so they may hold commas or quotes. */
export function csvField(value: string | number): string {
  const s = String(value);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvRow(r: GameRecord): string {
  return [r.index, r.seed, r.scenario.id, r.policies.us, r.policies.iran, r.verdict, r.scores.us, r.scores.iran, ...METRIC_NAMES.map((m) => r.metrics[m])]
    .map(csvField).join(',');
}
