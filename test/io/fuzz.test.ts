/**
 * Fuzzing the CLI's surface (issue 13): random command lines, mutated scenario files and corrupted
 * JSONL resume files. For every input: exit 0 or 2, never 1 for a user error, never a stack trace;
 * on failure, no existing file is modified; memory stays under a bound. The CLI runs in this process
 * (`main(argv)`), so each property tries dozens of inputs in seconds.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { playRecord, type GameRecord } from '../../src/batch/record.ts';
import { readPrevious, ResumeError, type BatchIdentity } from '../../src/batch/resume.ts';
import { gameSeed } from '../../src/batch/seeds.ts';
import { IoError } from '../../src/io/errors.ts';
import { MODEL_VERSION } from '../../src/model/version.ts';
import { MiB } from '../../src/io/read.ts';
import { getPolicy } from '../../src/policies/index.ts';
import { loadScenario, SCENARIO_DIR } from '../../src/scenario/loader.ts';
import { runMain, snapshot, STACK } from './run-main.ts';

const dir = mkdtempSync(join(tmpdir(), 'brink-fuzz-'));
const at = (name: string) => join(dir, name);

/** Files that exist before each command; none may change when the command fails. */
const KEPT = {
  'notes.txt': 'notes\nline two',
  'data.json': '{"a":1}',
  'runs.jsonl': '{"schema":"brink.game/1"}\n',
  'page.html': '<p>mine</p>\n',
};
function writeKept(): void {
  for (const [name, text] of Object.entries(KEPT)) writeFileSync(at(name), text);
  mkdirSync(at('adir'), { recursive: true });
}

function expectClean(r: { code: number; stderr: string }, argv: readonly string[]): void {
  expect([0, 2], `${JSON.stringify(argv)}\n${r.stderr}`).toContain(r.code);
  expect(r.stderr, JSON.stringify(argv)).not.toMatch(STACK);
  expect(r.stderr, JSON.stringify(argv)).not.toMatch(/internal error/);
}

