/**
 * `brink calibrate`: ABC-SMC of the uncertain parameters against the record figures, writing a
 * posterior file (src/analysis/calibration). `--report` reads a posterior and shows, per parameter, how
 * far the record moved it from its prior. Progress goes to stderr; the run resumes from its state file.
 */
import { availableParallelism } from 'node:os';
import { rmSync } from 'node:fs';
import { calibrate, calibrationParams, SHIPPED_SETTINGS, shifts, type CalibrateSettings } from '../../analysis/calibration/calibrate.ts';
import {
  formatParamRange,
  formatParamValue,
  isWholeNumber,
  pointOutsideText,
  pointValuesOutside,
  posteriorSets,
  smallPosteriorNote,
} from '../../analysis/calibration/shifts.ts';
import { CALIBRATION_FIGURES } from '../../analysis/calibration/figures.ts';
import { MIN_POPULATION } from '../../analysis/calibration/abc-smc.ts';
import { LEAVE_ONE_OUT_BUDGET, leaveOneOut, type LeaveOneOutRow } from '../../analysis/calibration/leave-one-out.ts';
import { fewGamesNote, quantileText, simulatedText } from '../../analysis/backtest/backtest.ts';
import { plural } from '../../analysis/render.ts';
import { loadPosterior, PosteriorFileError, SHIPPED_POSTERIOR, type PosteriorFile } from '../../analysis/calibration/posterior-file.ts';
import { renderBars } from '../../analysis/sensitivity/bars.ts';
import type { CommandModule } from '../command.ts';
import { writeFileAtomic } from '../atomic-write.ts';
import { UsageError } from '../errors.ts';
import { parsePositiveInt, parseSeed } from '../options.ts';

interface CalibrateFlags {
  population: string;
  generations: string;
  moves: string;
  games: string;
  seed: string;
  workers?: string;
  out?: string;
  exclude?: string;
  report?: boolean;
  posterior?: string;
  json?: boolean;
  leaveOneOut?: boolean;
  runs: string;
}

export function formatShiftReport(file: PosteriorFile, source: string): string {
  const rows = shifts(file);
  const lines = [
    `How far the record moved each parameter from its prior · ${source}`,
    `${file.particles.length} weighted parameter sets · ${file.simulations} simulations · seed ${file.seed} · figures: ${file.figures.map((f) => f.id).join(', ')}`,
    'narrowing = 1 − (posterior 90 % width ÷ prior 90 % width): near 0, the record says nothing about it; near 1, it pins it down.',
  ];
  const small = smallPosteriorNote(posteriorSets(file));
  if (small) lines.push(small);
  lines.push('');
  const width = Math.max(...rows.map((r) => r.id.length));
  lines.push(`${'parameter'.padEnd(width)}  ${'prior 90 %'.padEnd(19)}  ${'posterior 90 %'.padEnd(19)}  median   kind`);
  for (const r of rows) {
    const whole = isWholeNumber(r.id);
    lines.push(
      `${r.id.padEnd(width)}  ${formatParamRange(r.prior, whole).padEnd(19)}  ${formatParamRange(r.posterior, whole).padEnd(19)}  ${formatParamValue(r.median, whole).padEnd(7)}  ${r.cited ? 'cited' : 'assumption'}`,
    );
  }
  const outside = pointValuesOutside(file);
  if (outside.length > 0)
    lines.push(
      '',
      `Point values outside the posterior's 90 % range (the record argues against them; games and batches play them unless --uncertainty posterior): ${outside.map(pointOutsideText).join('; ')}.`,
    );
  lines.push('', 'Narrowing by the record (most first):');
  lines.push(
    renderBars(
      rows.slice(0, 15).map((r) => ({ label: r.id, value: Math.max(0, r.narrowing), note: r.cited ? 'cited' : 'assumption' })),
      { width: 30, max: 1 },
    ),
  );
  return lines.join('\n');
}

