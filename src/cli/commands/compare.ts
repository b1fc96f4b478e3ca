/**
 * `brink compare`: arm A (the usual flags) against arm B (the -b flags: another policy, scenario or
 * parameter value) on the same per-game seeds; paired differences B − A with 95 % intervals (Student t
 * for means, Newcombe's paired interval for shares of games), the report saying which.
 */
import type { CommandModule, Io } from '../command.ts';
import { UsageError } from '../errors.ts';
import { parsePolicy, scenarioFrom } from '../options.ts';
import { paramsText, parseAssignments } from '../../batch/params-arg.ts';
import { Progress } from '../../batch/progress.ts';
import { startCompare, type CompareResult } from '../../batch/compare.ts';
import { METRIC_NAMES, SCORE_NAMES } from '../../batch/record.ts';
import {
  COMPARE_BY_ID_NOTE,
  compareIntervalsNote,
  fewPairsNote,
  gamesCountText,
  LABEL_WIDTH,
  METRIC_LABELS,
  NO_PAIR_DIFFERED,
  noPairDiffered,
  OUTCOME_LABELS,
  SHOWN_OUTCOMES,
} from '../../batch/labels.ts';
import { pairedMeanTexts, shareChange, shareText } from '../../batch/charts.ts';
import { pairedBandsNoteFor } from '../../analysis/uncertainty/distribution.ts';
import { addUncertaintyOptions, parseUncertainty, type UncertaintyFlags } from '../uncertainty-options.ts';
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
import { compareCsv } from '../../batch/csv.ts';

interface CompareFlags extends CommonBatchOptions, UncertaintyFlags {
  csv?: string;
  usPolicyB?: string;
  iranPolicyB?: string;
  scenarioB?: string;
  paramB?: string[];
}

/** The compare summary, from the result alone (what brink merge prints of a compare's parts too). */
export function formatCompareReport(r: CompareResult): string {
  const j = r.json;
  const arm = (a: typeof j.a) =>
    `${a.scenario.id} · US ${a.policies.us} · Iran ${a.policies.iran}${Object.keys(a.params).length ? ` · ${paramsText(a.params)}` : ''}`;
  const metricNames = [...METRIC_NAMES, ...SCORE_NAMES];
  const few = fewPairsNote(j.runs);
  const lines = [
    `Brink compare · ${gamesCountText(j, 'paired games', r.resumed)} · seed ${j.seed} (game i: seed "${j.seed}:i", the same for both arms)`,
    `A: ${arm(j.a)}`,
    `B: ${arm(j.b)}`,
    pairedBandsNoteFor(j.uncertainty.mode, j.uncertainty.distribution),
    compareIntervalsNote([...SHOWN_OUTCOMES.map((n) => j.outcomes[n].diff), ...metricNames.map((n) => j.metrics[n].diff)]),
    ...(few ? [few] : []),
    '',
    // Shares of games in %, as brink batch prints them; their differences in percentage points.
    `${'How the games ended'.padEnd(LABEL_WIDTH + 2)}   P(A)     P(B)     B − A      95 % interval (pp)`,
  ];
  for (const n of SHOWN_OUTCOMES) {
    const o = j.outcomes[n];
    // A share's interval is never a bare ±0 (Newcombe's is not [0, 0] when no pair differed): say why it is centred on 0.
    const note = noPairDiffered(o.diff, j.runs) ? `  ${NO_PAIR_DIFFERED}` : '';
    lines.push(
      `  ${OUTCOME_LABELS[n].padEnd(LABEL_WIDTH)} ${shareText(o.a.p).padStart(7)}  ${shareText(o.b.p).padStart(7)}  ${shareChange(o.diff.mean).padStart(8)}   [${shareChange(o.diff.ci95[0])}, ${shareChange(o.diff.ci95[1])}]${note}`,
    );
  }
  lines.push('', `${'Mean per game'.padEnd(LABEL_WIDTH + 2)}      A        B     B − A      95 % interval`);
  for (const n of metricNames) {
    const m = j.metrics[n];
    const t = pairedMeanTexts(m);
    // A mean's t interval of differences that are all 0 is [0, 0]: words say it better than a bare ±0.
    let interval = `[${t.interval[0]}, ${t.interval[1]}]`;
    if (noPairDiffered(m.diff, j.runs)) interval = NO_PAIR_DIFFERED;
    else if (j.runs === 1) interval = 'one pair: no interval';
    lines.push(`  ${METRIC_LABELS[n].padEnd(LABEL_WIDTH)} ${t.a.padStart(7)}  ${t.b.padStart(7)}  ${t.diff.padStart(8)}   ${interval}`);
  }
  lines.push(COMPARE_BY_ID_NOTE);
  return lines.join('\n');
}