describe('fuzzed command lines', () => {
  // Paths that are hostile or unlucky as inputs or outputs.
  const path = fc.constantFrom(
    '-',
    '/dev/stdout',
    '/dev/zero',
    '/dev/full',
    '/dev/null',
    '',
    at('adir'),
    at('notes.txt'),
    at('data.json'),
    at('runs.jsonl'),
    at('page.html'),
    at('missing/deeper/x'),
    at('new-file.out'),
    '/proc/self',
    'tower-22',
    'toString',
    '__proto__',
  );
  const value = fc.oneof(
    path,
    fc.constantFrom(
      '0',
      '-1',
      '1e308',
      '0x10',
      'NaN',
      'Infinity',
      "it's",
      '2',
      '5',
      '100000000',
      'hawk',
      'historical',
      'dove',
      'constructor',
      'valueOf',
      'fatalityPerAttack=0x10',
      'fatalityPerAttack=0.01',
      '__proto__=1',
      'x=1',
      '=',
      'us',
      'iran',
      'both',
    ),
    fc.string({ maxLength: 12 }),
  );
  const flag = fc.constantFrom(
    '--scenario',
    '--seed',
    '--us-policy',
    '--iran-policy',
    '--runs',
    '--workers',
    '--param',
    '--out',
    '--csv',
    '--resume',
    '--json',
    '--from',
    '--compare',
    '--side',
    '--load',
    '--opponent',
    '--policy-module',
    '--bogus',
    '-x',
  );
  const tokens = fc
    .array(
      fc.oneof(
        fc.tuple(flag, value).map(([f, v]) => [f, v]),
        flag.map((f) => [f]),
        value.map((v) => [v]),
      ),
      { maxLength: 6 },
    )
    .map((parts) => parts.flat());

  beforeAll(writeKept);

  it('run and scenarios: exit 0 or 2, no stack, no existing file changed on failure', async () => {
    const before = process.memoryUsage().heapUsed;
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(
          ['run', '--scenario', 'tower-22'],
          ['scenarios', 'validate'],
          ['scenarios', 'show'],
          ['scenarios', 'list'],
          ['scenarios', 'schema'],
        ),
        tokens,
        async (cmd, rest) => {
          // The search bot thinks for seconds a turn: fuzzing the flags does not need it.
          fc.pre(!rest.includes('search'));
          writeKept();
          const kept = snapshot(dir);
          const argv = [...cmd, ...rest];
          const r = await runMain(argv);
          expectClean(r, argv);
          if (r.code !== 0) expect(snapshot(dir), JSON.stringify(argv)).toEqual(kept);
        },
      ),
      { numRuns: 60, seed: 13 },
    );
    expect((process.memoryUsage().heapUsed - before) / MiB).toBeLessThan(300);
  });

  it('batch, report: every malformed command line is refused before a game is played', async () => {
    // A bad --runs value keeps each case from playing; the rest of the line is fuzzed around it.
    const badRuns = fc.constantFrom('0', '-5', '1e3', '0x10', '100000001', 'many', '');
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('batch', 'report', 'compare', 'sweep'), badRuns, tokens, async (cmd, runs, rest) => {
        writeKept();
        const kept = snapshot(dir);
        const argv = [cmd, ...rest, '--runs', runs];
        const r = await runMain(argv);
        expectClean(r, argv);
        expect(r.code, JSON.stringify(argv)).toBe(2);
        expect(snapshot(dir), JSON.stringify(argv)).toEqual(kept);
      }),
      { numRuns: 80, seed: 31 },
    );
  });

  it('batch output flags: bad or clashing paths are refused before playing, files untouched', async () => {
    // --out is always a path that must be refused (a device, a directory, a file that is not a batch
    // file); --csv is anything, so the two checks meet in every order.
    const badOut = fc.constantFrom(
      '/dev/zero',
      '/dev/full',
      '/dev/null',
      '',
      at('adir'),
      at('notes.txt'),
      at('data.json'),
      at('runs.jsonl'),
      at('page.html'),
      at('missing/x'),
    );
    const anyCsv = fc.constantFrom(
      '-',
      '/dev/stdout',
      '/dev/zero',
      '',
      at('adir'),
      at('notes.txt'),
      at('data.json'),
      at('runs.jsonl'),
      at('missing/x'),
      at('new.csv'),
    );
    await fc.assert(
      fc.asyncProperty(badOut, anyCsv, fc.boolean(), fc.boolean(), async (out, csv, resume, json) => {
        const argv = [
          'batch',
          '--scenario',
          'tower-22',
          '--runs',
          '3',
          '--workers',
          '1',
          '--out',
          out,
          '--csv',
          csv,
          ...(resume ? ['--resume'] : []),
          ...(json ? ['--json'] : []),
        ];
        writeKept();
        const kept = snapshot(dir);
        const r = await runMain(argv);
        expectClean(r, argv);
        expect(r.code, JSON.stringify(argv)).toBe(2);
        expect(snapshot(dir), JSON.stringify(argv)).toEqual(kept);
      }),
      { numRuns: 60, seed: 7 },
    );
  });
});

describe('fuzzed scenario files', () => {
  const shipped = readFileSync(join(SCENARIO_DIR, 'tower-22.yaml'), 'utf8').split('\n');
  const replacement = fc.constantFrom(
    '1e308',
    '-5',
    '20000000',
    '0',
    '-0',
    '.nan',
    '.inf',
    '!foo x',
    '!!binary aGk=',
    '&a 1',
    '*a',
    '*missing',
    '__proto__',
    '{}',
    '[]',
    '{ __proto__: 1 }',
    "'x'",
    '"\\u0000"',
    'null',
    '~',
    'true',
    `'${'x'.repeat(20_000)}'`,
    '[' + '1,'.repeat(200) + '1]',
    '2024-02-30',
    '9999-99-99',
  );
  const mutation = fc.oneof(
    fc.tuple(fc.constant('value' as const), fc.nat(), replacement),
    fc.tuple(fc.constant('drop' as const), fc.nat(), fc.constant('')),
    fc.tuple(
      fc.constant('key' as const),
      fc.nat(),
      fc.constantFrom('__proto__: 1', 'constructor: 1', 'extra: 2', 'turns: 5', 'injects: [' + '{}, '.repeat(150) + '{}]'),
    ),
  );

  it('mutated scenarios validate or give located errors (exit 2), never a crash', async () => {
    const before = process.memoryUsage().heapUsed;
    await fc.assert(
      fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 4 }), async (mutations) => {
        const lines = [...shipped];
        for (const [kind, n, text] of mutations) {
          const i = n % lines.length;
          if (kind === 'drop') lines.splice(i, 1);
          else if (kind === 'key') lines.splice(i, 0, text);
          else lines[i] = lines[i]!.includes(':') ? `${lines[i]!.slice(0, lines[i]!.indexOf(':'))}: ${text}` : text;
        }
        const file = at('mutated.yaml');
        writeFileSync(file, lines.join('\n'));
        const argv = ['scenarios', 'validate', file, join(SCENARIO_DIR, 'rafah.yaml')];
        const r = await runMain(argv);
        expectClean(r, argv);
        // validate reports every file: the good one after a bad one too.
        expect(r.stdout).toMatch(/rafah\.yaml: ok/);
        if (r.code === 2) expect(r.stderr).toMatch(/mutated\.yaml:\d+:\d+ /);
      }),
      { numRuns: 120, seed: 5 },
    );
    expect((process.memoryUsage().heapUsed - before) / MiB).toBeLessThan(300);
  });
});

