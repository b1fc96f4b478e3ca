/**
 * Every top-level command, in the order `brink --help` lists them: its name, the one-line summary the
 * root help shows, and how to load its module. Loading is lazy: main.ts imports only the module of the
 * command that runs (and through it the engine, zod, xstate, Ink…), so `brink --help` loads no model and
 * `brink run` never loads Ink or React. A test (test/cli/build.test.ts) checks each summary against the
 * description its module registers.
 */
import type { CommandModule } from '../command.ts';

export interface CommandEntry {
  readonly name: string;
  readonly summary: string;
  /** The command's module: its `register`, or several when one command spans modules (scenarios + schema). */
  readonly load: () => Promise<readonly CommandModule[]>;
}

const one = (m: Promise<{ register: CommandModule }>) => m.then((x) => [x.register]);

export const COMMANDS: readonly CommandEntry[] = [
  { name: 'run', summary: 'play one headless game between two bots and print its log', load: () => one(import('./run.ts')) },
  {
    name: 'scenarios',
    summary: 'list, show and validate scenarios',
    // `scenarios schema` lives in its own module and adds itself to the scenarios command.
    load: async () => [(await import('./scenarios.ts')).register, (await import('./schema.ts')).register],
  },
  {
    name: 'backtest',
    summary:
      "play the historical scenarios with the historical bots, conditioned on the record's shocks, and set each record figure against its simulated band",
    load: () => one(import('./backtest.ts')),
  },
  {
    name: 'explain',
    summary:
      "the provenance of a parameter, fact, rule (R-*), action, posture (actor.state) or record figure (the backtest's IDs); for a record figure or a fact behind one, the backtest's check of it",
    load: () => one(import('./explain.ts')),
  },
  {
    name: 'report',
    summary:
      'write a self-contained HTML classroom report (charts drawn inline, no scripts, no network), or with --games the games a class saved, side by side',
    load: () => one(import('./report.ts')),
  },
  { name: 'play', summary: 'play a scenario in the terminal as the US, Iran, or both (hot-seat)', load: () => one(import('./play.ts')) },
  {
    name: 'replay',
    summary: 're-simulate a saved game from its decisions and verify it reproduces exactly',
    load: () => one(import('./replay.ts')),
  },
  {
    name: 'batch',
    summary: 'Monte Carlo: many seeded games, aggregated (brink.batch/1 with --json)',
    load: () => one(import('./batch.ts')),
  },
  {
    name: 'compare',
    summary: 'two policies or scenario variants on the same seeds: paired differences (brink.compare/1)',
    load: () => one(import('./compare.ts')),
  },
  {
    name: 'sweep',
    summary: 'vary model parameters and rank their effect: tornado chart (brink.sweep/1)',
    load: () => one(import('./sweep.ts')),
  },
  {
    name: 'merge',
    summary: "add up the part files of a sharded batch, compare or sweep: the unsharded run's report (its JSON with --json)",
    load: () => one(import('./merge.ts')),
  },
  {
    name: 'calibrate',
    summary:
      'ABC-SMC of the uncertain parameters against the record figures; writes a posterior file (--report: how far the record moved each parameter)',
    load: () => one(import('./calibrate.ts')),
  },
  {
    name: 'sensitivity',
    summary: "which parameters' uncertainty drives the outcomes: Morris screening, then Sobol indices for the top ones",
    load: () => one(import('./sensitivity.ts')),
  },
  {
    name: 'completion',
    summary: 'print a shell completion script (bash or zsh)',
    load: async () => [(await import('../completion.ts')).completionCommand(loadAllCommands)],
  },
];

/** Every command's modules, in the table's order (for shell completion and tests). */
export async function loadAllCommands(): Promise<CommandModule[]> {
  const all: CommandModule[] = [];
  for (const c of COMMANDS) all.push(...(await c.load()));
  return all;
}
