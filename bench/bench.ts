/**
 * Brink's benchmark (`npm run bench`):
 *  0. whether the batch path formats text: the state a batch game leaves behind (its events, tasks, …)
 *     and its record are walked for strings with a space in them (sentences; IDs have none);
 *  1. games/s and simulated turns/s on one core, in process, for october-2023 and tower-22 with the
 *     historical bots (wall clock and CPU time both shown: CPU time is what "per core" means when other
 *     work shares the machine);
 *  2. the batch runner with 1 worker and with N workers (N = available cores), in interleaved pairs
 *     (1 then N, then N then 1, …) so that a change in the machine's load hits both alike; medians of
 *     games per CPU-second, of the CPU-time speed-up (N × the ratio of games per CPU-second: what the
 *     wall-clock speed-up is on an otherwise idle machine) and of the wall-clock speed-up;
 *  3. peak memory (RSS high-water mark, process.resourceUsage().maxRSS, which covers the main thread and
 *     every worker thread: they share one process) of a 100,000-game batch and of a 10,000-game one, each
 *     in a fresh process so neither inherits the other's high-water mark;
 *  4. the brink command as a user runs it: start-up CPU time of `brink --help` and `brink run`, and a
 *     batch's CPU time and memory, before (1631d03: tsx at run time, every command loading Ink, React,
 *     zod and xstate) and after the compiled build, in one run (bench/startup.ts).
 *  5. calibration throughput in simulated games per second: `brink calibrate` end to end (calibration.ts).
 * Sections 2 and 3 run the compiled build (built first), as `brink batch` does; --sources runs them from
 * the TypeScript sources instead, each worker loading tsx.
 * Options: --startup (section 4 alone, as --only 4); --quick (smaller counts, for a smoke test); --pairs N (interleaved pairs, default 5); --runs N
 * (games per batch run in 2); --only 0,2 (just those sections);
 * --against COMMIT: instead, A/B games per CPU-second of `brink batch` on october-2023 (1 worker) between
 * COMMIT (checked out into a temporary worktree) and this tree, alternating, --pairs pairs (see ab.ts).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { BUILTIN_POLICIES, getPolicy } from '../src/policies/index.ts';
import { playGame } from '../src/policies/play.ts';
import { loadScenario } from '../src/scenario/loader.ts';
import { playIndex, prepareArms } from '../src/batch/play-arms.ts';
import type { startBatch as StartBatch } from '../src/batch/run-batch.ts';
import { abChild, against, median } from './ab.ts';
import { calibrationSection } from './calibration.ts';
import { startupReport } from './startup.ts';

const argv = process.argv.slice(2);
const quick = argv.includes('--quick');
const flag = (name: string): string | undefined => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
};
const pairs = Number(flag('--pairs') ?? 5);
const only = flag('--only')?.split(',').map(Number);
const section = (n: number) => only === undefined || only.includes(n);

/**
 * The batch runner of sections 2 and 3 as `brink batch` runs it: the compiled build (its workers run plain
 * JavaScript), built first so it is this tree's sources of now. From the sources instead, every worker
 * would load tsx and transpile the engine again, a cost of the development set-up that `brink` never pays
 * and that grows with the number of workers. `--sources` measures that set-up instead.
 */
async function batchRunner(): Promise<typeof StartBatch> {
  const compiled = new URL('../dist/batch/run-batch.js', import.meta.url);
  if (!argv.includes('--sources') && argv[0] !== '--memory-child') {
    execFileSync('npm', ['run', 'build'], { cwd: fileURLToPath(new URL('..', import.meta.url)), stdio: 'ignore' });
  }
  const fromDist = !argv.includes('--sources') && existsSync(fileURLToPath(compiled));
  const mod = (await import(fromDist ? compiled.href : '../src/batch/run-batch.ts')) as { startBatch: typeof StartBatch };
  return mod.startBatch;
}

