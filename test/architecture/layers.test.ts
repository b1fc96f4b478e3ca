/**
 * The layers point one way, and the linter enforces it: a deliberate wrong-way import (engine → batch)
 * fails `npm run lint` with the layer rule's message, and the same file importing downwards passes. The
 * check runs the project's own Biome configuration on a throw-away tree laid out like src/.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const BIOME = join(ROOT, 'node_modules/.bin/biome');

function lintTree(files: Record<string, string>): { status: number | null; output: string } {
  const dir = mkdtempSync(join(tmpdir(), 'brink-layers-'));
  // The project's configuration, with git and the schema path left out (the tree is not a checkout).
  const config = readFileSync(join(ROOT, 'biome.jsonc'), 'utf8')
    .replace(/"\$schema":[^\n]*\n/, '')
    .replace(/"vcs":[^\n]*\n/, '');
  writeFileSync(join(dir, 'biome.jsonc'), config);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  const r = spawnSync(BIOME, ['lint', '--colors=off', '--config-path', dir, join(dir, 'src')], { cwd: dir, encoding: 'utf8' });
  return { status: r.status, output: `${r.stdout}${r.stderr}` };
}

const batch = { 'src/batch/run-batch.ts': 'export const startBatch = 1;\n' };
const model = { 'src/model/math.ts': 'export const clamp01 = 1;\n' };

describe('layer boundaries', () => {
  it('refuses an engine module that imports the batch layer', () => {
    const r = lintTree({
      ...batch,
      'src/engine/wrong-way.ts': "import { startBatch } from '../batch/run-batch.ts';\n\nexport const x = startBatch;\n",
    });
    expect(r.status).not.toBe(0);
    expect(r.output).toContain('engine/ may import only model/ and scenario/');
  });

  it('refuses it from a nested engine folder too', () => {
    const r = lintTree({
      ...batch,
      'src/engine/phases/wrong.ts': "import { startBatch } from '../../batch/run-batch.ts';\n\nexport const x = startBatch;\n",
    });
    expect(r.status).not.toBe(0);
  });

  it('accepts the same engine module importing downwards, from the model', () => {
    const r = lintTree({
      ...model,
      'src/engine/right-way.ts': "import { clamp01 } from '../model/math.ts';\n\nexport const x = clamp01;\n",
    });
    expect(r.output).not.toContain('may import only');
    expect(r.status).toBe(0);
  });
});
