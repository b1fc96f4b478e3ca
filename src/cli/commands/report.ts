/**
 * `brink report --out report.html`: the classroom report (src/report/html.ts), with the median game and
 * a notable one told in full. `brink report --games SAVES… --out class.html`: a class's saved games of
 * one scenario and seed side by side, beside the record and the same batch (src/report/class.ts).
 *
 * The batch report: Its data is the Monte Carlo layer's own:
 * a brink.batch/1 file written by `brink batch --json` (`--from`), or, without --from, the same batch
 * run here through `startBatch` (worker threads, per-game seeds `seed:i`), so the report shows exactly
 * the numbers `brink batch --json` prints for the same flags. `--compare` adds a brink.compare/1 file
 * written by `brink compare --json`. Both files are checked against the contracts in src/batch/contract.ts.
 * `--sensitivity` adds a brink.sensitivity/1 file written by `brink sensitivity --json` (its contract:
 * src/analysis/sensitivity/contract.ts): the report plays no sensitivity run of its own, which takes
 * minutes where a report takes seconds.
 */
import type { Command } from 'commander';
import { replaySave, SaveError } from '../../engine/save.ts';
import { basename, resolve } from 'node:path';
import type { z } from 'zod';
import { SensitivitySchema } from '../../analysis/sensitivity/contract.ts';
import { BatchSchema, CompareSchema, type BatchJson, type CompareJson } from '../../batch/contract.ts';
import { Progress } from '../../batch/progress.ts';
import { startBatch } from '../../batch/run-batch.ts';
import { buildDebrief } from '../../analysis/debrief/debrief.ts';
import { renderClassReport, type ClassGame } from '../../report/class.ts';
import { renderReport } from '../../report/html.ts';
import { plural } from '../../analysis/render.ts';
import { chooseStories } from '../../report/stories.ts';
import { loadShippedScenario } from '../../scenario/loader.ts';
import { readTextFile, MiB } from '../../io/read.ts';
import { outputTarget, writeOutput } from '../../io/output.ts';
import type { Scenario } from '../../scenario/schema.ts';
import { jsonSyntaxWhere, jsonValueWhere } from '../../scenario/json-location.ts';
import { EXIT_FAILED, UsageError } from '../errors.ts';
import type { CommandModule, Io } from '../command.ts';
import { policyHelp, scenarioFrom } from '../options.ts';
import { asUsage, batchGames, collect, commonSetup } from './batch.ts';
import { readSave } from './save-io.ts';
import { humanSides, offRecordOf } from '../../ui/session.ts';
import { addUncertaintyOptions, parseUncertainty } from '../uncertainty-options.ts';
import {
  distributionHash,
  posteriorDistribution,
  priorDistribution,
  type ParamDistribution,
} from '../../analysis/uncertainty/distribution.ts';
import { drawnRanges, type DrawnRange } from '../../analysis/calibration/shifts.ts';
import type { ParamId } from '../../model/params.ts';
import { loadPosterior, SHIPPED_POSTERIOR } from '../../analysis/calibration/posterior-file.ts';
import { paramsText } from '../../batch/params-arg.ts';

/** A brink.batch/1 or brink.compare/1 file is tens of kilobytes; anything past this is not one. */
const MAX_JSON_BYTES = 64 * MiB;

function readJson<T>(flag: string, file: string, schema: z.ZodType<T>, what: string): T {
  const text = readTextFile(file, { what: flag, maxBytes: MAX_JSON_BYTES });
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    // The location names the file: once is enough.
    throw new UsageError(`${flag}: ${jsonSyntaxWhere(file, text, err)}: not JSON: ${(err as Error).message}`, false);
  }
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    // Where, as scenario errors say it: file:line:col and the field.
    throw new UsageError(`${flag}: ${jsonValueWhere(file, text, issue.path)}: ${issue.message}; it is not a ${what} file`, false);
  }
  return parsed.data;
}

/**
 * The scenario document of a batch read from a file, for its title, dates and injects: the one given
 * with --scenario, or the shipped scenario of that ID; either only if its hash is the batch's, so the
 * report never describes a scenario other than the one played.
 */