async function compareAction(opts: CompareFlags, io: Io, setExit: (code: number) => void): Promise<void> {
  const c = await commonSetup(opts);
  const usB = opts.usPolicyB === undefined ? c.us : parsePolicy('--us-policy-b', opts.usPolicyB, 'us', c.policies).id;
  const iranB = opts.iranPolicyB === undefined ? c.iran : parsePolicy('--iran-policy-b', opts.iranPolicyB, 'iran', c.policies).id;
  const scenarioArgB = opts.scenarioB ?? opts.scenario;
  const scenarioB = opts.scenarioB === undefined ? c.scenario : scenarioFrom(opts.scenarioB, undefined, '--scenario-b');
  const paramsB = { ...c.params, ...asUsage(() => parseAssignments('--param-b', opts.paramB ?? [])) };
  if (scenarioB.turns !== c.scenario.turns || scenarioB.daysPerTurn !== c.scenario.daysPerTurn) {
    throw new UsageError('--scenario-b must have the same turns and turn length as --scenario, so that the games pair up', false);
  }
  // Without any B flag, B would be A: every difference zero, by construction. (An A/A run asked for
  // explicitly, say --us-policy-b historical, is a check of the pairing, and is allowed.)
  if ([opts.usPolicyB, opts.iranPolicyB, opts.scenarioB, opts.paramB].every((x) => x === undefined)) {
    throw new UsageError(
      'arm B is not set, so it would be arm A: say what differs with --us-policy-b, --iran-policy-b, --scenario-b or --param-b',
    );
  }
  const part = { ...partOptions(opts), stdout: (s: string) => io.out(s.replace(/\n$/, '')) };
  const reportIo = summaryIo(opts, io);
  const writeCsv = summaryCsv(opts, io, compareCsv);
  const dist = parseUncertainty(opts);
  const progress = new Progress(c.runs, 'pairs');
  const run = asUsage(() =>
    startCompare({
      a: { scenario: opts.scenario, scenarioDoc: c.scenario, us: c.us, iran: c.iran, params: c.params },
      b: { scenario: scenarioArgB, scenarioDoc: scenarioB, us: usB, iran: iranB, params: paramsB },
      runs: c.runs,
      seed: c.seed,
      workers: c.workers,
      modules: c.modules,
      ...part,
      ...(dist.kind === 'none' ? {} : { uncertainty: dist }),
      onProgress: (done, total) => progress.update(done, done === total),
    }),
  );
  const result = await finishRun(
    'compare',
    run,
    progress,
    reportIo,
    setExit,
    (r) => (opts.json ? JSON.stringify(r.json, null, 2) : formatCompareReport(r)),
    {
      interrupted: (r) =>
        `${r.json.runs} of ${r.json.requested} pairs${opts.out ? `; continue it with the same command and --resume (finished games are in ${opts.out})` : ''}`,
    },
  );
  writeCsv(result.json);
}

export const register: CommandModule = (program, io, setExit) => {
  addUncertaintyOptions(
    addCommonOptions(
      program.command('compare').description('two policies or scenario variants on the same seeds: paired differences (brink.compare/1)'),
      '1000',
    ),
  )
    .option('--us-policy-b <policy>', 'arm B: bot for the US (default: as arm A)')
    .option('--iran-policy-b <policy>', 'arm B: bot for Iran (default: as arm A)')
    .option('--scenario-b <id|path>', 'arm B: another scenario (same horizon)')
    .option('--param-b <name=value>', 'arm B: override a parameter (repeatable)', collect)
    .option(
      '--csv <file>',
      'write the table as CSV to FILE: one row per outcome and metric (arm A, arm B, the paired difference and its interval), with the model version, seed and arms on every row; - for standard output',
    )
    .action((opts: CompareFlags) => compareAction(opts, io, setExit));
};
