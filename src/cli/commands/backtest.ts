/**
 * `brink backtest`: the historical scenarios against the record figures of seeds/record.yaml, played
 * conditioned on the record's shocks; exit 1 when the pass rule fails. With `--uncertainty posterior`
 * each game draws its parameters from the calibrated posterior: a posterior predictive check.
 */
import {
  BACKTEST_DEFAULT,
  BACKTEST_RUNS,
  BACKTEST_SEED,
  formatBacktest,
  pointValuesAgainstRecord,
  runBacktest,
} from '../../analysis/backtest/backtest.ts';
import { parseAssignments } from '../../batch/params-arg.ts';
import type { CommandModule } from '../command.ts';
import { addUncertaintyOptions, parseUncertainty, type UncertaintyFlags } from '../uncertainty-options.ts';
import { asUsage, collect } from './batch.ts';
import { parsePositiveInt, parseSeed } from '../options.ts';

export const register: CommandModule = (program, io, setExit) => {
  addUncertaintyOptions(
    program
      .command('backtest')
      .description(
        "play the historical scenarios with the historical bots, conditioned on the record's shocks, and set each record figure against its simulated band",
      )
      .option('--runs <n>', 'games per scenario', String(BACKTEST_RUNS))
      .option('--seed <seed>', 'backtest seed', BACKTEST_SEED)
      .option('--param <name=value>', 'override a parameter (repeatable; with --uncertainty, pins it)', collect)
      .option('--unconditioned', "play the scenarios as a player would, without fixing the record's first fatal attack")
      .option('--json', 'print the result as JSON (brink.backtest/2)'),
    BACKTEST_DEFAULT.mode,
  ).action((opts: UncertaintyFlags & { runs: string; seed: string; param?: string[]; json?: boolean; unconditioned?: boolean }) => {
    const params = asUsage(() => parseAssignments('--param', opts.param ?? []));
    const runs = parsePositiveInt('--runs', opts.runs, { max: 1_000_000 });
    const seed = parseSeed(opts.seed);
    const uncertainty = parseUncertainty(opts);
    const progress = process.stderr.isTTY;
    const result = runBacktest({
      runs,
      seed,
      params,
      uncertainty,
      conditioned: !opts.unconditioned,
      ...(progress
        ? {
            onGame: (id: string, done: number, total: number) => {
              if (done % 50 === 0 || done === total)
                process.stderr.write(`\r${id}: ${done}/${total} games`.padEnd(40) + (done === total ? '\n' : ''));
            },
          }
        : {}),
    });
    io.out(
      opts.json
        ? JSON.stringify(result, null, 2)
        : formatBacktest(result, result.uncertainty.mode === 'none' ? pointValuesAgainstRecord(Object.keys(params)) : []),
    );
    if (!result.pass) setExit(1);
  });
};
