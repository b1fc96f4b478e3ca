/**
 * Start-up and batch cost of the `brink` command as a user runs it, before and after the compiled
 * build, in one run: "before" is commit 1631d03 (TypeScript compiled at run time by tsx, every command
 * loading Ink, React, zod and xstate up front), extracted with `git archive` and run with this
 * checkout's node_modules; "after" is this checkout's bin/brink (dist/). Each figure is the median of
 * several runs of a fresh process: CPU time (user + system, all threads) and peak RSS, measured inside
 * the process (bench/usage.mjs), so other load on the machine does not inflate them.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureBuilt } from '../scripts/build.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const USAGE = join(ROOT, 'bench', 'usage.mjs');
export const BEFORE_COMMIT = '1631d03';

interface Usage {
  cpuSec: number;
  maxRssMB: number;
}

/** A checkout of the "before" commit sharing this one's node_modules, or undefined when git cannot give it. */
export function checkoutBefore(): { dir: string; cleanup(): void } | undefined {
  const dir = mkdtempSync(join(tmpdir(), 'brink-before-'));
  const r = spawnSync('bash', ['-c', `git -C "${ROOT}" archive ${BEFORE_COMMIT} | tar -x -C "${dir}"`], { encoding: 'utf8' });
  if (r.status !== 0) {
    rmSync(dir, { recursive: true, force: true });
    return undefined;
  }
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

function once(root: string, args: readonly string[]): Usage {
  const file = join(mkdtempSync(join(tmpdir(), 'brink-usage-')), 'usage.json');
  const r = spawnSync(process.execPath, ['--single-threaded-gc', '--import', USAGE, join(root, 'bin', 'brink'), ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, BRINK_BENCH_USAGE: file },
    maxBuffer: 1 << 26,
  });
  if (r.status !== 0) throw new Error(`brink ${args.join(' ')} failed in ${root}: ${r.stderr}`);
  return JSON.parse(readFileSync(file, 'utf8')) as Usage;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export function measure(root: string, args: readonly string[], repeats: number): Usage {
  const runs = Array.from({ length: repeats }, () => once(root, args));
  return { cpuSec: median(runs.map((u) => u.cpuSec)), maxRssMB: median(runs.map((u) => u.maxRssMB)) };
}

export function startupReport(quick: boolean): string[] {
  ensureBuilt();
  const before = checkoutBefore();
  const lines: string[] = [];
  const repeats = quick ? 3 : 7;
  const batchRuns = quick ? 500 : 2000;
  const cases: { label: string; args: string[]; repeats: number }[] = [
    { label: 'brink --help', args: ['--help'], repeats },
    { label: 'brink run (tower-22, seed 1)', args: ['run', '--scenario', 'tower-22', '--seed', '1'], repeats },
    {
      label: `brink batch --runs ${batchRuns} --workers 2`,
      args: ['batch', '--scenario', 'october-2023', '--runs', String(batchRuns), '--seed', 'bench', '--workers', '2', '--json'],
      repeats: quick ? 1 : 3,
    },
  ];
  lines.push(`   command                                   before (${BEFORE_COMMIT}, tsx)    after (compiled)     CPU ratio`);
  try {
    for (const c of cases) {
      const b = before ? measure(before.dir, c.args, c.repeats) : undefined;
      const a = measure(ROOT, c.args, c.repeats);
      const fmt = (u: Usage) => `${u.cpuSec.toFixed(2).padStart(6)} CPU-s ${u.maxRssMB.toFixed(0).padStart(4)} MB`;
      lines.push(
        `   ${c.label.padEnd(40)}  ${b ? fmt(b) : '   (git archive failed)  '}   ${fmt(a)}   ${b ? `${(b.cpuSec / a.cpuSec).toFixed(2)}×` : ''}`,
      );
    }
  } finally {
    before?.cleanup();
  }
  lines.push(
    `   (median of ${repeats} fresh processes for start-up, ${quick ? 1 : 3} for the batch; CPU of all threads, peak RSS of the process)`,
  );
  return lines;
}
