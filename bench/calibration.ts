/**
 * `npm run bench` section 5: calibration throughput, in simulated games per second. It runs the real
 * `calibrate()` (ABC-SMC, src/analysis/calibration) end to end, with the shipped settings (or smaller
 * ones with --quick), once on 1 worker and once on every core, writing nothing (no state file, no
 * posterior). A simulation plays `gamesPerScenario` games on each scenario the record figures use, so
 * games = simulations × gamesPerScenario × scenarios. Wall time and process CPU time (all threads) are
 * both shown, with the load average, since this machine is shared: games per CPU-second is the figure
 * that does not move with other people's work.
 */
import { existsSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import type { CalibrateSettings } from '../src/analysis/calibration/calibrate.ts';

type CalibrateModule = typeof import('../src/analysis/calibration/calibrate.ts');

/**
 * The compiled calibration, as `brink calibrate` runs it (its workers run JavaScript and start fast); the
 * TypeScript sources (workers loading tsx) when there is no build.
 */
async function calibrationModule(): Promise<{ mod: CalibrateModule; compiled: boolean }> {
  const dist = new URL('../dist/analysis/calibration/calibrate.js', import.meta.url);
  if (existsSync(dist)) return { mod: (await import(dist.href)) as CalibrateModule, compiled: true };
  return { mod: await import('../src/analysis/calibration/calibrate.ts'), compiled: false };
}

export interface CalibrationRate {
  readonly workers: number;
  readonly simulations: number;
  readonly games: number;
  readonly wallSecs: number;
  readonly cpuSecs: number;
  readonly load: readonly [number, number];
}

/** One end-to-end calibration on `workers` threads: how many games it played, and in what time. */
export async function calibrationRate(mod: CalibrateModule, settings: CalibrateSettings, workers: number): Promise<CalibrationRate> {
  const { calibrate, figuresUsed } = mod;
  const scenarios = new Set(figuresUsed(settings).map((f) => f.scenario)).size;
  const loadBefore = loadavg()[0]!;
  const cpu0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  const { state } = await calibrate(settings, { workers, command: 'npm run bench' });
  const wallSecs = Number(process.hrtime.bigint() - t0) / 1e9;
  const cpu = process.cpuUsage(cpu0);
  return {
    workers,
    simulations: state.simulations,
    games: state.simulations * settings.gamesPerScenario * scenarios,
    wallSecs,
    cpuSecs: (cpu.user + cpu.system) / 1e6,
    load: [loadBefore, loadavg()[0]!],
  };
}

export async function calibrationSection(options: { quick: boolean }): Promise<void> {
  const cores = availableParallelism();
  const { mod, compiled } = await calibrationModule();
  const { SHIPPED_SETTINGS } = mod;
  const settings: CalibrateSettings = options.quick
    ? { ...SHIPPED_SETTINGS, populationSize: 30, generations: 2, seed: 'bench' }
    : { ...SHIPPED_SETTINGS, seed: 'bench' };
  console.log(
    `\n5. Calibration throughput: brink calibrate end to end (ABC-SMC, population ${settings.populationSize}, ${settings.generations} generations, ${settings.gamesPerScenario} games per scenario per simulation; ${compiled ? 'the compiled build, as brink calibrate runs it' : 'NO BUILD: the TypeScript sources, slower to start'}; nothing written)`,
  );
  console.log(
    '   workers   simulations    games    wall s   games/s   cpu s   games/cpu-s   load before → after   (start-up of the workers included)',
  );
  for (const workers of [...new Set([1, cores])]) {
    const r = await calibrationRate(mod, settings, workers);
    console.log(
      `   ${String(r.workers).padStart(7)}   ${String(r.simulations).padStart(11)}  ${String(r.games).padStart(7)}   ${r.wallSecs.toFixed(1).padStart(7)}   ${(r.games / r.wallSecs).toFixed(0).padStart(7)}  ${r.cpuSecs.toFixed(1).padStart(6)}   ${(r.games / r.cpuSecs).toFixed(0).padStart(11)}   ${r.load[0].toFixed(1)} → ${r.load[1].toFixed(1)}`,
    );
  }
}