async function memoryChild(runs: number, workers: number): Promise<void> {
  const startBatch = await batchRunner();
  const scenario = loadScenario('october-2023');
  const t0 = performance.now();
  const run = startBatch({
    scenario,
    scenarioArg: 'october-2023',
    runs,
    seed: 'bench',
    us: 'historical',
    iran: 'historical',
    params: {},
    workers,
    modules: [],
  });
  const r = await run.done;
  const secs = (performance.now() - t0) / 1000;
  // maxRSS is in kilobytes.
  process.stdout.write(JSON.stringify({ runs: r.json.runs, secs, maxRssMB: process.resourceUsage().maxRSS / 1024 }));
}

/**
 * Strings with whitespace in what a batch game leaves behind (its final state but the scenario, and
 * its record), by where they sit (`log[].text`): sentences built on the batch path. IDs have no spaces.
 */
function textOnBatchPath(games: number): { count: number; where: Map<string, number>; carried: number } {
  const arms = prepareArms(
    {
      arms: [{ scenario: 'october-2023', us: 'historical', iran: 'historical', params: {} }],
      scenarios: [loadScenario('october-2023')],
    },
    BUILTIN_POLICIES,
  );
  const where = new Map<string, number>();
  let count = 0;
  let carried = 0;
  // Strings of the scenario itself (an inject's note) are carried along, not built: counted apart.
  const fromScenario = new Set<string>();
  const collect = (v: unknown): void => {
    if (typeof v === 'string') fromScenario.add(v);
    else if (typeof v === 'object' && v !== null) for (const x of Object.values(v)) collect(x);
  };
  collect(arms[0]!.scenario);
  const seen = new Set<object>();
  const walk = (v: unknown, path: string): void => {
    if (typeof v === 'string') {
      if (fromScenario.has(v)) carried++;
      else if (/\s/.test(v)) {
        count++;
        where.set(path, (where.get(path) ?? 0) + 1);
      }
      return;
    }
    if (typeof v !== 'object' || v === null || seen.has(v)) return;
    seen.add(v);
    if (Array.isArray(v)) for (const x of v) walk(x, `${path}[]`);
    else for (const [k, x] of Object.entries(v)) if (!(path === 'state' && k === 'scenario')) walk(x, `${path}.${k}`);
  };
  const arm = arms[0]!;
  for (let i = 0; i < games; i++) {
    walk(playGame(arm.scenario, { seed: `text:${i}`, us: arm.us, iran: arm.iran }), 'state');
    walk(playIndex(arms, 'text', i).records, 'record');
  }
  return { count, where, carried };
}

function singleCore(
  id: string,
  games: number,
): { gamesPerSec: number; gamesPerCpuSec: number; turnsPerSec: number; turnsPerCpuSec: number } {
  const scenario = loadScenario(id);
  const us = getPolicy('historical', 'us');
  const iran = getPolicy('historical', 'iran');
  for (let i = 0; i < Math.min(300, games); i++) playGame(scenario, { seed: `warm:${i}`, us, iran });
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  let turns = 0;
  for (let i = 0; i < games; i++) turns += playGame(scenario, { seed: `bench:${i}`, us, iran }).turn;
  const wall = (performance.now() - t0) / 1000;
  const c = process.cpuUsage(c0);
  const cpu = (c.user + c.system) / 1e6;
  return { gamesPerSec: games / wall, gamesPerCpuSec: games / cpu, turnsPerSec: turns / wall, turnsPerCpuSec: turns / cpu };
}

/** CPU seconds of each thread of this process, by thread ID (Linux; empty elsewhere). */
function threadCpu(): Map<number, number> {
  const out = new Map<number, number>();
  try {
    for (const tid of readdirSync('/proc/self/task')) {
      try {
        const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
        const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        out.set(Number(tid), (Number(f[11]) + Number(f[12])) / 100); // utime + stime, in clock ticks of 10 ms
      } catch {
        // the thread ended meanwhile
      }
    }
  } catch {
    // no /proc
  }
  return out;
}

interface Rate {
  wall: number;
  perCpu: number;
  /** CPU microseconds per game: in the worker threads, the main thread, and the rest (V8's compiler and GC helper threads, libuv). */
  split?: { workers: number; main: number; other: number };
}

