/** `brink backtest`: the historical scenarios against the documented figures; exit 1 when a check fails. */
import { formatBacktest, runBacktest } from '../../analysis/backtest/backtest.ts';
import { parseAssignments } from '../../batch/params-arg.ts';
import type { CommandModule } from '../command.ts';
import { asUsage, collect } from './batch.ts';
import { parsePositiveInt, parseSeed } from '../options.ts';

export const register: CommandModule = ((program, io, setExit) => {
  program
    .command('backtest')
    .description('play the historical scenarios with the historical bots and check them against the documented figures')
    .option('--runs <n>', 'games per scenario', '1000')
    .option('--seed <seed>', 'backtest seed', '1')
    .option('--param <name=value>', 'override a parameter (repeatable)', collect)
    .option('--json', 'print the result as JSON (brink.backtest/1)')
    .action((opts: { runs: string; seed: string; param?: string[]; json?: boolean }) => {
      const params = asUsage(() => parseAssignments('--param', opts.param ?? []));
      const runs = parsePositiveInt('--runs', opts.runs, { max: 1_000_000 });
      const seed = parseSeed(opts.seed);
      const progress = process.stderr.isTTY;
      const result = runBacktest({
        runs, seed, params,
        ...(progress ? { onGame: (id: string, done: number, total: number) => {
          if (done % 50 === 0 || done === total) process.stderr.write(`\r${id}: ${done}/${total} games`.padEnd(40) + (done === total ? '\n' : ''));
        } } : {}),
      });
      io.out(opts.json ? JSON.stringify(result, null, 2) : formatBacktest(result));
      if (!result.pass) setExit(1);
    });
});
