/**
 * Policy lives in the machines: posture names appear only in the machine definitions (state keys,
 * targets, meta), so no code outside src/model/actors compares a snapshot's value with a literal, and a
 * misspelt posture is a type error (see test/model/runtime.test.ts) rather than a silent default branch.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ACTORS, ACTOR_IDS } from '../../src/model/actors/index.ts';

const SRC = resolve(import.meta.dirname, '../../src');
const ACTOR_DIR = join(SRC, 'model/actors');

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return p === ACTOR_DIR ? [] : files(p);
    return /\.tsx?$/.test(e.name) ? [p] : [];
  });
}

/** Posture names that are also other things' names (a scenario's truce inject), checked by the first test only. */
const SHARED_WORDS = new Set(['truce']);

describe('policy in the machines', () => {
  const sources = files(SRC).map((f) => ({ file: relative(SRC, f), text: readFileSync(f, 'utf8') }));

  it('no code outside the machine definitions compares a posture with a string literal', () => {
    for (const { file, text } of sources) {
      const compares = text.split('\n').filter((line) => /\.value\s*[!=]==?\s*['"`]/.test(line) && !/typeof\s/.test(line));
      expect(compares, file).toEqual([]);
    }
  });

  it('no posture name is written outside the machine definitions', () => {
    const names = new Set(ACTOR_IDS.flatMap((id) => ACTORS[id].stateIds as readonly string[]));
    for (const name of names) {
      if (SHARED_WORDS.has(name)) continue;
      const quoted = new RegExp(`['"\`]${name}['"\`]`);
      for (const { file, text } of sources) expect(quoted.test(text), `${file} names the posture '${name}'`).toBe(false);
    }
  });

  it('the engine builds no sentences for the log: src/engine imports no renderer and no actor names', () => {
    for (const { file, text } of sources.filter((s) => s.file.startsWith('engine/'))) {
      expect(text, file).not.toMatch(/ACTOR_NAMES|rungName|\.label\b|\.says\b/);
    }
  });
});
