/**
 * The package as another project gets it: `npm pack`, then an install into a temporary project, offline,
 * from the tarball and the npm cache (the project's dependencies are there since `npm ci`). The
 * project's lock file is made from this repository's, so the installed dependencies are the tested ones
 * and npm needs no registry metadata. Then, as a user would: the documented example
 * (docs/examples/library) plays a game with its own bot through the package name, the installed `brink`
 * command takes that bot with --policy-module, every output validates against the shipped JSON Schemas,
 * and a TypeScript program type-checks against the shipped declarations. One pack, one install.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.ts';

interface PackFile {
  path: string;
}
const work = mkdtempSync(join(tmpdir(), 'brink-pack-'));
const project = join(work, 'consumer');
let files: string[] = [];

function run(cmd: string, args: string[], cwd: string) {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', npm_config_update_notifier: 'false' } });
  expect(r.status, `${cmd} ${args.join(' ')}\n${r.stderr}`).toBe(0);
  return r.stdout;
}

/** A lock file for a project that depends on the tarball alone: brink's own production dependencies, as locked here. */
function consumerLock(tarball: string): object {
  const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as {
    packages: Record<string, { dev?: boolean; dependencies?: Record<string, string> }>;
  };
  const self = lock.packages['']!;
  const packages: Record<string, unknown> = {
    '': { name: 'consumer', dependencies: { brink: `file:${tarball}` } },
    'node_modules/brink': {
      version: JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version,
      resolved: `file:${tarball}`,
      dependencies: self.dependencies,
      bin: { brink: 'bin/brink' },
    },
  };
  for (const [key, entry] of Object.entries(lock.packages)) if (key.startsWith('node_modules/') && !entry.dev) packages[key] = entry;
  return { name: 'consumer', lockfileVersion: 3, requires: true, packages };
}

function schemaValidator(file: string) {
  // The schemas as the installed package ships them, reached through its exports ('brink/schemas/*').
  const path = createRequire(join(project, 'index.js')).resolve(`brink/schemas/${file}`);
  expect(path.startsWith(join(project, 'node_modules', 'brink'))).toBe(true);
  return new Ajv2020({ strict: true, allErrors: true }).compile(JSON.parse(readFileSync(path, 'utf8')));
}
function expectValid(file: string, data: unknown): void {
  const validate = schemaValidator(file);
  expect(validate(data), `${file}: ${JSON.stringify(validate.errors?.slice(0, 3))}`).toBe(true);
}

beforeAll(() => {
  // dist/ is current (test/helpers/global-setup.ts), so the pack skips `prepare`.
  const packed = JSON.parse(run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', work], ROOT)) as {
    filename: string;
    files: PackFile[];
  }[];
  files = packed[0]!.files.map((f) => f.path);
  const tarball = join(work, packed[0]!.filename);
  mkdirSync(project);
  writeFileSync(
    join(project, 'package.json'),
    JSON.stringify({ name: 'consumer', private: true, type: 'module', dependencies: { brink: `file:${tarball}` } }),
  );
  writeFileSync(join(project, 'package-lock.json'), JSON.stringify(consumerLock(tarball)));
  run('npm', ['ci', '--offline', '--no-audit', '--no-fund'], project);
  for (const f of readdirSync(join(ROOT, 'docs/examples/library'))) copyFileSync(join(ROOT, 'docs/examples/library', f), join(project, f));
});

