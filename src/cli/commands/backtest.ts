/** `brink backtest`: the historical scenarios against the documented figures; exit 1 when a check fails. */
import { formatBacktest, runBacktest } from '../../backtest/backtest.ts';
import { isParamId, PARAM_SPECS } from '../../model/params.ts';
import { UsageError } from '../errors.ts';
import { addCommand } from '../main.ts';
import { parsePositiveInt, parseSeed } from '../options.ts';

/** `--param name=value`, repeatable: the override is checked against the parameter's range. */
export function parseParamOverride(raw: string, acc: Record<string, number>): Record<string, number> {
  const m = /^([A-Za-z][A-Za-z0-9]*)=(.+)$/.exec(raw.trim());
  if (!m) throw new UsageError(`--param expects name=value, got '${raw}'`);
  const [, id, text] = m as unknown as [string, string, string];
  if (!isParamId(id)) throw new UsageError(`--param: unknown parameter '${id}' (see brink explain --list)`);
  const value = Number(text);
  const spec = PARAM_SPECS[id];
  if (!Number.isFinite(value) || value < spec.min || value > spec.max) {
    throw new UsageError(`--param ${id} must be a number between ${spec.min} and ${spec.max} (${spec.unit}), got '${text}'`);
  }
  return { ...acc, [id]: value };
}

addCommand((program, io, setExit) => {
  program
    .command('backtest')
    .description('play the historical scenarios with the historical bots and check them against the documented figures')
    .option('--runs <n>', 'games per scenario', '1000')
    .option('--seed <seed>', 'backtest seed', '1')
    .option('--param <name=value>', 'override a parameter (repeatable)', parseParamOverride, {} as Record<string, number>)
    .option('--json', 'print the result as JSON (brink.backtest/1)')
    .action((opts: { runs: string; seed: string; param: Record<string, number>; json?: boolean }) => {
      const runs = parsePositiveInt('--runs', opts.runs, { max: 1_000_000 });
      const seed = parseSeed(opts.seed);
      const progress = process.stderr.isTTY;
      const result = runBacktest({
        runs, seed, params: opts.param,
        ...(progress ? { onGame: (id: string, done: number, total: number) => {
          if (done % 50 === 0 || done === total) process.stderr.write(`\r${id}: ${done}/${total} games`.padEnd(40) + (done === total ? '\n' : ''));
        } } : {}),
      });
      io.out(opts.json ? JSON.stringify(result, null, 2) : formatBacktest(result));
      if (!result.pass) setExit(1);
    });
});
