/**
 * What `--help` adds after each command's options (commander's addHelpText): examples, and the values a
 * flag accepts when the options list cannot say them (bots, the `always:<action>` form, metrics,
 * parameters). Imported only when help is asked for, so its imports of the model cost nothing on other
 * runs. The lists are read from the registries themselves (BUILTIN_POLICIES, ACTIONS, PARAM_IDS,
 * SWEEP_METRICS…), so help cannot fall behind the code. `choices()` is kept for the closed sets of a
 * flag's own (`completion bash|zsh`); these lists are open (a --policy-module adds bots).
 */
import type { Command } from 'commander';
import { limitationsHelp } from '../report/limitations.ts';

/** The registries the lists come from, imported only for a command's help (the root help needs none). */
async function loadValues() {
  const [record, sweep, params, policies, portfolio, actions, difficulty, loader] = await Promise.all([
    import('../batch/record.ts'),
    import('../batch/sweep.ts'),
    import('../model/params.ts'),
    import('../policies/index.ts'),
    import('../model/portfolio.ts'),
    import('../model/actions.ts'),
    import('../policies/difficulty.ts'),
    import('../scenario/loader.ts'),
  ]);
  return {
    METRIC_NAMES: record.METRIC_NAMES,
    OUTCOME_NAMES: record.OUTCOME_NAMES,
    SCORE_NAMES: record.SCORE_NAMES,
    SWEEP_METRICS: sweep.SWEEP_METRICS,
    PARAM_IDS: params.PARAM_IDS,
    bots: policies.policyIds(),
    /** What each bot does, for each side (the policies' own descriptions). */
    botNotes: policies.policyIds().map((id) => ({
      id,
      us: policies.getPolicy(id, 'us').description,
      iran: policies.getPolicy(id, 'iran').description,
    })),
    ALWAYS_PREFIX: portfolio.ALWAYS_PREFIX,
    actionsOf: (side: 'us' | 'iran', track: 'force' | 'signal') => actions.actionsOn(side, track).map((a) => a.id),
    levels: difficulty.DIFFICULTY_LEVELS,
    scenarioIds: loader.listScenarioIds(),
  };
}
type Values = Awaited<ReturnType<typeof loadValues>>;

/** Wraps a list of names to the width, indented under its label. */
function wrapList(label: string, names: readonly string[], width = 100): string {
  const lines: string[] = [];
  let line = `  ${label}`;
  for (const [i, n] of names.entries()) {
    const word = n + (i < names.length - 1 ? ',' : '');
    if (line.length + word.length + 1 > width) {
      lines.push(line);
      line = ' '.repeat(4);
    }
    line += (line.trim() ? ' ' : '') + word;
  }
  lines.push(line);
  return lines.join('\n');
}

/** Words wrapped to the width: the first line starts with `head`, the rest with `indent` spaces. */
function wrapText(head: string, text: string, indent: number, width = 100): string[] {
  const lines: string[] = [];
  let line = head;
  for (const word of text.split(/\s+/)) {
    if (line.trim() && line.length + 1 + word.length > width) {
      lines.push(line);
      line = ' '.repeat(indent) + word;
    } else {
      line += (line.endsWith(' ') ? '' : ' ') + word;
    }
  }
  lines.push(line);
  return lines;
}

/** Each bot with what it does: one entry when both sides' descriptions agree, a line a side when not. */
function botLines(notes: Values['botNotes']): string[] {
  const column = 4 + Math.max(...notes.map((n) => n.id.length)) + 2;
  return notes.flatMap((n) => {
    const head = `    ${n.id}`.padEnd(column);
    if (n.us === n.iran) return wrapText(head, n.us, column);
    const pad = ' '.repeat(column);
    return [...wrapText(`${head}US:   `, n.us, column + 6), ...wrapText(`${pad}Iran: `, n.iran, column + 6)];
  });
}

const examples = (...lines: string[]) => ['', 'Examples:', ...lines.map((l) => `  $ ${l}`)].join('\n');

/** The bots a command takes; `modules`: whether it takes --policy-module (the batch commands do). */
const bots = (v: Values, modules = true) =>
  [
    '  Bots (--us-policy, --iran-policy):',
    ...botLines(v.botNotes),
    `  or ${v.ALWAYS_PREFIX}<force>+<signal>, the same order every turn (one action alone leaves the other lever empty):`,
    wrapList('  US force:', v.actionsOf('us', 'force')),
    wrapList('  US signal:', v.actionsOf('us', 'signal')),
    wrapList('  Iran force:', v.actionsOf('iran', 'force')),
    wrapList('  Iran signal:', v.actionsOf('iran', 'signal')),
    ...(modules
      ? [
          '  --policy-module FILE adds bots: a .js or .mjs module, anywhere, that exports `policies`, a record',
          "    from ID to (side) => Policy, and imports Brink by its package name ('brink', 'brink/policies');",
          '    a .ts module under `node --import tsx`. See docs/library.md.',
        ]
      : []),
  ].join('\n');