function scenarioOf(batch: BatchJson, arg: string | undefined, warn: (s: string) => void): Scenario | undefined {
  if (arg !== undefined) {
    const s = scenarioFrom(arg);
    if (s.hash !== batch.scenario.hash) {
      throw new UsageError(
        `--scenario: '${arg}' (${s.id} ${s.hash}) is not the scenario the --from batch played (${batch.scenario.id} ${batch.scenario.hash})`,
        false,
      );
    }
    return s;
  }
  let s: Scenario;
  try {
    // An ID read from a file names a shipped scenario, never a path (a path only comes from --scenario).
    s = loadShippedScenario(batch.scenario.id);
  } catch {
    // A custom scenario file: the report still renders, without its title, dates and injects.
    warn(`brink: note: no shipped scenario '${batch.scenario.id}'; pass its file with --scenario for its title, dates and injects`);
    return undefined;
  }
  if (s.hash === batch.scenario.hash) return s;
  warn(
    `brink: note: scenario '${batch.scenario.id}' has changed since this batch (hash ${batch.scenario.hash}, now ${s.hash}); the report leaves out its title, dates and injects`,
  );
  return undefined;
}

interface ReportOpts {
  from?: string;
  compare?: string;
  sensitivity?: string;
  out?: string;
  games?: string[];
  scenario?: string;
  runs?: string;
  seed?: string;
  usPolicy?: string;
  iranPolicy?: string;
  workers?: string;
  param?: string[];
  policyModule?: string[];
  uncertainty?: string;
  posterior?: string;
}

/** The flags that describe games to play: meaningless with --from, whose games are already played. */
const PLAY_FLAGS: readonly [keyof ReportOpts, string][] = [
  ['runs', '--runs'],
  ['seed', '--seed'],
  ['usPolicy', '--us-policy'],
  ['iranPolicy', '--iran-policy'],
  ['workers', '--workers'],
  ['param', '--param'],
  ['policyModule', '--policy-module'],
  ['uncertainty', '--uncertainty'],
  ['posterior', '--posterior'],
];

