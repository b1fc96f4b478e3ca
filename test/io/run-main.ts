/**
 * Runs the CLI in this process (`main(argv)` with captured output): much faster than spawning
 * `bin/brink`, so fuzzing can try many command lines. Standard output errors (a full disk) need a real
 * process and are tested by spawning.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { main } from '../../src/cli/main.ts';

export interface MainResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export async function runMain(argv: readonly string[]): Promise<MainResult> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    out: (s) => (stdout += s.endsWith('\n') ? s : `${s}\n`),
    err: (s) => (stderr += s.endsWith('\n') ? s : `${s}\n`),
  });
  return { code, stdout, stderr };
}

/** A stack trace line, as Node prints them. */
export const STACK = /\n\s+at [^\n]+:\d+:\d+/;

/** Name → content hash of every regular file in `dir`: to show that a failure modified nothing. */
export function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isFile()) out[name] = createHash('sha256').update(readFileSync(p)).digest('hex');
  }
  return out;
}