const scenarios = (v: Values) =>
  `${wrapList('Scenarios (--scenario):', v.scenarioIds)}\n    or a path to a scenario YAML file (brink scenarios schema).`;
const params = (v: Values, flag = '--param name=value') =>
  wrapList(`Parameters (${flag}; brink explain NAME says what each is):`, v.PARAM_IDS);
const env = (...vars: string[]) => `\nEnvironment: ${vars.join(', ')} (a flag given on the command line wins).`;

const HELP: Readonly<Record<string, (v: Values) => string>> = {
  '': () =>
    [
      examples(
        'brink play                                         # the terminal game',
        'brink run --scenario tower-22 --seed 7             # one headless game with its debrief',
        'brink batch --scenario october-2023 --runs 10000 --json > batch.json',
        'brink compare --us-policy historical --us-policy-b hawk',
        'brink explain militiaAttackRate',
        "brink help batch                                   # a command's flags, values and examples",
      ),
      '',
      'Environment: BRINK_WORKERS (worker threads of batch, compare, sweep, report, calibrate, sensitivity),',
      'BRINK_SEED (the seed of every command but play); a flag wins. BRINK_DEBUG=1 prints stack traces of',
      'internal errors. Shell completion: brink completion bash|zsh (see brink completion --help).',
      // What Brink is and is not (the same text as the report's and docs/limitations.md's).
      limitationsHelp(),
    ].join('\n'),
  play: (v) =>
    [
      examples(
        'brink play',
        'brink play --scenario tower-22 --side iran --opponent hard --seed 7',
        'brink play --load brink-tower-22-7-iran-vs-hard.save.json',
      ),
      '',
      '  Sides (--side): us, iran, both (hot-seat at one keyboard).',
      wrapList('Opponents (--opponent):', [...new Set([...v.levels.map((l) => l.id), ...v.bots])]),
      scenarios(v),
    ].join('\n'),
  replay: () => examples('brink replay brink-tower-22-7-iran-vs-hard.save.json', 'brink replay mine.save.json --scenario my-variant.yaml'),
  run: (v) =>
    [
      examples(
        'brink run --scenario tower-22 --seed 7',
        'brink run --scenario october-2023 --seed 7 --json > game.json      # brink.run/2',
        "brink run --seed '1:42' --us-policy hawk                          # game 42 of a batch with seed 1",
        'brink run --us-policy always:us.major-campaign',
        'brink run --us-policy always:us.hold+us.strike-houthis             # restraint in Iraq, strikes in Yemen',
        "brink run --seed '1:42' --param deterrenceEffect=0.3               # game 42 of a batch run with that --param",
      ),
      '',
      bots(v, false),
      scenarios(v),
      params(v),
      env('BRINK_SEED'),
    ].join('\n'),
  batch: (v) =>
    [
      examples(
        'brink batch --scenario october-2023 --runs 10000 --seed 1',
        'brink batch --runs 10000 --json > batch.json                       # brink.batch/1',
        'brink batch --runs 100000 --out runs.jsonl --csv runs.csv           # Ctrl-C keeps finished games',
        'brink batch --runs 100000 --out runs.jsonl --resume                 # continue it',
        'brink batch --runs 1000 --csv games.csv --csv-turns turns.csv       # per game, and per game and turn (long)',
        'brink batch --runs 30000 --shard 0/3 --out part-0.jsonl             # then brink merge part-*.jsonl',
        'brink batch --param militiaAttackRate=3 --us-policy hawk --uncertainty posterior',
      ),
      '',
      bots(v),
      scenarios(v),
      params(v),
      env('BRINK_WORKERS', 'BRINK_SEED'),
    ].join('\n'),
  compare: (v) =>
    [
      examples(
        'brink compare --scenario tower-22 --us-policy historical --us-policy-b hawk',
        'brink compare --param-b deterrenceEffect=0.5 --json > compare.json  # brink.compare/1',
        'brink compare --scenario october-2023 --scenario-b my-variant.yaml',
        'brink compare --scenario red-sea --us-policy-b always:us.major-campaign',
        'brink compare --scenario red-sea --us-policy-b always:us.calibrated-strikes+us.strike-houthis',
        'brink compare --us-policy-b hawk --csv compare.csv                  # one row per outcome and metric',
      ),
      '',
      "  95 % intervals of B − A: Student t (n − 1 degrees of freedom) for the mean of a metric, Newcombe's",
      '    paired interval for a share of games (an outcome); with fewer than 30 games they are wide.',
      '',
      bots(v),
      scenarios(v),
      params(v),
      wrapList('Outcomes reported:', v.OUTCOME_NAMES),
      wrapList('Metrics reported:', [...v.METRIC_NAMES, ...v.SCORE_NAMES]),
      env('BRINK_WORKERS', 'BRINK_SEED'),
    ].join('\n'),
  sweep: (v) =>
    [
      examples(
        'brink sweep --param deterrenceEffect --param fatalityPerAttack      # ±50 % around each value',
        'brink sweep --param militiaAttackRate=1:3:5 --metric attacksOnUS --metric usKilled',
        'brink sweep --param deterrenceEffect --json > sweep.json            # brink.sweep/1',
        'brink sweep --param deterrenceEffect --csv sweep.csv                # one row per metric and point',
      ),
      '',
      params(v, '--param name=lo:hi:steps, or a bare name'),
      wrapList('Metrics (--metric):', v.SWEEP_METRICS),
      bots(v),
      scenarios(v),
      env('BRINK_WORKERS', 'BRINK_SEED'),
    ].join('\n'),
  merge: () =>
    [
      examples(
        'for k in 0 1 2; do brink batch --runs 30000 --seed s --shard $k/3 --out part-$k.jsonl; done',
        'brink merge part-*.jsonl --json      # the same bytes as: brink batch --runs 30000 --seed s --json',
      ),
      '  Parts must come from the same command, settings and model version (deploy/README.md: Kubernetes, Slurm).',
    ].join('\n'),
  report: (v) =>
    [
      examples(
        'brink report --scenario tower-22 --runs 1000 --out tower-22.html',
        'brink batch --runs 10000 --json > batch.json && brink report --from batch.json --out report.html',
        'brink report --from batch.json --compare compare.json --out report.html',
        'brink report --games alice.save.json bob.save.json --out class.html',
      ),
      '',
      bots(v),
      scenarios(v),
      env('BRINK_WORKERS', 'BRINK_SEED'),
    ].join('\n'),
  backtest: (v) =>
    [
      examples('brink backtest', 'brink backtest --runs 5000 --json', 'brink backtest --param militiaAttackRate=3'),
      '',
      params(v),
      env('BRINK_SEED'),
    ].join('\n'),
  explain: () =>
    examples(
      'brink explain militiaAttackRate',
      'brink explain F-06',
      'brink explain R-IRN-01',
      'brink explain us.major-campaign',
      'brink explain iran.braking',
      'brink explain attacks-by-2-feb',
      'brink explain --list',
      'brink explain --assumptions',
    ),
  scenarios: () =>
    examples(
      'brink scenarios list',
      'brink scenarios show tower-22',
      'brink scenarios validate my-variant.yaml',
      'brink scenarios schema --out scenario.schema.json',
    ),
  calibrate: () =>
    [
      examples(
        'brink calibrate --report',
        'brink calibrate --out my-posterior.json --population 200 --generations 4',
        'brink batch --uncertainty posterior --posterior my-posterior.json',
      ),
      env('BRINK_WORKERS', 'BRINK_SEED'),
    ].join('\n'),
  sensitivity: (v) =>
    [
      examples('brink sensitivity --scenario october-2023', 'brink sensitivity --trajectories 10 --top 6 --json > sensitivity.json'),
      '',
      bots(v, false),
      scenarios(v),
      env('BRINK_WORKERS', 'BRINK_SEED'),
    ].join('\n'),
  completion: () =>
    examples(
      'brink completion bash > ~/.local/share/bash-completion/completions/brink',
      'source <(brink completion bash)                                    # this shell only',
      'brink completion zsh > "$fpath[1]/_brink"                          # then restart zsh',
    ),
};

/** Every top-level command's help text has an entry here (tested). */
export const HELP_TOPICS: readonly string[] = Object.keys(HELP).filter((k) => k !== '');

/**
 * Adds the examples and allowed values to the root and to every top-level command. `forCommand`: a
 * command's help is asked for, so the registries are loaded; the root help alone needs none of them.
 */
export async function addExamples(program: Command, forCommand: boolean): Promise<void> {
  const v = forCommand ? await loadValues() : undefined;
  program.addHelpText('after', HELP['']!(v as Values));
  if (!v) return;
  for (const cmd of program.commands) {
    const text = HELP[cmd.name()];
    if (text) cmd.addHelpText('after', () => text(v));
  }
}
