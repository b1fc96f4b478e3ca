/**
 * V8's flags are set once, by bin/brink, before any code runs. Changing one while TurboFan compiles on its
 * background thread aborted node 20 in about a third of `brink batch --resume` runs (the pool set the
 * inlining cap when its first worker started, with the main thread already hot): no module may set one
 * later, and every bin script sets them (bin/v8-flags.mjs) before it loads the program.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? sources(join(dir, d.name)) : /\.(ts|tsx|mjs|js)$/.test(d.name) ? [join(dir, d.name)] : [],
  );
}

describe("V8's flags", () => {
  it('no module of the program or its benchmarks changes a V8 flag while it runs', () => {
    const setters = [...sources(join(ROOT, 'src')), ...sources(join(ROOT, 'bench'))].filter((f) =>
      readFileSync(f, 'utf8').includes('setFlagsFromString'),
    );
    expect(setters).toEqual([]);
  });

  it('every bin script sets them first, from one module, which sets the inlining cap', () => {
    const flags = readFileSync(join(ROOT, 'bin/v8-flags.mjs'), 'utf8');
    expect(flags).toContain("setFlagsFromString('--max-inlined-bytecode-size=120')");
    for (const name of ['brink', 'brink-bench', 'brink-strategy']) {
      const bin = readFileSync(join(ROOT, 'bin', name), 'utf8');
      // The first statement: a static import runs before everything after it, dynamic imports included.
      const code = bin.split('\n').filter((l) => l.trim() !== '' && !l.startsWith('#!') && !l.trim().startsWith('//'));
      expect(code[0], name).toBe("import './v8-flags.mjs';");
    }
  });
});
