/**
 * `brink batch`: Monte Carlo over per-game seeds (see src/batch). Prints a summary table with charts,
 * or the brink.batch/1 JSON with --json; progress goes to stderr only when it is a terminal.
 */
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import type { CommandModule, Io } from '../command.ts';
import { UsageError, EXIT_FAILED } from '../errors.ts';
import { shellQuote } from '../shell.ts';
import { distinctOutputs, isStdout, outputTarget, writeOutput } from '../../io/output.ts';
import { parsePositiveInt, parseSeed, policyHelp, scenarioFrom, sidePolicy } from '../options.ts';
import { loadPolicyModules } from '../../batch/play-arms.ts';
import type { PolicyRegistry } from '../../policies/index.ts';
import { paramFlags, paramsText, parseAssignments } from '../../batch/params-arg.ts';
import { Progress } from '../../batch/progress.ts';
import { BatchInputError, startBatch, type BatchResult } from '../../batch/run-batch.ts';
import type { PartOptions } from '../../batch/part.ts';
import { parseShard } from '../../batch/shard.ts';
import { bandsNoteFor } from '../../analysis/uncertainty/distribution.ts';
import { addUncertaintyOptions, parseUncertainty, type UncertaintyFlags } from '../uncertainty-options.ts';
import { histogramChart, fanChart, meanText, metricValueText, shareText } from '../../batch/charts.ts';
import { METRIC_NAMES, SCORE_NAMES } from '../../batch/record.ts';
import {
  BATCH_BY_ID_NOTE,
  gamesCountText,
  LABEL_WIDTH,
  METRIC_LABELS,
  OUTCOME_LABELS,
  SHARE_INTERVAL_NOTE,
  SHOWN_OUTCOMES,
} from '../../batch/labels.ts';
import { MAX_RUNG, MIN_RUNG, rungName } from '../../model/ladder.ts';
import type { Scenario } from '../../scenario/schema.ts';

/** Exit code after Ctrl-C, as shells expect (128 + SIGINT). */
export const EXIT_INTERRUPTED = 130;
/** Exit code after SIGTERM (128 + 15): what Kubernetes and Slurm send before they kill a task. */
export const EXIT_TERMINATED = 143;

export const collect = (value: string, previous: string[] = []) => [...previous, value];

export interface CommonBatchOptions {
  scenario: string;
  runs: string;
  seed: string;
  /** Absent: the scenario's `defaults` name the bot (cli/options.ts sidePolicy). */
  usPolicy?: string;
  iranPolicy?: string;
  workers?: string;
  param?: string[];
  policyModule?: string[];
  json?: boolean;
  shard?: string;
  out?: string;
  resume?: boolean;
}

/** What a batch, compare or sweep run hands back when it ends. */
interface RunEnd<J> {
  readonly status: 'complete' | 'stopped' | 'failed';
  readonly failure?: { readonly index?: number; readonly seed?: string; readonly message: string };
  readonly json: J;
}

/**
 * Waits for a run with Ctrl-C and SIGTERM wired to stop it (finished games are kept) and the progress
 * bar closed however it ends, prints the report, then says how it ended: interrupted (exit 130, or 143
 * after SIGTERM) or failed (exit 1, naming the game and its seed). `extra` adds command-specific lines
 * to either message.
 */
export async function finishRun<R extends RunEnd<unknown>>(
  kind: string,
  run: { stop(): void; readonly done: Promise<R> },
  progress: Progress,
  io: Io,
  setExit: (code: number) => void,
  render: (result: R) => string,
  extra: { interrupted: (r: R) => string; failed?: (r: R) => readonly string[] },
): Promise<R> {
  let signal: NodeJS.Signals | undefined;
  const offInterrupt = onInterrupt((s) => {
    signal = s;
    run.stop();
  });
  let result: R;
  try {
    result = await run.done;
  } finally {
    offInterrupt();
    progress.end();
  }
  io.out(render(result));
  if (result.status === 'stopped') {
    const how = signal === 'SIGTERM' ? 'stopped by SIGTERM' : 'interrupted';
    io.err(`brink: ${kind} ${how} after ${extra.interrupted(result)}`);
    setExit(signal === 'SIGTERM' ? EXIT_TERMINATED : EXIT_INTERRUPTED);
  } else if (result.status === 'failed') {
    const f = result.failure!;
    const which = f.index !== undefined ? `game ${f.index} (seed '${f.seed}'): ` : '';
    io.err(`brink: ${kind} failed: ${which}${f.message}`);
    for (const line of extra.failed?.(result) ?? []) io.err(`  ${line}`);
    setExit(EXIT_FAILED);
  }
  return result;
}