export const register: CommandModule = (program, io, setExit) => {
  addUncertaintyOptions(
    program
      .command('report')
      .description(
        'write a self-contained HTML classroom report (charts drawn inline, no scripts, no network), or with --games the games a class saved, side by side',
      )
      .option('--out <file.html>', 'where to write the report (required; - for standard output)')
      .option('--from <file.json>', 'a brink.batch/1 file written by brink batch --json (instead of playing the games here)')
      .option('--compare <file.json>', 'a brink.compare/1 file written by brink compare --json: adds the paired differences')
      .option(
        '--sensitivity <file.json>',
        "a brink.sensitivity/1 file written by brink sensitivity --json: adds which parameters' uncertainty drives the outcomes",
      )
      .option(
        '--scenario <id|path>',
        "scenario to play (default: october-2023); with --from, the scenario file of that batch; with --games, the file of the saves' scenario if not shipped",
      )
      .option('--runs <n>', 'games to play (default: 1000, as brink batch)')
      .option('--seed <seed>', 'batch seed; game i plays with seed "<seed>:<i>" (default: 1, or with --games the class\'s seed)')
      .option('--us-policy <policy>', policyHelp('us'))
      .option('--iran-policy <policy>', policyHelp('iran'))
      .option('--param <name=value>', 'override a model parameter (repeatable)', collect)
      .option('--workers <k>', 'worker threads (default: available cores)'),
    // No default: a mode given beside --from is refused, and an absent one must stay absent.
    null,
  )
    .option(
      '--policy-module <file>',
      'a .js/.mjs module that exports `policies` (ID → (side) => Policy), or .ts under node --import tsx; repeatable',
      collect,
    )
    .option(
      '--games <saves...>',
      "a class's save files of one scenario and seed: their games side by side, beside the record and the batch",
    )
    .action(async (opts: ReportOpts, cmd: Command) => {
      // BRINK_SEED and BRINK_WORKERS describe games to play: a report of games already played (--from),
      // or of a class's games (--games, whose seed is the class's), leaves them aside; a flag still clashes.
      if (opts.from || opts.games) for (const k of ['seed', 'workers'] as const) if (cmd.getOptionValueSource(k) === 'env') delete opts[k];
      if (!opts.out) throw new UsageError('--out <file.html> is required');
      // Checked before any game is played: a bad path fails now, not after the batch.
      const target = outputTarget('--out', opts.out);
      if (opts.games && opts.compare)
        throw new UsageError('--compare goes with a batch report, not with --games (drop one of them)', false);
      if (opts.games && opts.sensitivity)
        throw new UsageError('--sensitivity goes with a batch report, not with --games (drop one of them)', false);
      // Read before any game is played: a wrong file fails now.
      const sensitivity = opts.sensitivity
        ? readJson('--sensitivity', opts.sensitivity, SensitivitySchema, 'brink.sensitivity/1 (brink sensitivity --json)')
        : undefined;
      // With --games the scenario and the seed are the class's: the saves say them.
      const klass = opts.games ? loadClass(opts.games, opts.scenario) : undefined;
      const got = await obtainBatch(opts, io, setExit, klass);
      if (!got) return;
      const { batch, scenario } = got;
      let html: string;
      let what: string;
      if (klass) {
        html = renderClassReport({ scenario: klass.scenario, seed: klass.seed, games: klass.games, batch });
        what = `${plural(klass.games.length, 'class game')} of ${klass.scenario.id} beside ${batch.runs} bot games`;
        // A game saved before its end is shown, but its totals are not ranked against whole games.
        for (const g of klass.games.filter((x) => !x.debrief.final))
          io.err(
            `note: ${g.name} is unfinished (${g.decisions.length} of ${klass.scenario.turns} turns): shown, not ranked against the bot games`,
          );
      } else {
        const compare: CompareJson | undefined = opts.compare
          ? readJson('--compare', opts.compare, CompareSchema, 'brink.compare/1 (brink compare --json)')
          : undefined;
        const stories = scenario ? chooseStories(batch, scenario, got.dist) : undefined;
        if (compare) {
          checkSameScenario('--compare', opts.compare!, [compare.a.scenario, compare.b.scenario], batch);
          checkSameUncertainty(opts.compare!, compare, batch);
        }
        if (sensitivity) checkSameScenario('--sensitivity', opts.sensitivity!, [{ id: sensitivity.settings.scenario }], batch);
        html = renderReport({
          batch,
          ...(scenario ? { scenario } : {}),
          ...(compare ? { compare } : {}),
          ...(stories ? { stories } : {}),
          ...(sensitivity ? { sensitivity } : {}),
          ...drawnOf(batch, got.dist),
        });
        what = `${batch.runs} games of ${batch.scenario.id}${compare ? ', with a comparison' : ''}${sensitivity ? ', with what drives the uncertainty' : ''}`;
      }
      writeOutput(target, html, io.out);
      // A diagnostic: on stderr, so that `--out -` gives only the HTML on standard output.
      io.err(`wrote ${opts.out} (${what}, ${Math.round(html.length / 1024)} KB)`);
    });
};

/**
 * A comparison beside the batch must have the batch's kind of bands: dice-only figures beside figures
 * that also draw the parameters (or two different posteriors) would read as one model disagreeing with
 * itself.
 */
function checkSameUncertainty(file: string, compare: CompareJson, batch: BatchJson): void {
  const c = compare.uncertainty;
  const b = batch.uncertainty;
  if (c.mode === b.mode && c.distribution === b.distribution) return;
  const what = (u: { mode: string; distribution: string }) =>
    u.mode === 'none' ? 'at the point values (--uncertainty none)' : `under --uncertainty ${u.mode} (${u.distribution})`;
  throw new UsageError(
    `--compare: '${file}' was played ${what(c)}, but this report's games ${what(b)}; run brink compare --scenario ${batch.scenario.id} --uncertainty ${b.mode} --json for a comparison of the same kind`,
    false,
  );
}

/**
 * An analysis read beside the batch (--compare, --sensitivity) belongs in the report of the scenario it
 * was made of: one of the scenarios it names must be the batch's, by content (hash). A name without a
 * hash (a sensitivity file records only what --scenario was) is the batch's when it is the batch's ID, or
 * when the file or shipped scenario it names has the batch's hash.
 */