/**
 * Wall-clock games/s of a batch, games per CPU-second of the whole process (all threads), and where that
 * CPU went: worker threads (they start with the batch and carry most of it), the main thread (merging
 * the workers' chunks), and the rest.
 */
async function batchRate(startBatch: typeof StartBatch, runs: number, workers: number): Promise<Rate> {
  const scenario = loadScenario('october-2023');
  const before = threadCpu();
  const last = new Map<number, number>();
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const r = await startBatch({
    scenario,
    scenarioArg: 'october-2023',
    runs,
    seed: 'scale',
    us: 'historical',
    iran: 'historical',
    params: {},
    workers,
    modules: [],
    // Worker threads end before the batch does: their last figures are read as chunks arrive.
    onProgress: () => {
      for (const [tid, cpu] of threadCpu()) last.set(tid, cpu);
    },
  }).done;
  const c = process.cpuUsage(c0);
  const cpu = (c.user + c.system) / 1e6;
  for (const [tid, t] of threadCpu()) last.set(tid, t);
  const games = r.json.runs;
  const rate: Rate = { wall: games / ((performance.now() - t0) / 1000), perCpu: games / cpu };
  if (last.size > 0) {
    const main = (last.get(process.pid) ?? 0) - (before.get(process.pid) ?? 0);
    let inWorkers = 0;
    for (const [tid, t] of last) if (!before.has(tid) && t > 0.1 * cpu) inWorkers += t;
    const us = (x: number) => (x / games) * 1e6;
    rate.split = { workers: us(inWorkers), main: us(main), other: us(Math.max(0, cpu - inWorkers - main)) };
  }
  return rate;
}

function fresh(runs: number, workers: number): { runs: number; secs: number; maxRssMB: number } {
  const bin = fileURLToPath(new URL('../bin/brink-bench', import.meta.url));
  const child = spawnSync(process.execPath, [...process.execArgv, bin, '--memory-child', String(runs), String(workers)], {
    encoding: 'utf8',
    maxBuffer: 1 << 20,
  });
  if (child.status !== 0) throw new Error(`memory run failed: ${child.stderr}`);
  return JSON.parse(child.stdout) as { runs: number; secs: number; maxRssMB: number };
}

const fmt = (x: number) => x.toFixed(0).padStart(7);

