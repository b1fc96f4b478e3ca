/**
 * `brink sensitivity`: which parameters' uncertainty drives the outcomes. Morris screening of every
 * prior-bearing parameter, then first-order and total Sobol indices with bootstrap intervals for the
 * top ones, as terminal bar charts (or JSON). This is the list to challenge first.
 */
import { availableParallelism } from 'node:os';
import { renderBars } from '../../analysis/sensitivity/bars.ts';
import {
  estimatorNoiseNote,
  flatOutcomes,
  flatOutcomesNote,
  screenedButSilentNote,
  sensitivityJson,
} from '../../analysis/sensitivity/contract.ts';
import { sparseProgress } from '../../batch/progress.ts';
import { sensitivity, type SensitivityResult } from '../../analysis/sensitivity/real-model.ts';
import { EvalPool } from '../../analysis/uncertainty/eval-pool.ts';
import { SENSITIVITY_OUTCOME_NAMES, SENSITIVITY_OUTCOMES } from '../../analysis/uncertainty/measures.ts';
import type { CommandModule } from '../command.ts';
import { parsePositiveInt, parseSeed, policyHelp, scenarioFrom, sidePolicy } from '../options.ts';

interface SensitivityFlags {
  scenario: string;
  usPolicy?: string;
  iranPolicy?: string;
  trajectories: string;
  top: string;
  sobolN: string;
  games: string;
  seed: string;
  workers?: string;
  json?: boolean;
}

export function formatSensitivity(r: SensitivityResult): string {
  const s = r.settings;
  const lines = [
    `Brink sensitivity · ${s.scenario} · US ${s.us} · Iran ${s.iran} · seed ${s.seed}`,
    `Morris: ${s.trajectories} trajectories (${r.runs.morris} parameter sets); Sobol: top ${s.top}, N = ${s.sobolN} (${r.runs.sobol} sets); ${s.games} games per set, ${r.runs.games} games in all.`,
    'Parameters vary over their priors (score weights are preferences and never vary). "cited" ranges come from the record, "assumption" ranges from what no source says.',
    '',
    'Screening (Morris μ*, in standard deviations of each outcome; the largest over the outcomes):',
    renderBars(
      r.screen.slice(0, 20).map((row) => ({ label: row.id, value: row.rank, note: row.cited ? 'cited' : 'assumption' })),
      { width: 30 },
    ),
  ];
  const silent = screenedButSilentNote(r, (o) => SENSITIVITY_OUTCOME_NAMES[o]);
  if (silent) lines.push(silent);
  const flat = new Set(flatOutcomes(r));
  for (const name of SENSITIVITY_OUTCOMES) {
    const shown = SENSITIVITY_OUTCOME_NAMES[name];
    lines.push('', `Total Sobol index for ${shown} (share of its variance, with interactions; 95 % bootstrap interval):`);
    lines.push(
      renderBars(
        r.sobol[name].map((row) => ({
          label: row.id,
          value: Math.max(0, row.total),
          lo: Math.max(0, row.totalCi[0]),
          hi: Math.max(0, row.totalCi[1]),
          note: `first ${row.first.toFixed(2)} · ${row.cited ? 'cited' : 'assumption'}`,
        })),
        { width: 30, max: 1 },
      ),
    );
    if (flat.has(name)) lines.push(flatOutcomesNote([shown], r.settings.games));
    const noise = estimatorNoiseNote(r.sobol[name], r.settings);
    if (noise) lines.push(noise);
  }
  return lines.join('\n');
}

/**
 * The numbers of a sensitivity command line, checked: every value a flag accepts is one the designs run
 * with (Morris compares two trajectories at least; a Saltelli matrix needs two rows).
 */
export function parseSensitivityNumbers(opts: Pick<SensitivityFlags, 'trajectories' | 'top' | 'sobolN' | 'games'>) {
  return {
    trajectories: parsePositiveInt('--trajectories', opts.trajectories, { min: 2, max: 10_000 }),
    top: parsePositiveInt('--top', opts.top, { max: 100 }),
    sobolN: parsePositiveInt('--sobol-n', opts.sobolN, { min: 2, max: 1_000_000 }),
    games: parsePositiveInt('--games', opts.games, { max: 100_000 }),
  };
}

export const register: CommandModule = (program, io) => {
  program
    .command('sensitivity')
    .description("which parameters' uncertainty drives the outcomes: Morris screening, then Sobol indices for the top ones")
    .option('--scenario <id|path>', 'scenario ID or YAML file', 'october-2023')
    .option('--us-policy <policy>', policyHelp('us'))
    .option('--iran-policy <policy>', policyHelp('iran'))
    .option('--trajectories <n>', 'Morris trajectories (at least 2: the screening compares them)', '20')
    .option('--top <n>', 'parameters for the Sobol analysis', '12')
    .option('--sobol-n <n>', 'rows of the Saltelli matrices (at least 2)', '128')
    .option('--games <n>', 'games per parameter set', '8')
    .option('--seed <seed>', 'seed', '1')
    .option('--workers <k>', `worker threads (default: available cores, here ${availableParallelism()})`)
    .option('--json', 'print JSON (brink.sensitivity/1, schemas/sensitivity.schema.json; brink report --sensitivity FILE draws it)')
    .action(async (opts: SensitivityFlags) => {
      const scenario = scenarioFrom(opts.scenario); // a bad --scenario fails here, with its usage, before any worker starts
      const settings = {
        scenario: opts.scenario,
        us: sidePolicy('--us-policy', opts.usPolicy, 'us', scenario).id,
        iran: sidePolicy('--iran-policy', opts.iranPolicy, 'iran', scenario).id,
        ...parseSensitivityNumbers(opts),
        seed: parseSeed(opts.seed),
      };
      const workers = opts.workers === undefined ? availableParallelism() : parsePositiveInt('--workers', opts.workers, { max: 256 });
      const pool = new EvalPool(workers);
      // A line at each tenth of a phase, counted in parameter sets: a log or a pipe gets about ten lines a phase, not one every few sets.
      const phases = new Map<string, (done: number, total: number) => void>();
      try {
        const result = await sensitivity(settings, pool, (phase, done, total) => {
          if (!phases.has(phase))
            phases.set(
              phase,
              sparseProgress((d, t) => io.err(`${phase}: ${d}/${t} parameter sets`)),
            );
          phases.get(phase)!(done, total);
        });
        io.out(opts.json ? JSON.stringify(sensitivityJson(result), null, 2) : formatSensitivity(result));
      } finally {
        await pool.close();
      }
    });
};
