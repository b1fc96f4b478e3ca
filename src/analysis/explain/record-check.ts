/**
 * `brink explain <fact-id>` for a fact behind record figures of seeds/record.yaml, and `brink explain
 * <figure-id>` for one figure: the same check the backtest makes (by default the posterior predictive
 * one), for those figures only: the record's quantile among the simulated games, pass or fail, and how
 * each figure is judged.
 */
import { loadRecord } from '../record/table.ts';
import { judgeRuleText } from '../record/judge.ts';
import {
  BACKTEST_DEFAULT,
  BACKTEST_RUNS,
  BACKTEST_SEED,
  fewGamesNote,
  gamesText,
  pointValuesAgainstRecord,
  quantileText,
  runBacktest,
  simulatedText,
  type BacktestScenario,
} from '../backtest/backtest.ts';
import { pointOutsideText } from '../calibration/shifts.ts';
import { parametersLabel, playedUnderNote, type ParamDistribution } from '../uncertainty/distribution.ts';

export interface RecordCheckOptions {
  readonly runs: number;
  readonly seed: string;
  readonly uncertainty: ParamDistribution;
}

/** The record figures that cite a fact, by ID. */
export function figuresCiting(factId: string): string[] {
  return loadRecord()
    .figures.filter((f) => f.facts.includes(factId))
    .map((f) => f.id);
}

/** The backtest command line that plays what `brink explain` shows: its mode, games and seed where they differ from the backtest's defaults. */
export function backtestCommand(mode: ParamDistribution['kind'], runs: number, seed: string): string {
  return [
    BACKTEST_DEFAULT.command,
    ...(mode === BACKTEST_DEFAULT.mode ? [] : [`--uncertainty ${mode}`]),
    ...(runs === BACKTEST_RUNS ? [] : [`--runs ${runs}`]),
    ...(seed === BACKTEST_SEED ? [] : [`--seed ${seed}`]),
  ].join(' ');
}

/** The backtest's check of some record figures (by ID), as `brink explain` prints it under a fact or a figure. */
export function recordCheck(ids: readonly string[], options: RecordCheckOptions): string {
  const figures = loadRecord().figures.filter((f) => ids.includes(f.id));
  const scenarios = [...new Set(figures.map((f) => f.scenario as BacktestScenario))];
  const r = runBacktest({ runs: options.runs, seed: options.seed, uncertainty: options.uncertainty, scenarios, figures: ids });
  const lines = [
    // The command that gives these very figures: brink backtest's defaults differ from explain's (mode, games).
    `  against the record (the backtest's check, conditioned on the record's shocks; the same figures as ${backtestCommand(r.uncertainty.mode, r.runs, r.seed)}):`,
    `    ${playedUnderNote(r.uncertainty.mode, r.uncertainty.distribution, BACKTEST_DEFAULT, r.uncertainty.mode === 'none' ? pointValuesAgainstRecord().map(pointOutsideText) : [])}`,
  ];
  const few = fewGamesNote(r.runs, '--runs', 200);
  if (few) lines.push(`    ${few}`);
  for (const row of r.rows) {
    const verdict = row.status === 'inside' ? 'pass' : row.status === 'outside-90' ? 'outside its 5–95 % band' : 'fail';
    lines.push(
      `    ${row.id} (${row.scenario}): record ${row.recordText}, ${simulatedText(row)} (${parametersLabel(r.uncertainty.mode)}); ${quantileText(row)}: ${verdict} (${gamesText(row, r.runs)})`,
      `      judged as ${judgeRuleText(row.kind, figures.find((f) => f.id === row.id)?.share)}`,
    );
  }
  return lines.join('\n');
}

export function explainRecordCheck(factId: string, options: RecordCheckOptions): string | undefined {
  const ids = figuresCiting(factId);
  return ids.length === 0 ? undefined : recordCheck(ids, options);
}
