/**
 * `npm run bench -- --against COMMIT`: interleaved A/B runs of games per CPU-second, this tree (B)
 * against COMMIT (A), so that the machine's load, which varies by ±25 % from minute to minute on a
 * shared machine, hits both alike. COMMIT is checked out into a temporary git worktree with its own
 * node_modules (a link to this tree's when the lock files agree, else `npm ci`); each run is a fresh
 * process that drives that tree's own command line, `brink batch --scenario october-2023 --workers 1
 * --json`, in process, and counts the CPU time of the whole process (main thread and worker). Pairs
 * alternate their order (A B, B A, …); the result is the median of the per-pair ratios B ÷ A.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

interface Io {
  out(s: string): void;
  err(s: string): void;
}

/** One measurement, in a fresh process: `tree`'s batch command line, warmed up, then `runs` games. */
export async function abChild(tree: string, runs: number): Promise<void> {
  // What `brink` runs in that tree: its compiled build when it has one (from 196efe0 on, bin/brink runs
  // dist/, and the batch's workers load dist/ too), else its TypeScript sources through tsx.
  const compiled = join(tree, 'dist/cli/main.js');
  const entry = existsSync(compiled) ? compiled : join(tree, 'src/cli/main.ts');
  const { main } = (await import(pathToFileURL(entry).href)) as { main(argv: readonly string[], io?: Io): Promise<number> };
  const out: string[] = [];
  const io: Io = { out: (s) => out.push(s), err: (s) => out.push(s) };
  const args = (n: number, seed: string) => [
    'batch',
    '--scenario',
    'october-2023',
    '--runs',
    String(n),
    '--seed',
    seed,
    '--workers',
    '1',
    '--json',
  ];
  if ((await main(args(50, 'warm'), io)) !== 0) throw new Error(`warm-up failed: ${out.join('\n')}`);
  out.length = 0;
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const code = await main(args(runs, 'ab'), io);
  const c = process.cpuUsage(c0);
  const wall = (performance.now() - t0) / 1000;
  if (code !== 0) throw new Error(`batch failed: ${out.join('\n')}`);
  const games = (JSON.parse(out.join('')) as { runs: number }).runs;
  process.stdout.write(JSON.stringify({ games, cpu: (c.user + c.system) / 1e6, wall }));
}

function measure(tree: string, runs: number): { games: number; cpu: number; wall: number } {
  const bin = fileURLToPath(new URL('../bin/brink-bench', import.meta.url));
  const child = spawnSync(process.execPath, [...process.execArgv, bin, '--ab-child', tree, String(runs)], {
    cwd: tree,
    encoding: 'utf8',
    maxBuffer: 1 << 24,
  });
  if (child.status !== 0) throw new Error(`measurement in ${tree} failed: ${child.stderr}`);
  return JSON.parse(child.stdout) as { games: number; cpu: number; wall: number };
}

const git = (...args: string[]) => execFileSync('git', ['-C', ROOT, ...args], { encoding: 'utf8' }).trim();

export async function against(commit: string, { pairs, runs }: { pairs: number; runs: number }): Promise<void> {
  const sha = git('rev-parse', '--verify', `${commit}^{commit}`);
  // This tree's compiled build must be its sources of now, not of the last `npm ci`.
  const own = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts?: Record<string, string> };
  if (own.scripts?.build) execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
  const here = git('rev-parse', '--short', 'HEAD') + (git('status', '--porcelain', '--untracked-files=no') ? ' + uncommitted changes' : '');
  const tree = mkdtempSync(join(tmpdir(), 'brink-ab-'));
  rmSync(tree, { recursive: true });
  git('worktree', 'add', '--detach', tree, sha);
  try {
    const sameLock = readFileSync(join(ROOT, 'package-lock.json'), 'utf8') === readFileSync(join(tree, 'package-lock.json'), 'utf8');
    if (sameLock && existsSync(join(ROOT, 'node_modules'))) {
      symlinkSync(join(ROOT, 'node_modules'), join(tree, 'node_modules'), 'dir');
      const pkg = JSON.parse(readFileSync(join(tree, 'package.json'), 'utf8')) as { scripts?: Record<string, string> };
      if (pkg.scripts?.prepare) execFileSync('npm', ['run', 'prepare'], { cwd: tree, stdio: 'inherit' });
    } else {
      execFileSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: tree, stdio: 'inherit' });
    }
    console.log(
      `Brink A/B · games per CPU-second of \`brink batch --scenario october-2023 --runs ${runs} --workers 1\` (whole process, warmed up)`,
    );
    console.log(`A = ${commit} (${sha.slice(0, 7)}) · B = this tree (${here}) · ${pairs} interleaved pairs`);
    console.log('  pair  order      A games/cpu-s   B games/cpu-s   B ÷ A');
    const ratios: number[] = [];
    const as: number[] = [];
    const bs: number[] = [];
    for (let p = 0; p < pairs; p++) {
      const order = p % 2 === 0 ? ['A', 'B'] : ['B', 'A'];
      const rate = new Map<string, number>();
      for (const which of order) {
        const m = measure(which === 'A' ? tree : ROOT, runs);
        rate.set(which, m.games / m.cpu);
      }
      const a = rate.get('A')!;
      const b = rate.get('B')!;
      as.push(a);
      bs.push(b);
      ratios.push(b / a);
      console.log(
        `  ${String(p + 1).padStart(4)}  ${order.join(' then ')}   ${a.toFixed(0).padStart(13)}   ${b.toFixed(0).padStart(13)}   ${(b / a).toFixed(2)}×`,
      );
    }
    console.log(
      `  median              ${median(as).toFixed(0).padStart(13)}   ${median(bs).toFixed(0).padStart(13)}   ${median(ratios).toFixed(2)}× (median of the pairs' ratios)`,
    );
    console.log(`Command: npm run bench -- --against ${commit} --pairs ${pairs} --runs ${runs}`);
  } finally {
    git('worktree', 'remove', '--force', tree);
  }
}
