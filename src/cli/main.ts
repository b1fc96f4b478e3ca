/**
 * The command line: commander parses, the commands call the layers below and print. Errors the user
 * can fix (bad flags, bad scenario files, bad saves) print a message, and the usage where it helps, and
 * exit with code 2; nothing prints a stack trace unless BRINK_DEBUG is set.
 */
import { Command, CommanderError } from 'commander';
import { GameError } from '../engine/game.ts';
import { ScenarioError } from '../scenario/loader.ts';
import { EXIT_FAILED, EXIT_OK, EXIT_USAGE, UsageError } from './errors.ts';
import { IoError, reasonOf } from '../io/errors.ts';
import { guardStdio } from '../io/stdio.ts';
import type { Io } from './command.ts';
import { COMMAND_MODULES } from './commands/index.ts';
import { registerRun } from './commands/run.ts';
import { registerScenarios } from './commands/scenarios.ts';
import { PACKAGE_VERSION } from '../version.ts';

export type { CommandModule, Io } from './command.ts';

const processIo: Io = {
  out: (s) => process.stdout.write(s.endsWith('\n') ? s : `${s}\n`),
  err: (s) => process.stderr.write(s.endsWith('\n') ? s : `${s}\n`),
};


/** The command being run, so a usage error can show that command's usage. */
let activeCommand: Command | undefined;

export function buildProgram(io: Io, setExit: (code: number) => void): Command {
  const program = new Command('brink')
    .description('Brink: a turn-based simulation of the US–Iran–proxy crisis, October 2023 – February 2024')
    .version(PACKAGE_VERSION)
    .exitOverride()
    .showHelpAfterError()
    .configureOutput({ writeOut: (s) => io.out(s.replace(/\n$/, '')), writeErr: (s) => io.err(s.replace(/\n$/, '')) });
  program.hook('preAction', (_root, actionCommand) => {
    activeCommand = actionCommand;
  });
  registerRun(program, io.out);
  registerScenarios(program, io.out, io.err, setExit);
  for (const mod of COMMAND_MODULES) mod(program, io, setExit);
  const allCommands = (c: Command): Command[] => [c, ...c.commands.flatMap(allCommands)];
  for (const cmd of allCommands(program)) {
    cmd.exitOverride().showHelpAfterError();
    refuseRepeats(cmd);
  }
  return program;
}

/**
 * A flag that takes one value, given twice (`--seed 1 … --seed 2`), is an error: commander would keep
 * the last silently. Repeatable flags (`--param`, with a collector) and switches are not concerned.
 */
function refuseRepeats(cmd: Command): void {
  for (const opt of cmd.options) {
    if (!(opt.required || opt.optional) || opt.variadic || opt.parseArg) continue;
    let seen = false;
    cmd.on(`option:${opt.name()}`, () => {
      if (seen) {
        activeCommand = cmd;
        throw new UsageError(`${opt.long ?? opt.flags} was given twice; give it once`);
      }
      seen = true;
    });
  }
}

export async function main(argv: readonly string[], io: Io = processIo): Promise<number> {
  // A stdout that fails (a full disk, a closed pipe) ends the program with a message, never a stack.
  if (io === processIo) guardStdio();
  let code = EXIT_OK;
  const setExit = (c: number) => {
    code = Math.max(code, c);
  };
  const program = buildProgram(io, setExit);
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return code;
  } catch (err) {
    return handleError(err, io, program);
  }
}

function handleError(err: unknown, io: Io, program: Command): number {
  if (err instanceof CommanderError) {
    if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help') return EXIT_OK;
    return EXIT_USAGE; // commander has already printed the message and the help hint
  }
  if (err instanceof UsageError) {
    io.err(`brink: ${err.message}`);
    if (err.showUsage) io.err((activeCommand ?? program).helpInformation());
    return EXIT_USAGE;
  }
  if (err instanceof ScenarioError || err instanceof GameError) {
    io.err(err.message);
    return EXIT_USAGE;
  }
  if (err instanceof IoError) {
    io.err(`brink: ${err.message}`);
    return err.exitCode;
  }
  // An errno failure that escaped the I/O layer still reads as words, not a stack: the run failed.
  const reason = reasonOf(err);
  if (reason !== undefined && !process.env.BRINK_DEBUG) {
    io.err(`brink: ${reason}${(err as NodeJS.ErrnoException).path ? `: '${(err as NodeJS.ErrnoException).path}'` : ''}`);
    return EXIT_FAILED;
  }
  if (process.env.BRINK_DEBUG) io.err(err instanceof Error ? (err.stack ?? err.message) : String(err));
  else io.err(`brink: internal error: ${err instanceof Error ? err.message : String(err)} (set BRINK_DEBUG=1 for details)`);
  return EXIT_FAILED;
}
