/**
 * The command line: commander parses, the commands call the layers below and print. Errors the user
 * can fix (bad flags, bad scenario files, bad saves) print a message, and the usage where it helps, and
 * exit with code 2; nothing prints a stack trace unless BRINK_DEBUG is set.
 *
 * Start-up is lazy: this module imports commander and nothing of the model. The command that runs is
 * found in the table of commands (commands/index.ts) and only its module is imported (and through it
 * the engine, zod, xstate, Ink…), so `brink --help` loads almost nothing and `brink run` never loads
 * Ink or React. The other commands appear as their one-line summary, for the root help and for
 * commander's "unknown command" suggestions.
 */
import { Command, CommanderError, type Option } from 'commander';
import { EXIT_FAILED, EXIT_OK, EXIT_USAGE, UsageError } from './errors.ts';
import { IoError, reasonOf } from '../io/errors.ts';
import { guardStdio } from '../io/stdio.ts';
import type { CommandModule, Io } from './command.ts';
import { COMMANDS, loadAllCommands } from './commands/index.ts';
import { PACKAGE_VERSION } from '../version.ts';

export type { CommandModule, Io } from './command.ts';

const processIo: Io = {
  out: (s) => process.stdout.write(s.endsWith('\n') ? s : `${s}\n`),
  err: (s) => process.stderr.write(s.endsWith('\n') ? s : `${s}\n`),
};

/** The command being run, so a usage error can show that command's usage. */
let activeCommand: Command | undefined;

/**
 * Which command `argv` runs (commander's own parse comes later): the first word that is not a root
 * option, or the word after `help`. Undefined for the root help and --version.
 */
export function commandName(argv: readonly string[]): string | undefined {
  const words = argv.filter((a) => !a.startsWith('-'));
  return words[0] === 'help' ? words[1] : words[0];
}

/** The modules `argv` needs: its command's, or every command's for a word the table does not know. */
export async function modulesFor(argv: readonly string[]): Promise<readonly CommandModule[]> {
  const name = commandName(argv);
  if (name === undefined) return [];
  const entry = COMMANDS.find((c) => c.name === name);
  return entry ? entry.load() : loadAllCommands();
}

/** Environment variables that stand in for flags (the flag wins); each command's help says "env: …". */
const ENV_FLAGS: readonly { readonly flag: string; readonly env: string; readonly except?: readonly string[] }[] = [
  { flag: '--workers', env: 'BRINK_WORKERS' },
  // `play --seed` skips the set-up screen's question, which an environment variable should not do.
  { flag: '--seed', env: 'BRINK_SEED', except: ['play'] },
];

/**
 * A message about a flag whose value came from its environment variable says so: the user never typed
 * `--workers 0`, so "--workers must be between 1 and 64, got 0" alone would send them looking for it.
 */
function fromEnvironment(message: string, cmd: Command): string {
  for (const e of ENV_FLAGS) {
    const opt = (cmd.options as Option[]).find((o) => o.long === e.flag);
    if (opt && message.startsWith(e.flag) && cmd.getOptionValueSource(opt.attributeName()) === 'env')
      return `${e.env}=${JSON.stringify(process.env[e.env])} stands in for ${e.flag}: ${message}`;
  }
  return message;
}

/**
 * Marks the flags that an environment variable stands in for (their help then says "env: …").
 * Commander only honours `.env()` set before an option is added, and the commands add theirs, so the
 * value is applied here, before the action runs: when the flag was not given, the variable's value.
 * Its source is then 'env', so a command can tell it from a flag the user typed.
 */
function applyEnvFlags(cmd: Command): void {
  for (const opt of cmd.options as Option[]) {
    const e = ENV_FLAGS.find((x) => x.flag === opt.long && !x.except?.includes(cmd.name()));
    if (!e || opt.envVar !== undefined) continue;
    opt.env(e.env);
    cmd.hook('preAction', () => {
      const key = opt.attributeName();
      const value = process.env[e.env];
      const source = cmd.getOptionValueSource(key);
      if (value !== undefined && value !== '' && (source === undefined || source === 'default'))
        cmd.setOptionValueWithSource(key, value, 'env');
    });
  }
}

