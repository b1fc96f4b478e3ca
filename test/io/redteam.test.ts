/**
 * Issue 13's reproductions, items 1–5 and 8–13 (6 and 7 are about saves), each now refused cleanly:
 * exit 2 (or 1 for a failed write), a message in words, no stack trace, and no file touched.
 * Most run the CLI in this process; what needs a real standard output (/dev/full) spawns it.
 */
import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  closeSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  statSync,
  symlinkSync,
  writeFileSync,
  lstatSync,
  ftruncateSync,
} from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { BIN, ROOT } from '../helpers/cli.ts';
import { BUILTIN_POLICIES } from '../../src/policies/index.ts';
import { appendStream, outputTarget } from '../../src/io/output.ts';
import { ioError, IoError } from '../../src/io/errors.ts';
import { forEachLine, MiB } from '../../src/io/read.ts';
import { runMain, STACK } from './run-main.ts';

const dir = mkdtempSync(join(tmpdir(), 'brink-redteam-'));
const at = (name: string) => join(dir, name);
/** A minimal valid scenario; cases below change one line or add one block. */
const scenarioText = [
  'schema: brink.scenario/1',
  'id: t',
  'title: T',
  'briefing: B',
  'historical: false',
  'start: 2024-01-28',
  'daysPerTurn: 7',
  'turns: 4',
  '',
].join('\n');

function expectUserError(r: { code: number; stderr: string }, message: RegExp): void {
  expect(r.code, r.stderr).toBe(2);
  expect(r.stderr).toMatch(message);
  expect(r.stderr).not.toMatch(STACK);
  expect(r.stderr).not.toMatch(/internal error/);
}

/** The growth of this process's heap while `f` runs, in MiB. */
async function heapGrowth(f: () => Promise<unknown>): Promise<number> {
  const before = process.memoryUsage().heapUsed;
  await f();
  return (process.memoryUsage().heapUsed - before) / MiB;
}

describe('1. --resume never modifies a file before it validates as a batch file', () => {
  it('a text file is refused and left whole', async () => {
    writeFileSync(at('n.txt'), 'notes\nline two');
    expectUserError(await runMain(['batch', '--runs', '10', '--out', at('n.txt'), '--resume']), /n\.txt:1: not a JSON line.*left as it is/);
    expect(readFileSync(at('n.txt'), 'utf8')).toBe('notes\nline two');
  });

  it('a JSON file without a final newline is refused and left whole (it used to be replaced by game records)', async () => {
    writeFileSync(at('f.json'), '{"a":1}');
    expectUserError(await runMain(['batch', '--runs', '10', '--out', at('f.json'), '--resume']), /f\.json:1: not a brink\.game\/1 record/);
    expect(readFileSync(at('f.json'), 'utf8')).toBe('{"a":1}');
  });

  it('a JSON line that is not a record is refused, even when a cut-short line follows it', async () => {
    writeFileSync(at('g.jsonl'), '{"schema":"other"}\n{"sch');
    expectUserError(
      await runMain(['batch', '--runs', '10', '--out', at('g.jsonl'), '--resume']),
      /g\.jsonl:1: not a brink\.game\/1 record/,
    );
    expect(readFileSync(at('g.jsonl'), 'utf8')).toBe('{"schema":"other"}\n{"sch');
  });
});

describe('2. distinct output paths', () => {
  it('--out s.dat --csv s.dat is refused before anything is written', async () => {
    expectUserError(await runMain(['batch', '--runs', '10', '--out', at('s.dat'), '--csv', at('s.dat')]), /same file/);
    expect(existsSync(at('s.dat'))).toBe(false);
  });

  it('so is a symbolic link to the other output, and two outputs on standard output', async () => {
    writeFileSync(at('real.csv'), 'kept\n');
    symlinkSync(at('real.csv'), at('link.csv'));
    const r = await runMain(['batch', '--runs', '10', '--csv', at('real.csv'), '--out', at('link.csv'), '--resume']);
    expectUserError(r, /same file/);
    expect(readFileSync(at('real.csv'), 'utf8')).toBe('kept\n');
    expectUserError(await runMain(['batch', '--runs', '10', '--out', '-', '--csv', '/dev/stdout']), /both write to standard output/);
    expectUserError(await runMain(['batch', '--runs', '10', '--csv', '-', '--json']), /--json and --csv - both write to standard output/);
  });
});

