/** `brink explain ID | --list | --assumptions`: where a number, rule, fact, action or posture comes from. */
import { assumptions, explain, formatAssumptions, listAll, UnknownIdError, type ExplainPosterior } from '../../analysis/explain/explain.ts';
import { loadPosterior, PosteriorFileError, SHIPPED_POSTERIOR } from '../../analysis/calibration/posterior-file.ts';
import { isParamId } from '../../model/params.ts';
import { explainRecordCheck, recordCheck } from '../../analysis/explain/record-check.ts';
import { EXPLAIN_DEFAULT } from '../../analysis/backtest/backtest.ts';
import { UsageError } from '../errors.ts';
import type { CommandModule } from '../command.ts';
import { parsePositiveInt, parseSeed } from '../options.ts';
import { addUncertaintyOptions, parseUncertainty, type UncertaintyFlags } from '../uncertainty-options.ts';

/** The posterior a parameter is set against: --posterior FILE, else the shipped one. */
function posteriorFor(opts: UncertaintyFlags): ExplainPosterior {
  parseUncertainty(opts); // the flags are checked as for a fact (--posterior needs --uncertainty posterior)
  try {
    return { file: loadPosterior(opts.posterior ?? SHIPPED_POSTERIOR), source: opts.posterior ?? 'calibration/posterior.json' };
  } catch (err) {
    if (err instanceof PosteriorFileError) throw new UsageError(`--posterior: ${err.message}`, false);
    throw err;
  }
}

export const register: CommandModule = (program, io) => {
  addUncertaintyOptions(
    program
      .command('explain')
      .description(
        "the provenance of a parameter, fact, rule (R-*), action, posture (actor.state) or record figure (the backtest's IDs); for a record figure or a fact behind one, the backtest's check of it",
      )
      .argument('[id]', 'e.g. militiaAttackRate, F-01, R-IRN-01, us.major-campaign, iran.braking, attacks-by-2-feb')
      .option('--list', 'list every ID that can be explained')
      .option('--assumptions', 'list every assumption: parameters, scenario injects, open questions')
      .option('--runs <n>', 'for a record figure or a fact behind one: games per scenario of its check', '200')
      .option('--seed <seed>', 'seed of that check', '1'),
    EXPLAIN_DEFAULT.mode,
  ).action((id: string | undefined, opts: UncertaintyFlags & { list?: boolean; assumptions?: boolean; runs: string; seed: string }) => {
    if (opts.list) return io.out(listAll());
    if (opts.assumptions) return io.out(formatAssumptions(assumptions()));
    if (!id) throw new UsageError('give an ID to explain, or --list, or --assumptions');
    let text: string;
    let kind: string;
    try {
      ({ text, kind } = explain(id, isParamId(id) ? { posterior: posteriorFor(opts) } : {}));
    } catch (err) {
      if (err instanceof UnknownIdError) throw new UsageError(err.message, false);
      throw err;
    }
    if (kind === 'fact' || kind === 'rule' || kind === 'figure') {
      const options = {
        runs: parsePositiveInt('--runs', opts.runs, { max: 100_000 }),
        seed: parseSeed(opts.seed),
        uncertainty: parseUncertainty(opts),
      };
      // A figure's check is the one a fact shows for the figures behind it: one piece of code.
      const check = kind === 'figure' ? recordCheck([id.toLowerCase()], options) : explainRecordCheck(id.toUpperCase(), options);
      if (check) text = `${text}\n${check}`;
    }
    io.out(text);
  });
};
