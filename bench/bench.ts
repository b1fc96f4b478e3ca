/**
 * Brink's benchmark (`npm run bench`):
 *  1. games/s and simulated turns/s on one core, in process, for october-2023 and tower-22 with the
 *     historical bots (wall clock and CPU time both shown: CPU time is what "per core" means when other
 *     work shares the machine);
 *  2. the batch runner's throughput with 1 worker and with N workers (N = available cores) on the same
 *     games, and the speed-up;
 *  3. peak memory (RSS high-water mark, process.resourceUsage().maxRSS, which covers the main thread and
 *     every worker thread: they share one process) of a 100,000-game batch and of a 10,000-game one, each
 *     in a fresh process so neither inherits the other's high-water mark.
 * Options: --quick (smaller counts, for a smoke test).
 */
import { spawnSync } from 'node:child_process';
import { availableParallelism, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { getPolicy } from '../src/policies/index.ts';
import { playGame } from '../src/policies/play.ts';
import { loadScenario } from '../src/scenario/loader.ts';
import { startBatch } from '../src/batch/run-batch.ts';

const argv = process.argv.slice(2);
const quick = argv.includes('--quick');

async function memoryChild(runs: number, workers: number): Promise<void> {
  const scenario = loadScenario('october-2023');
  const t0 = performance.now();
  const run = startBatch({ scenario, scenarioArg: 'october-2023', runs, seed: 'bench', us: 'historical', iran: 'historical', params: {}, workers, modules: [] });
  const r = await run.done;
  const secs = (performance.now() - t0) / 1000;
  // maxRSS is in kilobytes.
  process.stdout.write(JSON.stringify({ runs: r.json.runs, secs, maxRssMB: process.resourceUsage().maxRSS / 1024 }));
}

function singleCore(id: string, games: number): { gamesPerSec: number; gamesPerCpuSec: number; turnsPerSec: number; turnsPerCpuSec: number } {
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

/** Wall-clock games/s of a batch, and games per CPU-second of the whole process (all threads). */
async function batchRate(runs: number, workers: number): Promise<{ wall: number; perCpu: number }> {
  const scenario = loadScenario('october-2023');
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const r = await startBatch({ scenario, scenarioArg: 'october-2023', runs, seed: 'scale', us: 'historical', iran: 'historical', params: {}, workers, modules: [] }).done;
  const c = process.cpuUsage(c0);
  return { wall: r.json.runs / ((performance.now() - t0) / 1000), perCpu: r.json.runs / ((c.user + c.system) / 1e6) };
}

function fresh(runs: number, workers: number): { runs: number; secs: number; maxRssMB: number } {
  const bin = fileURLToPath(new URL('../bin/brink-bench', import.meta.url));
  const child = spawnSync(process.execPath, [...process.execArgv, bin, '--memory-child', String(runs), String(workers)], { encoding: 'utf8', maxBuffer: 1 << 20 });
  if (child.status !== 0) throw new Error(`memory run failed: ${child.stderr}`);
  return JSON.parse(child.stdout) as { runs: number; secs: number; maxRssMB: number };
}

const fmt = (x: number) => x.toFixed(0).padStart(7);

if (argv[0] === '--memory-child') {
  await memoryChild(Number(argv[1]), Number(argv[2]));
} else {
  const cores = availableParallelism();
  console.log(`Brink bench · node ${process.version} · ${cores} cores available${quick ? ' · QUICK' : ''}`);
  console.log('\n1. One core, in process (historical vs historical)');
  console.log('   scenario        games/s  games/cpu-s   turns/s  turns/cpu-s');
  for (const id of ['october-2023', 'tower-22']) {
    const r = singleCore(id, quick ? 500 : id === 'tower-22' ? 20_000 : 5_000);
    console.log(`   ${id.padEnd(13)} ${fmt(r.gamesPerSec)}  ${fmt(r.gamesPerCpuSec)}     ${fmt(r.turnsPerSec)}  ${fmt(r.turnsPerCpuSec)}`);
  }
  const runs = quick ? 2_000 : 60_000;
  console.log(`\n2. Batch runner, october-2023, ${runs} games (worker threads, results aggregated in the main thread)`);
  const one = await batchRate(runs, 1);
  const many = await batchRate(runs, cores);
  console.log(`   1 worker: ${one.wall.toFixed(0)} games/s · ${cores} workers: ${many.wall.toFixed(0)} games/s · speed-up ${(many.wall / one.wall).toFixed(2)}×`);
  console.log(`   games per CPU-second of the process (all threads): ${one.perCpu.toFixed(0)} with 1 worker, ${many.perCpu.toFixed(0)} with ${cores};`);
  console.log(`   load average while measuring: ${loadavg()[0]!.toFixed(2)} on ${cores} cores (other processes running lower the wall-clock speed-up)`);
  const big = quick ? 10_000 : 100_000;
  const small = quick ? 1_000 : 10_000;
  console.log(`\n3. Peak memory (RSS high-water mark of the whole process, main thread + ${cores} workers)`);
  for (const n of [small, big]) {
    const m = fresh(n, cores);
    console.log(`   ${String(m.runs).padStart(7)} games: ${m.maxRssMB.toFixed(0)} MB peak · ${m.secs.toFixed(1)} s (${(m.runs / m.secs).toFixed(0)} games/s)`);
  }
}