describe('3. a full disk is a message and exit 1, never a stack trace', () => {
  const toDevFull = (args: string[]) => {
    const fd = openSync('/dev/full', 'w');
    try {
      return spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, stdio: ['ignore', fd, 'pipe'], encoding: 'utf8', timeout: 120_000 });
    } finally {
      closeSync(fd);
    }
  };

  it.each([
    [['run', '--scenario', 'tower-22', '--json']],
    [['batch', '--scenario', 'tower-22', '--runs', '2', '--workers', '1', '--json']],
    [['scenarios', 'show', 'tower-22']],
  ])('stdout to /dev/full: %j', (args) => {
    const r = toDevFull(args);
    expect(r.status, r.stderr).toBe(1);
    expect(r.stderr).toMatch(/cannot write to standard output: no space left on device \(ENOSPC\)/);
    expect(r.stderr).not.toMatch(STACK);
  });

  it('a file output on a full disk: the write error names the flag, the file and the reason, exit 1', () => {
    // A target that passed its checks, on a device that is always full.
    const out = appendStream({ kind: 'file', flag: '--out', given: 'runs.jsonl', path: '/dev/full', exists: true }, () => {});
    let caught: unknown;
    try {
      out.write('{"x":1}\n');
      out.commit();
    } catch (err) {
      caught = err;
    }
    out.abort();
    expect(caught).toBeInstanceOf(IoError);
    expect((caught as IoError).message).toBe("--out: cannot write 'runs.jsonl': no space left on device (ENOSPC)");
    expect((caught as IoError).exitCode).toBe(1);
  });
});

describe('4. no unbounded reads: devices are refused before a byte is read', () => {
  it.each([
    [
      ['scenarios', 'validate', '/dev/zero'],
      /^\/dev\/zero:1:1 \(document\): cannot read this scenario file: a character device, not a regular file$/m,
    ],
    [['run', '--scenario', '/dev/zero'], /a character device, not a regular file/],
    [['report', '--from', '/dev/zero', '--out', 'unused.html'], /--from: cannot read '\/dev\/zero': a character device/],
    [['batch', '--runs', '3', '--out', '/dev/zero', '--resume'], /--out: cannot write '\/dev\/zero': a character device/],
    [['batch', '--runs', '3', '--out', '/dev/full', '--resume'], /--out: cannot write '\/dev\/full': a character device/],
  ])('%j', async (args, message) => {
    let r = { code: 0, stdout: '', stderr: '' };
    const growth = await heapGrowth(async () => (r = await runMain(args)));
    expectUserError(r, message);
    expect(growth).toBeLessThan(64);
  });

  it('a FIFO with no writer is refused at once, not waited on', async () => {
    const fifo = at('pipe.yaml');
    spawnSync('mkfifo', [fifo]);
    expectUserError(await runMain(['scenarios', 'validate', fifo]), /a FIFO, not a regular file/);
  });
});

describe('IDs inside files are never paths', () => {
  let batchJson: string;
  beforeAll(async () => {
    const r = await runMain(['batch', '--scenario', 'tower-22', '--runs', '2', '--workers', '1', '--seed', "it's", '--json']);
    expect(r.code, r.stderr).toBe(0);
    batchJson = r.stdout;
  });

  it('a batch JSON naming /dev/zero as its scenario reads no file: the report is written without its scenario', async () => {
    const doc = JSON.parse(batchJson);
    doc.scenario.id = '/dev/zero';
    writeFileSync(at('evil.json'), JSON.stringify(doc));
    const r = await runMain(['report', '--from', at('evil.json'), '--out', at('evil.html')]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/no shipped scenario '\/dev\/zero'/);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^wrote /m);
    expect(readFileSync(at('evil.html'), 'utf8')).toMatch(/^<!doctype html>/i);
  });

  it('13. the replay hint is shell-safe for a seed holding a quote', async () => {
    const r = await runMain(['batch', '--scenario', 'tower-22', '--runs', '2', '--workers', '1', '--seed', "it's"]);
    expect(r.code, r.stderr).toBe(0);
    const hint = /replay one with: (brink run .*)$/m.exec(r.stdout)![1]!.replace('<i>', '1');
    // The shell splits the hint back into the exact words of the command.
    const words = spawnSync('sh', ['-c', `printf '%s\\n' ${hint.slice('brink '.length)}`], { encoding: 'utf8' })
      .stdout.trim()
      .split('\n');
    expect(words).toEqual([
      'run',
      '--scenario',
      'tower-22',
      '--seed',
      "it's:1",
      '--us-policy',
      'historical',
      '--iran-policy',
      'historical',
    ]);
  });
});