export function formatLeaveOneOut(rows: readonly LeaveOneOutRow[], settings: CalibrateSettings, runs: number): string {
  const lines = [
    `Leave one figure out · each calibration without the figure: population ${settings.populationSize}, ${plural(settings.generations, 'generation')} of ${plural(settings.moves, 'sweep')}, ${plural(settings.gamesPerScenario, 'game')} a scenario, seed ${settings.seed}`,
    `(the shipped calibration: ${SHIPPED_SETTINGS.populationSize}, ${SHIPPED_SETTINGS.generations}, ${SHIPPED_SETTINGS.gamesPerScenario}) · each prediction: ${plural(runs, 'game')} of the figure's scenario drawn from that posterior, conditioned on the record's shocks`,
  ];
  for (const note of [smallPosteriorNote(settings.populationSize, 'each calibration keeps'), fewGamesNote(runs, '--runs', 300)])
    if (note) lines.push(note);
  lines.push('');
  for (const r of rows) {
    const p = r.prediction;
    lines.push(
      `${p.status === 'inside' ? 'PASS' : p.status === 'outside-90' ? 'MISS' : 'FAIL'}  ${r.left} (${p.facts.join(', ')}, ${p.scenario}, ${p.kind})`,
    );
    lines.push(
      `      record ${p.recordText} · ${simulatedText(p, 'predicted')} · ${quantileText(p)} · fitted on ${r.simulations} simulations`,
    );
    for (const f of p.failures) lines.push(`      ✗ ${f}`);
  }
  const count = (s: (typeof rows)[number]['prediction']['status'][]) => rows.filter((r) => s.includes(r.prediction.status)).length;
  lines.push(
    '',
    `${count(['inside'])} of ${rows.length} left-out figures PASS as the backtest judges a figure: a point or range with the record inside the predicted 5–95 % band, a floor that at least 5 % of the predicted games reach, a usual outcome kept in its share of games.`,
    `${count(['outside-90'])} MISS (the record outside the 5–95 % band, inside the 1–99 % range); ${count(['outside-98', 'fails'])} FAIL (the record outside the 1–99 % range, a floor out of reach, or a usual outcome not kept).`,
  );
  return lines.join('\n');
}

/**
 * The numbers of a calibrate command line, checked: every value a flag accepts is one the calibration
 * runs with (a population of one is refused here, with the flag's name, not by the sampler inside).
 */