describe('fuzzed --resume files', () => {
  const scenario = loadScenario('tower-22');
  const batch: BatchIdentity = {
    model: MODEL_VERSION,
    runs: 6,
    seed: 'fz',
    scenarioHash: scenario.hash,
    us: 'historical',
    iran: 'historical',
    params: {},
    turns: scenario.turns,
  };
  let records: GameRecord[] = [];
  beforeAll(() => {
    const arm = { us: getPolicy('historical', 'us'), iran: getPolicy('historical', 'iran'), params: {} };
    records = Array.from({ length: batch.runs }, (_, i) => playRecord(scenario, arm, i, gameSeed(batch.seed, i)));
  });

  /** A line of the file, and whether it belongs to this batch. */
  const corrupt = (r: GameRecord, how: number): string => {
    const j = JSON.parse(JSON.stringify(r));
    switch (how % 11) {
      case 0:
        j.seed = 'other:0';
        break;
      case 1:
        j.index = 99;
        break;
      case 2:
        j.metrics.attacksOnUS = -1;
        break;
      case 3:
        j.metrics.usKilled = 1e12;
        break;
      case 4:
        j.policies.us = 'toString';
        break;
      case 5:
        delete j.series;
        break;
      case 6:
        j.scenario.hash = 'x';
        break;
      case 7:
        j.params = { fatalityPerAttack: 1 };
        break;
      case 8:
        j.model = '0.0.0+000000000000';
        break;
      case 9:
        delete j.model;
        break;
      default:
        return JSON.stringify(r).slice(0, 40);
    }
    return JSON.stringify(j);
  };
  const line = fc.oneof(
    fc.nat(5).map((i) => ({ text: JSON.stringify(records[i]), ok: true })),
    fc.tuple(fc.nat(5), fc.nat()).map(([i, how]) => ({ text: corrupt(records[i]!, how), ok: false })),
    fc.constantFrom('notes', '{"a":1}', '[]', 'null', '{"schema":"brink.game/1"}', '\u0000\u0001').map((text) => ({ text, ok: false })),
    fc
      .string({ maxLength: 30 })
      .filter((s) => !s.includes('\n') && s.trim() !== '')
      .map((text) => ({ text, ok: false })),
  );

  it("a file is read back only when every line is this batch's; otherwise it is left byte for byte", () => {
    fc.assert(
      fc.property(fc.array(line, { maxLength: 8 }), fc.option(fc.nat(5)), fc.nat(200), (lines, tailOf, cut) => {
        const tail = tailOf === null ? '' : JSON.stringify(records[tailOf]).slice(0, 1 + (cut % 150));
        const text = lines.map((l) => `${l.text}\n`).join('') + tail;
        const file = at('resume.jsonl');
        writeFileSync(file, text);
        const finished = new Uint8Array(batch.runs);
        let taken = 0;
        try {
          const n = readPrevious(file, batch, finished, () => taken++);
          // Accepted: every whole line was a record of this batch; only a cut-short tail was dropped.
          expect(lines.every((l) => l.ok)).toBe(true);
          expect(n).toBe(taken);
          expect(n).toBe(new Set(lines.map((l) => JSON.parse(l.text).index)).size);
          expect(readFileSync(file, 'utf8')).toBe(lines.map((l) => `${l.text}\n`).join(''));
        } catch (err) {
          if (!(err instanceof ResumeError || err instanceof IoError)) throw err;
          expect(lines.every((l) => l.ok)).toBe(false);
          expect(readFileSync(file, 'utf8')).toBe(text);
        }
      }),
      { numRuns: 300, seed: 9 },
    );
  });
});
