/** `brink scenarios list|show|validate`. */
import type { Command } from 'commander';
import type { CommandModule } from '../command.ts';
import { formatIssue, loadScenario, loadShippedScenarios, loadScenarioFile, ScenarioError } from '../../scenario/loader.ts';
import { addDays } from '../../scenario/calendar.ts';
import { EXIT_FAILED, EXIT_USAGE } from '../errors.ts';
import { BUILTIN_POLICIES } from '../../policies/index.ts';
import { plural } from '../../analysis/render.ts';
import { paramsText } from '../../batch/params-arg.ts';
import { redSeaOpsSetting } from '../../model/actors/us.ts';

export const register: CommandModule = (program, io, setExit) => registerScenarios(program, io.out, io.err, setExit);

export function registerScenarios(
  program: Command,
  out: (s: string) => void,
  err: (s: string) => void,
  setExit: (code: number) => void,
): void {
  const cmd = program.command('scenarios').description('list, show and validate scenarios');
  cmd
    .command('list')
    .description('the shipped scenarios')
    .option('--json', 'as JSON')
    .action((opts: { json?: boolean }) => {
      const rows = loadShippedScenarios();
      if (opts.json) {
        out(
          JSON.stringify(
            rows.map((s) => ({
              id: s.id,
              title: s.title,
              start: s.start,
              turns: s.turns,
              daysPerTurn: s.daysPerTurn,
              historical: s.historical,
              hash: s.hash,
            })),
            null,
            2,
          ),
        );
        return;
      }
      const width = Math.max(...rows.map((s) => s.id.length));
      for (const s of rows) {
        out(
          `${s.id.padEnd(width)}  ${s.start}  ${String(s.turns).padStart(2)} × ${s.daysPerTurn}d  ${s.historical ? 'historical' : 'what-if   '}  ${s.title}`,
        );
      }
    });
  cmd
    .command('show')
    .description("a scenario's briefing, window and injects (the record with --reveal)")
    .argument('<id|path>')
    .option('--reveal', 'also print what actually happened (hidden by default: it would spoil the game for a class)')
    .option('--json', 'the validated scenario as JSON (the whole document, record included)')
    .action((idOrPath: string, opts: { json?: boolean; reveal?: boolean }) => {
      const s = loadScenario(idOrPath, { policies: BUILTIN_POLICIES });
      if (opts.json) {
        out(JSON.stringify(s, null, 2));
        return;
      }
      const end = addDays(s.start, s.turns * s.daysPerTurn - 1);
      out(`${s.title} (${s.id}, ${s.historical ? 'historical' : 'what-if'}, hash ${s.hash})`);
      out(`${s.start} to ${end}: ${plural(s.turns, 'turn')} of ${plural(s.daysPerTurn, 'day')}\n`);
      out(`${s.briefing}\n`);
      for (const inj of s.injects) {
        const extra = inj.kind === 'rafah-window' ? `, chance ${inj.chancePerTurn} a turn` : '';
        out(`Inject ${inj.id}: ${inj.kind} ${inj.from} to ${inj.to}${extra} — ${inj.note} [${inj.cites.join(', ')}]`);
        if (inj.assumption) out(`  assumption: ${inj.assumption}`);
      }
      const redSea = redSeaOpsSetting(s.actors.us?.context);
      if (redSea !== undefined) {
        out(
          redSea
            ? 'US Red Sea operations: on. The historical US bot strikes the Houthis (actors.us.context.redSeaOps).'
            : 'US Red Sea operations: off. The historical US bot never strikes the Houthis (actors.us.context.redSeaOps); a player as the US still can (us.strike-houthis). docs/scenarios.md says why.',
        );
      }
      if (Object.keys(s.params).length > 0) out(`Parameter overrides: ${paramsText(s.params, ', ')}`);
      if (s.actual && !opts.reveal) {
        out('\nWhat actually happened is hidden so as not to spoil the game: add --reveal to print it.');
      } else if (s.actual) {
        out('\nWhat actually happened:');
        out(s.actual.summary);
        for (const e of s.actual.events) out(`  ${e.date}  ${e.text} [${e.cites.join(', ')}]`);
      }
    });
  cmd
    .command('validate')
    .description('check scenario files (their cited IDs and default bots too); errors read file:line:col path: message')
    .argument('<files...>')
    .action((files: string[]) => {
      let bad = 0;
      for (const file of files) {
        try {
          const s = loadScenarioFile(file, { policies: BUILTIN_POLICIES });
          out(`${file}: ok (${s.id}, ${plural(s.turns, 'turn')}, hash ${s.hash})`);
        } catch (e) {
          // Every file is reported, whatever went wrong with one of them.
          if (e instanceof ScenarioError) {
            bad++;
            for (const issue of e.issues) err(formatIssue(issue));
          } else {
            err(`${file}: internal error: ${e instanceof Error ? e.message : String(e)}`);
            setExit(EXIT_FAILED);
          }
        }
      }
      if (bad > 0) setExit(EXIT_USAGE);
    });
}
