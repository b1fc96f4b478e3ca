/** `brink run`: one headless game, its turn-by-turn log (or JSON). */
import type { Command } from 'commander';
import type { CommandModule } from '../command.ts';
import { offRecordSides } from '../../policies/index.ts';
import { playGame } from '../../policies/play.ts';
import { parseSeed, policyHelp, scenarioFrom, sidePolicy } from '../options.ts';
import { lastWeekFire } from '../../analysis/war-odds.ts';
import { formatHeader, formatTurn } from '../format.ts';
import { buildDebrief, formatDebrief } from '../../analysis/debrief/debrief.ts';
import { runRecord } from '../../schemas/run.ts';
import { parseAssignments } from '../../batch/params-arg.ts';
import { asUsage, collect } from './batch.ts';

export const register: CommandModule = (program, io) => registerRun(program, io.out);

export function registerRun(program: Command, out: (s: string) => void): void {
  program
    .command('run')
    .description('play one headless game between two bots and print its log')
    .option('--scenario <id|path>', 'scenario ID or YAML file', 'october-2023')
    .option('--seed <seed>', 'game seed (any text)', '1')
    .option('--us-policy <policy>', policyHelp('us'))
    .option('--iran-policy <policy>', policyHelp('iran'))
    .option(
      '--param <name=value>',
      'override a model parameter (repeatable): replays a batch game played with --param, or one that drew its parameters',
      collect,
    )
    .option('--json', 'print the game as JSON (brink.run/2)')
    .action((opts: { scenario: string; seed: string; usPolicy?: string; iranPolicy?: string; param?: string[]; json?: boolean }) => {
      const seed = parseSeed(opts.seed);
      const scenario = scenarioFrom(opts.scenario);
      const us = sidePolicy('--us-policy', opts.usPolicy, 'us', scenario);
      const iran = sidePolicy('--iran-policy', opts.iranPolicy, 'iran', scenario);
      const policies = { us: us.id, iran: iran.id };
      const offRecord = offRecordSides(policies);
      // A bad one is a usage error (exit 2, with the usage), as in brink batch.
      const overrides = asUsage(() => parseAssignments('--param', opts.param ?? []));
      const params = Object.keys(overrides).length > 0 ? { params: overrides } : {};
      if (opts.json) {
        const state = playGame(scenario, { seed, us, iran, ...params });
        out(JSON.stringify(runRecord(state, policies), null, 2));
        return;
      }
      let header = false;
      const final = playGame(scenario, {
        seed,
        us,
        iran,
        ...params,
        onTurn: (state, events) => {
          if (!header) {
            out(formatHeader(state, policies));
            header = true;
          }
          out(formatTurn(state.history[state.history.length - 1]!, events, offRecord, lastWeekFire(state)));
        },
      });
      out(formatDebrief(buildDebrief(final, scenario, { offRecord })));
    });
}
