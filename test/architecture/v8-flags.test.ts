/**
 * V8's flags are given on the command line (the bin scripts' shebangs, package.json's scripts), never set
 * while the program runs. Changing one while TurboFan compiles on its background thread aborted node 20
 * ("Check failed: inlineability == kHasOptimizationDisabled") in about a third of `brink batch --resume`
 * runs when the pool set the inlining cap as its first worker started, and in a strategy run even when a
 * bin script set it first thing.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const FLAGS = '--single-threaded-gc --max-inlined-bytecode-size=120';

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? sources(join(dir, d.name)) : /\.(ts|tsx|mjs|js)$/.test(d.name) || dir.endsWith('bin') ? [join(dir, d.name)] : [],
  );
}

describe("V8's flags", () => {
  it('no module, benchmark or bin script changes a V8 flag while it runs', () => {
    const setters = ['src', 'bench', 'bin']
      .flatMap((d) => sources(join(ROOT, d)))
      .filter((f) => readFileSync(f, 'utf8').includes('setFlagsFromString'));
    expect(setters).toEqual([]);
  });

  it('every bin script and every npm script that starts one passes the same flags on the command line', () => {
    for (const name of ['brink', 'brink-bench', 'brink-strategy']) {
      const bin = readFileSync(join(ROOT, 'bin', name), 'utf8');
      expect(bin.split('\n')[0], name).toBe(`#!/usr/bin/env -S node ${FLAGS}`);
    }
    const scripts = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
    for (const [name, bin] of [
      ['start', 'bin/brink play'],
      ['bench', 'bin/brink-bench'],
      ['strategy', 'bin/brink-strategy'],
    ] as const)
      expect(scripts[name], name).toBe(`node ${FLAGS} ${bin}`);
  });
});