function checkSameScenario(
  flag: '--compare' | '--sensitivity',
  file: string,
  scenarios: readonly { readonly id: string; readonly hash?: string }[],
  batch: BatchJson,
): void {
  const hashOf = (s: { id: string; hash?: string }): string | undefined => {
    if (s.hash !== undefined) return s.hash;
    if (s.id === batch.scenario.id) return batch.scenario.hash;
    try {
      return scenarioFrom(s.id).hash;
    } catch {
      return undefined;
    }
  };
  if (scenarios.some((s) => hashOf(s) === batch.scenario.hash)) return;
  const ids = [...new Set(scenarios.map((s) => `'${s.id}'`))].join(' and ');
  const [what, command] = flag === '--compare' ? ['compares games of', 'compare'] : ['analyses', 'sensitivity'];
  throw new UsageError(
    `${flag}: '${file}' ${what} scenario ${ids}, but this report is of ${batch.scenario.id} (${batch.scenario.hash}); run brink ${command} --scenario ${batch.scenario.id} --json`,
    false,
  );
}

/** The class's games: every save must be of the same scenario (same content) and the same seed. */
interface ClassGames {
  readonly scenario: Scenario;
  readonly seed: string;
  /** The parameter overrides every game was played with (the what-ifs; usually none). */
  readonly params: Readonly<Record<string, number>>;
  readonly games: ClassGame[];
}

/** A set of overrides as text that two sets compare by ("none" for the scenario's own values). */
const paramsSet = (p: Readonly<Record<string, number>>) => paramsText(p, ' ', true) || 'none';

function loadClass(files: readonly string[], scenarioArg: string | undefined): ClassGames {
  // One file given twice would show one group's game as two groups (a shell glob and a name, say).
  const seen = new Map<string, string>();
  for (const file of files) {
    const key = resolve(file);
    const before = seen.get(key);
    if (before !== undefined) throw new UsageError(`--games: ${file} is given twice (also as ${before}); each group's save once`, false);
    seen.set(key, file);
  }
  const loaded = files.map((file) => {
    // The one place a save becomes a game: adapt here when the save format changes.
    const { save, scenario } = readSave(file, scenarioArg ? { scenario: scenarioArg } : {});
    const replay = replaySave(save, scenario);
    if (!replay.matches)
      throw new SaveError(`${file}: re-simulating its orders does not give the saved game; the file was altered or made by another engine`);
    return { file, save, scenario, state: replay.state };
  });
  const first = loaded[0]!;
  for (const g of loaded.slice(1)) {
    const clash =
      g.scenario.hash !== first.scenario.hash
        ? `${g.file} is scenario ${g.scenario.id} (${g.scenario.hash}) but ${first.file} is ${first.scenario.id} (${first.scenario.hash})`
        : g.save.seed !== first.save.seed
          ? `${g.file} has seed '${g.save.seed}' but ${first.file} has seed '${first.save.seed}'`
          : paramsSet(g.save.params) !== paramsSet(first.save.params)
            ? `${g.file} was played with parameters ${paramsSet(g.save.params)} but ${first.file} with ${paramsSet(first.save.params)}`
            : undefined;
    if (clash) throw new UsageError(`--games: a class report compares games of one scenario and one seed: ${clash}`, false);
  }
  const games = loaded.map(
    (g): ClassGame => ({
      name: basename(g.file).replace(/(\.save)?\.json$/, ''),
      side: g.save.side,
      opponent: g.save.opponent,
      decisions: g.save.decisions,
      // The class played these games: their orders are the players' own, never a bot's rule.
      debrief: buildDebrief(g.state, g.scenario, { humans: humanSides(g.save.side), offRecord: offRecordOf(g.save) }),
    }),
  );
  return { scenario: first.scenario, seed: first.save.seed, params: first.save.params, games };
}

/**
 * The batch a report shows: read from --from, or played here. For a class report the scenario is the
 * class's (a --from batch must be of it) and the seed defaults to the class's.
 */