/** The program with the given command modules registered, and every other command as its summary. */
export function buildProgram(io: Io, setExit: (code: number) => void, modules: readonly CommandModule[] = []): Command {
  const program = new Command('brink')
    .description('Brink: a turn-based simulation of the US–Iran–proxy crisis, October 2023 – February 2024')
    .version(PACKAGE_VERSION)
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.out(s.replace(/\n$/, '')),
      writeErr: (s) => io.err(s.replace(/\n$/, '')),
      // Commander's own errors ("unknown option '--bogus'", with its "(Did you mean …?)") read as Brink's do.
      outputError: (s, write) => write(s.replace(/^error: /, 'brink: ')),
    });
  program.hook('preAction', (_root, actionCommand) => {
    activeCommand = actionCommand;
  });
  for (const mod of modules) mod(program, io, setExit);
  for (const c of COMMANDS) {
    if (!program.commands.some((cmd) => cmd.name() === c.name)) program.command(c.name).description(c.summary);
  }
  // In the table's order whichever modules were loaded (commander reads this array at help time).
  const rank = (cmd: Command) => {
    const i = COMMANDS.findIndex((c) => c.name === cmd.name());
    return i < 0 ? COMMANDS.length : i;
  };
  (program.commands as Command[]).sort((a, b) => rank(a) - rank(b));
  for (const cmd of allCommands(program)) {
    // After an error, the command's usage line and where its options are listed, not the whole help.
    cmd.exitOverride().showHelpAfterError(shortUsage(cmd));
    refuseRepeats(cmd);
    applyEnvFlags(cmd);
  }
  return program;
}

/** What follows a usage error: the command's `Usage:` line, and the help that lists its options. */
export function shortUsage(cmd: Command): string {
  const names: string[] = [];
  for (let c: Command | null = cmd; c; c = c.parent) names.unshift(c.name());
  return `Usage: ${cmd.createHelp().commandUsage(cmd)}\nRun '${names.join(' ')} --help' for the ${cmd.parent ? 'options' : 'commands and options'}.`;
}

export const allCommands = (c: Command): Command[] => [c, ...c.commands.flatMap(allCommands)];

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

const wantsHelp = (argv: readonly string[]) => argv.includes('--help') || argv.includes('-h') || argv[0] === 'help';

export async function main(argv: readonly string[], io: Io = processIo): Promise<number> {
  // A stdout that fails (a full disk, a closed pipe) ends the program with a message, never a stack.
  if (io === processIo) guardStdio();
  let code = EXIT_OK;
  const setExit = (c: number) => {
    code = Math.max(code, c);
  };
  let program: Command | undefined;
  try {
    program = buildProgram(io, setExit, await modulesFor(argv));
    // Examples and allowed values, imported only when help is asked for (help.ts loads the registries).
    if (wantsHelp(argv)) await (await import('./help.ts')).addExamples(program, commandName(argv) !== undefined);
    await program.parseAsync([...argv], { from: 'user' });
    return code;
  } catch (err) {
    return handleError(err, io, program);
  }
}

async function handleError(err: unknown, io: Io, program: Command | undefined): Promise<number> {
  if (err instanceof CommanderError) {
    if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help') return EXIT_OK;
    return EXIT_USAGE; // commander has already printed the message and the help hint
  }
  if (err instanceof UsageError) {
    const cmd = activeCommand ?? program;
    io.err(`brink: ${cmd ? fromEnvironment(err.message, cmd) : err.message}`);
    if (err.showUsage && cmd) io.err(shortUsage(cmd));
    return EXIT_USAGE;
  }
  if (err instanceof IoError) {
    io.err(`brink: ${err.message}`);
    return err.exitCode;
  }
  // Imported here, not at the top: by now the command has loaded them anyway.
  const [{ ScenarioError }, { GameError }] = await Promise.all([import('../scenario/loader.ts'), import('../engine/game.ts')]);
  if (err instanceof ScenarioError || err instanceof GameError) {
    // Every line as every other user error reads: `brink: where: what`.
    io.err(
      err.message
        .split('\n')
        .map((line) => `brink: ${line}`)
        .join('\n'),
    );
    return EXIT_USAGE;
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
