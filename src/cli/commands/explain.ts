/** `brink explain ID | --list | --assumptions`: where a number, rule, fact, action or posture comes from. */
import { assumptions, explain, formatAssumptions, listAll, UnknownIdError } from '../../analysis/explain/explain.ts';
import { UsageError } from '../errors.ts';
import type { CommandModule } from '../command.ts';

export const register: CommandModule = ((program, io) => {
  program
    .command('explain')
    .description('the provenance of a parameter, fact, rule (R-*), action or posture (actor.state)')
    .argument('[id]', 'e.g. militiaAttackRate, F-01, R-IRN-01, us.major-campaign, iran.braking')
    .option('--list', 'list every ID that can be explained')
    .option('--assumptions', 'list every assumption: parameters, scenario injects, open questions')
    .action((id: string | undefined, opts: { list?: boolean; assumptions?: boolean }) => {
      if (opts.list) return io.out(listAll());
      if (opts.assumptions) return io.out(formatAssumptions(assumptions()));
      if (!id) throw new UsageError('give an ID to explain, or --list, or --assumptions');
      try {
        io.out(explain(id).text);
      } catch (err) {
        if (err instanceof UnknownIdError) throw new UsageError(err.message, false);
        throw err;
      }
    });
});