/**
 * Ten million games is days of CPU on one machine; past it, shard across machines. The bound also keeps
 * the per-game bookkeeping (a byte per game) small.
 */
export const MAX_RUNS = 10_000_000;

/**
 * Workers beyond the cores only compete for them and each costs its own heap (64 workers on 2 cores
 * took 30 times longer and 10 times the memory of 2): at most 4 per core.
 */
export const maxWorkers = () => 4 * availableParallelism();

/** The flags batch, compare and sweep share. */
export function addCommonOptions(cmd: Command, defaultRuns: string, { param = true, out = PART_OUT_HELP } = {}): Command {
  if (param) cmd.option('--param <name=value>', 'override a model parameter (repeatable)', collect);
  return cmd
    .option(
      '--shard <k/n>',
      'play only shard k of n (0 ≤ k < n) of the games; with n alone, k comes from JOB_COMPLETION_INDEX or SLURM_ARRAY_TASK_ID; needs --out (see brink merge)',
    )
    .option('--out <file.jsonl>', out)
    .option('--resume', 'continue the run recorded in --out (plays only the games it lacks)')
    .option('--scenario <id|path>', 'scenario ID or YAML file', 'october-2023')
    .option('--runs <n>', 'number of games', defaultRuns)
    .option('--seed <seed>', 'batch seed; game i plays with seed "<seed>:<i>"', '1')
    .option('--us-policy <policy>', policyHelp('us'))
    .option('--iran-policy <policy>', policyHelp('iran'))
    .option(
      '--workers <k>',
      `worker threads (default: available cores, here ${availableParallelism()}; at most 4 per core, here ${maxWorkers()})`,
    )
    .option(
      '--policy-module <file>',
      'a .js/.mjs module that exports `policies` (ID → (side) => Policy), or .ts under node --import tsx; repeatable',
      collect,
    )
    .option('--json', 'print JSON instead of the report');
}

export interface CommonBatchSetup {
  scenario: Scenario;
  runs: number;
  seed: string;
  us: string;
  iran: string;
  workers: number;
  params: Record<string, number>;
  modules: string[];
  /** The built-in bots plus the --policy-module ones: for the flags that name a bot. */
  policies: PolicyRegistry;
}

/** The games a batch plays, as the set-up resolved them: what batch and report hand startBatch alike. */
export function batchGames(c: CommonBatchSetup): Omit<CommonBatchSetup, 'policies'> {
  const { policies: _, ...games } = c;
  return games;
}

/**
 * Batch-layer input errors are the user's to fix: exit 2 like any usage error. One about a flag's value
 * (`--param: …`, `--shard …`, `--metric: …`) shows the usage too, as commander's own flag errors do; one
 * about a file's contents (a part file, a --resume file) does not.
 */
export function asUsage<T>(f: () => T): T {
  try {
    return f();
  } catch (err) {
    if (err instanceof BatchInputError) throw new UsageError(err.message, err.message.startsWith('--'));
    throw err;
  }
}

export async function commonSetup(opts: CommonBatchOptions): Promise<CommonBatchSetup> {
  const modules = (opts.policyModule ?? []).map((m) => resolve(m));
  let policies: PolicyRegistry;
  try {
    policies = await loadPolicyModules(modules);
  } catch (err) {
    throw new UsageError(`--policy-module: cannot load: ${err instanceof Error ? err.message : String(err)}`, false);
  }
  const runs = parsePositiveInt('--runs', opts.runs, { max: MAX_RUNS });
  const workers = opts.workers === undefined ? availableParallelism() : parsePositiveInt('--workers', opts.workers, { max: maxWorkers() });
  const seed = parseSeed(opts.seed);
  const params = asUsage(() => parseAssignments('--param', opts.param ?? []));
  const scenario = scenarioFrom(opts.scenario, policies);
  const us = sidePolicy('--us-policy', opts.usPolicy, 'us', scenario, policies).id;
  const iran = sidePolicy('--iran-policy', opts.iranPolicy, 'iran', scenario, policies).id;
  return { scenario, runs, seed, us, iran, workers, params, modules, policies };
}

/**
 * Ctrl-C or SIGTERM (a scheduler ending a task) stops the run and prints what finished; a second signal
 * quits at once (files are already whole: every write is of complete lines, and temporary files are
 * removed on exit). Returns the function that removes the handlers.
 */