if (argv[0] === '--memory-child') {
  await memoryChild(Number(argv[1]), Number(argv[2]));
} else if (argv[0] === '--ab-child') {
  await abChild(argv[1]!, Number(argv[2]));
} else if (argv.includes('--startup')) {
  console.log(`Brink bench · start-up · node ${process.version} · load average ${loadavg()[0]!.toFixed(2)}${quick ? ' · QUICK' : ''}`);
  for (const line of startupReport(quick)) console.log(line);
} else if (flag('--against') !== undefined) {
  await against(flag('--against')!, { pairs, runs: Number(flag('--runs') ?? (quick ? 1_000 : 4_000)) });
} else {
  const cores = availableParallelism();
  console.log(
    `Brink bench · node ${process.version} · ${cores} cores available · load average ${loadavg()[0]!.toFixed(2)}${quick ? ' · QUICK' : ''}`,
  );

  if (section(0)) {
    const text = textOnBatchPath(quick ? 5 : 20);
    console.log(`\n0. Text formatted on the batch path (${quick ? 5 : 20} october-2023 games: final state and record)`);
    if (text.count === 0)
      console.log(
        `   none: no string with a space built anywhere in the games' states or records (${text.carried} strings carried from the scenario file as they are)`,
      );
    else
      console.log(
        `   YES: ${text.count} strings with spaces, at ${[...text.where]
          .sort((a, b) => b[1] - a[1])
          .slice(0, 4)
          .map(([p, n]) => `${p} (${n})`)
          .join(', ')}`,
      );
  }

  if (section(1)) {
    console.log('\n1. One core, in process (historical vs historical)');
    console.log('   scenario        games/s  games/cpu-s   turns/s  turns/cpu-s');
    for (const id of ['october-2023', 'tower-22']) {
      const r = singleCore(id, quick ? 500 : id === 'tower-22' ? 20_000 : 5_000);
      console.log(
        `   ${id.padEnd(13)} ${fmt(r.gamesPerSec)}  ${fmt(r.gamesPerCpuSec)}     ${fmt(r.turnsPerSec)}  ${fmt(r.turnsPerCpuSec)}`,
      );
    }
  }

  if (section(2)) {
    const runs = Number(flag('--runs') ?? (quick ? 2_000 : 20_000));
    const startBatch = await batchRunner();
    console.log(
      `\n2. Batch runner (${argv.includes('--sources') ? 'TypeScript sources, workers through tsx' : 'compiled build, as brink runs it'}), october-2023, ${runs} games a run, 1 and ${cores} workers in ${pairs} interleaved pairs`,
    );
    console.log(`   pair   games/cpu-s 1w  games/cpu-s ${cores}w   CPU-time speed-up   wall speed-up   load`);
    const rows: { one: number; many: number; cpuSpeedup: number; wallSpeedup: number; split: [Rate['split'], Rate['split']] }[] = [];
    for (let p = 0; p < pairs; p++) {
      const order = p % 2 === 0 ? [1, cores] : [cores, 1];
      const got = new Map<number, Rate>();
      for (const w of order) got.set(w, await batchRate(startBatch, runs, w));
      const one = got.get(1)!;
      const many = got.get(cores)!;
      const row = {
        one: one.perCpu,
        many: many.perCpu,
        cpuSpeedup: (cores * many.perCpu) / one.perCpu,
        wallSpeedup: many.wall / one.wall,
        split: [one.split, many.split] as [Rate['split'], Rate['split']],
      };
      rows.push(row);
      console.log(
        `   ${String(p + 1).padStart(4)}   ${fmt(row.one)}         ${fmt(row.many)}          ${row.cpuSpeedup.toFixed(2)}×             ${row.wallSpeedup.toFixed(2)}×      ${loadavg()[0]!.toFixed(1)}`,
      );
    }
    const med = (f: (r: (typeof rows)[number]) => number) => median(rows.map(f));
    console.log(
      `   median ${fmt(med((r) => r.one))}         ${fmt(med((r) => r.many))}          ${med((r) => r.cpuSpeedup).toFixed(2)}×             ${med((r) => r.wallSpeedup).toFixed(2)}×`,
    );
    console.log(
      `   (CPU-time speed-up = ${cores} × games/cpu-s with ${cores} workers ÷ with 1: the wall-clock speed-up when nothing else runs; other`,
    );
    console.log('    processes lower the wall-clock figure, so on a shared machine the CPU-time one is the measure)');
    if (rows.every((r) => r.split[0] && r.split[1])) {
      const part = (i: 0 | 1, k: 'workers' | 'main' | 'other') =>
        median(rows.map((r) => r.split[i]![k]))
          .toFixed(0)
          .padStart(6);
      console.log(
        '   Where the CPU goes, median µs per game:   worker threads   main thread   other threads (V8 compiler/GC helpers, libuv)',
      );
      for (const [i, label] of [
        [0, '1 worker '],
        [1, `${cores} workers`],
      ] as const) {
        console.log(
          `     ${label}                              ${part(i, 'workers')}          ${part(i, 'main')}        ${part(i, 'other')}`,
        );
      }
    }
  }

  if (section(3)) {
    await batchRunner(); // builds dist/, which each fresh process below then runs
    const big = quick ? 10_000 : 100_000;
    const small = quick ? 1_000 : 10_000;
    console.log(`\n3. Peak memory (RSS high-water mark of the whole process, main thread + ${cores} workers)`);
    for (const n of [small, big]) {
      const m = fresh(n, cores);
      console.log(
        `   ${String(m.runs).padStart(7)} games: ${m.maxRssMB.toFixed(0)} MB peak · ${m.secs.toFixed(1)} s (${(m.runs / m.secs).toFixed(0)} games/s)`,
      );
    }
  }

  if (section(4)) {
    console.log('\n4. The brink command as a user runs it: before (tsx at run time) and after (compiled)');
    for (const line of startupReport(quick)) console.log(line);
  }

  if (section(5)) await calibrationSection({ quick });
}