describe('the packed package', () => {
  it('ships the build, the sources, the scenarios, the evidence and the schemas, and no tests', () => {
    for (const f of [
      'bin/brink',
      'dist/api/index.js',
      'dist/api/index.d.ts',
      'dist/batch/worker.js',
      'dist/analysis/uncertainty/eval-worker.js',
      'calibration/posterior.json',
      'schemas/batch.schema.json',
      'scenarios/tower-22.yaml',
      'seeds/facts.yaml',
      'docs/library.md',
    ]) {
      expect(files, f).toContain(f);
    }
    expect(
      files.filter((f) => f.startsWith('test/') || f.includes('.test.') || f.endsWith('.tsbuildinfo') || f.endsWith('-tsx.mjs')),
    ).toEqual([]);
  });

  it('the documented example plays a game with its own bot by importing brink, and its output fits the schema', () => {
    const out = run(process.execPath, ['play.mjs', '7', 'game.json'], project);
    expect(out).toMatch(/seed 7: .+ after \d+ turns/);
    const game = JSON.parse(readFileSync(join(project, 'game.json'), 'utf8'));
    expect(game.policies).toEqual({ us: 'measured', iran: 'historical' });
    expectValid('run.schema.json', game);
  });

  it('the installed brink command takes the bot with --policy-module, in worker threads too', () => {
    const bin = join(project, 'node_modules', '.bin', 'brink');
    const batch = JSON.parse(
      run(
        bin,
        [
          'batch',
          '--scenario',
          'tower-22',
          '--runs',
          '8',
          '--workers',
          '2',
          '--policy-module',
          'measured.mjs',
          '--us-policy',
          'measured',
          '--json',
        ],
        project,
      ),
    );
    expect(batch.policies.us).toBe('measured');
    expect(batch.runs).toBe(8);
    expectValid('batch.schema.json', batch);
    expect(batch.model.startsWith(`${run(bin, ['--version'], project).trim()}+`)).toBe(true);
  });

  it('the installed brink command runs a game, compares and sweeps, and each output fits its shipped schema', () => {
    const bin = join(project, 'node_modules', '.bin', 'brink');
    expectValid('run.schema.json', JSON.parse(run(bin, ['run', '--scenario', 'tower-22', '--seed', '3', '--json'], project)));
    expectValid(
      'compare.schema.json',
      JSON.parse(
        run(
          bin,
          [
            'compare',
            '--scenario',
            'tower-22',
            '--runs',
            '6',
            '--workers',
            '1',
            '--policy-module',
            'measured.mjs',
            '--us-policy-b',
            'measured',
            '--json',
          ],
          project,
        ),
      ),
    );
    expectValid(
      'sweep.schema.json',
      JSON.parse(
        run(
          bin,
          ['sweep', '--scenario', 'tower-22', '--runs', '4', '--workers', '1', '--param', 'deterrenceEffect=0.2:0.6:2', '--json'],
          project,
        ),
      ),
    );
  });

  it('a TypeScript program type-checks against the shipped declarations', () => {
    writeFileSync(
      join(project, 'bot.ts'),
      [
        "import { BUILTIN_POLICIES, loadScenario, playGame, runRecord, type Policy, type PolicyFactory } from 'brink';",
        "import type { Observation } from 'brink/engine';",
        "import { startBatch, type BatchJson } from 'brink/batch';",
        "const first: Policy = { id: 'first', name: 'First', description: 'the first legal action', choose: (obs: Observation) => obs.legal[0]! };",
        'export const policies: Record<string, PolicyFactory> = { first: () => first };',
        'const bots = BUILTIN_POLICIES.with(Object.entries(policies));',
        "const state = playGame(loadScenario('tower-22'), { seed: '1', us: bots.get('first', 'us'), iran: bots.get('historical', 'iran') });",
        "export const format: string = runRecord(state, { us: 'first', iran: 'historical' }).schema;",
        'export type Summary = BatchJson;',
        'export const start = startBatch;',
        // The declarations are real types, not `any`: a bot that returns a number is refused.
        '// @ts-expect-error choose returns an action ID',
        "export const bad: Policy = { id: 'bad', name: 'Bad', description: 'returns a number', choose: () => 3 };",
        '',
      ].join('\n'),
    );
    writeFileSync(
      join(project, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          module: 'nodenext',
          moduleResolution: 'nodenext',
          target: 'es2022',
          strict: true,
          noEmit: true,
          skipLibCheck: true,
          types: ['node'],
          typeRoots: [join(ROOT, 'node_modules/@types')],
        },
        files: ['bot.ts'],
      }),
    );
    const tsc = createRequire(join(ROOT, 'package.json')).resolve('typescript/bin/tsc');
    run(process.execPath, [tsc, '-p', project], project);
  });
});
