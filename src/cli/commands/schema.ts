/** `brink scenarios schema`: print (or write) the JSON Schema for scenario files. */
import { scenarioJsonSchemaText } from '../../scenario/json-schema.ts';
import type { CommandModule } from '../command.ts';
import { outputTarget, writeOutput } from '../../io/output.ts';

export const register: CommandModule = (program, io) => {
  const scenarios = program.commands.find((c) => c.name() === 'scenarios');
  if (!scenarios) return;
  scenarios
    .command('schema')
    .description('the JSON Schema of scenario files, for editor autocompletion')
    .option('--out <file>', 'write it to a file instead of stdout (- for stdout)')
    .action((opts: { out?: string }) => {
      const text = scenarioJsonSchemaText();
      if (opts.out) writeOutput(outputTarget('--out', opts.out), text, io.out);
      else io.out(text);
    });
};