export function parseCalibrateFlags(
  opts: Omit<CalibrateFlags, 'report' | 'posterior' | 'json' | 'out'>,
  explicit: (flag: string) => boolean = () => false,
): { settings: CalibrateSettings; workers: number; loo: CalibrateSettings; runs: number } {
  const known = new Set(CALIBRATION_FIGURES.map((f) => f.id));
  const exclude = (opts.exclude ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
  for (const e of exclude) if (!known.has(e)) throw new UsageError(`--exclude: unknown figure '${e}' (figures: ${[...known].join(', ')})`);
  const settings: CalibrateSettings = {
    ...SHIPPED_SETTINGS,
    // The sampler's own floor (abc-smc.ts), refused here with the flag's name.
    populationSize: parsePositiveInt('--population', opts.population, { min: MIN_POPULATION, max: 100_000 }),
    generations: parsePositiveInt('--generations', opts.generations, { max: 100 }),
    moves: parsePositiveInt('--moves', opts.moves, { max: 100 }),
    gamesPerScenario: parsePositiveInt('--games', opts.games, { max: 10_000 }),
    seed: parseSeed(opts.seed),
    exclude,
  };
  const workers = opts.workers === undefined ? availableParallelism() : parsePositiveInt('--workers', opts.workers, { max: 256 });
  // --leave-one-out: the reduced budget unless the flags say otherwise (one calibration per figure).
  const loo: CalibrateSettings = {
    ...settings,
    ...(explicit('population') ? {} : { populationSize: LEAVE_ONE_OUT_BUDGET.populationSize }),
    ...(explicit('generations') ? {} : { generations: LEAVE_ONE_OUT_BUDGET.generations }),
    ...(explicit('games') ? {} : { gamesPerScenario: LEAVE_ONE_OUT_BUDGET.gamesPerScenario }),
  };
  const runs = parsePositiveInt('--runs', opts.runs, { max: 100_000 });
  return { settings, workers, loo, runs };
}

/** How many scenarios each simulation plays: those of the figures calibrated against (--exclude may drop one's figures). */
const calibratedScenarios = (exclude: readonly string[]) =>
  new Set(CALIBRATION_FIGURES.filter((f) => !exclude.includes(f.id)).map((f) => f.scenario)).size;

/**
 * Without --out the run writes the shipped posterior, the file behind every `--uncertainty posterior`
 * batch and `brink explain`. A trial run with smaller settings would replace it silently, so only the
 * shipped settings may write it by default; any other run names its file (that file may be the shipped
 * one, on purpose). Checked before anything runs or is written.
 */
export function refuseToReplaceShipped(settings: CalibrateSettings): void {
  const differs = (
    [
      ['--population', settings.populationSize, SHIPPED_SETTINGS.populationSize],
      ['--generations', settings.generations, SHIPPED_SETTINGS.generations],
      ['--moves', settings.moves, SHIPPED_SETTINGS.moves],
      ['--games', settings.gamesPerScenario, SHIPPED_SETTINGS.gamesPerScenario],
      ['--seed', settings.seed, SHIPPED_SETTINGS.seed],
      ['--exclude', settings.exclude.join(','), SHIPPED_SETTINGS.exclude.join(',')],
    ] as const
  ).filter(([, given, shipped]) => given !== shipped);
  if (differs.length === 0) return;
  const list = differs.map(
    ([flag, given, shipped]) => `${flag} ${given === '' ? '(none)' : given} (shipped: ${shipped === '' ? 'none' : shipped})`,
  );
  throw new UsageError(
    `--out: these settings differ from the shipped calibration's: ${list.join(', ')}. Without --out the run would replace calibration/posterior.json, which every --uncertainty posterior run reads. Give --out FILE to write elsewhere (or --out calibration/posterior.json to replace it on purpose).`,
  );
}

async function calibrateAction(
  opts: CalibrateFlags,
  io: { out(s: string): void; err(s: string): void },
  explicit: (flag: string) => boolean,
): Promise<void> {
  if (opts.report) {
    try {
      const path = opts.posterior ?? SHIPPED_POSTERIOR;
      const file = loadPosterior(path);
      io.out(opts.json ? JSON.stringify(shifts(file), null, 2) : formatShiftReport(file, path));
      return;
    } catch (err) {
      if (err instanceof PosteriorFileError) throw new UsageError(err.message, false);
      throw err;
    }
  }
  const { settings, workers, loo, runs } = parseCalibrateFlags(opts, explicit);
  const exclude = settings.exclude;
  if (opts.leaveOneOut) {
    if (opts.out !== undefined) throw new UsageError('--leave-one-out writes no posterior file; drop --out');
    const started = Date.now();
    const figures = CALIBRATION_FIGURES.filter((f) => !exclude.includes(f.id)).map((f) => f.id);
    const rows = await leaveOneOut(loo, {
      workers,
      runs,
      seed: settings.seed,
      figures,
      progress: (id, i, n) => io.err(`leaving out ${id} (${i + 1}/${n}), ${((Date.now() - started) / 1000).toFixed(0)} s`),
    });
    io.err(`done in ${((Date.now() - started) / 1000).toFixed(0)} s`);
    io.out(
      opts.json
        ? JSON.stringify({ schema: 'brink.leave-one-out/1', settings: loo, runs, rows }, null, 2)
        : formatLeaveOneOut(rows, loo, runs),
    );
    return;
  }
  const out = opts.out ?? SHIPPED_POSTERIOR;
  if (opts.out === undefined) refuseToReplaceShipped(settings);
  const statePath = `${out}.state.json`;
  const command = [
    'brink calibrate',
    `--population ${settings.populationSize}`,
    `--generations ${settings.generations}`,
    `--moves ${settings.moves}`,
    `--games ${settings.gamesPerScenario}`,
    `--seed ${settings.seed}`,
    ...(exclude.length ? [`--exclude ${exclude.join(',')}`] : []),
  ].join(' ');
  io.err(
    `calibrating ${calibrationParams().length} parameters against ${CALIBRATION_FIGURES.length - exclude.length} record figures on ${workers} workers (state saved to ${statePath}; rerun the same command to resume)`,
  );
  const started = Date.now();
  let lastGen = -1;
  const { posterior, state } = await calibrate(settings, {
    workers,
    command,
    statePath,
    save: (s) => writeFileAtomic(statePath, JSON.stringify(s)),
    progress: (s) => {
      const h = s.history[s.history.length - 1];
      if (h && h.generation !== lastGen) {
        lastGen = h.generation;
        io.err(
          `generation ${h.generation}: tolerance ${h.epsilon >= 1e300 ? '∞' : h.epsilon.toFixed(3)}, ${h.generation === 0 ? `${h.proposals} prior draws` : `${(h.acceptance * 100).toFixed(1)} % of ${h.proposals} moves taken`}, ${h.ess} distinct sets, ${s.simulations} simulations, ${((Date.now() - started) / 1000).toFixed(0)} s`,
        );
      }
    },
  });
  writeFileAtomic(out, `${JSON.stringify(posterior, null, 1)}\n`);
  rmSync(statePath, { force: true });
  io.err(
    `done: ${state.simulations} simulations (${state.simulations * settings.gamesPerScenario * calibratedScenarios(exclude)} games) in ${((Date.now() - started) / 1000).toFixed(0)} s; wrote ${out}`,
  );
  if (opts.json) io.out(JSON.stringify(posterior));
  else io.out(formatShiftReport(posterior, out));
}

export const register: CommandModule = (program, io) => {
  program
    .command('calibrate')
    .description(
      'ABC-SMC of the uncertain parameters against the record figures; writes a posterior file (--report: how far the record moved each parameter)',
    )
    .option('--population <n>', 'parameter sets kept per generation', String(SHIPPED_SETTINGS.populationSize))
    .option('--generations <n>', "generations after the prior's", String(SHIPPED_SETTINGS.generations))
    .option(
      '--moves <n>',
      'MCMC sweeps over the population per generation (more: fewer copies left unmoved)',
      String(SHIPPED_SETTINGS.moves),
    )
    .option('--games <n>', 'games per scenario behind each simulated figure', String(SHIPPED_SETTINGS.gamesPerScenario))
    .option('--seed <seed>', 'calibration seed', SHIPPED_SETTINGS.seed)
    .option('--workers <k>', `worker threads (default: available cores, here ${availableParallelism()})`)
    .option(
      '--out <file>',
      'posterior file to write (default: the shipped calibration/posterior.json, with the shipped settings only; any other run names its file)',
    )
    .option('--exclude <figures>', 'leave figures out, comma-separated (leave-one-figure-out checks)')
    .option('--report', 'show how far the record moved each parameter, from --posterior (no calibration run)')
    .option('--posterior <file>', 'posterior file for --report (default: the shipped one)')
    .option(
      '--leave-one-out',
      `out of sample: for each figure, calibrate without it (a reduced budget unless --population/--generations/--games are given: ${LEAVE_ONE_OUT_BUDGET.populationSize}, ${LEAVE_ONE_OUT_BUDGET.generations}, ${LEAVE_ONE_OUT_BUDGET.gamesPerScenario}) and report the record's quantile in its prediction`,
    )
    .option('--runs <n>', 'with --leave-one-out: games per prediction', '300')
    .option('--json', 'print JSON')
    .action((opts: CalibrateFlags, cmd: { getOptionValueSource(key: string): string | undefined }) =>
      calibrateAction(opts, io, (flag) => cmd.getOptionValueSource(flag) === 'cli'),
    );
};
