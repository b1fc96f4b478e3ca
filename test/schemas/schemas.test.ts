/**
 * The JSON Schemas in schemas/ are exactly what the zod contracts generate, and the real outputs of the
 * CLI validate against them (ajv, draft 2020-12): brink.run/2, brink.batch/1 and its --out lines
 * (brink.game/1), brink.compare/1, brink.sweep/1, and a save file (brink.save/2). Each carries its
 * contract version and the model version (src/model/version.ts).
 */
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { buildSave, saveText } from '../../src/engine/save.ts';
import { getPolicy } from '../../src/policies/index.ts';
import { playGame } from '../../src/policies/play.ts';
import { loadScenario } from '../../src/scenario/loader.ts';
import { outputSchemaTexts } from '../../src/schemas/generate.ts';
import { MODEL_VERSION } from '../../src/model/version.ts';
import { brink, ROOT } from '../helpers/cli.ts';

const SCHEMAS = join(ROOT, 'schemas');
const dir = mkdtempSync(join(tmpdir(), 'brink-schemas-'));

function validator(file: string) {
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  return ajv.compile(JSON.parse(readFileSync(join(SCHEMAS, file), 'utf8')));
}

function expectValid(file: string, data: unknown): void {
  const validate = validator(file);
  const ok = validate(data);
  expect(ok, `${file}: ${JSON.stringify(validate.errors?.slice(0, 3))}`).toBe(true);
}

function cliJson(args: string[]): Record<string, unknown> {
  const r = brink(args);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as Record<string, unknown>;
}

describe('JSON Schemas of the outputs', () => {
  it('schemas/ holds exactly what the zod contracts generate (run `npm run schemas` after changing one)', () => {
    const generated = outputSchemaTexts();
    expect(readdirSync(SCHEMAS).sort()).toEqual(Object.keys(generated).sort());
    for (const [file, text] of Object.entries(generated)) expect(readFileSync(join(SCHEMAS, file), 'utf8'), file).toBe(text);
  });

  it('brink run --json validates against run.schema.json and says which model made it', () => {
    const run = cliJson(['run', '--scenario', 'tower-22', '--seed', 's1', '--json']);
    expectValid('run.schema.json', run);
    expect(run.schema).toBe('brink.run/2');
    expect(run.model).toBe(MODEL_VERSION);
  });

  it('brink batch --json and its --out lines validate against batch.schema.json and game.schema.json', () => {
    const out = join(dir, 'games.jsonl');
    const batch = cliJson(['batch', '--scenario', 'tower-22', '--runs', '6', '--seed', 's2', '--workers', '1', '--out', out, '--json']);
    expectValid('batch.schema.json', batch);
    expect(batch.model).toBe(MODEL_VERSION);
    const lines = readFileSync(out, 'utf8').trim().split('\n');
    expect(lines).toHaveLength(6);
    for (const line of lines) expectValid('game.schema.json', JSON.parse(line));
  });

  it('brink compare --json and brink sweep --json validate against their schemas', () => {
    const compare = cliJson([
      'compare',
      '--scenario',
      'tower-22',
      '--runs',
      '4',
      '--seed',
      's3',
      '--workers',
      '1',
      '--us-policy-b',
      'hawk',
      '--json',
    ]);
    expectValid('compare.schema.json', compare);
    expect(compare.model).toBe(MODEL_VERSION);
    // Each difference names its interval's method; a file without the names (written before them) is still valid.
    const outcomes = compare.outcomes as Record<string, { diff: Record<string, unknown> }>;
    const metrics = compare.metrics as Record<string, { diff: Record<string, unknown> }>;
    for (const o of Object.values(outcomes)) expect(o.diff.interval).toBe('newcombe');
    for (const m of Object.values(metrics)) expect(m.diff.interval).toBe('t');
    const unnamed = structuredClone(compare) as typeof compare & { outcomes: typeof outcomes; metrics: typeof metrics };
    for (const row of [...Object.values(unnamed.outcomes), ...Object.values(unnamed.metrics)]) delete row.diff.interval;
    expectValid('compare.schema.json', unnamed);
    const wrong = structuredClone(compare) as typeof unnamed;
    wrong.outcomes.regionalWar!.diff.interval = 't';
    expect(validator('compare.schema.json')(wrong)).toBe(false);
    const sweep = cliJson([
      'sweep',
      '--scenario',
      'tower-22',
      '--runs',
      '3',
      '--seed',
      's4',
      '--workers',
      '1',
      '--param',
      'deterrenceEffect=0.2:0.6:2',
      '--json',
    ]);
    expectValid('sweep.schema.json', sweep);
    expect(sweep.model).toBe(MODEL_VERSION);
  });

  it('a save file (brink.save/4) validates against save.schema.json, a hot-seat one with a sealed order too', () => {
    const scenario = loadScenario('tower-22');
    const state = playGame(scenario, { seed: 's5', us: getPolicy('historical', 'us'), iran: getPolicy('hawk', 'iran') });
    expectValid('save.schema.json', JSON.parse(saveText(buildSave(state, { side: 'us', opponent: 'hawk' }))));
    expectValid('save.schema.json', JSON.parse(saveText(buildSave(state, { side: 'both', opponent: null, sealed: ['us'] }))));
  });

  it('rejects what the contracts reject: a wrong contract version, a missing model version, an unknown field', () => {
    const run = cliJson(['run', '--scenario', 'tower-22', '--seed', 's6', '--json']);
    const validate = validator('run.schema.json');
    expect(validate({ ...run, schema: 'brink.run/1' })).toBe(false);
    const { model: _model, ...noModel } = run;
    expect(validate(noModel)).toBe(false);
    expect(validate({ ...run, extra: 1 })).toBe(false);
  });
});

describe('versions', () => {
  it('brink --version prints the version of package.json, which the model version starts with', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    const r = brink(['--version']);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe(pkg.version);
    expect(MODEL_VERSION.startsWith(`${pkg.version}+`)).toBe(true);
  });
});