describe('5. a large scenario file is refused by size, before parsing', () => {
  it('a 50 MB file: "too large", at once, in little memory', async () => {
    const big = at('big.yaml');
    const fd = openSync(big, 'w');
    writeFileSync(fd, scenarioText);
    ftruncateSync(fd, 50 * 1000 * 1000);
    closeSync(fd);
    let r = { code: 0, stdout: '', stderr: '' };
    const growth = await heapGrowth(async () => (r = await runMain(['scenarios', 'validate', big])));
    expectUserError(r, /too large \(47\.7 MiB; the limit is 1\.0 MiB\)/);
    expect(growth).toBeLessThan(64);
  });
});

describe('8. huge horizons are located errors, and validate reports every file', () => {
  const variant = (name: string, from: RegExp, to: string) => {
    const text = scenarioText.replace(from, to);
    expect(text).not.toBe(scenarioText);
    writeFileSync(at(name), text);
    return at(name);
  };

  it.each([
    ['turns: 1e308', /^turns: .*$/m],
    ['turns: 20000000', /^turns: .*$/m],
    ['daysPerTurn: 1e308', /^daysPerTurn: .*$/m],
  ])('%s', async (line, pattern) => {
    const file = variant(`h-${line.replace(/\W/g, '')}.yaml`, pattern, line);
    const good = at('good.yaml');
    writeFileSync(good, scenarioText);
    const r = await runMain(['scenarios', 'validate', file, good]);
    // The field's own bound, in words, and only that one (not also the largest safe integer).
    expectUserError(
      r,
      new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+:\\d+ ${line.split(':')[0]}: must be at most \\d+$`, 'm'),
    );
    expect(r.stderr).not.toMatch(/9007199254740991|Too big/);
    expect(r.stdout).toMatch(/good\.yaml: ok/);
    expectUserError(await runMain(['run', '--scenario', file]), /^brink: .*: must be at most \d+$/m);
  });
});

describe('9. resuming a large JSONL file streams it', () => {
  it('lines are read in chunks: a 96 MiB file is read in well under its size of memory', async () => {
    const file = at('large.jsonl');
    const line = `${'x'.repeat(MiB - 1)}\n`;
    const fd = openSync(file, 'w');
    for (let i = 0; i < 96; i++) writeFileSync(fd, line);
    closeSync(fd);
    let lines = 0;
    let peak = 0;
    const base = process.memoryUsage().heapUsed;
    forEachLine(file, 'test file', 2 * MiB, () => {
      lines++;
      peak = Math.max(peak, process.memoryUsage().heapUsed - base);
    });
    expect(lines).toBe(96);
    expect(peak / MiB).toBeLessThan(48);
  });

  it('a file of one endless line (a sparse 1 GiB file) is refused after a few MiB', async () => {
    const file = at('endless.jsonl');
    const fd = openSync(file, 'w');
    ftruncateSync(fd, 1024 * MiB);
    closeSync(fd);
    const r = await runMain(['batch', '--runs', '5', '--out', file, '--resume']);
    expectUserError(r, /--out: '.*endless\.jsonl':1: a line longer than 4\.0 MiB/);
    expect(statSync(file).size).toBe(1024 * MiB);
  });

  it('--runs is bounded', async () => {
    expectUserError(await runMain(['batch', '--runs', '100000000']), /--runs must be a whole number from 1 to 10000000/);
  });

  it('a negative count says the range it needs', async () => {
    expectUserError(await runMain(['batch', '--runs', '-5']), /--runs must be a whole number from 1 to 10000000, got -5/);
  });

  it('an unknown scenario ID or a missing file is a flag error, with the shipped IDs and the usage', async () => {
    const id = await runMain(['run', '--scenario', 'nowhere']);
    expectUserError(
      id,
      /--scenario: no scenario 'nowhere' \(shipped: october-2023, rafah, red-sea, tower-22; or give a YAML file's path\)/,
    );
    expect(id.stderr).toMatch(/Usage: brink run/);
    expect(id.stderr).not.toMatch(/1:1 \(document\)/);
    const file = await runMain(['batch', '--scenario', at('missing.yaml'), '--runs', '2']);
    expectUserError(file, /--scenario: no such file '.*missing\.yaml'/);
    expect(file.stderr).toMatch(/Usage: brink batch/);
  });
});

describe('10. policy names that are object members are unknown policies', () => {
  it.each(['toString', 'constructor', '__proto__', 'valueOf', 'hasOwnProperty'])('%s', async (name) => {
    expect(BUILTIN_POLICIES.has(name)).toBe(false);
    expectUserError(await runMain(['run', '--us-policy', name]), new RegExp(`unknown policy '${name}'`));
    expectUserError(await runMain(['batch', '--runs', '2', '--iran-policy', name]), new RegExp(`unknown policy '${name}'`));
  });
});

describe('11. output-path errors are user errors found before playing', () => {
  it('a missing directory, a directory, a dangling link: exit 2, nothing left behind', async () => {
    mkdirSync(at('outdir'));
    symlinkSync(at('nowhere/x'), at('dangling.csv'));
    const before = readdirSync(dir).sort();
    expectUserError(
      await runMain(['batch', '--runs', '10', '--out', at('no/such/dir/x.jsonl')]),
      /the directory '.*no\/such\/dir' does not exist/,
    );
    expectUserError(
      await runMain(['batch', '--runs', '10', '--out', at('outdir')]),
      /--out: cannot write '.*outdir': a directory, not a regular file/,
    );
    expectUserError(
      await runMain(['batch', '--runs', '10', '--csv', at('outdir')]),
      /--csv: cannot write '.*outdir': a directory, not a regular file/,
    );
    expectUserError(await runMain(['batch', '--runs', '10', '--csv', at('dangling.csv')]), /a symbolic link to a file that does not exist/);
    expectUserError(await runMain(['report', '--runs', '10', '--out', at('outdir')]), /a directory, not a regular file/);
    expect(readdirSync(dir).sort()).toEqual(before);
    expect(readdirSync(at('outdir'))).toEqual([]);
    expect(lstatSync(at('dangling.csv')).isSymbolicLink()).toBe(true);
  });

  it('read-only and permission errors read as words with exit 2; a full disk as exit 1', () => {
    for (const [code, words, exit] of [
      ['EROFS', 'read-only file system', 2],
      ['EACCES', 'permission denied', 2],
      ['ENOENT', 'no such file or directory', 2],
      ['EISDIR', 'is a directory', 2],
      ['ENOSPC', 'no space left on device', 1],
      ['EPIPE', 'the reader closed the pipe', 1],
    ] as const) {
      const e = ioError(`--csv: cannot write 'x.csv'`, Object.assign(new Error('raw'), { code }));
      expect(e.message).toBe(`--csv: cannot write 'x.csv': ${words} (${code})`);
      expect(e.exitCode).toBe(exit);
    }
  });

  it('a symbolic link is written through: the link stays, and the file keeps its mode', async () => {
    writeFileSync(at('target.csv'), 'old\n');
    chmodSync(at('target.csv'), 0o640);
    symlinkSync(at('target.csv'), at('via-link.csv'));
    const t = outputTarget('--csv', at('via-link.csv'));
    expect(t.kind === 'file' && t.path).toBe(at('target.csv'));
    const r = await runMain(['batch', '--scenario', 'tower-22', '--runs', '3', '--workers', '1', '--csv', at('via-link.csv')]);
    expect(r.code, r.stderr).toBe(0);
    expect(lstatSync(at('via-link.csv')).isSymbolicLink()).toBe(true);
    expect(statSync(at('target.csv')).mode & 0o777).toBe(0o640);
    expect(readFileSync(at('target.csv'), 'utf8').split('\n')[0]).toMatch(/^model_version,.*,game_index,game_seed,/);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});

describe('issue 12: - means standard output; FIFOs and devices are refused as outputs', () => {
  it('--csv - streams the CSV to stdout, and the summary goes to stderr', async () => {
    const r = await runMain(['batch', '--scenario', 'tower-22', '--runs', '3', '--workers', '1', '--seed', 'std', '--csv', '-']);
    expect(r.code, r.stderr).toBe(0);
    const rows = r.stdout.trim().split('\n');
    expect(rows[0]).toMatch(/^model_version,.*,game_index,game_seed,/);
    const seed = rows[0]!.split(',').indexOf('game_seed');
    expect(rows.slice(1).map((l) => l.split(',')[seed])).toEqual(['std:0', 'std:1', 'std:2']);
    expect(r.stderr).toMatch(/Brink batch · scenario tower-22/);
    expect(existsSync(join(ROOT, '-'))).toBe(false);
  });

  it('a FIFO as --out or --csv is refused without opening it', async () => {
    const fifo = at('out.fifo');
    spawnSync('mkfifo', [fifo]);
    expectUserError(await runMain(['batch', '--runs', '3', '--out', fifo]), /a FIFO, not a regular file/);
    expectUserError(await runMain(['batch', '--runs', '3', '--csv', fifo]), /a FIFO, not a regular file/);
  });
});

describe('12. --workers is capped at 4 per core', () => {
  it('past the cap: exit 2, naming the cap; the help says it', async () => {
    const cap = 4 * availableParallelism();
    expectUserError(
      await runMain(['batch', '--runs', '2', '--workers', String(cap + 1)]),
      new RegExp(`--workers must be a whole number from 1 to ${cap}`),
    );
    expect((await runMain(['batch', '--help'])).stdout).toMatch(/at\s+most\s+4\s+per\s+core/);
  });
});

describe('13. minor', () => {
  it('a single-valued flag given twice is an error', async () => {
    expectUserError(await runMain(['run', '--seed', '1', '--seed', '2']), /--seed was given twice/);
    expectUserError(await runMain(['batch', '--scenario', 'tower-22', '--scenario', 'rafah']), /--scenario was given twice/);
    expectUserError(
      await runMain(['batch', '--param', 'fatalityPerAttack=0.01', '--param', 'fatalityPerAttack=0.02']),
      /fatalityPerAttack was given twice/,
    );
  });

  it.each(['--side', '--seed', '--opponent'])('play --load with %s is refused, not ignored', async (flag) => {
    expectUserError(await runMain(['play', '--load', 'any.save.json', flag, 'us']), new RegExp(`${flag} cannot be combined with --load`));
  });

  it('--param takes decimal numbers only', async () => {
    for (const bad of ['0x10', '0b1', '0o7', 'Infinity', '1_000', '']) {
      expectUserError(await runMain(['batch', '--runs', '2', '--param', `fatalityPerAttack=${bad}`]), /is not a decimal number/);
    }
  });

  it('__proto__ keys in params or context, unknown tags, negative counts: located errors', async () => {
    const cases: [string, RegExp][] = [
      [`${scenarioText}params:\n  __proto__: { fatalityPerAttack: 1 }\n`, /'__proto__' is not allowed as a key/],
      [`${scenarioText}actors:\n  us:\n    context:\n      __proto__: 1\n`, /'__proto__' is not allowed as a key/],
      [scenarioText.replace(/^title: /m, 'title: !wat '), /unknown YAML tag/],
      [`${scenarioText}actors:\n  us:\n    context:\n      killed: -5\n`, /actors\.us\.context\.killed: /],
      [`${scenarioText}actors:\n  us:\n    context:\n      constructor: 1\n`, /'constructor' is not allowed as a key/],
    ];
    for (const [text, message] of cases) {
      writeFileSync(at('case.yaml'), text);
      expectUserError(await runMain(['scenarios', 'validate', at('case.yaml')]), message);
    }
  });

  it('a legitimate file with more than 50 aliases gets a neutral message', async () => {
    const refs = Array.from({ length: 60 }, (_, i) => `  - { date: 2024-02-01, text: *t, cites: [] } # ${i}`).join('\n');
    const text = `${scenarioText.replace(/^briefing: /m, 'briefing: &t ')}injects:\n${refs}\n`;
    writeFileSync(at('aliases.yaml'), text);
    const r = await runMain(['scenarios', 'validate', at('aliases.yaml')]);
    expectUserError(r, /too many alias expansions \(the limit is 50\)/);
    expect(r.stderr).not.toMatch(/attack/i);
  });
});
