/**
 * `brink explain <fact-id>`, for a fact behind record figures of seeds/record.yaml: the same check the
 * backtest makes (by default the posterior predictive one), for those figures only: the record's
 * quantile among the simulated games, and pass or fail on the 5–95 % band.
 */
import { loadRecord } from '../record/table.ts';
import { BACKTEST_DEFAULT, quantileText, runBacktest, simulatedText, type BacktestScenario } from '../backtest/backtest.ts';
import { parametersLabel, playedUnderNote, type ParamDistribution } from '../uncertainty/distribution.ts';

/** The record figures that cite a fact, by ID. */
export function figuresCiting(factId: string): string[] {
  return loadRecord()
    .figures.filter((f) => f.facts.includes(factId))
    .map((f) => f.id);
}

export function explainRecordCheck(
  factId: string,
  options: { readonly runs: number; readonly seed: string; readonly uncertainty: ParamDistribution },
): string | undefined {
  const ids = figuresCiting(factId);
  if (ids.length === 0) return undefined;
  const scenarios = [
    ...new Set(
      loadRecord()
        .figures.filter((f) => ids.includes(f.id))
        .map((f) => f.scenario as BacktestScenario),
    ),
  ];
  const r = runBacktest({ runs: options.runs, seed: options.seed, uncertainty: options.uncertainty, scenarios, figures: ids });
  const lines = [
    `  against the record (the check brink backtest makes: ${r.runs} games a scenario, seed ${r.seed}, conditioned on the record's shocks):`,
    `    ${playedUnderNote(r.uncertainty.mode, r.uncertainty.distribution, BACKTEST_DEFAULT)}`,
  ];
  for (const row of r.rows) {
    const verdict = row.status === 'inside' ? 'pass' : row.status === 'outside-90' ? 'outside its 5–95 % band' : 'fail';
    lines.push(
      `    ${row.id} (${row.scenario}): record ${row.recordText}, ${simulatedText(row)} (${parametersLabel(r.uncertainty.mode)}); ${quantileText(row)}: ${verdict}`,
    );
  }
  return lines.join('\n');
}