export function onInterrupt(stop: (signal: NodeJS.Signals) => void): () => void {
  let count = 0;
  const handler = (signal: NodeJS.Signals) => {
    count += 1;
    if (count === 1) stop(signal);
    else process.exit(signal === 'SIGTERM' ? EXIT_TERMINATED : EXIT_INTERRUPTED);
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
  return () => {
    process.off('SIGINT', handler);
    process.off('SIGTERM', handler);
  };
}

/**
 * Where compare's and sweep's report goes: stdout, or stderr when --out - or --csv - sends data there
 * (and --json with it would mix two documents on one stream).
 */
export function summaryIo(opts: Pick<CommonBatchOptions, 'out' | 'json'> & { csv?: string }, io: Io): Io {
  const data = [
    ['--out', opts.out],
    ['--csv', opts.csv],
  ]
    .filter(([, p]) => p !== undefined && isStdout(p))
    .map(([flag]) => flag!);
  if (data.length === 0) return io;
  if (data.length > 1) throw new UsageError(`${data.join(' and ')} both write to standard output; send one of them to a file`, false);
  if (opts.json) throw new UsageError(`--json and ${data[0]} - both write to standard output; send one of them to a file`, false);
  return { out: io.err, err: io.err };
}

/**
 * compare's and sweep's --csv: its target checked now, before any game is played (and apart from --out),
 * and a function that writes the table once the run has ended.
 */
export function summaryCsv<J>(
  opts: Pick<CommonBatchOptions, 'out'> & { csv?: string },
  io: Io,
  table: (json: J) => string,
): (json: J) => void {
  if (opts.csv === undefined) return () => {};
  const target = outputTarget('--csv', opts.csv);
  if (opts.out !== undefined) distinctOutputs([outputTarget('--out', opts.out), target]);
  return (json) => writeOutput(target, table(json), (s) => io.out(s.replace(/\n$/, '')));
}

/** --shard, --out and --resume, checked together. */
export function partOptions(opts: Pick<CommonBatchOptions, 'shard' | 'out' | 'resume'>): PartOptions {
  const shard = opts.shard === undefined ? undefined : asUsage(() => parseShard(opts.shard!));
  if (shard && opts.out === undefined) throw new UsageError('--shard needs --out FILE.jsonl: the part file that brink merge reads');
  if (opts.resume && opts.out === undefined) throw new UsageError('--resume needs --out FILE.jsonl (the file to continue)');
  return { ...(shard ? { shard } : {}), ...(opts.out !== undefined ? { out: opts.out } : {}), ...(opts.resume ? { resume: true } : {}) };
}

export function formatBatchReport(
  r: BatchResult,
  scenarioArg: string,
  /** Where each game's drawn parameters were written (--out, --csv), if anywhere. */
  kept: readonly string[] = [],
): string {
  const j = r.json;
  const lines: string[] = [];
  lines.push(`Brink batch · scenario ${j.scenario.id} (${j.scenario.hash}) · ${j.turns} turns of ${j.daysPerTurn} days`);
  lines.push(
    `US: ${j.policies.us} · Iran: ${j.policies.iran} · seed ${j.seed}${
      Object.keys(j.params).length ? ` · params ${paramsText(j.params)}` : ''
    }`,
  );
  lines.push(gamesCountText(j, 'games', r.resumed));
  lines.push(
    `Game i plays with seed "${j.seed}:i"; replay one with: brink run --scenario ${shellQuote(scenarioArg)} --seed ${shellQuote(`${j.seed}:<i>`)} --us-policy ${shellQuote(j.policies.us)} --iran-policy ${shellQuote(j.policies.iran)}${paramFlags(j.params)}${
      j.uncertainty.mode === 'none'
        ? ''
        : kept.length > 0
          ? ` --param … (its drawn parameters are in ${kept.join(' and ')})`
          : ' --param … (its drawn parameters were not kept: add --out FILE or --csv FILE to keep them)'
    }`,
  );
  lines.push(bandsNoteFor(j.uncertainty.mode, j.uncertainty.distribution));
  lines.push('');
  lines.push(`${'How the games ended'.padEnd(LABEL_WIDTH + 2)}      P   95 % interval`);
  for (const name of SHOWN_OUTCOMES) {
    const o = j.outcomes[name];
    lines.push(
      `  ${OUTCOME_LABELS[name].padEnd(LABEL_WIDTH)} ${shareText(o.p).padStart(7)}   [${shareText(o.ci95[0])}, ${shareText(o.ci95[1])}]`,
    );
  }
  lines.push(SHARE_INTERVAL_NOTE(j.runs));
  lines.push('');
  lines.push(`${'Per game'.padEnd(LABEL_WIDTH + 2)}    mean       p5      p50      p95`);
  for (const name of [...METRIC_NAMES, ...SCORE_NAMES]) {
    const m = j.metrics[name];
    lines.push(
      `  ${METRIC_LABELS[name].padEnd(LABEL_WIDTH)} ${meanText(m.mean).padStart(7)}  ${metricValueText(name, m.p5).padStart(7)}  ${metricValueText(name, m.p50).padStart(7)}  ${metricValueText(name, m.p95).padStart(7)}`,
    );
  }
  lines.push(BATCH_BY_ID_NOTE);
  lines.push('');
  lines.push(histogramChart('Attacks on US forces per game (Iraq, Syria, Jordan)', r.aggregator.metricHist.get('attacksOnUS')!));
  lines.push('');
  lines.push(
    fanChart('Escalation ladder by turn (rung at turn end)', j.series.rung.perTurn, {
      min: MIN_RUNG,
      max: MAX_RUNG,
      rowLabel: (v) => `${v} ${rungName(v)}`.slice(0, 28),
    }),
  );
  return lines.join('\n');
}

interface BatchFlags extends CommonBatchOptions, UncertaintyFlags {
  csv?: string;
  csvTurns?: string;
}

/** --out of compare and sweep (and of a sharded batch). */
export const PART_OUT_HELP =
  'write each finished chunk of games to FILE as it completes (a brink.part/1 file: continue it with --resume; add shards up with brink merge)';

export async function batchAction(opts: BatchFlags, io: Io, setExit: (code: number) => void): Promise<void> {
  // When games go to standard output (--out -, --csv - or --csv-turns -), the summary goes to stderr;
  // --json would mix two documents on one stream.
  const dataFlag = [
    ['--out', opts.out],
    ['--csv', opts.csv],
    ['--csv-turns', opts.csvTurns],
  ].find(([, p]) => p !== undefined && isStdout(p))?.[0];
  if (dataFlag && opts.json)
    throw new UsageError(`--json and ${dataFlag} - both write to standard output; send one of them to a file`, false);
  const summaryIo: Io = dataFlag ? { out: io.err, err: io.err } : io;
  const c = await commonSetup(opts);
  const part = partOptions(opts);
  const dist = parseUncertainty(opts);
  const progress = new Progress(c.runs);
  const run = asUsage(() =>
    startBatch({
      ...batchGames(c),
      scenarioArg: opts.scenario,
      ...part,
      ...(dist.kind === 'none' ? {} : { uncertainty: dist }),
      ...(opts.csv !== undefined ? { csv: opts.csv } : {}),
      ...(opts.csvTurns !== undefined ? { csvTurns: opts.csvTurns } : {}),
      stdout: (s) => io.out(s.replace(/\n$/, '')),
      onProgress: (done, total) => progress.update(done, done === total),
    }),
  );
  await finishRun(
    'batch',
    run,
    progress,
    summaryIo,
    setExit,
    (result) =>
      opts.json
        ? JSON.stringify(result.json, null, 2)
        : formatBatchReport(result, opts.scenario, [
            ...(opts.out !== undefined ? [`the --out record (${opts.out})`] : []),
            ...(opts.csv !== undefined ? [`the --csv rows (${opts.csv})`] : []),
          ]),
    {
      interrupted: (r) =>
        `${r.json.runs} of ${r.json.requested} games${opts.out ? `; continue it with the same command and --resume (finished games are in ${opts.out})` : ''}`,
      failed: (r) => [
        ...(r.failure!.seed !== undefined
          ? [
              `replay it alone: brink run --scenario ${shellQuote(opts.scenario)} --seed ${shellQuote(r.failure!.seed)} --us-policy ${shellQuote(c.us)} --iran-policy ${shellQuote(c.iran)}`,
            ]
          : []),
        `${r.json.runs} finished games are summarised above${opts.out ? ` and kept in ${opts.out}` : ''}`,
      ],
    },
  );
}

export const register: CommandModule = (program, io, setExit) => {
  addUncertaintyOptions(
    addCommonOptions(
      program.command('batch').description('Monte Carlo: many seeded games, aggregated (brink.batch/1 with --json)'),
      '1000',
      {
        out: 'append each finished game as one JSON line (brink.game/1) to FILE as it completes; with --shard, the part file for brink merge; - for standard output',
      },
    ),
  )
    .option(
      '--csv <file>',
      'write one row per game to FILE (model version, scenario, seeds, bots, parameters, verdict, scores, metrics); - for standard output',
    )
    .option(
      '--csv-turns <file>',
      'write one row per game and turn to FILE (the same metadata, turn, date and the per-turn series: a long table); - for standard output',
    )
    .action((opts: BatchFlags) => batchAction(opts, io, setExit));
};
