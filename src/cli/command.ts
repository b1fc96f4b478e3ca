/**
 * What a command module is: a function that adds its command to the program. The table of modules is
 * commands/index.ts; main.ts builds the program from it, so no command imports main.ts (no cycle) and
 * nothing registers itself into a global.
 */
import type { Command } from 'commander';

export interface Io {
  out(s: string): void;
  err(s: string): void;
}

export type CommandModule = (program: Command, io: Io, setExit: (code: number) => void) => void;