async function obtainBatch(
  opts: ReportOpts,
  io: Io,
  setExit: (code: number) => void,
  klass?: Omit<ClassGames, 'games'>,
): Promise<{ batch: BatchJson; scenario: Scenario | undefined; dist?: ParamDistribution } | undefined> {
  if (opts.from) {
    const clash = PLAY_FLAGS.find(([key]) => opts[key] !== undefined);
    if (clash) throw new UsageError(`${clash[1]} describes games to play; --from reads games already played (drop one of them)`, false);
    const batch = readJson('--from', opts.from, BatchSchema, 'brink.batch/1 (brink batch --json)');
    if (klass) {
      if (batch.scenario.hash !== klass.scenario.hash) {
        throw new UsageError(
          `--from: '${opts.from}' is a batch of ${batch.scenario.id} (${batch.scenario.hash}), not of the class's scenario ${klass.scenario.id} (${klass.scenario.hash})`,
          false,
        );
      }
      if (paramsSet(batch.params) !== paramsSet(klass.params)) {
        throw new UsageError(
          `--from: '${opts.from}' was played with parameters ${paramsSet(batch.params)}, the class's games with ${paramsSet(klass.params)}`,
          false,
        );
      }
      return { batch, scenario: klass.scenario };
    }
    return { batch, scenario: scenarioOf(batch, opts.scenario, io.err), ...distributionOf(batch) };
  }
  const scenarioArg = klass ? (opts.scenario ?? klass.scenario.id) : (opts.scenario ?? 'october-2023');
  const c = await commonSetup({
    scenario: scenarioArg,
    runs: opts.runs ?? '1000',
    seed: opts.seed ?? klass?.seed ?? '1',
    ...(opts.usPolicy !== undefined ? { usPolicy: opts.usPolicy } : {}),
    ...(opts.iranPolicy !== undefined ? { iranPolicy: opts.iranPolicy } : {}),
    ...(opts.workers !== undefined ? { workers: opts.workers } : {}),
    // A class's bot games are played with the parameters the class played with, unless --param says otherwise.
    ...(opts.param
      ? { param: opts.param }
      : klass && Object.keys(klass.params).length > 0
        ? { param: Object.entries(klass.params).map(([k, v]) => `${k}=${v}`) }
        : {}),
    ...(opts.policyModule ? { policyModule: opts.policyModule } : {}),
  });
  const dist = parseUncertainty(opts);
  const progress = new Progress(c.runs);
  const run = asUsage(() =>
    startBatch({
      ...batchGames(c),
      scenarioArg,
      ...(dist.kind === 'none' ? {} : { uncertainty: dist }),
      onProgress: (done, total) => progress.update(done, done === total),
    }),
  );
  let result;
  try {
    result = await run.done;
  } finally {
    progress.end();
  }
  if (result.status !== 'complete') {
    const f = result.failure;
    io.err(
      `brink: report: the games did not all finish${f ? `: ${f.index !== undefined ? `game ${f.index} (seed '${f.seed}'): ` : ''}${f.message}` : ''}; no report written`,
    );
    setExit(EXIT_FAILED);
    return undefined;
  }
  // Through the contract (the batch layer types `schema` as a plain string): what is rendered is a valid brink.batch/1.
  return { batch: BatchSchema.parse(result.json), scenario: c.scenario, dist };
}

/**
 * Under --uncertainty, what the games drew each parameter from, for the report's list of assumptions
 * (which would otherwise show point values the games did not play). Only from the very distribution the
 * batch records (its hash): a posterior regenerated since is not the one the games drew from.
 */
function drawnOf(batch: BatchJson, dist: ParamDistribution | undefined): { drawn?: Partial<Record<ParamId, DrawnRange>> } {
  if (!dist || dist.kind === 'none' || distributionHash(dist) !== batch.uncertainty.distribution) return {};
  return { drawn: drawnRanges(dist) };
}

/**
 * What a --from batch drew its parameters from, when that is at hand: the priors, or the shipped
 * posterior, if the batch's recorded hash is theirs (chooseStories checks it again). Otherwise nothing,
 * and the report says its single games cannot be replayed.
 */
function distributionOf(batch: BatchJson): { dist?: ParamDistribution } {
  if (batch.uncertainty.mode === 'prior') return { dist: priorDistribution() };
  if (batch.uncertainty.mode !== 'posterior') return {};
  try {
    return { dist: posteriorDistribution(loadPosterior(SHIPPED_POSTERIOR)) };
  } catch {
    return {};
  }
}
