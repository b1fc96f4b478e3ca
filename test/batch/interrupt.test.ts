/**
 * Nothing is lost: Ctrl-C stops a batch with every finished game written as a whole line and a summary
 * printed; --resume then reaches the very JSON (and the same file content) an uninterrupted run gives.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, watch, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BatchSchema, CompareSchema, GameRecordSchema } from '../../src/batch/contract.ts';
import { MODEL_VERSION } from '../../src/model/version.ts';
import { BIN, ROOT, brink, brinkAsync } from '../helpers/cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'brink-interrupt-'));
// Chunks are runs / (workers × 8) games (src/batch/run-arms.ts), so the first games reach the file when
// about 1/16 of the batch is done: a signal sent on the file's first change that holds a whole game always
// finds the batch still running, however loaded the machine is.
const RUNS = '400';
const base = ['batch', '--scenario', 'october-2023', '--runs', RUNS, '--seed', 'int', '--workers', '2', '--json'];

function lines(path: string): string[] {
  return existsSync(path)
    ? readFileSync(path, 'utf8')
        .split('\n')
        .filter((l) => l !== '')
    : [];
}

/**
 * Starts a batch in a directory of its own and sends the signal as soon as a finished game is on disk:
 * driven by the directory's change events (inotify), not by a timer, so no load can make it miss.
 * Resolves with its exit and output.
 */
function interrupted(
  out: string,
  signal: NodeJS.Signals = 'SIGINT',
  extra: readonly string[] = [],
  { command = base, linesBefore = 0 }: { command?: readonly string[]; linesBefore?: number } = {},
): Promise<{ code: number | null; stdout: string; stderr: string; linesAtSignal: number }> {
  return new Promise((resolve, reject) => {
    let linesAtSignal = -1;
    const watcher = watch(dirname(out), () => {
      const n = lines(out).length;
      // `linesBefore`: lines written before any game finishes (a part file's header).
      if (n >= linesBefore + 1 && linesAtSignal < 0) {
        linesAtSignal = n;
        child.kill(signal);
      }
    });
    const child = spawn(process.execPath, [BIN, ...command, '--out', out, ...extra], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => {
      watcher.close();
      resolve({ code, stdout, stderr, linesAtSignal });
    });
  });
}

