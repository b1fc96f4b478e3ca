/**
 * No import cycles in src/: every module can be read (and loaded) after the ones it imports. The
 * command line used to register commands by importing main.ts from each command module; the table in
 * cli/commands/index.ts replaced that, and this test keeps any cycle from coming back.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = resolve(import.meta.dirname, '../../src');

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    return e.isDirectory() ? files(p) : /\.tsx?$/.test(e.name) && !e.name.endsWith('.d.ts') ? [p] : [];
  });
}

/** Relative imports (static and dynamic, type-only ones excluded: they vanish when compiled). */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const out: string[] = [];
  for (const m of text.matchAll(/^\s*import\s+(?!type\s)[^'"]*?from\s+'(\.[^']+)'|import\('(\.[^']+)'\)|^\s*import\s+'(\.[^']+)'/gm)) {
    const spec = m[1] ?? m[2] ?? m[3];
    if (spec) out.push(resolve(dirname(file), spec));
  }
  return out;
}

describe('module graph', () => {
  it('has no import cycles', () => {
    const graph = new Map(files(SRC).map((f) => [f, importsOf(f)]));
    const state = new Map<string, 'open' | 'done'>();
    const cycles: string[] = [];
    const visit = (f: string, path: string[]) => {
      if (state.get(f) === 'done' || !graph.has(f)) return;
      if (state.get(f) === 'open') {
        cycles.push([...path.slice(path.indexOf(f)), f].map((p) => relative(SRC, p)).join(' → '));
        return;
      }
      state.set(f, 'open');
      for (const g of graph.get(f)!) visit(g, [...path, f]);
      state.set(f, 'done');
    };
    for (const f of graph.keys()) visit(f, []);
    expect(cycles).toEqual([]);
  });
});
