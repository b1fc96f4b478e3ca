/**
 * `brink sweep`: one-at-a-time parameter sensitivity on common random numbers, with a tornado chart of
 * which parameters move the chosen outcome or metric most.
 */
import type { CommandModule, Io } from '../command.ts';
import { UsageError } from '../errors.ts';
import { resolveParams } from '../../model/params.ts';
import { parseSweepRange } from '../../batch/params-arg.ts';
import { Progress } from '../../batch/progress.ts';
import { checkSweepMetric, startSweep, type SweepJsonOut } from '../../batch/sweep.ts';
import { meanText, shareChange, shareText, signedMeanText, tornadoChart } from '../../batch/charts.ts';
import { OUTCOME_NAMES } from '../../batch/record.ts';
import {
  addCommonOptions,
  asUsage,
  collect,
  commonSetup,
  finishRun,
  partOptions,
  summaryCsv,
  summaryIo,
  type CommonBatchOptions,
} from './batch.ts';
import { sweepCsv } from '../../batch/csv.ts';
import { isParamId } from '../../model/params.ts';
import { isDrawn, priorInterval90, PRIORS } from '../../model/priors.ts';
import { formatParamRange, isWholeNumber } from '../../analysis/calibration/shifts.ts';

interface SweepFlags extends CommonBatchOptions {
  csv?: string;
  metric?: string[];
}

type SweepJson = SweepJsonOut;

/**
 * A sweep's range is the user's (or ±50 %), a sensitivity run's the prior's: say the prior's beside it,
 * so a parameter that looks flat here is not read as one that cannot matter.
 */
function priorRangeNote(name: string): string {
  if (!isParamId(name)) return '';
  const prior = PRIORS[name as keyof typeof PRIORS];
  if (!isDrawn(prior)) return '';
  const whole = isWholeNumber(name);
  return `; its prior's 90 % range, which brink sensitivity explores: ${formatParamRange(priorInterval90(prior), whole)}`;
}

export function formatSweepReport(j: SweepJson): string {
  const lines = [
    `Brink sweep · scenario ${j.scenario.id} · US ${j.policies.us} · Iran ${j.policies.iran} · ${j.runs} games per point · seed ${j.seed} (same seeds at every point)`,
    `Bands: dice only. Each figure is a mean over the ${j.runs} games with its 95 % confidence interval`,
    '(Student t for means, cut at 0 where it would reach below: no count or score is negative; Wilson for shares of games);',
    'one parameter moves at a time, every other stays at its point value.',
    'Shares of games are in %, their changes in pp.',
    '',
  ];
  for (const m of j.metrics) {
    const base = j.baseline[m]!;
    // An outcome is a share of games: shown in %, its changes in percentage points.
    const share = (OUTCOME_NAMES as readonly string[]).includes(m);
    const show = share ? shareText : meanText;
    const shift = share ? (x: number) => `${shareChange(x)} pp` : signedMeanText;
    lines.push(`${m}: baseline ${show(base.mean)} [${show(base.ci95[0])}, ${show(base.ci95[1])}]`);
    for (const p of j.params) {
      lines.push(`  ${p.name} (scenario value ${p.base}${priorRangeNote(p.name)})`);
      for (const pt of p.points) {
        const r = pt.results[m]!;
        lines.push(`    ${String(pt.value).padStart(10)}  ${show(r.mean).padStart(9)}  [${show(r.ci95[0])}, ${show(r.ci95[1])}]`);
      }
    }
    const rows = [...j.params]
      .sort((a, b) => Math.abs(b.swing[m]!) - Math.abs(a.swing[m]!))
      .map((p) => ({
        label: `${p.name} ${p.points[0]!.value}…${p.points[p.points.length - 1]!.value}`,
        low: p.points[0]!.results[m]!.mean - base.mean,
        high: p.points[p.points.length - 1]!.results[m]!.mean - base.mean,
      }));
    lines.push(
      '',
      tornadoChart(
        `Tornado: change in ${m} from the baseline at each parameter's lowest and highest value (largest effect first)`,
        rows,
        24,
        shift,
      ),
      '',
    );
  }
  return lines.join('\n');
}

async function sweepAction(opts: SweepFlags, io: Io, setExit: (code: number) => void): Promise<void> {
  const c = await commonSetup({ ...opts, param: [] });
  const raws = opts.param ?? [];
  if (raws.length === 0) throw new UsageError('sweep needs at least one --param name=lo:hi:steps (or a bare name for ±50 %)');
  const base = resolveParams(c.scenario.params);
  const ranges = asUsage(() => raws.map((raw) => parseSweepRange('--param', raw, base))).map((r) => ({
    id: r.id,
    base: base[r.id],
    values: r.values,
  }));
  const metrics = asUsage(() => (opts.metric?.length ? opts.metric : ['regionalWar', 'attacksOnUS', 'usKilled']).map(checkSweepMetric));
  const points = 1 + ranges.reduce((n, r) => n + r.values.length, 0);
  const part = { ...partOptions(opts), stdout: (s: string) => io.out(s.replace(/\n$/, '')) };
  const reportIo = summaryIo(opts, io);
  const writeCsv = summaryCsv(opts, io, sweepCsv);
  const progress = new Progress(c.runs, `games × ${points} points`);
  const run = asUsage(() =>
    startSweep({
      scenario: c.scenario,
      scenarioArg: opts.scenario,
      us: c.us,
      iran: c.iran,
      fixed: {},
      ranges,
      metrics,
      runs: c.runs,
      seed: c.seed,
      workers: c.workers,
      modules: c.modules,
      ...part,
      onProgress: (done, total) => progress.update(done, done === total),
    }),
  );
  const result = await finishRun(
    'sweep',
    run,
    progress,
    reportIo,
    setExit,
    (r) => (opts.json ? JSON.stringify(r.json, null, 2) : formatSweepReport(r.json)),
    {
      interrupted: (r) =>
        `${r.json.runs} of ${c.runs} games per point${opts.out ? `; continue it with the same command and --resume (finished games are in ${opts.out})` : ''}`,
    },
  );
  writeCsv(result.json);
}

export const register: CommandModule = (program, io, setExit) => {
  addCommonOptions(
    program.command('sweep').description('vary model parameters and rank their effect: tornado chart (brink.sweep/1)'),
    '200',
    { param: false },
  )
    .option('--param <name[=lo:hi:steps]>', 'parameter to vary: a range, or a bare name for ±50 % around its value (repeatable)', collect)
    .option('--metric <name>', 'outcome or metric to report (repeatable; default regionalWar, attacksOnUS, usKilled)', collect)
    .option(
      '--csv <file>',
      'write the results as CSV to FILE: one row per metric and point, with the model version, scenario, seed and bots on every row; - for standard output',
    )
    .action((opts: SweepFlags) => sweepAction(opts, io, setExit));
};