describe('interrupting and resuming a batch', () => {
  it('keeps every finished game, prints the summary, and --resume equals an uninterrupted run', async () => {
    const out = join(mkdtempSync(join(dir, 'int-')), 'games.jsonl');
    const full = join(dir, 'full.jsonl');
    // The uninterrupted run to compare with runs beside the interrupted one: they share nothing.
    const [stop, straight] = await Promise.all([interrupted(out), brinkAsync([...base, '--out', full])]);
    expect(stop.linesAtSignal, 'the batch finished before it could be interrupted').toBeGreaterThan(0);
    expect(stop.code, stop.stderr).toBe(130);
    expect(stop.stderr).toContain('--resume');

    const text = readFileSync(out, 'utf8');
    expect(text.endsWith('\n')).toBe(true);
    const written = lines(out);
    for (const l of written) expect(GameRecordSchema.safeParse(JSON.parse(l)).success).toBe(true);
    const partial = JSON.parse(stop.stdout);
    expect(BatchSchema.safeParse(partial).success).toBe(true);
    expect(partial.complete).toBe(false);
    expect(partial.runs).toBe(written.length); // the summary covers exactly the games on disk
    expect(partial.runs).toBeLessThan(Number(RUNS));
    expect(new Set(written.map((l) => JSON.parse(l).index)).size).toBe(written.length);

    const resumed = brink([...base, '--out', out, '--resume']);
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(straight.code, straight.stderr).toBe(0);
    expect(resumed.stdout).toBe(straight.stdout);
    expect(JSON.parse(resumed.stdout).complete).toBe(true);
    // The same games on disk (the interrupted run may have flushed a few out of order).
    expect([...lines(out)].sort()).toEqual([...lines(full)].sort());
  });

  it('handles SIGTERM (what Kubernetes and Slurm send) like Ctrl-C: games kept, summary printed, no temporary file left, exit 143', async () => {
    const sub = mkdtempSync(join(dir, 'term-'));
    const out = join(sub, 'games.jsonl');
    const csv = join(sub, 'games.csv');
    const stop = await interrupted(out, 'SIGTERM', ['--csv', csv]);
    expect(stop.linesAtSignal, 'the batch finished before it could be stopped').toBeGreaterThan(0);
    expect(stop.code, stop.stderr).toBe(143);
    expect(stop.stderr).toMatch(/stopped by SIGTERM after \d+ of 400 games/);
    const partial = JSON.parse(stop.stdout);
    expect(BatchSchema.safeParse(partial).success).toBe(true);
    expect(partial.complete).toBe(false);
    const written = lines(out);
    expect(partial.runs).toBe(written.length);
    expect(written.length).toBeGreaterThanOrEqual(stop.linesAtSignal);
    // The CSV was completed under its own name with the same games, and nothing else is left behind.
    expect(readdirSync(sub).sort()).toEqual(['games.csv', 'games.jsonl']);
    expect(lines(csv).length).toBe(written.length + 1);
  });

  it('an interrupted compare says, as batch does, how many of the pairs asked for finished, and INCOMPLETE, in text and JSON', async () => {
    const compare = ['compare', '--scenario', 'october-2023', '--runs', RUNS, '--seed', 'int', '--us-policy-b', 'hawk', '--workers', '2'];
    const run = (json: boolean) => {
      const out = join(mkdtempSync(join(dir, 'cmp-')), 'pairs.jsonl');
      return interrupted(out, 'SIGTERM', json ? ['--json'] : [], { command: compare, linesBefore: 1 });
    };
    const [text, json] = await Promise.all([run(false), run(true)]);
    for (const r of [text, json]) {
      expect(r.linesAtSignal, 'the compare finished before it could be stopped').toBeGreaterThan(1);
      expect(r.code, r.stderr).toBe(143);
    }
    const j = CompareSchema.parse(JSON.parse(json.stdout));
    expect(j.complete).toBe(false);
    expect(j.requested).toBe(Number(RUNS));
    expect(j.runs).toBeGreaterThan(0);
    expect(j.runs).toBeLessThan(Number(RUNS));
    expect(text.stdout).toMatch(new RegExp(`^Brink compare · \\d+ of ${RUNS} paired games · INCOMPLETE · seed int `));
  });

  it('refuses to resume from a file written by another batch', () => {
    const out = join(dir, 'other.jsonl');
    expect(brink(['batch', '--scenario', 'tower-22', '--runs', '10', '--seed', 'a', '--workers', '1', '--out', out]).code).toBe(0);
    const r = brink(['batch', '--scenario', 'tower-22', '--runs', '10', '--seed', 'b', '--workers', '1', '--out', out, '--resume']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/seed/);
    const p = brink([
      'batch',
      '--scenario',
      'tower-22',
      '--runs',
      '10',
      '--seed',
      'a',
      '--us-policy',
      'hawk',
      '--workers',
      '1',
      '--out',
      out,
      '--resume',
    ]);
    expect(p.code).toBe(2);
    expect(p.stderr).toMatch(/policies/);
  });

  it('refuses to resume games played by another model version, or by a Brink that did not record one, and leaves the file as it is', () => {
    const out = join(dir, 'model.jsonl');
    const args = ['batch', '--scenario', 'tower-22', '--runs', '6', '--seed', 'm', '--workers', '1', '--out', out];
    expect(brink([...args.slice(0, 4), '3', ...args.slice(5)]).code).toBe(0);
    const games = lines(out).map((l) => JSON.parse(l));
    expect(games.map((g) => g.model)).toEqual([MODEL_VERSION, MODEL_VERSION, MODEL_VERSION]);
    // The same file as an interrupted batch leaves it, played by this model: it resumes.
    const own = join(dir, 'model-own.jsonl');
    writeFileSync(own, games.map((g) => `${JSON.stringify(g)}\n`).join(''));
    const ok = brink([...args.slice(0, -1), own, '--resume']);
    expect(ok.code, ok.stderr).toBe(0);
    expect(lines(own)).toHaveLength(6);

    const other = games.map((g) => `${JSON.stringify({ ...g, model: '0.0.1+0123456789ab' })}\n`).join('');
    writeFileSync(out, other);
    const r = brink([...args, '--resume']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`model.jsonl:1: played by model 0.0.1+0123456789ab, but this Brink is model ${MODEL_VERSION}`);
    expect(r.stderr).toContain('play the batch again into a new --out file');
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(readFileSync(out, 'utf8')).toBe(other);

    const unversioned = games.map(({ model: _, ...g }) => `${JSON.stringify(g)}\n`).join('');
    writeFileSync(out, unversioned);
    const old = brink([...args, '--resume']);
    expect(old.code).toBe(2);
    expect(old.stderr).toContain(
      "model.jsonl:1: records no model version (it was written by an older Brink), so its games cannot be shown to be this model's",
    );
    expect(readFileSync(out, 'utf8')).toBe(unversioned);
  });
});
