/** `brink explain ID | --list | --assumptions`: where a number, rule, fact, action or posture comes from. */
import { assumptions, explain, formatAssumptions, listAll, UnknownIdError } from '../../analysis/explain/explain.ts';
import { explainRecordCheck } from '../../analysis/explain/record-check.ts';
import { EXPLAIN_DEFAULT } from '../../analysis/backtest/backtest.ts';
import { UsageError } from '../errors.ts';
import type { CommandModule } from '../command.ts';
import { parsePositiveInt, parseSeed } from '../options.ts';
import { addUncertaintyOptions, parseUncertainty, type UncertaintyFlags } from '../uncertainty-options.ts';

export const register: CommandModule = (program, io) => {
  addUncertaintyOptions(
    program
      .command('explain')
      .description(
        "the provenance of a parameter, fact, rule (R-*), action or posture (actor.state); for a fact behind a record figure, the backtest's check of it",
      )
      .argument('[id]', 'e.g. militiaAttackRate, F-01, R-IRN-01, us.major-campaign, iran.braking')
      .option('--list', 'list every ID that can be explained')
      .option('--assumptions', 'list every assumption: parameters, scenario injects, open questions')
      .option('--runs <n>', 'for a fact behind record figures: games per scenario of its check', '200')
      .option('--seed <seed>', 'seed of that check', '1'),
    EXPLAIN_DEFAULT.mode,
  ).action((id: string | undefined, opts: UncertaintyFlags & { list?: boolean; assumptions?: boolean; runs: string; seed: string }) => {
    if (opts.list) return io.out(listAll());
    if (opts.assumptions) return io.out(formatAssumptions(assumptions()));
    if (!id) throw new UsageError('give an ID to explain, or --list, or --assumptions');
    let text: string;
    let kind: string;
    try {
      ({ text, kind } = explain(id));
    } catch (err) {
      if (err instanceof UnknownIdError) throw new UsageError(err.message, false);
      throw err;
    }
    if (kind === 'fact' || kind === 'rule') {
      const check = explainRecordCheck(id.toUpperCase(), {
        runs: parsePositiveInt('--runs', opts.runs, { max: 100_000 }),
        seed: parseSeed(opts.seed),
        uncertainty: parseUncertainty(opts),
      });
      if (check) text = `${text}\n${check}`;
    }
    io.out(text);
  });
};
